// A collection may use a method Node's HTTP parser does not know: Postman's own `VIEW` (every
// postman-code-generators unit collection has one), a custom `PURGEALL` or `POSTMAN`. The client
// sends it as newman does, and the package's own tests, whose recording server is a Node HTTP
// server (src/testkit/recording-server.ts, its connections read through unknown-methods.ts), must
// see it with its real method and body, and answer it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-unknown-methods-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const JSON_TYPE = { key: "Content-Type", value: "application/json" };

const answer = (code: number, body: object) => ({
  name: `${code}`,
  code,
  header: [JSON_TYPE],
  body: JSON.stringify(body),
});

it("passes the emitted package's own tests of requests with methods Node's parser does not know", async () => {
  const file = join(dir, "methods.postman_collection.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "Methods", schema: V21 },
      item: [
        {
          name: "View request",
          request: { method: "VIEW", url: "https://api.test/request?id=1" },
          response: [answer(200, { viewed: true })],
        },
        {
          name: "Purge all",
          request: { method: "PURGEALL", url: "https://api.test/cache", header: [{ key: "X-Scope", value: "all" }] },
          response: [answer(202, { purged: 3 })],
        },
        {
          name: "Postman request",
          request: {
            method: "POSTMAN",
            url: "https://api.test/items/:id",
            header: [JSON_TYPE],
            body: { mode: "raw", raw: '{"name":"Zoë","tags":["a","b"]}', options: { raw: { language: "json" } } },
          },
          response: [answer(200, { ok: true }), answer(404, { error: "not found" })],
        },
        {
          name: "Get item",
          request: { method: "GET", url: "https://api.test/items/7" },
          response: [answer(200, { id: 7 })],
        },
      ],
    }),
  );
  const out = join(dir, "methods");
  const { files } = await emitTarget({ collection: file, out, name: "methods-api" });
  const cases = files.get("test/cases/client.json")!;
  for (const method of ["VIEW", "PURGEALL", "POSTMAN"]) expect(cases).toContain(`"${method}"`);
  const run = await runEmittedTests(out, files);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toMatch(/Tests\s+\d+ passed/);
}, 120_000);
