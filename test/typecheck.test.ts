// The repository's own type check, `npm run typecheck` (tsc over tsconfig.json: src/, test/,
// bench/), as one of the suites. `npm test` used to run it before vitest, alone: on two cores one
// of them idled for the half-minute tsc takes. Here it runs beside the other files (test/sequencer.ts
// starts it early), and a type error is a failed test that .ci/run counts.
import { join } from "node:path";
import { expect, it } from "vitest";
import { runProgram } from "./helpers/program.js";
import { ROOT } from "./helpers/seed.js";

it("the sources, tests and bench type-check (tsc -p tsconfig.json)", { timeout: 300_000 }, async () => {
  const tsc = join(ROOT, "node_modules/typescript/bin/tsc");
  const result = await runProgram(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], { cwd: ROOT });
  expect(`${result.stdout}${result.stderr}`).toBe("");
  expect(result.code).toBe(0);
});
