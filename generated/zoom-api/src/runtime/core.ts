// The client core that every generated method calls: options, variables, auth, one fetch, result or error.
import { applyAuth, type AuthOptions } from "./auth.js";
import { buildRequest } from "./request.js";
import { readBody, toApiError } from "./response.js";
import type { Lookup } from "./template.js";
import type { OperationSpec } from "./spec.js";

export interface ClientOptions<
  Variables extends object = Record<string, string>,
> extends AuthOptions {
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

export function createCore(options: ClientOptions<object>, defaults: ClientDefaults): Core {
  const context = {
    baseUrl: options.baseUrl ?? defaults.baseUrl,
    baseUrls: options.baseUrls ?? {},
  };
  return {
    async call(op, args, callOptions = {}) {
      const lookup = variableLookup([
        callOptions.variables,
        options.variables,
        op.variables,
        defaults.variables,
      ]);
      const request = buildRequest(op, args, { ...context, lookup });
      // Later sources win: client headers, the operation's header arguments, then this call's headers.
      const headers = new Headers(options.headers);
      request.headers.forEach((value, name) => headers.set(name, value));
      for (const [name, value] of Object.entries(callOptions.headers ?? {}))
        headers.set(name, value);
      request.headers = headers;
      // A hand-set multipart type has no boundary; fetch writes the right one for a FormData body.
      if (request.body instanceof FormData) headers.delete("content-type");
      await applyAuth(op, request, options, lookup);
      const doFetch = options.fetch ?? globalThis.fetch;
      const init: RequestInit = { method: request.method, headers };
      if (request.body !== undefined) init.body = request.body;
      if (callOptions.signal) init.signal = callOptions.signal;
      const response = await doFetch(request.url, init);
      const body = await readBody(response, request.method);
      if (response.ok) return body;
      throw toApiError(op, response, body);
    },
  };
}

function variableLookup(scopes: ReadonlyArray<object | undefined>): Lookup {
  return (name) => {
    for (const scope of scopes) {
      if (scope && Object.prototype.hasOwnProperty.call(scope, name)) {
        const value = (scope as Record<string, unknown>)[name];
        if (value !== undefined && value !== null) return String(value);
      }
    }
    return undefined;
  };
}
