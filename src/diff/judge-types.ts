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

/** ts-morph, loaded on first use (members.ts takes type texts apart with its parser). */
export function tsMorph(): typeof TsMorph {
  loaded ??= createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
  return loaded;
}

export interface TypePair {
  before: string;
  after: string;
  /**
   * How code uses values of the type, when the keys it names matter: `passed` (an argument, whose
   * object literals may write any key the type names or its index signature allows) or `read` (a
   * result, whose keys code reads). Given, the judge also tells the keys one has and not the other
   * (`Assignability.keys`), which assignability does not: an object type with an index signature
   * and one without are assignable both ways, yet only the first takes `x[anyKey]`.
   */
  use?: "passed" | "read";
}

export interface Assignability {
  /** A value of the old type is assignable to the new one. */
  beforeToAfter: boolean;
  afterToBefore: boolean;
  /** False when the checker could not read one of the texts (then both are false). */
  judged: boolean;
  /**
   * When each is assignable to the other, whether they still differ by optional properties or
   * index signatures (at any depth): `{ a: string }` and `{ a: string; b?: number }` are assignable
   * both ways, yet the second lets code read `b` and the first refuses a literal that passes `b`;
   * so are `{ a: string }` and `{ a: string; [key: string]: string }`, of which only the second
   * takes `x["c"]`.
   */
  optionalProperties?: "added" | "removed" | "changed";
  /**
   * With `use`, when the two differ by keys, at any depth: `lost` the old type's that the new one
   * lacks, `gained` the reverse, as paths (`meta.total`, `items[].id`, `meta[key: string]` for an
   * index signature). A key is there when the other side names it or has an index signature in its
   * place; where a type is `unknown`, a passed value takes any key and code reads none.
   */
  keys?: { lost: string[]; gained: string[] };
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

/**
 * One in-memory project per library set, kept for the process: a comparison's files replace the
 * last one's, and the program made over them reuses the libraries' parsed files, which are most of
 * its cost (a config of several targets, `diff`, and the tests judge many times in one process).
 */
const PROJECTS = new Map<string, TsMorph.Project>();

function projectFor(lib: string[]): TsMorph.Project {
  const key = lib.join(",");
  let project = PROJECTS.get(key);
  if (!project) {
    const { Project, ts } = tsMorph();
    const { options } = ts.convertCompilerOptionsFromJson(
      { target: COMPILER_OPTIONS.target, lib, strict: true, noEmit: true, types: [] },
      "/",
    );
    PROJECTS.set(key, (project = new Project({ useInMemoryFileSystem: true, compilerOptions: options })));
  }
  return project;
}

function judgeBatch(pairs: readonly TypePair[], lib: string[]): { results: Assignability[]; needsDom: boolean } {
  const { ts } = tsMorph();
  const project = projectFor(lib);
  // Each pair on lines of its own, so that a diagnostic's position says which pair it is in.
  const starts: number[] = [];
  let text = "";
  pairs.forEach((pair, i) => {
    starts.push(text.length);
    text += `type B${i} = ${pair.before};\ntype A${i} = ${pair.after};\n`;
  });
  // Every property required and every index signature a property of its own, all the way down:
  // types that differ only by optional properties or index signatures differ here (functions are
  // left whole, arrays stay arrays).
  text += STRICT;
  const strictStarts: number[] = [];
  pairs.forEach((_, i) => {
    strictStarts.push(text.length);
    text += `type SB${i} = Strict<B${i}>;\ntype SA${i} = Strict<A${i}>;\n`;
  });
  project.createSourceFile("/pairs.ts", text + KEY_PATHS + NARROWED_BY_KEYS, { overwrite: true });
  // The keys one type has and not the other, in a file of their own whose diagnostics are never
  // asked for: the checker works them out only for the pairs that need them.
  let keysText = "";
  pairs.forEach((pair, i) => {
    if (!pair.use) return;
    keysText += `type KB${i} = KeyPaths<B${i}, "${pair.use}">;\ntype KA${i} = KeyPaths<A${i}, "${pair.use}">;\n`;
    keysText += `type LK${i} = Exclude<KB${i}, KA${i}>;\ntype GK${i} = Exclude<KA${i}, KB${i}>;\n`;
  });
  project.createSourceFile("/keys.ts", keysText, { overwrite: true });
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
  const aliases = new Map<string, TsMorph.ts.TypeAliasDeclaration>();
  for (const source of [file, program.getSourceFile("/keys.ts")!])
    for (const statement of source.statements)
      if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
  const typeOf = (name: string): TsMorph.ts.Type | undefined => {
    const declaration = aliases.get(name);
    const symbol = declaration && checker.getSymbolAtLocation(declaration.name);
    return symbol && checker.getDeclaredTypeOfSymbol(symbol);
  };
  const unjudged: Assignability = { beforeToAfter: false, afterToBefore: false, judged: false };
  const results = pairs.map((pair, i): Assignability => {
    const before = typeOf(`B${i}`);
    const after = typeOf(`A${i}`);
    if (bad.has(i) || !before || !after) return unjudged;
    const beforeToAfter = checker.isTypeAssignableTo(before, after);
    const afterToBefore = checker.isTypeAssignableTo(after, before);
    const [strictBefore, strictAfter] = [typeOf(`SB${i}`), typeOf(`SA${i}`)];
    let optionalProperties: Assignability["optionalProperties"];
    if (beforeToAfter && afterToBefore && !strictBad.has(i) && strictBefore && strictAfter) {
      const strictBeforeToAfter = checker.isTypeAssignableTo(strictBefore, strictAfter);
      const strictAfterToBefore = checker.isTypeAssignableTo(strictAfter, strictBefore);
      // Alike all required, with their index signatures as properties: they have the same keys.
      if (strictBeforeToAfter && strictAfterToBefore) return { beforeToAfter, afterToBefore, judged: true };
      // All required, the side with more properties is the narrower one.
      optionalProperties = strictAfterToBefore ? "added" : strictBeforeToAfter ? "removed" : "changed";
    }
    const judged: Assignability = {
      beforeToAfter,
      afterToBefore,
      judged: true,
      ...(optionalProperties ? { optionalProperties } : {}),
    };
    if (!pair.use) return judged;
    // Keys that cannot be told (a type too deep for the checker, which makes them `unknown` or
    // `any`, never paths) leave the pair unjudged: a key lost must never pass for none.
    const keyPaths = [typeOf(`KB${i}`), typeOf(`KA${i}`)];
    if (keyPaths.some((type) => !type || type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown))) return unjudged;
    const [lost, gained] = [typeOf(`LK${i}`), typeOf(`GK${i}`)];
    if (!lost || !gained) return unjudged;
    const keys = { lost: paths(checker, lost), gained: paths(checker, gained) };
    return keys.lost.length || keys.gained.length ? { ...judged, keys } : judged;
  });
  return { results, needsDom };
}

