// Which runtime modules a package holds: those its own code reaches, following imports from every
// other module it has (the client's, the index, the mocks', the command line's, the tests') through
// the runtime, type-only imports included (the sources must type-check). Decided here alone, from
// the import graph: a hand list would drift from the runtime's imports. A bearer-only API's package
// then holds no signer (aws-sigv4, hawk, oauth1, …), in src/ and dist/ alike, as compile.ts builds
// dist/ from the sources kept.
import { dirname, posix } from "node:path";

/** Every static module specifier of a TypeScript module: `import … from`, `export … from`, `import "…"`. */
const SPECIFIER = /(?:^|\n)\s*(?:import|export)\b(?:[^;"']*?\bfrom\s*)?\s*["']([^"']+)["']/g;

/**
 * The entries of `runtime` (path → text, `src/runtime/*.ts`) that the modules of `from` (path →
 * text, the package's other TypeScript files) import, directly or through other runtime modules.
 * Specifiers are relative and name the `.js` a `.ts` compiles to (NodeNext), as every emitted and
 * copied module writes them.
 */
export function reachedRuntime(
  runtime: ReadonlyArray<readonly [string, string]>,
  from: Iterable<readonly [string, string]>,
): Array<[string, string]> {
  const texts = new Map(runtime);
  const reached = new Set<string>();
  const visit = (path: string, text: string): void => {
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1]!;
      if (!specifier.startsWith(".")) continue;
      const target = posix.join(dirname(path), specifier).replace(/\.js$/, ".ts");
      const imported = texts.get(target);
      if (imported === undefined || reached.has(target)) continue;
      reached.add(target);
      visit(target, imported);
    }
  };
  for (const [path, text] of from) visit(path, text);
  return runtime.filter(([path]) => reached.has(path)).map(([path, text]): [string, string] => [path, text]);
}
