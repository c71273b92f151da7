// Which names and values say that a value is a credential: the generator's one rule. The loader
// keeps such values out of a client (arg.ts, environment.ts, scopes.ts, auth.ts's token request
// parameters), a stored copy of the Postman API out of its file (postman-api/redact.ts). It lives in
// the runtime, copied into every package, because a package's own machinery masks by it too: the
// mocks here, the command line through the words it gets as data (src/command-line/emit-command-line.ts).
// A client's errors take `SECRET_NAME` and `namesSentSecret` alone (sent-secrets.ts): nothing here is
// made when the module loads (no Set of a table), so that a bundle keeps those patterns and leaves the
// tables out.

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
export const CREDENTIAL_NAMES: Readonly<
  Record<
    | "words"
    | "lastWords"
    | "describing"
    | "settings"
    | "placeTokens"
    | "placeKeys"
    | "runs"
    | "maskedAnywhere"
    | "wholeNames"
    | "runTogether"
    | "tokenParamParts",
    readonly string[]
  >
> = {
  words: [
    "password",
    "passwd",
    "pwd",
    "passphrase",
    "secret",
    "secrets",
    "credential",
    "credentials",
    "authorization",
    "jwt",
    "bearer",
    "cookie",
    "cookies",
    // A meeting's or a device's password by another name, a one-time password (useless once
    // saved, but live when sent), a keyed hash (`X-Shopify-Hmac-Sha256`), an OAuth 2 client's
    // signed assertion (`client_assertion`).
    "passcode",
    "otp",
    "hmac",
    "assertion",
  ],
  /**
   * Words that name a credential only at a name's end, being short or common elsewhere: a request's
   * signature (`X-Amz-Signature` and an Azure SAS's `sig` grant access; `signature_method` does
   * not), a PIN (`leader_pin`; `pin_code` is a postal code in India), a session (`session`,
   * `X-Session`; `session_id` names a resource as often as a login). Not `digest`: a body's hash.
   */
  lastWords: ["token", "tokens", "signature", "sig", "pin", "session", "pass"],
  /** A last word that makes a credential word describe something else (`authorization_name`, `password_policy`). */
  describing: [
    "name",
    "id",
    "type",
    "url",
    "uri",
    "endpoint",
    "policy",
    "length",
    "hint",
    "expiry",
    "expires",
    "expiration",
    "ttl",
    "required",
    "enabled",
    "count",
    "label",
    "format",
    // What was decided about an authorization, not the authorization (Plaid's `authorization_decision`).
    "decision",
    "status",
    // How a secret is made or checked, not the secret (`hmac_algorithm`, `jwt_alg`, `otp_method`).
    "algorithm",
    "alg",
    "method",
    // What a credential reaches, not the credential: AWS's `credential_scope` (a date, a region and
    // a service), a Databricks `secret_scope` (a scope's name), an Okta signature's `scope`
    // (`REQUEST`, `RESPONSE`). OAuth's `scope` names no credential whatever its value.
    "scope",
  ],
  /**
   * First words that make a name a setting about a secret, not the secret: Zoom's
   * `require_password_for_pmi_meetings: "jbh_only"`, `force_pmi_jbh_password`, `allow_passcode`.
   */
  settings: [
    "require",
    "requires",
    "allow",
    "allows",
    "enable",
    "disable",
    "enforce",
    "force",
    "use",
    "show",
    "hide",
    "is",
    "has",
  ],
  /** Tokens that carry a place, not a right: pagination cursors and idempotency keys (`next_page_token`). */
  placeTokens: [
    "page",
    "next",
    "prev",
    "previous",
    "continuation",
    "pagination",
    "paging",
    "cursor",
    "sync",
    "delta",
    "skip",
    "idempotency",
  ],
  /**
   * What names a request where a `key` after it would name a credential (`idempotency_key`): with
   * `placeTokens` before `token`, the runs `namesSentSecret` takes out of a name (`PLACE_NAME`).
   */
  placeKeys: ["idempotency"],
  runs: [
    "apikey",
    "accesskey",
    "privatekey",
    "secretkey",
    "signingkey",
    "subscriptionkey",
    "authkey",
    "sessionkey",
    // A live stream's key lets anyone stream as the account; a host key claims a meeting's host.
    "streamkey",
    "hostkey",
    // Azure Functions' `x-functions-key`, Datadog's `DD-Application-Key` and `app_key`, a `dbpass`.
    "functionskey",
    "applicationkey",
    "appkey",
    "dbpass",
    // `x-api-key` written as one word, where `apikey` no longer starts a word (`runs`).
    "xapikey",
  ],
  /**
   * Names that are a credential as a whole (an `X-` before them aside), a part of too many others:
   * Google's `?key=`, Firebase's `?auth=` and `X-Auth` (not `sign_in_with_two_factor_auth`); a
   * Zoom access key's `?zak=`, which starts a meeting as its host (a `start_url`'s), and a token's
   * short `?tk=` (a registrant's `join_url …?tk=`, which joins as that registrant). Not as a field
   * of a JSON value, where they name an entry far more often (`{"key": "color", "value": "red"}`,
   * Zoom's custom attributes `{"key": "cb3674544gexq", "name": …}`).
   */
  wholeNames: ["key", "auth", "zak", "tk"],
  /**
   * Words read apart from what a word holds before them (`accesstoken`, `userpassword`): the long
   * ones of `words` and `lastWords`, which end no other word. Not `bearer` (`cupbearer`),
   * `authorization` (`preauthorization`), nor a short one (`bypass`, `spin`, `config`).
   */
  runTogether: [
    "password",
    "passwd",
    "passphrase",
    "passcode",
    "secret",
    "secrets",
    "credential",
    "credentials",
    "token",
    "tokens",
    "signature",
  ],
  /**
   * Words that a command line masks a name by wherever they are among its words, beyond `words`
   * and `runs`: what it prints may be pasted anywhere, so `auth` and `oauth` take in every
   * `X-Auth-…` and `oauth_…` (nonce and signature included), `key` every kind of key (`X-Org-Key`),
   * `token` a token's name anywhere. Words, not parts of one: `keyword`, `monkey` and `author`
   * name no credential. `passw` is a part, for a client's errors (`SECRET_NAME`), which look for
   * these in a name's letters run together: every spelling of password. Not `session`:
   * `sessionId` names a resource in a URL as often as a login.
   */
  maskedAnywhere: ["auth", "authentication", "key", "oauth", "passw", "signature", "token"],
  /**
   * Parts that make an OAuth 2 token request parameter a secret wherever they appear in its key
   * (`client_assertion`, `refresh_token`), beyond the rule: such a parameter goes to the token
   * endpoint alone, so its key is taken at its broadest.
   */
  tokenParamParts: ["secret", "password", "assertion", "token"],
};

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
export function namesCredential(key: string): boolean {
  return judged(key, true);
}

