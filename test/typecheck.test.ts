// The repository's own type check, `npm run typecheck` (tsc over tsconfig.json: src/, test/,
// bench/), as one of the suites. `npm test` used to run it before vitest, alone: on two cores one
// of them idled for the half-minute tsc takes. Here it runs beside the other files (test/sequencer.ts
// starts it early), and a type error is a failed test that .ci/run counts. With TypeScript 7, the
// native compiler: the same checker, in a quarter of 6.0's CPU (7 s against 25 s on this repository).
// TypeScript 6.0 still checks src/ in `npm run build` (what npm ci's prepare runs), whose errors
// fail the build: the generator's sources are checked by both.
import { join } from "node:path";
import { expect, it } from "vitest";
import { runProgram } from "./helpers/program.js";
import { ROOT } from "./helpers/seed.js";

it("the sources, tests and bench type-check (tsc -p tsconfig.json)", { timeout: 300_000 }, async () => {
  const tsc = join(ROOT, "node_modules/typescript-7.0/bin/tsc");
  const result = await runProgram(process.execPath, [tsc, "-p", "tsconfig.json", "--pretty", "false"], { cwd: ROOT });
  expect(`${result.stdout}${result.stderr}`).toBe("");
  expect(result.code).toBe(0);
});
