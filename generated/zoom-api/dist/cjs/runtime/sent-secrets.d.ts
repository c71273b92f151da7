/** The request before its auth ran, or as it was sent: their difference is the auth's. */
interface Sent {
    readonly url: URL;
    readonly headers: Headers;
    readonly body?: unknown;
}
/**
 * The credentials a call sent (`sentSecrets`, `namedSecrets` or `schemeSecrets`, as the request says),
 * with `given`'s. A promise where they are read out of a multipart part (a Blob, which reads only so).
 */
export type SentSecrets = (before: Sent, after: Sent, given?: readonly string[]) => string[] | Promise<string[]>;
/**
 * The credentials a call sent, by the rule above, as every bundle needs them: headers named as
 * credentials or set by the auth, whole and after their scheme, Basic's pair and password, each
 * cookie's value; the query pairs the auth added; `given`, the secret variables' values.
 */
export declare const sentSecrets: (before: Sent, after: Sent, given?: readonly string[]) => string[];
/**
 * Whether a server reads a text body as a form, so that its fields named as credentials are
 * secrets to mask wherever it may be quoted (an error, the command line's curl): when its type
 * names one in any letters, as servers read media types without regard to case (RFC 9110), a raw
 * body typed `Application/X-WWW-Form-Urlencoded` too. Not bodies.ts's namesUrlencoded, which is
 * another question (which types newman replaces, in lower case only).
 */
export declare function readsAsForm(headers: Headers): boolean;
/**
 * The largest multipart part typed as JSON that a failed call reads for the credentials in its
 * fields (1 MiB). A part a request's parameters travel in (`metadata`: a name, a region, a
 * `client_secret`) is a few kilobytes; a larger one is a document the app uploads (a file typed
 * `application/json`), and reading and parsing it whole on every failure (a 200 MB upload refused
 * is 200 MB read into memory and parsed again) costs the app more than its strings under a
 * credential's name are worth. Beyond it a part is what every other file part is: not read, the
 * app's data, masked by the rest of the rule (the auth's values, the secret variables').
 */
export declare const LARGEST_PART_READ = 1048576;
/**
 * `sentSecrets` with the query pairs, form fields and JSON fields (at any depth) named as
 * credentials (and a form's pairs the auth added): what an operation with such a field passes as
 * its `namedSecrets` request feature (request.ts's featuresNeeded), and what `schemeSecrets` reads too.
 */
export declare const namedSecrets: SentSecrets;
/**
 * `namedSecrets` with the rest of the rule, which only auths whose header holds parameters need: the
 * headers their signature names as signed, the parameters. Those authorizers set it on the request
 * they sign (`BuiltRequest.sentSecrets`): the `sign` hook, and each that signs through signing.ts
 * (Digest, Hawk, AWS, OAuth 1, EdgeGrid, JWT, OAuth 2), so that a bundle without them (a bearer
 * token, an API key, Basic) leaves it out.
 */
export declare const schemeSecrets: SentSecrets;
export {};
