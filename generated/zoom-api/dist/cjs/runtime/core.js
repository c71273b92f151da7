"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_MAX_RETRIES = exports.MAX_TIMER_MS = exports.DEFAULT_TIMEOUT_MS = void 0;
exports.createCore = createCore;
exports.readUnread = readUnread;
exports.reason = reason;
// The client core that every generated method calls: options, variables, auth, then attempts with
// timeouts, retries and hooks, and the parsed result or a typed error.
const api_promise_js_1 = require("./api-promise.js");
const errors_js_1 = require("./errors.js");
const request_js_1 = require("./request.js");
const redact_js_1 = require("./redact.js");
const sent_secrets_js_1 = require("./sent-secrets.js");
const response_js_1 = require("./response.js");
const retry_js_1 = require("./retry.js");
exports.DEFAULT_TIMEOUT_MS = 60_000;
/** The longest delay setTimeout keeps (2³¹−1 ms, ~24.8 days); longer ones fire at once. */
exports.MAX_TIMER_MS = 2_147_483_647;
exports.DEFAULT_MAX_RETRIES = 2;
function createCore(options, defaults) {
    const session = new Map();
    const { environment: name } = options;
    if (name !== undefined && !defaults.environments)
        throw new errors_js_1.ValidationError("createClient", "environment", `unknown environment ${JSON.stringify(String(name))}: the client was generated without environments`);
    const environment = defaults.environments?.(name);
    if (options.responseCheck && !options.responseChecks) {
        throw new errors_js_1.ValidationError("createClient", "responseChecks", "responseCheck needs the package's responseChecks export: pass createClient({ responseCheck, responseChecks })");
    }
    return {
        call: (op, args, callOptions = {}, encode, authorize, features) => {
            // What the call resolves with, made before its request so that the ApiPromise's asResponse()
            // can mark it (see Answer); send fills it in rather than making its own.
            const answer = {};
            return new api_promise_js_1.ApiPromise(send(op, args, callOptions, options, defaults, environment, encode, authorize, session, features, answer), answer);
        },
    };
}
async function send(op, args, call, options, defaults, environment, encode, authorize, session, features, answer) {
    const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? exports.DEFAULT_TIMEOUT_MS;
    const maxRetries = call.maxRetries ?? options.maxRetries ?? exports.DEFAULT_MAX_RETRIES;
    // Checked first, before the request is built or a token fetched. NaN or a negative count would
    // never stop retrying; 0 or NaN ms would time out at once.
    if (!(typeof timeoutMs === "number" && timeoutMs > 0)) {
        throw new errors_js_1.ValidationError(op.name, undefined, `timeoutMs must be a positive number of milliseconds (Infinity for no limit), got ${String(timeoutMs)}`);
    }
    if (!(Number.isInteger(maxRetries) && maxRetries >= 0))
        throw new errors_js_1.ValidationError(op.name, undefined, `maxRetries must be a whole number from 0, got ${String(maxRetries)}`);
    // The request as the arguments make it, before its auth: the first attempt's, and made again
    // (rather than copied up front, which every call would pay for) for each further attempt and for
    // an error, which compares it with what was sent; a file given as bytes is copied into a Blob
    // again then, as it is sent again on a retry. Each attempt starts from it, signed afresh
    // (signatures hold a nonce and a time; a token may have been renewed), as a fetch of the app's
    // own, or the global one instrumented, may edit `init.headers` in place (a tracer appending its
    // id), as a hook may edit the URL. Each build of a call makes the dynamic variables' values of
    // the first (`made`): a retry resends its Idempotency-Key of `{{$guid}}`.
    const made = [];
    // The lookup of the last build, which its auth uses too.
    let lookup;
    const build = () => (0, request_js_1.buildRequest)(op, args, {
        baseUrl: options.baseUrl ?? defaults.baseUrl,
        baseUrls: options.baseUrls,
        // Postman's precedence, narrowest first: what is passed at run time (local), the chosen
        // environment, then the collection's (the request's and its folders' own values before the
        // collection's variables), below which the globals' values are already defaults.
        lookup: (lookup = variableLookup(call.variables, options.variables, environment, op.variables, defaults, made)),
        // Later sources win: client headers, the operation's header arguments, then this call's headers.
        headers: options.headers,
        call,
    }, encode, features);
    let reauthorized = false;
    for (let attempt = 1, retries = 0;; attempt++) {
        // What hooks get is the attempt's request itself, as each attempt builds its own: what one
        // attempt's hook adds stays with it, and what a hook sets is sent. Named whether or not a hook
        // is given, as it is built: nothing else reads the request's object, and two fields cost less
        // than the test.
        const request = Object.assign(build(), { operation: op.name, attempt });
        let reauthorize = undefined;
        if (authorize) {
            const authorized = authorize(op, request, options, lookup, session, call.signal, timeoutMs);
            // Awaited only when it is a promise: most tokens are at hand, and each await costs a call a job.
            // Told by its being an object (a Reauthorize is a function), not by `instanceof Promise`: an
            // app whose global Promise was replaced (zone.js) gets async functions' promises from the
            // engine, which are no instances of its Promise.
            reauthorize = typeof authorized === "object" && authorized !== null ? await authorized : authorized;
        }
        else if (op.auth)
            throw new TypeError(`${op.name}: no authorizer for its ${op.auth.type} auth`);
        if (options.onRequest)
            await options.onRequest(request);
        // The attempt, in this loop rather than a function of its own: an async layer costs every call
        // a promise, a job and an object for its result.
        const signal = call.signal;
        signal?.throwIfAborted();
        // A timer cleared when the attempt ends, rather than AbortSignal.timeout, whose timer lives on
        // for the whole timeout after every call. Without a limit there is no timer and no signal of
        // our own: Node's fetch spends ~5% of a loopback call on following one.
        const controller = timeoutMs <= exports.MAX_TIMER_MS ? new AbortController() : undefined;
        // The attempt's error once its time is up: the abort's reason, and what the call rejects with.
        let timedOut;
        const timer = controller
            ? setTimeout(() => controller.abort((timedOut = new errors_js_1.TimeoutError(op.name, timeoutMs))), timeoutMs)
            : undefined;
        const onAbort = controller && signal ? () => controller.abort(signal.reason) : undefined;
        if (onAbort)
            signal.addEventListener("abort", onAbort, { once: true });
        // An undefined member is an absent one to fetch (WebIDL): `follow`, its default; no signal
        // (without a limit and without the caller's), which fetch then does not follow. The casts are
        // for apps with exactOptionalPropertyTypes, whose RequestInit takes no undefined.
        const init = {
            method: request.method,
            headers: request.headers,
            redirect: op.redirect,
            signal: (controller?.signal ?? signal),
        };
        if (request.body !== undefined) {
            init.body = request.body;
            encode?.send?.(init);
        }
        let response;
        let body;
        let error;
        // Read for a failure without a response only (retry.ts's Outcome): whether the server may have
        // the request, as it may when the time ran out.
        let sent = true;
        let answered = false;
        try {
            // The URL as text: fetch parses it again either way.
            response = await (options.fetch ?? globalThis.fetch)(request.url.href, init);
            answered = true;
            // Not a success whose body the caller takes unread (asResponse()): any other answer is read
            // here, an error's for its typed error.
            const read = !(answer.unread && response.status < (op.redirect ? 400 : 300)) && (0, response_js_1.readBody)(response, request.method);
            if (read)
                body = await read;
            // Left unread (asResponse()): the call's own promise has no body to give (UNREAD). Only on
            // this branch, which a success with a body to read never takes. A caller that reads it whole
            // (readUnread) gets the call's own error for JSON that does not parse, masked with what this
            // attempt sent, which only the client knows (Basic's base64, a grant's token, a signature).
            else if (read === false) {
                body = api_promise_js_1.UNREAD;
                answer.unparsed = async (raw) => attempted((0, response_js_1.toApiError)(op, response, raw, await secretsOf(build, request, defaults, lookup)), retries);
            }
        }
        catch (thrown) {
            // The caller's own abort is not a failure to retry: it is passed on as it is.
            signal?.throwIfAborted();
            if (timedOut) {
                error = timedOut;
            }
            else {
                // What fetch threw may quote the URL, an API key in its query included.
                const mask = (0, redact_js_1.masker)(await secretsOf(build, request, defaults, lookup));
                const why = reason(thrown);
                // "connection failed" only where none was made (retry.ts's NEVER_SENT): else the server may
                // have the request, and a POST is not sent again.
                sent = answered || !retry_js_1.NEVER_SENT.test(why);
                error = new errors_js_1.ConnectionError(op.name, `${answered ? "the answer was cut off" : sent ? "connection lost" : "connection failed"}: ${mask(why)}`, (0, redact_js_1.holdsSecret)(thrown, mask) ? undefined : { cause: thrown });
            }
            // A failure has no response to hand on, only its error.
            response = undefined;
        }
        finally {
            // The timeout covers the attempt until its body is read, or, for a body the caller reads
            // (asResponse()), until its headers came: the timer ends here, so it never aborts the
            // caller's stream. The caller's own signal stays linked to the attempt's then, as it would
            // be to a fetch of the caller's, so that it still aborts the body (an earlier attempt's link
            // stays too, and aborts nothing that still runs).
            clearTimeout(timer);
            if (onAbort && !answer.unread)
                signal.removeEventListener("abort", onAbort);
        }
        if (response) {
            if (options.onResponse)
                await options.onResponse(response, request);
            // A 2xx, or where the operation follows no redirect (`redirect: "manual"`) a 3xx, or a
            // browser's opaque redirect (status 0). fetch answers nothing else below 200. Not a 2xx whose
            // JSON does not parse (readBody's `Unparsed`): that rejects, and is not retried
            // (isRetryable reads its 2xx status), as the server took the request, which a POST's resend
            // would repeat.
            if (response.status < (op.redirect ? 400 : 300) && !(body instanceof response_js_1.Unparsed)) {
                // A body left unread is not checked: the caller reads it. Whether `responseCheck` asks for
                // the check is verify's to read (check.ts's verifyResponse), in the module only a client that
                // checks imports, rather than every bundle's.
                if (!answer.unread)
                    options.responseChecks?.verify(options.responseChecks.table, op, response.status, body, options);
                answer.data = body;
                answer.response = response;
                return answer;
            }
            // A 401 that the auth can answer (a Digest challenge, an expired token) is sent again once,
            // signed anew; it is no failure and uses no retry.
            if (response.status === 401 && reauthorize && !reauthorized && (await reauthorize(response))) {
                reauthorized = true;
                continue;
            }
        }
        const failure = error ?? (0, response_js_1.toApiError)(op, response, body, await secretsOf(build, request, defaults, lookup));
        if (options.onError)
            await options.onError(failure, request);
        if (retries >= maxRetries || !(0, retry_js_1.isRetryable)(request, response ? { status: response.status } : { sent }))
            throw attempted(failure, retries);
        retries++;
        await sleep((0, retry_js_1.retryDelayMs)(retries, response?.headers), signal);
    }
}
/**
 * How many attempts the call made (the first and its retries; a 401 its auth answered is no
 * failure), on the error it rejects with: a failure that outlasted retries reads otherwise as one
 * that was never retried. V8 writes the message into the stack when the stack is first read, so a
 * stack that an onError hook read keeps it without the count (mending it would cost every bundle
 * ~30 B; other engines' stacks hold no message).
 */
