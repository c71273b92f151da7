// The auth a request really uses: its own, else its folders', else the collection's (an absent,
// null or `{}` `auth`, or type "inherit", inherits). Credentials are kept only where they refer to variables
// (one written out becomes a variable the caller must give); who asks (a user
// name, a consumer key, a Hawk id) is no credential and is kept as written.
import { namesTokenParamSecret } from "../runtime/credential-names.js";
import {
  jsonTextWithoutCredentials,
  textWithoutCredentials,
  urlCredentialLeftOut,
  writesLiteral,
} from "./credentials.js";
import { TOKEN, unsendableHeaderName } from "./headers.js";
import { isObject } from "./json.js";
import { CodegenError } from "../errors.js";
import type { AuthModel, Source, Warning } from "../model/types.js";
import { writesAuthorization } from "../model/authorization-header.js";
import { hasReference, withoutReferences } from "../model/references.js";

/** `auth` objects from the collection down to the request, each with its JSON path. */
export type AuthChain = ReadonlyArray<{ auth: unknown; source: Source }>;

/**
 * The parameters the client reads of each scheme it signs itself, as postman-runtime's authorizers
 * name them: credentials (kept only where they refer to variables), settings (kept as written),
 * flags (booleans), and values Postman makes for each request unless given (kept only where they
 * refer to variables: a literal one is what an earlier run left in the collection).
 */
const SIGNED: Record<
  string,
  { credentials: readonly string[]; settings: readonly string[]; flags?: readonly string[]; fresh?: readonly string[] }
> = {
  oauth1: {
    credentials: ["consumerKey", "consumerSecret", "token", "tokenSecret", "privateKey"],
    settings: ["signatureMethod", "version", "realm", "callback", "verifier"],
    flags: ["addParamsToHeader", "addEmptyParamsToSign", "includeBodyHash", "disableHeaderEncoding"],
    fresh: ["timestamp", "nonce"],
  },
  awsv4: {
    credentials: ["accessKey", "secretKey", "sessionToken"],
    settings: ["service", "region"],
    flags: ["addAuthDataToQuery"],
  },
  // The server's challenge (realm, nonce, opaque, nonce count) is state, not configuration.
  digest: { credentials: ["username", "password"], settings: ["algorithm", "qop"] },
  hawk: {
    credentials: ["authId", "authKey"],
    settings: ["algorithm", "user", "extraData", "app", "delegation"],
    flags: ["includePayloadHash"],
    fresh: ["timestamp", "nonce"],
  },
  jwt: {
    credentials: ["secret", "privateKey"],
    settings: ["algorithm", "header", "payload", "addTokenTo", "headerPrefix", "queryParamKey"],
    flags: ["isSecretBase64Encoded"],
  },
  edgegrid: {
    credentials: ["accessToken", "clientToken", "clientSecret"],
    settings: ["baseURL", "headersToSign", "maxBodySize"],
    fresh: ["timestamp", "nonce"],
  },
};

/**
 * Fields of an auth that hold no credential, under the names the model and a collection give them:
 * where and how it is sent (URLs, names, settings, flags), who asks (user names, client, consumer
 * and key ids), and values Postman makes per request. Every other field of an auth (a token, a
 * key, a secret, a password) holds one.
 */
const NOT_CREDENTIAL = new RegExp(
  `^(${(
    "type from in name scheme reason region service algorithm signatureMethod version realm qop grantType " +
    "scope audience resource headerPrefix addTokenTo clientAuthentication username clientId consumerKey " +
    "authId user verifier nonce timestamp extraData headers? queryParamKey payload host baseUri " +
    "challengeAlgorithm codeChallengeMethod state key alg grant_?type client_?authentication nonceCount " +
    "clientNonce opaque headersToSign maxBodySize callback app delegation domain workstation tokenName " +
    "tokenType useBrowser disableRetryRequest addParamsToHeader addEmptyParamsToSign includeBodyHash " +
    "disableHeaderEncoding addAuthDataToQuery includePayloadHash isSecretBase64Encoded kid iss aud sub " +
    "exp claims"
  )
    .split(" ")
    .join("|")})$|url|uri`,
  "i",
);

