// The templates the build precompiles (src/emit/templates.ts): a generation runs them without
// Handlebars' compiler, and a template edited after the build is compiled from its text, never
// served in the form the build precompiled.
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadedModules } from "../helpers/loaded-modules.js";
import { runProgram } from "../helpers/program.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-templates-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PACKAGE = join(ROOT, "generated/zoom-update-user-status");
const generated = (file: string) => readFileSync(join(PACKAGE, file), "utf8");
const SEED_ARGS = ["--name", "zoom-update-user-status", "--quiet", "--no-cache", "--force"];

/**
 * An output folder holding the committed package, regenerated over (`--force`): its manifest's
 * record of the API, and so the version a generator upgrade's added exports bumped, is the
 * committed one's, as in `npm run generate`, so that the files compare byte for byte.
 */
function committedCopy(name: string): string {
  const out = join(dir, name);
  cpSync(PACKAGE, out, { recursive: true });
  return out;
}

describe("the emitted package's templates", () => {
  it("a generation runs them precompiled: Handlebars' parser and compiler are never loaded", async () => {
    const out = committedCopy("precompiled");
    const result = await loadedModules(["generate", SEED_COLLECTION, "--out", out, ...SEED_ARGS]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.loaded.some((file) => /[\\/]handlebars[\\/]/.test(file))).toBe(true);
    expect(result.loaded.filter((file) => /[\\/]handlebars[\\/].*[\\/]compiler[\\/]/.test(file))).toEqual([]);
    for (const file of ["README.md", "package.json", "tsconfig.json", "test/client.test.ts"])
      expect(readFileSync(join(out, file), "utf8"), file).toBe(generated(file));
  });

  it("a template edited after the build is compiled from its text", async () => {
    // The generator's files as a package ships them, from this build, with one template edited.
    const installed = join(dir, "installed");
    const { files } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { files: string[] };
    for (const path of [...files, "package.json"]) cpSync(join(ROOT, path), join(installed, path), { recursive: true });
    symlinkSync(join(ROOT, "node_modules"), join(installed, "node_modules"), "dir");
    const readme = join(installed, "templates/README.md.hbs");
    const edit = "<!-- edited after the build: {{name}} -->\n";
    writeFileSync(readme, edit + readFileSync(readme, "utf8"));

    const out = committedCopy("edited");
    const result = await runProgram(process.execPath, [
      join(installed, "dist/bin.js"),
      "generate",
      SEED_COLLECTION,
      "--out",
      out,
      ...SEED_ARGS,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(readFileSync(join(out, "README.md"), "utf8")).toBe(
      `<!-- edited after the build: Zoom API: Update user status -->\n${generated("README.md")}`,
    );
    expect(readFileSync(join(out, "package.json"), "utf8")).toBe(generated("package.json"));
  });
});
