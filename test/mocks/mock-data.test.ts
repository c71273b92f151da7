// What the mocks answer from: each saved example's status, name, id, headers, body and the request
// it was saved with, read by the loader and laid out per operation in collection order.
import { describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { mockApi, mockExamples } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import { loadCollection } from "../../src/load/collection.js";
import { SEED_COLLECTION } from "../helpers/seed.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const load = (collection: object) =>
  toModel(parseCollectionText("c.json", JSON.stringify({ info: { name: "C", schema: V21 }, ...collection })));

const request = (body?: object) => ({
  method: "POST",
  url: "{{baseUrl}}/search?q=cats&page=2",
  ...(body ? { body } : {}),
});

describe("the loader keeps what mocks select and match on", () => {
  const model = load({
    item: [
      {
        name: "Search",
        request: request({ mode: "raw", raw: '{"q":"x"}' }),
        response: [
          {
            id: "ex-404",
            name: "Missing",
            code: 404,
            header: [
              { key: "Content-Type", value: "application/json" },
              { key: "X-Off", value: "1", disabled: true },
              { key: "Content-Length", value: "12" },
              { key: "X-Rate", value: "10" },
            ],
            body: '{"code":1}',
            originalRequest: {
              method: "POST",
              url: {
                raw: "{{baseUrl}}/search?q=dogs&off=1",
                host: ["{{baseUrl}}"],
                path: ["search"],
                query: [
                  { key: "q", value: "dogs" },
                  { key: "off", value: "1", disabled: true },
                ],
              },
              body: {
                mode: "urlencoded",
                urlencoded: [
                  { key: "q", value: "dogs" },
                  { key: "skip", value: "1", disabled: true },
                ],
              },
            },
          },
          { name: "Found", code: 200, body: "ok", originalRequest: "{{baseUrl}}/search?q=cats" },
          {
            name: "GraphQL",
            code: 201,
            originalRequest: {
              method: "POST",
              url: "{{baseUrl}}/search",
              body: { mode: "graphql", graphql: { query: "{ a }", variables: '{"v":1}' } },
            },
          },
          {
            name: "Form with a file",
            code: 202,
            originalRequest: {
              method: "POST",
              url: "{{baseUrl}}/search",
              body: {
                mode: "formdata",
                formdata: [
                  { key: "f", type: "file", src: "/x" },
                  { key: "t", value: "1", type: "text" },
                ],
              },
            },
          },
        ],
      },
    ],
  });

  it("reads ids (none made up), enabled headers, the saved request's enabled query and body", () => {
    const examples = model.operations[0]!.responses.flatMap((r) => r.examples);
    const byName = Object.fromEntries(examples.map((e) => [e.name, e]));
    expect(byName["Missing"]).toMatchObject({
      id: "ex-404",
      headers: [
        ["Content-Type", "application/json"],
        ["Content-Length", "12"],
        ["X-Rate", "10"],
      ],
      request: { query: [["q", "dogs"]], body: { mode: "form", fields: [["q", "dogs"]] } },
    });
    expect(byName["Found"]!.id).toBeUndefined();
    expect(byName["Found"]!.headers).toBeUndefined();
    expect(byName["Found"]!.request).toEqual({ query: [["q", "cats"]] });
    expect(byName["GraphQL"]!.request).toEqual({
      body: { mode: "raw", text: '{"query":"{ a }","variables":{"v":1}}' },
    });
    expect(byName["Form with a file"]!.request).toEqual({ body: { mode: "form", fields: [["t", "1"]] } });
  });

  it("lays the examples out in collection order, without the transport's headers", () => {
    const { examples, warnings } = mockExamples(model);
    expect(warnings).toEqual([]);
    expect(examples).toHaveLength(1);
    expect(examples[0]!.operation).toEqual(["search"]);
    expect(examples[0]!.examples.map((e) => [e.name, e.status])).toEqual([
      ["Missing", 404],
      ["Found", 200],
      ["GraphQL", 201],
      ["Form with a file", 202],
    ]);
    expect(examples[0]!.examples[0]).toEqual({
      name: "Missing",
      id: "ex-404",
      status: 404,
      headers: [
        ["Content-Type", "application/json"],
        ["X-Rate", "10"],
      ],
      body: '{"code":1}',
      request: { query: [["q", "dogs"]], body: { mode: "form", fields: [["q", "dogs"]] } },
    });
  });
});

it("leaves out, with a warning, a saved header HTTP cannot carry", () => {
  const model = load({
    item: [
      {
        name: "A",
        request: { method: "GET", url: "https://x.test/a" },
        response: [
          {
            name: "R",
            code: 200,
            header: [
              { key: "Bad Name", value: "1" },
              { key: "X-Ok", value: "é" },
              { key: "X-Emoji", value: "😀" },
            ],
            body: "",
          },
        ],
      },
    ],
  });
  const { examples, warnings } = mockExamples(model);
  expect(examples[0]!.examples[0]!.headers).toEqual([["X-Ok", "é"]]);
  expect(warnings.map((w) => [w.source, w.message])).toEqual([
    ["item[0].response[0]", 'the mocks leave out the example\'s header "Bad Name": HTTP cannot carry it'],
    ["item[0].response[0]", 'the mocks leave out the example\'s header "X-Emoji": HTTP cannot carry it'],
  ]);
});

it("gives the mock server the operations as the client holds them, and the collection's variables", async () => {
  const { api, warnings } = mockApi(await loadCollection(SEED_COLLECTION));
  expect(warnings).toEqual([]);
  expect(api).toMatchObject({
    name: "Zoom API: Update user status",
    baseUrl: "{{baseUrl}}",
    variables: { baseUrl: "https://api.zoom.us/v2" },
  });
  expect(api.operations.map((o) => [o.name, o.method, o.path])).toEqual([
    ["updateUserStatus", "PUT", "/users/{userId}/status"],
  ]);
  expect(api.examples[0]!.examples.map((e) => [e.status, e.body, e.request])).toEqual([
    [200, "", undefined],
    [204, '""', undefined],
    [400, "", undefined],
    [404, "", undefined],
  ]);
  // Saved with the same request each: it is held once, for the operation.
  expect(api.examples[0]!.request).toEqual({ body: { mode: "form", fields: [["action", "deactivate"]] } });
});

it("serves an example whose body is not valid for its content type as saved; generation warns", async () => {
  const model = load({
    variable: [{ key: "baseUrl", value: "https://x.test" }],
    item: [
      {
        name: "A",
        request: { method: "GET", url: "{{baseUrl}}/a" },
        response: [
          { name: "Broken", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: '{"cut": ' },
        ],
      },
    ],
  });
  expect(model.warnings.map((w) => [w.source, w.message])).toEqual([
    ["item[0].response[0].body", "the JSON example body does not parse: its type is unknown"],
  ]);
  const mock = createMockFetch(mockApi(model).api);
  const response = await mock("https://x.test/a");
  expect([response.status, response.headers.get("content-type"), await response.text()]).toEqual([
    200,
    "application/json",
    '{"cut": ',
  ]);
});

describe("requests that share a method and path", () => {
  const post = (name: string, raw: string) => ({
    name,
    request: {
      method: "POST",
      url: "https://api.example.com/link/token/create",
      header: [{ key: "Content-Type", value: "application/json" }],
      body: { mode: "raw", raw, options: { raw: { language: "json" } } },
    },
  });
  const model = load({
    item: [
      post("Create", '{"client_id": "{{client_id}}", "products": ["auth"], "user": {"id": "u"}}'),
      post(
        "Payroll",
        '{"client_id": "{{client_id}}", "products": ["income"], "user": {"id": "u"}, "secret": "s3cr3t-value"}',
      ),
      {
        name: "Folder",
        item: [post("Create", '{"client_id": "{{client_id}}", "products": ["auth"], "user": {"id": "u"}}')],
      },
    ],
  });
  const { requests, warnings } = mockExamples(model);

  it("holds what each sends that not all of them send, no credential's value, nothing they all send", () => {
    const texts = JSON.stringify(requests);
    expect(texts).not.toContain("s3cr3t-value");
    expect(texts).not.toContain("client_id");
    expect(texts).not.toContain('"user"');
    const payroll = requests.find((r) => r.operation.at(-1) === model.operations[1]!.name)!;
    expect(payroll.facts).toContainEqual({ in: "body", name: ["products"], value: ["income"] });
    expect(payroll.facts).toContainEqual({ in: "body", name: ["secret"] });
  });

  it("warns, naming both, of two that send the same", () => {
    const cannot = warnings.filter((w) => /cannot tell/.test(w.message));
    expect(cannot).toHaveLength(1);
    expect(cannot[0]!.message).toContain('"Create" (');
    expect(cannot[0]!.message).toContain('"Folder / Create" (');
    expect(cannot[0]!.source).toBe(model.operations[2]!.source);
  });
});

describe("six requests alike on one route", () => {
  const alike = (i: number) => ({
    name: `Create ${i}`,
    request: {
      method: "POST",
      url: "https://api.example.com/link/token/create",
      header: [{ key: "Content-Type", value: "application/json" }],
      body: { mode: "raw", raw: '{"products": ["auth"]}', options: { raw: { language: "json" } } },
    },
  });
  const model = load({ item: Array.from({ length: 6 }, (_, i) => alike(i)) });
  const cannot = mockExamples(model).warnings.filter((w) => /cannot tell/.test(w.message));

  it("give one warning, naming all six, at the second (the first the mocks never reach)", () => {
    expect(cannot).toHaveLength(1);
    for (const op of model.operations) expect(cannot[0]!.message).toContain(`"${op.item}" (`);
    expect(cannot[0]!.message).toContain("6 requests on POST /link/token/create");
    expect(cannot[0]!.source).toBe(model.operations[1]!.source);
  });
});

describe("the request an example was saved with, its body as Postman reads the request's own", () => {
  const saved = (name: string, code: number, body: object) => ({
    name,
    code,
    body: name,
    originalRequest: { method: "POST", url: "https://x.test/form", body },
  });
  const model = load({
    item: [
      {
        name: "Form",
        request: { method: "POST", url: "https://x.test/form", body: { mode: "urlencoded", urlencoded: "a=1&b=2" } },
        response: [
          saved("text", 200, { mode: "urlencoded", urlencoded: "a=%C3%A9+1&b=2" }),
          saved("capitals", 201, { mode: "URLENCODED", urlencoded: [{ key: "a", value: "3" }] }),
          saved("unknown", 202, { mode: "bogus", raw: "as text" }),
        ],
      },
    ],
  });

  it("reads urlencoded text as its fields and a mode in any letters, as the SDK reads the request's own body", () => {
    const examples = model.operations[0]!.responses.flatMap((r) => r.examples);
    // The text is split without decoding it, as the SDK splits the request's own (newman sends it so).
    expect(examples.map((e) => [e.name, e.request?.body])).toEqual([
      [
        "text",
        {
          mode: "form",
          fields: [
            ["a", "%C3%A9+1"],
            ["b", "2"],
          ],
        },
      ],
      ["capitals", { mode: "form", fields: [["a", "3"]] }],
      ["unknown", { mode: "raw", text: "as text" }],
    ]);
  });

  it("is matched by a request that sends its fields (x-mock-match-request-body)", async () => {
    const mock = createMockFetch(mockApi(model).api);
    const answer = async (body: string) => {
      const response = await mock("https://x.test/form", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-mock-match-request-body": "true" },
        body,
      });
      return [response.status, await response.text()];
    };
    expect(await answer(new URLSearchParams({ a: "%C3%A9+1", b: "2" }).toString())).toEqual([200, "text"]);
    expect(await answer("a=3")).toEqual([201, "capitals"]);
  });
});

