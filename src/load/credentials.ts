// Which values a collection writes out are credentials. The loader leaves them out of a client
// (arg.ts, body.ts) and masks them in its descriptions (description.ts); a stored copy of the
// Postman API leaves them out of its file (postman-api/redact.ts): one rule, so a stored copy
// never keeps what a client would not. Names
// say most (credential-names.ts); the values below say the rest, whatever they are stored under: a
// URL's user info, a URL's query parameter named as a credential, an auth scheme and its credential.
import { parsePlaceholder } from "../model/conventions.js";
import {
  AUTH_SCHEME,
  endsDescribing,
  namesCredential,
  namesCredentialField,
  userInfoPattern,
} from "../runtime/credential-names.js";
import { hasTemplate, isObject, readJsonBody, withoutJsonComments, type JsonObject } from "./json.js";
import { MASK } from "../runtime/redact.js";
import { memoized } from "../memo.js";
import { startsWithSchemeAndSlashes } from "../model/url-scheme.js";
import {
  hasReference,
  splitAtReferences,
  STRING_OR_REFERENCE,
  wholeReference,
  withoutReferences,
} from "../model/references.js";

/**
 * Whether a value writes out part of a credential itself: one without `{{variables}}` whatever it
 * holds; one with some when what is left without them, an auth scheme word before them
 * (`Bearer {{token}}`, `SSWS {{key}}`) and the name of each parameter that is one of them (Rails'
 * `Token token={{t}}`, Digest's `username="{{user}}", nonce="{{nonce}}"`, `Cookie: sid={{sid}}`)
 * holds a letter or a digit. `{{user}}:{{password}}` writes out none; `abc{{suffix}}`,
 * `Bearer {{t}}abc` and `sid={{sid}}; theme=dark` do, and a client must get that part no more than
 * a whole literal one: a cookie's name does not say which of its values is a credential (`PHPSESSID`).
 */
export function writesLiteral(text: string): boolean {
  if (!hasReference(text)) return text !== "";
  const rest = withoutReferences(text.replace(PARAMETER_NAME, "$1").replace(SCHEME_WORD, ""));
  return /[\p{L}\p{N}]/u.test(rest);
}

/**
 * A parameter's name and `=` before its value, a variable, quoted or not (`token=`, `realm="`):
 * where the text starts or after a separator, so that it is a name and not the end of a literal
 * (`sk_live_{{rest}}`, `abc{{suffix}}` hold no `=`). A secret holds `=` only as base64's padding,
 * at its end, which no variable follows. Its `{{` only marks where a reference starts: writesLiteral
 * reads this only in a text that holds one (by model/references.ts's rule).
 */
