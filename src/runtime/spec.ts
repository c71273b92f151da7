// The plain-data description of an operation that the generated client hands to the runtime.
// The same objects are exported to users as `operations`, so this is public API: change with care.

import type { ApiError } from "./errors.js";

/** Where an argument goes in the HTTP request. */
export type ArgLocation = "path" | "query" | "header" | "body";

/** One key of an operation's argument object. */
export interface ArgSpec {
  /** Key in the argument object of the client method. */
  readonly arg: string;
  /** The collection's own key: path variable, query parameter, header or body field name. */
  readonly name: string;
  readonly in: ArgLocation;
  readonly required: boolean;
  /** The only values the API accepts, when the collection documents them. */
  readonly enum?: readonly string[] | undefined;
  /**
   * `file`: a Blob (form file field, binary body); `json`: any JSON value (JSON body field, raw or
   * GraphQL body); `jsonText`: a form field whose text is JSON, which also takes the object.
   */
  readonly type?: "file" | "json" | "jsonText";
  /**
   * Sent when the caller passes nothing: the collection's value where it refers to variables
   * (`{{client_id}}`), and a header's value. `{{name}}` in its strings is filled in when sent.
   */
  readonly default?: unknown;
  /**
   * The places in `default` (keys and indices; `[]`: the default itself) where the collection
   * writes a `{{variable}}` unquoted in a JSON body (`"n": {{count}}`): Postman pastes the value's
   * text there, so it is sent as the JSON value that text is (`3`, not `"3"`).
   */
  readonly unquoted?: readonly JsonPlace[];
  /**
   * A multipart text field's own Content-Type (`application/json`), sent with its part. A file's
   * (`type: "file"`): the type a Blob without one is sent as, the one Postman sends the collection's
   * file with.
   */
  readonly contentType?: string;
  /**
   * A multipart file field's file name in the collection (its `fileName`, else its `src`'s last
   * segment): the name newman sends the collection's file with, which a Blob passed without a name
   * of its own is sent with (a File keeps its name).
   */
  readonly fileName?: string;
  /**
   * A multipart file field's file names in the collection where they are several and differ (a
   * `src` that names several files, a field given again), in order: the i-th Blob passed without a
   * name of its own is sent with the i-th (one beyond them with the last), as newman names each of
   * the collection's files. `fileName` is then absent.
   */
  readonly fileNames?: readonly string[];
  /**
   * The types of those files where they differ, in the same order ("" for none): the i-th Blob
   * passed without a type of its own is sent as the i-th (one beyond them as the last), as newman
   * types each of the collection's files. `contentType` is then absent.
   */
  readonly contentTypes?: readonly string[];
}

/** Where a value sits in a JSON value: its keys and indices from the top (`[]`: the value itself). */
export type JsonPlace = readonly (string | number)[];

/** An API error code documented for one response status (Zoom writes them into example names). */
export interface ErrorCodeSpec {
  readonly code: number | string;
  readonly description: string;
}

/** A documented response of an operation. */
export interface ResponseSpec {
  readonly status: number;
  readonly description?: string;
  readonly errorCodes?: readonly ErrorCodeSpec[];
}

/**
 * How the request body is sent: `multipart` and `urlencoded` from the `in: "body"` arguments,
 * `json` as an object of them, `raw` the `body` argument as text (JSON-encoded when not a string),
 * `binary` the `body` argument as bytes, `graphql` the `body` argument `{ query, variables }` as JSON.
 */
export type BodyEncoding = "multipart" | "urlencoded" | "json" | "raw" | "binary" | "graphql";

/**
 * How a request is authenticated. Values are the collection's: credentials only where they refer
 * to variables (`{{token}}`), settings (algorithm, realm, service, region, …) as written; `{{name}}`
 * in any of them is filled in when the request is signed, and the client's options take
 * precedence. The schemes the client computes follow Postman's (postman-runtime's authorizers);
 * `custom` is one it cannot (NTLM, or a type it does not know): the client's `sign` hook does it.
 */
