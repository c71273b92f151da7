import { type ApiError } from "./errors.js";
import type { OperationSpec } from "./spec.js";
/** JSON by the response's content type; text otherwise; `undefined` when there is no body. */
export declare function readBody(response: Response, method: string): Promise<unknown>;
export declare function toApiError(op: OperationSpec, response: Response, body: unknown): ApiError;
/** `application/json`, `text/json`, `application/problem+json`, … with or without parameters. */
export declare function isJson(contentType: string | null | undefined): boolean;
