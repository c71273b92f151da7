import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadCollection, toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { SEED_COLLECTION, seedItemText } from "../helpers/seed.js";

describe("the seed collection", () => {
  it("holds the seed's item byte for byte", () => {
    const text = readFileSync(SEED_COLLECTION, "utf8");
    expect(text).toContain(`"item": [\n${seedItemText()}\n]`);
  });

  it("loads into the model with every fact of the seed", async () => {
    const model = await loadCollection(SEED_COLLECTION);
    expect(model.warnings).toEqual([]);
    expect(model.baseUrl).toBe("https://api.zoom.us/v2");
    expect(model.baseUrlVariable).toBe("baseUrl");
    expect(model.operations).toHaveLength(1);
    const op = model.operations[0]!;
    expect(op).toMatchObject({
      name: "updateUserStatus",
      item: "Update user status",
      folder: [],
      method: "PUT",
      path: "/users/{userId}/status",
      body: "multipart",
      auth: { type: "bearer", from: "oauth2" },
      scopes: ["user:write:admin", "user:write"],
      rateLimit: "Light",
      source: "item[0]",
    });
    expect(op.id).toBeUndefined();
    expect(op.args).toEqual([
      {
        arg: "userId",
        name: "userId",
        in: "path",
        required: true,
        example: "quis officia in reprehenderit",
        description: "The user ID or email address of the user. For user-level apps, pass the `me` value for this parameter.",
        source: "item[0].request.url.variable[0]",
      },
      {
        arg: "action",
        name: "action",
        in: "body",
        required: true,
        enum: ["activate", "deactivate"],
        example: "deactivate",
        description: "The action types:\n`activate` - Activate a deactivated user.\n`deactivate` - Deactivate a user.",
        source: "item[0].request.body.formdata[0]",
      },
    ]);
    expect(op.responses.map((r) => [r.status, r.description, r.errorCodes.map((c) => c.code)])).toEqual([
      [200, "OK", []],
      [204, "Status updated.", []],
      [400, "Bad Request", [200, 300]],
      [404, "Not Found", [1001]],
    ]);
    expect(op.responses.map((r) => r.examples.map((e) => [e.contentType, e.body, e.source]))).toEqual([
      [["text/plain", "", "item[0].response[0]"]],
      [["application/json", '""', "item[0].response[1]"]],
      [["text/plain", "", "item[0].response[2]"]],
      [["text/plain", "", "item[0].response[3]"]],
    ]);
  });
});

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const load = (collection: object) => toModel(parseCollectionText("c.json", JSON.stringify({ info: { name: "C", schema: V21 }, ...collection })));

describe("loading requests", () => {
  it("inherits auth from folders and the collection, and noauth stops it", () => {
    const model = load({
      auth: { type: "oauth2" },
      item: [
        { name: "a", request: { method: "GET", url: "https://x.test/a" } },
        { name: "f", auth: { type: "noauth" }, item: [{ name: "b", request: { method: "GET", url: "https://x.test/b", auth: null } }] },
        { name: "c", request: { method: "GET", url: "https://x.test/c", auth: { type: "bearer" } } },
      ],
    });
    expect(model.operations.map((op) => [op.name, op.folder, op.auth.type])).toEqual([
      ["a", [], "bearer"],
      ["b", ["f"], "none"],
      ["c", [], "bearer"],
    ]);
  });

  it("gives repeated request names distinct method names in order", () => {
    const model = load({ item: [1, 2, 3].map(() => ({ name: "Get user", request: "https://x.test/u" })) });
    expect(model.operations.map((op) => op.name)).toEqual(["getUser", "getUser2", "getUser3"]);
  });

  it("derives path variables from the path even without a variable list, and keeps `:id.json` suffixes", () => {
    const model = load({ item: [{ name: "r", request: { method: "GET", url: { host: ["{{baseUrl}}"], path: ["a", ":id.json"] } } }] });
    expect(model.operations[0]!.path).toBe("/a/{id}.json");
    expect(model.operations[0]!.args).toMatchObject([{ name: "id", in: "path", required: true, source: "item[0].request.url.path[1]" }]);
  });

  it("resolves collection variables in hosts and warns about undefined ones, naming the place", () => {
    const model = load({
      variable: [{ key: "host", value: "api.x.test" }],
      item: [{ name: "r", request: { method: "GET", url: { protocol: "https", host: ["{{host}}"], path: ["{{version}}", "a"] } } }],
    });
    expect(model.baseUrl).toBe("https://api.x.test");
    expect(model.warnings).toEqual([
      { source: "item[0].request.url.path[0]", message: "variable {{version}} has no value in the collection; it is sent as written" },
    ]);
  });

  it("never lets the body's own Content-Type become an argument, and keeps other headers", () => {
    const model = load({
      item: [
        {
          name: "r",
          request: {
            method: "POST",
            url: "https://x.test/a",
            header: [
              { key: "Content-Type", value: "multipart/form-data" },
              { key: "X-Request-Id", value: "<uuid>", description: "(Required) Trace id" },
            ],
            body: { mode: "formdata", formdata: [{ key: "name", value: "n", type: "text" }] },
          },
        },
      ],
    });
    expect(model.operations[0]!.args.map((a) => [a.arg, a.in, a.required, a.typeHint])).toEqual([
      ["X-Request-Id", "header", true, "uuid"],
      ["name", "body", false, undefined],
    ]);
  });

  it("keeps keys that collide across places apart", () => {
    const model = load({
      item: [{ name: "r", request: { method: "POST", url: "https://x.test/a/:id?id=1", body: { mode: "urlencoded", urlencoded: [{ key: "id", value: "2" }] } } }],
    });
    expect(model.operations[0]!.args.map((a) => [a.arg, a.name, a.in])).toEqual([
      ["id", "id", "path"],
      ["query_id", "id", "query"],
      ["body_id", "id", "body"],
    ]);
  });

  it("reports what it leaves out, naming the item", () => {
    const model = load({ item: [{ name: "empty" }, "oops", { name: "r", request: { method: "GET", url: "https://x.test" }, response: [{ name: "no code" }] }] });
    expect(model.warnings).toEqual([
      { source: "item[0]", message: 'item "empty" has neither a request nor items: left out' },
      { source: "item[1]", message: "item is not an object: left out" },
      { source: "item[2].response[0]", message: 'example response "no code" has no status code: left out' },
    ]);
  });
});
