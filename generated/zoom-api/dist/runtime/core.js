// The client core that every generated method calls: options, variables, auth, one fetch, result or error.
import { applyAuth } from "./auth.js";
import { buildRequest } from "./request.js";
import { readBody, toApiError } from "./response.js";
export function createCore(options, defaults) {
    const context = { baseUrl: options.baseUrl ?? defaults.baseUrl, baseUrls: options.baseUrls ?? {} };
    return {
        async call(op, args, callOptions = {}) {
            const lookup = variableLookup([callOptions.variables, options.variables, op.variables, defaults.variables]);
            const request = buildRequest(op, args, { ...context, lookup });
            // Later sources win: client headers, the operation's header arguments, then this call's headers.
            const headers = new Headers(options.headers);
            request.headers.forEach((value, name) => headers.set(name, value));
            for (const [name, value] of Object.entries(callOptions.headers ?? {}))
                headers.set(name, value);
            request.headers = headers;
            // A hand-set multipart type has no boundary; fetch writes the right one for a FormData body.
            if (request.body instanceof FormData)
                headers.delete("content-type");
            await applyAuth(op, request, options, lookup);
            const doFetch = options.fetch ?? globalThis.fetch;
            const init = { method: request.method, headers };
            if (request.body !== undefined)
                init.body = request.body;
            if (callOptions.signal)
                init.signal = callOptions.signal;
            const response = await doFetch(request.url, init);
            const body = await readBody(response, request.method);
            if (response.ok)
                return body;
            throw toApiError(op, response, body);
        },
    };
}
function variableLookup(scopes) {
    return (name) => {
        for (const scope of scopes) {
            if (scope && Object.prototype.hasOwnProperty.call(scope, name)) {
                const value = scope[name];
                if (value !== undefined && value !== null)
                    return String(value);
            }
        }
        return undefined;
    };
}
