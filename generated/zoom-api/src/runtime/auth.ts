// Applies an operation's auth to a built request. Credentials come from the client's options, else
// from the collection's variables; nothing is sent when there is none (the API answers 401).
import { ValidationError } from "./errors.js";
import { fillTemplate, type Lookup } from "./template.js";
import type { BuiltRequest, RequestBody } from "./request.js";
import type { AuthSpec, OperationSpec } from "./spec.js";

/** A credential, or a function that returns one for each request (so expiring tokens can be refreshed). */
export type Credential = string | (() => string | undefined | Promise<string | undefined>);

export interface AuthOptions {
  /** OAuth 2.0 / bearer token, sent as `Authorization: Bearer <token>`. */
  token?: Credential;
  /** API key, sent in the header or query parameter the collection names. */
  apiKey?: Credential;
  /** HTTP Basic credentials. */
  basic?: { username: string; password: string };
  /**
   * Signs requests of operations whose auth the client cannot compute (OAuth 1.0, Digest, Hawk,
   * AWS Signature, NTLM, …): set headers or query parameters on `request` in place.
   */
  sign?: (request: SignableRequest) => void | Promise<void>;
}

export interface SignableRequest {
  operation: string;
  /** The collection's auth type, e.g. `oauth1`. */
  scheme: string;
  method: string;
  url: URL;
  headers: Headers;
  body: RequestBody | undefined;
}

export async function applyAuth(
  op: OperationSpec,
  request: BuiltRequest,
  options: AuthOptions,
  lookup: Lookup,
): Promise<void> {
  const auth: AuthSpec | undefined = op.auth;
  if (!auth) return;
  const fromCollection = (template: string | undefined) =>
    template === undefined ? undefined : fillTemplate(template, lookup, op.name);
  switch (auth.type) {
    case "bearer": {
      const token = (await resolve(options.token)) ?? fromCollection(auth.token);
      if (token) request.headers.set("authorization", `Bearer ${token}`);
      return;
    }
    case "apikey": {
      const key = (await resolve(options.apiKey)) ?? fromCollection(auth.value);
      if (!key) return;
      if (auth.in === "query") request.url.searchParams.append(auth.name, key);
      else request.headers.set(auth.name, key);
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
        throw new ValidationError(
          op.name,
          undefined,
          `the collection signs this request with ${auth.scheme}, which the client cannot compute: pass createClient({ sign })`,
        );
      }
      await options.sign({
        operation: op.name,
        scheme: auth.scheme,
        method: request.method,
        url: request.url,
        headers: request.headers,
        body: request.body,
      });
      return;
    }
  }
}

async function resolve(credential: Credential | undefined): Promise<string | undefined> {
  return typeof credential === "function" ? credential() : credential;
}

function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
