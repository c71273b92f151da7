"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createMockFetch = createMockFetch;
// A `fetch` that answers from the saved examples, for `createClient({ fetch: createMockFetch() })`:
// no server, no network.
const mock_js_1 = require("./mock.js");
function createMockFetch(api, options = {}) {
    const core = (0, mock_js_1.createMock)(api, options);
    const fetch = async (input, init) => {
        const request = new Request(input, init);
        // As fetch does: an aborted signal rejects at once with its reason.
        init?.signal?.throwIfAborted();
        request.signal.throwIfAborted();
        const { response } = await core.answer(request, init?.signal ?? undefined);
        return response;
    };
    return (0, mock_js_1.withControls)(fetch, core);
}
