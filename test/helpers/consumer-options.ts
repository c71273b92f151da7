// The compiler options of a strict user project, for tests that type-check an app against an
// emitted package: one definition, so that every such test checks the same way.
import ts from "typescript";

export function strictConsumerOptions(skipLibCheck: boolean): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: [],
    skipLibCheck,
  };
}
