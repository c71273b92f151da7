export * from "./client.js";
export { ApiError, ValidationError } from "./runtime/errors.js";
export type { ClientOptions, RequestOptions } from "./runtime/core.js";
export type { Credential, SignableRequest } from "./runtime/auth.js";
export type { ArgLocation, ArgSpec, AuthSpec, BodyEncoding, ErrorCodeSpec, OperationSpec, ResponseSpec } from "./runtime/spec.js";
