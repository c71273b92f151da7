// The mock fetch on hand-written APIs: routing as the client builds URLs, Postman's example
// selection, overrides, delays, recorded calls, and the answers when nothing fits.
import { describe, expect, it } from "vitest";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { createRouter } from "../../src/mocks/routes.js";
import type { MockApi, MockExample } from "../../src/mocks/types.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { testCore } from "../helpers/runtime.js";

function op(name: string, method: string, path: string, extra: Partial<OperationSpec> = {}): OperationSpec {
  const args = [...path.matchAll(/\{(\w+)\}/g)]
    .filter((m) => !m[0].startsWith("{{"))
    .map((m) => ({ arg: m[1]!, name: m[1]!, in: "path" as const, required: true }));
  return { name, namespace: [], item: name, folder: [], method, path, args, responses: [], ...extra };
}

function example(name: string, status: number, body = "", extra: Partial<MockExample> = {}): MockExample {
  return {
    name,
    status,
    headers: [["Content-Type", body.startsWith("{") ? "application/json" : "text/plain"]],
    body,
    ...extra,
  };
}

const getUser = op("getUser", "GET", "/users/{userId}");
const getMe = op("getMe", "GET", "/users/me");
const updateStatus = op("updateStatus", "PUT", "/users/{userId}/status");
const listItems = op("listItems", "GET", "/items");
const search = op("search", "POST", "/search");
const otherHost = op("upload", "POST", "/files", { base: "https://{{uploadHost}}/v1" });
const inRegion = op("inRegion", "GET", "/{{region}}/things");

const api: MockApi = {
  name: "Test API",
  baseUrl: "{{baseUrl}}",
  variables: { baseUrl: "https://api.example.com/v2", uploadHost: "files.example.com" },
  operations: [getUser, getMe, updateStatus, listItems, search, otherHost, inRegion],
  examples: [
    {
      operation: ["getUser"],
      examples: [
        example("Not found", 404, '{"code":1001,"message":"User does not exist"}'),
        example("A user", 200, '{"id":"u1","name":"Ada"}', { id: "ex-1" }),
        example("Another   user\nwith a long name", 200, '{"id":"u2","name":"Bob"}', { id: "ex-2" }),
      ],
    },
    { operation: ["getMe"], examples: [example("Me", 200, '{"id":"me"}')] },
    { operation: ["updateStatus"], examples: [example("Updated", 204, ""), example("Bad", 400, '{"code":300}')] },
    {
      operation: ["listItems"],
      examples: [
        example("Page 1", 200, '{"page":1}', { request: { query: [["page", "1"]] } }),
        example("Page 2", 200, '{"page":2}', { request: { query: [["page", "2"]] } }),
        example("No page", 200, '{"page":null}'),
      ],
    },
    {
      operation: ["search"],
      examples: [
        example("Cats", 200, '{"found":"cats"}', { request: { body: { mode: "raw", text: '{ "q": "cats" }' } } }),
        example("Dogs", 200, '{"found":"dogs"}', { request: { body: { mode: "raw", text: '{"q":"dogs"}' } } }),
        example("Form", 201, '{"found":"form"}', { request: { body: { mode: "form", fields: [["q", "birds"]] } } }),
      ],
    },
    { operation: ["upload"], examples: [example("Uploaded", 201, '{"ok":true}')] },
    { operation: ["inRegion"], examples: [example("Things", 200, "[]")] },
  ],
};

const BASE = "https://api.example.com/v2";

