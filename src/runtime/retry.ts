// When a failed attempt is worth repeating, and how long to wait first.

/** Methods whose repetition has no further effect (RFC 9110 §9.2.2): safe to retry after a server error. */
const IDEMPOTENT = new Set(["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"]);

/** Longest wait between attempts, whatever Retry-After asks for. */
export const MAX_RETRY_DELAY_MS = 60_000;
const INITIAL_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;

/** `cutOff`: the connection failed while the answer's body was being read. */
export type Outcome = { status: number } | { connection: true } | { cutOff: true } | { timeout: true };

/**
 * Connection errors are retried for every method (nothing was answered); 429 too (the server
 * refused before acting); 408, 409, 5xx, timeouts and answers cut off only for idempotent methods,
 * since a POST or PATCH may have taken effect.
 */
export function isRetryable(method: string, outcome: Outcome): boolean {
  // A timeout or an answer cut off is retried as a 5xx is: fewer bytes in every bundle than a test of each.
  const status = "status" in outcome ? outcome.status : 500;
  return (
    "connection" in outcome ||
    status === 429 ||
    ((status === 408 || status === 409 || status >= 500) && IDEMPOTENT.has(method))
  );
}

/**
 * The wait before retry number `retry` (1 for the first): the server's Retry-After (seconds or an
 * HTTP date) when it gives one, else exponential backoff with jitter; never more than a minute.
 */
export function retryDelayMs(
  retry: number,
  headers: Headers | undefined,
  now: number = Date.now(),
  random: () => number = Math.random,
): number {
  const after = headers?.get("retry-after");
  const ms = after ? retryAfterValueMs(after, now) : undefined;
  if (ms !== undefined) return Math.min(ms, MAX_RETRY_DELAY_MS);
  const backoff = Math.min(INITIAL_DELAY_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
  return backoff * (1 - random() * 0.25);
}

/**
 * The wait a Retry-After value asks for, in milliseconds; undefined when it is neither form of RFC
 * 9110 §10.2.3. The generator's Postman API client reads it with this too (postman-api/client.ts).
 */
export function retryAfterValueMs(after: string, now: number): number | undefined {
  // delay-seconds is digits only: Number() also reads 0x10, 1e1 or +5. An HTTP-date starts with
  // the day's name (V8 makes a date of "+5" too); one past means now.
  if (/^\d+$/.test(after)) return Number(after) * 1000;
  const date = /^[a-z]/i.test(after) ? Date.parse(after) : NaN;
  return Number.isNaN(date) ? undefined : Math.max(date - now, 0);
}
