// MSW request handlers that answer from the saved examples by the same rules as the mock fetch:
// one handler per operation, for `setupServer(...handlers)` in Node and `setupWorker(...handlers)`
// in browsers. The only module of the mocks that imports `msw` (an optional peer dependency of the
// package, 2 or 3; only the `./mocks/msw` entry loads this).
import * as msw from "msw";
import type { HttpHandler } from "msw";
import type { OperationSpec } from "../runtime/spec.js";
import { createMock, withControls, type MockCore } from "./mock.js";
import type { MockApi, MockControls, MockOptions } from "./types.js";

/** The handlers, with the mock's controls (overrides, recorded calls) shared by all of them. */
export interface MockHandlers extends MockControls {
  readonly handlers: HttpHandler[];
}

export function createMockHandlers(api: MockApi, options: MockOptions<object> = {}): MockHandlers {
  checkMswRuntime(msw, (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node);
  const core = createMock(api, options);
  const handlers = api.operations.map((operation) => handler(operation, core));
  return withControls({ handlers }, core);
}

function handler(operation: OperationSpec, core: MockCore): HttpHandler {
  // MSW calls the resolver for any method of a URL the operation's pattern matches; it answers only
  // the requests this operation is the best match for (by the mock's own routing: the method, the
  // most specific path; of operations that share both, the first's handler answers for all, the mock
  // telling them apart by what the request sends), and returns
  // nothing for others, so that MSW asks the next handler.
  return msw.http.all(core.router.patterns.get(operation)!, async ({ request }) => {
    const match = core.router.match(request.method, new URL(request.url));
    if (match?.operation !== operation) return undefined;
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
export function checkMswRuntime(mswRoot: object, node: string | undefined): void {
  if (node === undefined || "graphql" in mswRoot) return;
  const [major = 0, minor = 0] = node.split(".").map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return;
  throw new Error(
    `msw 3 needs Node.js 22.12 or later, and this is ${node}: its handlers would intercept nothing and requests would go out for real. Install msw 2 (npm install -D msw@2) or use a newer Node.js.`,
  );
}
