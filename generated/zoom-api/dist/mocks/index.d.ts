import { type Variables } from "../index.js";
import { type MockFetch } from "./mock-fetch.js";
import type { MockApi, MockOptions } from "./types.js";
/** The API as its mocks see it: the client's operations and defaults, and the saved examples. */
export declare const mockApi: MockApi;
/**
 * A `fetch` that answers every operation from its saved examples, for `createClient({ fetch })`.
 * Give it the client's `baseUrl`, `baseUrls` and `variables` when the client has its own, and
 * the `environment` it is made for (`environments.staging`).
 */
export declare function createMockFetch(options?: MockOptions<Variables>): MockFetch;
export type { MockFetch } from "./mock-fetch.js";
export type { MockApi, MockCall, MockControls, MockExample, MockOperationRequest, MockOptions, MockOverride, MockRequestFact, } from "./types.js";
