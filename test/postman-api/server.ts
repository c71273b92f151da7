// A local stand-in for the Postman API on 127.0.0.1, answering as the API documents it:
// `GET /collections/{uid}` and `GET /environments/{uid}` with the `X-Api-Key` header, the resource
// wrapped in `{ "collection": … }` / `{ "environment": … }`, errors as `{ "error": { "name",
// "message" } }` with the API's status codes (401 AuthenticationError, 403 forbiddenError, 404
// instanceNotFoundError, 429 rateLimitError with Retry-After). Never the real API.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach } from "vitest";
import { FIXTURES } from "../helpers/seed.js";
import { startedInHook } from "../helpers/started-in-hook.js";

export const OWNER = "12345678";
export const COLLECTION_UID = `${OWNER}-0c5d1b0e-8f2a-4b3c-9d4e-5f6a7b8c9d0e`;
export const STAGING_UID = `${OWNER}-5f6d1c7e-2b7a-4d8e-9c1a-3b2d4e5f6a7b`;
export const PRODUCTION_UID = `${OWNER}-0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d`;
export const API_KEY = "PMAK-65f0c0ffee0123456789abcd-0123456789abcdef0123456789abcdef01";

export interface ApiRequest {
  method: string;
  path: string;
  apiKey: string | undefined;
}

export interface FakePostmanApi {
  url: string;
  requests: ApiRequest[];
  collections: Map<string, Record<string, unknown>>;
  environments: Map<string, Record<string, unknown>>;
  /** uids the key may not read (403). */
  forbidden: Set<string>;
  /** The next this-many requests are answered 429. */
  rateLimited: number;
  retryAfter: string;
  /** Requests get no answer at all (a timeout). */
  hang: boolean;
  /** Every request is answered with this redirect (a `Location` header), key or not. */
  redirect: { status: number; location: string } | undefined;
  close(): Promise<void>;
}

const DIR = `${FIXTURES}environments/`;

/** The fixture collection as GET /collections/{uid} returns it: `info` has the API's extra keys. */
export function apiCollection(updatedAt = "2024-05-01T09:00:00.000Z", name = "Env API"): Record<string, unknown> {
  const file = JSON.parse(readFileSync(`${DIR}env-api.postman_collection.json`, "utf8")) as Record<string, unknown>;
  const info = file["info"] as Record<string, unknown>;
  return {
    ...file,
    info: {
      _postman_id: "0c5d1b0e-8f2a-4b3c-9d4e-5f6a7b8c9d0e",
      ...info,
      name,
      updatedAt,
      createdAt: "2024-04-01T09:00:00.000Z",
      lastUpdatedBy: OWNER,
      uid: COLLECTION_UID,
    },
  };
}

/** An environment fixture as GET /environments/{uid} returns it. */
export function apiEnvironment(
  fixture: "staging" | "production",
  updatedAt = "2024-05-01T10:00:00.000Z",
): Record<string, unknown> {
  const file = JSON.parse(readFileSync(`${DIR}${fixture}.postman_environment.json`, "utf8")) as Record<string, unknown>;
  return {
    id: file["id"],
    name: file["name"],
    owner: OWNER,
    createdAt: "2024-04-01T10:00:00.000Z",
    updatedAt,
    values: file["values"],
    isPublic: false,
  };
}

/** The credentials literalSecretsCollection writes out, which no stored copy may hold. */
export const LITERAL_SECRETS = [
  "LITERAL-BEARER-1a2b",
  "LITERAL-APIKEY-3c4d",
  "LITERAL-PASSWORD-5e6f",
  "LITERAL-EXAMPLE-7a8b",
  "LITERAL-SIGNING-9c0d",
  "SECRET-TYPED-1e2f",
  "COLLECTION-PASS-3a4b",
];

