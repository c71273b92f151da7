// Applies an operation's auth to a built request, one authorizer per auth type (the generated code
// imports the ones its operations use). Credentials come from the client's options, else from the
// collection's variables. A call with none at all is refused (noCredential), not sent without it.
import { ValidationError } from "./errors.js";
import { fillTemplate, type Lookup } from "./template.js";
import {
  HALF_CHARACTER,
  setHeader,
  wellFormed,
  type BuiltRequest,
  type RequestBody,
} from "./request.js";
import { schemeSecrets } from "./sent-secrets.js";
import type { AuthSpec, CallSpec } from "./spec.js";

/** An access token as the token endpoint gave it, with the time it expires. */
export interface OAuth2Token {
  accessToken: string;
  tokenType?: string;
  /** Milliseconds since the epoch; absent when the endpoint gave no lifetime. */
  expiresAt?: number;
  refreshToken?: string;
  scope?: string;
}

export interface OAuth2Options {
  clientId?: string | undefined;
  clientSecret?: string | undefined;
  /** Password grant: the resource owner's credentials. */
  username?: string | undefined;
  password?: string | undefined;
  /** Replaces the collection's scope. */
  scope?: string | undefined;
  /** A token kept from an earlier session (see `onToken`); refreshed with its refresh token when expired. */
  token?: OAuth2Token | undefined;
  /**
   * Authorization code grant: sends the user to `url` (a browser, a device prompt) and resolves
   * with the code the redirect brought back, or the whole redirect URL.
   */
  authorize?: ((url: URL) => string | Promise<string>) | undefined;
  /** Called with each token the client obtains or renews, to keep it (it holds secrets: store it safely). */
  onToken?: ((token: OAuth2Token) => void | Promise<void>) | undefined;
  /** How long before its expiry a token is renewed, in seconds (default 60); at most half its life. */
  expiryMarginSeconds?: number | undefined;
}

/** A credential, or a function that returns one for each request (so expiring tokens can be refreshed). */
export type Credential = string | (() => string | undefined | Promise<string | undefined>);

/**
 * The credential options (all but `oauth2` and `sign`) take `null` too: no credential, on purpose,
 * and no auth sent at all, the collection's credentials neither (an `onRequest` hook or the app's
 * `fetch` adds it); `declined` decides it. Left out where the collection has no credential either,
 * such a call is refused (noCredential), unless the caller's `headers` send the auth's header.
 */
export interface AuthOptions {
  /** OAuth 2.0 / bearer token, sent as `Authorization: Bearer <token>`; `null`: no auth at all, on purpose. */
  token?: Credential | null | undefined;
  /** API key, sent in the header or query parameter the collection names; `null`: no auth at all, on purpose. */
  apiKey?: Credential | null | undefined;
  /** HTTP Basic credentials; `null`: no auth at all, on purpose. */
  basic?: { username: string; password: string } | null | undefined;
  /** OAuth 1.0a credentials (RSA methods: a PEM private key); each part given wins over the collection's `{{variable}}`; `null`: no auth at all, on purpose. */
  oauth1?:
    | {
        consumerKey?: string | undefined;
        consumerSecret?: string | undefined;
        token?: string | undefined;
        tokenSecret?: string | undefined;
        privateKey?: string | undefined;
      }
    | null
    | undefined;
  /** HTTP Digest credentials; `null`: no auth at all, on purpose. */
  digest?: { username: string; password: string } | null | undefined;
  /** Hawk credentials; `algorithm` overrides the collection's; `null`: no auth at all, on purpose. */
  hawk?: { id: string; key: string; algorithm?: "sha256" | "sha1" | undefined } | null | undefined;
  /** AWS credentials for Signature Version 4 (temporary ones with their session token); `null`: no auth at all, on purpose. */
  aws?:
    | { accessKeyId: string; secretAccessKey: string; sessionToken?: string | undefined }
    | null
    | undefined;
  /** OAuth 2.0 grants the client runs itself: client credentials, the app's `authorize` step, a token to start from, `onToken` to keep it. `token` wins over all of it (`null` too: no auth, no grant). */
  oauth2?: OAuth2Options | undefined;
  /** The JWT's signing secret (HS algorithms) or PEM private key (the others); `null`: no auth at all, on purpose. */
  jwt?: { secret?: string | undefined; privateKey?: string | undefined } | null | undefined;
  /** Akamai EdgeGrid credentials (the .edgerc's client_token, client_secret, access_token); `null`: no auth at all, on purpose. */
  edgegrid?: { clientToken: string; clientSecret: string; accessToken: string } | null | undefined;
  /**
   * Signs requests of operations whose auth the client cannot compute (NTLM, or a type it does
   * not know): set headers or query parameters on `request` in place.
   */
  sign?: ((request: SignableRequest) => void | Promise<void>) | undefined;
}

