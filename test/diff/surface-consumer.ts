// A consumer of an emitted package's whole public surface, written mechanically from the package
// itself (its declarations, read with the TypeScript checker, and the surface its manifest records):
// the code an app that compiled against that package may hold. edits-fuzz.test.ts type-checks it
// against the package a regeneration makes: a diff that calls the regeneration safe (not major)
// must leave it compiling.
//
// What it writes, with the old package's own types (`Old.…`, from `./old`) and the package under
// test (`PKG`, the old one or the new one):
// - every exported name imported by name (a type as a type);
// - for each operation, through the client and its standalone function: a call with a value of the
//   old argument type, and with an object literal that writes every key of it, at any depth (a key
//   the new type lacks is refused in a literal, not in a value); its result assigned to the old
//   result type, and every key of the old result read, at any depth (a key gone, even an optional
//   one or an index signature, no longer reads), a union's members told apart first as an app
//   tells them (`Array.isArray`, `typeof`, `key in`), so that one member's change is read where
//   code reads it; each documented error status and code compared after `isErrorOf`, as
//   docs/emitted-package.md shows; its rate-limit label compared, and read as a `RateLimitLabel`;
// - the variables passed to `createClient`, as a value and as a literal; each environment chosen by
//   name, its data read;
// - each argument type, `EnvironmentName` and `RateLimitLabel` given an old value, each result type
//   and shared shape assigned to the old one, by name. Not the `…Error` types: a status documented
//   anew is minor, as a new member of an enum is (an exhaustive `switch` over it breaks);
// - apart (`mocks`), an app's tests with the package's mocks (docs/mocks.md): a mock fetch, for each
//   environment too, and each operation's overrides, an error and each documented success status
//   with a body of the old type, which a result refined may refuse (the diff says so of it).
import ts from "typescript";
import type { Surface } from "../../src/diff/surface.js";
import { strictConsumerOptions } from "../helpers/consumer-options.js";
import { createProgram } from "../helpers/type-check.js";

/** A key no collection here writes: reading or writing it needs an index signature. */
const ANY_KEY = "zz_any_key";
/** How deep literals and reads go into a type. */
const DEPTH = 4;

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const str = (s: string) => JSON.stringify(s);

/**
 * The consumer's source, `PKG` standing for the package under test's directory (relative to the
 * consumer: `./old` or `./new`); `oldDir` is the package it is written for, whose types (`Old`)
 * it imports from `from` (`./old`).
 */
