/**
 * What a failed fetch gives as its reason (its cause's code, else its message: core.ts's `reason`)
 * when no connection was made, so the server cannot have received the request: Node's for a port
 * refused, a host name that does not resolve (for good or for now) and a connect that timed out,
 * and fetch's refusal of a port it blocks, which has a message only. Anything else may have come
 * after the server read the request: a socket closed or reset (UND_ERR_SOCKET, ECONNRESET; Node
 * closes a connection the same way before and after the server reads the body), an unreachable
 * host (also reported on a connection already made), a browser's bare "Failed to fetch".
 */
export declare const NEVER_SENT: RegExp;
/**
 * The header (as Headers names it) whose key makes a request safe to repeat: the server answers
 * its repetition as it answered the first. A key the caller makes for the request, which grants
 * nothing and which the server logs and quotes ("try a key other than '…'"): an error shows it
 * (sent-secrets.ts), as what matches a failed or retried request to the server's logs.
 */
export declare const IDEMPOTENCY_KEY = "idempotency-key";
/** Longest wait between attempts, whatever Retry-After asks for. */
export declare const MAX_RETRY_DELAY_MS = 60000;
/**
 * An answer's status, or a failure without one: `sent` unless the request provably never reached
 * the server (NEVER_SENT); a timeout, a connection lost and an answer cut off may have reached it.
 */
export type Outcome = {
    status: number;
} | {
    sent: boolean;
};
/**
 * What was never sent is retried for every method; 429 too (the server refused before acting);
 * 408, 409, 5xx but 501 and 505 (repeating cannot change them), and whatever may have reached the
 * server, only for idempotent methods or a request with an Idempotency-Key (the server answers its
 * repetition as it answered the first, as Stripe's convention goes), since a POST or PATCH may
 * have taken effect.
 */
export declare function isRetryable(request: {
    method: string;
    headers: Headers;
}, outcome: Outcome): boolean;
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
