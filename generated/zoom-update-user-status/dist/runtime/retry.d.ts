/** Longest wait between attempts, whatever Retry-After asks for. */
export declare const MAX_RETRY_DELAY_MS = 60000;
/** `cutOff`: the connection failed while the answer's body was being read. */
export type Outcome = {
    status: number;
} | {
    connection: true;
} | {
    cutOff: true;
} | {
    timeout: true;
};
/**
 * Connection errors are retried for every method (nothing was answered); 429 too (the server
 * refused before acting); 408, 409, 5xx, timeouts and answers cut off only for idempotent methods,
 * since a POST or PATCH may have taken effect.
 */
export declare function isRetryable(method: string, outcome: Outcome): boolean;
/**
 * The wait before retry number `retry` (1 for the first): the server's Retry-After (seconds or an
 * HTTP date) when it gives one, else exponential backoff with jitter; never more than a minute.
 */
export declare function retryDelayMs(retry: number, headers: Headers | undefined, now?: number, random?: () => number): number;
/**
 * The wait a Retry-After value asks for, in milliseconds; undefined when it is neither form of RFC
 * 9110 §10.2.3. The generator's Postman API client reads it with this too (postman-api/client.ts).
 */
export declare function retryAfterValueMs(after: string, now: number): number | undefined;
