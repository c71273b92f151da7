/** What a masked secret reads as, here and in the command line's output. */
export declare const MASK = "***";
/**
 * The shortest value masked. Masking finds a secret anywhere in a text, and a value of one or two
 * characters is part of nearly every word and number ("a", "id", "40"): masking it would garble
 * every message, for a credential that protects nothing. From three characters on, a value is
 * masked (a three-digit PIN, a short path value that names a credential, as the command line has
 * always masked them): at worst an odd word of the message reads `***`, which costs a reader less
 * than a credential costs its owner.
 */
export declare const SHORTEST_SECRET = 3;
/** Masks each secret found in a text. */
export type Mask = (text: string) => string;
/**
 * Below this length a secret is masked only as a word of its own (not next to a letter, digit or
 * `_`): a short value (`tok`, `demo`, a PIN) is part of many words and keys (`access_token`,
 * `demonstrate`), and masking it there garbles the text while hiding nothing. From this length on,
 * a secret is masked wherever it appears, inside other text too (a URL encoded into another's query).
 */
export declare const WORD_SECRET_BELOW = 8;
/**
 * Masks every secret long enough to look for (`SHORTEST_SECRET`), in each form it takes in a
 * request or an error, longest first, so that a secret inside another is not left half-masked. One
 * rule covers every encoder that sends it (a path's, which leaves `/` as it is and encodes a space;
 * a query's, which newman's rules encode; a form's `+`; RFC 3986's; JSON text's) without a list of
 * them to keep in step: the secret as written or JSON-escaped, each of whose characters may stand
 * as itself, as its UTF-8 bytes percent-encoded, or a space as `+`, each letter in either case.
 * (Half a character, which the client refuses naming what holds it, is looked for too: an error's
 * message must still be printed masked.) The one definition of what masks a secret: the
 * generator's Postman API client masks its key by it too (src/postman-api/client.ts).
 */
export declare function masker(secrets: readonly string[]): Mask;
/**
 * A parsed body (a JSON value, or text) with each string in it masked: copied through JSON, whose
 * reviver sees each string (a body is what JSON.parse gave, or text), which is shorter in every
 * bundle than walking arrays and objects by hand. (`-0` comes back `0`.)
 */
export declare function redactValue(value: unknown, mask: Mask): unknown;
/**
 * Whether what fetch threw holds a secret in its message or stack, or in its causes' (a message may
 * quote the URL, `?api_key=` and all): such an error is no cause to keep on the client's error, as
 * an error's cause is printed with it (util.inspect, console.log).
 */
export declare function holdsSecret(error: unknown, mask: Mask): boolean;
