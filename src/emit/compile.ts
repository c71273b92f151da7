// Compiles an emitted package's sources to dist/ (JavaScript + declarations) in memory, with the
// TypeScript that ts-morph bundles. Each file is transpiled on its own: the emitted code annotates
// every export (isolatedDeclarations), so declarations need no type checker, and the type checks
// live in the test suites (every generated package is type-checked there). With `typeCheck`, the
// sources are also checked here, against ES2022 + DOM only, with no Node types.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Project, ts } from "ts-morph";

export const COMPILER_OPTIONS = {
  target: "ES2022",
  lib: ["ES2022", "DOM"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  declaration: true,
  skipLibCheck: true,
  types: [],
  rootDir: "src",
  outDir: "dist",
} as const;

export class CompileError extends Error {
  override readonly name = "CompileError";
}

export interface CompileOptions {
  /** Type-check the sources with the full checker before emitting (slower on big collections). */
  typeCheck?: boolean;
}

let parsed: ts.CompilerOptions | undefined;

function compilerOptions(): ts.CompilerOptions {
  if (!parsed) {
    const { options, errors } = ts.convertCompilerOptionsFromJson(COMPILER_OPTIONS, "/");
    if (errors.length) throw new CompileError(ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n"));
    parsed = { ...options, newLine: ts.NewLineKind.LineFeed };
  }
  return parsed;
}

/**
 * `sources` maps `src/…` paths to text; `emit` names the ones to compile; the result maps `dist/…`
 * paths to text. Output never depends on `typeCheck`: it only adds the check.
 */
export function compile(sources: ReadonlyMap<string, string>, emit: readonly string[], options: CompileOptions = {}): Map<string, string> {
  if (options.typeCheck) typeCheck(sources);
  return transpile(new Map([...sources].filter(([path]) => emit.includes(path))));
}

/**
 * The runtime files are the same in every package: their output is kept for the process, and the
 * build writes it next to this module (PREBUILT_FILE), so that a generation does not spend the
 * ~0.4 s of CPU transpiling them takes. Keyed by a hash of path and text, so a stale file is
 * merely not used.
 */
export const PREBUILT_FILE = "runtime-dist.json";

const transpiled = new Map<string, [string, string]>(readPrebuilt());

function readPrebuilt(): Array<[string, [string, string]]> {
  try {
    return Object.entries(JSON.parse(readFileSync(new URL(`../${PREBUILT_FILE}`, import.meta.url), "utf8")) as Record<string, [string, string]>);
  } catch {
    return [];
  }
}

function transpileKey(path: string, text: string): string {
  return createHash("sha256").update(path).update("\0").update(text).digest("hex");
}

/** The transpiled runtime as the build writes it to PREBUILT_FILE, for `sources` (the runtime's). */
export function prebuilt(sources: ReadonlyMap<string, string>): Record<string, [string, string]> {
  transpile(sources);
  const keys = [...sources].map(([path, text]) => transpileKey(path, text));
  return Object.fromEntries(keys.map((key) => [key, transpiled.get(key)!]));
}

function transpile(sources: ReadonlyMap<string, string>): Map<string, string> {
  // A lone file has no package.json to say it is ESM, so the module kind is given outright.
  const options = () => ({ ...compilerOptions(), module: ts.ModuleKind.ES2022, moduleResolution: ts.ModuleResolutionKind.Bundler });
  const output = new Map<string, string>();
  for (const [path, text] of sources) {
    const key = transpileKey(path, text);
    let result = transpiled.get(key);
    if (!result) {
      const js = ts.transpileModule(text, { compilerOptions: options(), fileName: `/${path}`, reportDiagnostics: true });
      const dts = ts.transpileDeclaration(text, { compilerOptions: { ...options(), isolatedDeclarations: true }, fileName: `/${path}`, reportDiagnostics: true });
      const diagnostics = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
      if (diagnostics.length) {
        throw new CompileError(
          `the emitted ${path} does not compile (a generator bug):\n${diagnostics.slice(0, 10).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n")}`,
        );
      }
      result = [js.outputText, dts.outputText];
      transpiled.set(key, result);
    }
    const out = path.replace(/^src\//, "dist/").replace(/\.ts$/, "");
    output.set(`${out}.js`, result[0]);
    output.set(`${out}.d.ts`, result[1]);
  }
  return output;
}

function typeCheck(sources: ReadonlyMap<string, string>): void {
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: compilerOptions() });
  project.getFileSystem().writeFileSync("/package.json", JSON.stringify({ type: "module" }));
  for (const [path, text] of sources) project.createSourceFile(`/${path}`, text);
  const diagnostics = project.getPreEmitDiagnostics();
  if (diagnostics.length) {
    throw new CompileError(`the emitted client does not compile (a generator bug):\n${project.formatDiagnosticsWithColorAndContext(diagnostics.slice(0, 10))}`);
  }
}
