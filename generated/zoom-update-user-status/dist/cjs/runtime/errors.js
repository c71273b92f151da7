"use strict";
// Errors the client rejects with. Messages are built from the operation's documentation and the
// response; request headers (and so the token) are never kept on an error. Fields are `declare`d
// and set in constructors, so the emitted JavaScript does not define them twice. Each class's
// `name` sits on its prototype, as `Error.prototype.name` does, set with its mark below: the
// classes' bodies hold only what differs.
Object.defineProperty(exports, "__esModule", { value: true });
exports.ERROR_SPEC = exports.ResponseParseError = exports.ServerError = exports.RateLimitedError = exports.UnprocessableEntityError = exports.ConflictError = exports.NotFoundError = exports.ForbiddenError = exports.UnauthorizedError = exports.BadRequestError = exports.ApiError = exports.TimeoutError = exports.ConnectionError = exports.ValidationError = exports.ApiClientError = void 0;
exports.apiError = apiError;
/**
 * The root of every error the client rejects with, so a caller can catch "anything this client
 * threw" (`error instanceof ApiClientError`) apart from bugs of their own.
 */
class ApiClientError extends Error {
    /** The name, the message and the error's own fields (not an `ApiError`'s headers: see there). */
    toJSON() {
        return { name: this.name, message: this.message, ...this };
    }
}
exports.ApiClientError = ApiClientError;
/** The arguments of a call were refused before anything was sent. */
class ValidationError extends ApiClientError {
    constructor(operation, field, message) {
        super(`${operation}: ${message}`);
        this.operation = operation;
        this.field = field;
    }
}
exports.ValidationError = ValidationError;
/**
 * No response: no connection was made (DNS, refused; "connection failed"), or it was lost once
 * made ("connection lost"), or the answer was cut off; after the retries its method allows.
 */
class ConnectionError extends ApiClientError {
    constructor(operation, message, options) {
        super(`${operation}: ${message}`, options);
        this.operation = operation;
    }
}
exports.ConnectionError = ConnectionError;
/** No complete response within the timeout (`timeoutMs`), after every retry. */
class TimeoutError extends ConnectionError {
    /** `waited`: what did not come, `no response` unless told (an OAuth 2 token). */
    constructor(operation, timeoutMs, waited = "no response") {
        super(operation, `${waited} within ${timeoutMs} ms`);
        this.timeoutMs = timeoutMs;
    }
}
exports.TimeoutError = TimeoutError;
/**
 * The API answered with a status outside 2xx. `Status` and `Code` narrow to the documented
 * statuses and error codes of an operation (see each operation's `…Error` type). Subclasses name
 * the common statuses: `BadRequestError`, `UnauthorizedError`, `ForbiddenError`, `NotFoundError`,
 * `ConflictError`, `UnprocessableEntityError`, `RateLimitedError`, `ServerError`.
 */
class ApiError extends ApiClientError {
    constructor(init) {
        super(errorMessage(init));
        // In the order toJSON gives them; one loop is fewer bytes in every bundle than an assignment each.
        for (const key of ["operation", "status", "code", "description", "codeDescription", "body"])
            this[key] = init[key];
        Object.defineProperty(this, "headers", { value: init.headers });
    }
}
exports.ApiError = ApiError;
class BadRequestError extends ApiError {
}
exports.BadRequestError = BadRequestError;
class UnauthorizedError extends ApiError {
}
exports.UnauthorizedError = UnauthorizedError;
class ForbiddenError extends ApiError {
}
exports.ForbiddenError = ForbiddenError;
class NotFoundError extends ApiError {
}
exports.NotFoundError = NotFoundError;
class ConflictError extends ApiError {
}
exports.ConflictError = ConflictError;
class UnprocessableEntityError extends ApiError {
}
exports.UnprocessableEntityError = UnprocessableEntityError;
class RateLimitedError extends ApiError {
}
exports.RateLimitedError = RateLimitedError;
class ServerError extends ApiError {
}
exports.ServerError = ServerError;
/**
 * A 2xx whose content type says JSON and whose body does not parse (a proxy's HTML page, an answer
 * cut short): the call's type promises the documented value, which the answer is not, so the call
 * rejects (openai-node's does too, with JSON.parse's SyntaxError). An ApiError, as axios's strict
 * JSON parsing rejects with its HTTP error class (ERR_BAD_RESPONSE): code that reports a failed
 * call reads its `status`, `headers` and `body`. `body` is the text (the call's credentials masked,
 * as in any ApiError's), for a caller who can use it anyway; its message quotes the start of it.
 */
