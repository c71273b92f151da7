"use strict";
// What an error may repeat of the credentials a call sent: none of them. Servers echo what they
// got ("invalid token 'abc…'", an API key in a message, a debug body with the Authorization
// header), and an error's message, body and cause end up in logs, error trackers and a command
// line's output. This module says which values a call sent as credentials and masks them in text
// and in parsed bodies. Only a failed call calls it: a call that succeeds does none of this work.
Object.defineProperty(exports, "__esModule", { value: true });
exports.WORD_SECRET_BELOW = exports.SHORTEST_SECRET = exports.MASK = void 0;
exports.sentSecrets = sentSecrets;
exports.masker = masker;
exports.redactValue = redactValue;
exports.holdsSecret = holdsSecret;
/** What a masked secret reads as, here and in the command line's output. */
exports.MASK = "***";
/**
 * The shortest value masked. Masking finds a secret anywhere in a text, and a value of one or two
 * characters is part of nearly every word and number ("a", "id", "40"): masking it would garble
 * every message, for a credential that protects nothing. From three characters on, a value is
 * masked (a three-digit PIN, a short path value that names a credential, as the command line has
 * always masked them): at worst an odd word of the message reads `***`, which costs a reader less
 * than a credential costs its owner.
 */
exports.SHORTEST_SECRET = 3;
/**
 * The credentials a call sent, read off the request rather than from each auth: every header the
 * auth (one of the client's, or the app's `sign` hook) set or changed, whole, its credentials after
 * an auth scheme (`Bearer`'s token, `Basic`'s base64 and the `user:password` it holds, the password
 * alone, or the user where there is no password: a key sent as the user name), and each parameter
 * of it 16 characters or longer (`Signature=`, `mac=`, `response=`, `oauth_signature=`: signatures,
 * keys and nonces, which a server may quote alone; shorter ones are settings and times); every query
 * parameter the auth added; and `given`, the values of the secret variables the call used.
 */
function sentSecrets(before, after, given = []) {
    const found = [...given];
    // As written, and percent-decoded (an OAuth 1 signature, a key in the query), as a server may quote either.
    const add = (text) => {
        found.push(text);
        try {
            found.push(decodeURIComponent(text.replace(/\+/g, " ")));
        }
        catch {
            // Not percent-encoded text: as written.
        }
    };
    after.headers.forEach((value, name) => {
        if (before.headers.get(name) === value)
            return;
        add(value);
        const [, scheme, credentials] = /^(\S+)\s+(.+)$/s.exec(value) ?? [];
        if (!credentials)
            return;
        add(credentials);
        if (/^basic$/i.test(scheme))
            try {
                const pair = new TextDecoder().decode(Uint8Array.from(atob(credentials), (c) => c.charCodeAt(0)));
                const colon = pair.indexOf(":");
                found.push(pair, pair.slice(colon + 1) || pair.slice(0, colon));
            }
            catch {
                // Not base64: masked as sent.
            }
        for (const [, part] of credentials.matchAll(/=\s*"?([^\s",;/][^\s",;]{15,})/g))
            add(part);
    });
    const unsigned = new Set(new URL(before.href).search.slice(1).split("&"));
    for (const pair of after.url.search.slice(1).split("&"))
        if (pair && !unsigned.has(pair))
            add(pair.slice(pair.indexOf("=") + 1));
    return found;
}
/**
 * The forms a secret takes in a request or an error: as written, in JSON text, and percent-encoded
 * as a URI component, as a form (`+` for a space) and as RFC 3986 (OAuth 1) encode it. Half a
 * character (which the client refuses, naming what holds it) is encoded as UTF-8 would send it,
 * U+FFFD: encodeURIComponent throws on it, and an error's message must still be printed masked.
 */
function secretForms(secret) {
    const sent = secret.replace(/\p{Cs}/gu, "\uFFFD");
    const component = encodeURIComponent(sent);
    return [
        ...new Set([
            secret,
            sent,
            JSON.stringify(secret).slice(1, -1),
            component,
            new URLSearchParams([["", sent]]).toString().slice(1),
            component.replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`),
        ]),
    ];
}
/**
 * The forms of the secrets long enough to look for (`SHORTEST_SECRET`), longest first, so that a
 * secret inside another is not left half-masked.
 */
function findableForms(secrets) {
    return [...new Set(secrets.filter((s) => s.length >= exports.SHORTEST_SECRET).flatMap(secretForms))].sort((a, b) => b.length - a.length);
}
/**
 * Below this length a secret is masked only as a word of its own (not next to a letter, digit or
 * `_`): a short value (`tok`, `demo`, a PIN) is part of many words and keys (`access_token`,
 * `demonstrate`), and masking it there garbles the text while hiding nothing. From this length on,
 * a secret is masked wherever it appears, inside other text too (a URL encoded into another's query).
 */
exports.WORD_SECRET_BELOW = 8;
/** Masks every secret, in each of its forms. */
function masker(secrets) {
    const forms = findableForms(secrets).map((form) => form.length < exports.WORD_SECRET_BELOW
        ? // No lookbehind: Safari before 16.4 cannot compile one.
            new RegExp(`(^|\\W)${form.replace(/[$()*+.?[\\\]^{|}]/g, "\\$&")}(?!\\w)`, "g")
        : form);
    return (text) => {
        for (const form of forms)
            text = typeof form === "string" ? text.split(form).join(exports.MASK) : text.replace(form, `$1${exports.MASK}`);
        return text;
    };
}
/** A parsed body (a JSON value, or text) with each string in it masked. */
function redactValue(value, mask) {
    if (typeof value === "string")
        return mask(value);
    if (Array.isArray(value))
        return value.map((item) => redactValue(item, mask));
    return typeof value === "object" && value !== null
        ? Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValue(item, mask)]))
        : value;
}
/**
 * Whether what fetch threw holds a secret in its message or stack, or in its causes' (a message may
 * quote the URL, `?api_key=` and all): such an error is no cause to keep on the client's error, as
 * an error's cause is printed with it (util.inspect, console.log).
 */
function holdsSecret(error, mask) {
    let text = "";
    for (let cause = error; cause; cause = cause.cause)
        text += `${String(cause.stack)}${String(cause.message)}`;
    return mask(text) !== text;
}
