import { ApiError } from "./errors.js";
import type { OperationSpec } from "./spec.js";
/**
 * Whether `error` is one of `operation`'s documented errors, narrowing it to the operation's
 * `…Error` type without a cast: `if (isErrorOf(updateUserStatusOperation, e) && e.code === 1001)`.
 * True for an ApiError of that operation (the one whose call failed, in this copy of the package
 * or another: its ES modules and its CommonJS build, or another version installed beside it, when
 * that copy's operation of this name sends the same request and documents the same errors; for an
 * ApiError made elsewhere, one of its name) whose status is documented and whose code, when the API
 * sent one and the status documents codes, is one of them; for any ApiError of an operation that
 * documents no error status (its type is `ApiError`).
 */
export declare function isErrorOf<E extends ApiError>(operation: OperationSpec<unknown, E>, error: unknown): error is E;
