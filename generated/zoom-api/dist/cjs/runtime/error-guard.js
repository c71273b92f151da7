"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isErrorOf = isErrorOf;
// A caught error narrowed to an operation's documented errors. A module of its own, which only code
// that imports it takes: a bundle without it is the same, byte for byte.
const errors_js_1 = require("./errors.js");
/**
 * Whether `error` is one of `operation`'s documented errors, narrowing it to the operation's
 * `…Error` type without a cast: `if (isErrorOf(updateUserStatusOperation, e) && e.code === 1001)`.
 * True for an ApiError of that operation (the one whose call failed; for an ApiError made
 * elsewhere, one of its method name) whose status is documented and
 * whose code, when the API sent one and the status documents codes, is one of them; for any
 * ApiError of an operation that documents no error status (its type is `ApiError`).
 */
function isErrorOf(operation, error) {
    // The very spec whose call failed where the runtime made the error (`<name>Operation` is the
    // object the call passes), else, for an error an app or a mock made, the method name.
    const spec = errors_js_1.errorSpecs.get(error);
    if (!(error instanceof errors_js_1.ApiError) || (spec ? spec !== operation : error.operation !== operation.name))
        return false;
    // The statuses the call rejects with, as the `…Error` type has them (a 3xx resolves without redirects).
    const documented = operation.responses.filter((r) => r.status < 200 || r.status >= (operation.redirect ? 400 : 300));
    if (!documented.length)
        return true;
    const codes = documented.find((r) => r.status === error.status)?.errorCodes;
    if (!codes)
        return documented.some((r) => r.status === error.status);
    return error.code === undefined || !codes.length || codes.some((c) => c.code === error.code);
}
