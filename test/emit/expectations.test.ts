// The request the generated tests expect of an operation, worked out from the model as the runtime
// works out what it sends.
import { describe, expect, it } from "vitest";
import { basePath, expectedRequest, TEST_API_KEY } from "../../src/emit/expectations.js";
import type { ApiModel, OperationModel } from "../../src/model/types.js";

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

  it("expects the query keys sent alone", () => {
    expect(expectedRequest(model, { ...op, bareQuery: ["uploads"] }, {}).query).toEqual([["uploads", ""]]);
  });

  it("expects a path variable's collection value as Postman sends it, a / kept", () => {
    const withPath: OperationModel = {
      ...op,
      path: "/things/{name}",
      args: [{ arg: "name", name: "name", in: "path", required: false, default: "{{operation}}", source: "x" }],
    };
    expect(expectedRequest(model, withPath, { operation: "operations/1?x" }).path).toBe("/v1/things/operations/1%3Fx");
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
