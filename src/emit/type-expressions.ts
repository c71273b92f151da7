// TypeScript type expressions for arguments and documented responses.
import { stringLiteral } from "./literals.js";
import type { ArgModel, OperationModel, ResponseModel } from "../model/types.js";
import { isJson } from "../runtime/response.js";

const NUMBER_HINTS = new Set(["integer", "long", "number", "double", "float", "int32", "int64"]);

export function argType(arg: ArgModel): string {
  if (arg.enum) return arg.enum.map(stringLiteral).join(" | ");
  if (arg.typeHint && NUMBER_HINTS.has(arg.typeHint)) return "number";
  if (arg.typeHint === "boolean") return "boolean";
  return "string";
}

export function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

const NO_BODY = new Set([204, 205, 304]);

/**
 * What a call resolves with for one documented status. The runtime reads JSON by content type, text
 * otherwise, and gives `undefined` for an empty body; the examples say which of those to expect.
 */
export function successType(op: OperationModel, response: ResponseModel): string {
  if (NO_BODY.has(response.status) || op.method === "HEAD") return "undefined";
  const types = new Set<string>();
  for (const example of response.examples) {
    if (isJson(example.contentType)) types.add("unknown");
    else types.add(example.body === "" ? "string | undefined" : "string");
  }
  if (types.has("unknown") || types.size === 0) return "unknown";
  return types.has("string | undefined") ? "string | undefined" : "string";
}

/** `ApiError<404, 1001>` for a documented error status. */
export function errorType(response: ResponseModel): string {
  const codes = response.errorCodes.map((c) => (typeof c.code === "number" ? String(c.code) : stringLiteral(c.code)));
  return codes.length ? `ApiError<${response.status}, ${codes.join(" | ")}>` : `ApiError<${response.status}>`;
}
