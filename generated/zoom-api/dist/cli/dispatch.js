// The body encoder, authorizer and request features each operation's spec calls for: what the
// client's generated functions pass to the core, looked up here by the spec (a command line runs
// any operation).
import { authorizeApiKey, authorizeBasic, authorizeBearer, authorizeSigned } from "../runtime/auth.js";
import { authorizeAwsV4 } from "../runtime/aws-sigv4.js";
import { encodeBinary, encodeGraphql, encodeJson, encodeMultipart, encodeRaw, encodeUrlencoded, } from "../runtime/bodies.js";
import { authorizeDigest } from "../runtime/digest.js";
import { authorizeEdgeGrid } from "../runtime/edgegrid.js";
import { authorizeHawk } from "../runtime/hawk.js";
import { authorizeJwt } from "../runtime/jwt.js";
import { authorizeOAuth1 } from "../runtime/oauth1.js";
import { authorizeOAuth2 } from "../runtime/oauth2.js";
import { fillDefault, fillPathVariable, namedSecrets, readFileArg, readJsonText, sendNamedHeaderArg, writeQuery, } from "../runtime/request-features.js";
const ENCODERS = {
    multipart: encodeMultipart,
    urlencoded: encodeUrlencoded,
    json: encodeJson,
    raw: encodeRaw,
    binary: encodeBinary,
    graphql: encodeGraphql,
};
const AUTHORIZERS = {
    bearer: authorizeBearer,
    apikey: authorizeApiKey,
    basic: authorizeBasic,
    oauth1: authorizeOAuth1,
    awsv4: authorizeAwsV4,
    digest: authorizeDigest,
    hawk: authorizeHawk,
    oauth2: authorizeOAuth2,
    jwt: authorizeJwt,
    edgegrid: authorizeEdgeGrid,
    custom: authorizeSigned,
};
export function encoderFor(op) {
    return op.body ? ENCODERS[op.body] : undefined;
}
export function authorizerFor(op) {
    return op.auth ? AUTHORIZERS[op.auth.type] : undefined;
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
