"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.authorizeSigned = exports.authorizeBasic = exports.authorizeApiKey = exports.authorizeBearer = void 0;
exports.noCredential = noCredential;
exports.declined = declined;
exports.setQuery = setQuery;
exports.queryWithout = queryWithout;
exports.inQuery = inQuery;
exports.resolveCredential = resolveCredential;
// Applies an operation's auth to a built request, one authorizer per auth type (the generated code
// imports the ones its operations use). Credentials come from the client's options, else from the
// collection's variables. A call with none at all is refused (noCredential), not sent without it.
const errors_js_1 = require("./errors.js");
const template_js_1 = require("./template.js");
const request_js_1 = require("./request.js");
const sent_secrets_js_1 = require("./sent-secrets.js");
/**
 * An auth the collection declares, given no credential by the caller nor by the collection: the
 * call is refused before anything is sent, rather than sent without one, as an unset `{{token}}`
 * is (an unset environment variable in a deploy would otherwise fail only at the API). Not when
 * the caller sends the auth's header itself (`sent`: the client's or the call's `headers`); an
 * option given as `null` never comes here (`declined`). `option` is set on the error, so that the
 * command line names its flags instead. `what`: what to pass, where the credential is partly there
 * (`hawk: { key }`, signing.ts's needCredential).
 */
function noCredential(op, option, sent, what = option) {
    if (!sent)
        throw Object.assign(new errors_js_1.ValidationError(op.name, undefined, `the collection's auth needs a credential: pass createClient({ ${what} }), or ${option}: null to send none`), { option });
}
/**
 * Whether the caller gave `option` as `null`: no credential, on purpose, and no auth at all. The
 * collection's credentials are not used either, nor an OAuth 2.0 grant run: every authorizer that
 * takes a credential option asks this first and sends the request as it is (an unset `{{token}}`
 * would refuse the call the caller meant to send without one; a hook or the app's fetch adds it).
 */
function declined(options, option) {
    return options[option] === null;
}
/**
 * A credential of the collection's, where it refers to variables (`{{token}}`); `option`: the
 * client option that gives it, which the error of a variable without a value names.
 */
function fromCollection(op, template, lookup, option) {
    // "" fills to "": no test for undefined of its own (the seed bundle's bytes).
    return template && (0, template_js_1.fillTemplate)(template, lookup, op.name, option);
}
// Not async: a token given as text is set at once, without a promise for the client to await.
const authorizeBearer = (op, request, options, lookup) => {
    if (declined(options, "token"))
        return;
    const given = options.token;
    return typeof given === "function"
        ? Promise.resolve(given()).then((token) => setBearer(op, request, token, lookup))
        : setBearer(op, request, given, lookup);
};
exports.authorizeBearer = authorizeBearer;
function setBearer(op, request, given, lookup) {
    const token = given ?? fromCollection(op, op.auth.token, lookup, "token");
    if (token)
        (0, request_js_1.setHeader)(op, request.headers, "authorization", `Bearer ${token}`, "the token");
    else if (token === undefined)
        noCredential(op, "token", request.headers.has("authorization"));
}
const authorizeApiKey = async (op, request, options, lookup) => {
    if (declined(options, "apiKey"))
        return;
    const auth = op.auth;
    const key = (await resolveCredential(options.apiKey)) ?? fromCollection(op, auth.value, lookup, "apiKey");
    const { url } = request;
    if (key === undefined) {
        // The key is checked first: without one, a name whose {{variable}} has no value was sent by
        // no one, and the refusal is the credential's, not the name's variable's.
        const name = nameIfFilled(auth.name, lookup, op.name);
        noCredential(op, "apiKey", name !== undefined && (auth.in === "query" ? inQuery(url, name) : request.headers.has(name)));
    }
    if (!key)
        return;
    // Postman fills {{variables}} in every auth field, the key's name too.
    const name = (0, template_js_1.fillTemplate)(auth.name, lookup, op.name);
    if (auth.in === "query") {
        let pair;
        try {
            pair = `${encodeURIComponent(name)}=${encodeURIComponent(key)}`;
        }
        catch {
            throw new errors_js_1.ValidationError(op.name, undefined, `the API key ${request_js_1.HALF_CHARACTER}`);
        }
        setQuery(url, [...queryWithout(url, name), pair]);
    }
    else
        (0, request_js_1.setHeader)(op, request.headers, name, key, "the API key");
};
exports.authorizeApiKey = authorizeApiKey;
/**
 * Sets the URL's query to `pairs` (each already encoded), none removing it. The `?` is written
 * here: the search setter drops one leading `?`, which would be the first pair's own when its key
 * starts with one (`??=x`, Postman's `?=x` pair).
 */
