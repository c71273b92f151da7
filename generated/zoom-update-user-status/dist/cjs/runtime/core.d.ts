import { ApiPromise } from "./api-promise.js";
import type { AuthOptions, Authorizer } from "./auth.js";
import type { BodyEncoder } from "./bodies.js";
import { type RequestBody, type RequestFeatures } from "./request.js";
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
export interface ClientOptions<Variables extends object = Record<string, string>, Environment extends string = never> extends AuthOptions, Hooks {
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
    variables?: {
        [Name in keyof Variables]?: Variables[Name] | undefined;
    } | undefined;
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
    variables?: {
        [Name in keyof Variables]?: Variables[Name] | undefined;
    } | undefined;
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
    query?: Record<string, string | number | boolean | readonly (string | number | boolean)[] | undefined> | undefined;
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
    call(op: CallSpec, args: unknown, options?: CallOptions, encode?: BodyEncoder, authorize?: Authorizer, features?: RequestFeatures): ApiPromise<unknown>;
}
export declare const DEFAULT_TIMEOUT_MS = 60000;
/** The longest delay setTimeout keeps (2³¹−1 ms, ~24.8 days); longer ones fire at once. */
export declare const MAX_TIMER_MS = 2147483647;
export declare const DEFAULT_MAX_RETRIES = 2;
export declare function createCore(options: ClientOptions<object, string>, defaults: ClientDefaults): Core;
/**
 * The body of a success that `asResponse()` left unread, read whole as the client reads one
 * (readBody), for a caller that decides to read it only once it has seen its headers (the
 * package's command line, for a JSON answer). A 2xx whose JSON does not parse rejects with the
 * call's own ResponseParseError, masked as the call's other errors are: the decision and its
 * wording stay here, in one place, and the credentials the client made stay out of it.
 */
export declare function readUnread(call: ApiPromise<unknown>, method: string): Promise<unknown>;
/** Why fetch failed, or a body's read: its code where undici gives one, else its message (the command line's reading of a body streamed says it too). */
export declare function reason(error: unknown): string;
