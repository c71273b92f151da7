export interface WithResponse<T> {
    data: T;
    response: Response;
}
/**
 * A Promise of the parsed body, for `await client.x(args)`; `.withResponse()` gives `{ data,
 * response }` for callers who need the status or headers of a success. The request starts at once.
 */
export declare class ApiPromise<T> extends Promise<T> {
    #private;
    constructor(result: Promise<WithResponse<T>>);
    withResponse(): Promise<WithResponse<T>>;
}
