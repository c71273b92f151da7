// The API diff reads TypeScript (its parser and checker, through ts-morph) by its public API alone:
// an internal (a source file's `parseDiagnostics`) may change or go in any release, which would
// silently change what the diff takes apart. Reading one takes a cast of a TypeScript object to a
// shape of one's own, as TypeScript's declarations have no such member: the checker finds them.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { memberPairs } from "../../src/diff/members.js";
import { ROOT } from "../helpers/seed.js";

/** `file:line: text` of each cast, in `src/diff/`, of a value whose type TypeScript's declarations give. */
function castsOfTypeScriptObjects(): string[] {
  const dir = join(ROOT, "src/diff");
  const files = readdirSync(dir)
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(dir, name));
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: ["node"],
  });
  const checker = program.getTypeChecker();
  const fromTypeScript = (type: ts.Type) =>
    [type.getSymbol(), type.aliasSymbol].some((symbol) =>
      symbol?.declarations?.some((d) => {
        const source = d.getSourceFile();
        // TypeScript's own API, not the ES library's types that come with it (`Array`).
        return (
          !program.isSourceFileDefaultLibrary(source) &&
          /[\\/]node_modules[\\/](typescript|@ts-morph[\\/]common)[\\/]/.test(source.fileName)
        );
      }),
    );
  const found: string[] = [];
  for (const file of files.map((f) => program.getSourceFile(f)!)) {
    const visit = (node: ts.Node): void => {
      if (
        (ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) &&
        fromTypeScript(checker.getTypeAtLocation(node.expression))
      ) {
        const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
        found.push(`${file.fileName.slice(ROOT.length)}:${line + 1}: ${node.getText(file)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return found;
}

describe("the API diff's use of TypeScript", () => {
  it("casts no TypeScript object to read what its declarations do not give (an internal)", () => {
    expect(castsOfTypeScriptObjects()).toEqual([]);
  }, 60_000);

  it("still takes no text apart that does not parse: the parser's recovered tree is not the type", () => {
    for (const broken of [
      "{ a: string; b: }",
      "{ a: string",
      "{ a: number } }",
      "{ a: (x }",
      "string; type U = number",
    ]) {
      expect(memberPairs(broken, "{ a: number }")).toBeUndefined();
      expect(memberPairs("{ a: number }", broken)).toBeUndefined();
    }
    expect(memberPairs("{ a: string; b: number }", "{ a: number }")?.map((p) => p.path)).toEqual(["b", "a"]);
  });
});
