// A package written into `out` and its own tests run there as its users run them (`vitest run`, with
// this repository's node_modules linked in): the check that an emitted package's tests pass. The
// child runs asynchronously, so a file whose tests each run a package's tests can run them side by
// side rather than block its worker on each.
import { symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram } from "./program.js";

const ROOT = resolve(import.meta.dirname, "../..");

export interface EmittedTestsRun {
  /** The child vitest's exit code. */
  status: number | null;
  stdout: string;
  stderr: string;
}

export async function runEmittedTests(out: string, files: ReadonlyMap<string, string>): Promise<EmittedTestsRun> {
  await writePackage(out, files);
  symlinkSync(join(ROOT, "node_modules"), join(out, "node_modules"));
  const { code, stdout, stderr } = await runProgram(
    process.execPath,
    [join(ROOT, "node_modules/vitest/vitest.mjs"), "run"],
    {
      cwd: out,
      env: { ...process.env, CI: "true", NO_COLOR: "1" },
    },
  );
  return { status: code, stdout, stderr };
}
