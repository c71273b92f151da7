// Applies an operation's auth to a built request. Credentials come from the client's options, else
// from the collection's variables; nothing is sent when there is none (the API answers 401).
import { ValidationError } from "./errors.js";
import { fillTemplate } from "./template.js";
export async function applyAuth(op, request, options, lookup) {
    const auth = op.auth;
    if (!auth)
        return;
    const fromCollection = (template) => (template === undefined ? undefined : fillTemplate(template, lookup, op.name));
    switch (auth.type) {
        case "bearer": {
            const token = (await resolve(options.token)) ?? fromCollection(auth.token);
            if (token)
                request.headers.set("authorization", `Bearer ${token}`);
            return;
        }
        case "apikey": {
            const key = (await resolve(options.apiKey)) ?? fromCollection(auth.value);
            if (!key)
                return;
            if (auth.in === "query")
                request.url.searchParams.append(auth.name, key);
            else
                request.headers.set(auth.name, key);
            return;
        }
        case "basic": {
            const username = options.basic?.username ?? fromCollection(auth.username);
            const password = options.basic?.password ?? fromCollection(auth.password) ?? "";
            if (username !== undefined)
                request.headers.set("authorization", `Basic ${base64(`${username}:${password}`)}`);
            return;
        }
        case "custom": {
            if (!options.sign) {
                throw new ValidationError(op.name, undefined, `the collection signs this request with ${auth.scheme}, which the client cannot compute: pass createClient({ sign })`);
            }
            await options.sign({ operation: op.name, scheme: auth.scheme, method: request.method, url: request.url, headers: request.headers, body: request.body });
            return;
        }
    }
}
async function resolve(credential) {
    return typeof credential === "function" ? credential() : credential;
}
function base64(text) {
    let binary = "";
    for (const byte of new TextEncoder().encode(text))
        binary += String.fromCharCode(byte);
    return btoa(binary);
}
