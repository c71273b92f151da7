// The private key a signer imports, decided once for each auth setting: JWT's RS* and PS* and
// OAuth 1.0a's RSA-SHA* an RSA key, JWT's ES* an EC key on its curve. The signers import the key
// with it (jwt.ts, oauth1.ts); where no key was given and one must be made, it is made of it too:
// the command line's `--dry-run` (command-line/run.ts), the emitted tests (testkit/test-keys.ts,
// marked by emit/test-keys.ts) and the README's offline examples (emit/example-inputs.ts). Its own
// module, free of the signers, since the command line (in every package) imports it: a package
// whose API signs nothing then carries no signer still.
import { base64, type HashName } from "./signing.js";

/** The WebCrypto algorithm a signer imports its private key with (and a made key is made for). */
export type KeyAlgorithm =
  | { name: "RSASSA-PKCS1-v1_5" | "RSA-PSS"; hash: HashName }
  | { name: "ECDSA"; namedCurve: "P-256" | "P-384" | "P-521" };

/** JWT's hashes by the algorithm's digits (HS256, RS384, …). */
export const JWT_HASHES: Record<string, HashName> = { "256": "SHA-256", "384": "SHA-384", "512": "SHA-512" };
const CURVES = { "256": "P-256", "384": "P-384", "512": "P-521" } as const;

/** OAuth 1.0a's hashes by a signature method's second word (HMAC-SHA256, RSA-SHA1, …). */
export const OAUTH1_HASHES: Record<string, HashName> = { SHA1: "SHA-1", SHA256: "SHA-256", SHA512: "SHA-512" };

/**
 * The algorithm the private key of a JWT `algorithm` is imported with (RS*, PS*, ES*); undefined
 * for HS* (a secret) and any other.
 */
export function jwtKeyAlgorithm(algorithm: string): KeyAlgorithm | undefined {
  const match = /^(RS|PS|ES)(256|384|512)$/.exec(algorithm);
  if (!match) return undefined;
  const [, family, bits] = match as unknown as [string, "RS" | "PS" | "ES", keyof typeof CURVES];
  const hash = JWT_HASHES[bits]!;
  return family === "RS"
    ? { name: "RSASSA-PKCS1-v1_5", hash }
    : family === "PS"
      ? { name: "RSA-PSS", hash }
      : { name: "ECDSA", namedCurve: CURVES[bits] };
}

/**
 * The algorithm the private key of an OAuth 1 signature method (as written, upper case) is imported
 * with: RSA-SHA1/256/512's; undefined for the others, which take a secret.
 */
export function oauth1KeyAlgorithm(method: string): KeyAlgorithm | undefined {
  const [kind, hashName] = method.split("-");
  const hash = hashName ? OAUTH1_HASHES[hashName] : undefined;
  return kind === "RSA" && hash ? { name: "RSASSA-PKCS1-v1_5", hash } : undefined;
}

/**
 * The algorithm of the private key `auth`'s signer imports, when it takes one (OAuth 1's RSA-SHA*,
 * JWT's RS*, PS*, ES*); `fill` gives a setting as the signer reads it, its `{{variables}}` filled
 * (undefined: unknown, and no key). Read as the signers read their settings: JWT's algorithm as
 * written (HS256 when absent), OAuth 1's method in upper case (HMAC-SHA1 when absent).
 */
export function keyAlgorithm(
  auth: { readonly type: string; readonly algorithm?: string; readonly signatureMethod?: string } | undefined,
  fill: (template: string | undefined) => string | undefined,
): KeyAlgorithm | undefined {
  if (auth?.type === "jwt") {
    const written = fill(auth.algorithm);
    return written === undefined ? undefined : jwtKeyAlgorithm(written);
  }
  if (auth?.type === "oauth1") return oauth1KeyAlgorithm((fill(auth.signatureMethod) ?? "").toUpperCase());
  return undefined;
}

/**
 * A new private key of `algorithm`, as PKCS #8 PEM (what every signer imports): for a signer that
 * needs one where none was given. RSA keys of 2048 bits. Made with WebCrypto, in Node and browsers
 * alike; the caller holds it and never prints it.
 */
export async function privateKeyPem(algorithm: KeyAlgorithm): Promise<string> {
  const params =
    algorithm.name === "ECDSA"
      ? algorithm
      : { ...algorithm, modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1) };
  const pair = (await crypto.subtle.generateKey(params, true, ["sign", "verify"])) as {
    privateKey: Parameters<typeof crypto.subtle.exportKey>[1];
  };
  const der = base64(new Uint8Array(await crypto.subtle.exportKey("pkcs8", pair.privateKey)));
  return `-----BEGIN PRIVATE KEY-----\n${der.replace(/(.{64})(?=.)/g, "$1\n")}\n-----END PRIVATE KEY-----\n`;
}