/** Whether an auth field (by its key) holds a credential, which a client never gets literally. */
export function holdsCredential(field: string): boolean {
  return !NOT_CREDENTIAL.test(field);
}

/** Why a scheme is left to the client's `sign` hook. */
const UNSIGNABLE: Record<string, string> = {
  ntlm: "NTLM authenticates a connection, not a request, and fetch does not expose its connections",
};

/**
 * Auth types the client applies itself; any other is signed by the client's `sign` hook.
 * `queryKeys` are the item's own query keys, which an OAuth 2 token may replace; `file` is named
 * by the error for an auth no client could send. `written` gets each credential the auth writes
 * out and the client is not given (a key, a token, a secret token request parameter, a JWT claim),
 * so that no other text the client documents repeats it (responses.ts's responsesWithoutCredentials).
 */
export function effectiveAuth(
  chain: AuthChain,
  warnings: Warning[],
  queryKeys: readonly string[],
  file: string,
  written: Set<string> = new Set(),
): AuthModel {
  for (let i = chain.length - 1; i >= 0; i--) {
    const { auth, source } = chain[i]!;
    if (!isObject(auth) || typeof auth["type"] !== "string" || auth["type"] === "inherit") continue;
    const type = auth["type"];
    const param = (key: string) => credential(auth, type, key, source, warnings, written);
    switch (type) {
      // An empty type is an auth all the same, of no kind: newman sends none and inherits none
      // (`{}`, without a type, inherits as null does).
      case "":
      case "noauth":
        return { type: "none" };
      case "oauth2": {
        const oauth2 = oauth2Auth(auth, source, warnings, param, queryKeys, written);
        if (oauth2) return oauth2;
        const token = param("accessToken");
        return { type: "bearer", from: type, ...(token ? { token } : {}) };
      }
      case "bearer": {
        const token = param("token");
        return { type: "bearer", from: type, ...(token ? { token } : {}) };
      }
      case "apikey": {
        const name = plain(auth, type, "key") ?? "x-api-key";
        const place = plain(auth, type, "in") === "query" ? "query" : "header";
        // fetch throws on such a name, so every call would fail; a request must not go out without
        // its key either. Refused here, naming the place, before anything is written.
        const unsendable = place === "header" ? unsendableApiKeyHeader(name) : undefined;
        if (unsendable !== undefined)
          throw new CodegenError(
            file,
            paramPlace(auth, type, "key", source),
            `the API key cannot be sent in the header ${JSON.stringify(name)}: ${unsendable}`,
          );
        const value = param("value");
        return { type: "apikey", in: place, name, ...(value ? { value } : {}) };
      }
      case "basic":
        return basicPair(param("username"), param("password"));
      default: {
        const scheme = SIGNED[type];
        if (!scheme) return { type: "custom", scheme: type, ...(UNSIGNABLE[type] ? { reason: UNSIGNABLE[type] } : {}) };
        const model: Record<string, string | boolean> = { type };
        for (const key of scheme.credentials) {
          const value = param(key);
          if (value) model[key] = value;
        }
        for (const key of scheme.settings) {
          const given = raw(auth, type, key);
          // An empty header prefix means none (Postman sends the token alone); a JSON setting may be an object.
          const value =
            key === "headerPrefix" && given === ""
              ? ""
              : typeof given === "object" && given !== null
                ? JSON.stringify(given)
                : settingValue(auth, type, key, source, warnings);
          if (value !== undefined)
            model[key] =
              type === "jwt" && JWT_JSON.has(key) ? claims(auth, value, key, source, warnings, written) : value;
        }
        for (const key of scheme.flags ?? []) if (flag(auth, type, key)) model[key] = true;
        for (const key of scheme.fresh ?? []) {
          const value = plain(auth, type, key);
          if (value !== undefined && hasVariable(value)) model[key] = value;
        }
        return model as AuthModel;
      }
    }
  }
  return { type: "none" };
}

