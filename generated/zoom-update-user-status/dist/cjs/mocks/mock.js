"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.operationKey = operationKey;
exports.createMock = createMock;
exports.readBody = readBody;
exports.wait = wait;
exports.withControls = withControls;
// The mock itself: a fetch Request in, a fetch Response out, from the saved examples and the
// overrides. The mock fetch, the MSW handlers and the mock server are thin faces of this.
const credential_names_js_1 = require("../runtime/credential-names.js");
const environments_js_1 = require("../runtime/environments.js");
const paths_js_1 = require("../runtime/paths.js");
const response_js_1 = require("../runtime/response.js");
const routes_js_1 = require("./routes.js");
const select_js_1 = require("./select.js");
const tell_apart_js_1 = require("./tell-apart.js");
/**
 * The operation's namespace and name (`users.userId.updateUserStatus`): its name alone is unique in
 * the package, and is its method's unless another namespace has a method of that name too.
 */
function operationKey(op) {
    return [...op.namespace, op.name].join(".");
}
/**
 * `mask`: what the mock's own answers (a 404, a 501) leave out of the request they quote, as the
 * mock server's log does: the server's secrets, which a path can carry (`/bot{{bot_token}}/getMe`)
 * where no name says they are credentials. Those answers end up in a client's errors and logs.
 * `notFound`: what the 404 of a request no operation matches tells its reader to check; the mock
 * server's reader has no `baseUrl` of the mock to give. `noAnswer`: how the 501 of an operation
 * without an answer says to give it one; the mock server's reader has no `mock.use` to call.
 */
