// OAuth 2.0 with the grant the collection configures: the client fetches its own access token from
// the token endpoint (client credentials, password, authorization code with or without PKCE, and
// refresh tokens), keeps it per client until shortly before it expires, asks once for N parallel
// calls, and on a 401 renews it and sends the request once more. Sent as Postman sends it
// (postman-runtime's lib/authorizer/oauth2.js): `<headerPrefix> <token>` in Authorization, or
// `access_token` in the query. An explicit `token` option always wins.
// Its options' types are in auth.ts, beside AuthOptions: a package whose operations use no OAuth 2.0
// has no oauth2 module (emit/runtime-modules.ts), and still exports them with AuthOptions.
import {
  declined,
  noCredential,
  queryWithout,
  setQuery,
  resolveCredential,
  type Authorizer,
  type AuthOptions,
  type OAuth2Options,
  type OAuth2Token,
} from "./auth.js";
import { DEFAULT_TIMEOUT_MS, MAX_TIMER_MS } from "./core.js";
import { apiError, ConnectionError, TimeoutError, ValidationError } from "./errors.js";
import { namesTokenParamSecret } from "./credential-names.js";
import { masker } from "./redact.js";
import { sentSecrets } from "./sent-secrets.js";
import { wellFormed, type BuiltRequest } from "./request.js";
import {
  authValue,
  base64,
  digest,
  hex,
  percentEncode,
  randomString,
  setAuthHeader,
  utf8,
  type TextField,
} from "./signing.js";
import type { OAuth2Spec, CallSpec } from "./spec.js";
import { fillTemplate, type Lookup } from "./template.js";

interface Entry {
  token?: OAuth2Token;
  /** When the token is renewed (ms since the epoch): 0 once refused, Infinity when it does not expire. */
  renewAt: number;
  pending?: Promise<OAuth2Token> | undefined;
}

export const authorizeOAuth2: Authorizer = async (
  op,
  request,
  options,
  lookup,
  session,
  signal,
  timeoutMs = Infinity,
) => {
  // `token: null`: no auth at all, as a bearer token's, the collection's token neither and no grant run.
  if (declined(options, "token")) return;
  const auth = op.auth as OAuth2Spec;
  // An explicit token (string or function) wins over any grant.
  const explicit = await resolveCredential(options.token);
  if (explicit) {
    apply(op, request, auth, explicit, lookup);
    return;
  }
  if (!auth.grant) {
    // The token option (not given: it wins above) names what gives it.
    const token = authValue(op, auth, "token", lookup, undefined, "token");
    if (token) apply(op, request, auth, token, lookup);
    // In the query, the item's own access_token pairs are no token of the caller's: apply drops them.
    else if (token === undefined)
      noCredential(op, "token", auth.addTokenTo !== "queryParams" && request.headers.has("authorization"));
    return;
  }
  const given = options.oauth2 ?? {};
  const tokenUrl = authValue(op, auth, "accessTokenUrl", lookup);
  if (!tokenUrl)
    throw new ValidationError(op.name, undefined, "the collection's OAuth 2.0 auth has no access token URL");
  const value: Value = (field, ...option) => authValue(op, auth, field, lookup, ...option);
  const clientId = value("clientId", given.clientId) ?? "";
  const scope = value("scope", given.scope);
  const params: Grant["params"] = [];
  if (auth.grant === "password")
    params.push(
      ["username", value("username", given.username) ?? ""],
      ["password", value("password", given.password) ?? ""],
    );
  for (const [name, filled] of [
    ["scope", scope],
    ["audience", value("audience")],
    ["resource", value("resource")],
  ] as const)
    if (filled) params.push([name, filled]);
  for (const [name, template] of auth.tokenParams ?? [])
    params.push([
      name,
      wellFormed(op, fillTemplate(template, lookup, op.name), `the oauth2 token parameter ${JSON.stringify(name)}`),
      true,
    ]);
  const grant: Grant = {
    auth,
    tokenUrl,
    clientId,
    scope,
    clientSecret: value("clientSecret", given.clientSecret),
    params,
  };
  // A token per grant input: one user's token is never another's. Hashed, as the key holds secrets.
  const key = `oauth2 ${hex(await digest("SHA-256", JSON.stringify([auth.grant, tokenUrl, clientId, grant.clientSecret, params])))}`;
  const margin = (given.expiryMarginSeconds ?? 60) * 1000;
  // Renewed `margin` before it expires, or halfway through its life when that is shorter (a token
  // that lives 60 s or less would else never be used twice). A kept token's life is not known.
  const renewAt = (token: OAuth2Token, life = Infinity) =>
    token.expiresAt === undefined ? Infinity : token.expiresAt - Math.min(margin, life / 2);
  let entry = session.get(key) as Entry | undefined;
  if (!entry)
    session.set(key, (entry = given.token ? { token: given.token, renewAt: renewAt(given.token) } : { renewAt: 0 }));
  const current = entry;
  const obtain = (): Promise<OAuth2Token> =>
    (current.pending ??= fetchToken(op, options, lookup, grant, current.token?.refreshToken).then(
      (token) => {
        current.token = token;
        current.renewAt = renewAt(token, (token.expiresAt ?? 0) - Date.now());
        current.pending = undefined;
        return token;
      },
      (error: unknown) => {
        current.pending = undefined;
        throw error;
      },
    ));
  let token = current.token;
  if (!token || current.renewAt <= Date.now()) {
    signal?.throwIfAborted();
    // This call waits for the shared request as long as its signal and timeout allow, except while
    // the app's `authorize` waits for the user; giving up ends only its own wait.
    const waited = auth.grant === "authorization_code" && !token?.refreshToken ? Infinity : timeoutMs;
    token = await waitFor(obtain(), signal, waited, () => tokenTimeout(op, tokenUrl, waited));
  }
  apply(op, request, auth, token.accessToken, lookup);
  // A 401: the token was revoked or expired early. Renew it (by its refresh token, if it has one),
  // unless another call renewed it already.
  return () => {
    if (current.token === token) current.renewAt = 0;
    return true;
  };
};

