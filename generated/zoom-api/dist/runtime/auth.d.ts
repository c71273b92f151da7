import { type Lookup } from "./template.js";
import { type BuiltRequest, type RequestBody } from "./request.js";
import type { CallSpec } from "./spec.js";
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
    basic?: {
        username: string;
        password: string;
    } | null | undefined;
    /** OAuth 1.0a credentials (RSA methods: a PEM private key); each part given wins over the collection's `{{variable}}`; `null`: no auth at all, on purpose. */
    oauth1?: {
        consumerKey?: string | undefined;
        consumerSecret?: string | undefined;
        token?: string | undefined;
        tokenSecret?: string | undefined;
        privateKey?: string | undefined;
    } | null | undefined;
    /** HTTP Digest credentials; `null`: no auth at all, on purpose. */
    digest?: {
        username: string;
        password: string;
    } | null | undefined;
    /** Hawk credentials; `algorithm` overrides the collection's; `null`: no auth at all, on purpose. */
    hawk?: {
        id: string;
        key: string;
        algorithm?: "sha256" | "sha1" | undefined;
    } | null | undefined;
    /** AWS credentials for Signature Version 4 (temporary ones with their session token); `null`: no auth at all, on purpose. */
    aws?: {
        accessKeyId: string;
        secretAccessKey: string;
        sessionToken?: string | undefined;
    } | null | undefined;
    /** OAuth 2.0 grants the client runs itself: client credentials, the app's `authorize` step, a token to start from, `onToken` to keep it. `token` wins over all of it (`null` too: no auth, no grant). */
    oauth2?: OAuth2Options | undefined;
    /** The JWT's signing secret (HS algorithms) or PEM private key (the others); `null`: no auth at all, on purpose. */
    jwt?: {
        secret?: string | undefined;
        privateKey?: string | undefined;
    } | null | undefined;
    /** Akamai EdgeGrid credentials (the .edgerc's client_token, client_secret, access_token); `null`: no auth at all, on purpose. */
    edgegrid?: {
        clientToken: string;
        clientSecret: string;
        accessToken: string;
    } | null | undefined;
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
export type Authorizer = (op: CallSpec, request: BuiltRequest, options: AuthOptions, lookup: Lookup, session: Session, signal?: AbortSignal, timeoutMs?: number) => void | Reauthorize | Promise<void | Reauthorize>;
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
export declare function noCredential(op: CallSpec, option: CredentialOption, sent: boolean, what?: string): void;
/**
 * Whether the caller gave `option` as `null`: no credential, on purpose, and no auth at all. The
 * collection's credentials are not used either, nor an OAuth 2.0 grant run: every authorizer that
 * takes a credential option asks this first and sends the request as it is (an unset `{{token}}`
 * would refuse the call the caller meant to send without one; a hook or the app's fetch adds it).
 */
export declare function declined(options: AuthOptions, option: CredentialOption): boolean;
export declare const authorizeBearer: Authorizer;
export declare const authorizeApiKey: Authorizer;
/**
 * Sets the URL's query to `pairs` (each already encoded), none removing it. The `?` is written
 * here: the search setter drops one leading `?`, which would be the first pair's own when its key
 * starts with one (`??=x`, Postman's `?=x` pair).
 */
export declare function setQuery(url: URL, pairs: readonly string[]): void;
/**
 * The URL's query pairs but those named `name`: an auth that puts its credential in the query
 * replaces the item's own pairs of that name, as Postman's authorizers do. The others stay as
 * they were encoded (searchParams would encode the whole query again: a%20b → a+b).
 */
export declare function queryWithout(url: URL, name: string): string[];
/** Whether the URL's query has a pair named `name`: the caller's own credential, where an auth sends one there. */
export declare function inQuery(url: URL, name: string): boolean;
export declare const authorizeBasic: Authorizer;
/** Schemes the client cannot compute: the caller's `sign` hook does it, or the call is refused. */
export declare const authorizeSigned: Authorizer;
/** A credential option's value: a function's result, or the value (`null`, none, as undefined). OAuth 2's `token` too. */
export declare function resolveCredential(credential: Credential | null | undefined): Promise<string | undefined>;
