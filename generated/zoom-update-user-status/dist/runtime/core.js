// The client core that every generated method calls: options, auth, one fetch, result or error.
import { buildRequest } from "./request.js";
import { readBody, toApiError } from "./response.js";
export function createCore(options, defaults) {
  const baseUrl = options.baseUrl ?? defaults.baseUrl;
  return {
    async call(op, args, callOptions = {}) {
      const request = buildRequest(op, args, baseUrl);
      // Later sources win: client headers, the operation's header arguments, then this call's headers.
      const headers = new Headers(options.headers);
      request.headers.forEach((value, name) => headers.set(name, value));
      for (const [name, value] of Object.entries(callOptions.headers ?? {}))
        headers.set(name, value);
      if (op.auth === "bearer") {
        const token = typeof options.token === "function" ? await options.token() : options.token;
        if (token) headers.set("authorization", `Bearer ${token}`);
      }
      // A hand-set multipart type has no boundary; fetch writes the right one for a FormData body.
      if (request.body instanceof FormData) headers.delete("content-type");
      const doFetch = options.fetch ?? globalThis.fetch;
      const init = { method: request.method, headers };
      if (request.body !== undefined) init.body = request.body;
      if (callOptions.signal) init.signal = callOptions.signal;
      const response = await doFetch(request.url, init);
      const body = await readBody(response, request.method);
      if (response.ok) return body;
      throw toApiError(op, response, body);
    },
  };
}
