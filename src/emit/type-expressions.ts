// TypeScript type expressions for arguments and documented responses.
import { propertyKey, stringLiteral } from "./literals.js";
import { OBJECT_MEMBERS } from "../model/naming.js";
import type { ArgModel, OperationModel, ResponseModel, Shape } from "../model/types.js";
import { hasNoBody, isJson } from "../runtime/response.js";

const NUMBER_HINTS = new Set(["integer", "long", "number", "double", "float", "int32", "int64"]);

/** What the client sends for binary values: the platform's types only. */
export const BINARY_TYPE = "Blob | ArrayBuffer | Uint8Array | string";

export function argType(arg: ArgModel): string {
  if (arg.type === "file") return BINARY_TYPE;
  if (arg.typeHint === "graphql") return "{ query: string; variables?: Record<string, unknown> }";
  if (arg.type === "json") return arg.shape ? shapeType(arg.shape) : "unknown";
  if (arg.enum) return arg.enum.map(stringLiteral).join(" | ");
  if (arg.typeHint && NUMBER_HINTS.has(arg.typeHint)) return "number";
  if (arg.typeHint === "boolean") return "boolean";
  return "string";
}

export function shapeType(shape: Shape): string {
  switch (shape.kind) {
    case "string":
    case "number":
    case "boolean":
    case "null":
    case "unknown":
      return shape.kind;
    case "array": {
      if (!shape.items) return "unknown[]";
      const items = shapeType(shape.items);
      return shape.items.kind === "union" ? `Array<${items}>` : `${items}[]`;
    }
    case "object": {
      if (shape.properties.length === 0) return "Record<string, unknown>";
      // An optional `constructor` or `toString` is left to an index signature: absent, it reads as
      // the member every object has (a function), and TypeScript would hold every literal to it.
      const typed = shape.properties.filter((p) => !(p.optional && OBJECT_MEMBERS.has(p.name)));
      const members = typed.map((p) => `${propertyKey(p.name)}${p.optional ? "?" : ""}: ${shapeType(p.shape)}`);
      if (typed.length < shape.properties.length) members.push("[key: string]: unknown");
      return `{ ${members.join("; ")} }`;
    }
    case "union":
      return shape.of.map(shapeType).join(" | ");
  }
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/**
 * What a call resolves with for one documented status. The runtime reads JSON by content type, text
 * otherwise, and gives `undefined` for an empty body; the examples say which of those to expect.
 */
export function successType(op: OperationModel, response: ResponseModel): string {
  if (hasNoBody(response.status, op.method)) return "undefined";
  const types = new Set<string>();
  for (const example of response.examples) {
    const json = isJson(example.contentType) || (example.contentType === undefined && response.shape !== undefined);
    if (json) types.add(example.body.trim() !== "" && response.shape ? shapeType(response.shape) : "unknown");
    else types.add(example.body === "" ? "string | undefined" : "string");
  }
  if (types.size === 0 || types.has("unknown")) return "unknown";
  return [...types].join(" | ");
}

/** `ApiError<404, 1001>` for a documented error status. */
export function errorType(response: ResponseModel): string {
  const codes = response.errorCodes.map((c) => (typeof c.code === "number" ? String(c.code) : stringLiteral(c.code)));
  return codes.length ? `ApiError<${response.status}, ${codes.join(" | ")}>` : `ApiError<${response.status}>`;
}
