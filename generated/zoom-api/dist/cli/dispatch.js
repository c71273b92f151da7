import { encodeBinary, encodeGraphql, encodeGraphqlUnquoted, encodeJson, encodeJsonUnquoted, encodeMultipart, encodeMultipartInOrder, encodeMultipartText, encodeRaw, encodeRawUnquoted, encodeUrlencoded, encoderName, } from "../runtime/bodies.js";
import { fillDefault, fillPathVariable, namedSecrets, readFileArg, readJsonText, sendNamedHeaderArg, writeQuery, } from "../runtime/request-features.js";
/**
 * Every encoder, by its name (each under its own: a name the runtime adds without its encoder here
 * does not compile): the command line holds every operation, and looks up what `encoderName`
 * chooses, the choice the client's code is written from.
 */
const ENCODERS = {
    encodeBinary,
    encodeGraphql,
    encodeGraphqlUnquoted,
    encodeJson,
    encodeJsonUnquoted,
    encodeMultipart,
    encodeMultipartInOrder,
    encodeMultipartText,
    encodeRaw,
    encodeRawUnquoted,
    encodeUrlencoded,
};
export function encoderFor(op) {
    const name = encoderName(op);
    return name === undefined ? undefined : ENCODERS[name];
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
