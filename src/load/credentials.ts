// Which values a collection writes out are credentials. The loader leaves them out of a client
// (arg.ts, body.ts) and a stored copy of the Postman API leaves them out of its file
// (postman-api/redact.ts): one rule, so a stored copy never keeps what a client would not. Names
// say most (credential-names.ts); the values below say the rest, whatever they are stored under: a
// URL's user info, a URL's query parameter named as a credential, an auth scheme and its credential.
import { parsePlaceholder } from "../model/conventions.js";
import { AUTH_SCHEME, namesCredential } from "../runtime/credential-names.js";
import { isObject } from "./json.js";

/**
 * Whether a value writes out part of a credential itself: one without `{{variables}}` whatever it
 * holds; one with some when what is left without them and an auth scheme word before them
 * (`Bearer {{token}}`, `SSWS {{key}}`) holds a letter or a digit. `{{user}}:{{password}}` writes
 * out none; `abc{{suffix}}` and `Bearer {{t}}abc` do, and a client must get that part no more than
 * a whole literal one.
 */
export function writesLiteral(text: string): boolean {
  if (!/\{\{[^{}]+\}\}/.test(text)) return text !== "";
  return /[\p{L}\p{N}]/u.test(text.replace(/^\s*[A-Za-z][\w.+-]*\s+(?=\{\{)/, "").replace(/\{\{[^{}]+\}\}/g, ""));
}

/**
 * Whether a value written under `name` (a header, a query parameter, a form or JSON field) is a
 * credential written out: its name says it holds one (`Authorization`, `api_key`, `password`).
 * A value that writes out nothing but variables is none (`writesLiteral`), nor is a placeholder
 * (`<string>`), an empty value or a flag (`default_password: false`): they hold no secret.
 */
export function literalCredential(name: string, value: unknown): boolean {
  const text =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  const { example } = parsePlaceholder(text);
  return example !== undefined && !/^(|true|false)$/i.test(example) && writesLiteral(example) && namesCredential(name);
}

/**
 * A JSON value without its literal credentials at any depth, and the JSON path of each one left
 * out (`$.user.password`), never its value. A field keeps its place in the value's type: only the
 * value goes, or, given `standIn`, is replaced by what it returns. A list's items are judged by the
 * list's name (`"tokens": ["a", "b"]`), and a list of nothing but credentials goes as a whole.
 * `standIn` is given each one's value and JSON path. The value is returned as given when nothing goes.
 */
export function jsonWithoutCredentials(
  value: unknown,
  standIn?: (credential: unknown, path: string) => unknown,
): { value: unknown; leftOut: string[] } {
  const leftOut: string[] = [];
  const kept = strip(value, undefined, "$", leftOut, standIn);
  return { value: leftOut.length ? kept : value, leftOut };
}

/**
 * A JSON text (a JWT's header or payload) without its literal credentials (`jsonWithoutCredentials`,
 * each replaced by what `standIn` returns), written out again only when one went; undefined when
 * it is no JSON. An unquoted `{{variable}}` (`"exp": {{exp}}`) is written back unquoted: its value
 * is JSON of any type, a number most often, which quotes would make a string; so is a reference that
 * stands in for a number (`"pin": {{jwt.payload.pin}}`).
 */
export function jsonTextWithoutCredentials(
  text: string,
  standIn: (credential: unknown, path: string) => unknown,
): { text: string; leftOut: string[] } | undefined {
  // A character the text lacks marks each unquoted reference while it is read as a string.
  let code = 0xe000;
  while (text.includes(String.fromCharCode(code))) code++;
  const mark = String.fromCharCode(code);
  const marked = text.replace(/("(?:[^"\\]|\\.)*")|\{\{([^{}]+)\}\}/g, (whole, string: string | undefined) =>
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
    return typeof credential === "number" && typeof given === "string" && /^\{\{[^{}]+\}\}$/.test(given)
      ? `${mark}${given}`
      : given;
  });
  if (!leftOut.length) return { text, leftOut };
  const out = JSON.stringify(kept).replace(
    new RegExp(`"${mark}((?:[^"\\\\]|\\\\.)*)"`, "g"),
    (_whole, reference: string) => JSON.parse(`"${reference}"`) as string,
  );
  return { text: out, leftOut };
}

const LEFT_OUT = Symbol("left out");

function strip(
  value: unknown,
  name: string | undefined,
  path: string,
  leftOut: string[],
  standIn: ((credential: unknown, path: string) => unknown) | undefined,
): unknown {
  if (Array.isArray(value)) {
    const items = value
      .map((item, i) => strip(item, name, `${path}[${i}]`, leftOut, standIn))
      .filter((i) => i !== LEFT_OUT);
    return items.length === 0 && value.length > 0 ? LEFT_OUT : items;
  }
  if (isObject(value)) {
    // fromEntries keeps a `__proto__` key as the value's own field, as JSON.parse made it.
    return Object.fromEntries(
      Object.entries(value).flatMap(([key, field]) => {
        const kept = strip(field, key, `${path}${member(key)}`, leftOut, standIn);
        return kept === LEFT_OUT ? [] : [[key, kept] as const];
      }),
    );
  }
  if (name !== undefined && literalCredential(name, value)) {
    leftOut.push(path);
    return standIn ? standIn(value, path) : LEFT_OUT;
  }
  return value;
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
 * Whether a value written under `name` (a header when `header`, a query parameter, a path
 * variable, a form or JSON field) is sent as a credential, written out or not: its name says so,
 * or a header's value starts with an auth scheme (`X-Custom: Bearer {{token}}`). The variables it
 * refers to are credentials then (scopes.ts).
 */
export function sentAsCredential(name: string, value: unknown, header: boolean): boolean {
  return namesCredential(name) || (header && typeof value === "string" && AUTH_SCHEME.test(value));
}

/** A URL's scheme and its user info, wherever a text writes one. */
const USER_INFO = /([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@]*)@/gi;

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
 * - a query parameter whose name says it holds a credential loses its value (`?client_secret=`).
 * The rest is kept as written, so the URL still works; a value that writes out nothing but
 * `{{variables}}` (`writesLiteral`) stays.
 */
export function textWithoutCredentials(text: string): { text: string; leftOut: string[] } {
  const leftOut: string[] = [];
  let out = text.replace(USER_INFO, (whole: string, scheme: string, userinfo: string) => {
    const at = userinfo.indexOf(":");
    const password = at < 0 ? "" : userinfo.slice(at + 1);
    if (!writesLiteral(password)) return whole;
    leftOut.push("the password in its URL's user info");
    return scheme;
  });
  // A query is read only in a value that is one URL: `?` in prose is no query.
  const query = /^(\S*?\?)([^\s#]*)(#\S*)?$/.exec(out);
  if (query) {
    const [, before, pairs, after = ""] = query;
    const kept = pairs!.split("&").map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      const name = safeDecode(pair.slice(0, eq));
      if (!literalCredential(name, safeDecode(pair.slice(eq + 1)))) return pair;
      leftOut.push(`its URL's query parameter ${JSON.stringify(name)}`);
      return pair.slice(0, eq + 1);
    });
    if (leftOut.length) out = `${before}${kept.join("&")}${after}`;
  }
  return { text: leftOut.length ? out : text, leftOut };
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