function createMock(api, options = {}, mask = (text) => text, notFound = clientAdvice(api, options), noAnswer = testAdvice) {
    const router = (0, routes_js_1.createRouter)(api, { ...options, environment: environmentOf(api, options.environment) });
    const known = new Set(api.operations.map(operationKey));
    const examples = new Map();
    for (const entry of api.examples) {
        const key = entry.operation.join(".");
        if (!known.has(key))
            throw new TypeError(`the mock's examples name ${JSON.stringify(key)}, which is no operation of ${api.name}`);
        const shared = entry.request;
        examples.set(key, shared ? entry.examples.map((e) => (e.request ? e : { ...e, request: shared })) : entry.examples);
    }
    const noExamples = [...examples.values()].every((list) => list.length === 0);
    // What tells apart the operations that share a route, among the operations that share one with
    // this mock's values (its variables, environment and bases: a run-time value may make two routes
    // one, or one two): the routes are the router's, worked out here from those values in any case,
    // and grouping them and finding each group's facts is a pass over the few operations that share
    // one, so it is done for every mock rather than kept from generation, where the collection's
    // values grouped them. The generator wrote each one's facts against every operation it may share
    // a route with under any values (mock-data.ts), which holds what any of those groups needs.
    const sent = new Map((api.requests ?? []).map((entry) => [entry.operation.join("."), entry]));
    const facts = new Map();
    for (const group of router.shared) {
        const keys = group.map(operationKey);
        const apart = (0, tell_apart_js_1.apartFacts)(keys.map((key) => ({ facts: sent.get(key)?.facts ?? [], saved: sent.get(key)?.saved })));
        keys.forEach((key, i) => facts.set(key, apart.facts[i]));
    }
    const factsOf = (operation) => facts.get(operationKey(operation)) ?? [];
    /** The operation whose saved example the request names by id or name, of those that share its route. */
    const namedOwner = (candidates, select) => {
        if (!select.headers.has(select_js_1.RESPONSE_ID) && !select.headers.has(select_js_1.RESPONSE_NAME))
            return undefined;
        return candidates.find((op) => {
            const own = examples.get(operationKey(op)) ?? [];
            const selected = own.length ? (0, select_js_1.selectExample)(own, select) : undefined;
            return selected !== undefined && "example" in selected;
        });
    };
    const persistent = new Map();
    const queued = new Map();
    const calls = [];
    /** Whether an operation has an answer to give: a saved example or an override. */
    const hasAnswer = (operation) => {
        const key = operationKey(operation);
        return (examples.get(key)?.length ?? 0) > 0 || persistent.has(key) || (queued.get(key)?.length ?? 0) > 0;
    };
    const keyOf = (operation) => {
        const key = operationKey(operation);
        if (!known.has(key))
            throw new TypeError(`${JSON.stringify(key)} is not an operation of ${api.name}: pass one of its operations (e.g. from \`operations\`)`);
        return key;
    };
    return {
        calls,
        use(operation, override) {
            persistent.set(keyOf(operation), override);
        },
        once(operation, override) {
            const key = keyOf(operation);
            queued.set(key, [...(queued.get(key) ?? []), override]);
        },
        reset() {
            persistent.clear();
            queued.clear();
            calls.length = 0;
        },
        router,
        async answer(request, signal = request.signal) {
            const url = new URL(request.url);
            const method = request.method;
            const body = await readBody(request);
            const match = router.match(method, url);
            const select = { headers: request.headers, query: url.searchParams, body };
            let planned;
            let override;
            let operation;
            if (!match) {
                planned = problem(404, "mockRequestNotFoundError", `no operation of ${api.name} is ${method} ${url.origin}${url.pathname}: ${notFound(method, url)}`, request, mask);
            }
            else {
                // Operations that share the method and path are told apart by what the request sends
                // (tell-apart.ts); an example named by the request (`x-mock-response-id`, `-name`) is looked
                // for among all of their examples, as Postman's mock servers look, and its operation answers.
                const candidates = match.operations;
                operation =
                    candidates.length > 1
                        ? (namedOwner(candidates, select) ?? (0, tell_apart_js_1.tellApart)(candidates, factsOf, select, hasAnswer))
                        : match.operation;
                const key = operationKey(operation);
                const own = examples.get(key) ?? [];
                override = queued.get(key)?.shift() ?? persistent.get(key);
                if (override)
                    planned = withOverride(operation, own, select, override);
                else {
                    const selected = own.length ? (0, select_js_1.selectExample)(own, select) : undefined;
                    const unfilled = selected ? [] : unfilledApart(candidates, router);
                    planned = unfilled.length
                        ? problem(501, "mockNotImplemented", cannotTell(api, options, candidates, unfilled, `${method} ${url.origin}${url.pathname}`), request, mask)
                        : fromExamples(api.name, operation, selected, noExamples, request, mask, noAnswer);
                }
            }
            const delay = override?.delay ?? options.delay;
            if (delay !== undefined && delay > 0)
                await wait(delay, signal);
            const response = toResponse(planned, method);
            const call = {
                operation,
                method,
                url,
                headers: request.headers,
                body,
                status: response.status,
                example: planned.example,
                overridden: override !== undefined,
            };
            calls.push(call);
            return { response, call };
        },
    };
}
/**
 * What the 404 of the mock fetch tells its reader to check (the MSW handlers leave a request that
 * no operation matches to msw's `onUnhandledRequest`). A client made for one of the package's
 * environments (`createClient({ environment: "staging" })`) sends to that environment's base, which
 * a mock given none, or another one, does not answer: said by name, as the fix is one option.
 * Worked out only for a request that no operation matched; each environment's routes once.
 */
/**
 * The fix a mock in a test says for an operation without an answer. The spec's export is the
 * operation's name and `Operation` (model/naming.ts), as the package's README passes it.
 */
function testAdvice(op) {
    return `give it an answer in a test with mock.use(${op.name}Operation, { status: 200, body: … }) (mock.once for one call), or save an example response to the Postman request ${JSON.stringify(op.item)} and generate again`;
}
function clientAdvice(api, options) {
    const environments = api.environments ?? {};
    const given = environmentOf(api, options.environment);
    // Each environment's routes, made at the first 404 that asks, for the next ones.
    const routers = new Map();
    const routerOf = (name) => {
        let router = routers.get(name);
        if (!router)
            routers.set(name, (router = (0, routes_js_1.createRouter)(api, { ...options, environment: environments[name] })));
        return router;
    };
    return (method, url) => {
        const meant = Object.keys(environments).find((name) => environments[name] !== given && routerOf(name).match(method, url));
        if (meant === undefined)
            return "check the method, the path and the mock's baseUrl (the client's)";
        const option = `{ environment: ${JSON.stringify(meant)} }`;
        return given === undefined
            ? `it is the request of a client made for environment ${JSON.stringify(meant)}: give the mock that environment too (${option}), as the client was given it`
            : `it is the request of a client made for environment ${JSON.stringify(meant)}, not the mock's: give the mock the client's environment (${option})`;
    };
}
/**
 * The environment `option` names (`"staging"`, as `createClient` takes it, by the client's own
 * rule; data is taken as it is), refused as the client refuses a name it does not have.
 */