/**
 * The auth a request sends given its URL's user info (the SDK's `url.auth`): postman-request sends
 * it as Basic (each part percent-decoded) where, at send time, no Authorization header is set,
 * neither by the auth nor by the request's own header; else it is not sent. So where nothing sets
 * one, the user info is the request's Basic auth (`fromUrl`: the runtime decodes the filled parts),
 * its password a credential as a Basic auth's is. Where an auth may send its credential elsewhere
 * (an API key, a signature in the query, Digest's unsigned first request, a custom scheme's hook),
 * Postman sends both, which one auth cannot: said, never quoted.
 */
export function withUserInfo(
  auth: AuthModel,
  userInfo: unknown,
  ownAuthorization: boolean,
  source: Source,
  warnings: Warning[],
  written: Set<string>,
): AuthModel {
  if (!isObject(userInfo)) return auth;
  const user = typeof userInfo["user"] === "string" ? userInfo["user"] : "";
  const password = typeof userInfo["password"] === "string" ? userInfo["password"] : undefined;
  // postman-request tests the joined text: `@host` sends nothing, `:@host` an empty pair.
  if (user === "" && password === undefined) return auth;
  // A literal password is a credential the collection writes out, sent or not: masked wherever the
  // docs or a saved answer quote it. A response may quote it as sent, decoded.
  const literal = password !== undefined && writesLiteral(password);
  if (literal) {
    written.add(password);
    try {
      written.add(decodeURIComponent(password));
    } catch {
      // Sent as written.
    }
  }
  if (ownAuthorization || writesAuthorization(auth)) return auth;
  if (auth.type !== "none") {
    warnings.push({
      source,
      message: `the user name and password in the URL are not sent, where Postman sends them as Basic auth on each request the ${auth.type === "custom" ? auth.scheme : auth.type} auth writes no Authorization header to: give the request a Basic auth instead`,
    });
    return auth;
  }
  let kept = password;
  if (literal) {
    kept = "{{basic.password}}";
    warnings.push({
      source,
      message:
        'the URL holds a literal password; secrets are not copied into the client, which asks for it at run time: pass it as the client option basic or as variables: { "basic.password": … }',
    });
  }
  return basicPair(user, kept, true);
}

/**
 * A Basic auth as Postman sends it: `username:password`, a part empty or not given sent as ""
 * (postman-runtime's basic authorizer; postman-request's user info, whose parts the runtime
 * decodes: `fromUrl`). A pair with neither part goes too, as `Basic Og==` (":"), as newman sends
 * it: the model's username is always there, so the client sends the pair (docs/auth.md).
 */
function basicPair(username: string | undefined, password: string | undefined, fromUrl = false): AuthModel {
  return {
    type: "basic",
    username: username ?? "",
    ...(password ? { password } : {}),
    ...(fromUrl ? { fromUrl: true } : {}),
  };
}

/** Postman's grant types, as the client runs them (implicit is left to the `token` option: its token comes back in a browser's URL). */
const GRANTS: Record<string, { grant: "client_credentials" | "password" | "authorization_code"; pkce?: true }> = {
  client_credentials: { grant: "client_credentials" },
  password_credentials: { grant: "password" },
  authorization_code: { grant: "authorization_code" },
  authorization_code_with_pkce: { grant: "authorization_code", pkce: true },
};

/**
 * OAuth 2.0 that the client runs or sends itself: a grant with a token URL, a token sent other
 * than as `Authorization: Bearer` (in the query, or with another prefix), or one sent over the
 * item's own `access_token` query pairs, which Postman's authorizer drops wherever the token goes
 * (a bearer token leaves them). Anything else is a bearer token, whose authorizer is smaller. The
 * client id is kept as written (it is no secret: it travels in authorization URLs).
 */
