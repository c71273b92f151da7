// Whether one type text is assignable to another, asked of the TypeScript checker: the verdict on a
// type change never rests on comparing the texts (two texts can name one type, and one edit can
// widen or narrow). All the pairs of a comparison go into one source file of one in-memory
// project, so the libraries are read and the checker built once per run.
//
// ts-morph (with its TypeScript) loads only when a type text actually changed: loading it is a
// sixth of a cold generation, and most regenerations change no type.
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import { COMPILER_OPTIONS } from "../emit/compile.js";

let loaded: typeof TsMorph | undefined;

/** ts-morph, loaded on first use. */
function tsMorph(): typeof TsMorph {
  loaded ??= createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
  return loaded;
}

export interface TypePair {
  before: string;
  after: string;
}

export interface Assignability {
  /** A value of the old type is assignable to the new one. */
  beforeToAfter: boolean;
  afterToBefore: boolean;
  /** False when the checker could not read one of the texts (then both are false). */
  judged: boolean;
  /**
   * When each is assignable to the other, whether they still differ by optional properties:
   * `{ a: string }` and `{ a: string; b?: number }` are assignable both ways, yet the second lets
   * code read `b` and the first refuses a literal that passes `b`.
   */
  optionalProperties?: "added" | "removed" | "changed";
}

/** "Cannot find name …": a name the ES library alone does not declare (`Blob`), so DOM is needed. */
const CANNOT_FIND_NAME = new Set([2304, 2552, 2580, 2581, 2582, 2583, 2584]);

export function judgeTypes(pairs: readonly TypePair[]): Assignability[] {
  const results: Array<Assignability | undefined> = pairs.map((p) =>
    p.before === p.after ? { beforeToAfter: true, afterToBefore: true, judged: true } : undefined,
  );
  const open = pairs.flatMap((pair, i) => (results[i] ? [] : [{ pair, i }]));
  if (!open.length) return results as Assignability[];
  // The ES library alone costs a third of ES + DOM to load; DOM only when a text needs it.
  const es = judgeBatch(
    open.map((o) => o.pair),
    [COMPILER_OPTIONS.target],
  );
  const judged = es.needsDom
    ? judgeBatch(
        open.map((o) => o.pair),
        [...COMPILER_OPTIONS.lib],
      )
    : es;
  open.forEach((o, k) => (results[o.i] = judged.results[k]));
  return results as Assignability[];
}

function judgeBatch(pairs: readonly TypePair[], lib: string[]): { results: Assignability[]; needsDom: boolean } {
  const { Project, ts } = tsMorph();
  const { options } = ts.convertCompilerOptionsFromJson(
    { target: COMPILER_OPTIONS.target, lib, strict: true, noEmit: true, types: [] },
    "/",
  );
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: options });
  // Each pair on lines of its own, so that a diagnostic's position says which pair it is in.
  const starts: number[] = [];
  let text = "";
  pairs.forEach((pair, i) => {
    starts.push(text.length);
    text += `type B${i} = ${pair.before};\ntype A${i} = ${pair.after};\n`;
  });
  // Every property required, all the way down: types that differ only by optional properties
  // differ here (functions are left whole).
  text += `type Strict<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { [K in keyof T]-?: Strict<T[K]> } : T;\n`;
  const strictStarts: number[] = [];
  pairs.forEach((_, i) => {
    strictStarts.push(text.length);
    text += `type SB${i} = Strict<B${i}>;\ntype SA${i} = Strict<A${i}>;\n`;
  });
  project.createSourceFile("/pairs.ts", text);
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const file = program.getSourceFile("/pairs.ts")!;
  const bad = new Set<number>();
  // A pair whose all-required form the checker refuses (too deep) is judged without it.
  const strictBad = new Set<number>();
  let needsDom = false;
  for (const diagnostic of [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]) {
    if (CANNOT_FIND_NAME.has(diagnostic.code)) needsDom = true;
    const at = diagnostic.start ?? 0;
    if (at < strictStarts[0]!) bad.add(pairAt(starts, at));
    else strictBad.add(pairAt(strictStarts, at));
  }
  // A text that does not parse can swallow the declarations after it: a pair whose two aliases are
  // not both there is not judged either.
  const aliases = new Map<string, TsMorph.ts.Type>();
  for (const statement of file.statements) {
    if (!ts.isTypeAliasDeclaration(statement)) continue;
    const symbol = checker.getSymbolAtLocation(statement.name);
    if (symbol) aliases.set(statement.name.text, checker.getDeclaredTypeOfSymbol(symbol));
  }
  const results = pairs.map((_, i): Assignability => {
    const before = aliases.get(`B${i}`);
    const after = aliases.get(`A${i}`);
    if (bad.has(i) || !before || !after) return { beforeToAfter: false, afterToBefore: false, judged: false };
    const beforeToAfter = checker.isTypeAssignableTo(before, after);
    const afterToBefore = checker.isTypeAssignableTo(after, before);
    if (!beforeToAfter || !afterToBefore) return { beforeToAfter, afterToBefore, judged: true };
    const [strictBefore, strictAfter] = [aliases.get(`SB${i}`), aliases.get(`SA${i}`)];
    if (strictBad.has(i) || !strictBefore || !strictAfter) return { beforeToAfter, afterToBefore, judged: true };
    const strictBeforeToAfter = checker.isTypeAssignableTo(strictBefore, strictAfter);
    const strictAfterToBefore = checker.isTypeAssignableTo(strictAfter, strictBefore);
    if (strictBeforeToAfter && strictAfterToBefore) return { beforeToAfter, afterToBefore, judged: true };
    // All required, the side with more properties is the narrower one.
    const optionalProperties = strictAfterToBefore ? "added" : strictBeforeToAfter ? "removed" : "changed";
    return { beforeToAfter, afterToBefore, judged: true, optionalProperties };
  });
  return { results, needsDom };
}

/** The pair whose text holds an offset. */
function pairAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
