import { mockApi } from "./index.js";
import { createMockHandlers as createMockHandlersFor } from "./msw-handlers.js";
/** MSW handlers, one per operation, with overrides and recorded calls: `setupServer(...mock.handlers)`. */
export function createMockHandlers(options = {}) {
    return createMockHandlersFor(mockApi, options);
}
/** One MSW handler per operation, answering from the saved examples: `setupServer(...handlers)`, `setupWorker(...handlers)`. */
export const handlers = createMockHandlers().handlers;
