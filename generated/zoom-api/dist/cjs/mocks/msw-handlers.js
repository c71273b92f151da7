"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createMockHandlers = createMockHandlers;
// MSW request handlers that answer from the saved examples by the same rules as the mock fetch:
// one handler per operation, for `setupServer(...handlers)` in Node and `setupWorker(...handlers)`
// in browsers. The only module of the mocks that imports `msw` (an optional peer dependency of the
// package, 2.x; only the `./mocks/msw` entry loads this).
const msw_1 = require("msw");
const mock_js_1 = require("./mock.js");
function createMockHandlers(api, options = {}) {
    const core = (0, mock_js_1.createMock)(api, options);
    const handlers = api.operations.map((operation) => handler(operation, core));
    return (0, mock_js_1.withControls)({ handlers }, core);
}
function handler(operation, core) {
    // MSW calls the resolver for any method of a URL the operation's pattern matches; it answers only
    // the requests this operation is the best match for (by the mock's own routing: the method, the
    // most specific path; of operations that share both, the first answers for all), and returns
    // nothing for others, so that MSW asks the next handler.
    return msw_1.http.all(core.router.patterns.get(operation), async ({ request }) => {
        const match = core.router.match(request.method, new URL(request.url));
        if (match?.operation !== operation)
            return undefined;
        const { response } = await core.answer(request);
        return response;
    });
}
