// Errors the client rejects with. Messages are built from the operation's documentation and the
// response; request headers (and so the token) are never kept on an error. Fields are `declare`d
// and set in constructors, so the emitted JavaScript does not define them twice. Each class's
// `name` sits on its prototype, as `Error.prototype.name` does, set with its mark below: the
// classes' bodies hold only what differs.

/**
 * The root of every error the client rejects with, so a caller can catch "anything this client
 * threw" (`error instanceof ApiClientError`) apart from bugs of their own.
 */
export class ApiClientError extends Error {
  declare readonly name: string;

  /** The name, the message and the error's own fields (not an `ApiError`'s headers: see there). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...(this as object) };
  }
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
export class ValidationError extends ApiClientError {
  /** The operation that refused the call: its name, unique in its package. */
  declare readonly operation: string;
  /** Argument key at fault, when there is one. */
  declare readonly field: string | undefined;
  /** Set when a `{{variable}}` the request needs has no value. */
  declare readonly missing?: MissingVariable;
  /**
   * Set when the operation's auth has no credential, neither given nor the collection's: the
   * client option that gives it (the command line names its flags and environment variables).
   */
  // An inline import: an import statement, erased, would take the file's opening comment with it.
  declare readonly option?: import("./auth.js").CredentialOption;
  /** With `option`, for a signed auth (`hawk`): the parts of it missing (`key`), as the option names them. */
  declare readonly parts?: readonly string[];

  constructor(operation: string, field: string | undefined, message: string) {
    super(`${operation}: ${message}`);
    this.operation = operation;
    this.field = field;
  }
}

/**
 * No response: no connection was made (DNS, refused; "connection failed"), or it was lost once
 * made ("connection lost"), or the answer was cut off; after the retries its method allows.
 */
export class ConnectionError extends ApiClientError {
  declare readonly operation: string;
  /**
   * How many attempts the call made: the first and its retries (a 401 its auth answered by signing
   * again is none); its message ends `after 3 attempts` when more than one. Set on the error a call
   * rejects with.
   */
  declare readonly attempts?: number;

  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(`${operation}: ${message}`, options);
    this.operation = operation;
  }
}

/** No complete response within the timeout (`timeoutMs`), after every retry. */
export class TimeoutError extends ConnectionError {
  declare readonly timeoutMs: number;

