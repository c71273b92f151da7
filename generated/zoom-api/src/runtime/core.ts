// The client core that every generated method calls: options, variables, auth, then attempts with
// timeouts, retries and hooks, and the parsed result or a typed error.
import { ApiPromise, UNREAD, type Answer, type WithResponse } from "./api-promise.js";
import type { AuthOptions, Authorizer, Reauthorize, Session } from "./auth.js";
import type { BodyEncoder } from "./bodies.js";
import { ConnectionError, TimeoutError, ValidationError } from "./errors.js";
import {
  buildRequest,
  type BuiltRequest,
  type RequestBody,
  type RequestFeatures,
} from "./request.js";
import { holdsSecret, masker } from "./redact.js";
import { sentSecrets } from "./sent-secrets.js";
import { readBody, toApiError, Unparsed } from "./response.js";
import { isRetryable, NEVER_SENT, retryDelayMs } from "./retry.js";
import type { Lookup } from "./template.js";
import type { ResponseChecks, TypeMismatch } from "./check.js";
import type { CallSpec } from "./spec.js";

/** One attempt of a request, as hooks see it. Hooks may add headers; the token is in them, so log with care. */
export interface HookRequest {
  /** The operation's name, unique in its package (its metadata's `name`, as its errors give it). */
  operation: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  method: string;
  url: URL;
  headers: Headers;
  body: RequestBody | undefined;
}

export interface Hooks {
  /** Before every attempt, retries included. */
  onRequest?: ((request: HookRequest) => void | Promise<void>) | undefined;
  /** After every attempt that got a response, whatever its status. */
  onResponse?: ((response: Response, request: HookRequest) => void | Promise<void>) | undefined;
  /** After every attempt that failed (connection, timeout, or an error status), before any retry. */
  onError?: ((error: Error, request: HookRequest) => void | Promise<void>) | undefined;
}

export interface ClientOptions<
  Variables extends object = Record<string, string>,
  Environment extends string = never,
>
  extends AuthOptions, Hooks {
  /** Base URL that operation paths are appended to; defaults to the collection's. */
  baseUrl?: string | undefined;
  /**
   * The Postman environment whose values the client takes over the collection's; `variables`
   * still win. Its secrets are in no package: pass them in `variables`.
   */
  environment?: Environment | undefined;
  /** Replacements for other base URLs that some requests use, keyed as the collection writes them. */
  baseUrls?: Record<string, string> | undefined;
  /** Values of the collection's `{{variables}}`; they override the collection's own values. */
  variables?: { [Name in keyof Variables]?: Variables[Name] | undefined } | undefined;
  /** Headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** The fetch implementation; defaults to the global `fetch` at call time. */
  fetch?: typeof fetch | undefined;
  /**
   * How long one attempt may take, the response's body included (default 60 000); `Infinity` for
   * no limit (so is anything past 2³¹−1 ms, the longest a platform timer waits). With
   * `asResponse()`, until the headers come: the caller reads the body in its own time.
   */
  timeoutMs?: number | undefined;
  /** How many times a failed attempt is retried (default 2). */
  maxRetries?: number | undefined;
  /**
   * Checks each 2xx JSON body against the type inferred from the collection's examples (off by
   * default): `"warn"` reports each difference to `onTypeMismatch` (else `console.warn`), `"throw"`
   * also rejects with a `ResponseTypeError`. Only paths and kinds are reported, never values.
   * Needs `responseChecks`, the package's export of that name.
   */
  responseCheck?: "warn" | "throw" | undefined;
  /** The inferred types the check compares with: `responseChecks` from this package (imported only by those who check, so other bundles leave it out). */
  responseChecks?: ResponseChecks | undefined;
  /** Called with each difference `responseCheck` finds. */
  onTypeMismatch?: ((mismatch: TypeMismatch) => void) | undefined;
}

export interface RequestOptions<Variables extends object = Record<string, string>> {
  signal?: AbortSignal | undefined;
  /** Headers for this call only; they override the client's. */
  headers?: Record<string, string> | undefined;
  /** Variables for this call only; they override the client's. */
  variables?: { [Name in keyof Variables]?: Variables[Name] | undefined } | undefined;
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
}

/**
 * The options of an operation whose body is a JSON object (`RequestOptions<Variables> &
 * BodyExtras`): only those take `body`, so that TypeScript refuses it where the runtime would.
 */