export type AuthSpec =
  | { readonly type: "bearer"; readonly token?: string }
  | { readonly type: "apikey"; readonly in: "header" | "query"; readonly name: string; readonly value?: string }
  | {
      readonly type: "basic";
      readonly username?: string;
      readonly password?: string;
      /** The URL's user info: the collection's values, filled, are percent-decoded (Postman's `user%40x` is `user@x`). */
      readonly fromUrl?: true;
    }
  | OAuth1Spec
  | DigestSpec
  | HawkSpec
  | AwsV4Spec
  | OAuth2Spec
  | JwtSpec
  | EdgeGridSpec
  | { readonly type: "custom"; readonly scheme: string; readonly reason?: string };

/** Akamai EdgeGrid (EG1-HMAC-SHA256), signed for each request. */
export interface EdgeGridSpec {
  readonly type: "edgegrid";
  readonly accessToken?: string;
  readonly clientToken?: string;
  readonly clientSecret?: string;
  /** The API host the signature names (`akab-….luna.akamaiapis.net`), when it is not the request's. */
  readonly baseURL?: string;
  /** Names of the headers to sign, comma-separated. */
  readonly headersToSign?: string;
  /** How many bytes of a POST body are hashed (131072 by default). */
  readonly maxBodySize?: string;
  readonly timestamp?: string;
  readonly nonce?: string;
}

/** A JWT made and signed for each request (Postman's `jwt` auth). */
export interface JwtSpec {
  readonly type: "jwt";
  /** HS256 (the default), HS384, HS512, RS256/384/512, PS256/384/512, ES256/384/512. */
  readonly algorithm?: string;
  /** The HS algorithms' secret. */
  readonly secret?: string;
  readonly isSecretBase64Encoded?: boolean;
  /** The other algorithms' PEM private key (PKCS #8; PKCS #1 for RSA). */
  readonly privateKey?: string;
  /** The claims, as JSON text (`{{variables}}` filled in). */
  readonly payload?: string;
  /** More header fields, as JSON text; `alg` is the algorithm's. */
  readonly header?: string;
  /** `header` (the default: `<headerPrefix> <token>` in Authorization) or `queryParam`. */
  readonly addTokenTo?: "header" | "queryParam";
  /** `Bearer` by default; empty for none. */
  readonly headerPrefix?: string;
  /** The query parameter's name, `token` by default. */
  readonly queryParamKey?: string;
}

/**
 * OAuth 2.0 with a grant the client runs itself (or a token sent other than as `Bearer` in the
 * header): the token endpoint, the client's identity, the scope, and where the token goes.
 */
export interface OAuth2Spec {
  readonly type: "oauth2";
  /** The grant the client runs to get a token; absent, the `token` option or `token` is sent. */
  readonly grant?: "client_credentials" | "password" | "authorization_code";
  /** Authorization code with PKCE (RFC 7636). */
  readonly pkce?: boolean;
  /** `S256` (the default) or `plain`. */
  readonly challengeAlgorithm?: string;
  /** The collection's access token, where it refers to a variable. */
  readonly token?: string;
  readonly accessTokenUrl?: string;
  readonly refreshTokenUrl?: string;
  readonly authUrl?: string;
  readonly redirectUri?: string;
  readonly clientId?: string;
  readonly clientSecret?: string;
  readonly username?: string;
  readonly password?: string;
  readonly scope?: string;
  readonly audience?: string;
  readonly resource?: string;
  /** The client's id and secret as a Basic header (the default) or in the body. */
  readonly clientAuthentication?: "header" | "body";
  /** `header` (the default) or `queryParams` (`access_token`). */
  readonly addTokenTo?: "header" | "queryParams";
  /** `Bearer` by default. */
  readonly headerPrefix?: string;
  /** More parameters of the token request, as the collection lists them. */
  readonly tokenParams?: ReadonlyArray<readonly [string, string]>;
}

/** OAuth 1.0a (RFC 5849), signed for each request. */
export interface OAuth1Spec {
  readonly type: "oauth1";
  readonly consumerKey?: string;
  readonly consumerSecret?: string;
  readonly token?: string;
  readonly tokenSecret?: string;
  /** PEM (PKCS #8 or PKCS #1) for the RSA methods. */
  readonly privateKey?: string;
  /** `HMAC-SHA1` (the default), `HMAC-SHA256`, `HMAC-SHA512`, `RSA-SHA1`, `RSA-SHA256`, `RSA-SHA512`, `PLAINTEXT`. */
  readonly signatureMethod?: string;
  readonly version?: string;
  readonly realm?: string;
  readonly callback?: string;
  readonly verifier?: string;
  readonly timestamp?: string;
  readonly nonce?: string;
  /** In the Authorization header; else in the urlencoded body of a POST or PUT, else in the query. */
  readonly addParamsToHeader?: boolean;
  readonly addEmptyParamsToSign?: boolean;
  /** `oauth_body_hash` of bodies that are not urlencoded. */
  readonly includeBodyHash?: boolean;
  readonly disableHeaderEncoding?: boolean;
}