function oauth2Auth(
  auth: Record<string, unknown>,
  source: Source,
  warnings: Warning[],
  param: (key: string) => string | undefined,
  queryKeys: readonly string[],
  written: Set<string>,
): AuthModel | undefined {
  const setting = (key: string) => settingValue(auth, "oauth2", key, source, warnings);
  const grant = GRANTS[setting("grant_type") ?? ""];
  const accessTokenUrl = setting("accessTokenUrl");
  const addTokenTo = setting("addTokenTo") === "queryParams" ? "queryParams" : undefined;
  // An empty prefix is one: Postman then sends the token alone.
  const prefixValue = raw(auth, "oauth2", "headerPrefix");
  const headerPrefix = typeof prefixValue === "string" ? prefixValue : undefined;
  const runs = grant !== undefined && accessTokenUrl !== undefined;
  if (
    !runs &&
    !addTokenTo &&
    (headerPrefix === undefined || headerPrefix.trim() === "Bearer") &&
    !queryKeys.includes("access_token")
  )
    return undefined;
  const model: Record<string, unknown> = { type: "oauth2" };
  const put = (key: string, value: unknown) => {
    if (value !== undefined) model[key] = value;
  };
  if (runs) {
    put("grant", grant.grant);
    put("pkce", grant.pkce);
    put("challengeAlgorithm", setting("challengeAlgorithm"));
  }
  put("token", param("accessToken"));
  put("accessTokenUrl", accessTokenUrl);
  put("refreshTokenUrl", setting("refreshTokenUrl"));
  put("authUrl", setting("authUrl"));
  put("redirectUri", setting("redirect_uri"));
  put("clientId", setting("clientId"));
  for (const key of ["clientSecret", "username", "password"]) put(key, param(key));
  for (const key of ["scope", "audience", "resource"]) put(key, setting(key));
  put("clientAuthentication", setting("client_authentication") === "body" ? "body" : undefined);
  put("addTokenTo", addTokenTo);
  put("headerPrefix", headerPrefix);
  const extra = raw(auth, "oauth2", "tokenRequestParams");
  const tokenParams: Array<[string, string]> = [];
  if (Array.isArray(extra)) {
    extra.forEach((entry, index) => {
      if (
        !isObject(entry) ||
        entry["enabled"] === false ||
        typeof entry["key"] !== "string" ||
        typeof entry["value"] !== "string"
      )
        return;
      if ((entry["send_as"] ?? "request_body") !== "request_body") return;
      // A parameter named like a secret is kept only where it refers to a variable.
      if (namesTokenParamSecret(entry["key"]) && writesLiteral(entry["value"])) {
        written.add(entry["value"]);
        warnings.push({
          source: `${source}.oauth2.tokenRequestParams[${index}]`,
          message: `the token request parameter ${JSON.stringify(entry["key"])} holds a literal value; secrets are not copied into the client: refer to a variable`,
        });
        return;
      }
      tokenParams.push([entry["key"], entry["value"]]);
    });
  }
  put("tokenParams", tokenParams.length ? tokenParams : undefined);
  return model as AuthModel;
}

