// Routes worked out with the mock's own values. The generator wrote down what tells apart only the
// operations that shared a route with the collection's values, and the mocks told apart by those
// whatever values they were given: two requests whose routes became one with the mock's
// `variables` (`/users/{{a}}/status` and `/users/{{b}}/status`, both `me` in a test), or on the mock
// server, which puts every base under its own URL (`{{baseUrl}}/files` and
// `https://uploads.example.com/files`), had nothing to tell them apart, and the first in collection
// order answered both. Through the mock fetch, real msw's setupServer and the mock server on
// 127.0.0.1, with plain fetch.
import * as msw from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { mockApi } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { createMockHandlers } from "../../src/mocks/msw-handlers.js";
import { startMockServer, type MockServer } from "../../src/mocks/server.js";
import type { MockControls } from "../../src/mocks/types.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const BASE = "https://api.example.com";
const JSON_TYPE = [{ key: "Content-Type", value: "application/json" }];

/** A POST of a JSON body and one saved answer `{ "answer": name }`, saved with the request. */
function item(name: string, url: string, body: object) {
  const request = {
    method: "POST",
    url,
    header: JSON_TYPE,
    body: { mode: "raw", raw: JSON.stringify(body), options: { raw: { language: "json" } } },
  };
  return {
    name,
    request,
    response: [
      { name, code: 200, header: JSON_TYPE, body: JSON.stringify({ answer: name }), originalRequest: request },
    ],
  };
}

const model = toModel(
  parseCollectionText(
    "c.json",
    JSON.stringify({
      info: { name: "Run-time routes", schema: V21 },
      variable: [
        { key: "baseUrl", value: BASE },
        { key: "a", value: "alice" },
        { key: "b", value: "bob" },
      ],
      item: [
        item("Activate", "{{baseUrl}}/users/{{a}}/status", { action: "activate" }),
        item("Deactivate", "{{baseUrl}}/users/{{b}}/status", { action: "deactivate" }),
        item("Create file", "{{baseUrl}}/files", { kind: "create" }),
        item("Upload file", "https://uploads.example.com/files", { kind: "upload" }),
      ],
    }),
  ),
);
const { api, warnings } = mockApi(model);
const SAME = { variables: { a: "me", b: "me" } };

/** Each request, by the path it is sent to (under the mock's base) and its body, and who should answer. */
const USERS: Array<[answer: string, path: string, body: object]> = [
  ["Activate", "/users/me/status", { action: "activate" }],
  ["Deactivate", "/users/me/status", { action: "deactivate" }],
];
const FILES: Array<[answer: string, path: string, body: object]> = [
  ["Create file", "/files", { kind: "create" }],
  ["Upload file", "/files", { kind: "upload" }],
];

async function eachReachesItsOperation(
  requests: typeof USERS,
  send: (path: string, init: RequestInit) => Promise<Response>,
  mock: MockControls,
) {
  const answers: string[] = [];
  for (const [, path, body] of requests) {
    const response = await send(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status, path).toBe(200);
    answers.push(((await response.json()) as { answer: string }).answer);
  }
  expect(answers).toEqual(requests.map(([answer]) => answer));
  const item = (name: string | undefined) => api.operations.find((op) => op.name === name)?.item;
  expect(mock.calls.map((call) => item(call.operation?.name))).toEqual(requests.map(([answer]) => answer));
}

it("share no route with the collection's values: nothing to warn of", () => {
  expect(warnings.filter((w) => /cannot tell/.test(w.message))).toEqual([]);
});

describe("requests whose routes become one with the mock's variables", () => {
  it("reach their own operation through the mock fetch", async () => {
    const mock = createMockFetch(api, SAME);
    await eachReachesItsOperation(USERS, (path, init) => mock(`${BASE}${path}`, init), mock);
  });

  it("still reach theirs apart by the URL with the collection's values", async () => {
    const mock = createMockFetch(api);
    await eachReachesItsOperation(
      [
        ["Activate", "/users/alice/status", { action: "activate" }],
        ["Deactivate", "/users/bob/status", { action: "deactivate" }],
      ],
      (path, init) => mock(`${BASE}${path}`, init),
      mock,
    );
  });

  describe("through msw's setupServer", () => {
    const handlers = createMockHandlers(msw, api, SAME);
    const server = setupServer(...handlers.handlers);
    beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
    afterAll(() => server.close());

    it("reach their own operation", async () => {
      await eachReachesItsOperation(USERS, (path, init) => fetch(`${BASE}${path}`, init), handlers);
    });
  });

  describe("through the mock server on 127.0.0.1", () => {
    let server: MockServer;
    beforeAll(async () => {
      server = await startMockServer(api, { port: 0, log: () => {}, ...SAME });
    });
    afterAll(() => server?.close());

    it("reach their own operation", async () => {
      await eachReachesItsOperation(USERS, (path, init) => fetch(`${server.url}${path}`, init), server);
    });
  });
});

describe("requests on two bases, under the mock server's one", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer(api, { port: 0, log: () => {} });
  });
  afterAll(() => server?.close());

  it("reach their own operation", async () => {
    await eachReachesItsOperation(FILES, (path, init) => fetch(`${server.url}${path}`, init), server);
  });
});
