import type { OperationSpec } from "../runtime/spec.js";
import type { MockApi, MockOptions } from "./types.js";
export interface RouteMatch {
    /** The operation a request is for: the first of `operations`. */
    readonly operation: OperationSpec;
    /**
     * Every operation that matches as well, in collection order: requests of the collection that
     * share the method and path (`POST /link/token/create` seven times over, told apart by their
     * bodies; `GET /search?type=user` and `?type=repo`), which the URL cannot tell apart.
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
}
export declare function createRouter(api: MockApi, options?: MockOptions<object>): Router;
/** The URL as MSW matches a pattern against it: without query and fragment. */
export declare function withoutQuery(url: URL): string;
