/** The request before its auth ran, and as it was sent: their difference is the auth's. */
interface Sent {
    readonly headers: Headers;
    readonly body?: unknown;
}
interface Before extends Sent {
    readonly href: string;
}
interface After extends Sent {
    readonly url: URL;
}
/** The credentials a call sent (`sentSecrets`, or `schemeSecrets` for an auth whose scheme needs it), with `given`'s. */
export type SentSecrets = (before: Before, after: After, given?: readonly string[]) => string[];
/**
 * The credentials a call sent, by the rule above, as every bundle needs them: headers named as
 * credentials or set by the auth (but those in `signed`), whole and after their scheme; the query
 * pairs the auth added; `given`, the secret variables' values.
 */
export declare function sentSecrets(before: Before, after: After, given?: readonly string[], signed?: readonly string[]): string[];
/**
 * `sentSecrets` with the rest of the rule, which only auths whose header holds parameters or a pair
 * need: the headers their signature names as signed, Basic's pair, the parameters, a form's pairs.
 * Those authorizers set it on the request they sign (`BuiltRequest.sentSecrets`): Basic, the `sign`
 * hook, and each that signs through signing.ts (Digest, Hawk, AWS, OAuth 1, EdgeGrid, JWT, OAuth 2),
 * so that a bundle without them (a bearer token, an API key) leaves it out.
 */
export declare const schemeSecrets: SentSecrets;
export {};
