import type { HttpHandler } from "msw";
import { createMockHandlers as createMockHandlersWith, type MockHandlers as MockHandlersOf } from "./index.js";
/** MSW handlers, one per operation, with overrides and recorded calls: `setupServer(...mock.handlers)`. */
export declare function createMockHandlers(options?: Parameters<typeof createMockHandlersWith>[1]): MockHandlers;
/** One MSW handler per operation, answering from the saved examples: `setupServer(...handlers)`, `setupWorker(...handlers)`. */
export declare const handlers: HttpHandler[];
/** The handlers and the mock's controls, msw's own `HttpHandler`s. */
export type MockHandlers = MockHandlersOf<HttpHandler>;
