// A text of the test cases (an example's body, a raw request body) that is JSON laid out exactly as
// JSON.stringify lays it out is held as its value, so that a regeneration's diff shows a changed
// field as a changed line rather than one long escaped string changed whole. The generator holds a
// text so only when this gives it back byte for byte (src/emit/test-cases.ts, jsonTextOf): the
// server answers, and the runner compares, the very text the collection has.

/** A JSON text as its value and the indentation JSON.stringify lays it out with (none: on one line). */
export interface JsonText {
  json: unknown;
  /** Spaces per level, or the indentation string itself (a tab). */
  indent?: number | string;
}

/** The text a JsonText stands for. */
export function jsonText(text: JsonText): string {
  return JSON.stringify(text.json, null, text.indent);
}