function environmentOf(api, option) {
    if (typeof option !== "string")
        return option;
    return (0, environments_js_1.namedEnvironment)(api.environments ?? {}, option, { theirs: `${api.name}'s`, none: `${api.name} was generated without environments` }, (message) => new TypeError(message));
}
/**
 * The `{{variables}}` without a value for the mock that tell operations of one method and path
 * apart (`/groups/{{GroupId}}/members`, `/groups/{{TeamId}}/members`): each matched any text, so
 * the request matched them alike where the client, given their values, called one. Those all
 * share (a host without a value, requests told apart by their bodies) tell nothing apart.
 */
function unfilledApart(candidates, router) {
    if (candidates.length < 2)
        return [];
    const lists = candidates.map((op) => router.unfilled.get(op) ?? []);
    const all = [...new Set(lists.flat())];
    return all.filter((name) => !lists.every((list) => list.includes(name)));
}
/** Why the mock cannot say which operation a request is for, and what to give it. */
function cannotTell(api, options, candidates, unfilled, request) {
    const ops = candidates.map((op) => `${[...op.namespace, op.member ?? op.name].join(".")} (${op.method} ${(0, paths_js_1.shownRequestPath)(op.path)})`);
    const vars = unfilled.map((name) => `{{${name}}}`);
    const names = Object.keys(api.environments ?? {});
    const give = options.environment === undefined && names.length
        ? `give the mock the environment the client is made for, as createClient takes it ({ environment: ${JSON.stringify(names[0])} }; ${api.name}'s are ${names.map((n) => JSON.stringify(n)).join(", ")}), or their values in variables`
        : `give the mock their values as the client has them (the client's variables, or the environment it is made for)`;
    return `${request} matches ${ops.join(" and ")} alike, as ${vars.join(" and ")} ${vars.length > 1 ? "have" : "has"} no value in the mock, so it cannot tell which operation this is: ${give}`;
}
/** The answer an override gives for `op`: its body, or `op`'s saved example of its status. */
function withOverride(op, examples, request, override) {
    const selected = examples.length ? (0, select_js_1.selectExample)(examples, request, override.status) : undefined;
    const example = selected && "example" in selected ? selected.example : undefined;
    let planned;
    if (override.body !== undefined) {
        const text = typeof override.body === "string" ? override.body : JSON.stringify(override.body);
        const type = typeof override.body === "string" ? "text/plain; charset=utf-8" : "application/json";
        // Without a status, the status of the answer the mock would give, unless that one has no body.
        const status = override.status ?? (example && !(0, response_js_1.hasNoBody)(example.status, op.method) ? example.status : 200);
        planned = { status, headers: new Headers({ "content-type": type }), body: text };
    }
    else if (example) {
        planned = fromExample(example, override.status);
    }
    else {
        planned = { status: override.status ?? 200, headers: new Headers(), body: "" };
    }
    for (const [name, value] of Object.entries(override.headers ?? {}))
        planned.headers.set(name, value);
    return planned;
}
/** The answer from the operation's saved examples: the one selected, or why none. */
function fromExamples(collection, op, selected, noExamples, original, mask, noAnswer) {
    // Where the reader finds it: its client method (`member` where the export name differs; Twitter
    // Ads' said `analytics.asynchronousAnalytics.analyticsAsynchronousAnalyticsStatsJobsAccountsAccountId`, no method).
    const method = [...op.namespace, op.member ?? op.name].join(".");
    const what = `${op.method} ${(0, paths_js_1.shownRequestPath)(op.path)} (${method})`;
    if (!selected) {
        // A 501 is no answer a retry changes: it says which operation and the fix.
        const fix = noAnswer(op);
        const why = noExamples
            ? `${collection} has no saved example responses, so its mock cannot answer ${what}: ${fix}`
            : `${what} has no saved example response in ${collection}: ${fix}`;
        return problem(501, "mockNotImplemented", why, original, mask, method);
    }
    if ("problem" in selected)
        return problem(404, "mockResponseNotFoundError", `${what}: ${selected.problem}`, original, mask);
    return fromExample(selected.example);
}
function fromExample(example, status) {
    const headers = new Headers();
    for (const [name, value] of example.headers) {
        try {
            headers.append(name, value);
        }
        catch {
            // A header fetch cannot carry is left out (the generator already leaves out those it sees).
        }
    }
    return { status: status ?? example.status, headers, body: example.body, example: example.name };
}
/** `operation`: the client method of the operation the answer is about, when there is one. */
function problem(status, error, message, request, mask, operation) {
    // The answer ends up in errors and logs: a credential sent in the query is not echoed, nor a
    // secret `mask` knows anywhere in the URL (the message quotes its path).
    const url = new URL(request.url);
    return {
        status,
        headers: new Headers({ "content-type": "application/json" }),
        body: JSON.stringify({
            error,
            message: mask(message),
            ...(operation !== undefined ? { operation } : {}),
            request: { method: request.method, url: mask(url.origin + (0, credential_names_js_1.maskedPathAndQuery)(url)) },
        }),
    };
}
const REASONS = {
    200: "OK",
    201: "Created",
    202: "Accepted",
    204: "No Content",
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not Found",
    405: "Method Not Allowed",
    409: "Conflict",
    422: "Unprocessable Entity",
    429: "Too Many Requests",
    500: "Internal Server Error",
    501: "Not Implemented",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
};
function toResponse(planned, method) {
    // A fetch Response can only have a status from 200 to 599.
    if (!(Number.isInteger(planned.status) && planned.status >= 200 && planned.status <= 599)) {
        return toResponse({
            status: 501,
            headers: new Headers({ "content-type": "application/json" }),
            body: JSON.stringify({
                error: "mockNotImplemented",
                message: `the answer's status ${planned.status} cannot be given by fetch (200 to 599)`,
            }),
        }, method);
    }
    // An empty body goes as none: a Response made with the text "" is typed text/plain by fetch,
    // which an example saved with no headers and no body does not say.
    const empty = (0, response_js_1.hasNoBody)(planned.status, method.toUpperCase()) || planned.body === "";
    return new Response(empty ? null : planned.body, {
        status: planned.status,
        statusText: REASONS[planned.status] ?? "",
        headers: planned.headers,
    });
}
/**
 * The request body for the records and for body matching: JSON parsed, forms as FormData, bytes as
 * a Blob, else text; an empty one is none (undefined). fetch sends a POST without a body and one
 * with `body: ""` alike (`Content-Length: 0`, no bytes; the second typed text/plain), and HTTP has
 * no body of no bytes: the mock server, reading the request off the wire, could not tell them apart.
 */