/** A parameter of an auth object: `[{key, value}]` in v2.1, `{key: value}` in v2.0. Numbers are read as text. */
function plain(auth: Record<string, unknown>, type: string, key: string): string | undefined {
  const value = raw(auth, type, key);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * A setting as written, but for the credentials written into a URL it holds (a token URL's
 * `?client_secret=…`, an authorization URL's `user:password@`): the client gets the rest.
 */
function settingValue(
  auth: Record<string, unknown>,
  type: string,
  key: string,
  source: Source,
  warnings: Warning[],
): string | undefined {
  const value = plain(auth, type, key);
  if (value === undefined) return undefined;
  const { text, leftOut } = textWithoutCredentials(value);
  if (leftOut.length) warnings.push({ source, message: urlCredentialLeftOut(`the ${type} auth's ${key}`, leftOut) });
  return text;
}

const JWT_JSON = new Set(["header", "payload"]);

/**
 * A JWT's header or payload (JSON text) without the credentials written into it (`"api_secret": "…"`,
 * by credentials.ts's rule for JSON fields): each becomes a variable named after the auth and its
 * place (`{{jwt.payload.api_secret}}`) that the caller gives, as for a credential parameter, so that
 * no token is signed without it. The rest is kept, unquoted `{{variables}}` too; a text that is no
 * JSON is kept as written (the client refuses it before anything is sent).
 */
function claims(
  auth: Record<string, unknown>,
  text: string,
  key: string,
  source: Source,
  warnings: Warning[],
  written: Set<string>,
): string {
  const kept = jsonTextWithoutCredentials(text, (credential, path) => {
    if (typeof credential === "string" || typeof credential === "number") written.add(String(credential));
    return `{{${claimVariable(key, path)}}}`;
  });
  if (!kept?.leftOut.length) return text;
  // An auth inherited by many requests is read for each: it is reported once.
  const keys = reported.get(auth) ?? new Set<string>();
  reported.set(auth, keys);
  if (!keys.has(key)) {
    keys.add(key);
    const variables = kept.leftOut.map((path) => JSON.stringify(claimVariable(key, path)));
    warnings.push({
      source,
      message: `the jwt auth's ${key} holds a literal credential (${kept.leftOut.join(", ")}); secrets are not copied into the client, which asks for it at run time: pass variables: { ${variables.map((v) => `${v}: …`).join(", ")} }`,
    });
  }
  return kept.text;
}

/**
 * The variable a JWT's claim left out is asked for by: its place, dotted (`$.client["api-key"]` →
 * `jwt.payload.client.api-key`, `$.tokens[0]` → `jwt.payload.tokens[0]`), without the braces that
 * would end a `{{reference}}`.
 */
function claimVariable(key: string, path: string): string {
  const dotted = path
    .slice(1)
    .replace(/\["((?:[^"\\]|\\.)*)"\]/g, (_whole, name: string) => `.${JSON.parse(`"${name}"`) as string}`);
  return `jwt.${key}${dotted.replace(/[{}]/g, "_")}`;
}

/** A boolean parameter; v2.0 exports and hand-written collections may write it as text. */
function flag(auth: Record<string, unknown>, type: string, key: string): boolean {
  const value = raw(auth, type, key);
  return value === true || value === "true";
}

/** The JSON path of a parameter: its entry in v2.1 (`auth.apikey[0]`), its key in v2.0 (`auth.apikey.key`). */
function paramPlace(auth: Record<string, unknown>, type: string, key: string, source: Source): string {
  const params = auth[type];
  if (!Array.isArray(params)) return `${source}.${type}.${key}`;
  return `${source}.${type}[${params.findIndex((p) => isObject(p) && p["key"] === key)}]`;
}

/**
 * Why fetch could never send an API key under this header name, or undefined. Postman fills
 * `{{variables}}` in the name (so does the client), so only the text around them is judged, and
 * a name made of variables only when they are filled, by the client.
 */
function unsendableApiKeyHeader(name: string): string | undefined {
  if (!hasVariable(name)) return unsendableHeaderName(name);
  const text = withoutReferences(name);
  return text === "" || TOKEN.test(text) ? undefined : unsendableHeaderName(text);
}

function raw(auth: Record<string, unknown>, type: string, key: string): unknown {
  const params = auth[type];
  if (Array.isArray(params))
    return (params.find((p) => isObject(p) && p["key"] === key) as Record<string, unknown> | undefined)?.["value"];
  return isObject(params) ? params[key] : undefined;
}

function hasVariable(value: string): boolean {
  return hasReference(value);
}

const reported = new WeakMap<object, Set<string>>();

/**
 * An auth parameter as the client gets it. A credential written out becomes a variable named after
 * the collection's auth type and parameter (`{{apikey.value}}`): the client never gets the value, so
 * it asks the caller for it (the client option, else this variable) and refuses the call without
 * it, as for any `{{variable}}` without a value; a request must not go out unauthenticated because a
 * secret was left out. One the collection leaves empty stays empty: Postman sends nothing for it.
 */
function credential(
  auth: Record<string, unknown>,
  type: string,
  key: string,
  source: Source,
  warnings: Warning[],
  written: Set<string>,
): string | undefined {
  const value = plain(auth, type, key);
  if (value === undefined) return undefined;
  if (!writesLiteral(value) || !holdsCredential(key)) return value;
  written.add(value);
  const variable = `${type}.${key}`;
  const keys = reported.get(auth) ?? new Set<string>();
  reported.set(auth, keys);
  if (!keys.has(key)) {
    keys.add(key);
    warnings.push({
      source,
      message: `the ${type} auth holds a literal ${key}; secrets are not copied into the client, which asks for it at run time: pass it as a client option or as variables: { ${JSON.stringify(variable)}: … }`,
    });
  }
  return `{{${variable}}}`;
}
