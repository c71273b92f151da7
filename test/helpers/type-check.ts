// Programs for the tests' type checks (emitted packages, consumer apps). The files under
// node_modules (TypeScript's lib files, @types/node, vitest's declarations) do not change while the
// tests run, so a worker parses and binds each of them once and every program it makes shares
// them, in this test file and the next ones, as an editor's language service shares them between
// projects. In a file that checks many packages (corpus, hostile, fuzz) that is most of the time
// of each check after the first; in a file that checks one app, it was most of its check.
import { createHash } from "node:crypto";
import { existsSync, writeFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import ts from "typescript";
import { TYPE_CHECKED_DIR } from "./type-checked-dir.js";

/**
 * The shared files, by key (see createProgram), kept on globalThis: vitest runs this module afresh
 * for each test file, but its workers keep what they loaded from node_modules between files
 * (vitest.config.ts), TypeScript among it, so the files one file parsed serve the next ones. Per
 * TypeScript module: a file parsed by one TypeScript is never given to another.
 */
const REGISTRY = Symbol.for("postman-codegen.test.shared-source-files");
const registry = ((globalThis as { [REGISTRY]?: WeakMap<typeof ts, Map<string, ts.SourceFile>> })[REGISTRY] ??=
  new WeakMap());
const shared = registry.get(ts) ?? new Map<string, ts.SourceFile>();
registry.set(ts, shared);

/** TypeScript's list of the options that affect a source file (`sourceFileAffectingCompilerOptions`, not exported), and `strict`, which implies `alwaysStrict`. */
const AFFECTING = [
  "target",
  "module",
  "jsx",
  "importHelpers",
  "alwaysStrict",
  "noFallthroughCasesInSwitch",
  "moduleResolution",
  "jsxImportSource",
  "allowUnusedLabels",
  "allowUnreachableCode",
  "moduleDetection",
  "strict",
] as const;

/** ts.createProgram, with the files under node_modules shared between the programs of this worker. */
export function createProgram(options: ts.CreateProgramOptions): ts.Program {
  const host = options.host ?? ts.createCompilerHost(options.options);
  // The options that change how a file is parsed and bound are part of its key, as in the language
  // service's document registry: a file read for another target or module detection is read anew.
  const settings = JSON.stringify(AFFECTING.map((name) => options.options[name] ?? null));
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, createNew) => {
    if (createNew || !fileName.includes("/node_modules/")) return read(fileName, languageVersion, onError, createNew);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}\0${settings}`;
    let file = shared.get(key);
    // Its text as it is now: a test that wrote another file at a path a file before it used (an
    // app's node_modules in a folder of a fixed name) gets what it wrote, not the earlier file.
    if (file && host.readFile(fileName) !== file.text) file = undefined;
    if (!file) {
      file = read(fileName, languageVersion, onError, createNew);
      if (file) shared.set(key, file);
    }
    return file;
  };
  return ts.createProgram({ ...options, host });
}

/** The type errors of a tsconfig's program, one message each. */
export function configTypeErrors(configPath: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  )!;
  const program = createProgram({ rootNames: config.fileNames, options: config.options });
  return preEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/**
 * Keys (see cleanKey) of the files already found without any diagnostic. Every emitted package
 * carries the same copied runtime, test kit, mocks and command line (~95% of what a small
 * package's check costs), and many tests check apps with skipLibCheck false (lib.dom.d.ts and
 * @types/node each time): a file whose text, compiler options and every file it imports (text,
 * place relative to it, module format) are the same as those of a file already found clean, in a
 * program whose global declarations are the same, type-checks the same: same input, same output.
 * It is not checked again. Kept in this process, and in the folder test/global-setup.ts makes for
 * one `vitest` run (TYPE_CHECKED_DIR), so the other test files of that run share it.
 */
const clean = new Set<string>();

/** A key's file in the run's folder: its hash (a key holds whole paths and hashes). */
function keyFile(key: string): string | undefined {
  const dir = process.env[TYPE_CHECKED_DIR];
  return dir ? join(dir, createHash("sha256").update(key).digest("hex")) : undefined;
}

function isClean(key: string | undefined): boolean {
  if (key === undefined) return false;
  if (clean.has(key)) return true;
  const file = keyFile(key);
  if (!file || !existsSync(file)) return false;
  clean.add(key);
  return true;
}

function markClean(key: string): void {
  clean.add(key);
  const file = keyFile(key);
  if (file) writeFileSync(file, "");
}

/** Per file, kept with the shared files (a WeakMap: a file no longer shared takes its hash with it). */
const HASHES = Symbol.for("postman-codegen.test.source-file-hashes");
const hashes = ((globalThis as { [HASHES]?: WeakMap<ts.SourceFile, string> })[HASHES] ??= new WeakMap());

function hashOf(file: ts.SourceFile): string {
  let hash = hashes.get(file);
  if (hash === undefined) hashes.set(file, (hash = createHash("sha256").update(file.text).digest("base64")));
  return hash;
}

function installed(file: ts.SourceFile): boolean {
  return file.fileName.includes("/node_modules/");
}

/** The internals a key needs (present since TypeScript 5.3); without them nothing is skipped. */
interface Internals {
  getResolvedModule?(
    file: ts.SourceFile,
    name: string,
    mode: ts.ResolutionMode,
  ): { resolvedModule?: { resolvedFileName: string } } | undefined;
}
type FileInternals = ts.SourceFile & {
  imports?: readonly ts.StringLiteralLike[];
  moduleAugmentations?: readonly unknown[];
};

/**
 * What can change a file's diagnostics, as text, or undefined when that cannot be told (then it is
 * always checked): the program's options and its global declarations (every script and every
 * module with `declare global` or `declare module`: lib files, @types), and the file with what it
 * imports, transitively, each by its path relative to the file, text and module format, and where
 * each import led. Paths are relative to the file, so the same copy in two packages has one key.
 * A file under node_modules (which no test changes) is known by its own path and text, and what it
 * imports is not followed: it is the same wherever it is imported from.
 */
function cleanKey(program: ts.Program, file: ts.SourceFile, globals: string): string | undefined {
  const internals = program as ts.Program & Internals;
  if (!internals.getResolvedModule) return undefined;
  const base = dirname(file.fileName);
  const parts: string[] = [];
  const seen = new Set<ts.SourceFile>();
  const queue = [file];
  for (let next = queue.pop(); next; next = queue.pop()) {
    if (seen.has(next)) continue;
    seen.add(next);
    const current = next as FileInternals;
    if (installed(current)) {
      parts.push(`${current.fileName}|${current.impliedNodeFormat}|${hashOf(current)}`);
      continue;
    }
    // Triple-slash references pull in files the import walk below would not follow.
    if (
      current.referencedFiles.length ||
      current.typeReferenceDirectives.length ||
      current.libReferenceDirectives.length
    )
      return undefined;
    if (!current.imports) return undefined;
    const imports = current.imports.map((specifier) => {
      const resolved = internals.getResolvedModule!(
        current,
        specifier.text,
        program.getModeForUsageLocation(current, specifier),
      )?.resolvedModule?.resolvedFileName;
      const target = resolved === undefined ? undefined : program.getSourceFile(resolved);
      if (target) queue.push(target);
      return `${specifier.text}>${resolved === undefined ? "" : relative(base, resolved)}`;
    });
    parts.push(
      `${relative(base, current.fileName)}|${current.impliedNodeFormat}|${hashOf(current)}|${imports.join(",")}`,
    );
  }
  const options = JSON.stringify(program.getCompilerOptions(), (key, value: unknown) =>
    typeof value === "string" && isAbsolute(value) ? relative(base, value) : value,
  );
  return `${ts.version}\n${options}\n${globals}\n${parts.sort().join("\n")}`;
}

/**
 * ts.getPreEmitDiagnostics(program), but a file this process already found clean with the same
 * key (cleanKey) is not checked again: its syntax, semantics and declarations gave nothing then.
 * A file with any diagnostic is never remembered, so errors are always found anew, with their
 * own paths.
 */
export function preEmitDiagnostics(program: ts.Program): readonly ts.Diagnostic[] {
  const files = program.getSourceFiles() as readonly FileInternals[];
  const globalFiles = files.filter((file) => !ts.isExternalModule(file) || (file.moduleAugmentations?.length ?? 0) > 0);
  const globals = globalFiles.map((file) => `${file.fileName}|${hashOf(file)}`).join("\n");
  const keys = new Map(files.map((file) => [file, cleanKey(program, file, globals)]));
  const unchecked = files.filter((file) => !isClean(keys.get(file)));
  const options = program.getCompilerOptions();
  const diagnostics: ts.Diagnostic[] = [
    ...program.getConfigFileParsingDiagnostics(),
    ...program.getOptionsDiagnostics(),
  ];
  // The order of ts.getPreEmitDiagnostics: syntax, global, semantics, declarations.
  const own = new Map<ts.SourceFile, ts.Diagnostic[]>(
    unchecked.map((file) => [file, [...program.getSyntacticDiagnostics(file)]]),
  );
  diagnostics.push(...program.getGlobalDiagnostics());
  for (const file of unchecked) {
    own.get(file)!.push(...program.getSemanticDiagnostics(file));
    if (options.declaration || options.composite) own.get(file)!.push(...program.getDeclarationDiagnostics(file));
  }
  for (const [file, found] of own) {
    diagnostics.push(...found);
    const key = keys.get(file);
    if (found.length === 0 && key !== undefined) markClean(key);
  }
  return ts.sortAndDeduplicateDiagnostics(diagnostics);
}