/** `namesCredential` for a field of a JSON value: without `wholeNames`, which name an entry there. */
export function namesCredentialField(key: string): boolean {
  return judged(key, false);
}

/**
 * Whether a key's last word is one of `describing` (`type`, `id`, `token_type`, `algorithm`): a
 * field under a credential's name with such a key says what the credential is, how it is made or
 * what it reaches, and holds none of it (load/credentials.ts's `jsonWithoutCredentials`:
 * `{"token": {"type": "SETUP_TOKEN"}}`), as `token_type` or `password_policy` written flat holds none.
 */
export function endsDescribing(key: string): boolean {
  const words = wordsOf(key);
  return CREDENTIAL_NAMES.describing.includes(words[words.length - 1] ?? "");
}

// The lists are read as they are: a Set made when the module loads would keep every table in a
// bundle that takes only `SECRET_NAME` from this module, as a client's errors do.
function judged(key: string, whole: boolean): boolean {
  const { describing, settings, lastWords, placeTokens, wholeNames, runs } = CREDENTIAL_NAMES;
  const words = wordsOf(key);
  const last = words[words.length - 1] ?? "";
  const setting = words.length > 1 && (describing.includes(last) || settings.includes(words[0]!));
  if (!setting && words.some((word) => CREDENTIAL_NAMES.words.includes(word))) return true;
  // A version or a hash's size after the last word (`X-Hub-Signature-256`) does not change what it names.
  let end = words.length - 1;
  while (end > 0 && /^\d+$/.test(words[end]!)) end--;
  if (lastWords.includes(words[end] ?? "") && !placeTokens.includes(words[end - 1] ?? ""))
    return true;
  if (whole && wholeNames.includes((words[0] === "x" ? words.slice(1) : words).join(" ")))
    return true;
  // From a word's start: inside a word, a run is part of another (`ghost_key` holds `hostkey`).
  return words.some((_, i) => {
    const rest = words.slice(i).join("");
    return runs.some((run) => rest.startsWith(run));
  });
}

