// Akamai EdgeGrid (EG1-HMAC-SHA256), signed for each request as Postman signs it (postman-runtime's
// lib/authorizer/edgegrid.js): a key from the client secret and the time, over the method, scheme,
// host (the collection's baseURL host, else the request's), path and query, the headers the
// collection names, the SHA-256 of a POST's body (its first maxBodySize bytes, 128 KiB by default)
// and the unsigned header. Credentials (the three tokens) come from the client's `edgegrid` option,
// else the collection's variables; without them the call is refused (needCredential).
import { declined, type Authorizer } from "./auth.js";
import {
  authValue,
  base64,
  bodyBytes,
  digest,
  hmac,
  needCredential,
  refuse,
  setAuthHeader,
  type TextField,
} from "./signing.js";
import type { EdgeGridSpec } from "./spec.js";

export const authorizeEdgeGrid: Authorizer = async (op, request, options, lookup) => {
  if (declined(options, "edgegrid")) return;
  const auth = op.auth as EdgeGridSpec;
  const given = options.edgegrid;
  const value = (key: keyof NonNullable<typeof given>) => authValue(op, auth, key, lookup, given?.[key]);
  const setting = (field: TextField<EdgeGridSpec>) => authValue(op, auth, field, lookup);
  const accessToken = value("accessToken");
  const clientToken = value("clientToken");
  const clientSecret = value("clientSecret");
  const sent = request.headers.has("authorization");
  needCredential(op, "edgegrid", { clientToken, clientSecret, accessToken }, sent);
  if (!accessToken || !clientToken || !clientSecret) return;
  const { url, headers } = request;
  const timestamp = setting("timestamp") || edgeGridTime(new Date());
  const nonce = setting("nonce") || crypto.randomUUID();
  const baseUrl = setting("baseURL");
  const host = baseUrl
    ? new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(baseUrl) ? baseUrl : `https://${baseUrl}`).host
    : url.host;
  const signedHeaders = (setting("headersToSign") ?? "")
    .split(",")
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name && headerValue(op, headers, name))
    .map((name) => `${name}:${headers.get(name)!.trim().replace(/\s+/g, " ")}`)
    .join("\t");
  let bodyHash = "";
  // Only a POST's body is signed, as the EdgeGrid specification and Postman do.
  if (request.method === "POST" && request.body !== undefined) {
    const { bytes } = await bodyBytes(request);
    const max = Number(setting("maxBodySize")) || 131072;
    if (bytes.length) bodyHash = base64(await digest("SHA-256", bytes.subarray(0, max)));
  }
  const unsigned = `EG1-HMAC-SHA256 client_token=${clientToken};access_token=${accessToken};timestamp=${timestamp};nonce=${nonce};`;
  const data = [
    request.method,
    url.protocol.replace(":", ""),
    host,
    url.pathname + url.search || "/",
    signedHeaders,
    bodyHash,
    unsigned,
  ].join("\t");
  const signingKey = base64(await hmac("SHA-256", clientSecret, timestamp));
  const signature = base64(await hmac("SHA-256", signingKey, data));
  setAuthHeader(op, request, "authorization", `${unsigned}signature=${signature}`, "the EdgeGrid Authorization header");
};

/**
 * The value of a header named in headersToSign. Headers refuses a name that is not an HTTP token
 * with a TypeError that names no setting; the name is a setting, not a credential, so it is quoted.
 */
function headerValue(op: Parameters<Authorizer>[0], headers: Headers, name: string): string | null {
  try {
    return headers.get(name);
  } catch {
    return refuse(op, `the edgegrid headersToSign names ${JSON.stringify(name)}, which is not a valid header name`);
  }
}

/** `20240131T09:05:07+0000`, EdgeGrid's time format. */
function edgeGridTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}+0000`;
}
