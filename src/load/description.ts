// A description's text, as every description reaches a client's docs, README and command line help.
import { proseWithoutCredentials } from "./credentials.js";
import { isObject } from "./json.js";

/**
 * Postman descriptions are a string, `{content, type}` or null (or the text "undefined": none). A credential written into one (a
 * `curl -H 'Authorization: Bearer …'` to copy) is masked: the docs are emitted and published.
 */
export function descriptionText(value: unknown): string | undefined {
  const text =
    typeof value === "string"
      ? value
      : isObject(value) && typeof value["content"] === "string"
        ? value["content"]
        : undefined;
  // "undefined" is an exporter writing String(undefined) where a field had no description: Zoom's
  // collection has 333 of them. It is no description, not one to show in each field's docs.
  return text === undefined || text.trim() === "undefined" ? undefined : proseWithoutCredentials(text);
}
