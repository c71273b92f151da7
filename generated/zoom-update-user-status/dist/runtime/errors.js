// Errors the client rejects with. Messages are built from the operation's documentation and the
// response; request headers (and so the token) are never kept on an error.
/** The arguments of a call were refused before anything was sent. */
export class ValidationError extends Error {
    name = "ValidationError";
    /** Client method that refused the call. */
    operation;
    /** Argument key at fault, when there is one. */
    field;
    constructor(operation, field, message) {
        super(`${operation}: ${message}`);
        this.operation = operation;
        this.field = field;
    }
}
/**
 * The API answered with a status outside 2xx. `Status` and `Code` narrow to the documented
 * statuses and error codes of an operation (see each operation's `…Error` type).
 */
export class ApiError extends Error {
    name = "ApiError";
    operation;
    status;
    headers;
    /** Parsed response body: JSON value, text, or `undefined` when empty. */
    body;
    /** The API's own error code from the body (`{"code": 1001, …}`), when it sent one. */
    code;
    /** Documented meaning of the status for this operation, else the HTTP reason phrase. */
    description;
    /** Documented meaning of the error code for this operation and status. */
    codeDescription;
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
function errorMessage(init) {
    const what = [String(init.status), init.description ?? init.statusText].filter(Boolean).join(" ");
    const detail = init.apiMessage ?? init.codeDescription;
    const code = init.code === undefined ? "" : ` (error code ${String(init.code)})`;
    return `${init.operation}: ${what}${detail ? `: ${detail}` : ""}${code}`;
}
