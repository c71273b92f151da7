// Small readers for untyped collection JSON, so the loaders stay free of casts.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringOr(value: unknown, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

/** Whether a value refers to variables (`{{name}}`) anywhere in it. */
export function hasTemplate(value: unknown): boolean {
  if (typeof value === "string") return /\{\{[^{}]+\}\}/.test(value);
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (typeof value === "object" && value !== null) return Object.values(value).some(hasTemplate);
  return false;
}

/**
 * JSON with `{{variables}}`: quoted references are plain strings; an unquoted one (`"n": {{count}}`)
 * is read as the string `"{{count}}"` (`unquoted`), since its JSON type is unknown. Undefined when
 * the text is not JSON either way. The loader (body.ts) and the stored copies (postman-api/redact.ts)
 * read raw bodies with it.
 */
export function readJsonBody(text: string): { value: unknown; unquoted: boolean } | undefined {
  try {
    return { value: JSON.parse(text) as unknown, unquoted: false };
  } catch {
    // Only tried when the text is not JSON as it stands.
  }
  const quoted = text.replace(
    /("(?:[^"\\]|\\.)*")|\{\{([^{}]+)\}\}/g,
    (whole, string: string | undefined, name: string | undefined) =>
      string !== undefined ? string : JSON.stringify(`{{${name}}}`),
  );
  try {
    return { value: JSON.parse(quoted) as unknown, unquoted: true };
  } catch {
    return undefined;
  }
}
