"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.FEATURES = void 0;
exports.encoderFor = encoderFor;
exports.authorizerFor = authorizerFor;
const bodies_js_1 = require("../runtime/bodies.js");
const request_features_js_1 = require("../runtime/request-features.js");
const ENCODERS = {
    multipart: bodies_js_1.encodeMultipart,
    urlencoded: bodies_js_1.encodeUrlencoded,
    json: bodies_js_1.encodeJson,
    raw: bodies_js_1.encodeRaw,
    binary: bodies_js_1.encodeBinary,
    graphql: bodies_js_1.encodeGraphql,
};
function encoderFor(op) {
    return op.bodyOrder ? bodies_js_1.encodeMultipartInOrder : op.body ? ENCODERS[op.body] : undefined;
}
/** The authorizer of `op`'s auth type among the package's (`CommandLine.authorizers`). */
function authorizerFor(op, authorizers) {
    return op.auth ? authorizers[op.auth.type] : undefined;
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