async function readBody(request) {
    if (request.body === null)
        return undefined;
    const type = request.headers.get("content-type") ?? "";
    if (/^multipart\/form-data/i.test(type)) {
        try {
            return await request.clone().formData();
        }
        catch {
            // Not parseable as it says: kept as text below.
        }
    }
    if ((0, response_js_1.isBinaryType)(type)) {
        const blob = await request.blob();
        return blob.size ? blob : undefined;
    }
    const text = await request.text();
    if (text === "")
        return undefined;
    if (/^application\/x-www-form-urlencoded/i.test(type)) {
        const form = new FormData();
        for (const [key, value] of new URLSearchParams(text))
            form.append(key, value);
        return form;
    }
    if ((0, response_js_1.isJson)(type)) {
        try {
            return JSON.parse(text);
        }
        catch {
            return text;
        }
    }
    return text;
}
/** Waits `ms`; rejects with the signal's reason if it aborts first. */
function wait(ms, signal) {
    return new Promise((resolve, reject) => {
        if (signal?.aborted)
            return reject(signal.reason);
        const onAbort = () => {
            clearTimeout(timer);
            reject(signal.reason);
        };
        const timer = setTimeout(() => {
            signal?.removeEventListener("abort", onAbort);
            resolve();
        }, ms);
        signal?.addEventListener("abort", onAbort, { once: true });
    });
}
/** Adds the controls to a face of the mock (the fetch function, the MSW handler set), each returning that face. */
function withControls(face, core) {
    const controls = {
        get calls() {
            return core.calls;
        },
        use(operation, override) {
            core.use(operation, override);
            return face;
        },
        once(operation, override) {
            core.once(operation, override);
            return face;
        },
        reset() {
            core.reset();
        },
    };
    Object.defineProperties(face, Object.getOwnPropertyDescriptors(controls));
    return face;
}
