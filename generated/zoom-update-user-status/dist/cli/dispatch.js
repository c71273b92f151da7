import { encodeBinary, encodeGraphql, encodeGraphqlUnquoted, encodeJson, encodeJsonUnquoted, encodeMultipart, encodeMultipartInOrder, encodeMultipartText, encodeRaw, encodeRawUnquoted, encodeUrlencoded, hasBlobParts, } from "../runtime/bodies.js";
import { fillDefault, fillPathVariable, namedSecrets, readFileArg, readJsonText, sendNamedHeaderArg, writeQuery, } from "../runtime/request-features.js";
import { sendsUnquoted } from "../runtime/unquoted.js";
const ENCODERS = {
    multipart: encodeMultipart,
    urlencoded: encodeUrlencoded,
    json: encodeJson,
    raw: encodeRaw,
    binary: encodeBinary,
    graphql: encodeGraphql,
};
/** The encoders of operations that send a variable's text unquoted (emit/client.ts chooses alike). */
const UNQUOTED_ENCODERS = {
    json: encodeJsonUnquoted,
    raw: encodeRawUnquoted,
    graphql: encodeGraphqlUnquoted,
};
export function encoderFor(op) {
    if (op.bodyOrder)
        return encodeMultipartInOrder;
    if (!op.body)
        return undefined;
    if (op.body === "multipart" && !hasBlobParts(op))
        return encodeMultipartText;
    return (sendsUnquoted(op) ? UNQUOTED_ENCODERS[op.body] : undefined) ?? ENCODERS[op.body];
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
