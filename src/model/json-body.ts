// Whether a saved example's body is JSON, decided once by the loader (`ExampleModel.json`) for the
// types (src/emit/type-expressions.ts) and the mocks (src/mocks/mock-data.ts) alike. The runtime
// parses an answer as JSON by its content type alone, so the two must agree: an example the types
// take as JSON is served by the mocks with a JSON content type when it was saved without one, and
// one they take as text is typed `string`.
import { isJson } from "../runtime/response.js";
import type { ExampleModel } from "./types.js";

export interface JsonBody {
  /** The body is JSON, as the types and the mocks take it. */
  json: boolean;
  /** The body parsed, when it is JSON and parses. */
  parsed?: { value: unknown };
}

/**
 * A body is JSON when its content type says so. Saved without one (Postman keeps none unless the
 * headers were saved), it is JSON when it parses as JSON, or when Postman's preview language says
 * `json` (a body that then does not parse is typed `unknown`, which holds the text the runtime
 * gives for it). An empty body is no JSON without a content type: the runtime gives `undefined`.
 */
export function jsonBody(contentType: string | undefined, preview: unknown, body: string): JsonBody {
  const declared = contentType !== undefined ? isJson(contentType) : undefined;
  if (declared === false || body.trim() === "") return { json: declared ?? false };
  let parsed: JsonBody["parsed"];
  try {
    parsed = { value: JSON.parse(body) as unknown };
  } catch {
    parsed = undefined;
  }
  const json = declared ?? (parsed !== undefined || (typeof preview === "string" && preview.toLowerCase() === "json"));
  return json && parsed ? { json, parsed } : { json };
}

/** The loader's decision; an example made without one (a hand-written model) goes by its content type. */
export function isJsonExample(example: Pick<ExampleModel, "json" | "contentType">): boolean {
  return example.json ?? isJson(example.contentType);
}
