/** The arguments of a call were refused before anything was sent. */
export declare class ValidationError extends Error {
    readonly name = "ValidationError";
    /** Client method that refused the call. */
    readonly operation: string;
    /** Argument key at fault, when there is one. */
    readonly field: string | undefined;
    constructor(operation: string, field: string | undefined, message: string);
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
export declare class ApiError<Status extends number = number, Code extends number | string = number | string> extends Error {
    readonly name = "ApiError";
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
    constructor(init: ApiErrorInit<Status, Code>);
    toJSON(): Record<string, unknown>;
}
