// The two Postman API endpoints the generator reads, as the API documents them:
// `GET {apiUrl}/collections/{uid}` and `GET {apiUrl}/environments/{uid}` with the `X-Api-Key`
// header; the answer wraps the resource (`{ "collection": … }`, `{ "environment": … }`), and an
// error is `{ "error": { "name", "message" } }` (or a problem document: `type`, `title`, `detail`).
// Every failure is a CodegenError that names the resource's URL and uid and never the key (nor a
// user name, password or query in the API URL, which is refused: api-url.ts). No
// redirect is followed: fetch would send `X-Api-Key` on to wherever it leads (it drops only
// Authorization and Cookie on a cross-origin redirect), and the Postman API never redirects.
import { CodegenError } from "../errors.js";
import { apiAnswerResource } from "../load/api-answer.js";
import { masker } from "../runtime/redact.js";
import { retryAfterValueMs } from "../runtime/retry.js";
import { apiUrlProblem, shownApiUrl } from "./api-url.js";
import type { ResourceKind } from "./store.js";

export interface ApiOptions {
  /** The API's base URL, e.g. https://api.getpostman.com. */
  apiUrl: string;
  /** The key; checked to be something an HTTP header can carry, never printed. */
  apiKey: string;
  /** The environment variable the key came from, to name in messages. */
  apiKeyEnv: string;
  /** How long one request may take (default 30 s). */
  timeoutMs?: number;
  /** The longest `Retry-After` waited for once on a 429 (default 60 s); a longer one fails at once. */
  maxWaitMs?: number;
  fetch?: typeof fetch;
}

export interface Fetched {
  kind: ResourceKind;
  uid: string;
  /** The `collection` or `environment` object of the answer. */
  json: Record<string, unknown>;
  /** Its name (a collection's `info.name`, an environment's `name`). */
  name?: string;
  /** When the API says it was last changed (`info.updatedAt`, `updatedAt`). */
  updatedAt?: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_WAIT_MS = 60_000;

/** The resource's URL, which the request goes to. */
export function resourceUrl(apiUrl: string, kind: ResourceKind, uid: string): string {
  return `${apiUrl.replace(/\/+$/, "")}/${kind === "collection" ? "collections" : "environments"}/${encodeURIComponent(uid)}`;
}

/** The resource's URL as messages name it in place of a file: no user name, password or query of the API URL. */
export function resourceLabel(apiUrl: string, kind: ResourceKind, uid: string): string {
  return resourceUrl(shownApiUrl(apiUrl), kind, uid);
}

export async function fetchResource(kind: ResourceKind, uid: string, options: ApiOptions): Promise<Fetched> {
  const url = resourceUrl(options.apiUrl, kind, uid);
  const label = resourceLabel(options.apiUrl, kind, uid);
  const fail = (problem: string): never => {
    const said = redact(problem, options.apiKey);
    throw new CodegenError(label, undefined, `${said}; the stored copy and the output are left as they were`);
  };
  // Called without the config (pull() is exported): the URL is checked here too, before fetch
  // refuses a user name in it with a message quoting it.
  const urlProblem = apiUrlProblem(options.apiUrl, options.apiKeyEnv);
  if (urlProblem) fail(urlProblem);
  // fetch's own error for a header value it cannot send quotes the value: say it without it.
  if (!/^[\x21-\x7e]+$/.test(options.apiKey))
    fail(
      `$${options.apiKeyEnv} holds a character an HTTP header cannot carry (a space, a line break, a non-ASCII character): check the key`,
    );
  let waited = false;
  for (;;) {
    const { response, text } = await get(url, kind, uid, options, fail);
    if (response.status === 429 && !waited) {
      const wait = retryAfterMs(response.headers);
      const maxWait = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
      if (wait > maxWait)
        fail(
          `the Postman API is rate limiting this key (429${apiError(text)}) for ${Math.ceil(wait / 1000)} s: try again later`,
        );
      waited = true;
      await new Promise((resolve) => setTimeout(resolve, wait));
      continue;
    }
    if (response.ok) return envelope(kind, uid, text, fail);
    const what = `${kind} ${uid}`;
    if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400))
      return fail(redirected(response, url, what));
    const error = apiError(text);
    switch (response.status) {
      case 401:
        return fail(
          `the Postman API refused the API key in $${options.apiKeyEnv} (401${error}): check that it is a valid, unexpired key`,
        );
      case 403:
        return fail(
          `the API key in $${options.apiKeyEnv} may not read ${what} (403${error}): use a key of a user who can see it`,
        );
      case 404:
        return fail(`the Postman API has no ${what} (404${error}): check the uid, and that the key's user can see it`);
      case 429:
        return fail(`the Postman API is still rate limiting this key after one wait (429${error}): try again later`);
      default:
        // The API documents a 400 for an id it cannot find, too.
        if (response.status === 400 && /instanceNotFound|not ?found/i.test(error))
          return fail(`the Postman API has no ${what} (400${error}): check the uid`);
        return fail(`the Postman API answered ${response.status}${error ? ` (${error.slice(2)})` : ""} for ${what}`);
    }
  }
}

