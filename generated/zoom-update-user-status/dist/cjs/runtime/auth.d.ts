import { type Lookup } from "./template.js";
import { type BuiltRequest, type RequestBody } from "./request.js";
import type { OperationSpec } from "./spec.js";
/** A credential, or a function that returns one for each request (so expiring tokens can be refreshed). */
export type Credential = string | (() => string | undefined | Promise<string | undefined>);
export interface AuthOptions {
    /** OAuth 2.0 / bearer token, sent as `Authorization: Bearer <token>`. */
    token?: Credential;
    /** API key, sent in the header or query parameter the collection names. */
    apiKey?: Credential;
    /** HTTP Basic credentials. */
    basic?: {
        username: string;
        password: string;
    };
    /**
     * Signs requests of operations whose auth the client cannot compute (OAuth 1.0, Digest, Hawk,
     * AWS Signature, NTLM, …): set headers or query parameters on `request` in place.
     */
    sign?: (request: SignableRequest) => void | Promise<void>;
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
/** Applies an operation's auth to its request; the generated code passes the one each operation uses. */
export type Authorizer = (op: OperationSpec, request: BuiltRequest, options: AuthOptions, lookup: Lookup) => void | Promise<void>;
export declare const authorizeBearer: Authorizer;
export declare const authorizeApiKey: Authorizer;
export declare const authorizeBasic: Authorizer;
/** Schemes the client cannot compute: the caller's `sign` hook does it, or the call is refused. */
export declare const authorizeSigned: Authorizer;
