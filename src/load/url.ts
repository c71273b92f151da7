// A request URL → the base it starts from, a path template below it, and its path and query arguments.
import { entries, type Url } from "./sdk.js";
import { HALF_CHARACTER_LEFT_OUT, givenAgainAfterAnother, hasHalfCharacter, repeatableArgs, toArg } from "./arg.js";
import { descriptionText } from "./description.js";
import { hasTemplate, isObject } from "./json.js";
import type { LoadedArg, Source, Warning } from "../model/types.js";
import { REFERENCES, splitAtReferences } from "../model/references.js";
import { startsWithSchemeAndSlashes } from "../model/url-scheme.js";

export interface UrlModel {
  /** The base URL template: `{{baseUrl}}`, `https://{{env_url}}`, `https://api.example.com`. */
  base: string;
  /** `{name}` for path variables, `{{name}}` for collection variables, other braces percent-encoded. */
  path: string;
  args: LoadedArg[];
  /** Enabled query keys without a value (`?uploads`): part of the request, sent as the key alone. */
  bareQuery: BareKey[];
  /** Every query key (a bare key's too) as written, for key-variables.ts's `sentKeys`. */
  keys: WrittenKey[];
  /** The enabled query entries with a value, in order: where each value of a key given several times is. */
  valued: BareKey[];
}

/** A query key without a value, decoded as other keys are; key-variables.ts fills its `{{variables}}`. */
export interface BareKey {
  name: string;
  source: Source;
}

/** A query key, decoded (`name`) and as the collection writes it, which is what newman sends. */
export interface WrittenKey extends BareKey {
  written: string;
}

