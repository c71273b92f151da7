import type { Authorizer } from "./auth.js";
export declare const authorizeAwsV4: Authorizer;
export interface SignatureV4Input {
    method: string;
    url: URL;
    headers: Headers;
    /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
    payloadHash: string;
    accessKey: string;
    secretKey: string;
    region: string;
    service: string;
    /** `20150830T123600Z` */
    amzDate: string;
    /**
     * Read the path as unencoded text (encode each segment once), as S3 does and as AWS's test suite
     * writes its requests; other services encode the path as sent once more.
     */
    decodePath?: boolean;
}
/** The steps of AWS's "Create a signed request". */
export interface SignatureV4 {
    canonicalRequest: string;
    stringToSign: string;
    signature: string;
    authorization: string;
}
export declare function signatureV4(input: SignatureV4Input): Promise<SignatureV4>;
