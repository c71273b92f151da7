import type { OperationSpec } from "../runtime/spec.js";
import type { MockApi, MockOptions } from "./types.js";
export interface RouteMatch {
    /** The operation a request is for: the first of `operations`. */
    readonly operation: OperationSpec;
    /**
     * Every operation of the same route that matches as well, in collection order: requests of the
     * collection that share the method and path (`POST /link/token/create` seven times over, told
     * apart by their bodies; `GET /search?type=user` and `?type=repo`), which the URL cannot tell
     * apart. One route is what `sharedRoutes` groups.
     */
    readonly operations: readonly OperationSpec[];
    /** Path variables by the collection's name, percent-decoded (of `operation`'s path). */
    readonly params: Readonly<Record<string, string>>;
}
export interface Router {
    /** The operations a request may be for: its method, and the most specific path that matches its URL. */
    match(method: string, url: URL): RouteMatch | undefined;
    /** Each operation's URL pattern (any method), matched against the URL without its query. */
    readonly patterns: ReadonlyMap<OperationSpec, RegExp>;
    /**
     * Each operation's `{{variables}}` that had no value for the mock, so matched any text: a client
     * given one (its environment's) may be calling another operation than the one that matched.
     */
    readonly unfilled: ReadonlyMap<OperationSpec, readonly string[]>;
    /** The operations that share a route with these values, as `sharedRoutes` groups them. */
    readonly shared: readonly (readonly OperationSpec[])[];
}
/**
 * The operations that share a route, as the router ties them: groups of two or more, each in
 * collection order, the groups in the order of their first operation. The generator calls it with
 * the collection's own values (the package's defaults) to decide what tells each group's requests
 * apart (mock-data.ts's `requestFacts`), so that it and the router never disagree on what one
 * route is.
 */
export declare function sharedRoutes(api: RoutedApi, options?: MockOptions<object>): OperationSpec[][];
/** What routing reads of the API: the operations, and the defaults that fill their URLs. */
export type RoutedApi = Pick<MockApi, "baseUrl" | "variables" | "operations">;
export declare function createRouter(api: RoutedApi, options?: MockOptions<object>): Router;
/** The URL as MSW matches a pattern against it: without query and fragment. */
export declare function withoutQuery(url: URL): string;
