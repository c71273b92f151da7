// Server-side checks of what the client (or newman) signed, each by an implementation written by
// others: oauth-1.0a for OAuth 1.0a, aws4 for AWS Signature Version 4. A check takes the request
// as the recording server received it.
import { createHmac, createHash, verify as verifySignature, type KeyObject } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import aws4 from "aws4";
import OAuth from "oauth-1.0a";
import type { RecordedRequest } from "../../src/testkit/recording-server.js";

/** `OAuth a="1",b="2"` → { a: "1", b: "2" }, values percent-decoded. */
export function authParams(header: string | undefined, scheme: string): Record<string, string> {
  const params: Record<string, string> = {};
  if (!header?.startsWith(`${scheme} `)) return params;
  for (const [, key, value] of header.slice(scheme.length + 1).matchAll(/([\w-]+)="([^"]*)"/g))
    params[key!] = decodeURIComponent(value!);
  return params;
}

export interface OAuth1Secrets {
  consumerKey: string;
  consumerSecret: string;
  tokenSecret?: string;
  /** For the RSA methods. */
  publicKey?: KeyObject;
}

/**
 * Recomputes an OAuth 1.0a signature with oauth-1.0a from what arrived: the oauth_* parameters
 * from the Authorization header, the query or the urlencoded body; the other query and body
 * parameters as data. `origin` is the URL the client was given (scheme, host and port it signed).
 */
export function verifyOAuth1(
  request: RecordedRequest,
  origin: string,
  secrets: OAuth1Secrets,
): { ok: boolean; params: Record<string, string> } {
  const fromHeader = authParams(header(request, "authorization"), "OAuth");
  const all: Array<[string, string]> = [...request.query, ...(isForm(request) ? request.fields : [])];
  const oauth: Record<string, string> = { ...fromHeader };
  const data: Record<string, string | string[]> = {};
  for (const [key, value] of all) {
    if (key.startsWith("oauth_")) oauth[key] = value;
    else data[key] = key in data ? [...([] as string[]).concat(data[key]!), value] : value;
  }
  const { oauth_signature: signature, realm: _realm, ...signed } = oauth;
  const method = signed["oauth_signature_method"] ?? "";
  const hashName = method.split("-")[1]?.toLowerCase();
  const oauth1 = new OAuth({
    consumer: { key: secrets.consumerKey, secret: secrets.consumerSecret },
    signature_method: method,
    hash_function: (base, key) =>
      method === "PLAINTEXT" ? key : createHmac(hashName!, key).update(base).digest("base64"),
  });
  const target = { url: `${origin}${request.path}`, method: request.method, data };
  if (method.startsWith("RSA-")) {
    const base = oauth1.getBaseString(target, signed as unknown as OAuth.Authorization);
    const ok = verifySignature(
      `RSA-${hashName!.toUpperCase()}`,
      Buffer.from(base),
      secrets.publicKey!,
      Buffer.from(signature ?? "", "base64"),
    );
    return { ok, params: oauth };
  }
  const expected = oauth1.getSignature(target, secrets.tokenSecret ?? "", signed as unknown as OAuth.Authorization);
  return { ok: signature === expected, params: oauth };
}

export function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function isForm(request: RecordedRequest): boolean {
  return (header(request, "content-type") ?? "").startsWith("application/x-www-form-urlencoded");
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

export interface AwsSecrets {
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Signs the received request again with the aws4 package (as Postman does), over the headers it
 * says it signed, and compares: the Authorization header, or a presigned URL's X-Amz-Signature.
 */
export function verifyAwsV4(
  request: RecordedRequest,
  secrets: AwsSecrets,
): { ok: boolean; credential: string; signedHeaders: string; query: boolean } {
  const authorization = header(request, "authorization") ?? "";
  const presigned = new Map(request.query);
  const query = presigned.has("X-Amz-Signature");
  const credential = query
    ? (presigned.get("X-Amz-Credential") ?? "")
    : (/Credential=([^,]+)/.exec(authorization)?.[1] ?? "");
  const signedHeaders = query
    ? (presigned.get("X-Amz-SignedHeaders") ?? "")
    : (/SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? "");
  const [, , region, service] = credential.split("/");
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(";")) if (name) headers[name] = header(request, name) ?? "";
  if (query) {
    const target = request.target.replace(/[?&]X-Amz-Signature=[^&]*/, "");
    const signed = aws4.sign(
      {
        host: headers["host"],
        path: target,
        method: request.method,
        service,
        region,
        headers,
        signQuery: true,
        doNotModifyHeaders: true,
      } as never,
      secrets,
    ) as { path: string };
    const expected = new URLSearchParams(signed.path.split("?")[1]).get("X-Amz-Signature");
    return { ok: expected === presigned.get("X-Amz-Signature"), credential, signedHeaders, query };
  }
  const signer = new aws4.RequestSigner(
    {
      host: headers["host"],
      path: request.target,
      method: request.method,
      service,
      region,
      headers,
      body: request.raw.toString("latin1"),
      doNotModifyHeaders: true,
    } as never,
    secrets,
  );
  // Left to itself (doNotModifyHeaders), aws4 would sign with the time now, not the time the request says.
  (signer as unknown as { datetime: string }).datetime = headers["x-amz-date"] ?? "";
  const signed = signer.sign() as { headers: Record<string, string> };
  return { ok: signed.headers["Authorization"] === authorization, credential, signedHeaders, query };
}

const require = createRequire(import.meta.url);
/** akamai-edgegrid exports only its client; its signer is src/auth.js beside index.js. */
const edgegrid = require(join(dirname(require.resolve("akamai-edgegrid")), "src/auth.js")) as {
  generateAuth(
    request: {
      path: string;
      method: string;
      headers: Record<string, string>;
      headersToSign?: Record<string, string>;
      body?: string;
    },
    clientToken: string,
    clientSecret: string,
    accessToken: string,
    host: string,
    maxBody: number | undefined,
    nonce: string,
    timestamp: string,
  ): { headers: { Authorization: string } };
};

/**
 * Signs the received request again with akamai-edgegrid (Akamai's library), with the time and
 * nonce it carries, the headers named and `origin` (the scheme and host signed), and compares.
 */
export function verifyEdgeGrid(
  request: RecordedRequest,
  origin: string,
  secrets: { clientToken: string; clientSecret: string; accessToken: string },
  headersToSign: readonly string[] = [],
): { ok: boolean; params: Record<string, string> } {
  const authorization = header(request, "authorization") ?? "";
  const params = Object.fromEntries([...authorization.matchAll(/(\w+)=([^;]*);?/g)].map((m) => [m[1]!, m[2]!]));
  const signed = Object.fromEntries(
    headersToSign
      .filter((name) => header(request, name.toLowerCase()))
      .map((name) => [name, header(request, name.toLowerCase())!]),
  );
  const body = request.raw.toString();
  const expected = edgegrid.generateAuth(
    { path: request.target, method: request.method, headers: {}, headersToSign: signed, ...(body ? { body } : {}) },
    secrets.clientToken,
    secrets.clientSecret,
    secrets.accessToken,
    origin,
    undefined,
    params["nonce"] ?? "",
    params["timestamp"] ?? "",
  ).headers.Authorization;
  return { ok: expected === authorization, params };
}
