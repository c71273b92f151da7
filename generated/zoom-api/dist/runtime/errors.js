// Errors the client rejects with. Messages are built from the operation's documentation and the
// response; request headers (and so the token) are never kept on an error. Fields are `declare`d
// and set in constructors, so the emitted JavaScript does not define them twice.
/**
 * The root of every error the client rejects with, so a caller can catch "anything this client
 * threw" (`error instanceof ApiClientError`) apart from bugs of their own.
 */
export class ApiClientError extends Error {
    name = "ApiClientError";
}
/** The arguments of a call were refused before anything was sent. */
export class ValidationError extends ApiClientError {
    name = "ValidationError";
    constructor(operation, field, message) {
        super(`${operation}: ${message}`);
        this.operation = operation;
        this.field = field;
    }
    toJSON() {
        return { name: this.name, message: this.message, operation: this.operation, field: this.field };
    }
}
/** No response: the connection failed (DNS, refused, reset) after every retry. */
export class ConnectionError extends ApiClientError {
    name = "ConnectionError";
    constructor(operation, message, options) {
        super(`${operation}: ${message}`, options);
        this.operation = operation;
    }
    toJSON() {
        return { name: this.name, message: this.message, operation: this.operation };
    }
}
/** No complete response within the timeout (`timeoutMs`), after every retry. */
export class TimeoutError extends ConnectionError {
    name = "TimeoutError";
    constructor(operation, timeoutMs) {
        super(operation, `no response within ${timeoutMs} ms`);
        this.timeoutMs = timeoutMs;
    }
}
/**
 * The API answered with a status outside 2xx. `Status` and `Code` narrow to the documented
 * statuses and error codes of an operation (see each operation's `…Error` type). Subclasses name
 * the common statuses: `BadRequestError`, `UnauthorizedError`, `ForbiddenError`, `NotFoundError`,
 * `ConflictError`, `UnprocessableEntityError`, `RateLimitedError`, `ServerError`.
 */
export class ApiError extends ApiClientError {
    name = "ApiError";
    constructor(init) {
        super(errorMessage(init));
        this.operation = init.operation;
        this.status = init.status;
        this.headers = init.headers;
        this.body = init.body;
        this.code = init.code;
        this.description = init.description;
        this.codeDescription = init.codeDescription;
    }
    toJSON() {
        return {
            name: this.name,
            message: this.message,
            operation: this.operation,
            status: this.status,
            code: this.code,
            description: this.description,
            codeDescription: this.codeDescription,
            body: this.body,
        };
    }
}
export class BadRequestError extends ApiError {
    name = "BadRequestError";
}
export class UnauthorizedError extends ApiError {
    name = "UnauthorizedError";
}
export class ForbiddenError extends ApiError {
    name = "ForbiddenError";
}
export class NotFoundError extends ApiError {
    name = "NotFoundError";
}
export class ConflictError extends ApiError {
    name = "ConflictError";
}
export class UnprocessableEntityError extends ApiError {
    name = "UnprocessableEntityError";
}
export class RateLimitedError extends ApiError {
    name = "RateLimitedError";
}
export class ServerError extends ApiError {
    name = "ServerError";
}
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
for (const [errorClass, id] of [
    [ApiClientError, "ApiClientError"],
    [ValidationError, "ValidationError"],
    [ConnectionError, "ConnectionError"],
    [TimeoutError, "TimeoutError"],
    [ApiError, "ApiError"],
    [BadRequestError, "BadRequestError"],
    [UnauthorizedError, "UnauthorizedError"],
    [ForbiddenError, "ForbiddenError"],
    [NotFoundError, "NotFoundError"],
    [ConflictError, "ConflictError"],
    [UnprocessableEntityError, "UnprocessableEntityError"],
    [RateLimitedError, "RateLimitedError"],
    [ServerError, "ServerError"],
]) {
    const mark = Symbol.for(`postman-codegen:${id}`);
    errorClass.prototype[mark] = true;
    Object.defineProperty(errorClass, Symbol.hasInstance, {
        value(value) {
            return this === errorClass ? mark in Object(value) : this.prototype.isPrototypeOf(value);
        },
    });
}
/** The error class for a status: a named subclass where there is one, else `ApiError`. */
export function apiError(init) {
    switch (init.status) {
        case 400:
            return new BadRequestError(init);
        case 401:
            return new UnauthorizedError(init);
        case 403:
            return new ForbiddenError(init);
        case 404:
            return new NotFoundError(init);
        case 409:
            return new ConflictError(init);
        case 422:
            return new UnprocessableEntityError(init);
        case 429:
            return new RateLimitedError(init);
        default:
            return init.status >= 500 ? new ServerError(init) : new ApiError(init);
    }
}
function errorMessage(init) {
    const what = [String(init.status), init.description ?? init.statusText].filter(Boolean).join(" ");
    const detail = init.apiMessage ?? init.codeDescription;
    const code = init.code === undefined ? "" : ` (error code ${String(init.code)})`;
    return `${init.operation}: ${what}${detail ? `: ${detail}` : ""}${code}`;
}
