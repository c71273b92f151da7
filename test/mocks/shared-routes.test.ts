// Requests of a collection that share a method and path (Plaid has seven on POST /link/token/create,
// told apart by their bodies): the URL cannot tell them apart, so the mocks tell them apart by what
// the request sends, against what the generator found to differ between them (mock-data.ts's
// requestFacts, tell-apart.ts). The operation whose request it is most like answers, from its own
// examples and overrides, and is the one recorded. Through each face of the mocks.
import * as msw from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { readFileSync } from "node:fs";
import { mockApi } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { createMockHandlers } from "../../src/mocks/msw-handlers.js";
import { loadMockApi, startMockServer, type MockServer } from "../../src/mocks/server.js";
import type { MockApi, MockControls } from "../../src/mocks/types.js";
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

  it("answers the second with its override, and only the second", async () => {
    const mock = createMockFetch(api);
    mock.use(searchRepos, { body: { repos: ["override"] } });
    expect(await client(mock).call(searchRepos, { type: "repo" })).toEqual({ repos: ["override"] });
    await expect(client(mock).call(searchUsers, { type: "user" })).rejects.toMatchObject({ status: 501 });
    expect(mock.calls.map((c) => [c.operation, c.overridden])).toEqual([
      [searchRepos, true],
      [searchUsers, false],
    ]);
  });

  it("answers a request that names a saved example with it, as its operation", async () => {
    const mock = createMockFetch(api);
    const answer = await mock(`${BASE}/search?type=user`, { headers: { "x-mock-response-name": "Repos" } });
    expect(await answer.json()).toEqual({ repos: ["saved"] });
    expect(mock.calls.map((c) => [c.operation, c.example])).toEqual([[searchRepos, "Repos"]]);
  });

  it("answers each by its query: the first has no saved example", async () => {
    const mock = createMockFetch(api);
    expect(await client(mock).call(searchRepos, { type: "repo" })).toEqual({ repos: ["saved"] });
    await expect(client(mock).call(searchUsers, { type: "user" })).rejects.toMatchObject({ status: 501 });
    expect(mock.calls.map((c) => [c.operation, c.example])).toEqual([
      [searchRepos, "Repos"],
      [searchUsers, undefined],
    ]);
  });
});

/** Plaid's collection, as the mock server loads it (the generator's names). */
const PLAID = "test/fixtures/collections/plaid-api.postman_collection.json";
const collection = JSON.parse(readFileSync(PLAID, "utf8")) as { item: PostmanItem[] };
interface PostmanItem {
  name: string;
  item?: PostmanItem[];
  request?: { body?: { raw?: string } };
  response?: Array<{ name: string; body: string }>;
}
/** The item of that name under those folders, as the collection holds it. */
function item(path: string[], items = collection.item): PostmanItem {
  const [name, ...rest] = path;
  const found = items.find((i) => i.name === name)!;
  return rest.length ? item(rest, found.item) : found;
}
/** The body the collection's request sends, its `{{variables}}` filled with some value. */
const bodyOf = (found: PostmanItem) => found.request!.body!.raw!.replace(/\{\{[^}]+\}\}/g, "filled");

const BASE_PLAID = "https://sandbox.plaid.com";
const URL_ = `${BASE_PLAID}/link/token/create`;
const post = (body: string, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body,
});

let api: MockApi;
let payroll: OperationSpec;
let bank: OperationSpec;
let create: OperationSpec;
let identity: OperationSpec;
/** The first saved example's body of an operation, as the mocks hold it (credentials redacted). */
const savedBody = (op: OperationSpec) =>
  api.examples.find((e) => e.operation.join(".") === [...op.namespace, op.name].join("."))!.examples[0]!.body;
const named = (name: string) => api.operations.find((o) => o.name === name)!;
beforeAll(async () => {
  api = (await loadMockApi(PLAID)).api;
  payroll = named("createLinkTokenPayrollIncome");
  bank = named("createLinkTokenBankIncome");
  create = named("createLinkToken");
  identity = named("createLinkTokenIdentityVerification");
});

const PAYROLL = ["Link Tokens", "Income Link Tokens", "Create Link Token - Payroll Income"];
const BANK = ["Link Tokens", "Income Link Tokens", "Create Link Token - Bank Income"];
const CREATE = ["Link Tokens", "Create Link Token"];
const IDENTITY = ["Link Tokens", "Create Link Token - Identity Verification"];

