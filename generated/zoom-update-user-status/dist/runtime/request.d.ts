import type { OperationSpec } from "./spec.js";
export interface BuiltRequest {
  url: string;
  method: string;
  headers: Headers;
  body: FormData | URLSearchParams | undefined;
}
export declare function buildRequest(
  op: OperationSpec,
  args: unknown,
  baseUrl: string,
): BuiltRequest;