export interface SignableRequest {
  operation: string;
  /** The collection's auth type, e.g. `oauth1`. */
  scheme: string;
  method: string;
  url: URL;
  headers: Headers;
  body: RequestBody | undefined;
}

/**
 * Applies an operation's auth to its request, before each attempt (the generated code passes the
 * one each operation uses). It may return a function for a 401 answer: true when the request is
 * worth signing and sending once more (a Digest challenge answered, an OAuth 2 token renewed).
 * `signal` and `timeoutMs` are the call's, for what waits on the network (an OAuth 2 token).
 */
export type Authorizer = (
  op: CallSpec,
  request: BuiltRequest,
  options: AuthOptions,
  lookup: Lookup,
  session: Session,
  signal?: AbortSignal,
  timeoutMs?: number,
) => void | Reauthorize | Promise<void | Reauthorize>;

/** Called with a 401 answer: true to sign the request anew and send it again, once per call. */
export type Reauthorize = (response: Response) => boolean | Promise<boolean>;

/** The client options that give a credential, which noCredential names. */
export type CredentialOption = Exclude<keyof AuthOptions, "oauth2" | "sign">;

/** What a client's signers keep between its calls (a Digest challenge per origin), under keys of their own. */
export type Session = Map<string, unknown>;

/**
 * An auth the collection declares, given no credential by the caller nor by the collection: the
 * call is refused before anything is sent, rather than sent without one, as an unset `{{token}}`
 * is (an unset environment variable in a deploy would otherwise fail only at the API). Not when
 * the caller sends the auth's header itself (`sent`: the client's or the call's `headers`); an
 * option given as `null` never comes here (`declined`). `option` is set on the error, so that the
 * command line names its flags instead. `what`: what to pass, where the credential is partly there
 * (`hawk: { key }`, signing.ts's needCredential).
 */
export function noCredential(
  op: CallSpec,
  option: CredentialOption,
  sent: boolean,
  what: string = option,
): void {
  if (!sent)
    throw Object.assign(
      new ValidationError(
        op.name,
        undefined,
        `the collection's auth needs a credential: pass createClient({ ${what} }), or ${option}: null to send none`,
      ),
      { option },
    );
}

/**
 * Whether the caller gave `option` as `null`: no credential, on purpose, and no auth at all. The
 * collection's credentials are not used either, nor an OAuth 2.0 grant run: every authorizer that
 * takes a credential option asks this first and sends the request as it is (an unset `{{token}}`
 * would refuse the call the caller meant to send without one; a hook or the app's fetch adds it).
 */
export function declined(options: AuthOptions, option: CredentialOption): boolean {
  return options[option] === null;
}

/**
 * A credential of the collection's, where it refers to variables (`{{token}}`); `option`: the
 * client option that gives it, which the error of a variable without a value names.
 */
function fromCollection(
  op: CallSpec,
  template: string | undefined,
  lookup: Lookup,
  option: keyof AuthOptions,
): string | undefined {
  // "" fills to "": no test for undefined of its own (the seed bundle's bytes).
  return template && fillTemplate(template, lookup, op.name, option);
}

// Not async: a token given as text is set at once, without a promise for the client to await.
export const authorizeBearer: Authorizer = (op, request, options, lookup) => {
  if (declined(options, "token")) return;
  const given = options.token;
  return typeof given === "function"
    ? Promise.resolve(given()).then((token) => setBearer(op, request, token, lookup))
    : setBearer(op, request, given, lookup);
};

function setBearer(
  op: CallSpec,
  request: BuiltRequest,
  given: string | null | undefined,
  lookup: Lookup,
): void {
  const token =
    given ??
    fromCollection(op, (op.auth as Extract<AuthSpec, { type: "bearer" }>).token, lookup, "token");
  if (token) setHeader(op, request.headers, "authorization", `Bearer ${token}`, "the token");
  else if (token === undefined) noCredential(op, "token", request.headers.has("authorization"));
}

