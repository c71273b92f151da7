// When a failed attempt is worth repeating, and how long to wait first.
/** Methods whose repetition has no further effect (RFC 9110 §9.2.2): safe to retry after a server error. */
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);
/** Longest wait between attempts, whatever Retry-After asks for. */
export const MAX_RETRY_DELAY_MS = 60_000;
const INITIAL_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/**
 * Connection errors are retried for every method (nothing was answered); 429 too (the server
 * refused before acting); 408, 409, 5xx, timeouts and answers cut off only for idempotent methods,
 * since a POST or PATCH may have taken effect.
 */
export function isRetryable(method, outcome) {
    if ("connection" in outcome)
        return true;
    if ("timeout" in outcome || "cutOff" in outcome)
        return IDEMPOTENT.has(method);
    const { status } = outcome;
    if (status === 429)
        return true;
    return (status === 408 || status === 409 || status >= 500) && IDEMPOTENT.has(method);
}
/**
 * The wait before retry number `retry` (1 for the first): the server's Retry-After (seconds or an
 * HTTP date) when it gives one, else exponential backoff with jitter; never more than a minute.
 */
export function retryDelayMs(retry, headers, now = Date.now(), random = Math.random) {
    const after = headers?.get("retry-after");
    if (after) {
        // delay-seconds is digits only (RFC 9110 §10.2.3): Number() also reads 0x10, 1e1 or +5. An
        // HTTP-date starts with the day's name (V8 makes a date of "+5" too); one past means now.
        const ms = /^\d+$/.test(after)
            ? Number(after) * 1000
            : /^[a-z]/i.test(after)
                ? Math.max(Date.parse(after) - now, 0)
                : NaN;
        if (ms >= 0)
            return Math.min(ms, MAX_RETRY_DELAY_MS);
    }
    const backoff = Math.min(INITIAL_DELAY_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
    return backoff * (1 - random() * 0.25);
}
