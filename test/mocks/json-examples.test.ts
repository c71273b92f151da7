// Whether a saved example's body is JSON is decided once, by the loader, and both the types and the
// mocks go by it: an example saved without a Content-Type whose body is JSON is typed by its shape
// and served as application/json (the client then parses it, as its type says), one whose body is
// text is typed `string` and served as text. Checked through each face of the mocks, with the
// client's own runtime.
import * as msw from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationCase, testSetup } from "../../src/emit/test-cases.js";
import { successType } from "../../src/emit/type-expressions.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { mockApi, mockExamples } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { createMockHandlers } from "../../src/mocks/msw-handlers.js";
import { startMockServer, type MockServer } from "../../src/mocks/server.js";
import type { MockApi } from "../../src/mocks/types.js";
import type { ApiModel } from "../../src/model/types.js";
import { createCore } from "../../src/runtime/core.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const BASE = "https://api.example.com";

interface Saved {
  name: string;
  preview?: string;
  contentType?: string;
  body: string;
}

const get = (name: string, path: string, examples: Saved[]) => ({
  name,
  request: { method: "GET", url: `${BASE}${path}` },
  response: examples.map((e) => ({
    name: e.name,
    code: 200,
    status: "OK",
    ...(e.preview !== undefined ? { _postman_previewlanguage: e.preview } : {}),
    header: e.contentType !== undefined ? [{ key: "Content-Type", value: e.contentType }] : [],
    body: e.body,
  })),
});

/** Each request, what its 200 is typed, and what a call answered by each example resolves with. */
const CASES: Array<{ item: ReturnType<typeof get>; type: string; values: unknown[] }> = [
  // Postman's preview language says JSON; there are no headers (39 of Plaid's examples).
  {
    item: get("Json preview", "/json-preview", [{ name: "one", preview: "json", body: '{"id": 1}' }]),
    type: "{ id: number }",
    values: [{ id: 1 }],
  },
  // No headers, preview "Text", a JSON body (11 of Plaid's).
  {
    item: get("Text preview", "/text-preview", [{ name: "one", preview: "Text", body: '{"name": "x"}' }]),
    type: "{ name: string }",
    values: [{ name: "x" }],
  },
  // A JSON example and a text one, neither with headers: the call can give either.
  {
    item: get("Mixed", "/mixed", [
      { name: "json", preview: "json", body: '{"id": 1}' },
      { name: "text", preview: "text", body: "OK" },
    ]),
    type: "{ id: number } | string",
    values: [{ id: 1 }, "OK"],
  },
  // The preview language says JSON but the body does not parse: its type is unknown. Served as JSON,
  // as the loader decided, a 2xx whose JSON does not parse: the call rejects, its text the error's body.
  {
    item: get("Broken", "/broken", [{ name: "one", preview: "json", body: '{"cut": ' }]),
    type: "unknown",
    values: [{ rejected: "ResponseParseError", body: '{"cut": ' }],
  },
  // Nothing saved: no body.
  {
    item: get("Empty", "/empty", [{ name: "one", preview: "json", body: "" }]),
    type: "string | undefined",
    values: [undefined],
  },
  // A content type that is not JSON is what the runtime goes by, whatever the body.
  {
    item: get("Plain", "/plain", [{ name: "one", contentType: "text/plain", body: '{"a": 1}' }]),
    type: "string",
    values: ['{"a": 1}'],
  },
];

const model: ApiModel = toModel(
  parseCollectionText(
    "c.json",
    JSON.stringify({ info: { name: "JSON examples", schema: V21 }, item: CASES.map((c) => c.item) }),
  ),
);
const api: MockApi = mockApi(model).api;

/** Every example of every case, as a call: its operation's index and the example's name. */
const CALLS = CASES.flatMap((c, index) =>
  c.item.response.map((example, i) => ({ index, name: example.name, value: c.values[i] })),
);

/** What the client resolves with for each example, calling through `fetch` (a rejection: its error's name and body). */
async function values(fetch: typeof globalThis.fetch, baseUrl?: string): Promise<unknown[]> {
  const core = createCore(
    { fetch, maxRetries: 0, ...(baseUrl !== undefined ? { baseUrl } : {}) },
    { baseUrl: api.baseUrl, variables: api.variables },
  );
  const results: unknown[] = [];
  for (const call of CALLS)
    results.push(
      await core
        .call(api.operations[call.index]!, {}, { headers: { "x-mock-response-name": call.name } })
        .catch((error: Error & { body?: unknown }) => ({ rejected: error.name, body: error.body })),
    );
  return results;
}

it("types each status by the one decision, never narrower than what a call gives", () => {
  expect(model.operations.map((op) => successType(op, op.responses[0]!).type)).toEqual(CASES.map((c) => c.type));
  expect(model.operations.map((op) => op.responses[0]!.examples.map((e) => e.json))).toEqual([
    [true],
    [true],
    [true, false],
    [true],
    [false],
    [false],
  ]);
});

it("gives a JSON example saved without headers the JSON content type in the mocks' data", () => {
  const { examples } = mockExamples(model);
  expect(examples.map((e) => e.examples.map((x) => x.headers))).toEqual([
    [[["Content-Type", "application/json"]]],
    [[["Content-Type", "application/json"]]],
    [[["Content-Type", "application/json"]], []],
    [[["Content-Type", "application/json"]]],
    [[]],
    [[["Content-Type", "text/plain"]]],
  ]);
});

it("has the emitted tests answer each example as the mocks do", async () => {
  const { variables } = testSetup(model);
  const served = await Promise.all(
    model.operations.map(async (op) =>
      (await operationCase(model, op, variables)).responses![0]!.examples!.map((e) => e.contentType),
    ),
  );
  expect(served).toEqual(
    mockExamples(model).examples.map((e) =>
      e.examples.map((x) => x.headers.find(([name]) => name === "Content-Type")?.[1]),
    ),
  );
});

describe("the client against each face of the mocks", () => {
  const expected = CALLS.map((c) => c.value);

  it("createMockFetch", async () => {
    expect(await values(createMockFetch(api))).toEqual(expected);
  });

  describe("MSW handlers", () => {
    const server = setupServer(...createMockHandlers(msw, api).handlers);
    beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
    afterAll(() => server.close());

    it("answer as the mock fetch does", async () => {
      expect(await values(globalThis.fetch)).toEqual(expected);
    });
  });

  describe("the mock server", () => {
    let server: MockServer;
    beforeAll(async () => {
      server = await startMockServer(api, { port: 0, log: () => {} });
    });
    afterAll(() => server?.close());

    it("answers as the mock fetch does", async () => {
      expect(await values(globalThis.fetch, server.url)).toEqual(expected);
    });
  });
});
