// The TypeScript checker (ts-morph and the TypeScript it bundles) is loaded by the API diff only
// when a type text changed: a generation, or a comparison whose types are all the same, never
// loads it. Run in a fresh Node process, where `require.cache` lists every CommonJS module loaded.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";

const SCRIPT = `
import { createRequire } from "node:module";
const require = createRequire(import.meta.url);
const loaded = () => Object.keys(require.cache).some((file) => /[\\\\/]node_modules[\\\\/]ts-morph[\\\\/]/.test(file));
await import("./src/generate.ts");
const { compareSurfaces } = await import("./src/diff/compare.ts");
const { surfaceOf } = await import("./src/diff/surface.ts");
const { loadTarget } = await import("./src/generate.ts");
const before = surfaceOf(await loadTarget({ collection: ${JSON.stringify(SEED_COLLECTION)}, out: "", name: "lazy" }));
const docsOnly = structuredClone(before);
docsOnly.docs = "0000000000000000";
// Both surfaces record the digests of the given variables (\`given\`): the comparison reads those.
docsOnly.given.docs = "0000000000000000";
const afterImport = loaded();
const sameTypes = compareSurfaces(before, docsOnly).verdict;
const afterSameTypes = loaded();
const retyped = structuredClone(before);
retyped.operations[0].args.find((a) => a.arg === "userId").type = "number";
const changedType = compareSurfaces(before, retyped).verdict;
console.log(JSON.stringify({ afterImport, sameTypes, afterSameTypes, changedType, afterChangedType: loaded() }));
`;

describe("the type checker of the API diff", () => {
  it("loads only when a type changed", () => {
    const out = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", SCRIPT], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual({
      afterImport: false,
      sameTypes: "patch",
      afterSameTypes: false,
      changedType: "major",
      afterChangedType: true,
    });
  }, 60_000);
});
