import type { ArgSpec, OperationSpec } from "../runtime/spec.js";
import type { ValueKind } from "./types.js";
/**
 * - `file`: `@path` (the file), `-` (standard input), any other text as the file's content.
 * - `raw`: the whole raw body, sent as written: the text, `@file` or `-`.
 * - `json`: JSON text, `@file.json` or `-`, parsed (an object, array, number, boolean or quoted string).
 * - `number`, `boolean`: the text, checked and converted.
 * - `text`: the text as it is (an enum's is checked), a JSON field whose value is a string included.
 */
export type Reading = "file" | "raw" | "json" | "number" | "boolean" | "text";
/**
 * The reading of an argument, from its spec and the kind the generator saw in the collection's
 * value (absent for a string: a JSON-typed field of a string value takes text, not `"quoted"`).
 */
export declare function readingOf(op: OperationSpec, spec: ArgSpec, kind: ValueKind | undefined): Reading;
