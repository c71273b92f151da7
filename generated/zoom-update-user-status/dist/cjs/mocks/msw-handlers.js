"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createMockHandlers = createMockHandlers;
exports.checkMswRuntime = checkMswRuntime;
const mock_js_1 = require("./mock.js");
function createMockHandlers(msw, api, options = {}) {
    // Plain JavaScript may call it as the `./mocks/msw` entry's is called, with options or nothing.
    if (typeof msw?.http?.all !== "function")
        throw new TypeError("createMockHandlers takes msw first: import * as msw from 'msw', then createMockHandlers(msw, options)");
    checkMswRuntime(msw, globalThis.process?.versions?.node);
    const core = (0, mock_js_1.createMock)(api, options);
    const handlers = api.operations.map((operation) => handler(msw, operation, core));
    return (0, mock_js_1.withControls)({ handlers }, core);
}
function handler(msw, operation, core) {
    // MSW calls the resolver for any method of a URL the operation's pattern matches; it answers only
    // the requests this operation is the best match for (by the mock's own routing: the method, the
    // most specific path; of operations that share both, the first's handler answers for all, the mock
    // telling them apart by what the request sends), and returns
    // nothing for others, so that MSW asks the next handler.
    return msw.http.all(core.router.patterns.get(operation), async ({ request }) => {
        const match = core.router.match(request.method, new URL(request.url));
        if (match?.operation !== operation)
            return undefined;
        const { response } = await core.answer(request);
        return response;
    });
}
/**
 * msw 3 needs Node.js 22.12 or later, and on an older one its `setupServer` intercepts nothing
 * without a word: the client's real requests go out, credentials and all. Refused here instead.
 * `mswRoot` is msw's root entry (msw 3 moved `graphql` out of it), `node` the Node.js version
 * (absent in browsers, where msw 3 runs).
 */
function checkMswRuntime(mswRoot, node) {
    if (node === undefined || "graphql" in mswRoot)
        return;
    const [major = 0, minor = 0] = node.split(".").map(Number);
    if (major > 22 || (major === 22 && minor >= 12))
        return;
    // Given a part of msw (`{ http }`), not its module, the missing `graphql` says nothing: say so.
    const part = "HttpHandler" in mswRoot
        ? ""
        : ` (Or this is msw 2 and only a part of its module was passed, without its graphql export: pass the whole module, import * as msw from 'msw'.)`;
    throw new Error(`msw 3 needs Node.js 22.12 or later, and this is ${node}: its handlers would intercept nothing and requests would go out for real. Install msw 2 (npm install -D msw@2) or use a newer Node.js.${part}`);
}
