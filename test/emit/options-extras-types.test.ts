// A call's `options.body` and `options.query` are typed only where the operation takes them (a JSON
// object body, a query): TypeScript refuses at compile time what the runtime would refuse at run
// time, in the methods and the standalone functions alike, declarations checked (skipLibCheck false).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { ROOT } from "../helpers/seed.js";

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-options-extras-types-"));
const PKG = join(OUT, "things");

const url = (path: string, query: Array<{ key: string; value: string }> = []) => ({
  raw: `{{baseUrl}}/${path}${query.length ? `?${query.map((q) => `${q.key}=${q.value}`).join("&")}` : ""}`,
  host: ["{{baseUrl}}"],
  path: [path],
  ...(query.length ? { query } : {}),
});

/** A JSON POST, a GET with a query, and a form PUT (as the seed's) without either. */
const COLLECTION = {
  info: { name: "Things", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  item: [
    {
      name: "Create thing",
      request: {
        method: "POST",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: { mode: "raw", raw: '{"name":"a"}', options: { raw: { language: "json" } } },
        url: url("things"),
      },
    },
    {
      name: "List things",
      request: { method: "GET", header: [], url: url("things", [{ key: "q", value: "a" }]) },
    },
    {
      name: "Set status",
      request: {
        method: "PUT",
        header: [],
        body: { mode: "formdata", formdata: [{ key: "action", value: "activate", type: "text" }] },
        url: url("status"),
      },
    },
  ],
};

beforeAll(async () => {
  const collection = join(OUT, "things.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  const emitted = await emitTarget({ collection, out: PKG, name: "things" }, { cache: false });
  await writePackage(PKG, emitted.files);
}, 120_000);
afterAll(() => {
  rmSync(OUT, { recursive: true, force: true });
});

it("options take body where the body is a JSON object and query where there is a query, nowhere else", () => {
  const seed = relative(OUT, join(ROOT, "generated/zoom-update-user-status/dist/index.js")).replaceAll("\\", "/");
  const app = `import {
  createBaseClient,
  createClient,
  createThing,
  listThings,
  setStatus,
  type BodyExtras,
  type QueryExtras,
  type RequestOptions,
  type Variables,
} from "./things/dist/index.js";
import * as seed from ${JSON.stringify(seed.startsWith(".") ? seed : `./${seed}`)};

export async function run(baseUrl: string): Promise<void> {
  const client = createClient({ baseUrl });
  const base = createBaseClient({ baseUrl });
  await client.createThing({ name: "a" }, { body: { unseen: 1 } });
  await createThing(base, { name: "a" }, { body: { unseen: 1 } });
  await client.listThings({ q: "a" }, { query: { unseen: ["1", 2] } });
  await listThings(base, { q: "a" }, { query: { unseen: true } });
  const options: RequestOptions<Variables> & BodyExtras = { body: {} };
  const pairs: QueryExtras = { query: {} };
  void options;
  void pairs;
  // @ts-expect-error a JSON body without a query takes no extra query pairs
  await client.createThing({ name: "a" }, { query: { unseen: "1" } });
  // @ts-expect-error a GET without a body takes no extra body fields
  await listThings(base, { q: "a" }, { body: { unseen: 1 } });
  // @ts-expect-error a form's body takes no extra body fields
  await client.setStatus({ action: "activate" }, { body: { unseen: 1 } });
  // @ts-expect-error nor extra query pairs without a query
  await setStatus(base, { action: "activate" }, { query: { unseen: "1" } });
  const zoom = seed.createBaseClient({ token: "t" });
  // @ts-expect-error the seed operation (a multipart form) takes no extra body fields
  await seed.updateUserStatus(zoom, { userId: "me", action: "activate" }, { body: { unseen: 1 } });
  // @ts-expect-error nor extra query pairs
  await seed.createClient({ token: "t" }).updateUserStatus({ userId: "me", action: "activate" }, { query: { a: "1" } });
}
`;
  expect(appTypeErrors(OUT, app, strictConsumerOptions(false))).toEqual([]);
});
