// Differences from what newman sends that are deliberate, each with its reason. Anything else that
// differs fails the conformance test. Keep this list short: every entry is a place where the
// client does not do what Postman does.
import type { OperationModel, Warning } from "../../src/model/types.js";
import { decodes, queryMeaning, type Difference } from "./compare.js";

export interface Allowance {
  reason: string;
  /**
   * Which differences it covers; `warnings` are the generator's about the item, `all` every
   * difference of the item (one may be the consequence of another).
   */
  matches: (
    collection: string,
    op: OperationModel,
    difference: Difference,
    warnings: readonly Warning[],
    all: readonly Difference[],
    targets: Targets,
  ) => boolean;
}

/** The request targets (path and query) as each sender sent them, percent-encoding untouched. */
export interface Targets {
  newman: string;
  client: string;
}

export const ALLOWLIST: Allowance[] = [
  {
    reason:
      "An empty path variable value: Postman sends an empty segment (`/audiences//users`), which changes the path; the client refuses it with a ValidationError before sending.",
    matches: (_collection, _op, d) =>
      d.aspect === "sent" && /\(path variable "[^"]+"\) must not be empty$/.test(String(d.client)),
  },
  {
    reason:
      'An unquoted variable in a JSON body (`"access_token": {{access_token}}`) whose value is no JSON value (the test gives it `test-access_token`): Postman pastes the text and sends broken JSON; the client sends the JSON value the text is, and refuses text that is none with a ValidationError naming the reference.',
    // Any collection's: a value its scripts set at run time is text here (Akamai's, Adyen's, Wise's).
    matches: (_collection, _op, d) =>
      d.aspect === "sent" && /written unquoted in the JSON body, is no JSON value/.test(String(d.client)),
  },
  {
    reason:
      "A Host header: fetch sets Host from the URL and ignores the item's (Postman sends it, for a virtual host); the generator leaves it out with a warning.",
    matches: (_collection, _op, d) => d.aspect === "header:host",
  },
  {
    reason:
      "A Sec-Fetch-Mode header (often `navigate`, copied from a browser): Node's fetch writes the request's mode (`cors`) over the item's, newman sends the item's; the generator leaves it out with a warning.",
    matches: (_collection, _op, d) => d.aspect === "header:sec-fetch-mode",
  },
  {
    reason:
      "A body on a GET or HEAD request that the item keeps from Postman's pruning (`protocolProfileBehavior.disableBodyPruning`, as Elasticsearch's and GraphQL-over-GET collections do): newman sends it, fetch refuses a GET or HEAD with a body; the generator leaves the body out with a warning.",
    matches: (_collection, op, d) =>
      /^(GET|HEAD)$/i.test(op.method) && (d.aspect === "body" || d.aspect === "content-type"),
  },
  {
    reason:
      "A query parameter or form field without a key (`?=value`), or whose key refers to variables the collection gives no value (`?{{sortKey}}=asc`), or a multipart field whose name has a quote, backslash or line break: Postman sends `=value`, the key filled when it sends, or the name as it is (which a server may read otherwise); the client's names are decided when it is generated, and a multipart name cannot carry those unambiguously, so the generator leaves the entry out with a warning (an onRequest hook can add it).",
    matches: (_collection, op, d, warnings) => {
      const leftOut = warnings.filter((w) => KEY_LEFT_OUT.test(w.message)).length;
      if (leftOut === 0) return false;
      if (d.aspect === "query") return queryAsPostmanSends(d.client, d.newman, leftOut, op);
      if (d.aspect === "content-type")
        return /^(application\/x-www-form-urlencoded|multipart\/form-data)$/.test(String(d.newman));
      if (d.aspect !== "body" || !isObject(d.newman) || !isObject(d.client)) return false;
      const [newman, client] = [d.newman, d.client];
      return Object.keys(newman).every((part) => missingOnly(newman[part], client[part] ?? [], leftOut));
    },
  },
  {
    reason:
      "A path variable's value is one segment (`a/b` → `a%2Fb`, `\\` → `%5C`, `100%` → `100%25`), and a `{{variable}}`'s in the path keeps to the path (`?` → `%3F`, `#` → `%23`): Postman pastes the text into the URL, where `/` and `\\` split the segment, a bare `%` goes as it is, and `?` or `#` starts the query or a fragment (the rest of the path is lost).",
    matches: (_collection, op, d) =>
      d.aspect === "path" &&
      typeof d.client === "string" &&
      // A `/` or `\` is encoded only in a path variable's value: a {{variable}}'s go as they are,
      // and the collection's own `%2F` as written, by both.
      (op.args.some((a) => a.in === "path") || encodedSlashes(d.client) === encodedSlashes(String(d.newman))) &&
      pathAsPostmanSends(d.client, String(d.newman)),
  },
  {
    reason:
      "The query of a request whose path the entry above encodes a `?` or `#` in: Postman's URL ends its path at the `?`, so the rest of the path goes as the start of its query (`/files/q1?.txt` sends the key `.txt`, the item's first key joined to it), or at the `#`, where the rest of the URL, query and all, is a fragment that is not sent.",
    matches: (_collection, op, d, warnings, all, targets) =>
      d.aspect === "query" &&
      all.some(
        (p) => p.aspect === "path" && typeof p.client === "string" && pathAsPostmanSends(p.client, String(p.newman)),
      ) &&
      queryAfterCut(op, targets, d.client, warnings.filter((w) => KEY_LEFT_OUT.test(w.message)).length),
  },
  {
    reason:
      "A query value stays one value: a `&` or `#` in a variable's value (or a `=` in a key's) is sent `%26`, `%23` (`%3D`), where Postman pastes it after encoding the query, the collection's own `&` and `#` around it included (`&` starts another parameter, `#` a fragment that drops the rest, `=` ends the key); a `%` that starts no `%XX` in a value the caller passes (the collection's own `100%` is the argument's example) is data, sent `%25`, where Postman sends it bare, which a lenient decoder reads alike.",
    matches: (_collection, op, d) => d.aspect === "query" && queryAsPostmanSends(d.client, d.newman, 0, op),
  },
  {
    reason:
      "A JSON body (raw JSON, GraphQL) sent with a content type that is not JSON's (the item's own `Content-Type: text/plain`): the client sends the JSON value, written as JSON.stringify writes it, newman the collection's text as spaced; the same value, other whitespace.",
    matches: (_collection, op, d) => d.aspect === "body" && sameJson(op, d.newman, d.client),
  },
  {
    reason:
      'A variable quoted in a JSON body or GraphQL variables (`"{{note}}"`) whose value holds a `"` or `\\`: Postman pastes the text, and sends broken JSON, or JSON in which the `\\` starts an escape (`a\\b` sends a backspace); the client sends the value as the JSON string it is, escaped.',
    matches: (_collection, op, d) =>
      d.aspect === "body" &&
      (op.body?.encoding === "json" || op.body?.encoding === "graphql") &&
      isJson(d.client) &&
      (!isJson(d.newman) || pastedJson(op, d.newman, d.client)),
  },
  {
    reason:
      "A header value with a Latin-1 character beyond ASCII (`é`) from a variable, on a request with a body: newman sends its UTF-8 bytes there (Node's http writes the head with the body's first chunk, in the body's encoding) and its Latin-1 byte on a request without one; the client sends the Latin-1 byte always, as fetch does (HTTP reads header text as Latin-1, RFC 9110 §5.5).",
    // A body newman sends on a GET or HEAD (disableBodyPruning) that the client leaves out is one too.
    matches: (_collection, op, d, _warnings, all) =>
      (op.body !== undefined || (/^(GET|HEAD)$/i.test(op.method) && all.some((other) => other.aspect === "body"))) &&
      d.aspect.startsWith("header:") &&
      typeof d.client === "string" &&
      /[\x80-\xff]/.test(d.client) &&
      d.newman === Buffer.from(d.client, "utf8").toString("latin1"),
  },
  {
    reason:
      "A header the item gives more than once, one of them empty: fetch sends it as one line, the values joined with `, ` and the line's end trimmed (`a,`), where newman sends a line for each (`a, ` once joined).",
    matches: (_collection, _op, d) => {
      const values = (text: unknown) =>
        JSON.stringify(
          String(text)
            .split(",")
            .map((v) => v.trim()),
        );
      return (
        d.aspect.startsWith("header:") &&
        typeof d.newman === "string" &&
        typeof d.client === "string" &&
        d.newman.includes(",") &&
        values(d.newman) === values(d.client)
      );
    },
  },
  {
    reason:
      "A form file field or file body whose `src` is a path on the collection author's disk (`/Users/…/photo.png`): newman, run anywhere else, finds no file there and sends the request without it; the client cannot read the author's path when it runs, so the file is the caller's to pass, and a required one refuses the call with a ValidationError before sending (docs/emitted-package.md).",
    matches: (_collection, op, d) => {
      if (d.aspect !== "sent") return false;
      const name = /: argument "([^"]+)" \(body field "[^"]+"\) is required$/.exec(String(d.client))?.[1];
      const arg = op.args.find((a) => a.arg === name && a.in === "body" && a.type === "file");
      // A form field the collection names a file for, or a file body (required only where it names one).
      return (
        arg !== undefined &&
        (op.body?.encoding === "multipart" ? (arg.fileNames?.length ?? 0) > 0 : op.body?.encoding === "binary")
      );
    },
  },
  {
    reason:
      "A literal `.` segment in the item's path (`/a/./b`): the URL standard drops it, and so does fetch (`/a/b`, and `/a/` for `/a/.`), where newman sends the path as written. The client cannot send it through fetch.",
    matches: (_collection, op, d) =>
      d.aspect === "path" &&
      typeof d.newman === "string" &&
      op.path.split("/").includes(".") &&
      d.newman !== d.client &&
      withoutDotSegments(d.newman) === d.client,
  },
];

