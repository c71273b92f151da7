// The compiler options of a strict user project, for tests that type-check an app against an
// emitted package: one definition, so that every such test checks the same way.
import { writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { createProgram, preEmitDiagnostics } from "./type-check.js";

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

/**
 * Type-checks `source` as the `app.ts` of an ES-module app in `root` (beside the package it
 * imports) and returns its errors, a line each (`app.ts:12: message`): none when it type-checks.
 */
export function appTypeErrors(root: string, source: string, options: ts.CompilerOptions): string[] {
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  const file = join(root, "app.ts");
  writeFileSync(file, source);
  const program = createProgram({ rootNames: [file], options });
  return preEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${relative(root, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `
      : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0];
  });
}
