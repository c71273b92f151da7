// A path segment that is not text (`{}`, the schema's `{ "value": … }`) is sent as newman sends it,
// `[object Object]`, with a warning naming its place: it used to vanish from the path unsaid.
import { join } from "node:path";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { loadCollection } from "../../src/load/collection.js";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runConformance } from "../conformance/harness.js";
import { ROOT } from "../helpers/seed.js";

const COLLECTION = join(ROOT, "test/conformance/collections/path-segments.postman_collection.json");
const dir = mkdtempSync(join(tmpdir(), "path-segments-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("path segments that are not text", () => {
  it("are said, each by its place", async () => {
    const model = await loadCollection(COLLECTION);
    expect(model.warnings.filter((w) => /path segment/.test(w.message)).map((w) => w.source)).toEqual([
      "item[0].request.url.path[2]",
      "item[1].request.url.path[1]",
    ]);
  });

  it("go out as newman sends them", async () => {
    const out = join(dir, "pkg");
    await writePackage(out, (await emitTarget({ collection: COLLECTION, out, name: "path-segments" })).files);
    const report = await runConformance(COLLECTION, out);
    expect(report.items.map((item) => [item.source, item.outcome, item.differences])).toEqual(
      report.items.map((item) => [item.source, "identical", undefined]),
    );
    expect(report.items).toHaveLength(2);
  }, 120_000);
});