describe("routing", () => {
  it("matches method and path template under the base URL, the literal path before a variable one", async () => {
    const mock = createMockFetch(api);
    expect(await (await mock(`${BASE}/users/u1`)).json()).toEqual({ id: "u1", name: "Ada" });
    expect(await (await mock(`${BASE}/users/me`)).json()).toEqual({ id: "me" });
    expect((await mock(`${BASE}/users/a%2Bb%40example.com/status`, { method: "PUT" })).status).toBe(204);
    expect(mock.calls.map((c) => c.operation?.name)).toEqual(["getUser", "getMe", "updateStatus"]);
  });

  it("answers 404 with JSON naming a request no operation matches: another method, path or base", async () => {
    const mock = createMockFetch(api);
    for (const [url, method] of [
      [`${BASE}/users/u1`, "DELETE"],
      [`${BASE}/nothing/here`, "GET"],
      ["https://elsewhere.example.com/v2/users/u1", "GET"],
      [`${BASE}/users/u1/status/extra`, "PUT"],
    ] as const) {
      const response = await mock(url, { method });
      expect(response.status).toBe(404);
      const body = (await response.json()) as {
        error: string;
        message: string;
        request: { method: string; url: string };
      };
      expect(body.error).toBe("mockRequestNotFoundError");
      expect(body.request).toEqual({ method, url });
      expect(body.message).toContain(`no operation of Test API is ${method} ${url}`);
    }
    expect(mock.calls.map((c) => [c.operation, c.status])).toEqual([
      [undefined, 404],
      [undefined, 404],
      [undefined, 404],
      [undefined, 404],
    ]);
  });

  it("resolves base URLs and {{variables}} as the client does: options, then the collection's values", async () => {
    const mock = createMockFetch(api, { baseUrl: "http://localhost:3000/api/", variables: { region: "eu" } });
    expect((await mock("http://localhost:3000/api/users/u1")).status).toBe(200);
    expect((await mock(`${BASE}/users/u1`)).status).toBe(404);
    expect((await mock("https://files.example.com/v1/files", { method: "POST" })).status).toBe(201);
    expect((await mock("http://localhost:3000/api/eu/things")).status).toBe(200);
    expect((await mock("http://localhost:3000/api/us/things")).status).toBe(404);
    const moved = createMockFetch(api, { baseUrls: { "https://{{uploadHost}}/v1": "http://127.0.0.1:9/up" } });
    expect((await moved("http://127.0.0.1:9/up/files", { method: "POST" })).status).toBe(201);
    // The options' values are used as given, never read as templates.
    const given = createMockFetch(api, { variables: { region: "e{{uploadHost}}" } });
    expect((await given(`${BASE}/e%7B%7BuploadHost%7D%7D/things`)).status).toBe(200);
  });

  it("resolves them with the client's environment, between the options' values and the collection's", async () => {
    // `createClient({ environment: "staging" })` sends to the environment's base and fills
    // `{{region}}` from it: the mock given that environment (the package's `environments.staging`)
    // answers there.
    const staging = {
      values: { baseUrl: "https://staging.example.com/{{version}}", version: "v3", region: "eu" },
      secrets: ["uploadHost"],
    };
    const mock = createMockFetch(api, { environment: staging });
    expect((await mock("https://staging.example.com/v3/users/u1")).status).toBe(200);
    expect((await mock(`${BASE}/users/u1`)).status).toBe(404);
    expect((await mock("https://staging.example.com/v3/eu/things")).status).toBe(200);
    expect((await mock("https://staging.example.com/v3/us/things")).status).toBe(404);
    // A secret of the environment hides the collection's value, as in the client: the caller gives it.
    expect((await mock("https://anyhost.example.com/v1/files", { method: "POST" })).status).toBe(201);
    // The options' values win over the environment's.
    const local = createMockFetch(api, { environment: staging, variables: { region: "us", uploadHost: "up.test" } });
    expect((await local("https://staging.example.com/v3/us/things")).status).toBe(200);
    expect((await local("https://staging.example.com/v3/eu/things")).status).toBe(404);
    expect((await local("https://up.test/v1/files", { method: "POST" })).status).toBe(201);
    expect((await local("https://anyhost.example.com/v1/files", { method: "POST" })).status).toBe(404);
  });

  it("makes a base that names no scheme http, as the client does; a base variable without a value may hold any scheme", async () => {
    const mock = createMockFetch({ ...api, variables: { ...api.variables, baseUrl: "localhost:3000/api" } });
    expect((await mock("http://localhost:3000/api/users/u1")).status).toBe(200);
    expect((await mock("https://localhost:3000/api/users/u1")).status).toBe(404);
    const anyBase = createMockFetch({ ...api, variables: {} });
    expect((await anyBase("https://api.example.com/v2/users/u1")).status).toBe(200);
  });

  it("lets a path argument whose collection value holds a / span segments, as the client sends it", async () => {
    const getOperation = op("getOperation", "GET", "/v1/{name}");
    const withDefault: OperationSpec = {
      ...getOperation,
      args: [{ ...getOperation.args[0]!, required: false, default: "{{operation}}" }],
    };
    const withOperation: MockApi = {
      ...api,
      variables: { ...api.variables, operation: "operations/123" },
      operations: [withDefault],
      examples: [{ operation: ["getOperation"], examples: [example("Done", 200, '{"done":true}')] }],
    };
    const mock = createMockFetch(withOperation);
    expect((await mock(`${BASE}/v1/operations/123`)).status).toBe(200);
    expect((await mock(`${BASE}/v1/other`)).status).toBe(200);
    const router = createRouter(withOperation);
    expect(router.match("GET", new URL(`${BASE}/v1/operations/123`))?.params).toEqual({ name: "operations/123" });
  });

  it("answers a path argument whose collection value is an empty variable, sent as an empty segment as the client sends it", async () => {
    // Adyen's `/merchants/:merchantId/splitConfigurations`, `:merchantId` = `{{YOUR_MERCHANT_ACCOUNT}}`,
    // a variable the collection leaves empty for its user to fill.
    const listSplits = op("listSplits", "GET", "/merchants/{merchantId}/splitConfigurations");
    const withDefault: OperationSpec = {
      ...listSplits,
      args: [{ ...listSplits.args[0]!, required: false, default: "{{YOUR_MERCHANT_ACCOUNT}}" }],
    };
    const withEmpty: MockApi = {
      ...api,
      variables: { ...api.variables, YOUR_MERCHANT_ACCOUNT: "" },
      operations: [withDefault],
      examples: [{ operation: ["listSplits"], examples: [example("Splits", 200, '{"data":[]}')] }],
    };
    const mock = createMockFetch(withEmpty);
    const client = testCore({ fetch: mock, maxRetries: 0 }, { baseUrl: api.baseUrl, variables: withEmpty.variables });
    const { data } = await client.call(withDefault, {}).withResponse();
    expect(mock.calls.map((call) => [call.url.pathname, call.status])).toEqual([
      ["/v2/merchants//splitConfigurations", 200],
    ]);
    expect(data).toEqual({ data: [] });
    expect((await mock(`${BASE}/merchants/M1/splitConfigurations`)).status).toBe(200);
    // Given a value, the client sends it: the segment is no longer empty.
    const given = createMockFetch(withEmpty, { variables: { YOUR_MERCHANT_ACCOUNT: "M1" } });
    expect((await given(`${BASE}/merchants//splitConfigurations`)).status).toBe(404);
    expect((await given(`${BASE}/merchants/M2/splitConfigurations`)).status).toBe(200);
  });

  it("takes a variable without a value as any text, and a base without a value as any base", async () => {
    const mock = createMockFetch({ ...api, variables: {} });
    expect((await mock("http://anything.test/prefix/us/things")).status).toBe(200);
    expect((await mock("http://anything.test/users/u1")).status).toBe(200);
  });

  it("reads a base URL without a scheme as http, as Postman and the client do", async () => {
    for (const baseUrl of ["localhost:3000/api", "127.0.0.1:45999/api"]) {
      const mock = createMockFetch({ ...api, variables: { ...api.variables, baseUrl } });
      expect((await mock(`http://${baseUrl}/users/u1`)).status).toBe(200);
      expect((await mock(`http://${baseUrl}/elsewhere/users/u1`)).status).toBe(404);
    }
  });

  it("accepts a trailing slash and ignores the query and fragment when routing", async () => {
    const mock = createMockFetch(api);
    expect((await mock(`${BASE}/users/u1/?x=1#top`)).status).toBe(200);
  });
});

