"use strict";
// What an error may repeat of the credentials a call sent: none of them. Servers echo what they
// got ("invalid token 'abc…'", an API key in a message, a debug body with the Authorization
// header), and an error's message, body and cause end up in logs, error trackers and a command
// line's output. This module masks them in text and in parsed bodies; which values a call sent
// are credentials, sent-secrets.ts says. Only a failed call calls either: a call that succeeds
// does none of this work. (This module imports nothing, so that a bundler inlines its constants.)
Object.defineProperty(exports, "__esModule", { value: true });
exports.WORD_SECRET_BELOW = exports.SHORTEST_SECRET = exports.MASK = void 0;
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
 * Below this length a secret is masked only as a word of its own (not next to a letter, digit or
 * `_`): a short value (`tok`, `demo`, a PIN) is part of many words and keys (`access_token`,
 * `demonstrate`), and masking it there garbles the text while hiding nothing. From this length on,
 * a secret is masked wherever it appears, inside other text too (a URL encoded into another's query).
 */
exports.WORD_SECRET_BELOW = 8;
/**
 * Masks every secret long enough to look for (`SHORTEST_SECRET`), in each form it takes in a
 * request or an error, longest first, so that a secret inside another is not left half-masked. One
 * rule covers every encoder that sends it (a path's, which leaves `/` as it is and encodes a space;
 * a query's, which newman's rules encode; a form's `+`; RFC 3986's; JSON text's) without a list of
 * them to keep in step: the secret as written or JSON-escaped, each of whose characters may stand
 * as itself, as its UTF-8 bytes percent-encoded (each hex digit in either case), or a space as
 * `+`. The secret's own letters only as written: a short one in any case would be a word of the
 * text (a Basic username `api` in "Invalid API key", `Prod` in `env PROD`).
 * (Half a character, which the client refuses naming what holds it, is looked for too: an error's
 * message must still be printed masked.) The one definition of what masks a secret: the
 * generator's Postman API client masks its key by it too (src/postman-api/client.ts).
 */
function masker(secrets) {
    // One encoder for every character of every secret: it keeps no state between calls.
    const encoder = new TextEncoder();
    // JSON-escaped as a whole, not character by character: a character that stood as itself or
    // escaped (`\` or `\\`) could take one or two characters of a text, and a run of them in a secret
    // made a text of backslashes without the secret be tried every way (exponential time). A secret
    // that JSON leaves as it is is looked for twice, and found the first time (a Set costs more bytes).
    const forms = secrets
        .flatMap((secret) => [secret, JSON.stringify(secret).slice(1, -1)])
        .filter((secret) => secret.length >= exports.SHORTEST_SECRET)
        .sort((a, b) => b.length - a.length)
        .map((secret) => {
        const pattern = [...secret]
            .map((c) => {
            // Its UTF-8 bytes, each `%xx` (half a character as U+FFFD's, which is what a URL sends).
            // Each hex letter in either case (`[cC]`): RFC 3986 asks for upper case and reads every
            // case alike, some encoders, and servers and proxies that echo a URL, write lower case
            // (`%c3%a9`), and one that rewrites a URL piece by piece may mix them within a character
            // (`%C3%a9`). A class per digit keeps the pattern as long as the secret, where listing
            // the ways a character's hex can be written would grow with them (2^8 for four bytes).
            // Not the `i` flag: it would read the secret's own letters in any case too.
            const hex = Array.from(encoder.encode(c), (byte) => "%" + (byte | 256).toString(16).slice(1))
                .join("")
                .replace(/[a-f]/g, (d) => `[${d}${d.toUpperCase()}]`);
            // Each way once, no two of them matching the same text, else a text that holds no
            // secret would be tried more than one way at each character (exponential time). The hex
            // way first: the pattern takes the first that matches, and a secret's last character
            // must be masked whole where one way starts another (`%` encoded is `%25`). The
            // character itself with each but a letter, digit or `_` escaped: in a pattern without
            // the `u` flag, `\` before any of them stands for the character itself.
            return `(?:${hex}|${c.replace(/\W/g, "\\$&")}${c === " " ? "|\\+" : ""})`;
        })
            .join("");
        // A short one as a word of its own; no lookbehind: Safari before 16.4 cannot compile one.
        return new RegExp(secret.length < exports.WORD_SECRET_BELOW ? `(^|\\W)${pattern}(?!\\w)` : `()${pattern}`, "g");
    });
    return (text) => {
        for (const form of forms)
            text = text.replace(form, `$1${exports.MASK}`);
        return text;
    };
}
/**
 * A parsed body (a JSON value, or text) with each string in it masked: copied through JSON, whose
 * reviver sees each string (a body is what JSON.parse gave, or text), which is shorter in every
 * bundle than walking arrays and objects by hand. (`-0` comes back `0`.)
 */
function redactValue(value, mask) {
    // No body (`undefined`) has no JSON text, and stays none.
    const text = JSON.stringify(value);
    return text && JSON.parse(text, (_, item) => (typeof item === "string" ? mask(item) : item));
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
