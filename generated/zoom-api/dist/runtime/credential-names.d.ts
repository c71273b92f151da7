/**
 * The rule's words. A name is split into words (camelCase, any separator, lower-cased); it names a
 * credential when:
 * - one of its words is in `words`, unless a last word in `describing` follows (`password_policy`)
 *   or a first word in `settings` comes before (`require_password_for_pmi_meetings`);
 * - its last word but numbers is in `lastWords` (`accessToken`, `X-Hub-Signature-256`), unless the
 *   word before is in `placeTokens` (`next_page_token`);
 * - its words run together hold one of `runs` from the start of a word (`apiKey`, `x-api-key`,
 *   `API_KEY`; not `ghost_key` for `hostkey`);
 * - it is one of `wholeNames`, an `x` word before aside (`key`, `X-Key`; not `sort_key`), unless
 *   it is a field of a JSON value.
 */
export declare const CREDENTIAL_NAMES: Readonly<Record<"words" | "lastWords" | "describing" | "settings" | "placeTokens" | "runs" | "maskedAnywhere" | "wholeNames" | "tokenParamParts", readonly string[]>>;
/**
 * Whether a key names a credential, so that its value is kept out of a client even when the
 * file does not mark it secret: a word such as password, passphrase, secret, credentials,
 * authorization or jwt; a last word such as `token` or `signature` (`accessToken`, `x-auth-token`,
 * `X-Hub-Signature-256`, but not `tokenUrl`); or api key, access key, private key, secret key,
 * signing key, subscription key, auth key, session key written together or apart (`apiKey`,
 * `x-api-key`, `API_KEY`). A word
 * followed by one that describes it (`authorization_name`, `password_policy`) and a token that
 * marks a place (`next_page_token`) are none.
 */
export declare function namesCredential(key: string): boolean;
/** `namesCredential` for a field of a JSON value: without `wholeNames`, which name an entry there. */
export declare function namesCredentialField(key: string): boolean;
/** Whether an OAuth 2 token request parameter's key names a secret: by the rule, or holding a `tokenParamParts` part. */
export declare function namesTokenParamSecret(key: string): boolean;
/**
 * The rule without its exceptions, for a command line to mask by: a name is masked when its letters
 * and digits, lower-cased and run together, hold one of these, or end with one of
 * `credentialLastWords()` but for digits. That holds for every name `namesCredential` or
 * `namesTokenParamSecret` takes (its words run together are that text), and for more: printing a
 * value under `password_policy` or `next_page_token` masked costs nothing, while the loader's
 * exceptions keep examples that are no secret. A word that holds another is left out (`secrets`:
 * `secret`).
 */
export declare function credentialWords(): string[];
/** The words a command line masks a name by at its end only (`api_sig`, but not `design`): see `credentialWords`. */
export declare function credentialLastWords(): string[];
/**
 * An auth scheme followed by its credential (`Bearer abc`, `Basic dXNlcjpwdw==`, `Token abc`,
 * `Digest username="a", response="…"`), the credential captured: a header holding one carries a
 * credential whatever its name (`X-Custom: Bearer abc`).
 */
export declare const AUTH_SCHEME: RegExp;
/** The words a command line or a mock masks names by: see `credentialWords`. */
export interface MaskWords {
    readonly credentialWords: readonly string[];
    readonly credentialLastWords: readonly string[];
}
/**
 * Whether a header's, a parameter's, a field's or a key's name says that its value is a credential,
 * for masking what is printed: its letters and digits, lower-cased and run together, hold one of
 * `credentialWords`, or end with one of `credentialLastWords` but for digits (`X-Hub-Signature-256`).
 */
export declare function namesSecret(name: string, words?: MaskWords): boolean;
/**
 * A URL's path and query as sent, with the value of each query parameter whose name says it holds
 * a credential masked (`/ex?api_key=***&page=2`), for a log line or a message that echoes a request.
 */
export declare function maskedPathAndQuery(url: URL, mask?: string): string;
