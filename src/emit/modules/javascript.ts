import { GENERATED_HEADER } from "../client.js";
import { DIST_FORMATS, type ModuleFormat } from "../layout.js";
import { stringLiteral } from "../literals.js";
import { printFlatModule } from "../printer/flat.js";
import { importSpecifier, topLevel, type Expr, type Statement } from "../printer/typescript.js";

/**
 * The JavaScript of a module is printed once with nothing exported, and each module format wraps it
 * in its own imports and exports. The CommonJS body runs in strict mode, as an ES module does.
 */
export function javascript(
  { imports, body, defaultExport }: { imports: Statement[]; body: Statement[]; defaultExport?: Expr },
  reexports: string[],
): Record<ModuleFormat, string> {
  // The names are collected as the statements are printed (the lazy ones are made then).
  const exported: string[] = [];
  const local = function* (): Generator<Statement> {
    for (const s of topLevel(body)) {
      if (!("exported" in s)) yield s;
      else {
        if (s.exported && (s.kind === "const" || s.kind === "function")) exported.push(s.name);
        yield { ...s, exported: false };
      }
    }
  };
  const text = printFlatModule(local());
  const defaultText = defaultExport
    ? printFlatModule([{ kind: "expression", expression: defaultExport }]).replace(/;\n$/, "")
    : undefined;
  const importLines = imports.flatMap((s) => {
    if (s.kind !== "import") return [];
    const values = s.names.filter((n) => !n.typeOnly);
    return [
      {
        // The ES form (`name as local`) and the CommonJS destructuring's (`name: local`).
        names: values.map((n) => importSpecifier(n)),
        bindings: values.map((n) => importSpecifier(n, ": ")),
        defaultName: s.defaultName,
        from: s.from,
      },
    ];
  });
  const wrap: Record<ModuleFormat, () => string[]> = {
    esm: () => [
      ...importLines.map(
        ({ names, defaultName, from }) =>
          `import ${[defaultName, names.length ? `{ ${names.join(", ")} }` : undefined].filter(Boolean).join(", ")} from ${stringLiteral(from)};`,
      ),
      ...reexports.map((from) => `export * from ${stringLiteral(from)};`),
      text.trimEnd(),
      ...(exported.length ? [`export {\n${exported.map((name) => `  ${name},\n`).join("")}};`] : []),
      ...(defaultText !== undefined ? [`export default ${defaultText};`] : []),
    ],
    cjs: () => [
      '"use strict";',
      ...importLines.flatMap(({ bindings, defaultName, from }) => [
        ...(bindings.length ? [`const { ${bindings.join(", ")} } = require(${stringLiteral(from)});`] : []),
        ...(defaultName ? [`const ${defaultName} = require(${stringLiteral(from)}).default;`] : []),
      ]),
      text.trimEnd(),
      ...exported.map((name) => `exports.${name} = ${name};`),
      ...(defaultText !== undefined ? [`exports.default = ${defaultText};`] : []),
      // `export *` of each folder's module: its named exports, not its default.
      ...reexports.map(
        (from) =>
          `for (const [name, value] of Object.entries(require(${stringLiteral(from)}))) if (name !== "default") exports[name] = value;`,
      ),
    ],
  };
  return Object.fromEntries(
    // Joined as printModule's text is (one string, not a rope); `wrap` always has the body's line.
    DIST_FORMATS.map(({ format }) => [format, [GENERATED_HEADER, ...wrap[format](), ""].join("\n")]),
  ) as Record<ModuleFormat, string>;
}