/**
 * A path with its `.` segments removed as the URL parser removes them: one at the end leaves the
 * `/` before it (`/a/.` → `/a/`). `..` segments stay: the entry above is for `.` alone.
 */
function withoutDotSegments(path: string): string {
  const segments = path.split("/");
  return segments
    .flatMap((segment, i) => (segment !== "." ? [segment] : i === segments.length - 1 ? [""] : []))
    .join("/");
}

/** Whether a body sent as bytes, or as one form field (a form's content type), is JSON text. */
function isJson(body: unknown): boolean {
  if (!isObject(body)) return false;
  const fields = body["fields"];
  const text =
    typeof body["bytes"] === "string"
      ? Buffer.from(body["bytes"], "base64").toString()
      : Array.isArray(fields) && fields.length === 1
        ? ((field: Pair) => (field[1] === "" ? field[0] : `${field[0]}=${String(field[1])}`))(fields[0] as Pair)
        : body["json"] !== undefined
          ? JSON.stringify(body["json"])
          : undefined;
  try {
    return text !== undefined && (JSON.parse(text), true);
  } catch {
    return false;
  }
}

/**
 * Whether newman's JSON body is the client's with each string's `\\` read as Postman's paste reads
 * it: the start of an escape (`a\\b` → `a` and a backspace). Only a GraphQL body's variables: its
 * query Postman writes as JSON itself.
 */
