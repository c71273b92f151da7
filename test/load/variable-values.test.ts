// A variable's value as the client sends it, read by one rule for the collection's variables (and
// its folders' and requests') and an environment's: newman is the reference for what Postman sends.
import newman from "newman";
import { describe, expect, it } from "vitest";
import { operationSpec } from "../../src/emit/client.js";
import { toModel } from "../../src/load/collection.js";
import { parseScopeText } from "../../src/load/environment.js";
import { parseCollectionText } from "../../src/load/read.js";
import { applyScopes } from "../../src/load/scopes.js";
import type { ApiModel } from "../../src/model/types.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

const server = useRecordingServer();

const load = (collection: object): ApiModel => toModel(parseCollectionText("c.json", JSON.stringify(collection)));

function runNewman(collection: object, environment?: object): Promise<void> {
  return new Promise<void>((resolve, reject) =>
    newman.run(
      { collection: collection as never, ...(environment ? { environment: environment as never } : {}), reporters: [] },
      (error) => (error ? reject(error) : resolve()),
    ),
  );
}

/** The model's one operation called as its client calls it, with the collection's values as defaults. */
async function clientRun(model: ApiModel, variables: Record<string, string> = {}): Promise<void> {
  const defaults = model.variables.flatMap((v) => (v.default !== undefined ? [[v.name, v.default] as const] : []));
  const core = testCore(
    { baseUrl: server.url, maxRetries: 0, variables },
    { baseUrl: model.baseUrl, variables: Object.fromEntries(defaults) },
  );
  await core.call(operationSpec(model.operations[0]!), {});
}

describe("a variable whose value is null", () => {
  it("is sent as the text null from the collection's variables, as newman sends it and as an environment's is", async () => {
    const collection = {
      info: { name: "n", schema: V21 },
      variable: [
        { key: "baseUrl", value: server.url },
        { key: "size", value: null },
      ],
      item: [{ name: "get", request: { method: "GET", url: "{{baseUrl}}/?size={{size}}" } }],
    };
    await runNewman(collection);
    const model = load(collection);
    await clientRun(model);
    expect(server.requests.map((r) => r.query)).toEqual([[["size", "null"]], [["size", "null"]]]);
    expect(model.variables.find((v) => v.name === "size")?.default).toBe("null");
    // An environment's null is read by the same rule.
    const environment = { name: "e", values: [{ key: "size", value: null }] };
    expect(parseScopeText("e.json", JSON.stringify(environment), "environment").values[0]!.value).toBe("null");
  });

  it("is the text null in a folder's and a request's variables, which the client counts as the collection's", () => {
    // newman leaves these unresolved (`{{rv}}`); the client reads them as it reads the collection's.
    const model = load({
      info: { name: "n", schema: V21 },
      item: [
        {
          name: "f",
          variable: [{ key: "fv", value: null }],
          item: [
            {
              name: "get",
              variable: [{ key: "rv", value: null }],
              request: { method: "GET", url: "https://x.test/?fv={{fv}}&rv={{rv}}" },
            },
          ],
        },
      ],
    });
    expect(model.operations[0]!.variables).toEqual({ fv: "null", rv: "null" });
  });
});

describe("a secret whose value is null", () => {
  // A saved answer quotes a null: a secret's null holds nothing, so nothing of it is masked there.
  const answer = {
    name: "ok",
    code: 200,
    body: '{"next": null}',
    originalRequest: { method: "GET", url: "https://x.test/" },
  };
  const bearer = { type: "bearer", bearer: [{ key: "token", value: "{{t}}" }] };

  it("in the collection: no value and no warning, asked for at run time, as an environment's", () => {
    const model = load({
      info: { name: "n", schema: V21 },
      auth: bearer,
      variable: [
        { key: "t", value: null },
        { key: "apiKey", value: null },
        { key: "s", value: null, type: "secret" },
      ],
      item: [
        { name: "get", request: { method: "GET", url: "https://x.test/?k={{apiKey}}&s={{s}}" }, response: [answer] },
      ],
    });
    for (const name of ["t", "apiKey", "s"])
      expect(model.variables.find((v) => v.name === name)).not.toHaveProperty("default");
    expect(model.warnings).toEqual([]);
    expect(model.operations[0]!.responses[0]!.examples[0]!.body).toBe('{"next": null}');
  });

  it("in an environment, found a secret by the collection's auth: no warning, nothing masked", () => {
    const model = load({
      info: { name: "n", schema: V21 },
      auth: bearer,
      variable: [{ key: "t" }],
      item: [{ name: "get", request: { method: "GET", url: "https://x.test/" }, response: [answer] }],
    });
    const environment = parseScopeText(
      "e.json",
      JSON.stringify({ name: "env", values: [{ key: "t", value: null }] }),
      "environment",
    );
    const applied = applyScopes(model, { environments: [{ name: "env", scope: environment }] });
    expect(applied.environments).toEqual([{ name: "env", values: {}, secrets: ["t"] }]);
    expect(applied.warnings).toEqual([]);
    expect(applied.operations[0]!.responses[0]!.examples[0]!.body).toBe('{"next": null}');
  });
});

