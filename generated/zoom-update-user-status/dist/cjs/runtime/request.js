"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.HALF_CHARACTER = exports.UNSENDABLE = exports.WHERE = void 0;
exports.extrasTaken = extrasTaken;
exports.featuresNeeded = featuresNeeded;
exports.buildRequest = buildRequest;
exports.setHeader = setHeader;
exports.setHeaders = setHeaders;
exports.takesList = takesList;
exports.check = check;
exports.wellFormed = wellFormed;
exports.fail = fail;
exports.describe = describe;
// Turns an operation spec and a caller's arguments into a fetch request. Pure: no I/O, so it is
// tested on its own; every refusal happens here, before anything is sent.
const credential_names_js_1 = require("./credential-names.js");
const errors_js_1 = require("./errors.js");
const paths_js_1 = require("./paths.js");
const template_js_1 = require("./template.js");
/**
 * The call options an operation takes beyond the arguments (the `extras` feature's): `body` where
 * its body is a JSON object, one object of the body arguments' (not a form: the one-operation
 * bundle, a form's, would carry their code), `query` where it has a query in the collection. The
 * emitter types its options by this (core.ts's BodyExtras and QueryExtras), the command line
 * gives its extra flags by it, and the feature refuses the other.
 */
function extrasTaken(op) {
    return [...(op.body === "json" ? ["body"] : []), ...(hasQuery(op) ? ["query"] : [])];
}
/** Whether the collection gives the operation a query: keys without a value, or query arguments. */
function hasQuery(op) {
    return op.bareQuery !== undefined || op.args.some((a) => a.in === "query");
}
/**
 * The features an operation's requests may need (some only for some arguments): what its generated
 * code passes. The emitter reads this; the request asks for each where it needs it (feature).
 * `bodyKeys` are the keys, at any depth, of the JSON values its body arguments send as the
 * generator knows them (their shapes: `{ "nested": { "api_key": … } }`'s `api_key`), which the
 * spec does not hold.
 */
function featuresNeeded(op, bodyKeys = []) {
    const { args } = op;
    const extras = extrasTaken(op).length > 0;
    const needs = {
        headerArgs: args.some((a) => a.in === "header"),
        defaults: args.some((a) => a.in !== "path" && a.default !== undefined),
        // A path argument without a value (it has a default, or is optional in a hand-written spec) is
        // filled as a variable is.
        pathVariables: args.some((a) => a.in === "path" && (a.default !== undefined || !a.required)) ||
            (0, paths_js_1.pathParts)(op).some((part) => typeof part === "object" && "variable" in part),
        file: args.some((a) => a.type === "file"),
        jsonText: args.some((a) => a.type === "jsonText"),
        query: hasQuery(op),
        extras,
        // A query parameter, a form field or a JSON body's field whose name says it holds a credential
        // (`api_key`, `client_secret`, Plaid's `access_token`), at any depth of a JSON value the body
        // sends (`bodyKeys`), which its error masks: judged here, once, for the bundles of the others.
        // A raw or GraphQL body's one argument is the body, whose name is none of its fields'.
        sentSecrets: args.some((a) => (a.in === "query" ||
            (a.in === "body" && (op.body === "urlencoded" || op.body === "multipart" || op.body === "json"))) &&
            (0, credential_names_js_1.namesSentSecret)(a.name)) ||
            bodyKeys.some(credential_names_js_1.namesSentSecret) ||
            // A call's extra field or pair may be named as one too (`api_key`), which only the call knows.
            extras,
    };
    return Object.keys(needs).filter((key) => needs[key]);
}
/** How messages name where an argument goes. */
exports.WHERE = {
    path: "path variable",
    query: "query parameter",
    header: "header",
    body: "body field",
};
const prepared = new WeakMap();
function prepare(op) {
    let found = prepared.get(op);
    if (!found) {
        found = { keys: new Set(op.args.map((a) => a.arg)), path: (0, paths_js_1.pathParts)(op) };
        prepared.set(op, found);
    }
    return found;
}
/**
 * `encode` builds the body of operations that have one, and `features` are those the operation
 * needs (generated code passes them).
 */
