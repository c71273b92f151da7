import * as bodies from "../runtime/bodies.js";
import { featuresNeeded } from "../runtime/request.js";
import { fillDefault, fillPathVariable, namedSecrets, readFileArg, readJsonText, sendExtras, sendNamedHeaderArg, writeQuery, } from "../runtime/request-features.js";
/**
 * The encoder `encoderName` chooses, the choice the client's code is written from, looked up among
 * the runtime's exports by that name (a name without its encoder does not compile): the command
 * line holds every operation, so every encoder.
 */
export function encoderFor(op) {
    const name = bodies.encoderName(op);
    return name === undefined ? undefined : bodies[name];
}
/** The authorizer of `op`'s auth type among the package's (`CommandLine.authorizers`). */
export function authorizerFor(op, authorizers) {
    return op.auth ? authorizers[op.auth.type] : undefined;
}
/**
 * All of them (Required: one the runtime adds must be added here): the core asks only for those an
 * operation needs, but for the call's extras (featuresFor).
 */
export const FEATURES = {
    // Fills a header's name that refers to variables, and sends any other as sendHeaderArg does: the
    // command line holds every operation.
    headerArgs: sendNamedHeaderArg,
    defaults: fillDefault,
    pathVariables: fillPathVariable,
    file: readFileArg,
    jsonText: readJsonText,
    query: writeQuery,
    extras: sendExtras,
    sentSecrets: namedSecrets,
};
/**
 * The features `op`'s call is given: all of them, but the one that sends the call's extras
 * (`--extra-body`, `--extra-query`) only where the client's generated code passes it
 * (featuresNeeded), so that the command line takes extras where the client does, and refuses them
 * with the client's error elsewhere.
 */
export function featuresFor(op) {
    const { extras, ...always } = FEATURES;
    return featuresNeeded(op).includes("extras") ? FEATURES : always;
}