function setQuery(url, pairs) {
    const query = pairs.filter(Boolean).join("&");
    url.search = query && `?${query}`;
}
/**
 * The URL's query pairs but those named `name`: an auth that puts its credential in the query
 * replaces the item's own pairs of that name, as Postman's authorizers do. The others stay as
 * they were encoded (searchParams would encode the whole query again: a%20b → a+b).
 */
function queryWithout(url, name) {
    return url.search
        .slice(1)
        .split("&")
        .filter((pair) => pair && decodeKey(pair.split("=")[0]) !== name);
}
/** The API key's name filled, or undefined where a {{variable}} it refers to has no value. */
function nameIfFilled(template, lookup, operation) {
    try {
        return (0, template_js_1.fillTemplate)(template, lookup, operation);
    }
    catch (error) {
        if (error instanceof errors_js_1.ValidationError && error.missing)
            return undefined;
        throw error;
    }
}
/** Whether the URL's query has a pair named `name`: the caller's own credential, where an auth sends one there. */
function inQuery(url, name) {
    return queryWithout(url, name).length < url.search.slice(1).split("&").filter(Boolean).length;
}
function decodeKey(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
const authorizeBasic = (op, request, options, lookup) => {
    if (declined(options, "basic"))
        return;
    const auth = op.auth;
    // A URL's user info is percent-decoded once filled, as postman-request decodes it.
    const filled = (template) => {
        const value = fromCollection(op, template, lookup, "basic");
        return value && auth.fromUrl ? decodeKey(value) : value;
    };
    // Encoded as UTF-8, which would send half a character as U+FFFD.
    const username = (0, request_js_1.wellFormed)(op, options.basic?.username ?? filled(auth.username), "the basic username");
    const password = (0, request_js_1.wellFormed)(op, options.basic?.password ?? filled(auth.password) ?? "", "the basic password");
    // An error masks the pair and the password as a server may quote them, decoded (sentSecrets, as
    // for a Basic header the app sets itself).
    if (username === undefined)
        noCredential(op, "basic", request.headers.has("authorization"));
    else
        request.headers.set("authorization", `Basic ${base64(`${username}:${password}`)}`);
};
exports.authorizeBasic = authorizeBasic;
/** Schemes the client cannot compute: the caller's `sign` hook does it, or the call is refused. */
const authorizeSigned = async (op, request, options) => {
    const auth = op.auth;
    if (!options.sign) {
        const why = auth.reason ? ` (${auth.reason})` : "";
        throw new errors_js_1.ValidationError(op.name, undefined, `the collection signs this request with ${auth.scheme}, which the client cannot compute${why}: pass createClient({ sign })`);
    }
    // What the hook writes is read as any scheme's: its parameters, a Basic pair, a form's pairs.
    request.sentSecrets = sent_secrets_js_1.schemeSecrets;
    await options.sign({
        operation: op.name,
        scheme: auth.scheme,
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.body,
    });
};
exports.authorizeSigned = authorizeSigned;
/** A credential option's value: a function's result, or the value (`null`, none, as undefined). OAuth 2's `token` too. */
async function resolveCredential(credential) {
    return typeof credential === "function" ? credential() : (credential ?? undefined);
}
function base64(text) {
    let binary = "";
    for (const byte of new TextEncoder().encode(text))
        binary += String.fromCharCode(byte);
    return btoa(binary);
}