/** A name's words: camelCase and any separator split it, lower-cased, a word ending with one of `runTogether` read as two. */
function wordsOf(key: string): string[] {
  const { runTogether } = CREDENTIAL_NAMES;
  // A number written on (`Signature256`) is a word of its own, as it is after a separator.
  return key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/([a-zA-Z])([0-9])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .flatMap((word) => {
      // The longest, so that `clientsecrets` ends with `secrets`, not `secret`'s `s` left over.
      let tail = "";
      for (const run of runTogether)
        if (word.length > run.length && word.endsWith(run) && run.length > tail.length) tail = run;
      return tail ? [word.slice(0, -tail.length), tail] : [word];
    });
}

/** Whether an OAuth 2 token request parameter's key names a secret: by the rule, or holding a `tokenParamParts` part. */
export function namesTokenParamSecret(key: string): boolean {
  const lower = key.toLowerCase();
  return (
    CREDENTIAL_NAMES.tokenParamParts.some((part) => lower.includes(part)) || namesCredential(key)
  );
}

/**
 * The rule without its exceptions, for a command line to mask by (namesSecret): a name is masked
 * when a run of its words, together, is one of these (`api_key`, `X-Org-Key`, `newPassword`,
 * `password_policy` and `next_page_token` too: printing their values masked costs nothing, while
 * the loader's exceptions keep examples that are no secret), or it ends with one of
 * `credentialLastWords()` but for digits.
 */
export function credentialWords(): string[] {
  return [
    ...new Set<string>([
      ...CREDENTIAL_NAMES.words,
      ...CREDENTIAL_NAMES.runs,
      ...CREDENTIAL_NAMES.maskedAnywhere,
      ...CREDENTIAL_NAMES.tokenParamParts,
    ]),
  ].sort();
}

/**
 * `credentialWords()` but each that holds another (`apikey`: `key`; `secrets`: `secret`): the
 * parts a client's errors look for anywhere in a name's letters run together (`SECRET_NAME`),
 * having no words to read it by.
 */
export function credentialParts(): string[] {
  const all = credentialWords();
  return all.filter((word) => !all.some((other) => other !== word && word.includes(other)));
}

/**
 * The words a command line masks a name by at its end only (`api_sig`, but not `design`): see
 * `credentialWords`. The whole names too (`zak`, `X-Tk`), which `maskedAnywhere` does not cover:
 * short, they are parts of too many other words to be looked for anywhere.
 */
export function credentialLastWords(): string[] {
  const anywhere = credentialParts();
  return [...CREDENTIAL_NAMES.lastWords, ...CREDENTIAL_NAMES.wholeNames]
    .filter((word) => !anywhere.some((other) => word.includes(other)))
    .sort();
}

/**
 * An auth scheme followed by its credential (`Bearer abc`, `Basic dXNlcjpwdw==`, `Token abc`,
 * `Digest username="a", response="…"`), the credential captured: a header holding one carries a
 * credential whatever its name (`X-Custom: Bearer abc`).
 */
export const AUTH_SCHEME: RegExp = /^\s*(?:bearer|basic|token|digest)\s+(\S.*)$/is;

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
export function userInfoPattern(flags: string, whole = false): RegExp {
  const scheme = "[a-z0-9+.-]+:";
  return whole
    ? new RegExp(`^((?:${scheme})?//)?([^/?#]*)@`, `i${flags}`)
    : new RegExp(`(?<![a-z0-9+.-])(${scheme}//)([^\\s/?#]*)@`, `i${flags}`);
}

/** The words a command line or a mock masks names by: see `credentialWords`. */
export interface MaskWords {
  readonly credentialWords: readonly string[];
  readonly credentialLastWords: readonly string[];
}

