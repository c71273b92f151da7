// A package carries no compiled file that nothing can reach (issue 19): each file of dist/ is an
// entry its package.json files name (`exports`, `main`, `types`, `bin`, the subpath folders'
// stubs), or what one reaches, JavaScript by what Node loads from JavaScript and declarations by
// what TypeScript reads from declarations. The expectation is worked out here from the emitted
// entries, with TypeScript's own parser and resolver, not from the emitter's rule: the command
// line, run from its ES `bin` only, has no CommonJS copy and no declarations, and a module only
// types import has declarations and no JavaScript.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, posix } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { FIXTURES, SEED_COLLECTION } from "../helpers/seed.js";

const scratch = mkdtempSync(join(tmpdir(), "postman-codegen-carried-"));

/** Every string a package.json field holds (`exports` nests conditions), as a path from `dir`. */
function named(value: unknown, dir: string): string[] {
  if (typeof value === "string") return [posix.join(dir, value)];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap((v) => named(v, dir));
  return [];
}

/** The entries the package's package.json files name. */
function entries(files: Map<string, string>): string[] {
  return [...files]
    .filter(([path]) => posix.basename(path) === "package.json")
    .flatMap(([path, text]) => {
      const manifest = JSON.parse(text) as Record<string, unknown>;
      return ["exports", "main", "types", "bin"].flatMap((field) => named(manifest[field], posix.dirname(path)));
    });
}

/** The JavaScript files Node loads from `roots`: relative `import`, `export … from`, `require()` and `import()` specifiers, as written. */
function javascriptReached(files: Map<string, string>, roots: string[]): Set<string> {
  const reached = new Set<string>();
  const queue = roots.filter((path) => path.endsWith(".js"));
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (reached.has(path)) continue;
    reached.add(path);
    const text = files.get(path);
    expect(text, `${path} is loaded but not in the package`).toBeDefined();
    for (const { fileName } of ts.preProcessFile(text!, true, true).importedFiles)
      if (fileName.startsWith(".")) queue.push(posix.join(posix.dirname(path), fileName));
  }
  return reached;
}

/** The declaration files TypeScript reads from the `types` roots: a program over the package's files, NodeNext. */
function declarationsReached(files: Map<string, string>, roots: string[]): Set<string> {
  const at = (fileName: string) => posix.relative("/pkg", fileName);
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noEmit: true,
    noLib: true,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  host.fileExists = (fileName) => fileName.startsWith("/pkg/") && files.has(at(fileName));
  host.readFile = (fileName) => (fileName.startsWith("/pkg/") ? files.get(at(fileName)) : undefined);
  host.getSourceFile = (fileName, language) => {
    const text = host.readFile(fileName);
    return text === undefined ? undefined : ts.createSourceFile(fileName, text, language);
  };
  host.directoryExists = (dir) =>
    dir === "/pkg" || [...files.keys()].some((path) => `/pkg/${path}`.startsWith(`${dir}/`));
  host.getCurrentDirectory = () => "/pkg";
  host.realpath = (path) => path;
  const program = ts.createProgram(
    roots.filter((path) => path.endsWith(".d.ts")).map((path) => `/pkg/${path}`),
    options,
    host,
  );
  return new Set(program.getSourceFiles().map((file) => at(file.fileName)));
}

describe("the files a package carries", () => {
  for (const [collection, name] of [
    [SEED_COLLECTION, "bearer-api"],
    [`${FIXTURES}oauth1-readme.postman_collection.json`, "oauth1-api"],
  ] as const) {
    it(`are those its entries reach, and nothing else (${name})`, async () => {
      const { files } = await emitTarget({ collection, out: join(scratch, name), name });
      const roots = entries(files);
      const declarations = declarationsReached(files, roots);
      // The resolver followed the entries' imports (a host it could not read would find the roots alone).
      expect(declarations.size).toBeGreaterThan(roots.filter((path) => path.endsWith(".d.ts")).length);
      const reached = new Set([...javascriptReached(files, roots), ...declarations]);
      const compiled = [...files.keys()].filter((path) => path.startsWith("dist/") && /\.(js|d\.ts)$/.test(path));
      // Nothing missing: every file the entries reach is there (a dropped file would fail to load or resolve).
      for (const path of reached) expect(files.has(path), `${path} is reached`).toBe(true);
      // Nothing extra: every compiled file is reached.
      expect(compiled.filter((path) => !reached.has(path))).toEqual([]);
      expect(compiled.length).toBe(reached.size);
    });
  }
});