export const authorizeApiKey: Authorizer = async (op, request, options, lookup) => {
  if (declined(options, "apiKey")) return;
  const auth = op.auth as Extract<AuthSpec, { type: "apikey" }>;
  const key =
    (await resolveCredential(options.apiKey)) ?? fromCollection(op, auth.value, lookup, "apiKey");
  const { url } = request;
  if (key === undefined) {
    // The key is checked first: without one, a name whose {{variable}} has no value was sent by
    // no one, and the refusal is the credential's, not the name's variable's.
    const name = nameIfFilled(auth.name, lookup, op.name);
    noCredential(
      op,
      "apiKey",
      name !== undefined && (auth.in === "query" ? inQuery(url, name) : request.headers.has(name)),
    );
  }
  if (!key) return;
  // Postman fills {{variables}} in every auth field, the key's name too.
  const name = fillTemplate(auth.name, lookup, op.name);
  if (auth.in === "query") {
    let pair: string;
    try {
      pair = `${encodeURIComponent(name)}=${encodeURIComponent(key)}`;
    } catch {
      throw new ValidationError(op.name, undefined, `the API key ${HALF_CHARACTER}`);
    }
    setQuery(url, [...queryWithout(url, name), pair]);
  } else setHeader(op, request.headers, name, key, "the API key");
};

/**
 * Sets the URL's query to `pairs` (each already encoded), none removing it. The `?` is written
 * here: the search setter drops one leading `?`, which would be the first pair's own when its key
 * starts with one (`??=x`, Postman's `?=x` pair).
 */
export function setQuery(url: URL, pairs: readonly string[]): void {
  const query = pairs.filter(Boolean).join("&");
  url.search = query && `?${query}`;
}

/**
 * The URL's query pairs but those named `name`: an auth that puts its credential in the query
 * replaces the item's own pairs of that name, as Postman's authorizers do. The others stay as
 * they were encoded (searchParams would encode the whole query again: a%20b → a+b).
 */
export function queryWithout(url: URL, name: string): string[] {
  return url.search
    .slice(1)
    .split("&")
    .filter((pair) => pair && decodeKey(pair.split("=")[0]!) !== name);
}

/** The API key's name filled, or undefined where a {{variable}} it refers to has no value. */
function nameIfFilled(template: string, lookup: Lookup, operation: string): string | undefined {
  try {
    return fillTemplate(template, lookup, operation);
  } catch (error) {
    if (error instanceof ValidationError && error.missing) return undefined;
    throw error;
  }
}

/** Whether the URL's query has a pair named `name`: the caller's own credential, where an auth sends one there. */
export function inQuery(url: URL, name: string): boolean {
  return queryWithout(url, name).length < url.search.slice(1).split("&").filter(Boolean).length;
}

function decodeKey(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export const authorizeBasic: Authorizer = (op, request, options, lookup) => {
  if (declined(options, "basic")) return;
  const auth = op.auth as Extract<AuthSpec, { type: "basic" }>;
  // A URL's user info is percent-decoded once filled, as postman-request decodes it.
  const filled = (template: string | undefined) => {
    const value = fromCollection(op, template, lookup, "basic");
    return value && auth.fromUrl ? decodeKey(value) : value;
  };
  // Encoded as UTF-8, which would send half a character as U+FFFD.
  const username = wellFormed(
    op,
    options.basic?.username ?? filled(auth.username),
    "the basic username",
  );
  const password = wellFormed(
    op,
    options.basic?.password ?? filled(auth.password) ?? "",
    "the basic password",
  );
  // An error masks the pair and the password as a server may quote them, decoded (sentSecrets, as
  // for a Basic header the app sets itself).
  if (username === undefined) noCredential(op, "basic", request.headers.has("authorization"));
  else request.headers.set("authorization", `Basic ${base64(`${username}:${password}`)}`);
};

/** Schemes the client cannot compute: the caller's `sign` hook does it, or the call is refused. */
export const authorizeSigned: Authorizer = async (op, request, options) => {
  const auth = op.auth as Extract<AuthSpec, { type: "custom" }>;
  if (!options.sign) {
    const why = auth.reason ? ` (${auth.reason})` : "";
    throw new ValidationError(
      op.name,
      undefined,
      `the collection signs this request with ${auth.scheme}, which the client cannot compute${why}: pass createClient({ sign })`,
    );
  }
  // What the hook writes is read as any scheme's: its parameters, a Basic pair, a form's pairs.
  request.sentSecrets = schemeSecrets;
  await options.sign({
    operation: op.name,
    scheme: auth.scheme,
    method: request.method,
    url: request.url,
    headers: request.headers,
    body: request.body,
  });
};

/** A credential option's value: a function's result, or the value (`null`, none, as undefined). OAuth 2's `token` too. */
export async function resolveCredential(
  credential: Credential | null | undefined,
): Promise<string | undefined> {
  return typeof credential === "function" ? credential() : (credential ?? undefined);
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
