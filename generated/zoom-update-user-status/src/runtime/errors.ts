// Errors the client rejects with. Messages are built from the operation's documentation and the
// response; request headers (and so the token) are never kept on an error. Fields are `declare`d
// and set in constructors, so the emitted JavaScript does not define them twice.

/** The arguments of a call were refused before anything was sent. */
export class ValidationError extends Error {
  override readonly name: string = "ValidationError";
  /** Client method that refused the call. */
  declare readonly operation: string;
  /** Argument key at fault, when there is one. */
  declare readonly field: string | undefined;

  constructor(operation: string, field: string | undefined, message: string) {
    super(`${operation}: ${message}`);
    this.operation = operation;
    this.field = field;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, operation: this.operation, field: this.field };
  }
}

/** No response: the connection failed (DNS, refused, reset) after every retry. */
export class ConnectionError extends Error {
  override readonly name: string = "ConnectionError";
  declare readonly operation: string;

  constructor(operation: string, message: string, options?: { cause?: unknown }) {
    super(`${operation}: ${message}`, options);
    this.operation = operation;
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, operation: this.operation };
  }
}

/** No complete response within the timeout (`timeoutMs`), after every retry. */
export class TimeoutError extends ConnectionError {
  override readonly name: string = "TimeoutError";
  declare readonly timeoutMs: number;

  constructor(operation: string, timeoutMs: number) {
    super(operation, `no response within ${timeoutMs} ms`);
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
> extends Error {
  override readonly name: string = "ApiError";
  declare readonly operation: string;
  declare readonly status: Status;
  declare readonly headers: Headers;
  /** Parsed response body: JSON value, text, or `undefined` when empty. */
  declare readonly body: unknown;
  /** The API's own error code from the body (`{"code": 1001, …}`), when it sent one. */
  declare readonly code: Code | undefined;
  /** Documented meaning of the status for this operation, else the HTTP reason phrase. */
  declare readonly description: string | undefined;
  /** Documented meaning of the error code for this operation and status. */
  declare readonly codeDescription: string | undefined;

  constructor(init: ApiErrorInit<Status, Code>) {
    super(errorMessage(init));
    this.operation = init.operation;
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.code = init.code;
    this.description = init.description;
    this.codeDescription = init.codeDescription;
  }

  toJSON(): Record<string, unknown> {
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

export class BadRequestError<Code extends number | string = number | string> extends ApiError<
  400,
  Code
> {
  override readonly name: string = "BadRequestError";
}
export class UnauthorizedError<Code extends number | string = number | string> extends ApiError<
  401,
  Code
> {
  override readonly name: string = "UnauthorizedError";
}
export class ForbiddenError<Code extends number | string = number | string> extends ApiError<
  403,
  Code
> {
  override readonly name: string = "ForbiddenError";
}
export class NotFoundError<Code extends number | string = number | string> extends ApiError<
  404,
  Code
> {
  override readonly name: string = "NotFoundError";
}
export class ConflictError<Code extends number | string = number | string> extends ApiError<
  409,
  Code
> {
  override readonly name: string = "ConflictError";
}
export class UnprocessableEntityError<
  Code extends number | string = number | string,
> extends ApiError<422, Code> {
  override readonly name: string = "UnprocessableEntityError";
}
export class RateLimitedError<Code extends number | string = number | string> extends ApiError<
  429,
  Code
> {
  override readonly name: string = "RateLimitedError";
}
export class ServerError<
  Status extends number = number,
  Code extends number | string = number | string,
> extends ApiError<Status, Code> {
  override readonly name: string = "ServerError";
}

/** The error class for a status: a named subclass where there is one, else `ApiError`. */
export function apiError(init: ApiErrorInit<number, number | string>): ApiError {
  switch (init.status) {
    case 400:
      return new BadRequestError(init as ApiErrorInit<400, number | string>);
    case 401:
      return new UnauthorizedError(init as ApiErrorInit<401, number | string>);
    case 403:
      return new ForbiddenError(init as ApiErrorInit<403, number | string>);
    case 404:
      return new NotFoundError(init as ApiErrorInit<404, number | string>);
    case 409:
      return new ConflictError(init as ApiErrorInit<409, number | string>);
    case 422:
      return new UnprocessableEntityError(init as ApiErrorInit<422, number | string>);
    case 429:
      return new RateLimitedError(init as ApiErrorInit<429, number | string>);
    default:
      return init.status >= 500 ? new ServerError(init) : new ApiError(init);
  }
}

function errorMessage(init: ApiErrorInit<number, unknown>): string {
  const what = [String(init.status), init.description ?? init.statusText].filter(Boolean).join(" ");
  const detail = init.apiMessage ?? init.codeDescription;
  const code = init.code === undefined ? "" : ` (error code ${String(init.code)})`;
  return `${init.operation}: ${what}${detail ? `: ${detail}` : ""}${code}`;
}
