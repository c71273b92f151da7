// Small readers for untyped collection JSON, so the loaders stay free of casts.
import stripJsonComments from "strip-json-comments";
import type { JsonPlace } from "../runtime/spec.js";
import { hasReference, STRING_OR_REFERENCE } from "../model/references.js";

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

/** Whether a value refers to variables (`{{name}}`) anywhere in it. */
export function hasTemplate(value: unknown): boolean {
  if (typeof value === "string") return hasReference(value);
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (typeof value === "object" && value !== null) return Object.values(value).some(hasTemplate);
  return false;
}

/**
 * JSON text without its line (`//`) and block comments, as Postman sends a JSON body
 * (postman-runtime's request-helpers-presend.js): each comment gone, nothing put in its place.
 * Text with neither marker is returned as it is, unscanned. What the loader (body.ts,
 * credentials.ts), the stored copies (postman-api/redact.ts) and the mocks' saved requests
 * (mocks/mock-data.ts) read.
 */
export function withoutJsonComments(text: string): string {
  return text.includes("//") || text.includes("/*") ? stripJsonComments(text, { whitespace: false }) : text;
}

/**
 * JSON with `{{variables}}`: quoted references are plain strings; an unquoted one (`"n": {{count}}`)
 * is read as the string `"{{count}}"`, its place listed in `unquoted`: Postman pastes the value's
 * text there, so it stands for a JSON value of any type. Undefined when the text is not JSON either
 * way. The loader (body.ts) and the stored copies (postman-api/redact.ts) read raw bodies with it.
 */
export function readJsonBody(text: string): { value: unknown; unquoted: JsonPlace[] } | undefined {
  try {
    return { value: JSON.parse(text) as unknown, unquoted: [] };
  } catch {
    // Only tried when the text is not JSON as it stands.
  }
  const read = (reference: (name: string) => string): unknown =>
    JSON.parse(
      text.replace(STRING_OR_REFERENCE, (_whole, string: string | undefined, name: string) =>
        string !== undefined ? string : reference(name),
      ),
    ) as unknown;
  let value: unknown;
  try {
    value = read((name) => JSON.stringify(`{{${name}}}`));
  } catch {
    return undefined;
  }
  // Read again with each unquoted reference as `null`: where the first reading has a string and
  // this one null, the collection wrote a reference unquoted (no string the collection quotes is
  // null). A reference in a key's place (`{ {{key}}: 1 }`) makes this reading fail: none is listed.
  let nulled: unknown;
  try {
    nulled = read(() => "null");
  } catch {
    return { value, unquoted: [] };
  }
  const unquoted: JsonPlace[] = [];
  const visit = (a: unknown, b: unknown, place: JsonPlace): void => {
    if (typeof a === "string" && b === null) unquoted.push(place);
    else if (Array.isArray(a) && Array.isArray(b)) a.forEach((item, i) => visit(item, b[i], [...place, i]));
    else if (isObject(a) && isObject(b)) for (const key of Object.keys(a)) visit(a[key], b[key], [...place, key]);
  };
  visit(value, nulled, []);
  return { value, unquoted };
}
