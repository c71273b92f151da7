// AWS Signature Version 4, signed for each request as Postman signs it (postman-runtime's
// lib/authorizer/aws4.js, which uses the aws4 package): the request's headers signed with Host,
// X-Amz-Date, X-Amz-Security-Token and, for a body, X-Amz-Content-Sha256 (the SHA-256 of the
// bytes sent); or, with addAuthDataToQuery, a presigned URL. Service `execute-api` and region
// `us-east-1` unless the collection says otherwise. Credentials (the access key and its secret) come
// from the client's `aws` option, else the collection's variables; without them the call is refused
// (needCredential).
import { declined, setQuery, type Authorizer } from "./auth.js";
import { authValue, bodyBytes, digest, needCredential, hex, hmac, percentEncode, setAuthHeader } from "./signing.js";
import type { AwsV4Spec } from "./spec.js";

/** Headers never signed, as aws4 leaves them out (proxies and clients change them). */
const UNSIGNED = new Set([
  "authorization",
  "connection",
  "x-amzn-trace-id",
  "user-agent",
  "expect",
  "presigned-expires",
  "range",
]);
/** The item's own query pairs of these names are dropped before signing, whichever way the client signs. */
export const AUTH_QUERY: readonly string[] = [
  "X-Amz-Security-Token",
  "X-Amz-Date",
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-SignedHeaders",
  "X-Amz-Signature",
];

