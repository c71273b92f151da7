// A description's text, as every description reaches a client's docs, README and command line help.
import { proseWithoutCredentials } from "./credentials.js";
import { isObject } from "./json.js";

/**
 * Postman descriptions are a string, `{content, type}` or null. A credential written into one (a
 * `curl -H 'Authorization: Bearer …'` to copy) is masked: the docs are emitted and published.
 */
export function descriptionText(value: unknown): string | undefined {
  const text =
    typeof value === "string"
      ? value
      : isObject(value) && typeof value["content"] === "string"
        ? value["content"]
        : undefined;
  return text === undefined ? undefined : proseWithoutCredentials(text);
}
