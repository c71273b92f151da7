// A query key that starts with `?` (`??` in `/p???=1` or `/p?%3F%3F=1`, from a
// postman-code-generators fixture): Postman parses the key so and newman sends the URL as written,
// as the client does; the package's own tests must find the key they expect in what arrived.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-query-question-marks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

it("passes the emitted package's own tests of query keys that start with `?`", async () => {
  const file = join(dir, "query.postman_collection.json");
  const urls = ["/p???=1", "/p?%3F%3F=1", "/p??a=1&b=2", "/p?a=1&??=2"];
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "Query", schema: V21 },
      item: urls.map((url, i) => ({
        name: `Request ${i}`,
        request: { method: "GET", url: `https://api.test${url}` },
        response: [{ name: "ok", code: 200, header: [{ key: "Content-Type", value: "application/json" }], body: "{}" }],
      })),
    }),
  );
  const out = join(dir, "query");
  const { files } = await emitTarget({ collection: file, out, name: "query-api" });
  const run = await runEmittedTests(out, files);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toMatch(/Tests\s+8 passed/);
}, 120_000);