/** HTTP Digest (RFC 7616): the server's challenge, answered for each request. */
export interface DigestSpec {
  readonly type: "digest";
  readonly username?: string;
  readonly password?: string;
  /** `MD5` (the default), `MD5-sess`, `SHA-256`, `SHA-256-sess`: preferred among the server's challenges. */
  readonly algorithm?: string;
  /** `auth` or `auth-int`: preferred where the server offers both. */
  readonly qop?: string;
}

/** Hawk, signed for each request. */
export interface HawkSpec {
  readonly type: "hawk";
  readonly authId?: string;
  readonly authKey?: string;
  /** `sha256` (the default) or `sha1`. */
  readonly algorithm?: string;
  readonly user?: string;
  readonly extraData?: string;
  readonly app?: string;
  readonly delegation?: string;
  readonly timestamp?: string;
  readonly nonce?: string;
  readonly includePayloadHash?: boolean;
}

/** AWS Signature Version 4, signed for each request. */
export interface AwsV4Spec {
  readonly type: "awsv4";
  readonly accessKey?: string;
  readonly secretKey?: string;
  readonly sessionToken?: string;
  /** `execute-api` (API Gateway) by default, as in Postman. */
  readonly service?: string;
  /** `us-east-1` by default. */
  readonly region?: string;
  /** A presigned URL (`X-Amz-Signature` in the query) instead of the Authorization header. */
  readonly addAuthDataToQuery?: boolean;
}

/**
 * What the runtime reads of an operation to call it: its metadata less what only documents it
 * (`OperationSpec`). The generated standalone functions pass this part alone, so that a bundle of
 * one operation leaves its documentation out.
 */
export interface CallSpec {
  /**
   * The operation's name, unique in its package: its standalone function's (`updateUserStatus`,
   * `meetingsMeetingIdRegistrantsUpdateRegistrantStatus`). Errors (`error.operation`, their
   * messages' prefix) and hooks (`request.operation`) give it. The client method's name too,
   * unless another namespace has a method of that name (`member`).
   */
  readonly name: string;
  readonly method: string;
  /** The base URL as the collection writes it, when it is not the client's `baseUrl` (another host). */
  readonly base?: string;
  /** Path below the base URL: `{name}` stands for a path variable, `{{name}}` for a collection variable. */
  readonly path: string;
  /** Query keys the collection gives without a value (`?uploads`): always sent as the key alone. */
  readonly bareQuery?: readonly string[];
  /**
   * Where each of `bareQuery` is sent, as the collection writes it: after how many of the query
   * arguments (`args`, in order; each sent or not). Absent, before them all.
   */
  readonly bareQueryAt?: readonly number[];
  /**
   * Where each of `bareQuery` is sent among the values of the last of those arguments, when the
   * collection gives that key again after it (`?a=1&uploads&a=2`): after how many of them (fewer
   * passed: after all). 0 or absent: after all of them.
   */
  readonly bareQueryAmong?: readonly number[];
  /**
   * The query's entries in the collection's order, where it gives a key again after another key
   * (`?a=1&b=2&a=3`, whose values are one list argument): each entry a query argument's place
   * among the query arguments (`args`, in order; `[0, 1, 0]`), whose next value goes there, or
   * `~i` (−1 − i) for `bareQuery[i]`. A caller's list longer than the collection's goes on after
   * its last place (`a: ["p", "q", "r"]` → `?a=p&b=2&a=q&a=r`); a shorter one leaves its last
   * places out. Where present it places the keys without a value too: `bareQueryAt` and
   * `bareQueryAmong` are absent.
   */
  readonly queryOrder?: readonly number[];
  /**
   * Query keys (as `name` and `bareQuery` give them) with the text sent for them, where the
   * collection writes them otherwise than the client encodes a key (`filter%5Bstatus%5D`): the
   * collection's text, as Postman sends it.
   */
  readonly queryKeys?: ReadonlyArray<readonly [string, string]>;
  readonly args: readonly ArgSpec[];
  readonly body?: BodyEncoding;
  /**
   * A multipart body's parts in the collection's order, where it gives a field again after another
   * field (`a`, `b`, `a`, whose values are one list argument), as newman sends them: each part a
   * body argument's place among the body arguments (`args`, in order; `[0, 1, 0]`), whose next
   * value goes there (a file field whose `src` lists several files has a place for each, together:
   * `[0, 0, 1, 0]`); a caller's list longer than the collection's goes on after its last place,
   * as `queryOrder` places a query's.
   */
  readonly bodyOrder?: readonly number[];
  /** Content type of a `json`, `raw` or `binary` body, as the collection gives it. */
  readonly contentType?: string;
  /**
   * `contentType` is a raw body's language's, not the item's header: an empty body is none, sent
   * without it, as Postman sends it (bodies.ts's encodeRaw).
   */
  readonly languageType?: true;
  readonly auth?: AuthSpec;
  /**
   * `manual` where the collection turns off following redirects (Postman's `followRedirects: false`):
   * a 3xx is what the call resolves with (on Node, Deno and Bun with its Location; a browser gives
   * status 0 and no headers). Absent, fetch follows redirects.
   */
  readonly redirect?: "manual";
  /** Values of variables that the request's folders or the request itself define. */
  readonly variables?: Readonly<Record<string, string>>;
  readonly responses: readonly ResponseSpec[];
}