async function get(
  url: string,
  kind: ResourceKind,
  uid: string,
  options: ApiOptions,
  fail: (problem: string) => never,
): Promise<{ response: Response; text: string }> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await (options.fetch ?? globalThis.fetch)(url, {
      headers: { "X-Api-Key": options.apiKey, Accept: "application/json" },
      redirect: "manual",
      signal: controller.signal,
    });
    return { response, text: await response.text() };
  } catch (error) {
    if (controller.signal.aborted)
      return fail(`the Postman API did not answer within ${timeoutMs / 1000} s for ${kind} ${uid}`);
    return fail(
      `cannot reach the Postman API for ${kind} ${uid} (${networkReason(error)}): check the network, or the API URL (--postman-api, apiUrl)`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** A redirect, refused: its status and where it leads (the origin only: a path or query may carry anything). */
function redirected(response: Response, url: string, what: string): string {
  // A fetch that hides redirects gives an opaque one: status 0, no headers.
  const opaque = response.type === "opaqueredirect";
  const location = response.headers.get("location");
  let origin: string | undefined;
  try {
    origin = location ? new URL(location, url).origin : undefined;
  } catch {
    origin = undefined;
  }
  const where =
    origin !== undefined && origin !== "null"
      ? `, a redirect to ${origin} (${origin === new URL(url).origin ? "the API's own origin" : "another origin"})`
      : opaque
        ? ""
        : `, a redirect without a${location ? " usable" : ""} Location`;
  return `the Postman API answered ${opaque ? "with a redirect" : response.status} for ${what}${where}: the API key is not sent on to it; check the API URL (--postman-api, apiUrl), which must be the API itself`;
}

function envelope(kind: ResourceKind, uid: string, text: string, fail: (problem: string) => never): Fetched {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail(`the Postman API's answer for ${kind} ${uid} is not JSON`);
  }
  const resource = apiAnswerResource(body, kind);
  if (!resource) return fail(`the Postman API's answer for ${kind} ${uid} has no \`${kind}\` object`);
  const info =
    kind === "collection" && typeof resource["info"] === "object" && resource["info"] !== null
      ? (resource["info"] as Record<string, unknown>)
      : resource;
  const name = info["name"];
  const updatedAt = info["updatedAt"];
  return {
    kind,
    uid,
    json: resource,
    ...(typeof name === "string" ? { name } : {}),
    ...(typeof updatedAt === "string" ? { updatedAt } : {}),
  };
}

/** `: AuthenticationError: Invalid API Key…` from an error body, or "" (clipped, one line). */
function apiError(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return "";
  }
  if (typeof body !== "object" || body === null) return "";
  const outer = body as Record<string, unknown>;
  const error =
    typeof outer["error"] === "object" && outer["error"] !== null ? (outer["error"] as Record<string, unknown>) : outer;
  const parts = [error["name"] ?? error["type"], error["message"] ?? error["detail"] ?? error["title"]].filter(
    (p): p is string => typeof p === "string" && p !== "",
  );
  if (!parts.length) return "";
  const line = parts.join(": ").replace(/[\u0000-\u001f\u007f]+/g, " ");
  return `: ${line.length > 300 ? `${line.slice(0, 299)}…` : line}`;
}

/**
 * How long a 429 asks to wait: `Retry-After` (seconds or a date, as the emitted clients read it),
 * else `RateLimit-Reset` (seconds), else 1 s.
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number {
  const after = headers.get("retry-after");
  const ms = after !== null ? retryAfterValueMs(after, now) : undefined;
  if (ms !== undefined) return ms;
  const reset = headers.get("ratelimit-reset") ?? headers.get("x-ratelimit-reset");
  if (reset !== null && /^\s*\d+\s*$/.test(reset)) {
    // A few APIs give the moment (seconds since 1970) rather than the seconds to wait.
    const seconds = Number(reset);
    return seconds > 1e9 ? Math.max(0, seconds * 1000 - now) : seconds * 1000;
  }
  return 1000;
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (cause && typeof cause.code === "string") return cause.code;
  if (cause && typeof cause.message === "string") return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * Whatever reaches a message, the key never does: masked by the rule a generated client masks what
 * its call sent by (runtime/redact.ts's `masker`, one definition of the forms a secret takes in an
 * echo: as sent, JSON-escaped, percent-encoded in either case, a form's `+`; and its MASK), and in
 * base64 too. The one difference, and why: the API URL may be a gateway's, which may quote the key
 * as base64, and there is one key here, so its base64 is one more secret to mask. A client's
 * runtime masks the base64 it sends itself (Basic's, sent-secrets.ts) as sent and decoded, and
 * looking for every secret's base64 would cost every package's bundle its bytes for an echo no
 * server is known to make. (A key shorter than `WORD_SECRET_BELOW` is masked as a word of its own,
 * as the runtime masks one: no Postman API key is that short.)
 *
 * The URL as requested needs no masking: `apiUrlProblem` refuses, before anything is sent, every
 * URL that `resourceLabel` would show otherwise (a user name, a query, a fragment), so a reason
 * from fetch that quotes the URL quotes what the message names anyway.
 */
function redact(text: string, key: string): string {
  return masker([key, Buffer.from(key).toString("base64")])(text);
}
