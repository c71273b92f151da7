// A package written into `out` and its own tests run there as its users run them (`vitest run`, with
// this repository's node_modules linked in): the check that an emitted package's tests pass.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { writePackage } from "../../src/write/write-package.js";

const ROOT = resolve(import.meta.dirname, "../..");

export async function runEmittedTests(
  out: string,
  files: ReadonlyMap<string, string>,
): Promise<SpawnSyncReturns<string>> {
  await writePackage(out, files);
  symlinkSync(join(ROOT, "node_modules"), join(out, "node_modules"));
  return spawnSync(process.execPath, [join(ROOT, "node_modules/vitest/vitest.mjs"), "run"], {
    cwd: out,
    encoding: "utf8",
    env: { ...process.env, CI: "true", NO_COLOR: "1" },
  });
}
