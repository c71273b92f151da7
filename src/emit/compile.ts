// Compiles an emitted package's sources to dist/ (JavaScript in each module format of layout.ts,
// and declarations) in memory, with the TypeScript that ts-morph bundles. Each file is transpiled
// on its own: the emitted code annotates every export (isolatedDeclarations), so declarations need
// no type checker, and the type checks live in the test suites (every generated package is
// type-checked there). With `typeCheck`, the sources are also checked here, against ES2022 + DOM
// only, with no Node types.
//
// The files compiled here are the same in every package (the runtime and the entry module; the
// client's modules are printed in each format by modules.ts), so their output is built with the
// generator (PREBUILT_FILE) and TypeScript is loaded only when something is not there: a run of
// `generate` usually never loads it (~0.3 s saved).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type * as TsMorph from "ts-morph";
import { DIST_FORMATS, distPath, type DistFormat, type ModuleFormat } from "./layout.js";
import { builtFile } from "../paths.js";

type Ts = typeof TsMorph.ts;

let loaded: typeof TsMorph | undefined;

/** ts-morph (and the TypeScript it bundles), loaded on first use. */
function tsMorph(): typeof TsMorph {
  loaded ??= createRequire(import.meta.url)("ts-morph") as typeof TsMorph;
  return loaded;
}

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

/** How many of a failed check's errors its message quotes: the first ones say where to look. */
const QUOTED_DIAGNOSTICS = 3;

export interface CompileOptions {
  /** Type-check the sources with the full checker before emitting (slower on big collections). */
  typeCheck?: boolean;
  /**
   * Sources the type check leaves out: they import an optional peer dependency of the package,
   * which the generator does not have (the mocks' msw entry; this repository's tests check them
   * with msw installed).
   */
  uncheckedSources?: readonly string[];
}

let parsed: TsMorph.ts.CompilerOptions | undefined;

