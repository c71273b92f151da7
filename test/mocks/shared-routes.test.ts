// Requests of a collection that share a method and path (Plaid has seven on POST /link/token/create,
// told apart by their bodies): the URL cannot tell them apart, so the mocks do as Postman's mock
// servers do. Their saved examples are one pool the request picks from by the usual rules; an
// override of any of them answers; each call records the operation whose override or example
// answered. Through each face of the mocks.
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { mockApi } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { createMockHandlers } from "../../src/mocks/msw-handlers.js";
import { startMockServer, type MockServer } from "../../src/mocks/server.js";
import type { MockApi, MockControls, MockExample } from "../../src/mocks/types.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const BASE = "https://api.example.com";

describe("GET /search?type=user and GET /search?type=repo, as the loader reads them", () => {
  const model = toModel(
    parseCollectionText(
      "c.json",
      JSON.stringify({
        info: { name: "Search", schema: V21 },
        item: [
          { name: "Search Users", request: { method: "GET", url: `${BASE}/search?type=user` } },
          {
            name: "Search Repos",
            request: { method: "GET", url: `${BASE}/search?type=repo` },
            response: [
              {
                name: "Repos",
                code: 200,
                header: [{ key: "Content-Type", value: "application/json" }],
                body: '{"repos": ["saved"]}',
                originalRequest: { method: "GET", url: `${BASE}/search?type=repo` },
              },
            ],
          },
        ],
      }),
    ),
  );
  const api = mockApi(model).api;
  const [searchUsers, searchRepos] = api.operations as [OperationSpec, OperationSpec];
  const client = (fetch: typeof globalThis.fetch) =>
    testCore({ fetch, maxRetries: 0 }, { baseUrl: api.baseUrl, variables: api.variables });

  it("answers the second with its override", async () => {
    const mock = createMockFetch(api);
    mock.use(searchRepos, { body: { repos: ["override"] } });
    expect(await client(mock).call(searchRepos, { type: "repo" })).toEqual({ repos: ["override"] });
    expect(mock.calls.map((c) => [c.operation, c.overridden])).toEqual([[searchRepos, true]]);
  });

  it("answers both from the one saved example, recording the operation it belongs to", async () => {
    const mock = createMockFetch(api);
    expect(await client(mock).call(searchRepos, { type: "repo" })).toEqual({ repos: ["saved"] });
    expect(await client(mock).call(searchUsers, { type: "user" })).toEqual({ repos: ["saved"] });
    expect(mock.calls.map((c) => [c.operation, c.example])).toEqual([
      [searchRepos, "Repos"],
      [searchRepos, "Repos"],
    ]);
  });
});

function op(name: string): OperationSpec {
  return {
    name,
    namespace: ["link"],
    item: name,
    folder: [],
    method: "POST",
    path: "/link/token/create",
    args: [],
    responses: [],
  };
}

function example(name: string, status: number, body: string, saved?: string): MockExample {
  return {
    name,
    status,
    headers: [["Content-Type", "application/json"]],
    body,
    ...(saved !== undefined ? { request: { body: { mode: "raw", text: saved } } } : {}),
  };
}

const payroll = op("createLinkTokenPayrollIncome");
const create = op("createLinkToken");
const identity = op("createLinkTokenIdentityVerification");
const other: OperationSpec = { ...op("getItem"), path: "/item/get" };

const api: MockApi = {
  name: "Plaid-like",
  baseUrl: BASE,
  variables: {},
  operations: [payroll, create, identity, other],
  examples: [
    {
      operation: ["link", "createLinkToken"],
      examples: [
        example("Link token", 200, '{"link_token":"auth"}', '{"products":["auth"]}'),
        example("Bad request", 400, '{"error_code":"INVALID_FIELD"}', '{"products":["auth"]}'),
      ],
    },
    {
      operation: ["link", "createLinkTokenIdentityVerification"],
      examples: [example("IDV token", 200, '{"link_token":"idv"}', '{"products":["identity_verification"]}')],
    },
  ],
};

const URL_ = `${BASE}/link/token/create`;
const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body,
});