function buildRequest(op, args, context, encode, features) {
    const { keys, path: parts } = prepare(op);
    const values = readArgs(op, args, context.lookup, keys, features);
    const template = (0, paths_js_1.baseTemplate)(op, context.baseUrl, context.baseUrls);
    const base = template.includes("{{") ? (0, template_js_1.fillTemplate)(template, context.lookup, op.name) : template;
    let path = "";
    for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        path +=
            typeof part === "string"
                ? part
                : "variable" in part || !values.has(part)
                    ? // A path argument without a value has the collection's, which refers to variables.
                        feature(op, features, "pathVariables")(op, context.lookup, parts, i)
                    : encodePathSegment(op, part, String(values.get(part)));
    }
    // Keys without a value are always sent; query arguments only when they have one.
    let queried = op.bareQuery !== undefined;
    const fields = [];
    const headers = clientHeaders(op, context.headers);
    // The arguments that have a value, in the operation's order.
    for (const [spec, value] of values) {
        if (spec.in === "query")
            queried = true;
        else if (spec.in === "header")
            feature(op, features, "headerArgs")(op, headers, values, spec, context);
        else if (spec.in === "body")
            fields.push([spec, value]);
    }
    let query = queried ? feature(op, features, "query")(op, values) : "";
    const { call } = context;
    // A falsy one is none, as `undefined` is. An operation that takes neither (its options' type
    // says so) refuses either with the missing feature's TypeError: only a JavaScript caller meets it.
    if (call?.body || call?.query)
        query = feature(op, features, "extras")(op, fields, call, query);
    // An environment's empty value that leaves the base without a host is named, not the URL it left.
    context.lookup.missing?.emptyBase?.(op, template, base, context.lookup);
    const url = toUrl(op, base, path, query);
    if (op.body && !encode)
        throw new TypeError(`${op.name}: no encoder for its ${op.body} body`);
    const body = op.body ? encode(fields, (spec, problem) => fail(op, spec, problem), op) : undefined;
    // The collection's content type goes with a body. An encoder that types its body (a form's,
    // GraphQL's: bodies.ts) is given it without one too (an empty form sends no body, but the item's
    // own Content-Type still goes, as Postman sends it), and types the body it built over what the
    // client's and the call's headers set.
    const typed = encode?.type;
    const type = body !== undefined || typed ? op.contentType : undefined;
    if (type)
        headers.set("content-type", type);
    if (call?.headers)
        setHeaders(op, headers, call.headers, "this call's");
    if (typed && body)
        typed(headers);
    return { url, method: op.method, headers, body, sentSecrets: features?.sentSecrets };
}
/** The feature the request needs here, which the generated code passes (featuresNeeded). */
function feature(op, features, key) {
    const found = features?.[key];
    if (!found)
        throw new TypeError(`${op.name}: no ${key} feature for its request`);
    return found;
}
/**
 * Fetch's Headers refuses a bad name or value with a TypeError that quotes the value, which may be
 * a credential: such errors become a ValidationError that names the header (`what`, worked out
 * only on failure when it is a function) and quotes nothing.
 */
function setHeader(op, headers, name, value, what) {
    try {
        headers.set(name, value);
    }
    catch {
        throw unsendable(op, typeof what === "string" ? what : what());
    }
}
/** Sets each of `given` (`owner`: whose headers they are, for the message), as setHeader does. */
function setHeaders(op, headers, given, owner) {
    for (const [name, value] of Object.entries(given))
        setHeader(op, headers, name, value, () => `${owner} header ${JSON.stringify(name)}`);
}
function clientHeaders(op, given) {
    try {
        return new Headers(given);
    }
    catch {
        // Only on failure: find the header at fault.
        setHeaders(op, new Headers(), given ?? {}, "the client's");
        throw unsendable(op, "the client's headers");
    }
}
exports.UNSENDABLE = "cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1";
function unsendable(op, what) {
    return new errors_js_1.ValidationError(op.name, undefined, `${what} ${exports.UNSENDABLE}`);
}
function readArgs(op, args, lookup, known, features) {
    args ??= {};
    if (typeof args !== "object" || Array.isArray(args)) {
        throw new errors_js_1.ValidationError(op.name, undefined, "arguments must be an object");
    }
    const given = args;
    for (const key in given) {
        if (Object.hasOwn(given, key) && !known.has(key)) {
            const allowed = op.args.map((a) => JSON.stringify(a.arg)).join(", ") || "none";
            throw new errors_js_1.ValidationError(op.name, key, `unknown argument ${JSON.stringify(key)} (expected: ${allowed})`);
        }
    }
    const values = new Map();
    for (const spec of op.args) {
        // Own properties only: a key such as "constructor" must not be read from Object.prototype.
        let value = Object.hasOwn(given, spec.arg) ? given[spec.arg] : undefined;
        if (Array.isArray(value) && !value.length && takesList(op, spec) && (spec.in === "query" || op.body !== "json")) {
            // A key repeated for each value is sent for none (not the collection's value: the caller
            // chose none); a JSON body sends [].
            if (spec.required)
                fail(op, spec, "is required: give at least one value");
            continue;
        }
        // Absent is undefined; null too, except for JSON values, where null is a value to send.
        if (value === undefined || (value === null && spec.type !== "json")) {
            if (spec.default === undefined) {
                if (spec.required)
                    fail(op, spec, "is required");
                continue;
            }
            // A path variable's is filled where the path is built.
            if (spec.in !== "path")
                values.set(spec, feature(op, features, "defaults")(op, spec, lookup));
            continue;
        }
        // A file's and JSON text's value is read by the feature of its type's name (the one-operation
        // bundle pays for one test); any other is checked as it is (a JSON value is any).
        if (spec.type && spec.type !== "json")
            value = feature(op, features, spec.type)(op, spec, value);
        else
            check(op, spec, value);
        values.set(spec, value);
    }
    return values;
}
/**
 * Query parameters and form fields take a list, sent as the key repeated (a JSON body sends it as
 * an array: the config may turn a form into JSON).
 */
