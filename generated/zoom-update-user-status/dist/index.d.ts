export * from "./client.js";
export { ApiError, ValidationError } from "./runtime/errors.js";
export type { ClientOptions, RequestOptions, TokenSource } from "./runtime/core.js";
export type {
  ArgLocation,
  ArgSpec,
  AuthScheme,
  BodyEncoding,
  ErrorCodeSpec,
  OperationSpec,
  ResponseSpec,
} from "./runtime/spec.js";