  /** `waited`: what did not come, `no response` unless told (an OAuth 2 token). */
  constructor(operation: string, timeoutMs: number, waited = "no response") {
    super(operation, `${waited} within ${timeoutMs} ms`);
    this.timeoutMs = timeoutMs;
  }
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
export class ApiError<
  Status extends number = number,
  Code extends number | string = number | string,
> extends ApiClientError {
  declare readonly operation: string;
  declare readonly status: Status;
  /**
   * The response's headers, as they came, for code to read. Not an enumerable field: `toJSON`,
   * `util.inspect`, loggers and error trackers, which print an error's own fields, leave them out,
   * as a header may hold a credential (a `Set-Cookie`, a token the server echoes) and the error's
   * `body` and message have theirs masked.
   */
  declare readonly headers: Headers;
  /**
   * Parsed response body: JSON value, text, or `undefined` when empty. The credentials the call
   * sent are masked in it (`***`), as in the message: this is no raw reply.
   */
  declare readonly body: unknown;
  /** The API's own error code from the body (`{"code": 1001, …}`), when it sent one. */
  declare readonly code: Code | undefined;
  /** Documented meaning of the status for this operation, else the HTTP reason phrase. */
  declare readonly description: string | undefined;
  /** Documented meaning of the error code for this operation and status. */
  declare readonly codeDescription: string | undefined;
  /**
   * How many attempts the call made: the first and its retries (a 401 its auth answered by signing
   * again is none); its message ends `after 3 attempts` when more than one. Set on the error a call
   * rejects with (not on one an app or a mock makes).
   */
  declare readonly attempts?: number;

  constructor(init: ApiErrorInit<Status, Code>) {
    super(errorMessage(init));
    // In the order toJSON gives them; one loop is fewer bytes in every bundle than an assignment each.
    for (const key of ["operation", "status", "code", "description", "codeDescription", "body"] as const)
      (this as Record<string, unknown>)[key] = init[key];
    Object.defineProperty(this, "headers", { value: init.headers });
  }
}

export class BadRequestError<Code extends number | string = number | string> extends ApiError<400, Code> {}
export class UnauthorizedError<Code extends number | string = number | string> extends ApiError<401, Code> {}
export class ForbiddenError<Code extends number | string = number | string> extends ApiError<403, Code> {}
export class NotFoundError<Code extends number | string = number | string> extends ApiError<404, Code> {}
export class ConflictError<Code extends number | string = number | string> extends ApiError<409, Code> {}
export class UnprocessableEntityError<Code extends number | string = number | string> extends ApiError<422, Code> {}
export class RateLimitedError<Code extends number | string = number | string> extends ApiError<429, Code> {}
export class ServerError<
  Status extends number = number,
  Code extends number | string = number | string,
> extends ApiError<Status, Code> {}

/**
 * A 2xx whose content type says JSON and whose body does not parse (a proxy's HTML page, an answer
 * cut short): the call's type promises the documented value, which the answer is not, so the call
 * rejects (openai-node's does too, with JSON.parse's SyntaxError). An ApiError, as axios's strict
 * JSON parsing rejects with its HTTP error class (ERR_BAD_RESPONSE): code that reports a failed
 * call reads its `status`, `headers` and `body`. `body` is the text (the call's credentials masked,
 * as in any ApiError's), for a caller who can use it anyway; its message quotes the start of it.
 */
export class ResponseParseError extends ApiError {}

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
const CLASSES: ReadonlyArray<{ prototype: object }> = [
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
const IDS = (
  "ApiClient Validation Connection Timeout Api BadRequest Unauthorized Forbidden NotFound Conflict " +
  "UnprocessableEntity RateLimited Server ResponseParse"
).split(" ");
for (const [i, errorClass] of CLASSES.entries()) {
  const id = `${IDS[i]}Error`;
  const mark = Symbol.for(`postman-codegen:${id}`);
  (errorClass.prototype as Record<symbol, boolean>)[mark] = true;
  // Writable, as Error.prototype.name is: a subclass of the user's may set its own.
  Object.defineProperty(errorClass.prototype, "name", { value: id, writable: true, configurable: true });
  Object.defineProperty(errorClass, Symbol.hasInstance, {
    value(this: { prototype: object }, value: unknown): boolean {
      return this === errorClass ? mark in Object(value) : this.prototype.isPrototypeOf(value as object);
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
} as unknown as Readonly<Record<number, typeof ApiError | undefined>>;

/**
 * Where an ApiError keeps the spec of the operation it came from, for `isErrorOf`: the very object
 * in the copy of the package that made it, and its `name` and `package` in any other copy. A
 * non-enumerable property under a key of the global registry (`Symbol.for`, as the classes' marks
 * above), so that each copy reads it and no message, `toJSON` or public type changes; an ApiError
 * that an app or a mock makes has none.
 */
export const ERROR_SPEC: unique symbol = Symbol.for("postman-codegen:spec");

/**
 * The error class for a status: a named subclass where there is one, else `ApiError`; `spec`: the
 * operation's, recorded; `unparsed`: a 2xx whose JSON does not parse (ResponseParseError).
 */
export function apiError(init: ApiErrorInit<number, number | string>, spec?: object, unparsed?: boolean): ApiError {
  const error = new (
    unparsed ? ResponseParseError : (BY_STATUS[init.status] ?? (init.status >= 500 ? ServerError : ApiError))
  )(init);
  // Unconditional (an undefined spec is none), and its own result: fewer bytes in every bundle.
  return Object.defineProperty(error, ERROR_SPEC, { value: spec });
}

function errorMessage(init: ApiErrorInit<number, unknown>): string {
  // Defaults as `??` takes them (for `undefined`), in one expression: fewer bytes in every bundle.
  const { description = init.statusText, apiMessage: detail = init.codeDescription, code } = init;
  return `${init.operation}: ${init.status}${description ? ` ${description}` : ""}${detail ? `: ${detail}` : ""}${code === undefined ? "" : ` (error code ${code as string})`}`;
}
