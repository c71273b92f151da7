"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.authorizeAwsV4 = void 0;
exports.signatureV4 = signatureV4;
const signing_js_1 = require("./signing.js");
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
const AUTH_QUERY = [
    "X-Amz-Security-Token",
    "X-Amz-Date",
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-SignedHeaders",
    "X-Amz-Signature",
];
const authorizeAwsV4 = async (op, request, options, lookup) => {
    const auth = op.auth;
    const given = options.aws;
    const accessKey = (0, signing_js_1.authValue)(op, auth, "accessKey", lookup, given?.accessKeyId);
    const secretKey = (0, signing_js_1.authValue)(op, auth, "secretKey", lookup, given?.secretAccessKey);
    // Given credentials are whole: the collection's session token does not go with the caller's keys
    // ("" is none).
    const sessionToken = (0, signing_js_1.authValue)(op, auth, "sessionToken", lookup, given && (given.sessionToken ?? ""));
    if (!accessKey || !secretKey)
        return;
    const service = (0, signing_js_1.authValue)(op, auth, "service", lookup) || "execute-api";
    const region = (0, signing_js_1.authValue)(op, auth, "region", lookup) || "us-east-1";
    const { url, headers } = request;
    for (const name of ["authorization", "x-amz-date", "x-amz-security-token", "x-amz-content-sha256"])
        headers.delete(name);
    url.search = url.search
        .slice(1)
        .split("&")
        .filter((pair) => pair && !AUTH_QUERY.includes(safeDecode(pair.split("=")[0])))
        .join("&");
    const amzDate = new Date().toISOString().replace(/[:-]|\.\d{3}/g, "");
    const { bytes } = await (0, signing_js_1.bodyBytes)(request);
    if (auth.addAuthDataToQuery) {
        const credential = `${accessKey}/${amzDate.slice(0, 8)}/${region}/${service}/aws4_request`;
        const added = [
            ...(sessionToken ? [["X-Amz-Security-Token", sessionToken]] : []),
            ...(service === "s3" ? [["X-Amz-Expires", "86400"]] : []),
            ["X-Amz-Date", amzDate],
            ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
            ["X-Amz-Credential", credential],
            ["X-Amz-SignedHeaders", signedHeaderNames(headers)],
        ];
        appendQuery(url, added);
        const payloadHash = service === "s3" ? "UNSIGNED-PAYLOAD" : (0, signing_js_1.hex)(await (0, signing_js_1.digest)("SHA-256", bytes));
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
    const payloadHash = (0, signing_js_1.hex)(await (0, signing_js_1.digest)("SHA-256", bytes));
    // Postman sends the body's hash for a body; aws4 for every S3 request.
    if (request.body !== undefined || service === "s3")
        headers.set("x-amz-content-sha256", payloadHash);
    headers.set("x-amz-date", amzDate);
    if (sessionToken)
        (0, signing_js_1.setAuthHeader)(op, request, "x-amz-security-token", sessionToken, "the AWS session token");
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
    (0, signing_js_1.setAuthHeader)(op, request, "authorization", authorization, "the AWS access key");
};
exports.authorizeAwsV4 = authorizeAwsV4;
async function signatureV4(input) {
    const { url, service } = input;
    const date = input.amzDate.slice(0, 8);
    const scope = `${date}/${input.region}/${service}/aws4_request`;
    const signed = signedHeaders(input.headers, url);
    const canonicalRequest = [
        input.method.toUpperCase(),
        canonicalPath(url.pathname, service !== "s3", input.decodePath ?? service === "s3"),
        canonicalQuery(url.search.slice(1)),
        signed.map(([name, value]) => `${name}:${value}\n`).join(""),
        signed.map(([name]) => name).join(";"),
        input.payloadHash,
    ].join("\n");
    const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, (0, signing_js_1.hex)(await (0, signing_js_1.digest)("SHA-256", canonicalRequest))].join("\n");
    let key = await (0, signing_js_1.hmac)("SHA-256", `AWS4${input.secretKey}`, date);
    for (const part of [input.region, service, "aws4_request"])
        key = await (0, signing_js_1.hmac)("SHA-256", key, part);
    const signature = (0, signing_js_1.hex)(await (0, signing_js_1.hmac)("SHA-256", key, stringToSign));
    const authorization = `AWS4-HMAC-SHA256 Credential=${input.accessKey}/${scope}, SignedHeaders=${signed.map(([name]) => name).join(";")}, Signature=${signature}`;
    return { canonicalRequest, stringToSign, signature, authorization };
}
/** The request's headers and Host, lower-cased and sorted, values trimmed with inner spaces collapsed. */
function signedHeaders(headers, url) {
    const list = [["host", url.host]];
    headers.forEach((value, name) => {
        if (name !== "host" && !UNSIGNED.has(name))
            list.push([name, value.trim().replace(/\s+/g, " ")]);
    });
    return list.sort(([a], [b]) => (a < b ? -1 : 1));
}
function signedHeaderNames(headers) {
    return signedHeaders(headers, new URL("http://host/"))
        .map(([name]) => name)
        .join(";");
}
/** Each segment encoded (RFC 3986) once more; other services than S3 also drop empty, `.` and `..` segments. */
function canonicalPath(path, normalize, decode) {
    if (path === "/" || path === "")
        return "/";
    const segments = [];
    const parts = (normalize ? path.replace(/\/{2,}/g, "/") : path).split("/");
    for (const piece of parts) {
        if (normalize && piece === "..")
            segments.pop();
        else if (!normalize || piece !== ".")
            segments.push((0, signing_js_1.percentEncode)(decode ? safeDecode(piece) : piece));
    }
    const joined = segments.join("/");
    return joined.startsWith("/") ? joined : `/${joined}`;
}
/** Pairs decoded as a form decodes them, encoded (RFC 3986), sorted by name then value. */
function canonicalQuery(query) {
    return query
        .split("&")
        .filter(Boolean)
        .map((pair) => {
        const at = pair.indexOf("=");
        const [name, value] = at < 0 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
        return [
            (0, signing_js_1.percentEncode)(safeDecode(name.replace(/\+/g, " "))),
            (0, signing_js_1.percentEncode)(safeDecode(value.replace(/\+/g, " "))),
        ];
    })
        .filter(([name]) => name !== "")
        .sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
        .map(([name, value]) => `${name}=${value}`)
        .join("&");
}
function appendQuery(url, pairs) {
    url.search = [url.search.slice(1), ...pairs.map(([name, value]) => `${(0, signing_js_1.percentEncode)(name)}=${(0, signing_js_1.percentEncode)(value)}`)]
        .filter(Boolean)
        .join("&");
}
function safeDecode(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
}