describe("selecting the example, as Postman's mock servers do", () => {
  it("answers the first 2xx example in collection order by default, with its status, headers and body as saved", async () => {
    const mock = createMockFetch(api);
    const response = await mock(`${BASE}/users/u1`);
    expect(response.status).toBe(200);
    expect(response.statusText).toBe("OK");
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe('{"id":"u1","name":"Ada"}');
    expect(mock.calls[0]!.example).toBe("A user");
  });

  it("answers an example saved with no headers and an empty body with no Content-Type, as saved", async () => {
    // A Response made with the text "" would type it text/plain;charset=UTF-8 (fetch's default for a string).
    const mock = createMockFetch({
      ...api,
      examples: [{ operation: ["getUser"], examples: [example("Accepted", 202, "", { headers: [] })] }],
    });
    const response = await mock(`${BASE}/users/u1`);
    expect([response.status, response.headers.get("content-type"), await response.text()]).toEqual([202, null, ""]);
    // Nor an answer given a status only, which has no saved example of it.
    mock.use(getUser, { status: 503 });
    const given = await mock(`${BASE}/users/u1`);
    expect([given.status, given.headers.get("content-type"), await given.text()]).toEqual([503, null, ""]);
  });

  it("answers the first example when none is 2xx", async () => {
    const mock = createMockFetch({
      ...api,
      examples: [{ operation: ["getUser"], examples: [example("Gone", 410), example("Not found", 404)] }],
    });
    expect((await mock(`${BASE}/users/u1`)).status).toBe(410);
  });

  it("x-mock-response-code picks the examples of that status", async () => {
    const mock = createMockFetch(api);
    const response = await mock(`${BASE}/users/u1`, { headers: { "x-mock-response-code": "404" } });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: 1001, message: "User does not exist" });
    const none = await mock(`${BASE}/users/u1`, { headers: { "x-mock-response-code": "500" } });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { message: string }).message).toContain(
      "no saved example has the status 500 (x-mock-response-code)",
    );
  });

  it("x-mock-response-name picks by name (white space runs as one space), x-mock-response-id by id, before the code", async () => {
    const mock = createMockFetch(api);
    const named = await mock(`${BASE}/users/u1`, {
      headers: { "x-mock-response-name": "Another user with a long name", "x-mock-response-code": "404" },
    });
    expect(await named.json()).toEqual({ id: "u2", name: "Bob" });
    const byId = await mock(`${BASE}/users/u1`, {
      headers: { "x-mock-response-id": "ex-2", "x-mock-response-name": "A user" },
    });
    expect(await byId.json()).toEqual({ id: "u2", name: "Bob" });
    const unknown = await mock(`${BASE}/users/u1`, { headers: { "x-mock-response-name": "Nobody" } });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { message: string }).message).toContain('no saved example is named "Nobody"');
  });

  it("prefers the example saved with the request's query", async () => {
    const mock = createMockFetch(api);
    expect(await (await mock(`${BASE}/items?page=2`)).json()).toEqual({ page: 2 });
    expect(await (await mock(`${BASE}/items?page=1`)).json()).toEqual({ page: 1 });
    expect(await (await mock(`${BASE}/items`)).json()).toEqual({ page: null });
    expect(await (await mock(`${BASE}/items?page=3`)).json()).toEqual({ page: 1 });
  });

  it("tells a query whose key is given twice from one that gives the same pair twice", async () => {
    // `?tag=1&tag=2` had the example saved with `?tag=1&tag=1` (first in order) answer: its one
    // `tag=1` was counted for both saved pairs. Seen when mocks-fuzz.test.ts's oracle, which
    // compares queries as pairs, was given repeated keys.
    const tags = op("tags", "GET", "/tags");
    const twice = example("Twice", 200, '{"saved":"1,1"}', {
      request: {
        query: [
          ["tag", "1"],
          ["tag", "1"],
        ],
      },
    });
    const both = example("Both", 200, '{"saved":"1,2"}', {
      request: {
        query: [
          ["tag", "1"],
          ["tag", "2"],
        ],
      },
    });
    const mock = createMockFetch({
      ...api,
      operations: [tags],
      examples: [{ operation: ["tags"], examples: [twice, both] }],
    });
    expect(await (await mock(`${BASE}/tags?tag=1&tag=2`)).json()).toEqual({ saved: "1,2" });
    expect(await (await mock(`${BASE}/tags?tag=2&tag=1`)).json()).toEqual({ saved: "1,2" });
    expect(await (await mock(`${BASE}/tags?tag=1&tag=1`)).json()).toEqual({ saved: "1,1" });
  });

  it("matches the request body only with x-mock-match-request-body: true (JSON by meaning, forms as fields)", async () => {
    const mock = createMockFetch(api);
    const json = { "content-type": "application/json" };
    expect(
      await (await mock(`${BASE}/search`, { method: "POST", headers: json, body: '{"q":"dogs"}' })).json(),
    ).toEqual({ found: "cats" });
    const match = { ...json, "x-mock-match-request-body": "true" };
    expect(
      await (await mock(`${BASE}/search`, { method: "POST", headers: match, body: '{"q":"dogs"}' })).json(),
    ).toEqual({ found: "dogs" });
    expect(
      await (await mock(`${BASE}/search`, { method: "POST", headers: match, body: '{"q":  "cats"}' })).json(),
    ).toEqual({ found: "cats" });
    const form = new FormData();
    form.append("q", "birds");
    const answered = await mock(`${BASE}/search`, {
      method: "POST",
      headers: { "x-mock-match-request-body": "true" },
      body: form,
    });
    expect(answered.status).toBe(201);
    const urlencoded = await mock(`${BASE}/search`, {
      method: "POST",
      headers: { "x-mock-match-request-body": "true" },
      body: new URLSearchParams({ q: "birds" }),
    });
    expect(urlencoded.status).toBe(201);
    const none = await mock(`${BASE}/search`, { method: "POST", headers: match, body: '{"q":"fish"}' });
    expect(none.status).toBe(404);
    expect(((await none.json()) as { message: string }).message).toContain(
      "no saved example was saved with this request body",
    );
  });
});

