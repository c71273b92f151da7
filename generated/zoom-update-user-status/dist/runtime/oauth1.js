import { formText } from "./bodies.js";
import { authValue, base64, bodyBytes, digest, hmac, importPrivateKey, percentEncode, randomString, refuse, setAuthHeader, source, unixTime, } from "./signing.js";
import { schemeSecrets } from "./sent-secrets.js";
const HASHES = { SHA1: "SHA-1", SHA256: "SHA-256", SHA512: "SHA-512" };
export const authorizeOAuth1 = async (op, request, options, lookup) => {
    const auth = op.auth;
    const given = options.oauth1 ?? {};
    const value = (key) => authValue(op, auth, key, lookup, given[key]);
    const setting = (field) => authValue(op, auth, field, lookup);
    const consumerKey = value("consumerKey");
    const method = (setting("signatureMethod") || "HMAC-SHA1").toUpperCase();
    const [kind, hashName] = method.split("-");
    const hash = hashName ? HASHES[hashName] : undefined;
    if ((kind !== "HMAC" && kind !== "RSA" && method !== "PLAINTEXT") || (kind !== "PLAINTEXT" && !hash)) {
        refuse(op, `the oauth1 signature method ${JSON.stringify(method)} is not one of HMAC-SHA1, HMAC-SHA256, HMAC-SHA512, RSA-SHA1, RSA-SHA256, RSA-SHA512, PLAINTEXT`);
    }
    const consumerSecret = value("consumerSecret");
    const privateKey = kind === "RSA" ? value("privateKey") : undefined;
    // Without credentials there is nothing to sign with: the request goes as it is (the API answers 401).
    if (!consumerKey || (kind === "RSA" ? !privateKey : !consumerSecret))
        return;
    const addEmpty = auth.addEmptyParamsToSign === true;
    const { url } = request;
    const form = op.body === "urlencoded" ? new URLSearchParams(request.body) : undefined;
    const params = [
        ["oauth_consumer_key", consumerKey],
        ["oauth_token", value("token") ?? ""],
        ["oauth_signature_method", method],
        ["oauth_timestamp", setting("timestamp") || unixTime()],
        ["oauth_nonce", setting("nonce") || randomString(11)],
        ["oauth_version", setting("version") ?? ""],
    ];
    // Extensions of the original protocol: sent only when not empty, whatever addEmptyParamsToSign says.
    if (auth.includeBodyHash && hash && !form)
        params.push(["oauth_body_hash", base64(await digest(hash, (await bodyBytes(request)).bytes))]);
    for (const [name, field] of [
        ["oauth_callback", "callback"],
        ["oauth_verifier", "verifier"],
    ]) {
        const filled = setting(field);
        if (filled)
            params.push([name, filled]);
    }
    const oauth = params.filter(([, v]) => addEmpty || v.trim() !== "");
    // Query and urlencoded body parameters are signed decoded, as a form decodes them.
    const signed = [...oauth, ...decodeForm(url.search.slice(1))];
    form?.forEach((v, k) => signed.push([k, v]));
    const normalized = signed
        .map(([k, v]) => [percentEncode(k), percentEncode(v)])
        .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
        .map(([k, v]) => `${k}=${v}`)
        .join("&");
    const baseString = [request.method.toUpperCase(), `${url.protocol}//${url.host}${url.pathname}`, normalized]
        .map(percentEncode)
        .join("&");
    const key = `${percentEncode(consumerSecret ?? "")}&${percentEncode(value("tokenSecret") ?? "")}`;
    let signature;
    if (kind === "HMAC")
        signature = base64(await hmac(hash, key, baseString));
    else if (kind === "RSA") {
        const cryptoKey = await importPrivateKey(op, privateKey, { name: "RSASSA-PKCS1-v1_5", hash: hash }, "the oauth1 private key");
        signature = base64(new Uint8Array(await crypto.subtle.sign("RSASSA-PKCS1-v1_5", cryptoKey, source(baseString))));
    }
    else
        signature = key;
    oauth.push(["oauth_signature", signature]);
    if (auth.addParamsToHeader) {
        const encode = auth.disableHeaderEncoding ? (text) => text : percentEncode;
        const realm = setting("realm")?.trim();
        const parts = [
            ...(realm ? [`realm="${encode(realm)}"`] : []),
            ...oauth.filter(([, v]) => addEmpty || v !== "").map(([k, v]) => `${encode(k)}="${encode(v.trim())}"`),
        ];
        setAuthHeader(op, request, "authorization", `OAuth ${parts.join(",")}`, "the oauth1 Authorization header");
    }
    else if (form && /PUT|POST/.test(request.method)) {
        for (const [k, v] of oauth)
            form.append(k, v);
        // Written as the body it joins is (bodies.ts), so that what is signed is what is sent.
        request.body = formText(form);
        // The form's oauth_* pairs are credentials an error masks too.
        request.sentSecrets = schemeSecrets;
    }
    else {
        url.search = [url.search.slice(1), ...oauth.map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`)]
            .filter(Boolean)
            .join("&");
    }
};
/** `a=1&b=x+y` → [["a", "1"], ["b", "x y"]], as application/x-www-form-urlencoded decodes. */
function decodeForm(query) {
    const decode = (text) => {
        try {
            return decodeURIComponent(text.replace(/\+/g, " "));
        }
        catch {
            // A stray % (from a base URL written that way) is signed as it stands.
            return text;
        }
    };
    return query
        .split("&")
        .filter(Boolean)
        .map((pair) => {
        const at = pair.indexOf("=");
        return at < 0 ? [decode(pair), ""] : [decode(pair.slice(0, at)), decode(pair.slice(at + 1))];
    });
}