const PARAMETER_NAME = /(^|[\s,;&])[A-Za-z_][\w.-]*\s*=\s*(?="?\{\{)/g;

/**
 * An auth scheme's word before its variable: any word with a space after it (`Bearer {{t}}`,
 * `SSWS {{key}}`), or, written against it, a known one alone (Okta's `SSWS{{apikey}}`, as some
 * collections write it; AUTH_SCHEME's words, taken from it): a word glued to a variable is otherwise the literal
 * start of a credential split in two (`sk_live_{{rest}}`, `AKIA{{rest}}`), which no list of shapes tells apart.
 */
const SCHEME_WORD = new RegExp(String.raw`^\s*(?:[A-Za-z][\w.+-]*\s+|${schemeWords(AUTH_SCHEME)}|ssws)(?="?\{\{)`, "i");

/** The scheme words of AUTH_SCHEME (`bearer|basic|token|digest`): read off it, so the two lists are one. */
function schemeWords(scheme: RegExp): string {
  const words = /\(\?:([a-z|]+)\)/.exec(scheme.source)?.[1];
  if (words === undefined) throw new Error(`AUTH_SCHEME no longer starts with (?:word|…): ${scheme.source}`);
  return words;
}

/**
 * Whether a value written under `name` (a header, a query parameter, a form or JSON field) is a
 * credential written out: its name says it holds one (`Authorization`, `api_key`, `password`); as a
 * field of a JSON value, by the rule without its whole names (`key`, `auth`: credential-names.ts).
 * A value that writes out nothing but variables is none (`writesLiteral`), nor is a placeholder
 * (`<string>`, or a type's name as docs write one: Zoom's `"token": "string"`), an empty value or a
 * flag (`default_password: false`): they hold no secret.
 */
export function literalCredential(name: string, value: unknown, place?: Place): boolean {
  // The name first: its answer is kept (namesCredentialAt), and few names say credential.
  if (!namesCredentialAt(name, place)) return false;
  const text =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  const { example } = parsePlaceholder(text);
  return (
    example !== undefined &&
    !/^(|true|false|string|boolean|integer|number|object|array)$/i.test(example) &&
    writesLiteral(example)
  );
}

/**
 * Where a value is written, as far as its name's judgement goes: a JSON value's field (a body's, a
 * JWT auth's header or payload claim), a header, or elsewhere (a query parameter, a path variable,
 * a form field, a variable).
 */
export type Place = "json field" | "header" | undefined;

/**
 * The place of an argument's value: a header's, or a JSON body's top-level field (an argument of
 * its own, body.ts, but a field all the same), else none of those.
 */
export function argPlace(arg: { in: string; type?: string | undefined }): Place {
  return arg.in === "header" ? "header" : arg.in === "body" && arg.type === "json" ? "json field" : undefined;
}

/**
 * Whether `name` says a value written under it at `place` is a credential: the one decision that
 * both what is left out of a value (literalCredential) and what makes a variable a secret
 * (sentAsCredential) take, so a field whose value stays never makes its variable a secret, nor the
 * other way round. A JSON field is judged without the whole names (`key`, `auth`: credential-names.ts).
 */
function namesCredentialAt(name: string, place: Place): boolean {
  return (place === "json field" ? judgedFields : judgedNames)(name);
}

// The rule's answer by name, as a collection asks it of the same few keys (`page_size`, `userId`)
// thousands of times and splitting a name into words is most of a load's credential checks. Kept
// here rather than in the rule's module: that is runtime/, copied into every package.
const judgedNames = memoized((name) => namesCredential(name));
const judgedFields = memoized((name) => namesCredentialField(name));

/**
 * A JSON value without its literal credentials at any depth, and the JSON path of each one left
 * out (`$.user.password`), never its value. A field keeps its place in the value's type: only the
 * value goes, or, given `standIn`, is replaced by what it returns. A list's items are judged by the
 * list's name (`"tokens": ["a", "b"]`), and a list of nothing but credentials goes as a whole. Every
 * string under the name of one credential is one, whatever the keys between say (`{"access_token":
 * {"value": …}}`, Okta's `credentials.password.value`): a credential split into parts is one still
 * (namesOneCredential; a set of them, `credentials`, is judged by each one's name). But for a string
 * whose own key's last word describes a credential (credential-names.ts's `endsDescribing`: PayPal's
 * `token.type` and `token.id`, Okta's `signature.algorithm` and `signature.scope`), as that word
 * does in a flat name (`token_type`): it says what the credential is, and the API wants it sent. A
 * number or a flag in such an object is a setting (Zoom's `meeting_password_requirement: { length:
 * 8 }`), kept. The runtime's masker, for errors, takes every string under either as one
 * (sent-secrets.ts's namedFields): it errs on the side of masking, where this errs on the side of
 * keeping a collection's examples.
 * `standIn` is given each one's value and JSON path. The value is returned as given when nothing goes.
 * `written` gets what each one writes out (writtenParts).
 */
export function jsonWithoutCredentials(
  value: unknown,
  standIn?: (credential: unknown, path: string) => unknown,
  written?: Set<string>,
): { value: unknown; leftOut: string[] } {
  const leftOut: string[] = [];
  const kept = strip(value, undefined, "$", leftOut, recording(standIn, written));
  return { value: leftOut.length ? kept : value, leftOut };
}

/**
 * `standIn` (LEFT_OUT without one) that first adds the literal parts of each credential it is given
 * to `written` (writtenParts), when given one.
 */
function recording(
  standIn: ((credential: unknown, path: string) => unknown) | undefined,
  written: Set<string> | undefined,
): ((credential: unknown, path: string) => unknown) | undefined {
  if (!written) return standIn;
  return (credential, path) => {
    for (const part of writtenParts(credential)) written.add(part);
    return standIn ? standIn(credential, path) : LEFT_OUT;
  };
}

/**
 * What a credential's value judged written out (literalCredential, headerCredential) writes out of
 * it: its text without an auth scheme before it (`Bearer abc`: `abc`) and split around its
 * `{{variables}}`, which are no part of it (`sk_{{env}}_abc`: `sk_`, `_abc`). The loader keeps
 * them with the other credentials the collection writes out (collection.ts), which no text the
 * client documents of a saved answer, nor the answer as the mocks serve it, repeats.
 */
export function writtenParts(value: unknown): string[] {
  if (typeof value !== "string" && typeof value !== "number") return [];
  const text = String(value);
  const credential = AUTH_SCHEME.exec(text)?.[1] ?? text;
  return splitAtReferences(credential)
    .filter((_, i) => i % 2 === 0)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

/**
 * A JSON text (a JWT's header or payload) without its literal credentials (`jsonWithoutCredentials`,
 * each replaced by what `standIn` returns), written out again only when one went; undefined when
 * it is no JSON. An unquoted `{{variable}}` (`"exp": {{exp}}`) is written back unquoted: its value
 * is JSON of any type, a number most often, which quotes would make a string; so is a reference that
 * stands in for a number (`"pin": {{jwt.payload.pin}}`). `space` indents it as JSON.stringify does.
 */
export function jsonTextWithoutCredentials(
  text: string,
  standIn: (credential: unknown, path: string) => unknown,
  space?: number,
): { text: string; leftOut: string[] } | undefined {
  // A character the text lacks marks each unquoted reference while it is read as a string.
  let code = 0xe000;
  while (text.includes(String.fromCharCode(code))) code++;
  const mark = String.fromCharCode(code);
  const marked = text.replace(STRING_OR_REFERENCE, (whole, string: string | undefined) =>
    string !== undefined ? string : JSON.stringify(`${mark}${whole}`),
  );
  let value: unknown;
  try {
    value = JSON.parse(marked) as unknown;
  } catch {
    return undefined;
  }
  const { value: kept, leftOut } = jsonWithoutCredentials(value, (credential, path) => {
    const given = standIn(credential, path);
    // A number's stand-in reference goes unquoted, as the number did: the value given keeps its type.
    return typeof credential === "number" && typeof given === "string" && wholeReference(given) !== undefined
      ? `${mark}${given}`
      : given;
  });
  if (!leftOut.length) return { text, leftOut };
  const out = JSON.stringify(kept, null, space).replace(
    new RegExp(`"${mark}((?:[^"\\\\]|\\\\.)*)"`, "g"),
    (_whole, reference: string) => JSON.parse(`"${reference}"`) as string,
  );
  return { text: out, leftOut };
}

/**
 * What a credential's value is replaced by where its place must stay (a saved example's answer, a
 * stored copy): the generator also takes it for a credential written out, and leaves it out.
 */
export const STAND_IN = "REDACTED";

/** STAND_IN, or 0 for a number: a value of the credential's JSON type, so that types inferred from it stay. */
export function standInOfType(credential: unknown): unknown {
  return typeof credential === "number" ? 0 : STAND_IN;
}

/**
 * A saved answer's JSON body (its text as `written`, its `value` read) with each literal credential
 * replaced by a stand-in of its type, written out again in the text's style (pretty or on one line)
 * only when one was: the mocks serve it (load/responses.ts) and a stored copy keeps it
 * (postman-api/redact.ts), which then reads into the same mocks.
 */
export function answerWithoutCredentials(
  written: string,
  value: unknown,
): { text: string; value: unknown; leftOut: string[] } {
  const kept = jsonWithoutCredentials(value, standInOfType);
  const leftOut = [...kept.leftOut];
  const out = urlsWithoutCredentials(kept.value, "$", leftOut);
  if (!leftOut.length) return { text: written, value, leftOut };
  return { text: laidOutAs(written, out), value: out, leftOut };
}

/**
 * A JSON value written out again in the style of the text it was read from (pretty or on one
 * line): Zoom indents its answers by one space, and a diff of a regenerated package then shows the
 * credential's line alone.
 */
function laidOutAs(written: string, value: unknown): string {
  const indent = written.includes("\n") ? (/\n([ \t]+)\S/.exec(written)?.[1] ?? 2) : undefined;
  return JSON.stringify(value, null, indent);
}

/**
 * A saved answer's JSON body (its text as `written`, its `value` read) with each credential `mask`
 * finds masked wherever it is, whatever the field's name (`mask`: the values the collection writes
 * out as credentials, or an environment's secrets; answerWithoutCredentials judges by name). A
 * string that is the credential and nothing more is replaced whole by STAND_IN, as a credential-
 * named field's value is (a number by 0, so that the types inferred from it stay); one that quotes
 * it among other words ("Invalid API key sk_…") has it masked as `***`, as the client masks a
 * credential an error's message quotes, and as the client's docs show that error code's
 * description (responses.ts): the mocks, the tests and the docs then read alike. Each place
 * changed is named in `masked` by its JSON path (a key holding one by its path and "key"); the
 * text is written again, as it was laid out, only when one was.
 */
export function answerWithoutKnownCredentials(
  written: string,
  value: unknown,
  mask: (text: string) => string,
): { text: string; value: unknown; masked: string[] } {
  const masked: string[] = [];
  const out = withoutKnown(value, mask, "$", masked);
  return masked.length ? { text: laidOutAs(written, out), value: out, masked } : { text: written, value, masked };
}

/** `value` with each credential `mask` finds masked (answerWithoutKnownCredentials), each place in `masked`. */
export function withoutKnown(value: unknown, mask: (text: string) => string, path: Path, masked: string[]): unknown {
  if (typeof value === "string") {
    const kept = mask(value);
    if (kept === value) return value;
    masked.push(pathText(path));
    return kept.trim() === MASK ? STAND_IN : kept;
  }
  if (typeof value === "number") {
    if (mask(String(value)) === String(value)) return value;
    masked.push(pathText(path));
    return 0;
  }
  if (Array.isArray(value)) return keptItems(value, (item, i) => withoutKnown(item, mask, { in: path, at: i }, masked));
  if (isObject(value))
    return keptFields(
      value,
      (name, field) => withoutKnown(field, mask, { in: path, at: name }, masked),
      (key) => {
        const name = mask(key);
        if (name !== key) masked.push(`${pathText(path)} (a key)`);
        return name;
      },
    );
  return value;
}

/**
 * An answer's value with the credentials written into the URLs it holds replaced by STAND_IN (a
 * meeting's `join_url …?pwd=…`), whatever the field's name, each named in `leftOut` with its path
 * and its place in the URL (textWithoutCredentials). The rest of the URL stays, so it still reads as one.
 */
function urlsWithoutCredentials(value: unknown, path: Path, leftOut: string[]): unknown {
  if (typeof value === "string") {
    if (!value.includes("://")) return value;
    const kept = textWithoutCredentials(value, STAND_IN);
    for (const what of kept.leftOut) leftOut.push(`${pathText(path)} (${what})`);
    return kept.text;
  }
  if (Array.isArray(value))
    return keptItems(value, (item, i) => urlsWithoutCredentials(item, { in: path, at: i }, leftOut));
  if (isObject(value))
    return keptFields(value, (key, field) => urlsWithoutCredentials(field, { in: path, at: key }, leftOut));
  return value;
}

const LEFT_OUT = Symbol("left out");

/**
 * A JSON path (`$.user.password`): the root's text, or an item's index or a field's key in its
 * container's path. The walks below build its text only for a value they report: a body's value
 * is walked whole, and almost every value in it is kept.
 */
export type Path = string | { in: Path; at: string | number };

function pathText(path: Path): string {
  if (typeof path === "string") return path;
  return `${pathText(path.in)}${typeof path.at === "number" ? `[${path.at}]` : member(path.at)}`;
}

/**
 * A list with each item through `each` (LEFT_OUT leaves it out): the list itself when every item
 * comes back as it was, so that a value walked whole is copied only where something changed.
 */
function keptItems(list: unknown[], each: (item: unknown, index: number) => unknown): unknown[] {
  let kept: unknown[] | undefined;
  list.forEach((item, index) => {
    const out = each(item, index);
    if (!kept && out !== item) kept = list.slice(0, index);
    if (kept && out !== LEFT_OUT) kept.push(out);
  });
  return kept ?? list;
}

/**
 * An object with each field through `each` (LEFT_OUT leaves it out), under its key or what
 * `rename` makes of it (`each` is given that): the object itself when every field comes back as it
 * was (see keptItems).
 */
function keptFields(
  value: JsonObject,
  each: (key: string, field: unknown) => unknown,
  rename?: (key: string) => string,
): JsonObject {
  const keys = Object.keys(value);
  let kept: Array<[string, unknown]> | undefined;
  keys.forEach((key, index) => {
    const name = rename ? rename(key) : key;
    const field = value[key];
    const out = each(name, field);
    if (!kept && (out !== field || name !== key)) kept = keys.slice(0, index).map((before) => [before, value[before]]);
    if (kept && out !== LEFT_OUT) kept.push([name, out]);
  });
  // fromEntries keeps a `__proto__` key as the value's own field, as JSON.parse made it.
  return kept ? Object.fromEntries(kept) : value;
}

/** `within`: the name of the credential-named object the value is in, at any depth (see jsonWithoutCredentials). */
function strip(
  value: unknown,
  name: string | undefined,
  path: Path,
  leftOut: string[],
  standIn: ((credential: unknown, path: string) => unknown) | undefined,
  within?: string,
): unknown {
  if (Array.isArray(value)) {
    const items = keptItems(value, (item, i) => strip(item, name, { in: path, at: i }, leftOut, standIn, within));
    return items.length === 0 && value.length > 0 ? LEFT_OUT : items;
  }
  if (isObject(value)) {
    const under = within ?? (name !== undefined && namesOneCredential(name) ? name : undefined);
    return keptFields(value, (key, field) => strip(field, key, { in: path, at: key }, leftOut, standIn, under));
  }
  if (
    (name !== undefined && literalCredential(name, value, "json field")) ||
    (within !== undefined &&
      typeof value === "string" &&
      !(name !== undefined && endsDescribing(name)) &&
      literalCredential(within, value, "json field"))
  ) {
    const text = pathText(path);
    leftOut.push(text);
    return standIn ? standIn(value, text) : LEFT_OUT;
  }
  return value;
}

/**
 * Whether a JSON field's name says its value is one credential (`access_token`, `client_secret`),
 * not a set of them named each by its own key (`credentials: { username, password }`, `tokens`: a
 * plural whose singular names one), whose fields are judged by their own names: Plaid's sandbox
 * `credentials.username` is no secret.
 */
function namesOneCredential(name: string): boolean {
  return (
    namesCredentialAt(name, "json field") && !(name.endsWith("s") && namesCredentialAt(name.slice(0, -1), "json field"))
  );
}

/** A JSON path's step to a field: `.name`, or `["x-api-key"]` for a key that is no identifier. */
function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * An auth scheme followed by a literal credential (`Bearer abc`, `Basic dXNlcjpwdw==`, `Token abc`,
 * `Digest username="a", response="…"`): a header holding one is left out as a credential-named one
 * is, whatever its name (`X-Custom: Bearer abc`, `Bearer {{token}}abc`). One that writes out
 * nothing but variables (`Bearer {{token}}`) holds none of its own.
 */
export function schemeCredential(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const match = AUTH_SCHEME.exec(value);
  return match !== null && writesLiteral(match[1]!);
}

/** Whether a header's value is a credential written out: by its name, or by its value's auth scheme. */
export function headerCredential(name: string, value: unknown): boolean {
  return literalCredential(name, value) || schemeCredential(value);
}

/**
 * Whether a value written under `name` at `place` (a header, a JSON field, or a query parameter, a
 * path variable, a form field) is sent as a credential, written out or not: its name says so, by
 * the rule literalCredential judges it by there, or a header's value starts with an auth scheme
 * (`X-Custom: Bearer {{token}}`). The variables it refers to are credentials then (scopes.ts).
 */
export function sentAsCredential(name: string, value: unknown, place: Place): boolean {
  return namesCredentialAt(name, place) || (place === "header" && typeof value === "string" && AUTH_SCHEME.test(value));
}

/** A URL's scheme and its user info, wherever a text writes one (credential-names.ts). */
const USER_INFO = userInfoPattern("g");

/** The passwords the URLs a text holds give in their user info (`https://bob:{{password}}@host`). */
export function userInfoPasswords(text: string): string[] {
  return [...text.matchAll(USER_INFO)].flatMap(([, , userinfo = ""]) => {
    const at = userinfo.indexOf(":");
    return at < 0 ? [] : [userinfo.slice(at + 1)];
  });
}

/**
 * A value's text without the credentials written into the URLs it holds, and what went (`"the
 * password in its URL's user info"`, `'its URL's query parameter "client_secret"'`), never the value:
 * - a user info with a literal password goes whole (`https://bob:pw@host` → `https://host`): fetch
 *   refuses a URL with any user info, and the loader reads a request's URL without it too;
 * - a query parameter whose name says it holds a credential loses its value (`?client_secret=`),
 *   or gets `standIn` for it (a saved answer's, whose place stays); so does a fragment's
 *   (`#access_token=`).
 * The rest is kept as written, so the URL still works; a value that writes out nothing but
 * `{{variables}}` (`writesLiteral`) stays.
 */
export function textWithoutCredentials(text: string, standIn = ""): { text: string; leftOut: string[] } {
  const leftOut: string[] = [];
  let out = text.replace(USER_INFO, (whole: string, scheme: string, userinfo: string) => {
    const at = userinfo.indexOf(":");
    const password = at < 0 ? "" : userinfo.slice(at + 1);
    if (!writesLiteral(password)) return whole;
    leftOut.push("the password in its URL's user info");
    return scheme;
  });
  // A query is read only in a value that is one URL: `?` in prose is no query. Spaces around it
  // are the value's own (Zoom's saved `" https://zoom.us/w/…?tk=…"`), and kept. A fragment of
  // pairs is read as a query is: OAuth's implicit grant sends its token back in one
  // (`#access_token=…`, RFC 6749 4.2.2), and a saved redirect keeps it.
  const url = /^(\s*[^\s?#]*)(?:\?([^\s#]*))?(?:#(\S*))?(\s*)$/.exec(out);
  if (url) {
    const [, before, query, fragment, after] = url;
    const pairs = (text: string | undefined, part: string): string | undefined =>
      text
        ?.split("&")
        .map((pair) => {
          const eq = pair.indexOf("=");
          if (eq < 0) return pair;
          const name = safeDecode(pair.slice(0, eq));
          if (!literalCredential(name, safeDecode(pair.slice(eq + 1)))) return pair;
          leftOut.push(`its URL's ${part} parameter ${JSON.stringify(name)}`);
          return `${pair.slice(0, eq + 1)}${standIn}`;
        })
        .join("&");
    const kept = [pairs(query, "query"), pairs(fragment, "fragment")];
    if (leftOut.length)
      out = `${before}${kept[0] === undefined ? "" : `?${kept[0]}`}${kept[1] === undefined ? "" : `#${kept[1]}`}${after}`;
  }
  return { text: leftOut.length ? out : text, leftOut };
}

/**
 * A raw body's text that is not JSON as it stands, without its literal credentials, and what went
 * (`form field "password"`, never the value). Read, in turn, as:
 * - JSON written loosely (comments, trailing commas; a `text` body holding JSON): written out again
 *   without them (or with `standIn`'s values), as jsonWithoutCredentials leaves them out; Postman
 *   sends such a text as written, so it is kept when it holds none;
 * - form pairs (`grant_type=password&password=…`): the value goes (`password=`);
 * - else (XML, a GraphQL query) an element (`<password>…</password>`), or a quoted string or a
 *   number after a name and `:` or `=` (`login(password: "…")`), loses its value: `""`, 0 for a
 *   number, or what `standIn` returns. A credential in prose cannot be told, and stays.
 * `written` gets what each one writes out (writtenParts). `fields`: the text is a GraphQL query,
 * whose `name: value` is an argument or an input object's field, judged as a JSON field is
 * (`project: {key: "CALC"}`, Jira's project key in Xray's collection, stays).
 */
export function rawTextWithoutCredentials(
  text: string,
  standIn?: (credential: unknown) => unknown,
  written?: Set<string>,
  fields?: "json field",
): { text: string; leftOut: string[] } {
  // Blank text (most saved answers without a body) holds nothing any reading below finds; reading
  // it as JSON would fail, and throw, three times.
  if (text.trim() === "") return { text, leftOut: [] };
  const loose = readJsonBody(withoutTrailingCommas(withoutJsonComments(text)));
  if (loose) {
    const kept = jsonWithoutCredentials(loose.value, standIn, written);
    return kept.leftOut.length
      ? { text: JSON.stringify(kept.value, null, 2), leftOut: kept.leftOut.map((path) => `body field ${path}`) }
      : { text, leftOut: [] };
  }
  const leftOut: string[] = [];
  const replace = (what: string, value: string, number = false) => {
    leftOut.push(what);
    if (written) for (const part of writtenParts(value)) written.add(part);
    return String(standIn ? standIn(number ? Number(value) : value) : number ? 0 : "");
  };
  const out = /^[^\s=&]+=[^\s&]*(?:&[^\s=&]+=[^\s&]*)*$/.test(text.trim())
    ? text.replace(/([^\s=&]+)=([^\s&]*)/g, (pair: string, name: string, value: string) =>
        literalCredential(safeDecode(name), safeDecode(value))
          ? `${name}=${encodeURIComponent(replace(`form field ${JSON.stringify(safeDecode(name))}`, value))}`
          : pair,
      )
    : text
        .replace(
          /(<(?:[\w.-]+:)?([A-Za-z_][\w.-]*)(?:\s[^<>]*)?>)([^<]+)(<\/(?:[\w.-]+:)?\2\s*>)/g,
          (element: string, open: string, name: string, value: string, close: string) =>
            literalCredential(name, value.trim()) ? `${open}${replace(`element <${name}>`, value)}${close}` : element,
        )
        .replace(
          /(?<![\w$-])((["']?)([A-Za-z_][\w-]*)\2\s*[:=]\s*)(?:"((?:[^"\\\n]|\\.)*)"|(-?\d+(?:\.\d+)?)(?![\w.]))/g,
          (whole: string, before: string, _quote: string, name: string, quoted?: string, number?: string) => {
            const value = quoted !== undefined ? unquoted(quoted) : number!;
            if (!literalCredential(name, value, fields)) return whole;
            const what = `field ${JSON.stringify(name)}`;
            return quoted !== undefined
              ? `${before}${JSON.stringify(replace(what, value))}`
              : `${before}${replace(what, value, true)}`;
          },
        );
  return { text: leftOut.length ? out : text, leftOut };
}

/** A JSON string's text (between its quotes) as its value; the text itself when it is no JSON string. */
function unquoted(text: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    return text;
  }
}

/** JSON written with trailing commas (`[1, 2,]`) without them; strings are kept as they are. */
function withoutTrailingCommas(text: string): string {
  return text.replace(/("(?:[^"\\]|\\.)*")|,(\s*[}\]])/g, (whole, string: string | undefined, end: string) =>
    string !== undefined ? string : end,
  );
}

/**
 * Prose (a description) with the credentials written into it masked by a placeholder that says what
 * goes there (`<token>`, `<api_key>`), the rest kept as written. Prose talks about credentials
 * ("pass your token as `api_key`", "Authorization: Bearer authentication"), so a value goes only
 * when it looks like one (credentialShaped) and stands where a credential does:
 * - a token of a known shape, wherever it is (a JWT, `sk_live_…`, `ghp_…`, `AKIA…`);
 * - after an auth scheme (`Bearer eyJ…`, `Basic dXNlcjpwdw==`, `Token …`);
 * - after a name that says it holds a credential and `:` or `=`, quoted or not (`?api_key=…`,
 *   `-H "X-Api-Key: …"`, `"password": "…"`);
 * - a URL's user info with a password (`https://bob:pw@host`), which is one whatever it looks like.
 * A `{{variable}}` or a placeholder (`<token>`, `YOUR_API_KEY`) holds no secret and stays.
 */
export function proseWithoutCredentials(text: string): string {
  return proseKept(text);
}

// Each text's answer, as a collection repeats its descriptions (a parameter's on every request
// that takes it, a status's on every operation): kept as namesCredentialAt keeps a name's.
const proseKept = memoized((text) => proseMasked(text));

function proseMasked(text: string): string {
  const masked = (value: string, placeholder: string) => {
    const [, word = value, end = ""] = /^(.*?)([.,;:!?)\]]*)$/s.exec(value) ?? [];
    return credentialShaped(word) ? `${placeholder}${end}` : value;
  };
  const named = (input: string) => {
    // Only a name and its `:` or `=` are matched, so that a value read under another name
    // (`X-Forwarded: api_key=…`) is read again under its own; the value is read where the name
    // ends (sticky), never from a copy of the rest, so a long description is read once.
    let out = "";
    let at = 0;
    for (const match of input.matchAll(NAMED)) {
      const [prefix, , name = "", quote = ""] = match;
      const start = match.index + prefix.length;
      VALUE.lastIndex = start;
      const value = VALUE.exec(input)?.[0];
      // Shorter than credentialShaped's 8 characters: no credential, and most values in prose.
      if (start < at || !value || value.length < 8 || !input.startsWith(quote, start + value.length)) continue;
      const kept = masked(safeDecode(value), `<${safeDecode(name)}>`);
      if (kept === safeDecode(value) || !namesCredential(safeDecode(name))) continue;
      out += input.slice(at, start) + kept;
      at = start + value.length;
    }
    return out + input.slice(at);
  };
  const schemed = text
    .replace(KNOWN_TOKEN, "<token>")
    .replace(
      /(?<![\w-])(bearer|basic|(?<=:\s*)token)(\s+)([^\s'"`<>]+)/gi,
      (whole: string, scheme: string, space: string, value: string) =>
        value.length < 8 ? whole : `${scheme}${space}${masked(value, "<token>")}`,
    );
  return named(schemed).replace(USER_INFO, (whole: string, scheme: string, userinfo: string) => {
    const at = userinfo.indexOf(":");
    const password = at < 0 ? "" : userinfo.slice(at + 1);
    return !password || hasTemplate(password) || /^<[^<>]*>$/.test(password)
      ? whole
      : `${scheme}${userinfo.slice(0, at + 1)}<password>@`;
  });
}

/** A name followed by `:` or `=`, each quoted or not (`api_key=`, `"password": "`); not a URL's `https://`. */
// The name is read whole (a lookahead's capture, matched again) and never backtracked into.
const NAMED = /(?<![\w.%-])(["']?)(?=[A-Za-z_])(?=([\w.%-]+))\2\1\s*(?:=|:(?!\/\/))[ \t]*(["']?)/g;
/**
 * A value in prose: up to a space, a quote, a placeholder's bracket, a list's separator, or a `:` or
 * `=` that makes it a name in turn (`Cookie: session=…` reads `session`'s value under its own name);
 * base64's `=` padding is the value's. So each character is read once, however the text runs on.
 */
const VALUE = /[^\s'"`<>&,;:=]+={0,2}/y;

/**
 * Tokens whose shape alone says what they are, named or not: a JWT (three base64url parts, the
 * first a JSON header, so `eyJ`), and the prefixed keys of Stripe (secret and restricted), GitHub,
 * GitLab, Slack, AWS, Google and OpenAI. A publishable key (`pk_live_…`) is meant to be seen.
 */
const KNOWN_TOKEN = new RegExp(
  [
    /\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]*/,
    /\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{8,}/,
    /\bwhsec_[0-9A-Za-z]{16,}/,
    /\b(?:gh[pousr]_[0-9A-Za-z]{20,}|github_pat_\w{20,})/,
    /\bglpat-[\w-]{20,}/,
    /\bxox[abposr]-[0-9A-Za-z-]{10,}/,
    /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
    /\bAIza[\w-]{35}/,
    /\bsk-(?:proj-)?(?=[\w-]*\d)[\w-]{20,}/,
  ]
    .map((r) => r.source)
    .join("|"),
  "g",
);

/**
 * Whether a word of prose looks like a credential rather than a word or a placeholder: at least 8
 * characters with a digit or both cases (`hunter2hunter2`, `dXNlcjpwdw==`). Not a word
 * (`required`, `authentication`), a name in capitals (`YOUR_API_KEY`), a `{{variable}}`, a
 * placeholder (`<token>`, `[key]`), code, a URL (`password_reset=https://…`) or a date. A password of lower-case
 * words alone (`correcthorse`) cannot be told from prose, and stays.
 */
function credentialShaped(word: string): boolean {
  if (hasTemplate(word) || /^[<[{(].*[>\]})]$/.test(word) || startsWithSchemeAndSlashes(word)) return false;
  // A date, or code (`base64Encode({client_id}:{secret})`, `$TOKEN`): no token holds brackets.
  if (/^\d{4}-\d\d-\d\d(?:T[\d:.]+Z?)?$/.test(word) || /[(){}[\]]|^\$/.test(word)) return false;
  return word.length >= 8 && (/\d/.test(word) || (/[a-z]/.test(word) && /[A-Z]/.test(word)));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** The warning for what `textWithoutCredentials` left out of `place`'s value, never the value. */
export function urlCredentialLeftOut(place: string, what: readonly string[], of = "the client"): string {
  return `${place} holds a credential written into a URL (${what.join(", ")}): it is left out of ${of}, the rest of the value kept; refer to a {{variable}} for it`;
}
