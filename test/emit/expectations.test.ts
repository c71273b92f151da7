// The request the generated tests expect of an operation, worked out from the model as the runtime
// works out what it sends.
import { describe, expect, it } from "vitest";
import { exampleArgs } from "../../src/emit/examples.js";
import { operationSpec } from "../../src/emit/client.js";
import { basePath, expectedRequest, lookupFor, TEST_API_KEY, testVariables } from "../../src/emit/expectations.js";
import { operationCase } from "../../src/emit/test-cases.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ApiModel, OperationModel } from "../../src/model/types.js";
import { ValidationError } from "../../src/runtime/errors.js";
import { encodeRawUnquoted } from "../../src/runtime/bodies.js";
import { buildRequest } from "../../src/runtime/request.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { featuresFor } from "../helpers/runtime.js";

const op: OperationModel = {
  name: "listThings",
  namespace: [],
  exportName: "listThings",
  item: "List things",
  folder: [],
  method: "GET",
  path: "/things",
  args: [],
  auth: { type: "none" },
  responses: [],
  scripts: [],
  source: "item[0]",
};
const model = {
  baseUrl: "https://api.example.com/v1",
  variables: [{ name: "keyName", default: "X-Org" }],
  operations: [op],
} as unknown as ApiModel;

describe("expectedRequest", () => {
  it("expects a base that names no scheme to be http, as the client joins it", () => {
    const local = { ...model, baseUrl: "localhost:3000/api" } as ApiModel;
    expect(expectedRequest(local, op, {}).path).toBe("/api/things");
  });

  it("expects the query a path segment writes after a `?`, as the client sends it", () => {
    // A real collection's URL object: path ["/pet/findByStatus?status={{s}}"], no query entries.
    const inPath = { ...op, path: "//pet/findByStatus?status={{s}}" };
    const withS = { ...model, variables: [{ name: "s", default: "sold" }] } as unknown as ApiModel;
    const expected = expectedRequest(withS, inPath, {});
    expect([expected.path, expected.query]).toEqual(["/v1//pet/findByStatus", [["status", "sold"]]]);
    const spec = operationSpec(inPath) as OperationSpec;
    const built = buildRequest(
      spec,
      {},
      { baseUrl: withS.baseUrl, lookup: (n) => (n === "s" ? "sold" : undefined) },
      undefined,
      featuresFor(spec),
    );
    expect([built.url.pathname, [...built.url.searchParams]]).toEqual([expected.path, expected.query]);
  });

  it("expects the query keys sent alone", () => {
    expect(expectedRequest(model, { ...op, bareQuery: ["uploads"] }, {}).query).toEqual([["uploads", ""]]);
  });

  it("expects the query in the collection's order, a key sent alone where bareQueryAt puts it, as the client sends it", () => {
    const query = (name: string, value: string) =>
      ({ arg: name, name, in: "query", required: false, default: value, source: "x" }) as const;
    const ordered: OperationModel = {
      ...op,
      bareQuery: ["first", "uploads", "last"],
      bareQueryAt: [0, 1, 2],
      args: [query("a", "1"), query("b", "2")],
    };
    expect(expectedRequest(model, ordered, {}).query).toEqual([
      ["first", ""],
      ["a", "1"],
      ["uploads", ""],
      ["b", "2"],
      ["last", ""],
    ]);
  });

  it("expects a key sent alone among the values of a key given twice where bareQueryAmong puts it", () => {
    const repeated: OperationModel = {
      ...op,
      bareQuery: ["uploads", "last"],
      bareQueryAt: [1, 1],
      bareQueryAmong: [1, 0],
      args: [{ arg: "a", name: "a", in: "query", required: false, default: ["1", "2"], source: "x" }],
    };
    expect(expectedRequest(model, repeated, {}).query).toEqual([
      ["a", "1"],
      ["uploads", ""],
      ["a", "2"],
      ["last", ""],
    ]);
  });

  it("expects a key given again after another key in the places queryOrder gives its values", () => {
    const query = (name: string, value: string[] | string) =>
      ({ arg: name, name, in: "query", required: false, default: value, source: "x" }) as const;
    const woven: OperationModel = {
      ...op,
      bareQuery: ["uploads"],
      queryOrder: [0, ~0, 1, 0],
      args: [query("a", ["1", "3"]), query("b", "2")],
    };
    expect(expectedRequest(model, woven, {}).query).toEqual([
      ["a", "1"],
      ["uploads", ""],
      ["b", "2"],
      ["a", "3"],
    ]);
  });

  it("expects a path variable's collection value as Postman sends it, a / kept", () => {
    const withPath: OperationModel = {
      ...op,
      path: "/things/{name}",
      args: [{ arg: "name", name: "name", in: "path", required: false, default: "{{operation}}", source: "x" }],
    };
    expect(expectedRequest(model, withPath, { operation: "operations/1?x" }).path).toBe("/v1/things/operations/1%3Fx");
  });

  it("expects a query value of the collection's as the server reads it, sent as Postman sends it", () => {
    const withQuery: OperationModel = {
      ...op,
      args: [{ arg: "q", name: "q", in: "query", required: false, default: "{{folder}}+x", source: "x" }],
    };
    expect(expectedRequest(model, withQuery, { folder: "Q1%20reports" }).query).toEqual([["q", "Q1 reports x"]]);
  });

  it("expects an API key under its name with the {{variables}} filled, as the client sends it", () => {
    const header = expectedRequest(model, { ...op, auth: { type: "apikey", in: "header", name: "{{keyName}}" } }, {});
    expect(header.headers).toEqual([["x-org", TEST_API_KEY]]);
    const query = expectedRequest(
      model,
      { ...op, auth: { type: "apikey", in: "query", name: "{{keyName}}_{{v}}" } },
      {
        v: "2",
      },
    );
    expect(query.query).toEqual([["X-Org_2", TEST_API_KEY]]);
  });

  it.each([
    ["hawk", { type: "hawk" }],
    ["oauth1 in the header", { type: "oauth1", addParamsToHeader: true }],
    ["edgegrid", { type: "edgegrid" }],
    ["awsv4 in the header", { type: "awsv4" }],
    ["jwt in the header", { type: "jwt" }],
  ])("expects no value of the item's own Authorization header under %s, which signs it over", (_name, auth) => {
    // newman's hawk and oauth1 tests keep the header Postman's helper once saved beside the auth.
    const withHeader: OperationModel = {
      ...op,
      auth: auth as OperationModel["auth"],
      args: [{ arg: "Authorization", name: "Authorization", in: "header", required: false, source: "x" }],
    };
    const expected = expectedRequest(model, withHeader, { Authorization: "example-Authorization" });
    expect(expected.headers.map(([name]) => name)).not.toContain("authorization");
    // A header of its own that no auth writes over is expected as given.
    const plain = { ...withHeader, auth: { type: "none" } } as OperationModel;
    expect(expectedRequest(model, plain, { Authorization: "example-Authorization" }).headers).toEqual([
      ["authorization", "example-Authorization"],
    ]);
  });

  it("reads a base URL without a scheme as http, as Postman does: its path is the prefix", () => {
    for (const base of ["localhost:3000/api", "127.0.0.1:45999/api/", "{{host}}:3000/api"]) {
      const lookup = (name: string) => (name === "host" ? "localhost" : undefined);
      expect(basePath(base, lookup)).toBe("/api");
      expect(expectedRequest({ ...model, baseUrl: base, variables: [] }, op, { host: "localhost" }).path).toBe(
        "/api/things",
      );
    }
    expect(basePath("{{missing}}", () => undefined)).toBe("");
  });

  it("expects an API key in the query to replace the item's own parameters of that name", () => {
    const withOwn: OperationModel = {
      ...op,
      auth: { type: "apikey", in: "query", name: "api_key" },
      args: [
        { arg: "api_key", name: "api_key", in: "query", required: false, default: "{{old}}", source: "a" },
        { arg: "x", name: "x", in: "query", required: false, default: "1", source: "b" },
      ],
    };
    expect(expectedRequest(model, withOwn, { old: "stale" }).query).toEqual([
      ["x", "1"],
      ["api_key", TEST_API_KEY],
    ]);
  });
});

