import type { OperationSpec } from "./spec.js";
/** A token, or a function that returns one for each request (so expiring OAuth tokens can be refreshed). */
export type TokenSource = string | (() => string | undefined | Promise<string | undefined>);
export interface ClientOptions {
  /** Base URL that operation paths are appended to; defaults to the collection's `baseUrl`. */
  baseUrl?: string;
  /** Sent as `Authorization: Bearer <token>` on operations whose auth is OAuth 2 or bearer. */
  token?: TokenSource;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /** The fetch implementation; defaults to the global `fetch` at call time. */
  fetch?: typeof fetch;
}
export interface RequestOptions {
  signal?: AbortSignal;
  /** Headers for this call only; they override the client's. */
  headers?: Record<string, string>;
}
export interface ClientDefaults {
  baseUrl: string;
}
export interface Core {
  call(op: OperationSpec, args: unknown, options?: RequestOptions): Promise<unknown>;
}
export declare function createCore(options: ClientOptions, defaults: ClientDefaults): Core;
