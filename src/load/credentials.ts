// Which values a collection writes out are credentials. The loader leaves them out of a client
// (arg.ts, body.ts) and a stored copy of the Postman API leaves them out of its file
// (postman-api/redact.ts): one rule, so a stored copy never keeps what a client would not.
import { parsePlaceholder } from "../model/conventions.js";
import { namesCredential } from "./credential-names.js";
import { hasTemplate, isObject } from "./json.js";

/**
 * Whether a value written under `name` (a header, a query parameter, a form or JSON field) is a
 * credential written out: its name says it holds one (`Authorization`, `api_key`, `password`).
 * A value that refers to variables is none, nor is a placeholder (`<string>`), an empty value or
 * a flag (`default_password: false`): they hold no secret.
 */
export function literalCredential(name: string, value: unknown): boolean {
  const text =
    typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  const { example } = parsePlaceholder(text);
  return example !== undefined && !/^(|true|false)$/i.test(example) && !hasTemplate(example) && namesCredential(name);
}

/**
 * A JSON value without its literal credentials at any depth, and the JSON path of each one left
 * out (`$.user.password`), never its value. A field keeps its place in the value's type: only the
 * value goes, or, given `standIn`, is replaced by what it returns. A list's items are judged by the
 * list's name (`"tokens": ["a", "b"]`), and a list of nothing but credentials goes as a whole. The
 * value is returned as given when nothing goes.
 */
export function jsonWithoutCredentials(
  value: unknown,
  standIn?: (credential: unknown) => unknown,
): { value: unknown; leftOut: string[] } {
  const leftOut: string[] = [];
  const kept = strip(value, undefined, "$", leftOut, standIn);
  return { value: leftOut.length ? kept : value, leftOut };
}

const LEFT_OUT = Symbol("left out");

function strip(
  value: unknown,
  name: string | undefined,
  path: string,
  leftOut: string[],
  standIn: ((credential: unknown) => unknown) | undefined,
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
    return standIn ? standIn(value) : LEFT_OUT;
  }
  return value;
}

/** A JSON path's step to a field: `.name`, or `["x-api-key"]` for a key that is no identifier. */
function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
