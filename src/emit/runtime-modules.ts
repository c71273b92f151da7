// What a package carries: the files something in it can reach, by one rule, following module
// specifiers from where the package is entered. Decided here alone, from the import graph: a hand
// list would drift from the modules' imports.
// - src/: the runtime modules the package's own code reaches (the client's, the index, the mocks',
//   the command line's, the tests'), through the runtime, type-only imports included (the sources
//   must type-check, and `npm run build` compiles them all). A bearer-only API's package then
//   holds no signer (aws-sigv4, hawk, oauth1, …).
// - dist/: what an `import` or `require` of an entry its package.json files name (`exports`,
//   `main`, `types`, `bin`) reaches, each file kind by its own graph: JavaScript by the JavaScript's
//   imports and `require`s, declarations by the declarations'. So the command line, which runs from
//   its ES `bin` and is offered to no `require`, has no CommonJS copy and no declarations; a module
//   only types import (its imports elided from the JavaScript) has its `.d.ts` and no `.js`.
import { dirname, posix } from "node:path";
import { DIST_FORMATS } from "./layout.js";

/**
 * Every module specifier of a module: `import … from`, `export … from`, `import "…"` at the start of
 * a line, `require("…")` and `import("…")` (a dynamic import, or a type in declarations). What one
 * global search for `(?:^|\n)\s*STATEMENT|CALL` finds, in two regular expressions, the module's
 * first character apart: a `^` among the places a match may start kept the engine from skipping
 * ahead to the characters one can start with (a line break, `r`, `i`), and it tried every
 * character. Without it, a package's modules (9 MB for Zoom) are scanned in about half the time.
 */
const STATEMENT = String.raw`(?:import|export)\b(?:[^;"']*?\bfrom\s*)?\s*["']([^"']+)["']`;
const CALL = String.raw`\b(?:require|import)\(\s*["']([^"']+)["']\s*\)`;
const AT_START = new RegExp(String.raw`^\s*${STATEMENT}|${CALL}`, "y");
const AFTER_START = new RegExp(String.raw`\n\s*${STATEMENT}|${CALL}`, "g");

/** The module specifiers in `text`, in order. */
export function specifiersIn(text: string): string[] {
  const found: string[] = [];
  AT_START.lastIndex = 0;
  const first = AT_START.exec(text);
  if (first) found.push((first[1] ?? first[2])!);
  // No match at the first character is no match there without `^` either (a line break there
  // starts a line as well): the search goes on from the next.
  AFTER_START.lastIndex = first ? AT_START.lastIndex : 0;
  for (let match = AFTER_START.exec(text); match; match = AFTER_START.exec(text)) found.push((match[1] ?? match[2])!);
  return found;
}

/**
 * The file a relative specifier of `importer` names: of the importer's own kind, as TypeScript
 * resolves a `.ts` source or a `.d.ts` to its sibling sources or declarations and a runtime a
 * `.js` to the JavaScript. Specifiers name the `.js` a `.ts` compiles to (NodeNext), as every
 * emitted and copied module writes them.
 */
function resolve(importer: string, specifier: string): string {
  const path = posix.join(dirname(importer), specifier);
  if (importer.endsWith(".d.ts")) return path.replace(/\.js$/, ".d.ts");
  if (importer.endsWith(".ts")) return path.replace(/\.js$/, ".ts");
  return path;
}

/** The paths of `files` (path → text) that `entries` are or reach through relative specifiers. */
export function reachedFrom(files: ReadonlyMap<string, string>, entries: Iterable<string>): Set<string> {
  const reached = new Set<string>();
  const visit = (path: string): void => {
    const text = files.get(path);
    if (text === undefined || reached.has(path)) return;
    reached.add(path);
    for (const specifier of specifiersIn(text)) if (specifier.startsWith(".")) visit(resolve(path, specifier));
  };
  for (const entry of entries) visit(entry);
  return reached;
}

/**
 * The entries of `runtime` (path → text, `src/runtime/*.ts`) that the modules of `from` (path →
 * text, the package's other TypeScript files) import, directly or through other runtime modules.
 */
export function reachedRuntime(
  runtime: ReadonlyArray<readonly [string, string]>,
  from: Iterable<readonly [string, string]>,
): Array<[string, string]> {
  const own = [...from];
  const reached = reachedFrom(
    new Map([...runtime, ...own]),
    own.map(([path]) => path),
  );
  return runtime.filter(([path]) => reached.has(path)).map(([path, text]): [string, string] => [path, text]);
}

/** A package.json's fields that name its entry files. */
interface Manifest {
  exports?: unknown;
  main?: unknown;
  types?: unknown;
  bin?: unknown;
}

/** Every string of a package.json field (`exports`' conditions nest), as paths from the package's folder. */
function paths(value: unknown, dir: string): string[] {
  if (typeof value === "string") return [posix.join(dir, value)];
  if (value !== null && typeof value === "object") return Object.values(value).flatMap((v) => paths(v, dir));
  return [];
}

/**
 * The package's entry files: what the `exports`, `main`, `types` and `bin` of each of its
 * package.json files name (the root's, and the subpath folders' for node10 resolvers).
 */
export function packageEntries(files: ReadonlyMap<string, string>): string[] {
  return [...files]
    .filter(([path]) => path === "package.json" || path.endsWith("/package.json"))
    .flatMap(([path, text]) => {
      const manifest = JSON.parse(text) as Manifest;
      const dir = posix.dirname(path);
      return [manifest.exports, manifest.main, manifest.types, manifest.bin].flatMap((field) => paths(field, dir));
    });
}

/** A compiled module's file (JavaScript or declarations, in a format's folder): carried only when reached. */
function compiled(path: string): boolean {
  return /\.(?:js|d\.ts)$/.test(path) && DIST_FORMATS.some((format) => path.startsWith(`${format.dir}/`));
}

/** `files` without the compiled modules no entry of the package reaches (packageEntries). */
export function carriedFiles(files: ReadonlyMap<string, string>): Map<string, string> {
  const reached = reachedFrom(files, packageEntries(files));
  return new Map([...files].filter(([path]) => !compiled(path) || reached.has(path)));
}
