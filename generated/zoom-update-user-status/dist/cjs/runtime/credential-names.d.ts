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
 * A word that ends with one of `runTogether` is read as two (`clientsecret`, `ACCESSTOKEN`,
 * `nexttoken`), as `client_secret`, `access_token` and `next_token` are.
 */
export declare const CREDENTIAL_NAMES: Readonly<Record<"words" | "lastWords" | "describing" | "settings" | "placeTokens" | "placeKeys" | "runs" | "maskedAnywhere" | "wholeNames" | "runTogether" | "tokenParamParts", readonly string[]>>;
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
/**
 * The words a command line masks a name by at its end only (`api_sig`, but not `design`): see
 * `credentialWords`. The whole names too (`zak`, `X-Tk`), which `maskedAnywhere` does not cover:
 * short, they are parts of too many other words to be looked for anywhere.
 */
export declare function credentialLastWords(): string[];
/**
 * An auth scheme followed by its credential (`Bearer abc`, `Basic dXNlcjpwdw==`, `Token abc`,
 * `Digest username="a", response="…"`), the credential captured: a header holding one carries a
 * credential whatever its name (`X-Custom: Bearer abc`).
 */
export declare const AUTH_SCHEME: RegExp;
/**
 * A URL's user info (`https://bob:pw@host`): the one pattern the loader (a value's, a request's
 * URL), the description masker and the Postman API's URL check read it by. Group 1 is the scheme
 * with its `//` (`https://`), group 2 the user info (`bob:pw`), whose password follows its first
 * `:`. The user info runs to the last `@` before the host ends (`/`, `?`, `#`), as a URL parser
 * reads it: an `@` in a password is the password's (`https://u:p@ss@host` is `p@ss`). In a text
 * (`whole` false: prose, a value) a scheme comes first and a space ends a URL; a text that is one
 * URL (`whole`: a config's) may lack the scheme (`bob:pw@host`) and hold a space, which a URL
 * parser percent-encodes. No `g` in `flags` for `whole`: it is anchored.
 *
 * The scheme is read from the start of its run of scheme characters, whatever starts it
 * (`9http://`, a scheme's first letter after a digit, is taken too): a match starts only where
 * such a run does, so a long run is read once, not once from each of its letters.
 */
export declare function userInfoPattern(flags: string, whole?: boolean): RegExp;
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
export declare function namesSecret(name: string, words: MaskWords): boolean;
/**
 * `namesSecret` with its words written out as one pattern, to test a name's letters and digits
 * lower-cased and run together by: `credentialWords()` anywhere, `credentialLastWords()` at the end
 * but for digits. What a client's errors mask headers by (src/runtime/sent-secrets.ts): its runtime
 * cannot work the words out of the tables above, which every bundle would then carry (1 KB of a
 * one-operation bundle's 6.5). test/runtime/credential-names.test.ts checks that these are the words
 * those functions give.
 */
export declare const SECRET_NAME: RegExp;
/**
 * Runs of a name's letters and digits that hold a word of `SECRET_NAME` but name a page or a
 * request, not a right: a place token (`page_token`, `next_page_token`, `syncToken`: a word of
 * `placeTokens` before `token`) and an idempotency key (`idempotency_key`: `placeKeys` before
 * `key`). test/runtime/credential-names.test.ts checks that they are the tables'. Written out, as
 * `SECRET_NAME` is, so that a bundle holds no table.
 */
export declare const PLACE_NAME: RegExp;
/**
 * Whether the name of a query parameter or a form field says that its value is a credential, for
 * a call's error to mask it (sent-secrets.ts's `namedSecrets`; request.ts's featuresNeeded judges
 * an operation's fields by it when generating): `SECRET_NAME` on its letters and digits,
 * lower-cased and run together, with each `PLACE_NAME` run taken out, as a server quotes such a
 * value to say which page or request and it grants nothing. A space stands for a run taken out,
 * so that what is left on either side is not read as one word (`page_token_secret` still names
 * one). Headers are judged by `SECRET_NAME` alone, which every bundle carries: the runs would cost
 * every bundle their bytes.
 */
export declare function namesSentSecret(name: string): boolean;
/**
 * A URL's path and query as sent, with the value of each query parameter whose name says it holds
 * a credential masked (`/ex?api_key=***&page=2`), for a log line or a message that echoes a request
 * (the mocks'). By the rule the loader leaves a query parameter's value out by (namesCredential),
 * not the command line's wider one: a page's token, a search key or keywords are what a reader of
 * the log needs (`?next_page_token=…&search_key=…&keywords=…`), and hold no credential.
 */
export declare function maskedPathAndQuery(url: URL, mask?: string): string;