export const authorizeAwsV4: Authorizer = async (op, request, options, lookup) => {
  if (declined(options, "aws")) return;
  const auth = op.auth as AwsV4Spec;
  const given = options.aws;
  const accessKey = authValue(op, auth, "accessKey", lookup, given?.accessKeyId);
  const secretKey = authValue(op, auth, "secretKey", lookup, given?.secretAccessKey);
  // Given credentials are whole: the collection's session token does not go with the caller's keys
  // ("" is none).
  const sessionToken = authValue(op, auth, "sessionToken", lookup, given ? (given.sessionToken ?? "") : undefined);
  // A presigned URL's parameters are the client's to set: only the caller's header is theirs.
  const sent = !auth.addAuthDataToQuery && request.headers.has("authorization");
  needCredential(op, "aws", { accessKeyId: accessKey, secretAccessKey: secretKey }, sent);
  if (!accessKey || !secretKey) return;
  const service = authValue(op, auth, "service", lookup) || "execute-api";
  const region = authValue(op, auth, "region", lookup) || "us-east-1";
  const { url, headers } = request;
  for (const name of ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"])
    headers.delete(name);
  setQuery(
    url,
    url.search
      .slice(1)
      .split("&")
      .filter((pair) => !AUTH_QUERY.includes(safeDecode(pair.split("=")[0]!))),
  );
  const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, "");
  const { bytes } = await bodyBytes(request);

  if (auth.addAuthDataToQuery) {
    const credential = `${accessKey}/${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;
    const added: Array<[string, string]> = [
      ...(sessionToken ? [["X-Amz-Security-Token", sessionToken] as [string, string]] : []),
      ...(service === "s3" ? [["X-Amz-Expires", "86400"] as [string, string]] : []),
      ["X-Amz-Date", amzDate],
      ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
      ["X-Amz-Credential", credential],
      ["X-Amz-SignedHeaders", signedHeaderNames(headers)],
    ];
    appendQuery(url, added);
    const payloadHash = service === "s3" ? "UNSIGNED-PAYLOAD" : hex(await digest("SHA-256", bytes));
    const { signature } = await signatureV4({
      method: request.method,
      url,
      headers,
      payloadHash,
      accessKey,
      secretKey,
      region,
      service,
      amzDate,
    });
    appendQuery(url, [["X-Amz-Signature", signature]]);
    return;
  }
  const payloadHash = hex(await digest("SHA-256", bytes));
  // Postman sends the body's hash for a body; aws4 for every S3 request.
  if (request.body !== undefined || service === "s3") headers.set("x-amz-content-sha256", payloadHash);
  headers.set("x-amz-date", amzDate);
  if (sessionToken) setAuthHeader(op, request, "x-amz-security-token", sessionToken, "the AWS session token");
  const { authorization } = await signatureV4({
    method: request.method,
    url,
    headers,
    payloadHash,
    accessKey,
    secretKey,
    region,
    service,
    amzDate,
  });
  setAuthHeader(op, request, "authorization", authorization, "the AWS access key");
};

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

export async function signatureV4(input: SignatureV4Input): Promise<SignatureV4> {
  const { url, service } = input;
  const date = input.amzDate.slice(0, 8);
  const scope = `${date}/${input.region}/${service}/aws4_request`;
  const signed = signedHeaders(input.headers, url);
  const canonicalRequest = [
    input.method.toUpperCase(),
    canonicalPath(escapedPath(url.pathname), service === "s3", input.decodePath ?? service === "s3"),
    canonicalQuery(url.search.slice(1)),
    signed.map(([name, value]) => `${name}:${value}\n`).join(""),
    signed.map(([name]) => name).join(";"),
    input.payloadHash,
  ].join("\n");
  const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, hex(await digest("SHA-256", canonicalRequest))].join(
    "\n",
  );
  let key = await hmac("SHA-256", `AWS4${input.secretKey}`, date);
  for (const part of [input.region, service, "aws4_request"]) key = await hmac("SHA-256", key, part);
  const signature = hex(await hmac("SHA-256", key, stringToSign));
  const authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKey}/${scope}, SignedHeaders=${signed.map(([name]) => name).join(";")}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, signature, authorization };
}

/** The request's headers and Host, lower-cased and sorted, values trimmed with inner spaces collapsed. */
function signedHeaders(headers: Headers, url: URL): Array<[string, string]> {
  const list: Array<[string, string]> = [["host", url.host]];
  headers.forEach((value, name) => {
    if (name !== "host" && !UNSIGNED.has(name)) list.push([name, value.trim().replace(/\s+/g, " ")]);
  });
  return list.sort(([a], [b]) => (a < b ? -1 : 1));
}

function signedHeaderNames(headers: Headers): string {
  return signedHeaders(headers, new URL("http://host/"))
    .map(([name]) => name)
    .join(";");
}

/**
 * The path with the characters a URL leaves as they are (`|`, `^`, `[`, `]`) escaped, as aws4
 * (which Postman signs with) takes it and as a server reading the path escaped does; its escapes
 * then read as aws4 reads them (`decodeURI`, `encodeURI`). Else such a character would be encoded
 * once where the rest of the path is encoded twice, a signature no server checks.
 */
function escapedPath(path: string): string {
  if (!/[^0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]/.test(path)) return path;
  try {
    return encodeURI(decodeURI(path));
  } catch {
    // A `%` that starts no escape (a collection's `100%`): the characters only.
    return path.replace(/[^0-9A-Za-z;,/?:@&=+$\-_.!~*'()#%]/g, (c) => encodeURIComponent(c));
  }
}

/**
 * Each segment encoded (RFC 3986) once more, or, decoded, once; other services than S3 also drop
 * empty, `.` and `..` segments. A decoded segment's `+` is a space, and S3 signs its key's slashes
 * as slashes (an escaped one too), as aws4 does and as S3 reads an object's key.
 */
function canonicalPath(path: string, s3: boolean, decode: boolean): string {
  if (path === "/" || path === "") return "/";
  const normalize = !s3;
  const segments: string[] = [];
  const parts = (normalize ? path.replace(/\/{2,}/g, "/") : path).split("/");
  for (const piece of parts) {
    if (normalize && piece === "..") segments.pop();
    else if (!normalize || piece !== ".")
      segments.push(percentEncode(decode ? safeDecode(piece.replace(/\+/g, " ")) : piece));
  }
  const joined = segments.join("/");
  const canonical = joined.startsWith("/") ? joined : `/${joined}`;
  return s3 ? canonical.replace(/%2F/g, "/") : canonical;
}

/**
 * Pairs decoded as a form decodes them (each escape on its own: a stray % stays as it stands, the
 * escapes beside it decoded, as aws4 and a server read them), encoded (RFC 3986), sorted by name
 * then value.
 */
function canonicalQuery(query: string): string {
  return [...new URLSearchParams(query)]
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .filter(([name]) => name !== "")
    .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join("&");
}

function appendQuery(url: URL, pairs: ReadonlyArray<readonly [string, string]>): void {
  setQuery(url, [
    url.search.slice(1),
    ...pairs.map(([name, value]) => `${percentEncode(name)}=${percentEncode(value)}`),
  ]);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
