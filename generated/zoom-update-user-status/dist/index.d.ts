export * from "./client.js";
export { ApiClientError, ApiError, BadRequestError, UnauthorizedError, ForbiddenError, NotFoundError, ConflictError, UnprocessableEntityError, RateLimitedError, ServerError, ConnectionError, TimeoutError, ValidationError } from "./runtime/errors.js";
export { ApiPromise } from "./runtime/api-promise.js";
export type { WithResponse } from "./runtime/api-promise.js";
export { fileFromPath, toFile } from "./runtime/uploads.js";
export type { FileData } from "./runtime/uploads.js";
export type { ClientOptions, Hooks, HookRequest, RequestOptions } from "./runtime/core.js";
export type { Credential, SignableRequest } from "./runtime/auth.js";
export type { ArgLocation, ArgSpec, AuthSpec, BodyEncoding, ErrorCodeSpec, OperationSpec, ResponseSpec } from "./runtime/spec.js";
