import type { MockApi, MockControls, MockOptions } from "./types.js";
/**
 * What the handlers use of msw (2 or 3): its module, `import * as msw from "msw"`. Typed by what
 * they call, so that the package's types need no msw; `Handler` is that msw's `HttpHandler`.
 */
export interface Msw<Handler> {
    readonly http: {
        all(path: RegExp, resolver: (info: {
            request: Request;
        }) => Promise<Response | undefined>): Handler;
    };
}
/** The handlers, with the mock's controls (overrides, recorded calls) shared by all of them. */
export interface MockHandlers<Handler = unknown> extends MockControls {
    readonly handlers: Handler[];
}
export declare function createMockHandlers<Handler>(msw: Msw<Handler>, api: MockApi, options?: MockOptions<object, string>): MockHandlers<Handler>;
/**
 * msw 3 needs Node.js 22.12 or later, and on an older one its `setupServer` intercepts nothing
 * without a word: the client's real requests go out, credentials and all. Refused here instead.
 * `mswRoot` is msw's root entry (msw 3 moved `graphql` out of it), `node` the Node.js version
 * (absent in browsers, where msw 3 runs).
 */
export declare function checkMswRuntime(mswRoot: object, node: string | undefined): void;
