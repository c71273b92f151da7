import type { HttpHandler } from "msw";
import type { MockApi, MockControls, MockOptions } from "./types.js";
/** The handlers, with the mock's controls (overrides, recorded calls) shared by all of them. */
export interface MockHandlers extends MockControls {
    readonly handlers: HttpHandler[];
}
export declare function createMockHandlers(api: MockApi, options?: MockOptions<object>): MockHandlers;
/**
 * msw 3 needs Node.js 22.12 or later, and on an older one its `setupServer` intercepts nothing
 * without a word: the client's real requests go out, credentials and all. Refused here instead.
 * `mswRoot` is msw's root entry (msw 3 moved `graphql` out of it), `node` the Node.js version
 * (absent in browsers, where msw 3 runs).
 */
export declare function checkMswRuntime(mswRoot: object, node: string | undefined): void;
