// JWT bearer tokens made for each request as Postman makes them (postman-runtime's
// lib/authorizer/jwt.js, with jose): the collection's header (its `alg` replaced by the algorithm)
// and payload, signed with HS256/384/512 (a secret, optionally base64), RS256/384/512,
// PS256/384/512 or ES256/384/512 (a PEM PKCS #8 private key; PKCS #1 for RSA too); sent as
// `<headerPrefix> <token>` in Authorization, or as a query parameter. The secret or key comes from
// the client's `jwt` option, else the collection's variables; without one the call is refused
// (needCredential).
import { declined, inQuery, queryWithout, setQuery, type Authorizer } from "./auth.js";
import {
  authValue,
  base64,
  hmac,
  importPrivateKey,
  needCredential,
  refuse,
  setAuthHeader,
  source,
  utf8,
  type TextField,
} from "./signing.js";
import { JWT_HASHES as HASHES, jwtKeyAlgorithm } from "./signing-keys.js";
import type { JwtSpec } from "./spec.js";

type Family = "HS" | "RS" | "PS" | "ES";

export const authorizeJwt: Authorizer = async (op, request, options, lookup) => {
  if (declined(options, "jwt")) return;
  const auth = op.auth as JwtSpec;
  const setting = (field: TextField<JwtSpec>) => authValue(op, auth, field, lookup);
  const algorithm = setting("algorithm") ?? "HS256";
  const match = /^(HS|RS|PS|ES)(256|384|512)$/.exec(algorithm);
  if (!match)
    refuse(
      op,
      `the JWT algorithm ${JSON.stringify(algorithm)} is not one of HS256/384/512, RS256/384/512, PS256/384/512, ES256/384/512`,
    );
  const [, family, bits] = match as unknown as [string, Family, string];
  const hash = HASHES[bits]!;
  const secret = family === "HS" ? authValue(op, auth, "secret", lookup, options.jwt?.secret) : undefined;
  const privateKey = family === "HS" ? undefined : authValue(op, auth, "privateKey", lookup, options.jwt?.privateKey);
  // The caller's own token is theirs where the collection sends it: the header, or the query parameter.
  const inQueryParam = auth.addTokenTo === "queryParam";
  const name = inQueryParam ? setting("queryParamKey") || "token" : "";
  const sent = inQueryParam ? inQuery(request.url, name) : request.headers.has("authorization");
  needCredential(op, "jwt", family === "HS" ? { secret } : { privateKey }, sent);
  if (!secret && !privateKey) return;

  const header = { ...json(op, setting("header"), "header"), alg: algorithm };
  const payload = json(op, setting("payload"), "payload");
  const signingInput = `${base64url(utf8(JSON.stringify(header)))}.${base64url(utf8(JSON.stringify(payload)))}`;
  let signature: Uint8Array;
  if (family === "HS") {
    const key = auth.isSecretBase64Encoded ? base64Secret(op, secret!) : utf8(secret!);
    signature = await hmac(hash, key, signingInput);
  } else {
    const key = await importPrivateKey(op, privateKey!, jwtKeyAlgorithm(algorithm)!, "the JWT private key");
    const signParams =
      family === "RS"
        ? "RSASSA-PKCS1-v1_5"
        : family === "PS"
          ? { name: "RSA-PSS", saltLength: Number(bits) / 8 }
          : { name: "ECDSA", hash };
    // ECDSA's signature is r and s side by side (IEEE P1363): what JWS takes.
    signature = new Uint8Array(await crypto.subtle.sign(signParams, key, source(signingInput)));
  }
  const token = `${signingInput}.${base64url(signature)}`;
  if (inQueryParam) {
    const { url } = request;
    setQuery(url, [...queryWithout(url, name), `${encodeURIComponent(name)}=${encodeURIComponent(token)}`]);
    return;
  }
  // As Postman: no prefix when the collection gives an empty one.
  const prefix = auth.headerPrefix === undefined ? "Bearer" : (setting("headerPrefix") ?? "");
  setAuthHeader(op, request, "authorization", prefix ? `${prefix} ${token}` : token, "the JWT");
};

function json(op: Parameters<Authorizer>[0], text: string | undefined, what: string): Record<string, unknown> {
  if (text === undefined || text.trim() === "") return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Refused below.
  }
  return refuse(op, `the JWT ${what} is not a JSON object`);
}

/** A secret marked base64 (or base64url), decoded; atob's DOMException would name no field. */
function base64Secret(op: Parameters<Authorizer>[0], secret: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(secret.replace(/-/g, "+").replace(/_/g, "/").replace(/\s+/g, ""));
  } catch {
    // Nothing of the secret is quoted.
    return refuse(op, "the JWT secret is marked base64-encoded but is not base64");
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function base64url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