/**
 * `Strict<T>`: every property of `T` required and every string index signature a property under
 * a symbol of its own, at any depth. Two types alike in this form have the same keys.
 */
const STRICT = `declare const INDEX: unique symbol;
type Strict<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? { [K in keyof T]-?: Strict<T[K]> }
    : T extends object
      ? { [K in keyof T as string extends K ? typeof INDEX : K]-?: Strict<T[K]> }
      : T;
`;

/**
 * Every key of a type, at any depth, as a path: `.meta`, `.meta.total`, `.items[].id`, and
 * `` `.meta.${string}` `` where an index signature takes any key (so that it covers each named key
 * in its place). Where a type is `unknown` (or `any`), a passed value may hold anything: every path
 * below is there; code reads none. Functions have no keys here. A type deeper than the checker
 * instantiates (some 20 levels; the emitter's types from examples stop at 13) makes it `unknown`.
 */
const KEY_PATHS = `type KeyPaths<T, U, P extends string = ""> = unknown extends T
  ? U extends "passed" ? \`\${P}.\${string}\` | \`\${P}[]\${string}\` : never
  : T extends (...args: never[]) => unknown
    ? never
    : T extends readonly (infer E)[]
      ? KeyPaths<E, U, \`\${P}[]\`>
      : T extends object
        ? {
            [K in keyof T]-?: K extends string | number ? \`\${P}.\${K}\` | KeyPaths<T[K], U, \`\${P}.\${K}\`> : never;
          }[keyof T]
        : never;
`;

/**
 * A read type as code that tells its object members apart by a key sees it (`"name" in result`):
 * for each key of any member, the members that branch narrows to (`in`: those that have the key)
 * and the others narrow to (`out`: those where it is not required), as TypeScript narrows them.
 * Two types alike member by member can still differ here: a key one member gains that another has
 * moves that member into the other's branch, where code reads the other's type.
 */
export function narrowedByKeys(type: string): string {
  return `$NarrowedByKeys<${type}>`;
}

const NARROWED_BY_KEYS = `type $Objects<T> = Exclude<Extract<T, object>, readonly unknown[] | ((...args: never[]) => unknown)>;
type $RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];
type $Branches<O> = {
  [K in O extends unknown ? keyof O : never]: {
    in: O extends unknown ? (K extends keyof O ? O : never) : never;
    out: O extends unknown ? (K extends $RequiredKeys<O> ? never : O) : never;
  };
};
type $NarrowedByKeys<T> = $Branches<$Objects<T>>;
`;

/** The paths of a union of KeyPaths, as text, sorted: `meta.total`, `meta[key: string]`. */
function paths(checker: TsMorph.ts.TypeChecker, type: TsMorph.ts.Type): string[] {
  const { ts } = tsMorph();
  const members = type.isUnion() ? type.types : type.flags & ts.TypeFlags.Never ? [] : [type];
  return members
    .map((member) => {
      if (member.isStringLiteral()) return member.value;
      const text = checker.typeToString(member, undefined, ts.TypeFormatFlags.NoTruncation);
      return text.replace(/^`|`$/g, "").replaceAll(".${string}", "[key: string]").replaceAll("${string}", "*");
    })
    .map((path) => path.replace(/^\./, ""))
    .sort();
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
