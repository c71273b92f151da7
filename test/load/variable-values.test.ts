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

describe("a variable whose value is an object or an array", () => {
  const collection = () => ({
    info: { name: "n", schema: V21 },
    variable: [
      { key: "baseUrl", value: server.url },
      { key: "obj", value: { a: 1 } },
      { key: "arr", value: [1, 2] },
      { key: "nested", value: [{ a: 1 }, [3, null, "x"]] },
      // Postman's SDK sends an object with a `toString` of its own (data) empty.
      { key: "own", value: { toString: 1 } },
      { key: "vo", value: { valueOf: 1 } },
    ],
    item: [
      {
        name: "get",
        request: {
          method: "GET",
          header: [{ key: "X-Obj", value: "{{obj}}" }],
          url: "{{baseUrl}}/?obj={{obj}}&arr={{arr}}&nested={{nested}}&own={{own}}&vo={{vo}}",
        },
      },
    ],
  });

  it("is sent as JavaScript's text of it, as newman sends it, with a warning at its place saying what is sent", async () => {
    await runNewman(collection());
    const model = load(collection());
    await clientRun(model);
    const sent = server.requests.map((r) => [r.query, r.headers["x-obj"]]);
    // What newman was seen sending (`?obj=[object%20Object]&arr=1,2&nested=[object%20Object],3,,x`).
    const query = [
      ["obj", "[object Object]"],
      ["arr", "1,2"],
      ["nested", "[object Object],3,,x"],
      ["own", ""],
      ["vo", "[object Object]"],
    ];
    expect(sent).toEqual([
      [query, "[object Object]"],
      [query, "[object Object]"],
    ]);
    expect(model.warnings).toEqual([
      {
        source: "variable[1].value",
        message:
          'the value of variable "obj" is an object, sent as the text "[object Object]", as Postman sends it: write it as text (a string) if that is not what was meant',
      },
      {
        source: "variable[2].value",
        message:
          'the value of variable "arr" is an array, sent as the text "1,2" (its items\' text joined by commas), as Postman sends it: write it as text (a string) if that is not what was meant',
      },
      expect.objectContaining({ source: "variable[3].value" }),
      expect.objectContaining({ source: "variable[4].value", message: expect.stringContaining('sent as the text ""') }),
      expect.objectContaining({ source: "variable[5].value" }),
    ]);
  });

  it("as a secret, is warned of without its text; in an environment, read and warned of by the same rule", () => {
    const model = load({
      info: { name: "n", schema: V21 },
      variable: [{ key: "s", value: ["hunter2", "x"], type: "secret" }],
      item: [
        {
          name: "f",
          variable: [{ key: "fo", value: {} }],
          item: [
            { name: "a", request: { method: "GET", url: "https://x.test/a?s={{s}}&fo={{fo}}" } },
            { name: "b", request: { method: "GET", url: "https://x.test/b?fo={{fo}}" } },
          ],
        },
      ],
    });
    expect(JSON.stringify(model.warnings)).not.toContain("hunter2");
    // A folder's value is warned of once, however many of its requests use it.
    expect(model.warnings.map((w) => [w.source, w.message.split(":")[0]])).toEqual([
      ["variable[0].value", expect.stringContaining('"s" (its type is "secret") is left out')],
      [
        "variable[0].value",
        `the value of variable "s" is an array, which Postman sends as its items' text joined by commas`,
      ],
      [
        "item[0].variable[0].value",
        'the value of variable "fo" is an object, sent as the text "[object Object]", as Postman sends it',
      ],
    ]);
    expect(model.operations[0]!.variables).toEqual({ fo: "[object Object]" });

    const environment = parseScopeText(
      "e.json",
      JSON.stringify({
        name: "env",
        values: [
          { key: "eo", value: { a: 1 } },
          { key: "token", value: ["hunter2"] },
        ],
      }),
      "environment",
    );
    expect(environment.values.map((v) => v.value)).toEqual(["[object Object]", "hunter2"]);
    const applied = applyScopes(load(collection()), { environments: [{ name: "env", scope: environment }] });
    const envWarnings = applied.warnings.filter((w) => w.file === "e.json");
    expect(JSON.stringify(envWarnings)).not.toContain("hunter2");
    expect(envWarnings.map((w) => [w.source, w.message.split(":")[0]])).toEqual([
      [
        "values[0].value",
        'the value of variable "eo" is an object, sent as the text "[object Object]", as Postman sends it',
      ],
      [
        "values[1].value",
        `the value of variable "token" is an array, which Postman sends as its items' text joined by commas`,
      ],
      ["values[1].value", expect.stringContaining('"token" (its name says it is a credential) is left out')],
    ]);
  });

  it("quotes its text without the credentials written into a URL in it, as the client keeps it", () => {
    // The warning is printed and kept in the README and the manifest: it quotes what the client
    // sends, the URL's password and credential-named query parameter left out, as an environment's is.
    const model = load({
      info: { name: "n", schema: V21 },
      variable: [
        { key: "site", value: ["https://ann:hunter2x@host.test/x"] },
        { key: "q", value: ["a", "https://host.test/?api_key=sk_9f8e7d6c5b4a3"] },
      ],
      item: [{ name: "a", request: { method: "GET", url: "https://x.test/a?s={{site}}&q={{q}}" } }],
    });
    const defaults = Object.fromEntries(model.variables.map((v) => [v.name, v.default]));
    expect(JSON.stringify(defaults)).not.toMatch(/hunter2x|sk_9f8e7d6c5b4a3/);
    const quoting = model.warnings.filter((w) => w.message.includes("is an array"));
    expect(quoting.map((w) => w.source)).toEqual(["variable[0].value", "variable[1].value"]);
    expect(JSON.stringify(model.warnings)).not.toMatch(/hunter2x|sk_9f8e7d6c5b4a3/);
    // What it quotes is the value the client keeps.
    for (const [warning, name] of [
      [quoting[0]!, "site"],
      [quoting[1]!, "q"],
    ] as const)
      expect(warning.message).toContain(`sent as the text ${JSON.stringify(defaults[name])}`);
  });
});

describe("the collection's host variable without a value, or empty", () => {
  // Sent empty, as newman sends it, each call would go to `/a` and be refused with that URL alone:
  // generate names the variable at its place instead, as it does an environment's.
  const based = (variable: object, url = "{{baseUrl}}/a") =>
    load({
      info: { name: "c", schema: V21 },
      variable: [{ key: "other", value: "1" }, variable],
      item: [{ name: "A", request: { method: "GET", url } }],
    });
  const message = `"baseUrl" is empty, and the base URL takes its host from it: without an environment that gives it, the client refuses each call unless given it (createClient({ variables: { "baseUrl": … } }))`;

  it("is warned of at its place, named with how to give it", () => {
    for (const variable of [{ key: "baseUrl" }, { key: "baseUrl", value: "" }])
      expect(based(variable).warnings).toContainEqual({ source: "variable[1].value", message });
  });

  it("is not warned of where it holds a value, is a path's, or is a secret", () => {
    const none = (model: ApiModel) => expect(model.warnings.filter((w) => w.message === message)).toEqual([]);
    none(based({ key: "baseUrl", value: "https://api.x.test" }));
    none(based({ key: "baseUrl" }, "https://api.x.test/{{baseUrl}}/a"));
    none(based({ key: "baseUrl", type: "secret" }));
  });
});