describe("an example saved with a JSON body that holds comments", () => {
  // PayPal's partner referrals: `"features": ["PAYMENT", // (required)`. Postman sends a JSON body
  // without its comments, and so does the client: the saved one is read so too.
  const jsonBody = (raw: string) => ({ mode: "raw", raw, options: { raw: { language: "json" } } });
  const saved = (name: string, code: number, raw: string) => ({
    name,
    code,
    header: [{ key: "Content-Type", value: "text/plain" }],
    body: name,
    originalRequest: { method: "POST", url: "https://x.test/referrals", body: jsonBody(raw) },
  });
  const model = load({
    item: [
      {
        name: "Refer",
        request: { method: "POST", url: "https://x.test/referrals", body: jsonBody('{"type": "FIRST"}') },
        response: [
          saved("first", 201, '{\n  "type": "FIRST", // the seller\'s own\n  "features": ["PAYMENT"]\n}'),
          saved(
            "third",
            202,
            '{\n  /* a partner */ "type": "THIRD",\n  "features": [\n    "PAYMENT", // (required)\n    "VAULT" // optional\n  ]\n}',
          ),
        ],
      },
    ],
  });

  it("is matched by the request that sends that JSON (x-mock-match-request-body)", async () => {
    const mock = createMockFetch(mockApi(model).api);
    const answer = async (body: object) => {
      const response = await mock("https://x.test/referrals", {
        method: "POST",
        headers: { "content-type": "application/json", "x-mock-match-request-body": "true" },
        body: JSON.stringify(body),
      });
      return [response.status, await response.text()];
    };
    expect(await answer({ type: "THIRD", features: ["PAYMENT", "VAULT"] })).toEqual([202, "third"]);
    expect(await answer({ features: ["PAYMENT"], type: "FIRST" })).toEqual([201, "first"]);
  });

  it("keeps a comment in a body that is not declared JSON, as Postman sends it", () => {
    const text = load({
      item: [
        {
          name: "Note",
          request: { method: "POST", url: "https://x.test/notes", body: { mode: "raw", raw: "a" } },
          response: [
            {
              name: "ok",
              code: 200,
              body: "",
              originalRequest: {
                method: "POST",
                url: "https://x.test/notes",
                body: { mode: "raw", raw: "x // y", options: { raw: { language: "text" } } },
              },
            },
          ],
        },
      ],
    });
    expect(text.operations[0]!.responses[0]!.examples[0]!.request?.body).toEqual({ mode: "raw", text: "x // y" });
  });
});