/** The behaviour every face shares, given a way to send a request and the face's controls. */
async function sharedRouteAnswers(send: (url: string, init: RequestInit) => Promise<Response>, mock: MockControls) {
  // Each request is its own operation's: Payroll Income has no saved example (501, naming it).
  const first = await send(URL_, post(bodyOf(item(PAYROLL))));
  expect(first.status).toBe(501);
  expect(((await first.json()) as { message: string }).message).toContain("createLinkTokenPayrollIncome");
  const created = await send(URL_, post(bodyOf(item(CREATE))));
  expect([created.status, await created.text()]).toEqual([200, savedBody(create)]);
  const verified = await send(URL_, post(bodyOf(item(IDENTITY))));
  expect([verified.status, await verified.text()]).toEqual([200, savedBody(identity)]);
  // An override answers its own operation's requests only.
  mock.use(payroll, { status: 500 });
  expect((await send(URL_, post(bodyOf(item(PAYROLL))))).status).toBe(500);
  expect((await send(URL_, post(bodyOf(item(CREATE))))).status).toBe(200);
  expect((await send(URL_, post(bodyOf(item(BANK))))).status).toBe(501);
  // Told apart by a nested value too: payroll's income source, sent alone under the shared fields.
  const payrollLike = JSON.parse(bodyOf(item(BANK))) as { income_verification: { income_source_types: string[] } };
  payrollLike.income_verification = { income_source_types: ["payroll"] };
  expect((await send(URL_, post(JSON.stringify(payrollLike)))).status).toBe(500);
  // once() before use(), of that operation only.
  mock.once(create, { body: { link_token: "once" } });
  expect(await (await send(URL_, post(bodyOf(item(CREATE))))).json()).toEqual({ link_token: "once" });
  expect((await send(URL_, post(bodyOf(item(CREATE))))).status).toBe(200);
  expect(mock.calls.map((c) => [c.operation?.name, c.status, c.example, c.overridden])).toEqual([
    [payroll.name, 501, undefined, false],
    [create.name, 200, "OK", false],
    [identity.name, 200, "OK", false],
    [payroll.name, 500, undefined, true],
    [create.name, 200, "OK", false],
    [bank.name, 501, undefined, false],
    [payroll.name, 500, undefined, true],
    [create.name, 200, undefined, true],
    [create.name, 200, "OK", false],
  ]);
}

describe("seven requests on POST /link/token/create, as Plaid has", () => {
  it("createMockFetch", async () => {
    const mock = createMockFetch(api);
    await sharedRouteAnswers(mock, mock);
  });

  it("answers a request that meets no operation's facts as the first in collection order", async () => {
    // Only the fields every variant sends: no product, no access token. The variant with the
    // fewest facts (update mode: an access token) missed fewest, and answered 501.
    const mock = createMockFetch(api);
    const shared = JSON.parse(bodyOf(item(CREATE))) as Record<string, unknown>;
    delete shared["products"];
    delete shared["country_codes"];
    expect((await mock(URL_, post(JSON.stringify(shared)))).status).toBe(200);
    expect(mock.calls.map((c) => c.operation?.name)).toEqual([create.name]);
  });

  it("the client's call records the operation called", async () => {
    const mock = createMockFetch(api);
    const plaid = testCore(
      { fetch: mock, maxRetries: 0 },
      { baseUrl: api.baseUrl, variables: { ...api.variables, env_url: "sandbox.plaid.com" } },
    );
    const args = JSON.parse(bodyOf(item(PAYROLL))) as Record<string, unknown>;
    await expect(plaid.call(payroll, args)).rejects.toMatchObject({ status: 501 });
    expect(mock.calls.map((c) => c.operation)).toEqual([payroll]);
  });

  describe("MSW handlers", () => {
    let handlers: ReturnType<typeof createMockHandlers<msw.HttpHandler>>;
    let server: ReturnType<typeof setupServer>;
    const unhandled: string[] = [];
    beforeAll(() => {
      handlers = createMockHandlers(msw, api);
      server = setupServer(...handlers.handlers);
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
      await sharedRouteAnswers((url, init) => globalThis.fetch(url.replace(BASE_PLAID, server.url), init), server);
    });
  });
});