function apply(op: CallSpec, request: BuiltRequest, auth: OAuth2Spec, token: string, lookup: Lookup): void {
  // The option's or the endpoint's token (JSON can hold half a character, escaped), as the collection's is.
  wellFormed(op, token, "the oauth2 token");
  // The item's own access_token pairs are dropped wherever the token goes, as Postman drops them.
  const { url } = request;
  const kept = queryWithout(url, "access_token");
  if (auth.addTokenTo === "queryParams") {
    setQuery(url, [...kept, `access_token=${encodeURIComponent(token)}`]);
    return;
  }
  setQuery(url, kept);
  const prefix = (authValue(op, auth, "headerPrefix", lookup) ?? "Bearer").trim();
  setAuthHeader(op, request, "authorization", prefix ? `${prefix} ${token}` : token, "the OAuth 2.0 access token");
}

/** `promise`, or the signal's reason or the timeout's error, whichever comes first; `promise` goes on. */
function waitFor<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  ms: number,
  timeout: () => Error,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onAbort: (() => void) | undefined;
  const ended = new Promise<never>((_, reject) => {
    if (ms <= MAX_TIMER_MS) timer = setTimeout(() => reject(timeout()), ms);
    if (signal) signal.addEventListener("abort", (onAbort = () => reject(signal.reason)), { once: true });
  });
  return Promise.race([promise, ended]).finally(() => {
    clearTimeout(timer);
    if (onAbort) signal!.removeEventListener("abort", onAbort);
  });
}

function tokenTimeout(op: CallSpec, url: string, ms: number): TimeoutError {
  return new TimeoutError(op.name, ms, `no token from the token endpoint ${url.split(/[?#]/)[0]}`);
}

/** A field of the collection's auth, filled; `option` (the client's) wins. */
/** A field of the auth; `option`, where passed (even undefined), is the oauth2 option's part that gives it (authValue). */
type Value = (field: TextField<OAuth2Spec>, ...option: [given?: string]) => string | undefined;

/** The grant's inputs, filled. */
interface Grant {
  auth: OAuth2Spec;
  tokenUrl: string;
  clientId: string;
  scope: string | undefined;
  clientSecret: string | undefined;
  /** The body's parameters besides the grant type and client: those marked true are sent with a refresh token too. */
  params: Array<[string, string, true?]>;
}