function compilerOptions(): TsMorph.ts.CompilerOptions {
  if (!parsed) {
    const ts: Ts = tsMorph().ts;
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
export function compile(
  sources: ReadonlyMap<string, string>,
  emit: readonly string[],
  options: CompileOptions = {},
): Map<string, string> {
  if (options.typeCheck) typeCheck(new Map([...sources].filter(([path]) => !options.uncheckedSources?.includes(path))));
  return transpile(new Map([...sources].filter(([path]) => emit.includes(path))));
}

/** One source file compiled: its declarations, and its JavaScript in each module format. */
interface Transpiled {
  dts: string;
  js: Record<ModuleFormat, string>;
}

/**
 * The runtime files are the same in every package: their output is kept for the process, and the
 * build writes it into dist/ (PREBUILT_FILE), so that a generation does not spend the
 * ~0.4 s of CPU per format transpiling them takes (nor the time to load TypeScript). Keyed by a hash
 * of path, text and the formats, so a stale file is merely not used. The build also keeps the
 * copied files as prettier formats them with the default options (`formatted`, format.ts).
 */
export const PREBUILT_FILE = builtFile("runtime-dist.json");

interface PrebuiltFile {
  transpiled: Record<string, Transpiled>;
  formatted: Record<string, string>;
}

function readPrebuilt(): PrebuiltFile {
  try {
    const file = JSON.parse(readFileSync(PREBUILT_FILE, "utf8")) as Partial<PrebuiltFile>;
    return { transpiled: file.transpiled ?? {}, formatted: file.formatted ?? {} };
  } catch {
    // Not built (yet): everything is compiled when needed.
    return { transpiled: {}, formatted: {} };
  }
}

// Read when a generation first asks for it, not as the module loads: `diff` loads this module for
// COMPILER_OPTIONS alone (diff/judge-types.ts), and reading and parsing the file's 1.5 MB was ~30 ms
// of CPU of each of its runs.
let prebuiltFile: PrebuiltFile | undefined;
let transpiledMap: Map<string, Transpiled> | undefined;
let formattedMap: Map<string, string> | undefined;

/** The runtime's transpiled files: the build's, then the ones this process transpiled. */
function transpiled(): Map<string, Transpiled> {
  return (transpiledMap ??= new Map(Object.entries((prebuiltFile ??= readPrebuilt()).transpiled)));
}

/** Texts prettier formatted when the generator was built, by FormatCache-style key (format.ts). */
export function prebuiltFormatted(): ReadonlyMap<string, string> {
  return (formattedMap ??= new Map(Object.entries((prebuiltFile ??= readPrebuilt()).formatted)));
}

const FORMATS_KEY = JSON.stringify(DIST_FORMATS);

function transpileKey(path: string, text: string): string {
  return createHash("sha256").update(FORMATS_KEY).update("\0").update(path).update("\0").update(text).digest("hex");
}

/**
 * What the build writes to PREBUILT_FILE: `sources` (the runtime's and the entry module)
 * transpiled, and `formatted` (format.ts: the copied files as prettier formats them).
 */
export function prebuilt(sources: ReadonlyMap<string, string>, formatted: Record<string, string> = {}): PrebuiltFile {
  transpile(sources);
  const keys = [...sources].map(([path, text]) => transpileKey(path, text));
  return { transpiled: Object.fromEntries(keys.map((key) => [key, transpiled().get(key)!])), formatted };
}

let formatOptions: Map<ModuleFormat, TsMorph.ts.CompilerOptions> | undefined;

/** Compiler options per format. A lone file has no package.json to say what it is, so the module kind is given outright. */
function optionsFor(format: DistFormat): TsMorph.ts.CompilerOptions {
  const ts: Ts = tsMorph().ts;
  formatOptions ??= new Map(
    DIST_FORMATS.map((f) => [
      f.format,
      {
        ...compilerOptions(),
        module: ts.convertCompilerOptionsFromJson({ module: f.module }, "/").options.module,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
      },
    ]),
  );
  return formatOptions.get(format.format)!;
}

function transpile(sources: ReadonlyMap<string, string>): Map<string, string> {
  const output = new Map<string, string>();
  for (const [path, text] of sources) {
    const key = transpileKey(path, text);
    let result = transpiled().get(key);
    if (!result) {
      const ts: Ts = tsMorph().ts;
      const fileName = `/${path}`;
      const js = DIST_FORMATS.map((format) =>
        ts.transpileModule(text, { compilerOptions: optionsFor(format), fileName, reportDiagnostics: true }),
      );
      // Declarations do not depend on the module format: the first format's options serve.
      const dts = ts.transpileDeclaration(text, {
        compilerOptions: { ...optionsFor(DIST_FORMATS[0]!), isolatedDeclarations: true },
        fileName,
        reportDiagnostics: true,
      });
      const diagnostics = [...js.flatMap((output) => output.diagnostics ?? []), ...(dts.diagnostics ?? [])];
      if (diagnostics.length) {
        throw new CompileError(
          `the emitted ${path} does not compile (a generator bug):\n${diagnostics
            .slice(0, 10)
            .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))
            .join("\n")}`,
        );
      }
      result = {
        dts: dts.outputText,
        js: Object.fromEntries(DIST_FORMATS.map((format, i) => [format.format, js[i]!.outputText])) as Record<
          ModuleFormat,
          string
        >,
      };
      transpiled().set(key, result);
    }
    for (const format of DIST_FORMATS) {
      const out = distPath(format, path);
      output.set(`${out}.js`, result.js[format.format]);
      output.set(`${out}.d.ts`, result.dts);
    }
  }
  return output;
}

let checking: TsMorph.Project | undefined;

function typeCheck(sources: ReadonlyMap<string, string>): void {
  // One project for the process, emptied after each check: its lib files (ES2022 and DOM, ~0.6 s
  // of CPU to parse and bind) are read once, not once per package (several targets, --watch).
  if (!checking) {
    const { Project } = tsMorph();
    checking = new Project({ useInMemoryFileSystem: true, compilerOptions: compilerOptions() });
    checking.getFileSystem().writeFileSync("/package.json", JSON.stringify({ type: "module" }));
  }
  const project = checking;
  const added = [...sources].map(([path, text]) => project.createSourceFile(`/${path}`, text, { overwrite: true }));
  try {
    checkProject(project);
  } finally {
    for (const file of added) project.removeSourceFile(file);
  }
}

function checkProject(project: TsMorph.Project): void {
  const found = project.getPreEmitDiagnostics();
  if (!found.length) return;
  const ts: Ts = tsMorph().ts;
  // Only the errors the message quotes are placed: a broken runtime gives thousands.
  const quoted = found.slice(0, QUOTED_DIAGNOSTICS).map(({ compilerObject: d }) => {
    const at = d.file && d.start !== undefined ? ts.getLineAndCharacterOfPosition(d.file, d.start) : undefined;
    const place = d.file
      ? `${d.file.fileName.replace(/^\//, "")}:${(at?.line ?? 0) + 1}:${(at?.character ?? 0) + 1}: `
      : "";
    return `\n  ${place}TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, " ")}`;
  });
  const more = found.length - quoted.length;
  throw new CompileError(
    `the emitted client does not compile, a generator bug (nothing was written; please report it with the collection): ` +
      `${found.length} ${found.length === 1 ? "error" : "errors"}${quoted.join("")}` +
      (more ? `\n  and ${more} more` : ""),
  );
}
