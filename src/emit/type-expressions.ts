// TypeScript type expressions for arguments and documented responses.
import { jsonLiteral, propertyKey, stringLiteral } from "./literals.js";
import { isJsonExample } from "../model/json-body.js";
import { OBJECT_MEMBERS } from "../model/naming.js";
import { TEXT_ALIAS } from "../model/reserved-names.js";
import type { PropertyShape } from "../model/shape.js";
import { NO_SHARED_SHAPES, type SharedShapes } from "../model/shared-shapes.js";
import type { ArgModel, OperationModel, ResponseModel, Shape } from "../model/types.js";
import { hasNoBody, isBinaryType } from "../runtime/response.js";
import { counted } from "../counted.js";

const NUMBER_HINTS = new Set(["integer", "long", "number", "double", "float", "int32", "int64"]);

/** What the client sends for binary values: the platform's types only. */
export const BINARY_TYPE = "Blob | ArrayBuffer | Uint8Array | string";

/**
 * What an argument sent as text takes where the collection documents no type (textType): what the
 * client sends as `String(value)`. The package declares it once as TEXT_ALIAS (`Text`).
 */
export const TEXT_TYPE = "string | number | boolean";

/** How a type refers to what the package declares once; each left out is written in full. */
export interface TypeNames {
  /** The shared shapes (src/model/shared-shapes.ts), by their names. */
  shared?: SharedShapes;
  /**
   * Plain text as TEXT_ALIAS, which the shapes' module declares (emit/modules/shared.ts). The API
   * diff's surface writes it in full: what an argument takes is the same under either text.
   */
  text?: boolean;
}

/**
 * An argument's type as the caller writes it: one value, or for query parameters and form fields
 * one value or a list (sent as the key repeated). Its operation says how the value is sent, so a
 * value sent as text is typed as the caller may write it (textType); the operation is required, as
 * without it the type would silently be the collection's (argItemType, which the examples read).
 */
export function argType(arg: ArgModel, op: Pick<OperationModel, "body">, names: TypeNames = {}): string {
  const item = argItemType(arg, names.shared);
  const plain = names.text ? TEXT_ALIAS : TEXT_TYPE;
  const one = isPlainText(arg, op) ? plain : sentAsText(arg, op) ? textType(arg, item) : item;
  const type = arg.repeatable ? `${one} | ${one.includes(" ") ? `Array<${one}>` : `${one}[]`}` : one;
  // A form field of JSON text also takes the object, sent as its JSON text (readJsonText).
  return arg.type === "jsonText" && arg.shape && sentAsText(arg, op)
    ? `${type} | ${shapeType(arg.shape, names.shared)}`
    : type;
}

/** Whether an argument takes plain text (TEXT_TYPE, or the alias): sent as text, with no enum or documented type. */
export function isPlainText(arg: ArgModel, op: Pick<OperationModel, "body">): boolean {
  return sentAsText(arg, op) && !arg.enum && argItemType(arg) === "string";
}

/**
 * Whether the client sends the caller's value as its text, `String(value)`: path variables, query
 * parameters, headers and form text fields. Postman stores each of them as text, so the collection
 * types none beyond it; a JSON body's fields (a form the config turned into JSON too) are sent as
 * JSON, where `30` and `"30"` differ.
 */
export function sentAsText(arg: ArgModel, op: Pick<OperationModel, "body">): boolean {
  if (arg.type !== undefined && arg.type !== "jsonText") return false;
  if (arg.in !== "body") return true;
  return op.body?.encoding === "multipart" || op.body?.encoding === "urlencoded";
}

/**
 * The type of one value sent as text that is not plain (isPlainText, which takes TEXT_TYPE): what
 * the caller may write for the same text. `page_size: 30` sends `30` as `"30"` does, so plain text
 * also takes numbers and booleans; an enum also takes the numbers and booleans whose text is one
 * of its values (`"1" | "2" | 1 | 2`, `"true" | "false" | boolean`), and only those, as the
 * client checks the text against the enum. A documented
 * `<integer>` or `<boolean>` stays as documented.
 */
function textType(arg: ArgModel, item: string): string {
  if (!arg.enum) return item;
  const numbers = arg.enum.filter(isNumberText).map((v) => jsonLiteral(Number(v)));
  const booleans = arg.enum.filter((v) => v === "true" || v === "false");
  return [item, ...numbers, ...(booleans.length === 2 ? ["boolean"] : booleans)].join(" | ");
}

/**
 * Text that a number is written as (`String(n)`, which the client sends): `1`, `-2`, `0.5`; not
 * `01`, `1.0`, `1e3` or `-0`, which no number is sent as, nor `Infinity`, which is no literal type.
 */
function isNumberText(text: string): boolean {
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text;
}

/**
 * The type of one value of an argument as the collection writes it (a repeatable one also takes a
 * list of them): a value sent as text is `string` here, what the caller may pass is argType's.
 */
export function argItemType(arg: ArgModel, shared: SharedShapes = NO_SHARED_SHAPES): string {
  if (arg.type === "file") return BINARY_TYPE;
  // Written by the caller: `variables` takes undefined as none (exactOptionalPropertyTypes), as an optional argument does.
  if (arg.typeHint === "graphql") return "{ query: string; variables?: Record<string, unknown> | undefined }";
  if (arg.type === "json") return arg.shape ? shapeType(arg.shape, shared) : "unknown";
  if (arg.enum) return arg.enum.map(stringLiteral).join(" | ");
  if (arg.typeHint && NUMBER_HINTS.has(arg.typeHint)) return "number";
  if (arg.typeHint === "boolean") return "boolean";
  return "string";
}