export interface BodyExtras {
  /**
   * Fields beyond the arguments, for this call only (a field the collection's example never
   * showed), merged into the JSON object body as sent: a key that an argument sends too takes this
   * value. Refused (ValidationError) for a value without JSON.
   */
  body?: Record<string, unknown> | undefined;
}

/**
 * The options of an operation with query parameters in the collection (`RequestOptions<Variables>
 * & QueryExtras`): only those take `query`, so that TypeScript refuses it where the runtime would.
 */
export interface QueryExtras {
  /**
   * Query pairs beyond the arguments, for this call only, after the operation's own and encoded
   * as they are (a list repeats the key; a key the operation sends too is sent again).
   */
  query?:
    | Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined>
    | undefined;
}

/**
 * What the core takes: an operation's type allows `body` and `query` only where it takes them; a
 * JavaScript caller may pass either anywhere, which the request refuses.
 */
export type CallOptions = RequestOptions<object> & BodyExtras & QueryExtras;

export interface ClientDefaults {
  /** The collection's base URL (may hold `{{variables}}`). */
  baseUrl: string;
  /** The collection's variables. */
  variables: Readonly<Record<string, string>>;
  /**
   * The Postman environments the client can be made for and the globals' secrets:
   * `environmentScopes(…)` from ./environments.js, passed only by packages that have either (so
   * that other bundles leave that module out).
   */
  environments?: Environments;
  /**
   * Postman's dynamic variables (`{{$guid}}`): `dynamicVariable` from ./dynamic.js, passed only by
   * packages whose collection refers to one (so that other bundles leave that module out).
   */
  dynamic?: Lookup["dynamic"];
  /**
   * The variables whose values are secrets (an environment's or the globals' secrets, and those
   * named as a credential or taken by the collection's auth): a value the caller gives one is
   * masked in the errors of the calls, as the auth's credentials are.
   */
  secrets?: readonly string[];
}

/** What the chosen environment, or none, adds to the lookup of `{{variables}}`. */
export interface EnvironmentScope {
  /** The chosen environment's values: below what the caller passes, above the collection's. */
  values: Readonly<Record<string, string>> | undefined;
  /** True for its secrets: they have no value below what the caller passes. */
  hides: (name: string) => boolean;
  /** Why a variable has no value, for its error. */
  missing: NonNullable<Lookup["missing"]>;
}

/** The scope of the environment a client is made for, by name (`undefined`: none); refuses an unknown name. */
export type Environments = (name: string | undefined) => EnvironmentScope;

