// Errors the client rejects with. Messages are built from the operation's documentation and the
// response; request headers (and so the token) are never kept on an error.

/** The arguments of a call were refused before anything was sent. */
export class ValidationError extends Error {
  override readonly name = "ValidationError";
  /** Client method that refused the call. */
  readonly operation: string;
  /** Argument key at fault, when there is one. */
  readonly field: string | undefined;

  constructor(operation: string, field: string | undefined, message: string) {
    super(`${operation}: ${message}`);
    this.operation = operation;
    this.field = field;
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
 * statuses and error codes of an operation (see each operation's `…Error` type).
 */
export class ApiError<
  Status extends number = number,
  Code extends number | string = number | string,
> extends Error {
  override readonly name = "ApiError";
  readonly operation: string;
  readonly status: Status;
  readonly headers: Headers;
  /** Parsed response body: JSON value, text, or `undefined` when empty. */
  readonly body: unknown;
  /** The API's own error code from the body (`{"code": 1001, …}`), when it sent one. */
  readonly code: Code | undefined;
  /** Documented meaning of the status for this operation, else the HTTP reason phrase. */
  readonly description: string | undefined;
  /** Documented meaning of the error code for this operation and status. */
  readonly codeDescription: string | undefined;

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

function errorMessage(init: ApiErrorInit<number, unknown>): string {
  const what = [String(init.status), init.description ?? init.statusText].filter(Boolean).join(" ");
  const detail = init.apiMessage ?? init.codeDescription;
  const code = init.code === undefined ? "" : ` (error code ${String(init.code)})`;
  return `${init.operation}: ${what}${detail ? `: ${detail}` : ""}${code}`;
}
