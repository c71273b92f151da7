// Server-side checks of what the client (or newman) signed, each by an implementation written by
// others: oauth-1.0a for OAuth 1.0a, aws4 and smithy's SignatureV4 for AWS Signature Version 4. A check takes the request
// as the recording server received it.
import { createHmac, createHash, verify as verifySignature, type KeyObject } from "node:crypto";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { getCanonicalHeaders, getCanonicalQuery, SignatureV4 } from "@smithy/signature-v4";
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

/** What a Signature V4 request says it signed: its Authorization header and X-Amz-Date, or a presigned URL's parameters. */
interface AwsSigned {
  query: boolean;
  credential: string;
  signedHeaders: string;
  region: string;
  service: string;
  amzDate: string;
  /** The signed headers as they arrived, by lower-case name. */
  headers: Record<string, string>;
  /** The Authorization header, or the presigned URL's X-Amz-Signature. */
  sent: string;
}

function awsSigned(request: RecordedRequest): AwsSigned {
  const authorization = header(request, "authorization") ?? "";
  const presigned = new Map(request.query);
  const query = presigned.has("X-Amz-Signature");
  const credential = query
    ? (presigned.get("X-Amz-Credential") ?? "")
    : (/Credential=([^,]+)/.exec(authorization)?.[1] ?? "");
  const signedHeaders = query
    ? (presigned.get("X-Amz-SignedHeaders") ?? "")
    : (/SignedHeaders=([^,]+)/.exec(authorization)?.[1] ?? "");
  const [, , region = "", service = ""] = credential.split("/");
  const headers: Record<string, string> = {};
  for (const name of signedHeaders.split(";")) if (name) headers[name] = header(request, name) ?? "";
  const amzDate = query
    ? (presigned.get("X-Amz-Date") ?? "")
    : (headers["x-amz-date"] ?? header(request, "x-amz-date") ?? "");
  const sent = query ? (presigned.get("X-Amz-Signature") ?? "") : authorization;
  return { query, credential, signedHeaders, region, service, amzDate, headers, sent };
}

/** One verifier's reading of a request: the canonical request it builds and whether the signature is its. */
export interface AwsReading {
  ok: boolean;
  canonicalRequest: string;
}

/** aws4's RequestSigner, which its types leave out. */
interface Aws4Signer {
  datetime: string;
  canonicalString(): string;
  signature(): string;
  authHeader(): string;
}

/**
 * Signs the received request again with the aws4 package (as Postman does), over the headers it
 * says it signed, and compares: the Authorization header, or a presigned URL's X-Amz-Signature.
 * Throws aws4's URIError for a target it cannot decode.
 */
export function verifyAwsV4ByAws4(request: RecordedRequest, secrets: AwsSecrets): AwsReading {
  const signed = awsSigned(request);
  const signer = new aws4.RequestSigner(
    {
      host: signed.headers["host"],
      // aws4 sets a presigned URL's other parameters again.
      path: signed.query ? request.target.replace(/[?&]X-Amz-Signature=[^&]*/, "") : request.target,
      method: request.method,
      service: signed.service,
      region: signed.region,
      headers: signed.headers,
      ...(signed.query ? { signQuery: true } : { body: request.raw.toString("latin1") }),
      doNotModifyHeaders: true,
    } as never,
    secrets,
  ) as unknown as Aws4Signer;
  // Left to itself (doNotModifyHeaders), aws4 would sign with the time now, not the time the request
  // says; a presigned URL's X-Amz-Date too, which aws4 reads only after signature() has taken the time.
  signer.datetime = signed.amzDate;
  const ok = signed.query ? signer.signature() === signed.sent : signer.authHeader() === signed.sent;
  return { ok, canonicalRequest: signer.canonicalString() };
}

/** smithy's SignatureV4 with its canonical request reachable synchronously (the conformance harness compares synchronously). */
class AwsCanonical extends SignatureV4 {
  constructor(service: string, region: string, uriEscapePath: boolean) {
    super({ service, region, credentials: { accessKeyId: "", secretAccessKey: "" }, sha256: Sha256, uriEscapePath });
  }
  read(request: SmithyRequest, signedHeaders: ReadonlySet<string>, payloadHash: string) {
    // The headers the request names are signed, those smithy would leave out (Cache-Control, ...) too.
    const headers = getCanonicalHeaders(request, undefined, new Set(signedHeaders));
    return {
      canonicalRequest: this.createCanonicalRequest(request, headers, payloadHash),
      signedHeaders: this.getCanonicalHeaderList(headers),
    };
  }
}
type SmithyRequest = Parameters<typeof getCanonicalQuery>[0];