export interface Core {
  /**
   * `encode` and `authorize` are the body encoder and authorizer the operation's spec calls for,
   * `features` the request features it needs (./request-features.js).
   */
  call(
    op: CallSpec,
    args: unknown,
    options?: CallOptions,
    encode?: BodyEncoder,
    authorize?: Authorizer,
    features?: RequestFeatures,
  ): ApiPromise<unknown>;
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/** The longest delay setTimeout keeps (2³¹−1 ms, ~24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;
export const DEFAULT_MAX_RETRIES = 2;

export function createCore(options: ClientOptions<object, string>, defaults: ClientDefaults): Core {
  const session: Session = new Map();
  const { environment: name } = options;
  if (name !== undefined && !defaults.environments)
    throw new ValidationError(
      "createClient",
      "environment",
      `unknown environment ${JSON.stringify(String(name))}: the client was generated without environments`,
    );
  const environment = defaults.environments?.(name);
  if (options.responseCheck && !options.responseChecks) {
    throw new ValidationError(
      "createClient",
      "responseChecks",
      "responseCheck needs the package's responseChecks export: pass createClient({ responseCheck, responseChecks })",
    );
  }
  return {
    call: (op, args, callOptions = {}, encode, authorize, features) => {
      // What the call resolves with, made before its request so that the ApiPromise's asResponse()
      // can mark it (see Answer); send fills it in rather than making its own.
      const answer: Answer<unknown> = {};
      return new ApiPromise(
        send(
          op,
          args,
          callOptions,
          options,
          defaults,
          environment,
          encode,
          authorize,
          session,
          features,
          answer,
        ),
        answer,
      );
    },
  };
}

async function send(
  op: CallSpec,
  args: unknown,
  call: CallOptions,
  options: ClientOptions<object, string>,
  defaults: ClientDefaults,
  environment: EnvironmentScope | undefined,
  encode: BodyEncoder | undefined,
  authorize: Authorizer | undefined,
  session: Session,
  features: RequestFeatures | undefined,
  answer: Answer<unknown>,
): Promise<WithResponse<unknown>> {
  const timeoutMs = call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRetries = call.maxRetries ?? options.maxRetries ?? DEFAULT_MAX_RETRIES;
  // Checked first, before the request is built or a token fetched. NaN or a negative count would
  // never stop retrying; 0 or NaN ms would time out at once.
  if (!(typeof timeoutMs === "number" && timeoutMs > 0)) {
    throw new ValidationError(
      op.name,
      undefined,
      `timeoutMs must be a positive number of milliseconds (Infinity for no limit), got ${String(timeoutMs)}`,
    );
  }
  if (!(Number.isInteger(maxRetries) && maxRetries >= 0))
    throw new ValidationError(
      op.name,
      undefined,
      `maxRetries must be a whole number from 0, got ${String(maxRetries)}`,
    );
  // The request as the arguments make it, before its auth: the first attempt's, and made again
  // (rather than copied up front, which every call would pay for) for each further attempt and for
  // an error, which compares it with what was sent; a file given as bytes is copied into a Blob
  // again then, as it is sent again on a retry. Each attempt starts from it, signed afresh
  // (signatures hold a nonce and a time; a token may have been renewed), as a fetch of the app's
  // own, or the global one instrumented, may edit `init.headers` in place (a tracer appending its
  // id), as a hook may edit the URL. Each build of a call makes the dynamic variables' values of
  // the first (`made`): a retry resends its Idempotency-Key of `{{$guid}}`.
  const made: Array<string | undefined> = [];
  // The lookup of the last build, which its auth uses too.
  let lookup!: Lookup;
  const build = () =>
    buildRequest(
      op,
      args,
      {
        baseUrl: options.baseUrl ?? defaults.baseUrl,
        baseUrls: options.baseUrls,
        // Postman's precedence, narrowest first: what is passed at run time (local), the chosen
        // environment, then the collection's (the request's and its folders' own values before the
        // collection's variables), below which the globals' values are already defaults.
        lookup: (lookup = variableLookup(
          call.variables,
          options.variables,
          environment,
          op.variables,
          defaults,
          made,
        )),
        // Later sources win: client headers, the operation's header arguments, then this call's headers.
        headers: options.headers,
        call,
      },
      encode,
      features,
    );
  let reauthorized = false;

  for (let attempt = 1, retries = 0; ; attempt++) {
    // What hooks get is the attempt's request itself, as each attempt builds its own: what one
    // attempt's hook adds stays with it, and what a hook sets is sent. Named whether or not a hook
    // is given, as it is built: nothing else reads the request's object, and two fields cost less
    // than the test.
    const request: BuiltRequest & HookRequest = Object.assign(build(), {
      operation: op.name,
      attempt,
    });
    let reauthorize: Reauthorize | void = undefined;
    if (authorize) {
      const authorized = authorize(op, request, options, lookup, session, call.signal, timeoutMs);
      // Awaited only when it is a promise: most tokens are at hand, and each await costs a call a job.
      // Told by its being an object (a Reauthorize is a function), not by `instanceof Promise`: an
      // app whose global Promise was replaced (zone.js) gets async functions' promises from the
      // engine, which are no instances of its Promise.
      reauthorize =
        typeof authorized === "object" && authorized !== null ? await authorized : authorized;
    } else if (op.auth)
      throw new TypeError(`${op.name}: no authorizer for its ${op.auth.type} auth`);
    if (options.onRequest) await options.onRequest(request);
    // The attempt, in this loop rather than a function of its own: an async layer costs every call
    // a promise, a job and an object for its result.
    const signal = call.signal;
    signal?.throwIfAborted();
    // A timer cleared when the attempt ends, rather than AbortSignal.timeout, whose timer lives on
    // for the whole timeout after every call. Without a limit there is no timer and no signal of
    // our own: Node's fetch spends ~5% of a loopback call on following one.
    const controller = timeoutMs <= MAX_TIMER_MS ? new AbortController() : undefined;
    // The attempt's error once its time is up: the abort's reason, and what the call rejects with.
    let timedOut: TimeoutError | undefined;
    const timer = controller
      ? setTimeout(
          () => controller.abort((timedOut = new TimeoutError(op.name, timeoutMs))),
          timeoutMs,
        )
      : undefined;
    const onAbort = controller && signal ? () => controller.abort(signal.reason) : undefined;
    if (onAbort) signal!.addEventListener("abort", onAbort, { once: true });
    // An undefined member is an absent one to fetch (WebIDL): `follow`, its default; no signal
    // (without a limit and without the caller's), which fetch then does not follow. The casts are
    // for apps with exactOptionalPropertyTypes, whose RequestInit takes no undefined.
    const init: RequestInit = {
      method: request.method,
      headers: request.headers,
      redirect: op.redirect as NonNullable<RequestInit["redirect"]>,
      signal: (controller?.signal ?? signal) as AbortSignal,
    };
    if (request.body !== undefined) {
      init.body = request.body;
      encode?.send?.(init);
    }
    let response: Response | undefined;
    let body: unknown;
    let error: Error | undefined;
    // Read for a failure without a response only (retry.ts's Outcome): whether the server may have
    // the request, as it may when the time ran out.
    let sent = true;
    let answered = false;
    try {
      // The URL as text: fetch parses it again either way.
      response = await (options.fetch ?? globalThis.fetch)(request.url.href, init);
      answered = true;
      // Not a success whose body the caller takes unread (asResponse()): any other answer is read
      // here, an error's for its typed error.
      const read =
        !(answer.unread && response.status < (op.redirect ? 400 : 300)) &&
        readBody(response, request.method);
      if (read) body = await read;
      // Left unread (asResponse()): the call's own promise has no body to give (UNREAD). Only on
      // this branch, which a success with a body to read never takes. A caller that reads it whole
      // (readUnread) gets the call's own error for JSON that does not parse, masked with what this
      // attempt sent, which only the client knows (Basic's base64, a grant's token, a signature).
      else if (read === false) {
        body = UNREAD;
        answer.unparsed = async (raw) =>
          attempted(
            toApiError(op, response!, raw, await secretsOf(build, request, defaults, lookup)),
            retries,
          );
      }
    } catch (thrown) {
      // The caller's own abort is not a failure to retry: it is passed on as it is.
      signal?.throwIfAborted();
      if (timedOut) {
        error = timedOut;
      } else {
        // What fetch threw may quote the URL, an API key in its query included.
        const mask = masker(await secretsOf(build, request, defaults, lookup));
        const why = reason(thrown);
        // "connection failed" only where none was made (retry.ts's NEVER_SENT): else the server may
        // have the request, and a POST is not sent again.
        sent = answered || !NEVER_SENT.test(why);
        error = new ConnectionError(
          op.name,
          `${answered ? "the answer was cut off" : sent ? "connection lost" : "connection failed"}: ${mask(why)}`,
          holdsSecret(thrown, mask) ? undefined : { cause: thrown },
        );
      }
      // A failure has no response to hand on, only its error.
      response = undefined;
    } finally {
      // The timeout covers the attempt until its body is read, or, for a body the caller reads
      // (asResponse()), until its headers came: the timer ends here, so it never aborts the
      // caller's stream. The caller's own signal stays linked to the attempt's then, as it would
      // be to a fetch of the caller's, so that it still aborts the body (an earlier attempt's link
      // stays too, and aborts nothing that still runs).
      clearTimeout(timer);
      if (onAbort && !answer.unread) signal!.removeEventListener("abort", onAbort);
    }
    if (response) {
      if (options.onResponse) await options.onResponse(response, request);
      // A 2xx, or where the operation follows no redirect (`redirect: "manual"`) a 3xx, or a
      // browser's opaque redirect (status 0). fetch answers nothing else below 200. Not a 2xx whose
      // JSON does not parse (readBody's `Unparsed`): that rejects, and is not retried
      // (isRetryable reads its 2xx status), as the server took the request, which a POST's resend
      // would repeat.
      if (response.status < (op.redirect ? 400 : 300) && !(body instanceof Unparsed)) {
        // A body left unread is not checked: the caller reads it. Whether `responseCheck` asks for
        // the check is verify's to read (check.ts's verifyResponse), in the module only a client that
        // checks imports, rather than every bundle's.
        if (!answer.unread)
          options.responseChecks?.verify(
            options.responseChecks.table,
            op,
            response.status,
            body,
            options,
          );
        answer.data = body;
        answer.response = response;
        return answer as WithResponse<unknown>;
      }
      // A 401 that the auth can answer (a Digest challenge, an expired token) is sent again once,
      // signed anew; it is no failure and uses no retry.
      if (
        response.status === 401 &&
        reauthorize &&
        !reauthorized &&
        (await reauthorize(response))
      ) {
        reauthorized = true;
        continue;
      }
    }
    const failure =
      error ?? toApiError(op, response!, body, await secretsOf(build, request, defaults, lookup));
    if (options.onError) await options.onError(failure, request);
    if (
      retries >= maxRetries ||
      !isRetryable(request, response ? { status: response.status } : { sent })
    )
      throw attempted(failure, retries);
    retries++;
    await sleep(retryDelayMs(retries, response?.headers), signal);
  }
}

/**
 * How many attempts the call made (the first and its retries; a 401 its auth answered is no
 * failure), on the error it rejects with: a failure that outlasted retries reads otherwise as one
 * that was never retried. V8 writes the message into the stack when the stack is first read, so a
 * stack that an onError hook read keeps it without the count (mending it would cost every bundle
 * ~30 B; other engines' stacks hold no message).
 */
function attempted(failure: Error, retries: number): Error {
  if (retries) failure.message += ` after ${retries + 1} attempts`;
  return Object.assign(failure, { attempts: retries + 1 });
}

/**
 * The body of a success that `asResponse()` left unread, read whole as the client reads one
 * (readBody), for a caller that decides to read it only once it has seen its headers (the
 * package's command line, for a JSON answer). A 2xx whose JSON does not parse rejects with the
 * call's own ResponseParseError, masked as the call's other errors are: the decision and its
 * wording stay here, in one place, and the credentials the client made stay out of it.
 */
export async function readUnread(call: ApiPromise<unknown>, method: string): Promise<unknown> {
  const answer: Answer<unknown> = await call.withResponse();
  const data = await readBody(answer.response!, method);
  if (data instanceof Unparsed) throw await answer.unparsed!(data);
  return data;
}

/**
 * The credentials the attempt sent (its auth's, the secret variables' values), for its error to
 * mask: `request` as it went (with what a hook added) against the request as `build` makes it, read
 * as its auth's scheme says (`sentSecrets` unless the authorizer set its own on `request`).
 */
function secretsOf(
  build: () => BuiltRequest,
  request: BuiltRequest,
  defaults: ClientDefaults,
  lookup: Lookup,
): string[] | Promise<string[]> {
  return (request.sentSecrets ?? sentSecrets)(
    build(),
    request,
    defaults.secrets?.flatMap((name) => lookup.sent?.get(name)?.() ?? lookup.given?.(name) ?? []),
  );
}

/** Why fetch failed, or a body's read: its code where undici gives one, else its message (the command line's reading of a body streamed says it too). */
export function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  // Undici names most failures by code; some (a port fetch refuses: "bad port") only by message.
  const why = cause?.code ?? cause?.message;
  if (typeof why === "string" && why) return why;
  return error instanceof Error ? error.message : String(error);
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // An aborted signal rejects with its reason: a throw in the executor rejects the promise.
    signal?.throwIfAborted();
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * The value of a `{{variable}}`: from what the caller passes (this call's, then the client's),
 * else the chosen environment, else the collection (the operation's own, then the collection's);
 * Postman's dynamic variables where the package has them.
 */
function variableLookup(
  call: object | undefined,
  client: object | undefined,
  environment: EnvironmentScope | undefined,
  operation: object | undefined,
  defaults: ClientDefaults,
  made: Array<string | undefined>,
): Lookup {
  const given = (name: string) => find(call, name) ?? find(client, name);
  const lookup: Lookup = (name) => {
    const value = given(name);
    return value !== undefined || environment?.hides(name)
      ? value
      : (find(environment?.values, name) ??
          find(operation, name) ??
          find(defaults.variables, name));
  };
  lookup.given = given;
  if (environment) lookup.missing = environment.missing;
  const { dynamic } = defaults;
  let at = 0;
  // The call's first build makes each value; the next ones, which make the same request, reuse them in
  // order. A place left `undefined` is a name that is no dynamic variable, which is none again.
  if (dynamic) lookup.dynamic = (name) => (made[at++] ??= dynamic(name));
  return lookup;
}

/** A scope's value of a variable, as text; `undefined` (or null) counts as none. */
function find(scope: object | undefined, name: string): string | undefined {
  if (scope && Object.hasOwn(scope, name)) {
    const value = (scope as Record<string, unknown>)[name];
    if (value !== undefined && value !== null) return String(value);
  }
  return undefined;
}
