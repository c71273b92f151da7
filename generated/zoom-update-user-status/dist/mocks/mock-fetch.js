// A `fetch` that answers from the saved examples, for `createClient({ fetch: createMockFetch() })`:
// no server, no network.
import { createMock, withControls } from "./mock.js";
export function createMockFetch(api, options = {}) {
    const core = createMock(api, options);
    const fetch = async (input, init) => {
        const request = new Request(input, init);
        // As fetch does: an aborted signal rejects at once with its reason.
        init?.signal?.throwIfAborted();
        request.signal.throwIfAborted();
        const { response } = await core.answer(request, init?.signal ?? undefined);
        return response;
    };
    return withControls(fetch, core);
}
