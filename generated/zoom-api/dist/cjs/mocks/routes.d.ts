import type { OperationSpec } from "../runtime/spec.js";
import type { MockApi, MockOptions } from "./types.js";
export interface RouteMatch {
    readonly operation: OperationSpec;
    /** Path variables by the collection's name, percent-decoded. */
    readonly params: Readonly<Record<string, string>>;
}
export interface Router {
    /** The operation a request is for: its method, and the most specific path that matches its URL. */
    match(method: string, url: URL): RouteMatch | undefined;
    /** Each operation's URL pattern (any method), matched against the URL without its query. */
    readonly patterns: ReadonlyMap<OperationSpec, RegExp>;
}
export declare function createRouter(api: MockApi, options?: MockOptions<object>): Router;
/** The URL as MSW matches a pattern against it: without query and fragment. */
export declare function withoutQuery(url: URL): string;
