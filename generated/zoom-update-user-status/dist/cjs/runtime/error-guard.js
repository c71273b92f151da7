"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isErrorOf = isErrorOf;
// A caught error narrowed to an operation's documented errors. A module of its own, which only code
// that imports it takes: a bundle without it is the same, byte for byte.
const errors_js_1 = require("./errors.js");
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
function isErrorOf(operation, error) {
    if (!(error instanceof errors_js_1.ApiError))
        return false;
    // The very spec whose call failed where the runtime made the error (`<name>Operation` is the
    // object the call passes); one of the same name and package where another copy of the package
    // made it (names are unique in a package, and another package may have one alike), if it is the
    // same operation there: a package's name is all two installed versions share (an app's own v2
    // and the v1 a dependency installed), and v1's operation of this name may document other errors
    // or be another request; else, for an error an app or a mock made, the operation's name.
    const spec = error[errors_js_1.ERROR_SPEC];
    if (spec
        ? spec !== operation &&
            (spec.name !== operation.name ||
                spec.package === undefined ||
                spec.package !== operation.package ||
                contract(spec) !== contract(operation))
        : error.operation !== operation.name)
        return false;
    const documented = rejections(operation);
    if (!documented.length)
        return true;
    const codes = documented.find((r) => r.status === error.status)?.errorCodes;
    if (!codes)
        return documented.some((r) => r.status === error.status);
    return error.code === undefined || !codes.length || codes.some((c) => c.code === error.code);
}
/** The statuses a call rejects with, as the `…Error` type has them (a 3xx resolves without redirects). */
const rejections = (spec) => spec.responses.filter((r) => r.status < 200 || r.status >= (spec.redirect ? 400 : 300));
/**
 * What makes two copies' operations of one name the same operation to an error: the request sent
 * (method, base, path) and the errors documented (statuses and codes, as the `…Error` type has
 * them). Not their descriptions: a version that rewords one still throws the same errors.
 */
const contract = (spec) => JSON.stringify([
    spec.method,
    spec.base,
    spec.path,
    rejections(spec).map((r) => [r.status, r.errorCodes?.map((c) => c.code)]),
]);