it("matches on the saved request an operation's examples share", async () => {
  const mock = createMockFetch({
    ...api,
    examples: [
      {
        operation: ["search"],
        examples: [example("Found", 200, '{"found":1}'), example("Bad", 400)],
        request: { query: [["page", "2"]], body: { mode: "raw", text: '{"q":"cats"}' } },
      },
    ],
  });
  const headers = { "content-type": "application/json", "x-mock-match-request-body": "true" };
  expect((await mock(`${BASE}/search?page=2`, { method: "POST", headers, body: '{"q":"cats"}' })).status).toBe(200);
  expect((await mock(`${BASE}/search?page=2`, { method: "POST", headers, body: '{"q":"dogs"}' })).status).toBe(404);
});

describe("when there is nothing to answer with", () => {
  it("answers 501 saying that the collection has no saved examples", async () => {
    const mock = createMockFetch({ ...api, examples: [] });
    const response = await mock(`${BASE}/users/u1`);
    expect(response.status).toBe(501);
    const body = (await response.json()) as { error: string; message: string };
    expect(body.error).toBe("mockNotImplemented");
    expect(body.message).toMatch(
      /^Test API has no saved example responses, so its mock cannot answer GET \/users\/\{userId\} \(getUser\)/,
    );
  });

  it("names the client's method where the operation's name differs from it", async () => {
    // Twitter Ads' `client.analytics.asynchronousAnalytics.statsJobsAccountsAccountId`, whose
    // name is `analyticsAsynchronousAnalyticsStatsJobsAccountsAccountId`.
    const operations = api.operations.map((op) =>
      op.name === "getUser" ? { ...op, name: "usersGetUser", namespace: ["users"], member: "getUser" } : op,
    );
    const mock = createMockFetch({ ...api, operations, examples: [] });
    const response = await mock(`${BASE}/users/u1`);
    expect(response.status).toBe(501);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^Test API has no saved example responses, so its mock cannot answer GET \/users\/\{userId\} \(users\.getUser\)/,
    );
  });

  it("answers 501 naming the operation when only it has none", async () => {
    const mock = createMockFetch({ ...api, examples: api.examples.filter((e) => e.operation[0] !== "getMe") });
    const response = await mock(`${BASE}/users/me`);
    expect(response.status).toBe(501);
    expect(((await response.json()) as { message: string }).message).toMatch(
      /^GET \/users\/me \(getMe\) has no saved example response in Test API/,
    );
  });

  it("refuses examples for an operation the API does not have", () => {
    expect(() => createMockFetch({ ...api, examples: [{ operation: ["nope"], examples: [] }] })).toThrow(
      /"nope", which is no operation of Test API/,
    );
  });
});

