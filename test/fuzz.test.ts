// Property: any collection made of the v2.1 format's shapes either stops with a clear error that
// names a place, or gives a package that type-checks under --strict (sources and tests) and comes
// out byte-identical from a second run. `npm run fuzz` runs many more cases than CI does.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect, it } from "vitest";
import { CodegenError } from "../src/errors.js";
import { emitTarget } from "../src/generate.js";
import { writePackage } from "../src/write/write-package.js";
import { collection } from "./fuzz/collection-arbitrary.js";
import { fuzzRuns } from "./helpers/fuzz-runs.js";
import { ROOT } from "./helpers/seed.js";
import { configTypeErrors } from "./helpers/type-check.js";

// CI replays the same cases every time; `npm run fuzz` draws new ones. A failure prints its seed
// and path: FUZZ_SEED=<seed> FUZZ_PATH=<path> npm run fuzz replays that case.
const { parameters } = fuzzRuns("FUZZ", { runs: 6, seed: 20261129 });

/** The package's sources (ES2022 and DOM, as its tsconfig.json sets them) and its tests (Node types). */
function typeErrors(dir: string): string[] {
  return [...configTypeErrors(join(dir, "tsconfig.json")), ...configTypeErrors(join(dir, "test", "tsconfig.json"))];
}

it("random collections generate strict, deterministic code, or stop with a clear error", async () => {
  let generated = 0;
  await fc.assert(
    fc.asyncProperty(collection, async (json) => {
      // Inside the repository, so that the package's tests resolve vitest and busboy.
      const dir = mkdtempSync(join(ROOT, ".hostile-fuzz-"));
      try {
        const file = join(dir, "c.postman_collection.json");
        writeFileSync(file, JSON.stringify(json));
        const target = { collection: file, out: join(dir, "out"), name: "fuzzed" };
        let first;
        try {
          // No `typeCheck` here: the package's tsconfig.json is checked below, with the same options,
          // by a program that shares the lib files and the copied runtime's clean files with every
          // other (test/helpers/type-check.ts), where the check during generation parsed and
          // checked them anew in a program of its own, as hostile.test.ts found (a fifth of its CPU).
          first = await emitTarget(target);
        } catch (error) {
          // The message says what went wrong when it is not a clear error (a generator bug).
          expect(error, String((error as Error).message ?? error).slice(0, 3000)).toBeInstanceOf(CodegenError);
          expect((error as CodegenError).where).toBeTruthy();
          return;
        }
        const second = await emitTarget(target);
        expect([...second.files]).toEqual([...first.files]);
        await writePackage(target.out, first.files);
        expect(typeErrors(target.out)).toEqual([]);
        expect((globalThis as { __fuzzed?: unknown }).__fuzzed).toBeUndefined();
        generated++;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
    parameters,
  );
  expect(generated).toBeGreaterThan(0);
}, 600_000);
