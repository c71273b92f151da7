// Each emitted package type-checks under --strict: its sources against ES2022 + DOM only (no Node
// types, so the client runs wherever fetch does), its tests with Node types, its declarations (ES
// modules and CommonJS) as a consumer with skipLibCheck false reads them, and the arguments each
// test case passes (data, in test/cases/) as its method's type takes them. Every file but dist/ is
// exactly what prettier makes of it, although the generator wrote it without prettier.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { CONFIG_FILE, readConfig } from "../src/config.js";
import { formatOnce } from "./helpers/format-once.js";
import { ROOT } from "./helpers/seed.js";
import { createProgram, preEmitDiagnostics } from "./helpers/type-check.js";

const targets = await readConfig(join(ROOT, CONFIG_FILE));

function typeCheck(configPath: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { noEmit: true },
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  expect(config.options.strict).toBe(true);
  const program = createProgram({ rootNames: config.fileNames, options: config.options });
  return preEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

describe.each(targets)("$name", (target) => {
  it("sources type-check with ES2022 and DOM only", () => {
    expect(typeCheck(join(target.out, "tsconfig.json"))).toEqual([]);
  });

  it("tests type-check", () => {
    expect(typeCheck(join(target.out, "test", "tsconfig.json"))).toEqual([]);
  });

  it("declarations type-check as a consumer's checker reads them (skipLibCheck false), each tree in its own format", () => {
    const declarations = readdirSync(join(target.out, "dist"), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith(".d.ts"))
      .map((entry) => join(entry.parentPath, entry.name));
    const program = createProgram({
      rootNames: declarations,
      options: {
        strict: true,
        skipLibCheck: false,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.NodeNext,
        moduleResolution: ts.ModuleResolutionKind.NodeNext,
        lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
        types: [],
      },
    });
    expect(
      preEmitDiagnostics(program).map(
        (d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      ),
    ).toEqual([]);
    // None reaches the platform's declarations (a global script, `declare global`, an ambient
    // module): the consumers' apps check those in one app per TypeScript version only
    // (test/consumers/tsc-batch.ts), which holds while the package cannot change what they say.
    const global = declarations.filter((file) => {
      const source = program.getSourceFile(file)!;
      return (
        !ts.isExternalModule(source) ||
        source.statements.some(
          (statement) =>
            ts.isModuleDeclaration(statement) &&
            ((statement.flags & ts.NodeFlags.GlobalAugmentation) !== 0 || ts.isStringLiteral(statement.name)),
        )
      );
    });
    expect(global, "declarations that declare globals or ambient modules").toEqual([]);
    // Each condition's declarations are read in the format of the JavaScript beside them.
    const formats = new Set(
      declarations.map(
        (file) =>
          `${relative(target.out, file).startsWith("dist/cjs/") ? "cjs" : "esm"}:${program.getSourceFile(file)?.impliedNodeFormat}`,
      ),
    );
    expect([...formats].sort()).toEqual([`cjs:${ts.ModuleKind.CommonJS}`, `esm:${ts.ModuleKind.ESNext}`]);
  });

  const formatted = readdirSync(target.out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|md|json)$/.test(entry.name))
    .map((entry) => relative(target.out, join(entry.parentPath, entry.name)))
    .filter((path) => !path.startsWith("dist") && !path.startsWith("node_modules") && !path.startsWith("."))
    .sort();

  it("passes each operation the arguments its method's type takes, in every test case", () => {
    const casesDir = join(target.out, "test/cases");
    const files = readdirSync(casesDir, { recursive: true, withFileTypes: true }).filter(
      (e) => e.isFile() && e.name.endsWith(".json"),
    );
    const cases = files.flatMap(
      (e) =>
        JSON.parse(readFileSync(join(e.parentPath, e.name), "utf8")) as Array<{
          call: string[];
          args: Record<string, unknown>;
          files?: string[];
        }>,
    );
    expect(cases.length).toBeGreaterThan(0);
    const key = (k: string) => (k === "__proto__" ? `[${JSON.stringify(k)}]` : JSON.stringify(k));
    const args = (c: (typeof cases)[number]) =>
      `{ ${Object.entries(c.args)
        .map(([k, v]) => `${key(k)}: ${c.files?.includes(k) ? `new Blob([${JSON.stringify(v)}])` : JSON.stringify(v)}`)
        .join(", ")} }`;
    const source = [
      'import type { Client } from "../dist/index.js";',
      ...cases.map(
        (c, i) =>
          `export const case${i}: Parameters<Client${c.call.map((k) => `[${JSON.stringify(k)}]`).join("")}>[0] = ${args(c)};`,
      ),
    ].join("\n");
    const file = join(target.out, "test", "cases-type-check.ts");
    const config = ts.getParsedCommandLineOfConfigFile(
      join(target.out, "test", "tsconfig.json"),
      { noEmit: true },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    )!;
    const host = ts.createCompilerHost(config.options);
    const read = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, onError) =>
      name === file ? ts.createSourceFile(name, source, version) : read(name, version, onError);
    const exists = host.fileExists.bind(host);
    host.fileExists = (name) => name === file || exists(name);
    const program = createProgram({ rootNames: [file], options: config.options, host });
    expect(
      preEmitDiagnostics(program).map(
        (d) =>
          `${d.file?.fileName === file ? source.split("\n")[d.file.getLineAndCharacterOfPosition(d.start ?? 0).line] : d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
      ),
    ).toEqual([]);
  });

  it.each(formatted)("%s is formatted as prettier formats the whole file", async (path) => {
    const text = readFileSync(join(target.out, path), "utf8");
    expect(await formatOnce(path, text)).toBe(text);
  });
});
