// Every emitted file is a vitest file snapshot, and the snapshot files are the committed ones under
// generated/: a change of the generator or of a collection fails here until `npm run generate`
// rewrites generated/, and the change is reviewed as a git diff.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_FILE, readConfig } from "../src/config.js";
import { inputHash } from "../src/cache/fingerprint.js";
import { emitTarget } from "../src/generate.js";
import { MANIFEST_FILE, readManifest, sha256 } from "../src/cache/manifest.js";
import { ROOT } from "./helpers/seed.js";

const targets = await readConfig(join(ROOT, CONFIG_FILE));
const emitted = await Promise.all(targets.map(async (target) => ({ target, ...(await emitTarget(target)) })));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith("node_modules") && path !== MANIFEST_FILE)
    .sort();
}

describe.each(emitted)("$target.name", ({ target, files }) => {
  it("emits exactly the files committed under its output directory", () => {
    expect(filesUnder(target.out)).toEqual([...files.keys()]);
  });

  it.each([...files.keys()])("%s", async (path) => {
    await expect(files.get(path)).toMatchFileSnapshot(join(target.out, path));
  });

  it("has a current manifest, so that `npm run generate` on a clean clone changes nothing", () => {
    const manifest = readManifest(target.out);
    expect(manifest, "no manifest: run npm run generate").toBeDefined();
    expect(
      manifest!.input,
      "the manifest is stale (the generator or the collection changed): run npm run generate",
    ).toBe(inputHash(target, manifest!.version));
    expect(manifest!.files).toEqual(Object.fromEntries([...files].map(([path, text]) => [path, sha256(text)])));
  });

  it("is deterministic: a second run gives the same bytes", async () => {
    const again = (await emitTarget(target)).files;
    expect([...again]).toEqual([...files]);
  });
});
