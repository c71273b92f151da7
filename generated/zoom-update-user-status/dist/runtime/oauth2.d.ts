import { type Authorizer } from "./auth.js";
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
export declare const authorizeOAuth2: Authorizer;