export function consumerOf(oldDir: string, surface: Surface, from = "./old"): { app: string; mocks: string } {
  const index = `${oldDir}/dist/index.d.ts`;
  const program = createProgram({ rootNames: [index], options: strictConsumerOptions(true) });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  const exports = new Map(checker.getExportsOfModule(module).map((s) => [s.name, s]));
  const resolved = (s: ts.Symbol) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const isValue = (s: ts.Symbol) => Boolean(resolved(s).flags & ts.SymbolFlags.Value);
  const typeOf = (name: string) => {
    const s = exports.get(name);
    return s && checker.getDeclaredTypeOfSymbol(resolved(s));
  };

  const lines: string[] = [];
  // The mocks' consumer: an app's tests, with overrides typed by the operation (docs/mocks.md).
  const mocks: string[] = [
    `import type * as Old from "${from}/dist/index.js";`,
    `import * as P from "PKG/dist/index.js";`,
    `import * as M from "PKG/dist/mocks/index.js";`,
    `const mock = M.createMockFetch();`,
    `P.createClient({ fetch: mock });`,
    `export const calls: string | undefined = mock.calls[0]?.operation?.name;`,
  ];
  /**
   * An operation's overrides: an error, each documented success status alone, and with a body of
   * the old type (which the new type may refuse where a result was refined: the diff says so).
   */
  const mockUses = (name: string, responses: ts.Type | undefined): string[] => [
    `mock.use(P.${name}Operation, { status: 500, body: { message: "down" } });`,
    `mock.once(P.${name}Operation, { delay: 10 });`,
    ...(responses ? checker.getPropertiesOfType(responses) : []).flatMap((p) => [
      `mock.use(P.${name}Operation, { status: ${p.name} });`,
      `declare const body${n}: Old.${upperFirst(name)}Responses[${p.name}];`,
      `mock.once(P.${name}Operation, { status: ${p.name}, body: body${n++} });`,
    ]),
  ];
  const names = [...exports.keys()].sort();
  lines.push(
    `import type * as Old from "${from}/dist/index.js";`,
    `import * as P from "PKG/dist/index.js";`,
    `import { ${names.map((n) => (isValue(exports.get(n)!) ? n : `type ${n}`)).join(", ")} } from "PKG/dist/index.js";`,
    // A union's members as code narrows to them: its objects, those of them that have a key (as
    // `key in value` narrows), those that may lack it (its `else`), its arrays' items.
    `type $Objects<T> = Exclude<Extract<NonNullable<T>, object>, readonly unknown[]>;`,
    `type $In<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T : never) : never;`,
    `type $RequiredKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? never : K }[keyof T];`,
    `type $Out<T, K extends PropertyKey> = T extends unknown ? (K extends $RequiredKeys<T> ? never : T) : never;`,
    `type $Items<T> = Extract<NonNullable<T>, readonly unknown[]>[number];`,
    `const c = P.createClient();`,
    `const base = P.createBaseClient();`,
  );

  let n = 0;
  /**
   * The members of the union of `types`, without `null` and `undefined`; none where one is
   * `unknown` (or `any`), which the union is then (an empty example list's items among others'):
   * code reads no key of it.
   */
  const membersOf = (types: readonly ts.Type[]): ts.Type[] =>
    types.some((t) => t.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any))
      ? []
      : [
          ...new Set(
            types.flatMap((type) => {
              const t = checker.getNonNullableType(type);
              return t.isUnion() ? t.types : t.flags & ts.TypeFlags.Never ? [] : [t];
            }),
          ),
        ];
  const hasStringIndex = (t: ts.Type) =>
    checker.getIndexInfosOfType(t).some((i) => i.keyType.flags & ts.TypeFlags.String);
  /**
   * Reads every key of `type` (the old `typeText`'s, which may stand for the union of `types`) from
   * `expr`, at any depth. A union with objects or arrays among its members is narrowed first, as
   * an app tells them apart: `Array.isArray`, then `typeof … === "object"` and a key `in` it, each
   * key read where the members that have it are narrowed to (`$In`), so that one member's change
   * is seen where code reads it.
   */
  const read = (expr: string, typeText: string, type: ts.Type | readonly ts.Type[], depth: number): void => {
    if (depth >= DEPTH) return;
    const members = membersOf(Array.isArray(type) ? type : [type as ts.Type]);
    const arrays = members.filter((m) => checker.isArrayType(m));
    const objects = members.filter(isData);
    if (members.length > 1) return readUnion(expr, typeText, arrays, objects, depth);
    const t = members[0];
    if (!t) return;
    if (checker.isArrayType(t)) {
      const item = checker.getTypeArguments(t as ts.TypeReference)[0]!;
      const itemText = `NonNullable<${typeText}>[number]`;
      lines.push(`  const v${n++}: ${itemText} | undefined = ${expr}?.[0];`);
      read(`${expr}?.[0]`, itemText, item, depth + 1);
      return;
    }
    if (!isData(t)) return;
    for (const p of checker.getPropertiesOfType(t)) {
      const childText = `NonNullable<${typeText}>[${str(p.name)}]`;
      const child = `${expr}?.[${str(p.name)}]`;
      lines.push(`  const v${n++}: ${childText} | undefined = ${child};`);
      read(child, childText, checker.getTypeOfSymbol(p), depth + 1);
    }
    if (hasStringIndex(t))
      lines.push(`  const v${n++}: NonNullable<${typeText}>[string] | undefined = ${expr}?.[${str(ANY_KEY)}];`);
  };

  const readUnion = (
    expr: string,
    typeText: string,
    arrays: readonly ts.Type[],
    objects: readonly ts.Type[],
    depth: number,
  ): void => {
    if (!arrays.length && !objects.length) return;
    const u = `x${n++}`;
    lines.push(`  {`, `  const ${u} = ${expr};`);
    if (arrays.length) {
      const itemText = `$Items<${typeText}>`;
      lines.push(`  if (Array.isArray(${u})) {`, `  const v${n++}: ${itemText} | undefined = ${u}[0];`);
      read(
        `${u}[0]`,
        itemText,
        arrays.map((a) => checker.getTypeArguments(a as ts.TypeReference)[0]!),
        depth + 1,
      );
      lines.push(`  }`);
    }
    if (objects.length) {
      lines.push(`  if (typeof ${u} === "object" && ${u} !== null && !Array.isArray(${u})) {`);
      const keys = [...new Set(objects.flatMap((o) => checker.getPropertiesOfType(o).map((p) => p.name)))];
      if (objects.some(hasStringIndex)) keys.push(ANY_KEY);
      for (const key of keys) {
        const childText = `$In<$Objects<${typeText}>, ${str(key)}>[${str(key)}]`;
        const child = `${u}[${str(key)}]`;
        const types = objects.flatMap((o) => {
          const p = checker.getPropertyOfType(o, key);
          const index = checker.getIndexInfosOfType(o).find((i) => i.keyType.flags & ts.TypeFlags.String);
          return p ? [checker.getTypeOfSymbol(p)] : index ? [index.type] : [];
        });
        lines.push(`  if (${str(key)} in ${u}) {`, `  const v${n++}: ${childText} | undefined = ${child};`);
        read(child, childText, types, depth + 1);
        // Its `else`: the members where the key is not required, each key they all have read
        // there, as an app reads the other status's result (`if ("error" in r) … else r.data`).
        const out = objects.filter((o) => {
          const p = checker.getPropertyOfType(o, key);
          return !p || p.flags & ts.SymbolFlags.Optional;
        });
        const shared = out.length
          ? checker.getPropertiesOfType(out[0]!).filter((p) => out.every((o) => checker.getPropertyOfType(o, p.name)))
          : [];
        if (shared.length) lines.push(`  } else {`);
        for (const p of shared) {
          const outText = `$Out<$Objects<${typeText}>, ${str(key)}>[${str(p.name)}]`;
          const outChild = `${u}[${str(p.name)}]`;
          lines.push(`  const v${n++}: ${outText} | undefined = ${outChild};`);
          read(
            outChild,
            outText,
            out.map((o) => checker.getTypeOfSymbol(checker.getPropertyOfType(o, p.name)!)),
            depth + 1,
          );
        }
        lines.push(`  }`);
      }
      lines.push(`  }`);
    }
    lines.push(`  }`);
  };

  /** An object literal (at any depth) that writes every key of `type`, its leaves read from `expr`. */
  const literal = (expr: string, type: ts.Type, depth: number): string => {
    const t = checker.getNonNullableType(type);
    if (depth >= DEPTH) return expr;
    if (checker.isArrayType(t)) {
      const item = checker.getTypeArguments(t as ts.TypeReference)[0]!;
      return isData(checker.getNonNullableType(item)) ? `[${literal(`${expr}![0]`, item, depth + 1)}]` : expr;
    }
    if (!isData(t)) return expr;
    const parts = checker
      .getPropertiesOfType(t)
      .map((p) => `${str(p.name)}: ${literal(`${expr}![${str(p.name)}]`, checker.getTypeOfSymbol(p), depth + 1)}`);
    if (checker.getIndexInfosOfType(t).some((i) => i.keyType.flags & ts.TypeFlags.String))
      parts.push(`${str(ANY_KEY)}: ${expr}![${str(ANY_KEY)}]`);
    // `{}` (NonNullable<unknown>) takes any value: the value itself, not an empty literal.
    return parts.length ? `{ ${parts.join(", ")} }` : expr;
  };

  /**
   * An object type of JSON's (an interface, a type literal, a `Record`), not a union, a function or
   * a class or an interface of the lib's (`Blob`).
   */
  const isData = (t: ts.Type): boolean =>
    Boolean(t.flags & ts.TypeFlags.Object) &&
    !t.getCallSignatures().length &&
    !t.getConstructSignatures().length &&
    !checker.isTupleType(t) &&
    !(
      t.symbol &&
      t.symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface) &&
      (t.symbol.declarations ?? []).some((d) => d.getSourceFile().fileName.includes("/node_modules/"))
    );

  for (const [i, op] of surface.operations.entries()) {
    const Name = upperFirst(op.export);
    const method = `c${op.op.slice("client".length)}`;
    const args = typeOf(`${Name}Args`);
    const result = typeOf(`${Name}Result`);
    if (args) lines.push(`declare const a${i}: Old.${Name}Args;`);
    const a = args ? `a${i}` : "";
    lines.push(`export async function op${i}(): Promise<void> {`);
    const resultType = result ? `Old.${Name}Result` : "unknown";
    lines.push(`  const r${i}: ${resultType} = await ${method}(${a});`);
    lines.push(`  const s${i}: ${resultType} = await P.${op.export}(base${args ? `, ${a}` : ""});`);
    if (result) read(`r${i}`, resultType, result, 0);
    // Each status's result, as `withResponse()` code reads it once it knows the status.
    const responses = typeOf(`${Name}Responses`);
    if (responses) {
      lines.push(`  const q${i} = undefined as unknown as P.${Name}Responses;`);
      read(`q${i}`, `Old.${Name}Responses`, responses, 0);
    }
    if (args) lines.push(`  await ${method}(${literal(a, args, 0)});`);
    const errors = op.errors.flatMap((e) => [
      `e.status === ${e.status}`,
      ...e.codes.map((x) => `e.status === ${e.status} && e.code === ${JSON.stringify(x)}`),
    ]);
    if (errors.length) {
      lines.push(`  try { await ${method}(${a}); } catch (e) {`);
      lines.push(`    if (P.isErrorOf(P.${op.export}Operation, e)) {`);
      for (const test of errors) lines.push(`      if (${test}) void e;`);
      lines.push(`    }`, `  }`);
    }
    // Its rate-limit label, as code that picks a budget by it compares it.
    const spec = exports.get(`${op.export}Operation`);
    const label = spec && checker.getTypeOfSymbol(resolved(spec)).getProperty("rateLimit");
    const labelType = label && checker.getTypeOfSymbol(label);
    if (labelType?.isStringLiteral())
      lines.push(
        `  if (P.${op.export}Operation.rateLimit === ${str(labelType.value)}) void 0;`,
        `  const l${n++}: Old.RateLimitLabel = P.${op.export}Operation.rateLimit;`,
      );
    lines.push(`}`);
    mocks.push(...mockUses(op.export, responses));
  }
  // The named types an app writes in its own code: the ones it passes (arguments) taken as the new
  // ones, the ones it reads (results, shared shapes) given from the new ones.
  for (const name of names) {
    const s = resolved(exports.get(name)!);
    const declaration = s.declarations?.[0];
    if (!declaration || isValue(exports.get(name)!)) continue;
    const file = declaration.getSourceFile().fileName;
    if (!/\/dist\/(client|shapes|resources\/[^/]+)\.d\.ts$/.test(file)) continue;
    if (
      (ts.isInterfaceDeclaration(declaration) || ts.isTypeAliasDeclaration(declaration)) &&
      declaration.typeParameters
    )
      continue;
    // The names an app passes (`createClient({ environment })`, a label it keys budgets by).
    if (/Args$/.test(name) || name === "EnvironmentName" || name === "RateLimitLabel")
      lines.push(`declare const t${n}: Old.${name};`, `export const u${n++}: P.${name} = t${n - 1};`);
    else if (/(Result|Responses)$/.test(name) || file.endsWith("/shapes.d.ts"))
      lines.push(`declare const t${n}: P.${name};`, `export const u${n++}: Old.${name} = t${n - 1};`);
  }
  if (surface.variables.length) {
    lines.push(`declare const vars: Old.Variables;`);
    // A value of the old type where the new one is declared: what an app's own settings module writes.
    lines.push(`export const ownVars: P.Variables = vars;`);
    lines.push(`P.createClient({ variables: vars });`);
    lines.push(
      `P.createClient({ variables: { ${surface.variables.map((k) => `${str(k)}: vars[${str(k)}]`).join(", ")} } });`,
    );
  }
  // Each environment by name, as an app chooses one, reads its data and gives it to a mock.
  const environment = typeOf("EnvironmentName");
  const environments = environment ? membersOf([environment]).filter((t) => t.isStringLiteral()) : [];
  for (const name of environments.map((t) => str((t as ts.StringLiteralType).value))) {
    lines.push(`P.createClient({ environment: ${name} });`);
    lines.push(`export const env${n++}: string | undefined = P.environments[${name}].values["region"];`);
    mocks.push(`M.createMockFetch({ environment: ${name} });`);
  }
  return { app: `${lines.join("\n")}\n`, mocks: `${mocks.join("\n")}\n` };
}