describe("half a character (a lone surrogate) in a collection's values", () => {
  it("expects the client's refusal of an example value it cannot send, not a URIError", async () => {
    // An argument with no example: its example is made from its name, here with half a character.
    const name = "id\ud800";
    const withPath: OperationModel = {
      ...op,
      path: `/things/{${name}}`,
      args: [{ arg: "id", name, in: "path", required: true, source: "item[0].request.url.variable[0]" }],
    };
    const spec: OperationSpec = {
      name: op.name,
      namespace: [],
      item: op.item,
      folder: [],
      method: "GET",
      path: withPath.path,
      args: [{ arg: "id", name, in: "path", required: true }],
      responses: [],
    };
    let client: unknown;
    try {
      buildRequest(spec, Object.fromEntries(exampleArgs(withPath).map(([a, v]) => [a.arg, v])), {
        baseUrl: "http://127.0.0.1",
        lookup: () => undefined,
      });
    } catch (error) {
      client = error;
    }
    expect(client).toBeInstanceOf(ValidationError);
    expect(() => expectedRequest(model, withPath, {})).toThrow(client as Error);
    expect(await operationCase(model, withPath, {})).toMatchObject({ refusal: (client as Error).message });
  });

  it("loads a value with half a character with a warning naming its place, and leaves it out", () => {
    const collection = {
      info: { name: "C", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [
        {
          name: "Get thing",
          request: {
            method: "POST",
            url: {
              raw: "https://x.test/things/:id?q=b\ud800",
              host: ["x", "test"],
              protocol: "https",
              path: ["things", ":id"],
              query: [
                { key: "q", value: "b\ud800" },
                { key: "k\udc00", value: "v" },
                { key: "bare\udc00", value: null },
              ],
              variable: [{ key: "id", value: "a\ud800" }],
            },
            body: { mode: "urlencoded", urlencoded: [{ key: "f\ud800", value: "v" }] },
          },
        },
      ],
    };
    const loaded = toModel(parseCollectionText("c.json", JSON.stringify(collection)));
    expect(loaded.warnings.map((w) => [w.source, w.message])).toEqual([
      [
        "item[0].request.url.variable[0]",
        'the value of path variable "id" holds half a character (a lone surrogate), which the client cannot send: left out',
      ],
      [
        "item[0].request.url.query[0]",
        'the value of query parameter "q" holds half a character (a lone surrogate), which the client cannot send: left out',
      ],
      [
        "item[0].request.url.query[1]",
        'query parameter name "k\\udc00" holds half a character (a lone surrogate), which the client cannot send: left out',
      ],
      [
        "item[0].request.url.query[2]",
        'query parameter name "bare\\udc00" holds half a character (a lone surrogate), which the client cannot send: left out',
      ],
      [
        "item[0].request.body.urlencoded[0]",
        'form field name "f\\ud800" holds half a character (a lone surrogate), which the client cannot send: left out',
      ],
    ]);
    const [thing] = loaded.operations;
    expect(thing!.args.map((a) => [a.name, a.example, a.default])).toEqual([
      ["id", undefined, undefined],
      ["q", undefined, undefined],
    ]);
    expect(thing!.bareQuery ?? []).toEqual([]);
    expect(expectedRequest(loaded, thing!, testVariables(loaded)).path).toBe("/things/example-id");
  });

  it("leaves out a variable's value with half a character, so the test's request is the one the client sends", () => {
    const collection = {
      info: { name: "C", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [
        { key: "baseUrl", value: "https://x.test" },
        { key: "userId", value: "a\ud800" },
      ],
      item: [
        {
          name: "Things",
          variable: [{ key: "thingId", value: "b\udc00" }],
          item: [
            {
              name: "Get thing",
              request: {
                method: "GET",
                url: {
                  raw: "{{baseUrl}}/users/{{userId}}/things/:id",
                  host: ["{{baseUrl}}"],
                  path: ["users", "{{userId}}", "things", ":id"],
                  variable: [{ key: "id", value: "{{thingId}}" }],
                },
              },
            },
          ],
        },
      ],
    };
    const loaded = toModel(parseCollectionText("c.json", JSON.stringify(collection)));
    expect(loaded.warnings.map((w) => [w.source, w.message])).toEqual([
      [
        "variable[1].value",
        'the value of variable "userId" holds half a character (a lone surrogate), which the client cannot send: left out',
      ],
      [
        "item[0].variable[0].value",
        'the value of variable "thingId" holds half a character (a lone surrogate), which the client cannot send: left out',
      ],
    ]);
    expect(loaded.variables.find((v) => v.name === "userId")).toEqual({ name: "userId" });
    const [thing] = loaded.operations;
    expect(thing!.variables ?? {}).toEqual({});
    const variables = testVariables(loaded);
    const spec = operationSpec(thing!);
    const sent = buildRequest(
      spec,
      {},
      { baseUrl: loaded.baseUrl, lookup: lookupFor(loaded, variables, thing!.variables) },
      undefined,
      featuresFor(spec),
    );
    expect(sent.url.pathname).toBe(expectedRequest(loaded, thing!, variables).path);
    expect(sent.url.pathname).toBe("/users/test-userId/things/test-thingId");
  });

  it("expects a raw body's unquoted variables as written (4321.0, a big number exact), as the client sends them", async () => {
    const collection = {
      info: { name: "C", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [
        { key: "baseUrl", value: "https://x.test" },
        { key: "count", value: "4321.0" },
        { key: "big", value: "12345678901234567890" },
      ],
      item: [
        {
          name: "Arr",
          request: {
            method: "POST",
            url: "{{baseUrl}}/arr",
            header: [{ key: "Content-Type", value: "application/json" }],
            body: { mode: "raw", raw: "[{{count}}, {{big}}]", options: { raw: { language: "json" } } },
          },
        },
      ],
    };
    const loaded = toModel(parseCollectionText("c.json", JSON.stringify(collection)));
    const [arr] = loaded.operations;
    expect(arr!.body?.encoding).toBe("raw");
    const variables = testVariables(loaded);
    const spec = operationSpec(arr!);
    const sent = buildRequest(
      spec,
      {},
      { baseUrl: loaded.baseUrl, lookup: lookupFor(loaded, variables, arr!.variables) },
      encodeRawUnquoted,
      featuresFor(spec),
    );
    expect(sent.body).toBe("[4321.0,12345678901234567890]");
    const expected = { kind: "text", text: sent.body, contentType: "application/json" };
    expect(expectedRequest(loaded, arr!, variables).body).toEqual(expected);
    // Kept as text in the case file: read back as JSON, it would be written 4321 and rounded.
    const { expected: cased } = (await operationCase(loaded, arr!, variables)) as { expected?: { body: unknown } };
    expect(cased?.body).toEqual(expected);
  });

  it("gives a test value to a dynamic variable that a variable's value refers to, as the client fills it", async () => {
    // `{{idempotency_key}}` = `{{$randomUUID}}` (an app team's invoices API): the client fills the
    // dynamic variable, so the call goes; the test expected a refusal, and the generated test failed.
    const collection = {
      info: { name: "C", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [
        { key: "baseUrl", value: "https://x.test" },
        { key: "idempotency_key", value: "{{$randomUUID}}" },
      ],
      item: [
        {
          name: "Create",
          request: {
            method: "POST",
            header: [{ key: "X-Idempotency-Key", value: "{{idempotency_key}}" }],
            url: "{{baseUrl}}/invoices",
          },
        },
      ],
    };
    const loaded = toModel(parseCollectionText("c.json", JSON.stringify(collection)));
    const [create] = loaded.operations;
    const variables = testVariables(loaded);
    const spec = operationSpec(create!);
    const sent = buildRequest(
      spec,
      {},
      { baseUrl: loaded.baseUrl, lookup: lookupFor(loaded, variables, create!.variables) },
      undefined,
      featuresFor(spec),
    );
    const cased = await operationCase(loaded, create!, variables);
    expect(cased).not.toHaveProperty("refusal");
    expect((cased as { expected: { headers: string[][] } }).expected.headers).toContainEqual([
      "x-idempotency-key",
      sent.headers.get("x-idempotency-key"),
    ]);
  });
});
