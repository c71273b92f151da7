import { encodeBinary, encodeGraphql, encodeJson, encodeMultipart, encodeMultipartInOrder, encodeRaw, encodeUrlencoded, } from "../runtime/bodies.js";
import { fillDefault, fillPathVariable, namedSecrets, readFileArg, readJsonText, sendNamedHeaderArg, writeQuery, } from "../runtime/request-features.js";
const ENCODERS = {
    multipart: encodeMultipart,
    urlencoded: encodeUrlencoded,
    json: encodeJson,
    raw: encodeRaw,
    binary: encodeBinary,
    graphql: encodeGraphql,
};
export function encoderFor(op) {
    return op.bodyOrder ? encodeMultipartInOrder : op.body ? ENCODERS[op.body] : undefined;
}
/** The authorizer of `op`'s auth type among the package's (`CommandLine.authorizers`). */
export function authorizerFor(op, authorizers) {
    return op.auth ? authorizers[op.auth.type] : undefined;
}
/** All of them (Required: one the runtime adds must be added here): the core asks only for those an operation needs. */
export const FEATURES = {
    // Fills a header's name that refers to variables, and sends any other as sendHeaderArg does: the
    // command line holds every operation.
    headerArgs: sendNamedHeaderArg,
    defaults: fillDefault,
    pathVariables: fillPathVariable,
    file: readFileArg,
    jsonText: readJsonText,
    query: writeQuery,
    sentSecrets: namedSecrets,
};
