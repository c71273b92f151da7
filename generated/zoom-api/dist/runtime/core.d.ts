import { type AuthOptions } from "./auth.js";
import type { OperationSpec } from "./spec.js";
export interface ClientOptions<Variables extends object = Record<string, string>> extends AuthOptions {
    /** Base URL that operation paths are appended to; defaults to the collection's. */
    baseUrl?: string;
    /** Replacements for other base URLs that some requests use, keyed as the collection writes them. */
    baseUrls?: Record<string, string>;
    /** Values of the collection's `{{variables}}`; they override the collection's own values. */
    variables?: Partial<Variables>;
    /** Headers sent with every request. */
    headers?: Record<string, string>;
    /** The fetch implementation; defaults to the global `fetch` at call time. */
    fetch?: typeof fetch;
}
export interface RequestOptions<Variables extends object = Record<string, string>> {
    signal?: AbortSignal;
    /** Headers for this call only; they override the client's. */
    headers?: Record<string, string>;
    /** Variables for this call only; they override the client's. */
    variables?: Partial<Variables>;
}
export interface ClientDefaults {
    /** The collection's base URL (may hold `{{variables}}`). */
    baseUrl: string;
    /** The collection's variables. */
    variables: Readonly<Record<string, string>>;
}
export interface Core {
    call(op: OperationSpec, args: unknown, options?: RequestOptions<object>): Promise<unknown>;
}
export declare function createCore(options: ClientOptions<object>, defaults: ClientDefaults): Core;