function attempted(failure, retries) {
    if (retries)
        failure.message += ` after ${retries + 1} attempts`;
    return Object.assign(failure, { attempts: retries + 1 });
}
/**
 * The body of a success that `asResponse()` left unread, read whole as the client reads one
 * (readBody), for a caller that decides to read it only once it has seen its headers (the
 * package's command line, for a JSON answer). A 2xx whose JSON does not parse rejects with the
 * call's own ResponseParseError, masked as the call's other errors are: the decision and its
 * wording stay here, in one place, and the credentials the client made stay out of it.
 */
async function readUnread(call, method) {
    const answer = await call.withResponse();
    const data = await (0, response_js_1.readBody)(answer.response, method);
    if (data instanceof response_js_1.Unparsed)
        throw await answer.unparsed(data);
    return data;
}
/**
 * The credentials the attempt sent (its auth's, the secret variables' values), for its error to
 * mask: `request` as it went (with what a hook added) against the request as `build` makes it, read
 * as its auth's scheme says (`sentSecrets` unless the authorizer set its own on `request`).
 */
function secretsOf(build, request, defaults, lookup) {
    return (request.sentSecrets ?? sent_secrets_js_1.sentSecrets)(build(), request, defaults.secrets?.flatMap((name) => lookup.sent?.get(name)?.() ?? lookup.given?.(name) ?? []));
}
/** Why fetch failed, or a body's read: its code where undici gives one, else its message (the command line's reading of a body streamed says it too). */
function reason(error) {
    const cause = error?.cause;
    // Undici names most failures by code; some (a port fetch refuses: "bad port") only by message.
    const why = cause?.code ?? cause?.message;
    if (typeof why === "string" && why)
        return why;
    return error instanceof Error ? error.message : String(error);
}
function sleep(ms, signal) {
    return new Promise((resolve, reject) => {
        // An aborted signal rejects with its reason: a throw in the executor rejects the promise.
        signal?.throwIfAborted();
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}
/**
 * The value of a `{{variable}}`: from what the caller passes (this call's, then the client's),
 * else the chosen environment, else the collection (the operation's own, then the collection's);
 * Postman's dynamic variables where the package has them.
 */
function variableLookup(call, client, environment, operation, defaults, made) {
    const given = (name) => find(call, name) ?? find(client, name);
    const lookup = (name) => {
        const value = given(name);
        return value !== undefined || environment?.hides(name)
            ? value
            : (find(environment?.values, name) ?? find(operation, name) ?? find(defaults.variables, name));
    };
    lookup.given = given;
    if (environment)
        lookup.missing = environment.missing;
    const { dynamic } = defaults;
    let at = 0;
    // The call's first build makes each value; the next ones, which make the same request, reuse them in
    // order. A place left `undefined` is a name that is no dynamic variable, which is none again.
    if (dynamic)
        lookup.dynamic = (name) => (made[at++] ??= dynamic(name));
    return lookup;
}
/** A scope's value of a variable, as text; `undefined` (or null) counts as none. */
function find(scope, name) {
    if (scope && Object.hasOwn(scope, name)) {
        const value = scope[name];
        if (value !== undefined && value !== null)
            return String(value);
    }
    return undefined;
}
