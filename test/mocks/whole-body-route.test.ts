// Operations on one route told apart by a body the client sends whole (its one `body` argument): a
// GraphQL API's `POST /graphql`, whose operations differ by their `{ query, variables }`, and raw
// bodies that are a JSON list or text. The facts of such a body are read at its root (`query`,
// `variables.id`), where the request has them, not in a field named `body`, which no request has;
// a caller's own query is routed by what it asks for (graphql-asks.ts). Called with the runtime
// client, as a package calls it, against the mock fetch and against real msw's setupServer.
import * as msw from "msw";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { graphqlAsks } from "../../src/mocks/graphql-asks.js";
import { mockApi } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { createMockHandlers } from "../../src/mocks/msw-handlers.js";
import type { MockControls } from "../../src/mocks/types.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const BASE = "https://graph.example.com";

type Body = Record<string, unknown>;
/** A request and one saved answer `{ "answer": name }`, saved with the request itself. */
function item(name: string, url: string, body: Body) {
  const request = { method: "POST", url, body };
  return {
    name,
    request,
    response: [
      {
        name,
        code: 200,
        header: [{ key: "Content-Type", value: "application/json" }],
        body: JSON.stringify({ answer: name }),
        originalRequest: request,
      },
    ],
  };
}
const graphql = (query: string, variables?: object): Body => ({
  mode: "graphql",
  graphql: { query, ...(variables ? { variables: JSON.stringify(variables) } : {}) },
});
const raw = (text: string, language: string): Body => ({ mode: "raw", raw: text, options: { raw: { language } } });

const { api, warnings } = mockApi(
  toModel(
    parseCollectionText(
      "c.json",
      JSON.stringify({
        info: { name: "Graph", schema: V21 },
        variable: [
          { key: "baseUrl", value: BASE },
          { key: "n", value: "3" },
        ],
        item: [
          item("Me", "{{baseUrl}}/graphql", graphql("query Me {\n  me { id name }\n}")),
          item("User", "{{baseUrl}}/graphql", graphql("query User($id: ID!) { user(id: $id) { id } }", { id: "7" })),
          item("Tag ab", "{{baseUrl}}/tags", raw('["a", "b"]', "json")),
          item("Tag c", "{{baseUrl}}/tags", raw('["c"]', "json")),
          item("Ping", "{{baseUrl}}/echo", raw("ping", "text")),
          item("Pong", "{{baseUrl}}/echo", raw("pong", "text")),
          // JSON strings, whose text (`"x"`) is not the string the mock parses (`x`).
          item("Quote x", "{{baseUrl}}/quote", raw('"x"', "json")),
          item("Quote y", "{{baseUrl}}/quote", raw('"y"', "json")),
          // A whole body of a `{{variable}}` only counts as sent, which no JSON object's field is.
          item("Rpc a", "{{baseUrl}}/rpc", raw('{"method": "a"}', "json")),
          item("Rpc n", "{{baseUrl}}/rpc", raw("{{n}}", "json")),
          {
            name: "Pick",
            request: { method: "POST", url: "{{baseUrl}}/pick", body: raw('"x"', "json") },
            response: ["x", "y"].map((name) => ({
              name,
              code: 200,
              header: [{ key: "Content-Type", value: "application/json" }],
              body: JSON.stringify({ answer: name }),
              originalRequest: { method: "POST", url: "{{baseUrl}}/pick", body: raw(`"${name}"`, "json") },
            })),
          },
        ],
      }),
    ),
  ),
);
const operation = (item: string) => api.operations.find((op) => op.item === item)!;

/** Each call as a caller makes it (the operation's method, its arguments), and who should answer. */
const CALLS: Array<[method: string, args: object, answer: string]> = [
  // The collection's own query and variables, sent when the caller passes none.
  ["Me", {}, "Me"],
  ["User", {}, "User"],
  // A caller's own query: other fields, spacing, variables, no operation name, an alias.
  ["User", { body: { query: '{ user(id: "8") { name } }' } }, "User"],
  ["Me", { body: { query: "query Mine { who: me { email } }" } }, "Me"],
  // Routed by what it sends, whichever method sent it.
  ["Me", { body: { query: "query($id: ID!) { user(id: $id) { id } }", variables: { id: "9" } } }, "User"],
  // Raw bodies passed whole (the caller's to give): a JSON list, and text; by what they send too.
  ["Tag ab", { body: ["a", "b"] }, "Tag ab"],
  ["Tag c", { body: ["c"] }, "Tag c"],
  ["Tag ab", { body: ["c"] }, "Tag c"],
  ["Ping", { body: "ping" }, "Ping"],
  ["Pong", { body: "pong" }, "Pong"],
  ["Ping", { body: "pong" }, "Pong"],
  ["Quote x", { body: '"x"' }, "Quote x"],
  ["Quote y", { body: '"y"' }, "Quote y"],
  ["Rpc a", { method: "a" }, "Rpc a"],
  ["Rpc n", {}, "Rpc n"],
];

async function eachAnsweredByItsOwn(fetch: typeof globalThis.fetch, mock: MockControls) {
  const client = testCore({ fetch }, { baseUrl: api.baseUrl, variables: api.variables });
  const answers: string[] = [];
  for (const [method, args] of CALLS)
    answers.push(((await client.call(operation(method), args)) as { answer: string }).answer);
  expect(answers).toEqual(CALLS.map(([, , answer]) => answer));
  expect(mock.calls.map((call) => [call.operation?.item, call.example])).toEqual(
    CALLS.map(([, , answer]) => [answer, answer]),
  );
  // Two examples saved with the JSON strings `"x"` and `"y"`: the one saved with the body sent.
  const picked: string[] = [];
  for (const body of ['"x"', '"y"']) {
    const response = await fetch(`${BASE}/pick`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", "x-mock-match-request-body": "true" },
    });
    picked.push(((await response.json()) as { answer: string }).answer);
  }
  expect(picked).toEqual(["x", "y"]);
}

describe("operations on one route told apart by a body sent whole", () => {
  it("warns of none: each has something of its own", () => {
    expect(warnings).toEqual([]);
  });

  it("the mock fetch answers each with its own saved example", async () => {
    const mock = createMockFetch(api);
    await eachAnsweredByItsOwn(mock, mock);
  });

  describe("real msw's setupServer", () => {
    const handlers = createMockHandlers(msw, api);
    const server = setupServer(...handlers.handlers);
    beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
    afterAll(() => server.close());

    it("answers each with its own saved example", async () => {
      await eachAnsweredByItsOwn(globalThis.fetch, handlers);
    });
  });
});

describe("graphqlAsks", () => {
  it("reads the operation type and root fields, not names, aliases, arguments or nested fields", () => {
    expect(graphqlAsks("query Me { me { id } }")).toBe("query { me }");
    expect(graphqlAsks('{ b: me(x: "}") { id } user @include(if: $x) { id } }')).toBe("query { me user }");
    expect(graphqlAsks("# a { comment }\nmutation M($a: [Int]) { setName(a: $a) }")).toBe("mutation { setName }");
    expect(graphqlAsks("fragment F on User { id } query { ...F ... on Query { x } node }")).toBe("query { node }");
  });

  it("reads nothing of text that defines no operation", () => {
    expect(graphqlAsks("")).toBeUndefined();
    expect(graphqlAsks("query { me ")).toBeUndefined();
    expect(graphqlAsks("hello")).toBeUndefined();
  });
});
