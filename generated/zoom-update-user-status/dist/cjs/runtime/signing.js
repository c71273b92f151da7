"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.utf8 = utf8;
exports.source = source;
exports.digest = digest;
exports.hmac = hmac;
exports.hex = hex;
exports.base64 = base64;
exports.percentEncode = percentEncode;
exports.randomString = randomString;
exports.authValue = authValue;
exports.needCredential = needCredential;
exports.setAuthHeader = setAuthHeader;
exports.refuse = refuse;
exports.bodyBytes = bodyBytes;
exports.unixTime = unixTime;
exports.importPrivateKey = importPrivateKey;
// What the signers share: hashes and HMACs from WebCrypto (crypto.subtle: Node 20, browsers, Deno,
// Bun), encodings, the collection's auth values, and the body's bytes exactly as they will be sent.
// Imported only by the signer modules, so a bundle without one leaves this out too.
const bodies_js_1 = require("./bodies.js");
const errors_js_1 = require("./errors.js");
const request_js_1 = require("./request.js");
const sent_secrets_js_1 = require("./sent-secrets.js");
const template_js_1 = require("./template.js");
const auth_js_1 = require("./auth.js");
function utf8(text) {
    return new TextEncoder().encode(text);
}
/** Bytes or UTF-8 text as WebCrypto takes them. */
function source(data) {
    return (typeof data === "string" ? utf8(data) : data);
}
async function digest(hash, data) {
    return new Uint8Array(await crypto.subtle.digest(hash, source(data)));
}
async function hmac(hash, key, data) {
    const cryptoKey = await crypto.subtle.importKey("raw", source(key), { name: "HMAC", hash }, false, ["sign"]);
    return new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, source(data)));
}
function hex(bytes) {
    let text = "";
    for (const byte of bytes)
        text += byte.toString(16).padStart(2, "0");
    return text;
}
function base64(bytes) {
    let binary = "";
    for (const byte of bytes)
        binary += String.fromCharCode(byte);
    return btoa(binary);
}
/** RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - . _ ~`. */
function percentEncode(text) {
    return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
const ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/** Letters and digits from the platform's random source (nonces). */
function randomString(length) {
    let text = "";
    for (const byte of crypto.getRandomValues(new Uint8Array(length)))
        text += ALPHANUMERIC[byte % ALPHANUMERIC.length];
    return text;
}
/**
 * A field of the operation's auth with its `{{variables}}` filled in; `given` (a client option's
 * part), where passed, wins. Every credential and setting a signer reads comes through here, so half
 * a character is refused here, naming the field (`the oauth1 consumerSecret`). A field that a
 * client option gives (its caller passes `given`, even undefined) names that option in the error of
 * a variable without a value: `name`, else the option named as the auth's type (AuthOptions' `hawk`,
 * `oauth1`), `aws` for awsv4.
 */
function authValue(op, auth, field, lookup, ...option) {
    const template = auth[field];
    const [given, name] = option;
    return (0, request_js_1.wellFormed)(op, given !== undefined
        ? given
        : template === undefined
            ? undefined
            : (0, template_js_1.fillTemplate)(template, lookup, op.name, option.length ? (name ?? auth.type.replace("awsv4", "aws")) : undefined), `the ${auth.type} ${String(field)}`);
}
/**
 * A signer's credential, by its parts as `option` names them (Hawk's `id` and `key`): with none of
 * them, or only some, the call is refused before anything is sent (auth.ts's noCredential, naming
 * the parts missing where some are there), rather than sent unsigned; not when the caller sends the
 * auth's header itself (`sent`): then the request goes as it is. (`option` given as `null` is
 * asked before, auth.ts's `declined`: the collection's parts are not read.) A part there but empty
 * (a variable set to "") is the caller's choice, as a bearer token of "" is: the signer sends the
 * request unsigned. The error's `parts` are those missing, whose flags the command line names.
 */
function needCredential(op, option, parts, sent) {
    const names = Object.keys(parts);
    const missing = names.filter((name) => parts[name] === undefined);
    if (missing.length)
        try {
            (0, auth_js_1.noCredential)(op, option, sent, missing.length < names.length ? `${option}: { ${missing.join(", ")} }` : option);
        }
        catch (error) {
            // Set here, so that the simple auths' code (every bundle's) carries none of it.
            throw Object.assign(error, { parts: missing });
        }
}
/**
 * Sets a header the signer computed; one fetch cannot send is refused naming it, never quoting it.
 * It also says how an error reads what the request sent: sent-secrets.ts's `schemeSecrets`.
 */
function setAuthHeader(op, request, name, value, what) {
    (0, request_js_1.setHeader)(op, request.headers, name, value, what);
    request.sentSecrets = sent_secrets_js_1.schemeSecrets;
}
function refuse(op, message) {
    throw new errors_js_1.ValidationError(op.name, undefined, message);
}
/**
 * The body's bytes as they will be sent, and the media type they go with. Each body is pinned so
 * that what is signed is what is sent: a form's multipart encoding (whose boundary fetch would
 * choose) becomes bytes with their Content-Type, and the type fetch would give text or a urlencoded
 * body is set. Signers replace a body, never change one: a retry signs the original again.
 */
async function bodyBytes(request) {
    const { body, headers } = request;
    if (body === undefined)
        return { bytes: new Uint8Array(), contentType: headers.get("content-type") ?? undefined };
    if (body instanceof FormData) {
        // Written out as the client sends a form (bodies.ts's sendMultipart, into a copy of the
        // headers), so that a signed form is the same bytes from every platform as an unsigned one.
        const sent = { body, headers };
        (0, bodies_js_1.sendMultipart)(sent);
        const written = sent.body;
        const contentType = sent.headers.get("content-type");
        const bytes = typeof written === "string" ? utf8(written) : new Uint8Array(await written.arrayBuffer());
        request.body = new Blob([bytes.buffer]);
        headers.set("content-type", contentType);
        return { bytes, contentType };
    }
    if (body instanceof Blob) {
        if (!headers.has("content-type") && body.type)
            headers.set("content-type", body.type);
        return { bytes: new Uint8Array(await body.arrayBuffer()), contentType: headers.get("content-type") ?? undefined };
    }
    // Text and URLSearchParams: fetch sends UTF-8, with these types when none is set.
    if (!headers.has("content-type"))
        headers.set("content-type", body instanceof URLSearchParams ? "application/x-www-form-urlencoded;charset=UTF-8" : "text/plain;charset=UTF-8");
    return { bytes: utf8(String(body)), contentType: headers.get("content-type") };
}
/** Seconds since the epoch, as text. */
function unixTime() {
    return String(Math.floor(Date.now() / 1000));
}
/**
 * A PEM private key for WebCrypto: PKCS #8 (`BEGIN PRIVATE KEY`) as it is, PKCS #1
 * (`BEGIN RSA PRIVATE KEY`) wrapped into PKCS #8, which is all WebCrypto imports. The message of a
 * refusal names the key's owner (`what`), never its text.
 */
async function importPrivateKey(op, pem, algorithm, what) {
    const match = /-----BEGIN ((?:RSA )?PRIVATE KEY)-----([A-Za-z0-9+/=\s]+)-----END \1-----/.exec(pem);
    if (!match)
        return refuse(op, `${what} is not a PEM private key (BEGIN PRIVATE KEY or BEGIN RSA PRIVATE KEY)`);
    let der = Uint8Array.from(atob(match[2].replace(/\s+/g, "")), (c) => c.charCodeAt(0));
    if (match[1] === "RSA PRIVATE KEY")
        der = derSequence([Uint8Array.of(0x02, 0x01, 0x00), RSA_ENCRYPTION, derValue(0x04, der)]);
    try {
        return await crypto.subtle.importKey("pkcs8", source(der), algorithm, false, ["sign"]);
    }
    catch {
        return refuse(op, `${what} could not be imported for ${typeof algorithm === "string" ? algorithm : algorithm.name}`);
    }
}
/** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1), parameters NULL. */
const RSA_ENCRYPTION = /* @__PURE__ */ Uint8Array.of(0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00);
function derSequence(parts) {
    const content = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
        content.set(part, at);
        at += part.length;
    }
    return derValue(0x30, content);
}
function derValue(tag, content) {
    const n = content.length;
    const length = n < 0x80
        ? [n]
        : n < 0x100
            ? [0x81, n]
            : n < 0x10000
                ? [0x82, n >> 8, n & 0xff]
                : [0x83, n >> 16, (n >> 8) & 0xff, n & 0xff];
    const out = new Uint8Array(1 + length.length + n);
    out.set([tag, ...length]);
    out.set(content, 1 + length.length);
    return out;
}
