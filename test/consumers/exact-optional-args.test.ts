// An app built with `exactOptionalPropertyTypes` (a setting many strict projects enable) passes
// values that may be undefined to optional arguments, as it writes them everywhere else:
// `listThings({ q, page_size: options.pageSize })`. The emitted argument types take `undefined`
// there and the client sends it as absent; a required argument still refuses it. So do the optional
// keys inside JSON bodies and results inferred from examples (shared shapes included): an app
// passes `{ options: { webhook } }` and builds a result for a mock the same way.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { useRecordingServer } from "../helpers/recording.js";

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-exact-optional-args-"));
const PKG = join(OUT, "things");

/** A JSON body whose keys are optional at every depth, `options` in two requests (a shared shape). */
const jsonRequest = (name: string, path: string) => ({
  name,
  request: {
    method: "POST",
    header: [{ key: "Content-Type", value: "application/json" }],
    body: {
      mode: "raw",
      raw: JSON.stringify({ name: "a", options: { webhook: "https://hooks.example.com/1", color: "red" } }),
      options: { raw: { language: "json" } },
    },
    url: { raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: [path] },
  },
  // Two examples, one without `meta.label`: an optional key of the result, inside an object.
  response: [
    { id: 1, meta: { size: 1, label: "x" } },
    { id: 2, meta: { size: 2 } },
  ].map((body, i) => ({
    name: `Created ${i}`,
    code: 200,
    status: "OK",
    header: [{ key: "Content-Type", value: "application/json" }],
    body: JSON.stringify(body),
  })),
});

/**
 * A GET with a required, a typed, an enum query parameter and a header; a GraphQL POST; two JSON
 * POSTs.
 */
const COLLECTION = {
  info: { name: "Things", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  item: [
    {
      name: "List things",
      request: {
        method: "GET",
        header: [{ key: "X-Trace", value: "t-1", description: "A trace id." }],
        url: {
          raw: "{{baseUrl}}/things?q=a&page_size=<integer>&status=active",
          host: ["{{baseUrl}}"],
          path: ["things"],
          query: [
            { key: "q", value: "a", description: "(Required) What to look for." },
            { key: "page_size", value: "<integer>", description: "How many." },
            { key: "status", value: "active", description: "The status. (This can only be one of active,inactive)" },
          ],
        },
      },
    },
    {
      name: "Query things",
      request: {
        method: "POST",
        header: [],
        body: { mode: "graphql", graphql: { query: "query { things { id } }", variables: "" } },
        url: { raw: "{{baseUrl}}/graphql", host: ["{{baseUrl}}"], path: ["graphql"] },
      },
    },
    jsonRequest("Create thing", "things"),
    jsonRequest("Create other thing", "others"),
  ],
};

const APP = `import {
  createBaseClient,
  createClient,
  listThings,
  type CreateThingResult,
  type ListThingsArgs,
} from "./things/dist/index.js";

declare const pageSize: number | undefined;
declare const status: "active" | "inactive" | undefined;
declare const trace: string | undefined;
declare const variables: Record<string, unknown> | undefined;
declare const webhook: string | undefined;
declare const label: string | undefined;

export async function run(baseUrl: string): Promise<void> {
  const client = createClient({ baseUrl });
  await client.listThings({ q: "a", page_size: pageSize, status, "X-Trace": trace });
  await listThings(createBaseClient({ baseUrl }), { q: "a", page_size: undefined });
  const args: ListThingsArgs = { q: "a", status: undefined };
  await client.listThings(args);
  await client.queryThings({ body: { query: "{ things { id } }", variables } });
  await client.createThing({ name: "a", options: { webhook, color: undefined } });
  await client.createOtherThing({ options: { webhook } });
  const created: CreateThingResult = { id: 1, meta: { size: 1, label } };
  void created;
  // @ts-expect-error a required argument takes no undefined
  await client.listThings({ q: undefined });
}
`;

const server = useRecordingServer({ resetEach: false });
beforeAll(async () => {
  const collection = join(OUT, "things.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  const emitted = await emitTarget({ collection, out: PKG, name: "things" }, { cache: false });
  await writePackage(PKG, emitted.files);
}, 120_000);
afterAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
});

describe("optional arguments under exactOptionalPropertyTypes", () => {
  it("take undefined in a strict app (declarations checked), and undefined is sent as absent", async () => {
    expect(appTypeErrors(OUT, APP, { ...strictConsumerOptions(false), exactOptionalPropertyTypes: true })).toEqual([]);

    // An undefined value is absent: each call sends what the same call without the key sends.
    const pkg = (await import(pathToFileURL(join(PKG, "dist/index.js")).href)) as {
      createClient(options: {
        baseUrl: string;
      }): Record<"listThings" | "queryThings" | "createThing", (args: object) => Promise<unknown>>;
    };
    const client = pkg.createClient({ baseUrl: server.url });
    await client.listThings({ q: "a", page_size: undefined, status: undefined, "X-Trace": undefined });
    await client.listThings({ q: "a" });
    await client.queryThings({ body: { query: "{ things { id } }", variables: undefined } });
    await client.queryThings({ body: { query: "{ things { id } }" } });
    await client.createThing({ name: "a", options: { webhook: undefined, color: "red" } });
    await client.createThing({ name: "a", options: { color: "red" } });
    const sent = server.requests.map((r) => ({
      target: r.target,
      trace: r.headers["x-trace"],
      body: r.raw.toString(),
    }));
    expect(sent[0]).toEqual(sent[1]);
    expect(sent[2]).toEqual(sent[3]);
    expect(sent[4]).toEqual(sent[5]);
    expect(sent[0]!.target).toBe("/things?q=a");
    expect(JSON.parse(sent[2]!.body)).toEqual({ query: "{ things { id } }" });
    expect(JSON.parse(sent[4]!.body)).toEqual({ name: "a", options: { color: "red" } });
  }, 120_000);
});
