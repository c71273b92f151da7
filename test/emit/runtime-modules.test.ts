// A package holds the runtime modules its own code reaches, and no other (issue 19): a bearer-only
// API's package has no signer. Checked on what is emitted: every runtime module kept is imported by
// some other module of the package, dist/ and dist/cjs/ hold none that src/ has not (which of them
// each holds, what its entries reach: carried-files.test.ts), and a signer is there exactly when an
// operation signs with it.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { FIXTURES, SEED_COLLECTION } from "../helpers/seed.js";

const scratch = mkdtempSync(join(tmpdir(), "postman-codegen-runtime-modules-"));

async function emitted(collection: string, name: string): Promise<Map<string, string>> {
  return (await emitTarget({ collection, out: join(scratch, name), name })).files;
}

/** The runtime modules under `folder` (`src/runtime/`, `dist/runtime/`, …), by name, for files ending `ext`. */
function modulesIn(files: Map<string, string>, folder: string, ext: string): string[] {
  return [...files.keys()]
    .filter((path) => path.startsWith(folder) && !path.slice(folder.length).includes("/") && path.endsWith(ext))
    .map((path) => path.slice(folder.length, -ext.length))
    .sort();
}

describe("the runtime modules a package holds", () => {
  it("are those its modules import, in src/, and no others in dist/ and dist/cjs/", async () => {
    for (const [collection, name] of [
      [SEED_COLLECTION, "bearer-api"],
      [`${FIXTURES}oauth1-readme.postman_collection.json`, "oauth1-api"],
    ] as const) {
      const files = await emitted(collection, name);
      const modules = modulesIn(files, "src/runtime/", ".ts");
      for (const [folder, ext] of [
        ["dist/runtime/", ".js"],
        ["dist/runtime/", ".d.ts"],
        ["dist/cjs/runtime/", ".js"],
        ["dist/cjs/runtime/", ".d.ts"],
      ] as const) {
        const compiled = modulesIn(files, folder, ext).filter((m) => !m.endsWith(".d"));
        expect(compiled.length, `${name}: ${folder}*${ext}`).toBeGreaterThan(0);
        expect(
          compiled.filter((m) => !modules.includes(m)),
          `${name}: ${folder}*${ext}`,
        ).toEqual([]);
      }
      // Each kept module is imported by another TypeScript file of the package (none is copied for nothing).
      const sources = [...files].filter(([path]) => path.endsWith(".ts") && !path.endsWith(".d.ts"));
      for (const module of modules) {
        const importers = sources.filter(
          ([path, text]) => path !== `src/runtime/${module}.ts` && text.includes(`/${module}.js"`),
        );
        expect(importers.length, `${name}: src/runtime/${module}.ts is imported`).toBeGreaterThan(0);
      }
      // A signer is there when, and only when, an operation signs with it (the OAuth 1.0a fixture does).
      expect(modules.includes("oauth1"), name).toBe(name === "oauth1-api");
      for (const signer of ["aws-sigv4", "digest", "edgegrid", "hawk", "jwt", "oauth2"])
        expect(modules, name).not.toContain(signer);
      // The command line signs as the client does: its data module names the package's own signers.
      expect(files.get("src/cli/commands.ts")!.includes("authorizeOAuth1"), name).toBe(name === "oauth1-api");
    }
  });
});