/** `credentials` gets what each parameter's literal credential writes out (toArg). */
export function urlModel(
  url: Url,
  urlJson: unknown,
  source: Source,
  warnings: Warning[],
  credentials?: Set<string>,
): UrlModel {
  const urlSource = `${source}.url`;
  const host = (url.host ?? []).join(".");
  // A host without a protocol that starts with a variable may hold the scheme: one variable holds
  // the whole base (`{{baseUrl}}` = https://api.zoom.us/v2), and so may more (`{{serviceUrl}}{{loginPath}}`,
  // `{{host}}:8080`). Postman fills the URL before it reads the scheme, and so does the client
  // (joinUrl makes a base that names none http), so no scheme is written in front of it here.
  // A URL object written by hand may give the scheme in the host instead (`host:
  // ["https://postman-echo.com"]`, postman-code-generators' fixtures): Postman writes the host as it
  // is, so the scheme is that one, not http in front of it (`http://https://…`, host `https`).
  const port = url.port ? `:${escapeBraces(String(url.port))}` : "";
  const base =
    !url.protocol && (host.startsWith("{{") || startsWithSchemeAndSlashes(host))
      ? `${escapeBraces(host)}${port}`
      : `${url.protocol ?? "http"}://${escapeBraces(host)}${port}`;
  if (host === "")
    warnings.push({ source: urlSource, message: "the URL has no host: requests go to the client's baseUrl" });

  const jsonVariables = isObject(urlJson) && Array.isArray(urlJson["variable"]) ? urlJson["variable"] : [];
  const args: LoadedArg[] = [];
  const segments = (url.path ?? []).map((segment, index) => {
    const where = `${urlSource}.path[${index}]`;
    const text = segmentText(segment, where, warnings);
    // As in the SDK, a path variable's name ends at the first "." (`:id.json` is the variable `id`).
    const variable = /^:([^.{}]+)(.*)$/.exec(text);
    if (!variable) return escapeBraces(text);
    const name = variable[1]!;
    // A variable the path gives again (`/:slug/v2/:slug`) is one value in each place, as Postman
    // fills it: one argument, not a second that would be required and never sent.
    if (args.some((a) => a.name === name)) return `{${name}}${escapeBraces(variable[2]!)}`;
    const at = jsonVariables.findIndex((v) => isObject(v) && (v["key"] === name || v["id"] === name));
    const declared = at >= 0 ? (jsonVariables[at] as Record<string, unknown>) : undefined;
    const argSource = at >= 0 ? `${urlSource}.variable[${at}]` : where;
    const written = declared?.["value"];
    // A value that refers to variables is sent as Postman sends it (request-features.ts); any other
    // is an example of what a caller passes, which is a segment's text that the client encodes: the
    // collection's `Q1%20reports` is the text `Q1 reports`, or it would go out as `Q1%2520reports`.
    const value =
      typeof written === "string" && !hasTemplate(written)
        ? decodedText(written, false, `value of path variable ${JSON.stringify(name)}`, argSource, warnings)
        : written;
    const arg = toArg({
      name,
      in: "path",
      value,
      description: descriptionText(declared?.["description"]),
      source: argSource,
      forceRequired: true,
      warnings,
      written: credentials,
    });
    args.push(value !== written && arg.example === value ? { ...arg, written: written as string } : arg);
    return `{${name}}${escapeBraces(variable[2]!)}`;
  });

  const query: LoadedArg[] = [];
  const bareQuery: BareKey[] = [];
  const keys: WrittenKey[] = [];
  const valued: BareKey[] = [];
  // Keys that have a value referring to variables: the collection's values, which the client sends
  // as Postman sends them (request-features.ts), so their text (and that of the entries one argument
  // with them, repeatableArgs) is kept as written.
  const asWritten = new Set(
    entries(url.query).flatMap((param) =>
      typeof param.key === "string" && typeof param.value === "string" && !param.disabled && hasTemplate(param.value)
        ? [queryText(param.key, "", [])]
        : [],
    ),
  );
  entries(url.query).forEach((param, index) => {
    const where = `${urlSource}.query[${index}]`;
    if (typeof param.key !== "string" || param.key === "") {
      warnings.push({ source: where, message: "query parameter without a key: left out" });
      return;
    }
    if (hasHalfCharacter(param.key)) {
      warnings.push({
        source: where,
        message: `query parameter name ${JSON.stringify(param.key)} ${HALF_CHARACTER_LEFT_OUT}`,
      });
      return;
    }
    // The SDK reads `?uploads` as the value null and `?uploads=` as "": Postman sends the first as
    // the key alone, which no value of an argument could send.
    const name = queryText(param.key, where, warnings);
    keys.push({ name, written: param.key, source: where });
    if (param.value == null && !param.disabled) {
      bareQuery.push({ name, source: where });
      return;
    }
    if (!param.disabled) valued.push({ name, source: where });
    const written = param.value;
    const keep = typeof written === "string" && !param.disabled && asWritten.has(name);
    // Credentials are looked for in the decoded text, as in any other value.
    // Named, not quoted: the value may be a credential, which toArg leaves out only after this.
    const value =
      typeof written === "string"
        ? queryText(written, where, keep ? [] : warnings, `value of query parameter ${JSON.stringify(name)}`)
        : written;
    const arg = toArg({
      name,
      in: "query",
      value,
      description: descriptionText(param.description),
      source: where,
      disabled: param.disabled === true,
      warnings,
      written: credentials,
    });
    // The written text for the decoded one, unless toArg changed it (a credential left out of it).
    query.push(
      keep && arg.default === value
        ? { ...arg, default: written }
        : keep && arg.example === value
          ? { ...arg, example: written }
          : arg,
    );
  });

  return {
    base,
    // The URL parser trims spaces and controls off the end of a URL: a path that ends with one
    // (`draft `) keeps it encoded, as Postman sends it (`draft%20`).
    path: segments.length ? `/${segments.join("/")}`.replace(/[\0- ]+$/, encodeURIComponent) : "",
    args: [...args, ...repeatableArgs(query)],
    bareQuery,
    keys,
    valued,
  };
}

/**
 * Where each key without a value goes among the query arguments `args` (in the operation's order),
 * as newman sends the query in the collection's order (`?a=1&uploads&b=2`): `at`, how many the
 * collection writes before it (an argument given several times, at its first entry); `among`,
 * where the last of those is given again after it (`?a=1&uploads&a=2`), how many of its values
 * come before it (`valued`: the entries with a value), else 0 (after all of them). Where the
 * collection gives a key again after another key (`?a=1&b=2&a=3`), which `at` and `among` cannot
 * say, `order` places every entry instead (runtime/spec.ts's `queryOrder`).
 */
