import { type createClient, type Variables } from "../index.js";
import { type MockFetch } from "./mock-fetch.js";
import { type MockHandlers, type Msw } from "./msw-handlers.js";
import type { MockApi, MockOptions } from "./types.js";
/** The API as its mocks see it: the client's operations and defaults, and the saved examples. */
export declare const mockApi: MockApi;
/** The names of the environments the client can be made for (`createClient({ environment })`), if any. */
type EnvironmentName = NonNullable<NonNullable<Parameters<typeof createClient>[0]>["environment"]>;
/**
 * A `fetch` that answers every operation from its saved examples, for `createClient({ fetch })`.
 * Give it the client's `baseUrl`, `baseUrls` and `variables` when the client has its own, and
 * the `environment` it is made for, as `createClient` takes it (`"staging"`).
 */
export declare function createMockFetch(options?: MockOptions<Variables, EnvironmentName>): MockFetch;
/**
 * MSW handlers, one per operation, made with the app's own msw (2 or 3), with overrides and recorded
 * calls: `import * as msw from "msw"`, then `setupServer(...createMockHandlers(msw).handlers)`
 * (or `setupWorker`). Made with the msw given, they work however the package is installed, a
 * link (`npm install ../client`, a workspace) included, and they are that msw's own handlers.
 */
export declare function createMockHandlers<Handler>(msw: Msw<Handler>, options?: MockOptions<Variables, EnvironmentName>): MockHandlers<Handler>;
export type { MockFetch } from "./mock-fetch.js";
export type { MockHandlers, Msw } from "./msw-handlers.js";
export type { MockApi, MockCall, MockControls, MockExample, MockOperationRequest, MockOptions, MockOverride, MockRequestFact, } from "./types.js";
