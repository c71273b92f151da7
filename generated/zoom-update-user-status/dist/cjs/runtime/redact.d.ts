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
/** What the core built before the auth ran, and the request after it: their difference is the auth's. */
interface Before {
    readonly href: string;
    readonly headers: Headers;
}
interface After {
    readonly url: URL;
    readonly headers: Headers;
}
/**
 * The credentials a call sent, read off the request rather than from each auth: every header the
 * auth (one of the client's, or the app's `sign` hook) set or changed, whole, its credentials after
 * an auth scheme (`Bearer`'s token, `Basic`'s base64 and the `user:password` it holds, the password
 * alone, or the user where there is no password: a key sent as the user name), and each parameter
 * of it 16 characters or longer (`Signature=`, `mac=`, `response=`, `oauth_signature=`: signatures,
 * keys and nonces, which a server may quote alone; shorter ones are settings and times); every query
 * parameter the auth added; and `given`, the values of the secret variables the call used.
 */
export declare function sentSecrets(before: Before, after: After, given?: readonly string[]): string[];
/**
 * Below this length a secret is masked only as a word of its own (not next to a letter, digit or
 * `_`): a short value (`tok`, `demo`, a PIN) is part of many words and keys (`access_token`,
 * `demonstrate`), and masking it there garbles the text while hiding nothing. From this length on,
 * a secret is masked wherever it appears, inside other text too (a URL encoded into another's query).
 */
export declare const WORD_SECRET_BELOW = 8;
/** Masks every secret, in each of its forms. */
export declare function masker(secrets: readonly string[]): Mask;
/** A parsed body (a JSON value, or text) with each string in it masked. */
export declare function redactValue(value: unknown, mask: Mask): unknown;
/**
 * Whether what fetch threw holds a secret in its message or stack, or in its causes' (a message may
 * quote the URL, `?api_key=` and all): such an error is no cause to keep on the client's error, as
 * an error's cause is printed with it (util.inspect, console.log).
 */
export declare function holdsSecret(error: unknown, mask: Mask): boolean;
export {};
