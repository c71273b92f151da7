import { type HttpHandler } from "msw";
import type { MockApi, MockControls, MockOptions } from "./types.js";
/** The handlers, with the mock's controls (overrides, recorded calls) shared by all of them. */
export interface MockHandlers extends MockControls {
    readonly handlers: HttpHandler[];
}
export declare function createMockHandlers(api: MockApi, options?: MockOptions<object>): MockHandlers;
