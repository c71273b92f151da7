// `generate --typecheck` whose emitted client does not compile: a generator bug, said as any other
// failure is (the collection, then the first errors' files and lines and their count), exit 1, no
// stack trace and nothing written. The generator has no collection it emits wrongly, so the test
// runs a copy of the built generator whose runtime source (copied into every package) has a type
// error, as a broken change to the generator would.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runProgram } from "./helpers/program.js";
import { ROOT, SEED_COLLECTION } from "./helpers/seed.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-typecheck-failure-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the generator whose src/runtime/core.ts ends with two type errors; returns its bin. */
function brokenGenerator(): string {
  const root = join(dir, "generator");
  for (const path of ["dist", "src/runtime", "src/testkit", "src/mocks", "src/command-line", "templates"])
    cpSync(join(ROOT, path), join(root, path), { recursive: true });
  for (const file of ["package.json", "postman-codegen.schema.json"]) cpSync(join(ROOT, file), join(root, file));
  symlinkSync(join(ROOT, "node_modules"), join(root, "node_modules"));
  const core = join(root, "src/runtime/core.ts");
  writeFileSync(
    core,
    `${readFileSync(core, "utf8")}export const broken: number = "one";\nexport const alsoBroken: string = 2;\n`,
  );
  return join(root, "dist/bin.js");
}

it("says the emitted client does not compile, where and how often, and exits 1 without a stack trace", async () => {
  const bin = brokenGenerator();
  const collection = join(dir, "seed.postman_collection.json");
  cpSync(SEED_COLLECTION, collection);
  const out = join(dir, "out");
  const lines = readFileSync(join(dir, "generator/src/runtime/core.ts"), "utf8").split("\n").length;
  const result = await runProgram(process.execPath, [bin, "generate", collection, "--out", out, "--typecheck"], {
    cwd: dir,
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toContain(
    `error: seed.postman_collection.json: the emitted client does not compile, a generator bug (nothing was written; please report it with the collection): 2 errors\n` +
      `  src/runtime/core.ts:${lines - 2}:14: TS2322: Type 'string' is not assignable to type 'number'.\n` +
      `  src/runtime/core.ts:${lines - 1}:14: TS2322: Type 'number' is not assignable to type 'string'.\n`,
  );
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stderr).not.toContain("CompileError");
  expect(result.stdout).toBe("");
  expect(existsSync(out)).toBe(false);
}, 120_000);