/** The behaviour every face shares, given a way to send a request and the face's controls. */
async function sharedRouteAnswers(send: (url: string, init: RequestInit) => Promise<Response>, mock: MockControls) {
  // No override: the pool's first 2xx example, whichever of them was called (none answers 501).
  const first = await send(URL_, post('{"products":["income_verification"]}'));
  expect([first.status, await first.json()]).toEqual([200, { link_token: "auth" }]);
  // The example saved with the body sent, with x-mock-match-request-body: the other operation's.
  const matched = await send(
    URL_,
    post('{"products":["identity_verification"]}', { "x-mock-match-request-body": "true" }),
  );
  expect(await matched.json()).toEqual({ link_token: "idv" });
  // By name, across the pool.
  const named = await send(URL_, post("{}", { "x-mock-response-name": "IDV token" }));
  expect(await named.json()).toEqual({ link_token: "idv" });
  // An override of any of them, even of one without examples; once() before use().
  mock.use(create, { status: 400 });
  const overridden = await send(URL_, post("{}"));
  expect([overridden.status, await overridden.json()]).toEqual([400, { error_code: "INVALID_FIELD" }]);
  mock.once(payroll, { body: { link_token: "payroll" } });
  expect(await (await send(URL_, post("{}"))).json()).toEqual({ link_token: "payroll" });
  expect((await send(URL_, post("{}"))).status).toBe(400);
  // The operation whose example the request picks has its override first.
  mock.use(identity, { body: { link_token: "idv override" } });
  expect(await (await send(URL_, post("{}", { "x-mock-response-name": "IDV token" }))).json()).toEqual({
    link_token: "idv override",
  });
  expect((await send(URL_, post("{}"))).status).toBe(400);
  expect(mock.calls.map((c) => [c.operation?.name, c.status, c.example, c.overridden])).toEqual([
    ["createLinkToken", 200, "Link token", false],
    ["createLinkTokenIdentityVerification", 200, "IDV token", false],
    ["createLinkTokenIdentityVerification", 200, "IDV token", false],
    ["createLinkToken", 400, "Bad request", true],
    ["createLinkTokenPayrollIncome", 200, undefined, true],
    ["createLinkToken", 400, "Bad request", true],
    ["createLinkTokenIdentityVerification", 200, undefined, true],
    ["createLinkToken", 400, "Bad request", true],
  ]);
}

describe("seven requests on POST /link/token/create, as Plaid has", () => {
  it("createMockFetch", async () => {
    const mock = createMockFetch(api);
    await sharedRouteAnswers(mock, mock);
  });

  it("answers 501 naming them all when none has an example", async () => {
    const mock = createMockFetch({
      ...api,
      operations: [payroll, identity, other],
      examples: [{ operation: ["link", "getItem"], examples: [example("Item", 200, "{}")] }],
    });
    const response = await mock(URL_, post("{}"));
    expect(response.status).toBe(501);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^POST \/link\/token\/create \(link\.createLinkTokenPayrollIncome, link\.createLinkTokenIdentityVerification\) has no saved example response in Plaid-like/,
    );
    expect(mock.calls[0]!.operation).toBe(payroll);
  });

  describe("MSW handlers", () => {
    const handlers = createMockHandlers(api);
    const server = setupServer(...handlers.handlers);
    const unhandled: string[] = [];
    beforeAll(() => {
      server.listen({ onUnhandledRequest: "error" });
      server.events.on("request:unhandled", ({ request }) => void unhandled.push(request.url));
    });
    afterAll(() => server.close());

    it("answer as the mock fetch does, one handler for all of them", async () => {
      await sharedRouteAnswers((url, init) => globalThis.fetch(url, init), handlers);
      expect(unhandled).toEqual([]);
    });
  });

  describe("the mock server", () => {
    let server: MockServer;
    beforeAll(async () => {
      server = await startMockServer(api, { port: 0, log: () => {} });
    });
    afterAll(() => server?.close());

    it("answers as the mock fetch does", async () => {
      await sharedRouteAnswers((url, init) => globalThis.fetch(url.replace(BASE, server.url), init), server);
    });
  });
});