/**
 * An operation's metadata: what the runtime reads (`CallSpec`) and what documents it. `Responses`
 * is its success bodies by status (its `…Responses` interface), `Error` its documented errors (its
 * `…Error` type): types only, carried by `"~types"`, which no value has, so that what is typed by
 * the operation (the mocks' overrides, `isErrorOf`) knows them.
 */
export interface OperationSpec<Responses = unknown, Error extends ApiError = ApiError> extends CallSpec {
  /**
   * Where the method sits on the client: the Postman folders, in camelCase
   * (`client.users.userId.updateUserStatus`). Only documents it: a call reads `name`, unique in the
   * package, where it needs a key (the response check's table).
   */
  readonly namespace: readonly string[];
  /**
   * The client method's name where it is not `name`: `client.<namespace>.<member>`. Present on an
   * operation whose method name another namespace has too (`updateRegistrantStatus`).
   */
  readonly member?: string;
  /**
   * The npm package the operation is of, so that `isErrorOf` tells an error of this package's
   * other copy (its CommonJS build beside its ES modules) from another package's operation of
   * the same name. Absent in metadata made by hand.
   */
  readonly package?: string;
  /** Name of the Postman request. */
  readonly item: string;
  /** Names of the Postman folders that hold the request, from the root. */
  readonly folder: readonly string[];
  /** The Postman item id, when the collection has one. */
  readonly id?: string;
  /** OAuth scopes the operation needs, as documented. */
  readonly scopes?: readonly string[];
  /** The API's rate-limit label for the operation (Zoom: Light, Medium, Heavy, Resource-intensive). */
  readonly rateLimit?: string;
  /**
   * Types only, never set: the success bodies by status, and the documented errors (optional, so
   * that the metadata of a package emitted before it had them still fits).
   */
  readonly "~types"?: { readonly responses: Responses; readonly error?: Error };
}

/**
 * A Postman environment a client can be made for (`createClient({ environment })`): its values
 * are taken over the collection's; what the caller passes in `variables` wins over both.
 */
export interface EnvironmentSpec {
  /** Its enabled values that are no secret, as the environment file holds them. */
  readonly values: Readonly<Record<string, string>>;
  /** Keys whose values are secrets: never in the package, so the client asks for them in `variables`. */
  readonly secrets: readonly string[];
  /**
   * Keys whose values hold half a character (a lone surrogate), which cannot be encoded: left out of
   * the package, so the client asks for them in `variables` too. Absent when there are none.
   */
  readonly unencodable?: readonly string[] | undefined;
}