/** A token from the endpoint: by the refresh token when there is one, else by the collection's grant. */
async function fetchToken(
  op: CallSpec,
  options: AuthOptions,
  lookup: Lookup,
  grant: Grant,
  refreshToken: string | undefined,
): Promise<OAuth2Token> {
  const { auth, clientId, clientSecret } = grant;
  const given = options.oauth2 ?? {};
  const value: Value = (field, ...option) => authValue(op, auth, field, lookup, ...option);
  let url = grant.tokenUrl;
  const params: Array<[string, string]> = [["grant_type", refreshToken ? "refresh_token" : auth.grant!]];
  if (refreshToken) {
    url = value("refreshTokenUrl") || url;
    params.push(["refresh_token", refreshToken]);
  } else if (auth.grant === "authorization_code") params.push(...(await authorizationCode(op, given, grant, value)));
  for (const [name, text, always] of grant.params) if (always || !refreshToken) params.push([name, text]);
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", accept: "application/json" });
  if (auth.clientAuthentication === "body") {
    params.push(["client_id", clientId]);
    if (clientSecret) params.push(["client_secret", clientSecret]);
  } else if (clientSecret !== undefined) {
    // RFC 6749 section 2.3.1: each part form-encoded, then Basic.
    const form = (text: string) => encodeURIComponent(text).replace(/%20/g, "+");
    headers.set("authorization", `Basic ${base64(utf8(`${form(clientId)}:${form(clientSecret)}`))}`);
  } else {
    params.push(["client_id", clientId]);
  }
  const endpoint = url.split(/[?#]/)[0];
  const client = options as { fetch?: typeof fetch; timeoutMs?: number };
  // The request is shared by every call waiting for a token, so none of their signals ends it: it
  // has the client's time limit of its own, and its failure clears the way for the next call's.
  const limit = client.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = limit <= MAX_TIMER_MS ? setTimeout(() => controller.abort(), limit) : undefined;
  let response: Response;
  let text: string;
  try {
    response = await (client.fetch ?? globalThis.fetch)(url, {
      method: "POST",
      headers,
      body: new URLSearchParams(params),
      signal: controller.signal,
    });
    text = await response.text();
  } catch (error) {
    if (controller.signal.aborted) throw tokenTimeout(op, url, limit);
    throw new ConnectionError(
      op.name,
      `the token endpoint ${endpoint} could not be reached: ${(error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
  let body: Record<string, unknown> | undefined;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
      body = parsed as Record<string, unknown>;
  } catch {
    body = undefined;
  }
  // A refresh token refused (expired, revoked): the grant itself, once.
  if (refreshToken && response.status >= 400 && response.status < 500)
    return fetchToken(op, options, lookup, grant, undefined);
  if (!response.ok || typeof body?.["access_token"] !== "string" || body["access_token"] === "") {
    const code = typeof body?.["error"] === "string" ? body["error"] : undefined;
    // An endpoint may quote what it got. Each parameter whose key names a secret (the client's
    // secret, the refresh token, the user's password, a client assertion, a token parameter of
    // the collection's) and the authorization code grant's code and PKCE verifier, which redeem
    // a token once; the Basic pair the client may send instead, as `sentSecrets` reads one.
    const sent = { url: new URL(url), headers };
    const mask = masker([
      ...params
        .filter(([name]) => namesTokenParamSecret(name) || name === "code" || name === "code_verifier")
        .map(([, text]) => text),
      ...sentSecrets(sent, sent),
      clientSecret ?? "",
    ]);
    const description = typeof body?.["error_description"] === "string" ? mask(body["error_description"]) : undefined;
    throw apiError({
      operation: op.name,
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      // Only the endpoint's error: an answer that is not one may hold a token.
      body: code ? { error: code, ...(description ? { error_description: description } : {}) } : undefined,
      code,
      description: `the token endpoint ${endpoint}`,
      codeDescription: undefined,
      apiMessage: description ?? (response.ok ? "the answer holds no access_token (is it JSON?)" : undefined),
    });
  }
  const expiresIn = Number(body["expires_in"]);
  const token: OAuth2Token = {
    accessToken: body["access_token"],
    ...(typeof body["token_type"] === "string" ? { tokenType: body["token_type"] } : {}),
    ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: Date.now() + expiresIn * 1000 } : {}),
    // A refresh that brings no new refresh token leaves the old one good.
    ...(typeof body["refresh_token"] === "string"
      ? { refreshToken: body["refresh_token"] }
      : refreshToken
        ? { refreshToken }
        : {}),
    ...(typeof body["scope"] === "string" ? { scope: body["scope"] } : {}),
  };
  await given.onToken?.(token);
  return token;
}

/** The code (and PKCE verifier) of the authorization code grant, through the app's `authorize`. */
async function authorizationCode(
  op: CallSpec,
  given: OAuth2Options,
  grant: Grant,
  value: Value,
): Promise<Array<[string, string]>> {
  const { auth } = grant;
  const authUrl = value("authUrl");
  if (!given.authorize || !authUrl) {
    throw new ValidationError(
      op.name,
      undefined,
      "the collection's OAuth 2.0 auth uses the authorization code grant: pass createClient({ oauth2: { authorize } }), which sends the user to the authorization URL and resolves with the code",
    );
  }
  const redirectUri = value("redirectUri");
  const state = randomString(24);
  const url = new URL(authUrl);
  const query: Array<[string, string]> = [
    ["response_type", "code"],
    ["client_id", grant.clientId],
    ...(redirectUri ? [["redirect_uri", redirectUri] as [string, string]] : []),
    ...(grant.scope ? [["scope", grant.scope] as [string, string]] : []),
    ["state", state],
  ];
  let verifier: string | undefined;
  if (auth.pkce) {
    verifier = randomString(64);
    const plain = auth.challengeAlgorithm === "plain";
    query.push(
      [
        "code_challenge",
        plain
          ? verifier
          : base64(await digest("SHA-256", verifier))
              .replace(/\+/g, "-")
              .replace(/\//g, "_")
              .replace(/=+$/, ""),
      ],
      ["code_challenge_method", plain ? "plain" : "S256"],
    );
  }
  setQuery(url, [url.search.slice(1), ...query.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)]);
  const answer = await given.authorize(url);
  let code = answer;
  if (/^[a-z][a-z0-9+.-]*:/i.test(answer)) {
    const redirect = new URL(answer);
    if (redirect.searchParams.get("state") !== state)
      throw new ValidationError(
        op.name,
        undefined,
        "the authorization redirect's state is not the one sent: the code is refused",
      );
    const error = redirect.searchParams.get("error");
    if (error) throw new ValidationError(op.name, undefined, `the authorization server refused: ${error}`);
    code = redirect.searchParams.get("code") ?? "";
  }
  return [
    ["code", code],
    ...(redirectUri ? [["redirect_uri", redirectUri] as [string, string]] : []),
    ...(verifier ? [["code_verifier", verifier] as [string, string]] : []),
  ];
}
