// Compiles an emitted package's sources to dist/ (JavaScript in each module format of layout.ts,
// and declarations) in memory, with the TypeScript that ts-morph bundles. Each file is transpiled
// on its own: the emitted code annotates every export (isolatedDeclarations), so declarations need
// no type checker, and the type checks live in the test suites (every generated package is
// type-checked there). With `typeCheck`, the sources are also checked here, against ES2022 + DOM
// only, with no Node types.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Project, ts } from "ts-morph";
import { DIST_FORMATS, distPath, type DistFormat, type ModuleFormat } from "./layout.js";

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
 * paths to text: JavaScript in each format of DIST_FORMATS, and the declarations (one text, the
 * same under each format's directory; see layout.ts). Output never depends on `typeCheck`: it only
 * adds the check.
 */
export function compile(sources: ReadonlyMap<string, string>, emit: readonly string[], options: CompileOptions = {}): Map<string, string> {
  if (options.typeCheck) typeCheck(sources);
  return transpile(new Map([...sources].filter(([path]) => emit.includes(path))));
}

/** One source file compiled: its declarations, and its JavaScript in each module format. */
interface Transpiled {
  dts: string;
  js: Record<ModuleFormat, string>;
}

/**
 * The runtime files are the same in every package: their output is kept for the process, and the
 * build writes it next to this module (PREBUILT_FILE), so that a generation does not spend the
 * ~0.4 s of CPU per format transpiling them takes. Keyed by a hash of path, text and the formats,
 * so a stale file is merely not used.
 */
export const PREBUILT_FILE = "runtime-dist.json";

const transpiled = new Map<string, Transpiled>(readPrebuilt());

function readPrebuilt(): Array<[string, Transpiled]> {
  try {
    return Object.entries(JSON.parse(readFileSync(new URL(`../${PREBUILT_FILE}`, import.meta.url), "utf8")) as Record<string, Transpiled>);
  } catch {
    return [];
  }
}

const FORMATS_KEY = JSON.stringify(DIST_FORMATS);

function transpileKey(path: string, text: string): string {
  return createHash("sha256").update(FORMATS_KEY).update("\0").update(path).update("\0").update(text).digest("hex");
}

/** The transpiled runtime as the build writes it to PREBUILT_FILE, for `sources` (the runtime's). */
export function prebuilt(sources: ReadonlyMap<string, string>): Record<string, Transpiled> {
  transpile(sources);
  const keys = [...sources].map(([path, text]) => transpileKey(path, text));
  return Object.fromEntries(keys.map((key) => [key, transpiled.get(key)!]));
}

let formatOptions: Map<ModuleFormat, ts.CompilerOptions> | undefined;

/** Compiler options per format. A lone file has no package.json to say what it is, so the module kind is given outright. */
function optionsFor(format: DistFormat): ts.CompilerOptions {
  formatOptions ??= new Map(
    DIST_FORMATS.map((f) => [f.format, { ...compilerOptions(), module: ts.convertCompilerOptionsFromJson({ module: f.module }, "/").options.module, moduleResolution: ts.ModuleResolutionKind.Bundler }]),
  );
  return formatOptions.get(format.format)!;
}

function transpile(sources: ReadonlyMap<string, string>): Map<string, string> {
  const output = new Map<string, string>();
  for (const [path, text] of sources) {
    const key = transpileKey(path, text);
    let result = transpiled.get(key);
    if (!result) {
      const fileName = `/${path}`;
      const js = DIST_FORMATS.map((format) => ts.transpileModule(text, { compilerOptions: optionsFor(format), fileName, reportDiagnostics: true }));
      // Declarations do not depend on the module format: the first format's options serve.
      const dts = ts.transpileDeclaration(text, { compilerOptions: { ...optionsFor(DIST_FORMATS[0]!), isolatedDeclarations: true }, fileName, reportDiagnostics: true });
      const diagnostics = [...js.flatMap((output) => output.diagnostics ?? []), ...(dts.diagnostics ?? [])];
      if (diagnostics.length) {
        throw new CompileError(
          `the emitted ${path} does not compile (a generator bug):\n${diagnostics.slice(0, 10).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n")}`,
        );
      }
      result = { dts: dts.outputText, js: Object.fromEntries(DIST_FORMATS.map((format, i) => [format.format, js[i]!.outputText])) as Record<ModuleFormat, string> };
      transpiled.set(key, result);
    }
    for (const format of DIST_FORMATS) {
      const out = distPath(format, path);
      output.set(`${out}.js`, result.js[format.format]);
      output.set(`${out}.d.ts`, result.dts);
    }
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
