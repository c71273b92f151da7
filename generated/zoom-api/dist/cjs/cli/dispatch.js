"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FEATURES = void 0;
exports.encoderFor = encoderFor;
exports.authorizerFor = authorizerFor;
// The body encoder, authorizer and request features each operation's spec calls for: what the
// client's generated functions pass to the core, looked up here by the spec (a command line runs
// any operation).
const auth_js_1 = require("../runtime/auth.js");
const aws_sigv4_js_1 = require("../runtime/aws-sigv4.js");
const bodies_js_1 = require("../runtime/bodies.js");
const digest_js_1 = require("../runtime/digest.js");
const edgegrid_js_1 = require("../runtime/edgegrid.js");
const hawk_js_1 = require("../runtime/hawk.js");
const jwt_js_1 = require("../runtime/jwt.js");
const oauth1_js_1 = require("../runtime/oauth1.js");
const oauth2_js_1 = require("../runtime/oauth2.js");
const request_features_js_1 = require("../runtime/request-features.js");
const ENCODERS = {
    multipart: bodies_js_1.encodeMultipart,
    urlencoded: bodies_js_1.encodeUrlencoded,
    json: bodies_js_1.encodeJson,
    raw: bodies_js_1.encodeRaw,
    binary: bodies_js_1.encodeBinary,
    graphql: bodies_js_1.encodeGraphql,
};
const AUTHORIZERS = {
    bearer: auth_js_1.authorizeBearer,
    apikey: auth_js_1.authorizeApiKey,
    basic: auth_js_1.authorizeBasic,
    oauth1: oauth1_js_1.authorizeOAuth1,
    awsv4: aws_sigv4_js_1.authorizeAwsV4,
    digest: digest_js_1.authorizeDigest,
    hawk: hawk_js_1.authorizeHawk,
    oauth2: oauth2_js_1.authorizeOAuth2,
    jwt: jwt_js_1.authorizeJwt,
    edgegrid: edgegrid_js_1.authorizeEdgeGrid,
    custom: auth_js_1.authorizeSigned,
};
function encoderFor(op) {
    return op.body ? ENCODERS[op.body] : undefined;
}
function authorizerFor(op) {
    return op.auth ? AUTHORIZERS[op.auth.type] : undefined;
}
/** All of them (Required: one the runtime adds must be added here): the core asks only for those an operation needs. */
exports.FEATURES = {
    // Fills a header's name that refers to variables, and sends any other as sendHeaderArg does: the
    // command line holds every operation.
    headerArgs: request_features_js_1.sendNamedHeaderArg,
    defaults: request_features_js_1.fillDefault,
    pathVariables: request_features_js_1.fillPathVariable,
    file: request_features_js_1.readFileArg,
    jsonText: request_features_js_1.readJsonText,
    query: request_features_js_1.writeQuery,
    sentSecrets: request_features_js_1.namedSecrets,
};
