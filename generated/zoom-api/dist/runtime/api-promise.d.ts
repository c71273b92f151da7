import type { Unparsed } from "./response.js";
export interface WithResponse<T> {
    data: T;
    response: Response;
}
/**
 * What a call's `result` resolves with, made before its request is sent, so that `asResponse()`
 * can mark it (`unread`) while the request is under way: the core reads the mark when the answer's
 * headers come and leaves a success's body unread. The object the result would hold anyway, so
 * the mark costs a call no allocation.
 */
export interface Answer<T> extends Partial<WithResponse<T>> {
    unread?: boolean;
    /**
     * Set by the core on a success left unread: the call's own error for its body read whole and
     * found to be JSON that does not parse (`raw`, an `Unparsed`), masked with what the call sent
     * (see readUnread in core.ts).
     */
    unparsed?: (raw: Unparsed) => Promise<Error>;
}
/**
 * What a call resolves with in place of a body left unread for asResponse(), which the core puts
 * there: a thenable, which the call's own promise follows, so that `await` of the call (or of
 * `withResponse()`'s `data`) rejects with a TypeError naming the misuse, rather than resolving with
 * `undefined` typed as the body. Nothing is reported unhandled: asResponse() handled the call's
 * failure (withResponse). One object for every call, made once.
 */
export declare const UNREAD: {
    then(resolve: unknown, reject: (error: TypeError) => void): void;
};
/**
 * A Promise of the parsed body, for `await client.x(args)`; `.withResponse()` gives `{ data,
 * response }` for callers who need the status or headers of a success; `.asResponse()` gives the
 * response of a success with its body unread, for a download or an event stream to read as it comes.
 * The request starts at once.
 */
export declare class ApiPromise<T> extends Promise<T> {
    #private;
    /**
     * `answer`: the object `result` resolves with, which `asResponse()` marks; the client's core
     * passes it. An ApiPromise made without one (a test's stand-in) gives `asResponse()` the response
     * `result` holds, as it is.
     */
    constructor(result: Promise<WithResponse<T>>, answer?: Answer<T>);
    withResponse(): Promise<WithResponse<T>>;
    /**
     * The response of a success (a 2xx; a 3xx where the operation follows no redirect) with its
     * body unread, to read as a stream (`response.body`): a download, an event stream. Call it at
     * once (`await client.x(args).asResponse()`): the body is left unread only if it is asked for
     * before the answer comes. Any other answer rejects with its typed error, as `await` does; the
     * timeout and retries cover the call until the headers come, and then no longer: the caller's
     * `signal` still aborts the body. The call's own promise then has no data to give: awaited, it
     * rejects with a TypeError that says so (as does `withResponse()`'s `data`, a thenable), rather
     * than resolving with `undefined` typed as the body. Take one of the three.
     */
    asResponse(): Promise<Response>;
}
