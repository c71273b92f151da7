// MSW request handlers that answer from the saved examples by the same rules as the mock fetch:
// one handler per operation, for `setupServer(...handlers)` in Node and `setupWorker(...handlers)`
// in browsers. Made with the msw the caller passes, never one this module imports: Node resolves a
// package's imports from where its files really are, so a package installed as a link
// (`npm install ../client`, a workspace) would not find the app's msw, or would find another copy,
// whose handlers the app's `setupServer` does not know. The `./mocks` entry takes the app's msw;
// the `./mocks/msw` entry passes the one the package resolves (an optional peer dependency).
import type { OperationSpec } from "../runtime/spec.js";
import { createMock, withControls, type MockCore } from "./mock.js";
import type { MockApi, MockControls, MockOptions } from "./types.js";

/**
 * What the handlers use of msw (2 or 3): its module, `import * as msw from "msw"`. Typed by what
 * they call, so that the package's types need no msw; `Handler` is that msw's `HttpHandler`.
 */
export interface Msw<Handler> {
  readonly http: {
    all(
      path: RegExp,
      resolver: (info: { request: Request }) => Promise<Response | undefined>,
    ): Handler;
  };
}

/** The handlers, with the mock's controls (overrides, recorded calls) shared by all of them. */
export interface MockHandlers<Handler = unknown> extends MockControls {
  readonly handlers: Handler[];
}

export function createMockHandlers<Handler>(
  msw: Msw<Handler>,
  api: MockApi,
  options: MockOptions<object, string> = {},
): MockHandlers<Handler> {
  // Plain JavaScript may call it as the `./mocks/msw` entry's is called, with options or nothing.
  if (typeof (msw as Partial<Msw<Handler>> | undefined)?.http?.all !== "function")
    throw new TypeError(
      "createMockHandlers takes msw first: import * as msw from 'msw', then createMockHandlers(msw, options)",
    );
  checkMswRuntime(
    msw,
    (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node,
  );
  const core = createMock(api, options);
  const handlers = api.operations.map((operation) => handler(msw, operation, core));
  return withControls({ handlers }, core);
}

function handler<Handler>(msw: Msw<Handler>, operation: OperationSpec, core: MockCore): Handler {
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
  // Given a part of msw (`{ http }`), not its module, the missing `graphql` says nothing: say so.
  const part =
    "HttpHandler" in mswRoot
      ? ""
      : ` (Or this is msw 2 and only a part of its module was passed, without its graphql export: pass the whole module, import * as msw from 'msw'.)`;
  throw new Error(
    `msw 3 needs Node.js 22.12 or later, and this is ${node}: its handlers would intercept nothing and requests would go out for real. Install msw 2 (npm install -D msw@2) or use a newer Node.js.${part}`,
  );
}
