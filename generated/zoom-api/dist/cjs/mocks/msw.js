"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.handlers = void 0;
exports.createMockHandlers = createMockHandlers;
const index_js_1 = require("./index.js");
const msw_handlers_js_1 = require("./msw-handlers.js");
/** MSW handlers, one per operation, with overrides and recorded calls: `setupServer(...mock.handlers)`. */
function createMockHandlers(options = {}) {
    return (0, msw_handlers_js_1.createMockHandlers)(index_js_1.mockApi, options);
}
/** One MSW handler per operation, answering from the saved examples: `setupServer(...handlers)`, `setupWorker(...handlers)`. */
exports.handlers = createMockHandlers().handlers;
