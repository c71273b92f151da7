// Requests and folders named like members every object has, or `then`, give a client that is still
// a plain object: not thenable (`return client` from an async function resolved by calling the
// `then` operation), printing it runs no operation, and each operation sends its own request under
// its renamed member. An argument named `__proto__` can be passed as an object literal's key.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import type { ApiModel } from "../../src/model/types.js";
import { writePackage } from "../../src/write/write-package.js";
import { useRecordingServer } from "../helpers/recording.js";

type Members = Record<string, unknown>;

const get = (name: string, path: string) => ({
  name,
  request: { method: "GET", url: { raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: [path] } },
});

let model: ApiModel;
let createClient: (options: object) => Members;
const server = useRecordingServer();

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-member-names-"));
  const collection = {
    info: { name: "Member names", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      get("then", "then"),
      { name: "constructor", item: [get("toString", "ts"), get("__proto__", "p")] },
      { name: "__proto__", item: [get("hasOwnProperty", "hop"), get("valueOf", "vo")] },
      { name: "then", item: [get("isPrototypeOf", "ipo")] },
      {
        name: "search",
        request: {
          method: "GET",
          url: {
            raw: "{{baseUrl}}/search?__proto__=1",
            host: ["{{baseUrl}}"],
            path: ["search"],
            query: [{ key: "__proto__", value: "1" }],
          },
        },
      },
      {
        name: "item",
        request: {
          method: "GET",
          url: {
            raw: "{{baseUrl}}/items/:__proto__",
            host: ["{{baseUrl}}"],
            path: ["items", ":__proto__"],
            variable: [{ key: "__proto__", value: "1" }],
          },
        },
      },
    ],
  };
  writeFileSync(join(dir, "members.postman_collection.json"), JSON.stringify(collection));
  const out = join(dir, "out");
  const emitted = await emitTarget({ collection: join(dir, "members.postman_collection.json"), out, name: "members" });
  model = emitted.model;
  expect(model.warnings).toEqual([]);
  await writePackage(out, emitted.files);
  createClient = ((await import(pathToFileURL(join(out, "dist/index.js")).href)) as Members)[
    "createClient"
  ] as typeof createClient;
}, 120_000);

const client = (options: object = {}) => createClient({ baseUrl: server.url, maxRetries: 0, ...options });

/** The client and every namespace under it. */
function objects(root: Members): Members[] {
  return [
    root,
    ...Object.values(root).flatMap((v) => (typeof v === "object" && v !== null ? objects(v as Members) : [])),
  ];
}

/** Leaves the event loop a turn, so that a request started by accident reaches the server. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("members named like Object's or `then`", () => {
  it("leave the client and its namespaces plain objects", async () => {
    const c = client();
    const reserved = new Set([...Object.getOwnPropertyNames(Object.prototype), "then"]);
    const namespaces = objects(c);
    expect(namespaces.length).toBe(4);
    for (const members of namespaces) expect(Object.keys(members).filter((k) => reserved.has(k))).toEqual([]);
    const make = async () => c;
    expect(await make()).toBe(c);
    for (const members of namespaces) expect(await Promise.resolve(members)).toBe(members);
    expect(String(c)).toBe("[object Object]");
    for (const members of namespaces) expect(String(members)).toBe("[object Object]");
    await settle();
    expect(server.requests).toEqual([]);
  });

  it("send each operation's own request under its renamed member", async () => {
    const c = client();
    for (const op of model.operations) {
      const namespace = op.namespace.reduce((members, segment) => members[segment] as Members, c);
      const method = namespace[op.name] as (args?: object) => Promise<unknown>;
      expect(Object.hasOwn(namespace, op.name), op.item).toBe(true);
      const path = op.args.filter((a) => a.in === "path");
      await method(Object.fromEntries(path.map((a) => [a.arg, "x"])));
      const sent = path.reduce((text, a) => text.replace(`{${a.name}}`, "x"), op.path);
      expect(server.requests.at(-1)?.path, op.item).toBe(new URL(`http://x${sent}`).pathname);
    }
    expect(server.requests).toHaveLength(model.operations.length);
  });
});

describe("an argument named __proto__", () => {
  it("is passed under a key an object literal keeps, and sent under its own name", async () => {
    const search = client()["search"] as (args: object) => Promise<unknown>;
    await search({ query___proto__: "x" });
    expect(server.requests[0]!.query).toEqual([["__proto__", "x"]]);
  });

  it("fills its path segment", async () => {
    const item = client()["item"] as (args: object) => Promise<unknown>;
    await item({ path___proto__: "x" });
    expect(server.requests[0]!.path).toBe("/items/x");
  });
});