/**
 * The type of an optional member, decided here for every place the client writes one (arguments,
 * and keys inferred from examples at any depth): it also takes `undefined`, read as absent, so that
 * an app built with exactOptionalPropertyTypes passes a value that may be undefined, as it does
 * everywhere else (`{ options: { webhook } }`).
 */
export function optionalType(type: string): string {
  return type === "unknown" ? type : `${type} | undefined`;
}

/**
 * The type of a shape: its text in full, or with the shared shapes (src/model/shared-shapes.ts) by
 * their names, as the emitted modules write it.
 */
export function shapeType(shape: Shape, shared: SharedShapes = NO_SHARED_SHAPES): string {
  let texts = shapeTexts.get(shared);
  if (!texts) shapeTexts.set(shared, (texts = new WeakMap()));
  let text = texts.get(shape);
  if (text === undefined) texts.set(shape, (text = shared.nameOf(shape) ?? shapeBody(shape, shared)));
  return text;
}

/**
 * By shared shapes, then by shape: a response's type is written in full for the API diff's surface
 * and (twice) for the response checks, and with the shared names for its operation's types and for
 * its module's imports; a shape inferred from many examples is a long text, and the same shape
 * sits in many places. A SharedShapes that records the names it gives (the imports'
 * writtenNames) has a table of its own: every name is given to it before its texts are kept.
 */
const shapeTexts = new WeakMap<SharedShapes, WeakMap<Shape, string>>();

/** The type of a shape written out at its top (a shared shape's declaration), shared ones inside by name. */
export function shapeBody(shape: Shape, shared: SharedShapes = NO_SHARED_SHAPES): string {
  const type = (s: Shape) => shapeType(s, shared);
  switch (shape.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "unknown":
      return shape.kind;
    case "array": {
      if (!shape.items) return "unknown[]";
      const items = type(shape.items);
      return shape.items.kind === "union" ? `Array<${items}>` : `${items}[]`;
    }
    case "object": {
      if (shape.properties.length === 0) return `Record<string, ${shape.index ? type(shape.index) : "unknown"}>`;
      // An optional `constructor` or `toString` is left to an index signature: absent, it reads as
      // the member every object has (a function), and TypeScript would hold every literal to it.
      const typed = shape.properties.filter((p) => !(p.optional && OBJECT_MEMBERS.has(p.name)));
      const members = typed.map((p) =>
        p.optional
          ? `${propertyKey(p.name)}?: ${optionalType(type(p.shape))}`
          : `${propertyKey(p.name)}: ${type(p.shape)}`,
      );
      if (typed.length < shape.properties.length) members.push("[key: string]: unknown");
      else if (shape.index) members.push(`[key: string]: ${indexType(shape.index, typed, shared)}`);
      return `{ ${members.join("; ")} }`;
    }
    case "union":
      return shape.of.map(type).join(" | ");
  }
}

/**
 * The value type of a map's index signature beside named properties. TypeScript holds each named
 * property to it (an optional one with its `undefined`), so it is the union of the map's values and
 * theirs: `{ total: number; [key: string]: File | number }`.
 */
function indexType(index: Shape, named: PropertyShape[], shared: SharedShapes): string {
  const members = [index, ...named.map((p) => p.shape)].flatMap((shape) =>
    shape.kind === "union" ? shape.of : [shape],
  );
  if (members.some((shape) => shape.kind === "unknown")) return "unknown";
  const types = new Set(members.map((shape) => shapeType(shape, shared)));
  if (named.some((p) => p.optional)) types.add("undefined");
  return [...types].join(" | ");
}

/** Whether a call resolves with the status (else it rejects): a 2xx, or a 3xx where no redirect is followed. */
export function isSuccess(op: Pick<OperationModel, "redirect">, status: number): boolean {
  return status >= 200 && status < (op.redirect ? 400 : 300);
}

/**
 * What a call resolves with for one documented status. The runtime reads JSON by content type, a
 * Blob for a 2xx of a binary type, text otherwise, and gives `undefined` for an empty body; the examples say which of those to expect
 * (whether each is JSON as the loader decided it, which the mocks serve it by: src/model/json-body.ts).
 * `inferredFrom` is how many example bodies the type was inferred from, when it was.
 */
export function successType(
  op: OperationModel,
  response: ResponseModel,
  shared: SharedShapes = NO_SHARED_SHAPES,
): { type: string; inferredFrom?: number } {
  if (hasNoBody(response.status, op.method)) return { type: "undefined" };
  const types = new Set<string>();
  let inferred = false;
  for (const example of response.examples) {
    const json = isJsonExample(example);
    const shaped = json && example.body.trim() !== "" && response.shape !== undefined;
    if (shaped) inferred = true;
    if (json) types.add(shaped ? shapeType(response.shape!, shared) : "unknown");
    else {
      // A 2xx of a binary type resolves with its bytes, as the runtime reads it (readBody).
      const text = response.status < 300 && isBinaryType(example.contentType) ? "Blob" : "string";
      types.add(example.body === "" ? `${text} | undefined` : text);
    }
  }
  if (types.size === 0 || types.has("unknown")) return { type: "unknown" };
  const type = [...types].join(" | ");
  return inferred ? { type, inferredFrom: response.inferredFrom ?? response.examples.length } : { type };
}

/** The JSDoc line that says a type is a guess, and from how much. */
export function inferredDoc(examples: number): string {
  return `Inferred from ${counted(examples, "example")}.`;
}

/** `ApiError<404, 1001>` for a documented error status. */
export function errorType(response: ResponseModel): string {
  const codes = response.errorCodes.map((c) => (typeof c.code === "number" ? String(c.code) : stringLiteral(c.code)));
  return codes.length ? `ApiError<${response.status}, ${codes.join(" | ")}>` : `ApiError<${response.status}>`;
}
