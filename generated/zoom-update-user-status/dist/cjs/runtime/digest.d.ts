import type { Authorizer } from "./auth.js";
import type { BuiltRequest } from "./request.js";
import type { CallSpec } from "./spec.js";
/** A server's Digest challenge, and how many times its nonce has been used. */
export interface DigestChallenge {
    realm: string;
    nonce: string;
    opaque?: string;
    /** As the server names it; MD5 when it names none. */
    algorithm: string;
    /** The qop the client chose among the server's, if it offered any. */
    qop?: "auth" | "auth-int";
    stale?: boolean;
    count: number;
}
export declare const authorizeDigest: Authorizer;
/** The Digest challenge to answer among those a WWW-Authenticate header holds, or none. */
export declare function chooseChallenge(op: CallSpec, header: string | null, prefer?: {
    algorithm?: string | undefined;
    qop?: string | undefined;
}): DigestChallenge | undefined;
/** The Authorization header answering `challenge` for the nc-th time (RFC 7616 section 3.4). */
export declare function digestAuthorization({ request, username, password, challenge, nc, cnonce, }: {
    request: BuiltRequest;
    username: string;
    password: string;
    challenge: DigestChallenge;
    nc: number;
    cnonce: string;
}): Promise<string>;
/** MD5 (RFC 1321), hex: WebCrypto has none, and Digest's default is MD5. */
export declare function md5(bytes: Uint8Array): string;
