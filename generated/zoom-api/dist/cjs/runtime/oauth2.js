"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.authorizeOAuth2 = void 0;
// OAuth 2.0 with the grant the collection configures: the client fetches its own access token from
// the token endpoint (client credentials, password, authorization code with or without PKCE, and
// refresh tokens), keeps it per client until shortly before it expires, asks once for N parallel
// calls, and on a 401 renews it and sends the request once more. Sent as Postman sends it
// (postman-runtime's lib/authorizer/oauth2.js): `<headerPrefix> <token>` in Authorization, or
// `access_token` in the query. An explicit `token` option always wins.
const auth_js_1 = require("./auth.js");
const core_js_1 = require("./core.js");
const errors_js_1 = require("./errors.js");
const credential_names_js_1 = require("./credential-names.js");
const redact_js_1 = require("./redact.js");
const sent_secrets_js_1 = require("./sent-secrets.js");
const request_js_1 = require("./request.js");
const signing_js_1 = require("./signing.js");
const template_js_1 = require("./template.js");
const authorizeOAuth2 = async (op, request, options, lookup, session, signal, timeoutMs = Infinity) => {
    const auth = op.auth;
    // An explicit token (string or function) wins over any grant.
    const explicit = await resolve(options.token);
    if (explicit) {
        apply(op, request, auth, explicit, lookup);
        return;
    }
    if (!auth.grant) {
        // The token option (not given: it wins above) names what gives it.
        const token = (0, signing_js_1.authValue)(op, auth, "token", lookup, undefined, "token");
        if (token)
            apply(op, request, auth, token, lookup);
        // In the query, the item's own access_token pairs are no token of the caller's: apply drops them.
        else if (token === undefined)
            (0, auth_js_1.noCredential)(op, options, "token", auth.addTokenTo !== "queryParams" && request.headers.has("authorization"));
        return;
    }
    const given = options.oauth2 ?? {};
    const tokenUrl = (0, signing_js_1.authValue)(op, auth, "accessTokenUrl", lookup);
    if (!tokenUrl)
        throw new errors_js_1.ValidationError(op.name, undefined, "the collection's OAuth 2.0 auth has no access token URL");
    const value = (field, ...option) => (0, signing_js_1.authValue)(op, auth, field, lookup, ...option);
    const clientId = value("clientId", given.clientId) ?? "";
    const scope = value("scope", given.scope);
    const params = [];
    if (auth.grant === "password")
        params.push(["username", value("username", given.username) ?? ""], ["password", value("password", given.password) ?? ""]);
    for (const [name, filled] of [
        ["scope", scope],
        ["audience", value("audience")],
        ["resource", value("resource")],
    ])
        if (filled)
            params.push([name, filled]);
    for (const [name, template] of auth.tokenParams ?? [])
        params.push([
            name,
            (0, request_js_1.wellFormed)(op, (0, template_js_1.fillTemplate)(template, lookup, op.name), `the oauth2 token parameter ${JSON.stringify(name)}`),
            true,
        ]);
    const grant = {
        auth,
        tokenUrl,
        clientId,
        scope,
        clientSecret: value("clientSecret", given.clientSecret),
        params,
    };
    // A token per grant input: one user's token is never another's. Hashed, as the key holds secrets.
    const key = `oauth2 ${(0, signing_js_1.hex)(await (0, signing_js_1.digest)("SHA-256", JSON.stringify([auth.grant, tokenUrl, clientId, grant.clientSecret, params])))}`;
    const margin = (given.expiryMarginSeconds ?? 60) * 1000;
    // Renewed `margin` before it expires, or halfway through its life when that is shorter (a token
    // that lives 60 s or less would else never be used twice). A kept token's life is not known.
    const renewAt = (token, life = Infinity) => token.expiresAt === undefined ? Infinity : token.expiresAt - Math.min(margin, life / 2);
    let entry = session.get(key);
    if (!entry)
        session.set(key, (entry = given.token ? { token: given.token, renewAt: renewAt(given.token) } : { renewAt: 0 }));
    const current = entry;
    const obtain = () => (current.pending ??= fetchToken(op, options, lookup, grant, current.token?.refreshToken).then((token) => {
        current.token = token;
        current.renewAt = renewAt(token, (token.expiresAt ?? 0) - Date.now());
        current.pending = undefined;
        return token;
    }, (error) => {
        current.pending = undefined;
        throw error;
    }));
    let token = current.token;
    if (!token || current.renewAt <= Date.now()) {
        signal?.throwIfAborted();
        // This call waits for the shared request as long as its signal and timeout allow, except while
        // the app's `authorize` waits for the user; giving up ends only its own wait.
        const waited = auth.grant === "authorization_code" && !token?.refreshToken ? Infinity : timeoutMs;
        token = await waitFor(obtain(), signal, waited, () => tokenTimeout(op, tokenUrl, waited));
    }
    apply(op, request, auth, token.accessToken, lookup);
    // A 401: the token was revoked or expired early. Renew it (by its refresh token, if it has one),
    // unless another call renewed it already.
    return () => {
        if (current.token === token)
            current.renewAt = 0;
        return true;
    };
};
exports.authorizeOAuth2 = authorizeOAuth2;
function apply(op, request, auth, token, lookup) {
    // The option's or the endpoint's token (JSON can hold half a character, escaped), as the collection's is.
    (0, request_js_1.wellFormed)(op, token, "the oauth2 token");
    // The item's own access_token pairs are dropped wherever the token goes, as Postman drops them.
    const { url } = request;
    const kept = (0, auth_js_1.queryWithout)(url, "access_token");
    if (auth.addTokenTo === "queryParams") {
        url.search = [...kept, `access_token=${encodeURIComponent(token)}`].join("&");
        return;
    }
    url.search = kept.join("&");
    const prefix = ((0, signing_js_1.authValue)(op, auth, "headerPrefix", lookup) ?? "Bearer").trim();
    (0, signing_js_1.setAuthHeader)(op, request, "authorization", prefix ? `${prefix} ${token}` : token, "the OAuth 2.0 access token");
}
/** The longest delay setTimeout keeps (2³¹−1 ms); longer is no limit. */
const MAX_TIMER_MS = 2_147_483_647;
/** `promise`, or the signal's reason or the timeout's error, whichever comes first; `promise` goes on. */
function waitFor(promise, signal, ms, timeout) {
    let timer;
    let onAbort;
    const ended = new Promise((_, reject) => {
        if (ms <= MAX_TIMER_MS)
            timer = setTimeout(() => reject(timeout()), ms);
        if (signal)
            signal.addEventListener("abort", (onAbort = () => reject(signal.reason)), { once: true });
    });
    return Promise.race([promise, ended]).finally(() => {
        clearTimeout(timer);
        if (onAbort)
            signal.removeEventListener("abort", onAbort);
    });
}
function tokenTimeout(op, url, ms) {
    return new errors_js_1.TimeoutError(op.name, ms, `no token from the token endpoint ${url.split(/[?#]/)[0]}`);
}
async function resolve(credential) {
    return typeof credential === "function" ? credential() : (credential ?? undefined);
}
/** A token from the endpoint: by the refresh token when there is one, else by the collection's grant. */
async function fetchToken(op, options, lookup, grant, refreshToken) {
    const { auth, clientId, clientSecret } = grant;
    const given = options.oauth2 ?? {};
    const value = (field, ...option) => (0, signing_js_1.authValue)(op, auth, field, lookup, ...option);
    let url = grant.tokenUrl;
    const params = [["grant_type", refreshToken ? "refresh_token" : auth.grant]];
    if (refreshToken) {
        url = value("refreshTokenUrl") || url;
        params.push(["refresh_token", refreshToken]);
    }
    else if (auth.grant === "authorization_code")
        params.push(...(await authorizationCode(op, given, grant, value)));
    for (const [name, text, always] of grant.params)
        if (always || !refreshToken)
            params.push([name, text]);
    const headers = new Headers({ "content-type": "application/x-www-form-urlencoded", accept: "application/json" });
    if (auth.clientAuthentication === "body") {
        params.push(["client_id", clientId]);
        if (clientSecret)
            params.push(["client_secret", clientSecret]);
    }
    else if (clientSecret !== undefined) {
        // RFC 6749 section 2.3.1: each part form-encoded, then Basic.
        const form = (text) => encodeURIComponent(text).replace(/%20/g, "+");
        headers.set("authorization", `Basic ${(0, signing_js_1.base64)((0, signing_js_1.utf8)(`${form(clientId)}:${form(clientSecret)}`))}`);
    }
    else {
        params.push(["client_id", clientId]);
    }
    const endpoint = url.split(/[?#]/)[0];
    const client = options;
    // The request is shared by every call waiting for a token, so none of their signals ends it: it
    // has the client's time limit of its own, and its failure clears the way for the next call's.
    const limit = client.timeoutMs ?? core_js_1.DEFAULT_TIMEOUT_MS;
    const controller = new AbortController();
    const timer = limit <= MAX_TIMER_MS ? setTimeout(() => controller.abort(), limit) : undefined;
    let response;
    let text;
    try {
        response = await (client.fetch ?? globalThis.fetch)(url, {
            method: "POST",
            headers,
            body: new URLSearchParams(params),
            signal: controller.signal,
        });
        text = await response.text();
    }
    catch (error) {
        if (controller.signal.aborted)
            throw tokenTimeout(op, url, limit);
        throw new errors_js_1.ConnectionError(op.name, `the token endpoint ${endpoint} could not be reached: ${error.cause?.code ?? error.message}`, { cause: error });
    }
    finally {
        clearTimeout(timer);
    }
    let body;
    try {
        const parsed = JSON.parse(text);
        if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
            body = parsed;
    }
    catch {
        body = undefined;
    }
    // A refresh token refused (expired, revoked): the grant itself, once.
    if (refreshToken && response.status >= 400 && response.status < 500)
        return fetchToken(op, options, lookup, grant, undefined);
    if (!response.ok || typeof body?.["access_token"] !== "string" || body["access_token"] === "") {
        const code = typeof body?.["error"] === "string" ? body["error"] : undefined;
        // An endpoint may quote what it got. Each parameter whose key names a secret (the client's
        // secret, the refresh token, the user's password, a client assertion, a token parameter of
        // the collection's) and the authorization code grant's code and PKCE verifier, which redeem
        // a token once; the Basic pair the client may send instead, as `sentSecrets` reads one.
        const sent = { url: new URL(url), headers };
        const mask = (0, redact_js_1.masker)([
            ...params
                .filter(([name]) => (0, credential_names_js_1.namesTokenParamSecret)(name) || name === "code" || name === "code_verifier")
                .map(([, text]) => text),
            ...(0, sent_secrets_js_1.sentSecrets)(sent, sent),
            clientSecret ?? "",
        ]);
        const description = typeof body?.["error_description"] === "string" ? mask(body["error_description"]) : undefined;
        throw (0, errors_js_1.apiError)({
            operation: op.name,
            status: response.status,
            statusText: response.statusText,
            headers: response.headers,
            // Only the endpoint's error: an answer that is not one may hold a token.
            body: code ? { error: code, ...(description ? { error_description: description } : {}) } : undefined,
            code,
            description: `the token endpoint ${endpoint}`,
            codeDescription: undefined,
            apiMessage: description ?? (response.ok ? "the answer holds no access_token (is it JSON?)" : undefined),
        });
    }
    const expiresIn = Number(body["expires_in"]);
    const token = {
        accessToken: body["access_token"],
        ...(typeof body["token_type"] === "string" ? { tokenType: body["token_type"] } : {}),
        ...(Number.isFinite(expiresIn) && expiresIn > 0 ? { expiresAt: Date.now() + expiresIn * 1000 } : {}),
        // A refresh that brings no new refresh token leaves the old one good.
        ...(typeof body["refresh_token"] === "string"
            ? { refreshToken: body["refresh_token"] }
            : refreshToken
                ? { refreshToken }
                : {}),
        ...(typeof body["scope"] === "string" ? { scope: body["scope"] } : {}),
    };
    await given.onToken?.(token);
    return token;
}
/** The code (and PKCE verifier) of the authorization code grant, through the app's `authorize`. */
async function authorizationCode(op, given, grant, value) {
    const { auth } = grant;
    const authUrl = value("authUrl");
    if (!given.authorize || !authUrl) {
        throw new errors_js_1.ValidationError(op.name, undefined, "the collection's OAuth 2.0 auth uses the authorization code grant: pass createClient({ oauth2: { authorize } }), which sends the user to the authorization URL and resolves with the code");
    }
    const redirectUri = value("redirectUri");
    const state = (0, signing_js_1.randomString)(24);
    const url = new URL(authUrl);
    const query = [
        ["response_type", "code"],
        ["client_id", grant.clientId],
        ...(redirectUri ? [["redirect_uri", redirectUri]] : []),
        ...(grant.scope ? [["scope", grant.scope]] : []),
        ["state", state],
    ];
    let verifier;
    if (auth.pkce) {
        verifier = (0, signing_js_1.randomString)(64);
        const plain = auth.challengeAlgorithm === "plain";
        query.push([
            "code_challenge",
            plain
                ? verifier
                : (0, signing_js_1.base64)(await (0, signing_js_1.digest)("SHA-256", verifier))
                    .replace(/\+/g, "-")
                    .replace(/\//g, "_")
                    .replace(/=+$/, ""),
        ], ["code_challenge_method", plain ? "plain" : "S256"]);
    }
    url.search = [url.search.slice(1), ...query.map(([k, v]) => `${(0, signing_js_1.percentEncode)(k)}=${(0, signing_js_1.percentEncode)(v)}`)]
        .filter(Boolean)
        .join("&");
    const answer = await given.authorize(url);
    let code = answer;
    if (/^[a-z][a-z0-9+.-]*:/i.test(answer)) {
        const redirect = new URL(answer);
        if (redirect.searchParams.get("state") !== state)
            throw new errors_js_1.ValidationError(op.name, undefined, "the authorization redirect's state is not the one sent: the code is refused");
        const error = redirect.searchParams.get("error");
        if (error)
            throw new errors_js_1.ValidationError(op.name, undefined, `the authorization server refused: ${error}`);
        code = redirect.searchParams.get("code") ?? "";
    }
    return [
        ["code", code],
        ...(redirectUri ? [["redirect_uri", redirectUri]] : []),
        ...(verifier ? [["code_verifier", verifier]] : []),
    ];
}
