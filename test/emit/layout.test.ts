// The emitted package's layout, from the one definition in src/emit/layout.ts: every path its
// package.json names is a file it has, each `exports` condition pairs JavaScript with declarations
// of the same format, and the ES and CommonJS trees hold the same modules with the same declarations.
import { join } from "node:path";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { SEED_COLLECTION } from "../helpers/seed.js";

const { files } = await emitTarget({
  collection: SEED_COLLECTION,
  out: join(tmpdir(), "postman-codegen-layout"),
  name: "zoom-update-user-status",
});
const pkg = JSON.parse(files.get("package.json")!) as {
  type: string;
  exports: Record<string, Record<string, { types: string; default: string }>>;
  main: string;
  types: string;
  scripts: Record<string, string>;
  bin: Record<string, string>;
};
const file = (path: string) => path.replace(/^\.\//, "");
/** Paths under `dir`/, relative to it. */
const under = (dir: string) =>
  [...files.keys()].filter((path) => path.startsWith(`${dir}/`)).map((path) => path.slice(dir.length + 1));

describe("the emitted package's layout", () => {
  it("has ES modules for import and CommonJS for require, each with declarations beside its JavaScript", () => {
    expect(pkg.type).toBe("module");
    // The client, and the mocks' two entries (src/mocks/emit-mocks.ts).
    expect(Object.keys(pkg.exports)).toEqual([".", "./mocks", "./mocks/msw"]);
    expect(pkg.exports["."]!["import"]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(pkg.exports["."]!["require"]).toEqual({ types: "./dist/cjs/index.d.ts", default: "./dist/cjs/index.js" });
    expect(pkg.exports["./mocks"]!["require"]).toEqual({
      types: "./dist/cjs/mocks/index.d.ts",
      default: "./dist/cjs/mocks/index.js",
    });
    for (const conditions of Object.values(pkg.exports)) {
      expect(Object.keys(conditions)).toEqual(["import", "require"]);
      for (const paths of Object.values(conditions)) {
        // `types` first: TypeScript takes the first condition that matches.
        expect(Object.keys(paths)[0]).toBe("types");
        for (const path of Object.values(paths)) expect(files.has(file(path)), path).toBe(true);
      }
    }
    expect(JSON.parse(files.get("dist/cjs/package.json")!)).toEqual({ type: "commonjs" });
  });

  it("names the CommonJS entry in main and types, for resolvers that do not read exports", () => {
    expect([pkg.main, pkg.types]).toEqual(["./dist/cjs/index.js", "./dist/cjs/index.d.ts"]);
  });

  it("holds in both trees the same modules but the bin's, with the same declarations and JavaScript of each format", () => {
    const esm = under("dist").filter((path) => !path.startsWith("cjs/"));
    const cjs = under("dist/cjs").filter((path) => path !== "package.json");
    expect(esm).toContain("runtime/errors.js");
    // The entries of `import` and `require` are the same modules: only the bin (an ES module, which
    // nothing requires) reaches modules the CommonJS tree leaves out, and as JavaScript alone.
    expect(cjs.filter((path) => !esm.includes(path))).toEqual([]);
    const esmOnly = esm.filter((path) => !cjs.includes(path));
    expect(esmOnly).toContain(Object.values(pkg.bin)[0]!.replace(/^dist\//, ""));
    expect(esmOnly.filter((path) => !path.endsWith(".js"))).toEqual([]);
    for (const path of cjs.filter((p) => p.endsWith(".d.ts")))
      expect(files.get(`dist/cjs/${path}`), path).toBe(files.get(`dist/${path}`));
    for (const path of esm.filter((p) => p.endsWith(".js")))
      expect(files.get(`dist/${path}`), path).not.toMatch(/\brequire\(|^exports\./m);
    for (const path of cjs.filter((p) => p.endsWith(".js")))
      expect(files.get(`dist/cjs/${path}`), path).toMatch(/^"use strict";$/m);
  });

  it("rebuilds both trees with npm run build", () => {
    expect(pkg.scripts["build"]).toBe("tsc -p tsconfig.json && tsc -p tsconfig.cjs.json");
    expect(JSON.parse(files.get("tsconfig.cjs.json")!)).toEqual({
      extends: "./tsconfig.json",
      compilerOptions: { module: "CommonJS", moduleResolution: "Bundler", outDir: "dist/cjs" },
    });
  });
});
