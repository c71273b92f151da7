import { authValue, base64, bodyBytes, digest, hmac, refuse, setAuthHeader } from "./signing.js";
export const authorizeEdgeGrid = async (op, request, options, lookup) => {
    const auth = op.auth;
    const given = options.edgegrid;
    const value = (key) => authValue(op, auth, key, lookup, given?.[key]);
    const setting = (field) => authValue(op, auth, field, lookup);
    const accessToken = value("accessToken");
    const clientToken = value("clientToken");
    const clientSecret = value("clientSecret");
    if (!accessToken || !clientToken || !clientSecret)
        return;
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
        .map((name) => `${name}:${headers.get(name).trim().replace(/\s+/g, " ")}`)
        .join("\t");
    let bodyHash = "";
    // Only a POST's body is signed, as the EdgeGrid specification and Postman do.
    if (request.method === "POST" && request.body !== undefined) {
        const { bytes } = await bodyBytes(request);
        const max = Number(setting("maxBodySize")) || 131072;
        if (bytes.length)
            bodyHash = base64(await digest("SHA-256", bytes.subarray(0, max)));
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
function headerValue(op, headers, name) {
    try {
        return headers.get(name);
    }
    catch {
        return refuse(op, `the edgegrid headersToSign names ${JSON.stringify(name)}, which is not a valid header name`);
    }
}
/** `20240131T09:05:07+0000`, EdgeGrid's time format. */
function edgeGridTime(date) {
    const two = (n) => String(n).padStart(2, "0");
    return `${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}+0000`;
}