describe("a variable with no value", () => {
  it("is sent empty in a query, a path and a header, as newman sends it", async () => {
    const collection = {
      info: { name: "n", schema: V21 },
      variable: [{ key: "baseUrl", value: server.url }, { key: "size" }],
      item: [
        {
          name: "get",
          request: {
            method: "GET",
            header: [{ key: "X-Size", value: "{{size}}" }],
            url: "{{baseUrl}}/p/{{size}}/x?size={{size}}",
          },
        },
      ],
    };
    await runNewman(collection);
    const model = load(collection);
    expect(model.variables.find((v) => v.name === "size")?.default).toBe("");
    await clientRun(model);
    const sent = server.requests.map((r) => [r.target, r.headers["x-size"]]);
    // What newman was seen sending (`GET /p//x?size=` with `X-Size: `), so that a change in newman shows here too.
    expect(sent).toEqual([
      ["/p//x?size=", ""],
      ["/p//x?size=", ""],
    ]);
  });

  it("in a folder's and a request's variables, is empty as the collection's is", () => {
    const model = load({
      info: { name: "n", schema: V21 },
      item: [
        {
          name: "f",
          variable: [{ key: "fv" }],
          item: [
            {
              name: "get",
              variable: [{ key: "rv" }],
              request: { method: "GET", url: "https://x.test/?fv={{fv}}&rv={{rv}}" },
            },
          ],
        },
      ],
    });
    expect(model.operations[0]!.variables).toEqual({ fv: "", rv: "" });
  });

  it("as a secret or a credential's name, is asked for at run time as an empty one is", () => {
    const model = load({
      info: { name: "n", schema: V21 },
      variable: [{ key: "apiKey" }, { key: "s", type: "secret" }],
      item: [{ name: "get", request: { method: "GET", url: "https://x.test/?k={{apiKey}}&s={{s}}" } }],
    });
    for (const name of ["apiKey", "s"])
      expect(model.variables.find((v) => v.name === name)).not.toHaveProperty("default");
    expect(model.warnings).toEqual([]);
  });

  it("in an environment and the globals, is sent empty, as newman sends it", async () => {
    const collection = {
      info: { name: "n", schema: V21 },
      variable: [{ key: "baseUrl", value: server.url }],
      item: [{ name: "get", request: { method: "GET", url: "{{baseUrl}}/?e={{e}}&g={{g}}" } }],
    };
    const environment = { name: "env", values: [{ key: "e", enabled: true }] };
    const globals = { name: "g", values: [{ key: "g", enabled: true }] };
    await new Promise<void>((resolve, reject) =>
      newman.run(
        {
          collection: collection as never,
          environment: environment as never,
          globals: globals as never,
          reporters: [],
        },
        (error) => (error ? reject(error) : resolve()),
      ),
    );
    const scope = (json: object, kind: "environment" | "globals") =>
      parseScopeText(`${kind}.json`, JSON.stringify(json), kind);
    const applied = applyScopes(load(collection), {
      globals: scope(globals, "globals"),
      environments: [{ name: "env", scope: scope(environment, "environment") }],
    });
    // newman sends both empty (`GET /?e=&g=`); the client takes the global as a default and the
    // environment's value as the environment's, both empty.
    expect(server.requests.map((r) => r.target)).toEqual(["/?e=&g="]);
    expect(applied.variables.find((v) => v.name === "g")?.default).toBe("");
    expect(applied.environments).toEqual([{ name: "env", values: { e: "" }, secrets: [] }]);
  });
});