/** The fixture collection with credentials written into its auth and its variables, at every level. */
export function literalSecretsCollection(): Record<string, unknown> {
  const collection = apiCollection();
  return {
    ...collection,
    auth: { type: "bearer", bearer: [{ key: "token", value: "LITERAL-BEARER-1a2b", type: "string" }] },
    item: [
      {
        name: "Admin",
        auth: {
          type: "apikey",
          apikey: [
            { key: "key", value: "X-Admin-Key", type: "string" },
            { key: "value", value: "LITERAL-APIKEY-3c4d", type: "string" },
            { key: "in", value: "header", type: "string" },
          ],
        },
        item: [
          {
            name: "Login",
            request: {
              method: "POST",
              url: "{{baseUrl}}/login",
              auth: {
                type: "basic",
                basic: [
                  { key: "username", value: "alice" },
                  { key: "password", value: "LITERAL-PASSWORD-5e6f" },
                ],
              },
            },
            response: [
              {
                name: "ok",
                originalRequest: {
                  method: "POST",
                  url: "{{baseUrl}}/login",
                  auth: { type: "bearer", bearer: [{ key: "token", value: "LITERAL-EXAMPLE-7a8b" }] },
                },
                code: 200,
                body: "{}",
              },
            ],
          },
          {
            name: "Logout",
            request: {
              method: "POST",
              url: "{{baseUrl}}/logout",
              auth: { type: "bearer", bearer: [{ key: "token", value: "{{phrase}}" }] },
            },
          },
        ],
        variable: [{ key: "signingKey", value: "LITERAL-SIGNING-9c0d" }],
      },
      ...(collection["item"] as unknown[]),
    ],
    variable: [
      { key: "region", value: "collection-region" },
      { key: "session", value: "SECRET-TYPED-1e2f", type: "secret", description: "a session" },
      { key: "phrase", value: "COLLECTION-PASS-3a4b" },
      { key: "bearerAlias", value: "{{phrase}}" },
    ],
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(body));
}

export async function startPostmanApi(): Promise<FakePostmanApi> {
  const api: Omit<FakePostmanApi, "url" | "close"> = {
    requests: [],
    collections: new Map([[COLLECTION_UID, apiCollection()]]),
    environments: new Map([
      [STAGING_UID, apiEnvironment("staging")],
      [PRODUCTION_UID, apiEnvironment("production")],
    ]),
    forbidden: new Set(),
    rateLimited: 0,
    retryAfter: "1",
    hang: false,
    redirect: undefined,
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const key = req.headers["x-api-key"];
    api.requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      apiKey: typeof key === "string" ? key : undefined,
    });
    if (api.hang) return;
    if (api.redirect) {
      res.writeHead(api.redirect.status, { location: api.redirect.location, "content-type": "text/plain" });
      return res.end(`Redirecting to ${api.redirect.location}`);
    }
    const match = /^\/(collections|environments)\/([^/?]+)$/.exec(req.url ?? "");
    if (req.method !== "GET" || !match)
      return send(res, 404, { error: { name: "notFound", message: "Requested resource not found" } });
    if (key === undefined)
      return send(res, 401, {
        error: {
          name: "AuthenticationError",
          message: "API Key missing. Every request requires an API Key to be sent.",
        },
      });
    if (key !== API_KEY)
      return send(res, 401, {
        error: {
          name: "AuthenticationError",
          message: "Invalid API Key. Every request requires a valid API Key to be sent.",
        },
      });
    if (api.rateLimited > 0) {
      api.rateLimited--;
      return send(
        res,
        429,
        { error: { name: "rateLimitError", message: `Rate Limit exceeded. Please retry at ${Date.now() + 1000}` } },
        {
          "retry-after": api.retryAfter,
          "ratelimit-limit": "300",
          "ratelimit-remaining": "0",
          "ratelimit-reset": api.retryAfter,
        },
      );
    }
    const [, collection, uid] = match as unknown as [string, "collections" | "environments", string];
    const kind = collection === "collections" ? "collection" : "environment";
    if (api.forbidden.has(uid))
      return send(res, 403, {
        error: {
          name: "forbiddenError",
          message: "You are not permitted to perform the action on the requested resource",
        },
      });
    const resource = (kind === "collection" ? api.collections : api.environments).get(decodeURIComponent(uid));
    if (!resource)
      return send(res, 404, {
        error: { name: "instanceNotFoundError", message: `We could not find the ${kind} you are looking for` },
      });
    send(res, 200, { [kind]: resource });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(api as FakePostmanApi, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/**
 * Registers the hooks that start a fresh stand-in before each test and close it after; returns the
 * running one. A test sees another stand-in than the one before it, so what it returns reads and
 * writes through to the one of the test running (a test sets `hang`, `rateLimited`, … on it).
 */
export function usePostmanApi(): FakePostmanApi {
  let api: FakePostmanApi | undefined;
  beforeEach(async () => {
    api = await startPostmanApi();
  });
  afterEach(async () => {
    await api?.close();
  });
  return startedInHook(() => api, "the Postman API stand-in", "beforeEach");
}