/** SHA-256 (HMAC-SHA-256 with a key) as smithy's signer takes one. */
class Sha256 {
  readonly #hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    const key = typeof secret === "string" || secret === undefined ? secret : Buffer.from(secret as Uint8Array);
    this.#hash = key === undefined ? createHash("sha256") : createHmac("sha256", key);
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.#hash.update(typeof data === "string" ? data : Buffer.from(data as Uint8Array));
  }
  digest(): Promise<Uint8Array> {
    return Promise.resolve(new Uint8Array(this.#hash.digest()));
  }
}
export { Sha256 as SmithySha256 };

/**
 * Signs the received request again as AWS does, with smithy's SignatureV4 (the AWS SDKs' signer):
 * the query as the server read it (each pair decoded; smithy encodes them once), the path as sent
 * (smithy encodes it again, as AWS signs every service's path but S3's), for S3 the object key the
 * path names encoded once as its SDK encodes a key (`/` kept; S3 reads a `+` in the path as a
 * space, as aws4 does); the headers the request says it signed, the body's hash as sent (its
 * X-Amz-Content-Sha256, else the hash of the bytes; a presigned S3 URL's UNSIGNED-PAYLOAD). The
 * key derivation and HMAC are AWS's published steps, here synchronous (smithy's are async; a test
 * holds them to smithy's own signatures). Throws a URIError for an S3 path that names no key.
 */
export function verifyAwsV4BySmithy(request: RecordedRequest, secrets: AwsSecrets): AwsReading {
  const signed = awsSigned(request);
  const s3 = signed.service === "s3";
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of request.query) {
    const had = query[name];
    query[name] = had === undefined ? value : [...([] as string[]).concat(had), value];
  }
  const smithyRequest: SmithyRequest = {
    method: request.method,
    protocol: "http:",
    hostname: signed.headers["host"] ?? "",
    path: s3 ? s3KeyPath(request.path) : request.path,
    query,
    headers: signed.headers,
  };
  const payloadHash =
    signed.query && s3 ? "UNSIGNED-PAYLOAD" : (header(request, "x-amz-content-sha256") ?? sha256Hex(request.raw));
  const names = new Set(signed.signedHeaders.split(";").filter(Boolean));
  const { canonicalRequest, signedHeaders } = new AwsCanonical(signed.service, signed.region, !s3).read(
    smithyRequest,
    names,
    payloadHash,
  );
  const date = signed.amzDate.slice(0, 8);
  const scope = `${date}/${signed.region}/${signed.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", signed.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  let key: string | Buffer = `AWS4${secrets.secretAccessKey}`;
  for (const part of [date, signed.region, signed.service, "aws4_request"])
    key = createHmac("sha256", key).update(part).digest();
  const signature = createHmac("sha256", key).update(stringToSign).digest("hex");
  const expected = signed.query
    ? signature
    : `AWS4-HMAC-SHA256 Credential=${secrets.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { ok: expected === signed.sent, canonicalRequest };
}

/** An S3 path as S3 reads its object key (a `+` is a space), encoded once as its SDK encodes a key. */
function s3KeyPath(path: string): string {
  return path
    .split("/")
    .map((segment) => escapeUri(decodeURIComponent(segment.replace(/\+/g, " "))).replace(/%2F/g, "/"))
    .join("/");
}

/** smithy's escapeUri (@smithy/core, not a dependency of ours): RFC 3986, `!'()*` escaped too. */
function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * Whether a Signature V4 request is signed right: as aws4 (Postman's signer) signs it, or, where
 * aws4 reads the request otherwise than AWS does (it escapes a target that holds a character a URL
 * leaves as it is once more as a whole: `%23` beside a backtick in the query becomes `%2523`, where
 * AWS signs `%23`), as AWS signs it (smithy). The client signs as AWS does there
 * (docs/auth.md). Throws aws4's URIError for a target aws4 cannot decode.
 */
export function verifyAwsV4(
  request: RecordedRequest,
  secrets: AwsSecrets,
): { ok: boolean; credential: string; signedHeaders: string; query: boolean; by: "aws4" | "aws" } {
  const { credential, signedHeaders, query } = awsSigned(request);
  const byAws4 = verifyAwsV4ByAws4(request, secrets);
  if (byAws4.ok) return { ok: true, credential, signedHeaders, query, by: "aws4" };
  const byAws = verifyAwsV4BySmithy(request, secrets);
  if (byAws.canonicalRequest === byAws4.canonicalRequest)
    return { ok: false, credential, signedHeaders, query, by: "aws4" };
  return { ok: byAws.ok, credential, signedHeaders, query, by: "aws" };
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
