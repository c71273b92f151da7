// When a failed attempt is worth repeating, and how long to wait first.
/**
 * Methods whose repetition has no further effect (RFC 9110 §9.2.2): safe to retry after a server
 * error. A pattern rather than a Set: fewer bytes in every bundle.
 */
const IDEMPOTENT = /^(GET|HEAD|OPTIONS|TRACE|PUT|DELETE)$/;
/**
 * What a failed fetch gives as its reason (its cause's code, else its message: core.ts's `reason`)
 * when no connection was made, so the server cannot have received the request: Node's for a port
 * refused, a host name that does not resolve (for good or for now) and a connect that timed out,
 * and fetch's refusal of a port it blocks, which has a message only. Anything else may have come
 * after the server read the request: a socket closed or reset (UND_ERR_SOCKET, ECONNRESET; Node
 * closes a connection the same way before and after the server reads the body), an unreachable
 * host (also reported on a connection already made), a browser's bare "Failed to fetch".
 * Bun's fetch throws its own message, no cause: `ECONNREFUSED: Unable to connect. …` for a port
 * refused, `getaddrinfo ENOTFOUND <host>` for a name that does not resolve (a code, then a word's
 * end); Deno's gives a cause whose message says the connection was never made: `… client error
 * (Connect): tcp connect error: …` (a port refused) or `…: dns error: …` (` (Connect)`: the URL in
 * it, encoded, has no space to fake it).
 */
export const NEVER_SENT = /^(getaddrinfo )?(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UND_ERR_CONNECT_TIMEOUT|bad port)\b| \(Connect\)/;
/**
 * The header (as Headers names it) whose key makes a request safe to repeat: the server answers
 * its repetition as it answered the first. A key the caller makes for the request, which grants
 * nothing and which the server logs and quotes ("try a key other than '…'"): an error shows it
 * (sent-secrets.ts), as what matches a failed or retried request to the server's logs.
 */
export const IDEMPOTENCY_KEY = "idempotency-key";
/** Longest wait between attempts, whatever Retry-After asks for. */
export const MAX_RETRY_DELAY_MS = 60_000;
const INITIAL_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
/**
 * What was never sent is retried for every method; 429 too (the server refused before acting);
 * 408, 409, 5xx but 501 and 505 (repeating cannot change them), and whatever may have reached the
 * server, only for idempotent methods or a request with an Idempotency-Key (the server answers its
 * repetition as it answered the first, as Stripe's convention goes), since a POST or PATCH may
 * have taken effect.
 */
export function isRetryable(request, outcome) {
    // A failure is retried as a status is, 500 or 429 by where it happened: fewer bytes in every
    // bundle than a test of each.
    const status = "status" in outcome ? outcome.status : outcome.sent ? 500 : 429;
    return (status === 429 ||
        ((status === 408 || status === 409 || (status >= 500 && status !== 501 && status !== 505)) &&
            (IDEMPOTENT.test(request.method) || request.headers.has(IDEMPOTENCY_KEY))));
}
/**
 * The wait before retry number `retry` (1 for the first): the server's Retry-After (seconds or an
 * HTTP date) when it gives one, else exponential backoff with jitter; never more than a minute.
 */
export function retryDelayMs(retry, headers, now = Date.now(), random = Math.random) {
    const after = headers?.get("retry-after");
    const ms = after ? retryAfterValueMs(after, now) : undefined;
    if (ms !== undefined)
        return Math.min(ms, MAX_RETRY_DELAY_MS);
    const backoff = Math.min(INITIAL_DELAY_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
    return backoff * (1 - random() * 0.25);
}
/**
 * The wait a Retry-After value asks for, in milliseconds; undefined when it is neither form of RFC
 * 9110 §10.2.3. The generator's Postman API client reads it with this too (postman-api/client.ts).
 */
export function retryAfterValueMs(after, now) {
    // delay-seconds is digits only: Number() also reads 0x10, 1e1 or +5. An HTTP-date starts with
    // the day's name (V8 makes a date of "+5" too); one past means now.
    if (/^\d+$/.test(after))
        return Number(after) * 1000;
    const date = /^[a-z]/i.test(after) ? Date.parse(after) : NaN;
    return Number.isNaN(date) ? undefined : Math.max(date - now, 0);
}