function takesList(op, spec) {
    return (spec.type !== "json" &&
        (spec.in === "query" ||
            (spec.in === "body" && (op.body === "multipart" || op.body === "urlencoded" || op.body === "json"))));
}
function check(op, spec, value) {
    if (Array.isArray(value) && takesList(op, spec)) {
        for (const one of value)
            checkOne(op, spec, one);
        return;
    }
    checkOne(op, spec, value);
}
/** A value of any argument but a file (readFileArg checks those). */
function checkOne(op, spec, value) {
    if (spec.type === "json")
        return;
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
        fail(op, spec, `must be a string, number or boolean, got ${describe(value)}`);
    }
    // Half a character (text cut by length) is refused here, once for every place a value goes: a
    // URL or a UTF-8 body would carry U+FFFD in its place, and encodeURIComponent throws naming nothing.
    if (/\p{Cs}/u.test(value))
        fail(op, spec, exports.HALF_CHARACTER);
    if (spec.enum && !spec.enum.includes(String(value))) {
        fail(op, spec, `must be one of ${spec.enum.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(String(value))}`);
    }
}
/**
 * One path segment, percent-encoded so that `/`, `?` and `#` stay data. `.` and `..` are refused:
 * the URL parser collapses them (and their encoded forms) even inside an encoded segment.
 */
function encodePathSegment(op, spec, text) {
    if (text === "")
        fail(op, spec, "must not be empty");
    if (text === "." || text === "..")
        fail(op, spec, `must not be ${JSON.stringify(text)}: it would change the path`);
    return encodeURIComponent(text);
}
/** Why text with half a character cannot be sent: URLs and UTF-8 silently turn it into U+FFFD. */
exports.HALF_CHARACTER = "cannot be sent: it holds half a character (a lone surrogate)";
/**
 * `text`, unless it holds half a character, refused naming `what` (never quoting it: it may be a
 * secret). For text other than arguments' values (checkOne refuses those): UTF-8 silently turns
 * half a character into U+FFFD, so a signature would be computed over text nobody gave.
 */
function wellFormed(op, text, what) {
    // With the u flag a surrogate pair is one code point: only a lone surrogate is in category Cs.
    if (text !== undefined && /\p{Cs}/u.test(text))
        throw new errors_js_1.ValidationError(op.name, undefined, `${what} ${exports.HALF_CHARACTER}`);
    return text;
}
/**
 * The URL of base and path, and the query (`?` included, or `""`). An invalid one is quoted
 * without its query and user info, which may hold the caller's keys and passwords.
 */
function toUrl(op, base, path, query) {
    const text = (0, paths_js_1.joinUrl)(base, path);
    try {
        const url = new URL(text + query);
        // URL turns half a character in the base or a path variable into U+FFFD: such text is refused.
        // Tested as wellFormed does rather than by encodeURI's throwing, which copies the URL each call.
        // fetch refuses a URL with a user name or password, with a TypeError that quotes it whole; one
        // of another scheme (`ftp:`, `file:`) with "fetch failed" or "not implemented", which names
        // neither the URL nor the base it came from. One pattern for both, on the URL as parsed: user
        // info would end with `@` before the host's end.
        if (!/\p{Cs}/u.test(text) && /^https?:\/\/[^@/]*\//.test(url.href))
            return url;
    }
    catch { }
    // Quoted as the caller wrote it: the http that joinUrl gives a base naming no `//` is not theirs.
    throw new errors_js_1.ValidationError(op.name, undefined, `${JSON.stringify((0, paths_js_1.joinUrl)(base, path, false).replace(/\/\/[^/]*@/, "//"))} is not an http(s) URL without user info: check the base URL and variables`);
}
function fail(op, spec, problem) {
    throw new errors_js_1.ValidationError(op.name, spec.arg, `argument ${JSON.stringify(spec.arg)} (${exports.WHERE[spec.in]} ${JSON.stringify(spec.name)}) ${problem}`);
}
function describe(value) {
    if (value === null)
        return "null";
    if (Array.isArray(value))
        return "an array";
    return typeof value === "object" ? "an object" : typeof value;
}
