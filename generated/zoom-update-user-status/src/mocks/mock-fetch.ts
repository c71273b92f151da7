// A `fetch` that answers from the saved examples, for `createClient({ fetch: createMockFetch() })`:
// no server, no network.
import { createMock, withControls } from "./mock.js";
import type { MockApi, MockControls, MockOptions } from "./types.js";

/** A fetch function with the mock's controls. */
export interface MockFetch extends MockControls {
  (input: string | URL | Request, init?: RequestInit): Promise<Response>;
}

export function createMockFetch(
  api: MockApi,
  options: MockOptions<object, string> = {},
): MockFetch {
  const core = createMock(api, options);
  const fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    // As fetch does: an aborted signal rejects at once with its reason.
    init?.signal?.throwIfAborted();
    request.signal.throwIfAborted();
    const { response } = await core.answer(request, init?.signal ?? undefined);
    return response;
  };
  return withControls(fetch, core) as MockFetch;
}
