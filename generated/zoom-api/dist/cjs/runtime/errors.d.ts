/**
 * The root of every error the client rejects with, so a caller can catch "anything this client
 * threw" (`error instanceof ApiClientError`) apart from bugs of their own.
 */
export declare class ApiClientError extends Error {
    readonly name: string;
    /** The name, the message and the error's own fields (not an `ApiError`'s headers: see there). */
    toJSON(): Record<string, unknown>;
}
/**
 * A `{{variable}}` without a value, and where one could come from: what its error's message says,
 * and the package's command line its own lines (as flags), written from it rather than read back.
 */
export interface MissingVariable {
    /** The variable's name, as `{{name}}` writes it. */
    readonly variable: string;
    /**
     * Why a value the collection's files had is in no package (`, as it is a secret of environment
     * "sandbox"`), as the message says it; absent when it had none.
     */
    readonly secret?: string;
    /**
     * When the client has environments and none was chosen: those that have a value for it (not an
     * empty one, which would be sent as ""); empty when none has.
     */
    readonly environments?: readonly string[];
    /** With `environments` empty: those that have it empty. */
    readonly empty?: readonly string[];
    /** The argument whose default refers to it, where one does: passed, it is sent instead (the variable not needed). */
    readonly argument?: string;
}
/** The arguments of a call were refused before anything was sent. */
export declare class ValidationError extends ApiClientError {
    /** The operation that refused the call: its name, unique in its package. */
    readonly operation: string;
    /** Argument key at fault, when there is one. */
    readonly field: string | undefined;
    /** Set when a `{{variable}}` the request needs has no value. */
    readonly missing?: MissingVariable;
    /**
     * Set when the operation's auth has no credential, neither given nor the collection's: the
     * client option that gives it (the command line names its flags and environment variables).
     */
    readonly option?: import("./auth.js").CredentialOption;
    /** With `option`, for a signed auth (`hawk`): the parts of it missing (`key`), as the option names them. */
    readonly parts?: readonly string[];
    constructor(operation: string, field: string | undefined, message: string);
}
/**
 * No response: no connection was made (DNS, refused; "connection failed"), or it was lost once
 * made ("connection lost"), or the answer was cut off; after the retries its method allows.
 */
export declare class ConnectionError extends ApiClientError {
    readonly operation: string;
    /**
     * How many attempts the call made: the first and its retries (a 401 its auth answered by signing
     * again is none); its message ends `after 3 attempts` when more than one. Set on the error a call
     * rejects with.
     */
    readonly attempts?: number;
    constructor(operation: string, message: string, options?: {
        cause?: unknown;
    });
}
/** No complete response within the timeout (`timeoutMs`), after every retry. */
export declare class TimeoutError extends ConnectionError {
    readonly timeoutMs: number;
    /** `waited`: what did not come, `no response` unless told (an OAuth 2 token). */
    constructor(operation: string, timeoutMs: number, waited?: string);
}
export interface ApiErrorInit<Status extends number, Code> {
    operation: string;
    status: Status;
    statusText: string;
    headers: Headers;
    body: unknown;
    code: Code | undefined;
    description: string | undefined;
    codeDescription: string | undefined;
    apiMessage: string | undefined;
}
/**
 * The API answered with a status outside 2xx. `Status` and `Code` narrow to the documented
 * statuses and error codes of an operation (see each operation's `…Error` type). Subclasses name
 * the common statuses: `BadRequestError`, `UnauthorizedError`, `ForbiddenError`, `NotFoundError`,
 * `ConflictError`, `UnprocessableEntityError`, `RateLimitedError`, `ServerError`.
 */
export declare class ApiError<Status extends number = number, Code extends number | string = number | string> extends ApiClientError {
    readonly operation: string;
    readonly status: Status;
    /**
     * The response's headers, as they came, for code to read. Not an enumerable field: `toJSON`,
     * `util.inspect`, loggers and error trackers, which print an error's own fields, leave them out,
     * as a header may hold a credential (a `Set-Cookie`, a token the server echoes) and the error's
     * `body` and message have theirs masked.
     */
    readonly headers: Headers;
    /**
     * Parsed response body: JSON value, text, or `undefined` when empty. The credentials the call
     * sent are masked in it (`***`), as in the message: this is no raw reply.
     */
    readonly body: unknown;
    /** The API's own error code from the body (`{"code": 1001, …}`), when it sent one. */
    readonly code: Code | undefined;
    /** Documented meaning of the status for this operation, else the HTTP reason phrase. */
    readonly description: string | undefined;
    /** Documented meaning of the error code for this operation and status. */
    readonly codeDescription: string | undefined;
    /**
     * How many attempts the call made: the first and its retries (a 401 its auth answered by signing
     * again is none); its message ends `after 3 attempts` when more than one. Set on the error a call
     * rejects with (not on one an app or a mock makes).
     */
    readonly attempts?: number;
    constructor(init: ApiErrorInit<Status, Code>);
}
export declare class BadRequestError<Code extends number | string = number | string> extends ApiError<400, Code> {
}
export declare class UnauthorizedError<Code extends number | string = number | string> extends ApiError<401, Code> {
}
export declare class ForbiddenError<Code extends number | string = number | string> extends ApiError<403, Code> {
}
export declare class NotFoundError<Code extends number | string = number | string> extends ApiError<404, Code> {
}
export declare class ConflictError<Code extends number | string = number | string> extends ApiError<409, Code> {
}
export declare class UnprocessableEntityError<Code extends number | string = number | string> extends ApiError<422, Code> {
}
export declare class RateLimitedError<Code extends number | string = number | string> extends ApiError<429, Code> {
}
export declare class ServerError<Status extends number = number, Code extends number | string = number | string> extends ApiError<Status, Code> {
}
/**
 * A 2xx whose content type says JSON and whose body does not parse (a proxy's HTML page, an answer
 * cut short): the call's type promises the documented value, which the answer is not, so the call
 * rejects (openai-node's does too, with JSON.parse's SyntaxError). An ApiError, as axios's strict
 * JSON parsing rejects with its HTTP error class (ERR_BAD_RESPONSE): code that reports a failed
 * call reads its `status`, `headers` and `body`. `body` is the text (the call's credentials masked,
 * as in any ApiError's), for a caller who can use it anyway; its message quotes the start of it.
 */
export declare class ResponseParseError extends ApiError {
}
/**
 * Where an ApiError keeps the spec of the operation it came from, for `isErrorOf`: the very object
 * in the copy of the package that made it, and its `name` and `package` in any other copy. A
 * non-enumerable property under a key of the global registry (`Symbol.for`, as the classes' marks
 * above), so that each copy reads it and no message, `toJSON` or public type changes; an ApiError
 * that an app or a mock makes has none.
 */
export declare const ERROR_SPEC: unique symbol;
/**
 * The error class for a status: a named subclass where there is one, else `ApiError`; `spec`: the
 * operation's, recorded; `unparsed`: a 2xx whose JSON does not parse (ResponseParseError).
 */
export declare function apiError(init: ApiErrorInit<number, number | string>, spec?: object, unparsed?: boolean): ApiError;
