import type { MockApi, MockControls, MockOptions } from "./types.js";
/** A fetch function with the mock's controls. */
export interface MockFetch extends MockControls {
    (input: string | URL | Request, init?: RequestInit): Promise<Response>;
}
export declare function createMockFetch(api: MockApi, options?: MockOptions<object, string>): MockFetch;
