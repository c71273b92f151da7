// What one route is, decided once (routes.ts's route key): the router ties the operations a
// request may be for by it, and the generator finds what tells their requests apart among the same
// operations (sharedRoutes). Where the generator grouped by the method, base and path as written,
// an operation that shares a route only once its URL is filled (a `{{variable}}` whose value is
// the other's literal segment, a path variable beside a variable without a value, a base written
// out beside `{{baseUrl}}`) got no facts, and the first in collection order answered for both.
// Requests alike but for what their saved examples' requests send are told apart by those.
// Answered by the mock fetch and by the mock server on 127.0.0.1, with plain fetch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { mockApi } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { startMockServer, type MockServer } from "../../src/mocks/server.js";
import type { MockControls } from "../../src/mocks/types.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const BASE = "https://api.example.com";

const json = (value: object) => ({ mode: "raw", raw: JSON.stringify(value), options: { raw: { language: "json" } } });
const JSON_TYPE = [{ key: "Content-Type", value: "application/json" }];
/** A request and one saved answer `{ "answer": name }`, saved with `original` (else the request). */
function item(name: string, method: string, url: string, body?: object, original?: { url: string; body?: object }) {
  const request = { method, url, header: JSON_TYPE, ...(body ? { body: json(body) } : {}) };
  return {
    name,
    request,
    response: [
      {
        name,
        code: 200,
        header: JSON_TYPE,
        body: JSON.stringify({ answer: name }),
        originalRequest: original
          ? { method, url: original.url, header: JSON_TYPE, ...(original.body ? { body: json(original.body) } : {}) }
          : request,
      },
    ],
  };
}

const model = toModel(
  parseCollectionText(
    "c.json",
    JSON.stringify({
      info: { name: "Routes", schema: V21 },
      variable: [
        { key: "baseUrl", value: BASE },
        { key: "me", value: "me" },
        // {{itemId}} and {{format}} have no value: any segment, as a path variable; any value.
      ],
      item: [
        // A variable whose value is the literal segment of the next request's path.
        item("Activate me", "POST", "{{baseUrl}}/users/{{me}}/status", { action: "activate" }),
        item("Deactivate me", "POST", "{{baseUrl}}/users/me/status", { action: "deactivate" }),
        // A path variable, and a variable without a value.
        item("Shelve book", "PUT", "{{baseUrl}}/items/:id", { kind: "book" }),
        item("Shelve film", "PUT", "{{baseUrl}}/items/{{itemId}}", { kind: "film" }),
        // The collection's base, and the same base written out.
        item("Search users", "GET", "{{baseUrl}}/search?type=user"),
        item("Search repos", "GET", `${BASE}/search?type=repo`),
        // The same request twice, told apart only by what their examples were saved with.
        item("User report", "GET", "{{baseUrl}}/reports", undefined, { url: "{{baseUrl}}/reports?type=user" }),
        item("Repo report", "GET", "{{baseUrl}}/reports", undefined, { url: "{{baseUrl}}/reports?type=repo" }),
        item(
          "Export CSV",
          "POST",
          "{{baseUrl}}/exports",
          { format: "{{format}}" },
          {
            url: "{{baseUrl}}/exports",
            body: { format: "csv" },
          },
        ),
        item(
          "Export PDF",
          "POST",
          "{{baseUrl}}/exports",
          { format: "{{format}}" },
          {
            url: "{{baseUrl}}/exports",
            body: { format: "pdf" },
          },
        ),
      ],
    }),
  ),
);
const { api, warnings } = mockApi(model);

/** Each request as the collection sends it, and the operation (its request's name) that should answer. */
const REQUESTS: Array<[answer: string, path: string, init: RequestInit]> = [
  ["Activate me", "/users/me/status", { method: "POST", body: '{"action":"activate"}' }],
  ["Deactivate me", "/users/me/status", { method: "POST", body: '{"action":"deactivate"}' }],
  ["Shelve book", "/items/42", { method: "PUT", body: '{"kind":"book"}' }],
  ["Shelve film", "/items/42", { method: "PUT", body: '{"kind":"film"}' }],
  ["Search users", "/search?type=user", {}],
  ["Search repos", "/search?type=repo", {}],
  ["User report", "/reports?type=user", {}],
  ["Repo report", "/reports?type=repo", {}],
  ["Export CSV", "/exports", { method: "POST", body: '{"format":"csv"}' }],
  ["Export PDF", "/exports", { method: "POST", body: '{"format":"pdf"}' }],
];

async function eachReachesItsOperation(
  send: (path: string, init: RequestInit) => Promise<Response>,
  mock: MockControls,
) {
  const answers: string[] = [];
  for (const [, path, init] of REQUESTS) {
    const response = await send(path, { ...init, headers: { "content-type": "application/json" } });
    expect(response.status, path).toBe(200);
    answers.push(((await response.json()) as { answer: string }).answer);
  }
  expect(answers).toEqual(REQUESTS.map(([answer]) => answer));
  const item = (name: string | undefined) => api.operations.find((op) => op.name === name)?.item;
  expect(mock.calls.map((call) => item(call.operation?.name))).toEqual(REQUESTS.map(([answer]) => answer));
}

describe("operations that share a route once their URLs are filled", () => {
  it("warn of none: each is told apart", () => {
    expect(warnings.filter((w) => /cannot tell/.test(w.message))).toEqual([]);
  });

  it("reach their own operation through the mock fetch", async () => {
    const mock = createMockFetch(api);
    await eachReachesItsOperation((path, init) => mock(`${BASE}${path}`, init), mock);
  });

  describe("through the mock server on 127.0.0.1", () => {
    let server: MockServer;
    beforeAll(async () => {
      server = await startMockServer(api, { port: 0, log: () => {} });
    });
    afterAll(() => server?.close());

    it("reach their own operation", async () => {
      await eachReachesItsOperation((path, init) => fetch(`${server.url}${path}`, init), server);
    });
  });
});