/**
 * Whether a header's, a parameter's, a field's or a key's name says that its value is a credential,
 * for masking what is printed: a run of its words (camelCase and any separator split it, as
 * `namesCredential` reads it), together, is one of `credentialWords` or that with an `s` (`api_key`,
 * `X-Api-Keys`, `Pass_Word`; not `keyword`), or its letters and digits, lower-cased and run
 * together, end with one of `credentialLastWords` but for digits (`X-Hub-Signature-256`). Every
 * name the loader's rule takes is masked too (`namesTokenParamSecret`, `namesCredential` within
 * it): a run read from a word's start to within another (`apiKeyId`), a part of a token request's
 * parameter anywhere (`client_assertion_type`).
 */
export function namesSecret(name: string, words: MaskWords): boolean {
  const parts = wordsOf(name);
  const is = (run: string) =>
    words.credentialWords.includes(run) ||
    (run.endsWith("s") && words.credentialWords.includes(run.slice(0, -1)));
  // Each run of words, from each word on, grown a word at a time.
  for (let i = 0; i < parts.length; i++) {
    let run = "";
    for (const part of parts.slice(i)) if (is((run += part))) return true;
  }
  const body = parts.join("").replace(/[0-9]+$/, "");
  return (
    words.credentialLastWords.some((word) => body.endsWith(word)) || namesTokenParamSecret(name)
  );
}

/**
 * `namesSecret`'s words written out as one pattern, to test a name's letters and digits lower-cased
 * and run together by: `credentialParts()` anywhere, `credentialLastWords()` at the end but for
 * digits. Wider than `namesSecret` (`keyword` holds `key`), as it reads no words: a name's words
 * would cost every bundle the code that splits them. What a client's errors mask headers by
 * (src/runtime/sent-secrets.ts): its runtime cannot work the words out of the tables above, which
 * every bundle would then carry (1 KB of a one-operation bundle's 6.5).
 * test/runtime/credential-names.test.ts checks that these are the words those functions give.
 */
export const SECRET_NAME: RegExp =
  /assertion|auth|bearer|cookie|credential|dbpass|hmac|jwt|key|otp|passcode|passphrase|passw|pwd|secret|signature|token|(?:pass|pin|session|sig|tk|zak)\d*$/;

/**
 * Runs of a name's letters and digits that hold a word of `SECRET_NAME` but name a page or a
 * request, not a right: a place token (`page_token`, `next_page_token`, `syncToken`: a word of
 * `placeTokens` before `token`) and an idempotency key (`idempotency_key`: `placeKeys` before
 * `key`). test/runtime/credential-names.test.ts checks that they are the tables'. Written out, as
 * `SECRET_NAME` is, so that a bundle holds no table.
 */
export const PLACE_NAME: RegExp =
  /(?:page|next|prev|previous|continuation|pagination|paging|cursor|sync|delta|skip|idempotency)token|(?:idempotency)key/g;

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
export function namesSentSecret(name: string): boolean {
  return SECRET_NAME.test(
    name
      .toLowerCase()
      .replace(/[^a-z\d]/g, "")
      .replace(PLACE_NAME, " "),
  );
}

/**
 * A URL's path and query as sent, with the value of each query parameter whose name says it holds
 * a credential masked (`/ex?api_key=***&page=2`), for a log line or a message that echoes a request
 * (the mocks'). By the rule the loader leaves a query parameter's value out by (namesCredential),
 * not the command line's wider one: a page's token, a search key or keywords are what a reader of
 * the log needs (`?next_page_token=…&search_key=…&keywords=…`), and hold no credential.
 */
export function maskedPathAndQuery(url: URL, mask = "***"): string {
  if (!url.search) return url.pathname;
  const pairs = url.search
    .slice(1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      if (eq < 0) return pair;
      let name = pair.slice(0, eq);
      try {
        name = decodeURIComponent(name.replace(/\+/g, " "));
      } catch {
        // A name that does not decode is judged as written.
      }
      return namesCredential(name) ? `${pair.slice(0, eq)}=${mask}` : pair;
    });
  return `${url.pathname}?${pairs.join("&")}`;
}