class ResponseParseError extends ApiError {
}
exports.ResponseParseError = ResponseParseError;
// One program may hold two copies of these classes: the package's ES modules (`import`) and its
// CommonJS build (`require`), loaded side by side when an app imports the package and one of its
// dependencies requires it; or two bundled copies. By the prototype chain alone, an error from one
// copy is no instance of the other copy's classes. So each class marks its prototype with a symbol
// from the global registry (Symbol.for: the same symbol in every copy), and its `instanceof` looks
// for that mark, which an error inherits from its class and each ancestor, and from no other
// class. A subclass of the user's inherits the method but not the mark: it falls back to the
// prototype chain. The ids are written out because minifiers rename classes. Every client this
// generator emits uses the same ids, so each recognises the others' errors: change the prefix if
// these classes ever change incompatibly. Set here, not as `static [Symbol.hasInstance]()`, so
// the declarations hold no computed `Symbol.*` member (see api-promise.ts) and TypeScript narrows
// as usual; defineProperty, as Function.prototype's is read-only.
// The ids are the classes' names, written without the `Error` they share in one string, in the
// order of CLASSES: fewer bytes in every bundle than a string each
// (test/runtime/errors-across-copies.test.ts checks each class's name in every copy).
const CLASSES = [
    ApiClientError,
    ValidationError,
    ConnectionError,
    TimeoutError,
    ApiError,
    BadRequestError,
    UnauthorizedError,
    ForbiddenError,
    NotFoundError,
    ConflictError,
    UnprocessableEntityError,
    RateLimitedError,
    ServerError,
    ResponseParseError,
];
const IDS = ("ApiClient Validation Connection Timeout Api BadRequest Unauthorized Forbidden NotFound Conflict " +
    "UnprocessableEntity RateLimited Server ResponseParse").split(" ");
for (const [i, errorClass] of CLASSES.entries()) {
    const id = `${IDS[i]}Error`;
    const mark = Symbol.for(`postman-codegen:${id}`);
    errorClass.prototype[mark] = true;
    // Writable, as Error.prototype.name is: a subclass of the user's may set its own.
    Object.defineProperty(errorClass.prototype, "name", { value: id, writable: true, configurable: true });
    Object.defineProperty(errorClass, Symbol.hasInstance, {
        value(value) {
            return this === errorClass ? mark in Object(value) : this.prototype.isPrototypeOf(value);
        },
    });
}
/** The named subclass of each status that has one. */
const BY_STATUS = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitedError,
};
/**
 * Where an ApiError keeps the spec of the operation it came from, for `isErrorOf`: the very object
 * in the copy of the package that made it, and its `name` and `package` in any other copy. A
 * non-enumerable property under a key of the global registry (`Symbol.for`, as the classes' marks
 * above), so that each copy reads it and no message, `toJSON` or public type changes; an ApiError
 * that an app or a mock makes has none.
 */
exports.ERROR_SPEC = Symbol.for("postman-codegen:spec");
/**
 * The error class for a status: a named subclass where there is one, else `ApiError`; `spec`: the
 * operation's, recorded; `unparsed`: a 2xx whose JSON does not parse (ResponseParseError).
 */
function apiError(init, spec, unparsed) {
    const error = new (unparsed ? ResponseParseError : (BY_STATUS[init.status] ?? (init.status >= 500 ? ServerError : ApiError)))(init);
    // Unconditional (an undefined spec is none), and its own result: fewer bytes in every bundle.
    return Object.defineProperty(error, exports.ERROR_SPEC, { value: spec });
}
function errorMessage(init) {
    // Defaults as `??` takes them (for `undefined`), in one expression: fewer bytes in every bundle.
    const { description = init.statusText, apiMessage: detail = init.codeDescription, code } = init;
    return `${init.operation}: ${init.status}${description ? ` ${description}` : ""}${detail ? `: ${detail}` : ""}${code === undefined ? "" : ` (error code ${code})`}`;
}
