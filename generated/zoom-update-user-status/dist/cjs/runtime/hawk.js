"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.authorizeHawk = void 0;
const signing_js_1 = require("./signing.js");
const authorizeHawk = async (op, request, options, lookup) => {
    const auth = op.auth;
    const setting = (field) => (0, signing_js_1.authValue)(op, auth, field, lookup);
    const id = (0, signing_js_1.authValue)(op, auth, "authId", lookup, options.hawk?.id);
    const key = (0, signing_js_1.authValue)(op, auth, "authKey", lookup, options.hawk?.key);
    if (!id || !key)
        return;
    const algorithm = ((0, signing_js_1.authValue)(op, auth, "algorithm", lookup, options.hawk?.algorithm) ?? "sha256").toLowerCase();
    if (algorithm !== "sha256" && algorithm !== "sha1")
        (0, signing_js_1.refuse)(op, `the hawk algorithm ${JSON.stringify(algorithm)} is not sha256 or sha1`);
    const hash = algorithm === "sha1" ? "SHA-1" : "SHA-256";
    const { url } = request;
    let payloadHash;
    // As Postman: the payload's hash only when asked for, and only for a body.
    if (auth.includePayloadHash && request.body !== undefined) {
        const { bytes, contentType } = await (0, signing_js_1.bodyBytes)(request);
        const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
        const prefix = (0, signing_js_1.utf8)(`hawk.1.payload\n${mediaType}\n`);
        const payload = new Uint8Array(prefix.length + bytes.length + 1);
        payload.set(prefix);
        payload.set(bytes, prefix.length);
        payload[payload.length - 1] = 0x0a;
        payloadHash = (0, signing_js_1.base64)(await (0, signing_js_1.digest)(hash, payload));
    }
    const ts = setting("timestamp") || (0, signing_js_1.unixTime)();
    const nonce = setting("nonce") || (0, signing_js_1.randomString)(6);
    const ext = setting("extraData");
    const app = setting("app");
    const dlg = setting("delegation");
    const port = url.port || (url.protocol === "https:" ? "443" : "80");
    const normalized = [
        "hawk.1.header",
        ts,
        nonce,
        request.method.toUpperCase(),
        url.pathname + url.search,
        url.hostname.toLowerCase(),
        port,
        payloadHash ?? "",
        (ext ?? "").replace(/\\/g, "\\\\").replace(/\n/g, "\\n"),
        ...(app ? [app, dlg ?? ""] : []),
        "",
    ].join("\n");
    const mac = (0, signing_js_1.base64)(await (0, signing_js_1.hmac)(hash, key, normalized));
    const attribute = (text) => text.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
    const header = `Hawk id="${id}", ts="${ts}", nonce="${nonce}"` +
        (payloadHash ? `, hash="${payloadHash}"` : "") +
        (ext ? `, ext="${attribute(ext)}"` : "") +
        `, mac="${mac}"` +
        (app ? `, app="${app}"${dlg ? `, dlg="${dlg}"` : ""}` : "");
    (0, signing_js_1.setAuthHeader)(op, request, "authorization", header, "the Hawk Authorization header");
};
exports.authorizeHawk = authorizeHawk;