function pastedJson(op: OperationModel, newman: unknown, client: unknown): boolean {
  if (!isObject(newman) || !isObject(client)) return false;
  const paste = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (!value.includes("\\")) return value;
      const text = value.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
      try {
        return JSON.parse(`"${text}"`) as unknown;
      } catch {
        return undefined;
      }
    }
    if (Array.isArray(value)) return value.map(paste);
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, paste(v)]));
    return value;
  };
  const json = client["json"];
  const pasted =
    op.body?.encoding === "graphql" && isObject(json) ? { ...json, variables: paste(json["variables"]) } : paste(json);
  return pasted !== undefined && JSON.stringify(pasted) === JSON.stringify(newman["json"]);
}

/** The generator's warnings for an entry it leaves out because of its key (load/url.ts, load/body.ts, load/key-variables.ts). */
const KEY_LEFT_OUT =
  /without a key: left out$|which the client cannot fill in a key, and .*: left out|multipart\/form-data cannot carry unambiguously: left out$/;

type Pair = [string, unknown];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Whether `client`'s pairs are `newman`'s with at most `most` of them missing (a body's other parts: none). */
function missingOnly(newman: unknown, client: unknown, most: number): boolean {
  if (!Array.isArray(newman) || !Array.isArray(client)) return false;
  const left = (newman as Pair[]).map((p) => JSON.stringify(p));
  for (const pair of client as Pair[]) {
    const at = left.indexOf(JSON.stringify(pair));
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return left.length <= most;
}

/** Text with its `%XX` decoded where they are UTF-8, a `%` that starts none kept: what a lenient decoder reads. */
function lenient(text: string): string {
  return text.replace(/(%[\dA-Fa-f]{2})+/g, (run) => {
    const escapes = run.match(/%../g)!;
    let out = "";
    // The longest UTF-8 sequence at each place; an escape that starts none stays as written.
    for (let i = 0; i < escapes.length;) {
      const width = [4, 3, 2, 1].find((n) => i + n <= escapes.length && decodes(escapes.slice(i, i + n).join("")));
      out += width ? decodeURIComponent(escapes.slice(i, i + width).join("")) : escapes[i];
      i += width ?? 1;
    }
    return out;
  });
}

/** How many `/` and `\` a path holds encoded (`%2F`, `%5C`), up to a `?` or `#` encoded (where Postman's path ends). */
function encodedSlashes(path: string): number {
  return (path.split(/%3F|%23/i)[0]!.match(/%2F|%5C/gi) ?? []).length;
}

/**
 * Whether `newman`'s path is the client's as Postman would send its values: cut at the first `%3F`
 * or `%23`, and read as a lenient decoder reads them, a `\\` as the `/` the URL parser makes of it.
 */
function pathAsPostmanSends(client: string, newman: string): boolean {
  const cut = client.search(/%3F|%23/i);
  const postman = lenient(cut < 0 ? client : client.slice(0, cut)).replace(/\\/g, "/");
  return client !== newman && postman === lenient(newman);
}

/**
 * Whether newman's query is what Postman sends for the client's path cut at its first `%3F` or
 * `%23`. Postman fills the path, writes its URL (`?` and the item's query after it) and parses that
 * text again (postman-runtime's resolveVariables): the URL's query starts at the path's first `?`
 * and ends at the first `#`, so the query newman sends is the rest of the path (up to a `#`), then
 * the `?` that Postman wrote and the item's query as newman sends it uncut (none after a `#`); an
 * API key or OAuth 2 token the auth puts in the query is added after that, after a `&` (none where
 * the URL has no query: a `#` before any `?`). The rest is compared with the client's path as a
 * lenient decoder reads both (a `\` as the `/` the client's URL parser makes of it, an encoded
 * character as the one newman sends as it is); the item's query, newman's pairs after that `?`,
 * must be the client's own or differ as the query entries allow (a key left out, a variable's `&`
 * or `#` pasted, a bare `%`).
 */
function queryAfterCut(op: OperationModel, targets: Targets, client: unknown, leftOut: number): boolean {
  if (!Array.isArray(client)) return false;
  const path = targets.client.split("?")[0]!;
  const cut = path.search(/%3F|%23/i);
  if (cut < 0) return false;
  const at = targets.newman.indexOf("?");
  let query = at < 0 ? undefined : targets.newman.slice(at + 1);
  const key =
    op.auth.type === "apikey" && op.auth.in === "query"
      ? op.auth.name
      : op.auth.type === "oauth2" && op.auth.addTokenTo === "queryParams"
        ? "access_token"
        : undefined;
  const own = client as Pair[];
  const item = own.filter(([k]) => k !== key);
  const auth = own.filter(([k]) => k === key);
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (auth.length > 0) {
    // The auth's pair is the last, after the `&` that joins it to the URL's query, if it has one.
    if (query === undefined) return false;
    const amp = query.lastIndexOf("&");
    if (!same(queryMeaning(`?${query.slice(amp + 1)}`), auth)) return false;
    query = amp < 0 ? undefined : query.slice(0, amp);
  }
  // A `#` first: the rest of the URL, the item's query with it, is a fragment.
  if (/^%23/i.test(path.slice(cut))) return query === undefined;
  if (query === undefined) return false;
  const rest = path.slice(cut + 3);
  const hash = rest.search(/%23/i);
  const read = (text: string) => lenient(text).replace(/\\/g, "/");
  const pasted = read(hash < 0 ? rest : rest.slice(0, hash));
  if (hash >= 0) return read(query) === pasted;
  // The `?` Postman wrote before the item's query: the one after the rest (which may hold a `?`
  // of its own); none where the item has no query.
  const ends = [query.length, ...[...query.matchAll(/\?/g)].map((m) => m.index)];
  return ends.some((end) => {
    if (read(query.slice(0, end)) !== pasted) return false;
    const sent = end === query.length ? [] : queryMeaning(`?${query.slice(end + 1)}`);
    return same(sent, item) || queryAsPostmanSends(item, sent, leftOut, op);
  });
}

/** A query value as a form decoder reads it (`+` a space, `%XX` bytes of UTF-8): one sent with a bare `%` too. */
function formRead(value: unknown): unknown {
  return isObject(value) && typeof value["sent"] === "string" ? formDecode(value["sent"]) : value;
}

function formDecode(text: string): string {
  return new URLSearchParams(`a=${text.replace(/&/g, "%26").replace(/#/g, "%23")}`).get("a")!;
}

/** How Postman may have pasted a pair's text: which of its `&`, `#` and `=` were a variable's, not encoded. */
type Paste = "value" | "value-cut" | "whole" | "whole-cut" | "key";
const PASTES: readonly Paste[] = ["value", "value-cut", "whole", "whole-cut", "key"];

/**
 * The pairs Postman sends for a pair whose text it pastes as written: a value split at `&` (and
 * cut at `#`: `-cut`; a `#` the collection writes is encoded), the whole pair's text so (its key's
 * `=` ends the key), or only the key's `=` read so (`key`).
 */
function pastedPairs(key: string, value: unknown, paste: Paste): string[] {
  const parse = (marked: string): [string, string | null] => {
    const piece = unmark(marked.replace(/\u0000/g, "%26"));
    const [k, v] = [...new URLSearchParams(`&${piece.replace(/%(?![\dA-Fa-f]{2})/g, "%25").replace(/#/g, "%23")}`)][0]!;
    return [k, piece.includes("=") ? v : null];
  };
  const text = value === null ? key : `${key}=${String(value)}`;
  if (paste === "key") {
    const at = text.indexOf("=");
    return [JSON.stringify(at < 0 ? [text, null] : [text.slice(0, at), text.slice(at + 1)])];
  }
  const cut = (t: string) => (paste.endsWith("-cut") ? t.split("#")[0]! : t);
  if (paste.startsWith("value")) {
    if (typeof value !== "string") return [];
    const [first = "", ...more] = cut(value).split("&");
    return [[key, unmark(first)] as const, ...more.filter(Boolean).map(parse)].map((pair) => JSON.stringify(pair));
  }
  return cut(text)
    .split("&")
    .filter(Boolean)
    .map((piece) => JSON.stringify(parse(piece)));
}

/** A `&` or `#` the collection writes in a value, which Postman encodes: marked, so that no paste splits or cuts there. */
const LITERAL: Record<string, string> = { "&": "\u0000", "#": "\u0001" };

function unmark(text: string): string {
  return text.replace(/\u0000/g, "&").replace(/\u0001/g, "#");
}

/**
 * The client's value of a query key with the `&` and `#` of the collection's text around its
 * `{{variables}}` marked (LITERAL), for each of the key's values in the collection that it fills
 * (the variables' values taken shortest first, then longest): only a variable's are pasted.
 */
function literalsMarked(op: OperationModel | undefined, key: string, value: unknown): string[] {
  if (typeof value !== "string" || !op) return [];
  const templates = op.args
    .filter((a) => a.in === "query" && a.name === key)
    .flatMap((a) => [a.default, a.example].flat())
    .filter((t): t is string => typeof t === "string" && /\{\{[^{}]+\}\}/.test(t));
  return templates.flatMap((template) => {
    const literals = template.split(/\{\{[^{}]+\}\}/);
    const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return ["([\\s\\S]*?)", "([\\s\\S]*)"].flatMap((group) => {
      const found = new RegExp(`^${literals.map(escape).join(group)}$`).exec(value);
      if (!found) return [];
      const mark = (t: string) => t.replace(/[&#]/g, (c) => LITERAL[c]!);
      return [literals.map((literal, i) => mark(literal) + (found[i + 1] ?? "")).join("")];
    });
  });
}

/**
 * Whether newman's query pairs are the client's as Postman would send them: read as a form
 * decoder reads them (a `%` the client sent as data, bare in newman's, read alike), and a pair
 * that differs with a `&` or `#` in it, or a `=` in its key, split or cut there (only a
 * variable's, where `op`'s collection text tells them from its own, which Postman encodes); the
 * pairs of at most `leftOut` of newman's keys missing from the client's. The pairs are sorted by
 * key, so a `#` may have dropped any of the others.
 */
function queryAsPostmanSends(client: unknown, newman: unknown, leftOut: number, op?: OperationModel): boolean {
  if (!Array.isArray(client) || !Array.isArray(newman) || JSON.stringify(client) === JSON.stringify(newman))
    return false;
  const sent = (newman as Pair[]).map(([key, value]) => JSON.stringify([key, formRead(value)]));
  const rest: Pair[] = [];
  for (const [key, value] of client as Pair[]) {
    const read = formRead(value);
    const alike = [JSON.stringify([key, read])];
    // A value the client sent as data, which Postman sent as written.
    if (typeof read === "string" && read.includes("%")) alike.push(JSON.stringify([key, formDecode(read)]));
    const at = sent.findIndex((pair) => alike.includes(pair));
    if (at >= 0) sent.splice(at, 1);
    else rest.push([key, read]);
  }
  let fragment = false;
  let unexplained = 0;
  for (const [key, value] of rest) {
    if (!/[&#]/.test(key + String(value)) && !key.includes("=")) {
      unexplained++;
      continue;
    }
    // The first way of pasting whose pairs newman sent, each pair on its own: the collection's own
    // `&` and `#` marked, where its text tells them.
    const marked = literalsMarked(op, key, value);
    let pasted: unknown;
    const paste = PASTES.find((way) =>
      (marked.length > 0 ? marked : [value]).some((one) => {
        const pairs = pastedPairs(key, one, way);
        const left = [...sent];
        // None: a `#` at the start dropped the rest of the query.
        const all = way.endsWith("-cut") && /#/.test(key + String(one));
        pasted = one;
        return (
          (pairs.length > 0 || all) &&
          pairs.every((pair) => {
            const at = left.indexOf(pair);
            return at >= 0 && left.splice(at, 1).length > 0;
          })
        );
      }),
    );
    if (paste === undefined) {
      unexplained++;
      continue;
    }
    for (const pair of pastedPairs(key, pasted, paste)) sent.splice(sent.indexOf(pair), 1);
    fragment ||= paste.endsWith("-cut") && /#/.test(paste.startsWith("value") ? String(pasted) : key + String(pasted));
  }
  // Any other pair of the client's may have gone after a `#`.
  if (unexplained > 0 && !fragment) return false;
  // A key left out may be given several times: one warning for each key.
  return new Set(sent.map((pair) => (JSON.parse(pair) as Pair)[0])).size <= leftOut;
}

/**
 * Whether two bodies are the same JSON value: sent as bytes, or read as a form (a content type
 * of the item's that says so), where the JSON's own `&` and `=` split it, the same fields but for
 * the whitespace between the JSON's tokens.
 */
function sameJson(op: OperationModel, newman: unknown, client: unknown): boolean {
  if (!isObject(newman) || !isObject(client)) return false;
  if (typeof newman["bytes"] === "string" && typeof client["bytes"] === "string") {
    try {
      const read = (bytes: string) => JSON.stringify(JSON.parse(Buffer.from(bytes, "base64").toString()));
      return read(newman["bytes"]) === read(client["bytes"]);
    } catch {
      return false;
    }
  }
  if (
    (op.body?.encoding !== "json" && op.body?.encoding !== "graphql") ||
    !Array.isArray(newman["fields"]) ||
    !Array.isArray(client["fields"])
  )
    return false;
  const fields = (list: unknown[]) =>
    JSON.stringify(list.map((field) => JSON.stringify(field).replace(/\\n|\s/g, "")).sort());
  return fields(newman["fields"]) === fields(client["fields"]);
}

/**
 * The headers newman sends and the client does not, or otherwise, whatever the item says: the
 * Postman app's and the platform's own, not the collection's. The comparison above reads only an
 * item's own headers and its auth's; test/runtime/newman-wire.test.ts checks every header that
 * arrives against this list, so that a new one shows there.
 */
export const SENDERS_OWN_HEADERS: Readonly<Record<string, string>> = {
  "cache-control":
    "newman adds `Cache-Control: no-cache` (the Postman app's 'Send no-cache header' setting, not the collection's); the client sends none, so a server or proxy may answer from a cache as it would to any fetch. An item's own Cache-Control is sent by both.",
  "postman-token":
    "newman adds a random `Postman-Token` to each request (the app's 'Send Postman Token header' setting): it names the run, not the API's request, and the client does not send it.",
  "user-agent":
    "Each sender names itself: `PostmanRuntime/7.x` for newman, the platform's fetch for the client (`node`).",
  "accept-encoding":
    "Each sender offers the encodings it decodes: newman `gzip, deflate, br`, Node's fetch (undici) its own (`gzip, deflate` on Node 20).",
  "accept-language": "Node's fetch (undici) adds `Accept-Language: *`; newman sends none.",
  "sec-fetch-mode": "Node's fetch (undici) adds `Sec-Fetch-Mode: cors`, as browsers do; newman sends none.",
};

export function allowed(
  collection: string,
  op: OperationModel,
  difference: Difference,
  warnings: readonly Warning[],
  all: readonly Difference[],
  targets: Targets,
): Allowance | undefined {
  return ALLOWLIST.find((a) => a.matches(collection, op, difference, warnings, all, targets));
}