export function bareKeyPlaces(
  keys: readonly BareKey[],
  args: readonly LoadedArg[],
  valued: readonly BareKey[],
): { at: number[]; among: number[]; order?: number[] } {
  const query = args.filter((arg) => arg.in === "query");
  // An argument's entries, by place: a disabled one is an argument of its own, never one with the
  // others of its key; the others are the entries of its key (before its variables are filled,
  // as repeatableArgs grouped them), the first of which is the argument's source.
  const firsts = new Map<string, Source>();
  const groups = new Map<Source, number[]>();
  for (const entry of valued) {
    const first = firsts.get(entry.name) ?? entry.source;
    firsts.set(entry.name, first);
    const group = groups.get(first) ?? [];
    groups.set(first, group);
    group.push(place(entry.source));
  }
  const entriesOf = (arg: LoadedArg) => (arg.disabled ? [place(arg.source)] : (groups.get(arg.source) ?? []));
  const at = keys.map((key) => query.filter((arg) => place(arg.source) < place(key.source)).length);
  const among = keys.map((key, i) => {
    const last = query[at[i]! - 1];
    const values = last ? entriesOf(last) : [];
    const before = values.filter((entry) => entry < place(key.source)).length;
    return before < values.length ? before : 0;
  });
  const slots = [
    ...keys.map((key, i) => [place(key.source), ~i] as const),
    ...query.flatMap((arg, n) => entriesOf(arg).map((entry) => [entry, n] as const)),
  ]
    .sort(([a], [b]) => a - b)
    .map(([, slot]) => slot);
  // The arguments are in the order of their first entries: an entry of one before another's is one
  // given again after that other.
  const interleaved = givenAgainAfterAnother(slots.filter((slot) => slot >= 0));
  return { at, among, ...(interleaved ? { order: slots } : {}) };
}

/** A query entry's place in the collection (sources are the entry's: `….url.query[3]`). */
function place(source: Source): number {
  return Number(/\.query\[(\d+)\]$/.exec(source)?.[1]);
}

/**
 * A path segment's text as newman sends it: the SDK joins the segments as they are, so an object
 * (the format allows one; `{}`, and the schema's `{ "value": … }` too) is `[object Object]`, said
 * with its place: the collection surely meant something else, and the segment must not vanish.
 */
function segmentText(segment: unknown, where: Source, warnings: Warning[]): string {
  if (typeof segment === "string") return segment;
  const text = String(segment);
  warnings.push({
    source: where,
    message: `the path segment ${JSON.stringify(segment) ?? text} is not text: it is sent as Postman sends it, ${JSON.stringify(text)}; write the segment as text in the collection`,
  });
  return text;
}

/**
 * Braces in literal URL text are percent-encoded (as fetch would send them anyway), so that in a
 * template `{{name}}` is always a variable and `{name}` always a path variable.
 */
export function escapeBraces(text: string): string {
  return splitAtReferences(text)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\{/g, "%7B").replace(/\}/g, "%7D")))
    .join("");
}

/**
 * Query text as the collection writes it (`filter%5Bstatus%5D`, `a+b`), decoded: the client
 * percent-encodes keys and values itself, as a caller's values must be, so the collection's own
 * `%5B` would go out as `%255B`. Postman sends the text as written, and a server decodes `%XX` and
 * reads `+` as a space (form encoding, as URLSearchParams does): decoded, both arrive alike, the
 * client sending `%20` for Postman's `+`. Left as written, with a warning: `%XX` runs that are not
 * UTF-8, and encoded braces that would read as a `{{variable}}` once decoded.
 */
export function queryText(
  text: string,
  source: Source,
  warnings: Warning[],
  what = `query text ${JSON.stringify(text)}`,
): string {
  return decodedText(text, true, what, source, warnings);
}

/**
 * `text` decoded as queryText says (`+` is a space in query text only: `plus`), or as written, with
 * a warning naming `what`, where decoding would change it. `what` names a value, never quotes it:
 * a credential's value is left out only after it is decoded (arg.ts), and a warning is printed,
 * given by --json and recorded in the package's manifest. A path variable's `%2E%2E` stays as
 * written too: its text, `..`, is a segment the URL parser collapses, which a caller cannot pass.
 */
function decodedText(text: string, plus: boolean, what: string, source: Source, warnings: Warning[]): string {
  // Most text has nothing to decode: it stays as it is.
  if (!text.includes("%") && !(plus && text.includes("+"))) return text;
  const kept = (problem: string) => {
    warnings.push({
      source,
      message: `the ${what} ${problem}: the client sends its "%" encoded (%25), where Postman sends it as written`,
    });
    return text;
  };
  let malformed = false;
  const decoded = splitAtReferences(text)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : (plus ? part.replace(/\+/g, " ") : part).replace(/(?:%[\dA-Fa-f]{2})+/g, (run) => {
            try {
              return decodeURIComponent(run);
            } catch {
              malformed = true;
              return run;
            }
          }),
    )
    .join("");
  if (malformed) return kept("holds percent-encoding that is not UTF-8");
  if (references(decoded) > references(text)) return kept("holds encoded braces that would read as a {{variable}}");
  // A caller cannot pass them (request.ts refuses them): the collection's text stays an example.
  if (!plus && (decoded === "." || decoded === "..")) return text;
  return decoded;
}

function references(text: string): number {
  return text.match(REFERENCES)?.length ?? 0;
}
