// Property: a random collection that newman can send arrives the same from its generated client,
// item by item, or differs only as the conformance allowlist says (test/conformance/allowlist.ts),
// a refusal before sending among them. fuzz.test.ts checks that random collections generate; this
// one that what they generate sends what Postman sends. `npm run fuzz` runs many more cases.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import { emitTarget } from "../src/generate.js";
import { writePackage } from "../src/write/write-package.js";
import { runConformance, unallowed } from "./conformance/harness.js";
import { wireCollection } from "./fuzz/wire-arbitrary.js";
import { fuzzRuns } from "./helpers/fuzz-runs.js";
import { ROOT } from "./helpers/seed.js";

// CI replays the same cases every time; `npm run fuzz` draws new ones. A failure prints its seed
// and path: WIRE_FUZZ_SEED=<seed> WIRE_FUZZ_PATH=<path> WIRE_FUZZ_RUNS=1 npx vitest run
// test/wire-fuzz.test.ts replays that case.
const { parameters } = fuzzRuns("WIRE_FUZZ", { runs: 10, seed: 20261205 });

it("random collections arrive the same from newman and from their generated clients", async () => {
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(wireCollection, async (json) => {
      // Inside the repository, as the conformance suite's packages are.
      const dir = mkdtempSync(join(ROOT, ".wire-fuzz-"));
      try {
        const file = join(dir, "wire.postman_collection.json");
        writeFileSync(file, JSON.stringify(json));
        const out = join(dir, "out");
        // Every collection drawn is one Postman sends: generation must not refuse it.
        await writePackage(out, (await emitTarget({ collection: file, out, name: "wire-fuzz" })).files);
        const report = await runConformance(file, out);
        expect(report.items.flatMap(unallowed)).toEqual([]);
        sent += report.items.filter((i) => i.outcome !== "unsent").length;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
    parameters,
  );
  expect(sent).toBeGreaterThan(0);
}, 600_000);