describe("overrides", () => {
  it("answer with the given status, body and headers until reset", async () => {
    const mock = createMockFetch(api);
    mock.use(getUser, { status: 404, body: { code: 1001, message: "gone" }, headers: { "x-request-id": "r1" } });
    const response = await mock(`${BASE}/users/u1`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-request-id")).toBe("r1");
    expect(await response.json()).toEqual({ code: 1001, message: "gone" });
    expect((await mock(`${BASE}/users/u1`)).status).toBe(404);
    expect(mock.calls.map((c) => c.overridden)).toEqual([true, true]);
    mock.reset();
    expect(mock.calls).toEqual([]);
    expect((await mock(`${BASE}/users/u1`)).status).toBe(200);
  });

  it("given a status only, answer with the saved example of that status, else an empty body", async () => {
    const mock = createMockFetch(api);
    mock.use(getUser, { status: 404 });
    expect(await (await mock(`${BASE}/users/u1`)).json()).toEqual({ code: 1001, message: "User does not exist" });
    mock.use(getUser, { status: 503 });
    const response = await mock(`${BASE}/users/u1`);
    expect([response.status, await response.text()]).toEqual([503, ""]);
  });

  it("given a body only, answer with the default example's status; strings as text", async () => {
    const mock = createMockFetch(api);
    mock.use(getUser, { body: "plain" });
    const response = await mock(`${BASE}/users/u1`);
    expect([response.status, response.headers.get("content-type"), await response.text()]).toEqual([
      200,
      "text/plain; charset=utf-8",
      "plain",
    ]);
  });

  it("once() answers the next request only, before use()", async () => {
    const mock = createMockFetch(api);
    mock.use(getUser, { status: 404 }).once(getUser, { status: 503 }).once(getUser, { status: 502 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await mock(`${BASE}/users/u1`)).status);
    expect(statuses).toEqual([503, 502, 404, 404]);
  });

  it("refuse an operation the API does not have", () => {
    const mock = createMockFetch(api);
    expect(() => mock.use(op("elsewhere", "GET", "/x"), { status: 200 })).toThrow(
      /"elsewhere" is not an operation of Test API/,
    );
  });
});

describe("answers as fetch gives them", () => {
  it("has no body for HEAD, 204 and 304, whatever was saved", async () => {
    const mock = createMockFetch(api);
    mock.use(getUser, { status: 304, body: { not: "sent" } });
    const response = await mock(`${BASE}/users/u1`);
    expect([response.status, response.body]).toEqual([304, null]);
  });

  it("answers 501 for a saved status fetch cannot give", async () => {
    const mock = createMockFetch({
      ...api,
      examples: [{ operation: ["getMe"], examples: [example("Continue", 100)] }],
    });
    const response = await mock(`${BASE}/users/me`);
    expect(response.status).toBe(501);
    expect(((await response.json()) as { message: string }).message).toContain("status 100 cannot be given by fetch");
  });

  it("records each call: operation, method, URL, headers and the body parsed by its type", async () => {
    const mock = createMockFetch(api);
    await mock(`${BASE}/search?x=1`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: '{"q":"cats"}',
    });
    const form = new FormData();
    form.append("action", "deactivate");
    await mock(`${BASE}/users/me/status`, { method: "PUT", body: form });
    await mock(`${BASE}/search`, { method: "POST", headers: { "content-type": "text/csv" }, body: "a,b" });
    await mock(`${BASE}/users/u1`);
    const [json, multipart, text, none] = mock.calls;
    expect(json).toMatchObject({
      operation: search,
      method: "POST",
      body: { q: "cats" },
      status: 200,
      example: "Cats",
      overridden: false,
    });
    expect(json!.url.href).toBe(`${BASE}/search?x=1`);
    expect(json!.headers.get("authorization")).toBe("Bearer t");
    expect(multipart!.operation).toBe(updateStatus);
    expect(multipart!.body).toBeInstanceOf(FormData);
    expect((multipart!.body as FormData).get("action")).toBe("deactivate");
    expect(text!.body).toBe("a,b");
    expect(none!.body).toBeUndefined();
  });
});

describe("delay", () => {
  it("waits before answering", async () => {
    const mock = createMockFetch(api, { delay: 60 });
    const started = performance.now();
    await mock(`${BASE}/users/u1`);
    expect(performance.now() - started).toBeGreaterThanOrEqual(55);
  });

  it("stops waiting and rejects with the abort reason when the request is aborted", async () => {
    const mock = createMockFetch(api);
    mock.use(getUser, { delay: 10_000 });
    const controller = new AbortController();
    const reason = new Error("given up");
    setTimeout(() => controller.abort(reason), 20);
    await expect(mock(`${BASE}/users/u1`, { signal: controller.signal })).rejects.toBe(reason);
    expect(mock.calls).toEqual([]);
  });

  it("rejects at once for a signal already aborted", async () => {
    const mock = createMockFetch(api);
    await expect(mock(`${BASE}/users/u1`, { signal: AbortSignal.abort(new Error("before")) })).rejects.toThrow(
      "before",
    );
  });
});
