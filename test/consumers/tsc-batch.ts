// `tsc -p <config> --pretty false` in several apps, one after the other, in one Node process with
// one TypeScript (node tsc-batch.mjs <typescript package dir> <JSON [{dir, config}]>); prints a
// JSON array with each app's exit code, output and time. Each app gets a program of its own, made
// as tsc makes it: the process is what is shared. A tsc run spends a third or more of its time
// loading TypeScript and warming up V8's compiled code for it, which the second program of the
// same process gets for free. harness.ts compiles this file for Node with esbuild (no loader).
//
// An app whose `platform` is false is checked as tsc checks it except for the platform's
// declarations (TypeScript's lib files and @types/*), whose semantic diagnostics are not asked
// for: they depend on the TypeScript version and the app's options alone, never on the package,
// whose declarations are modules that declare no globals (generated-packages.test.ts checks that),
// and one app per TypeScript version and kind of app checks them in full (apps.ts,
// PLATFORM_CHECKED). Checking lib.dom.d.ts and @types/node took half of each app's time.
import { createRequire } from "node:module";
import { join } from "node:path";
import type TS from "typescript";

export interface BatchApp {
  dir: string;
  config: string;
  /** Whether the platform's declarations (lib files, @types/*) are checked too (see above). */
  platform: boolean;
}

export interface BatchResult {
  code: number;
  output: string;
  ms: number;
}

/** tsc's exit codes (ts.ExitStatus). */
const SUCCESS = 0;
const DIAGNOSTICS_OUTPUTS_SKIPPED = 1;
const DIAGNOSTICS_OUTPUTS_GENERATED = 2;

/** One app as `tsc -p config` in `dir` checks and emits it (executeCommandLine's performCompilation). */
function compile(ts: typeof TS, { dir, config, platform }: BatchApp): BatchResult {
  const started = performance.now();
  // tsc resolves the config, and prints diagnostics' paths, relative to its working directory.
  process.chdir(dir);
  const format: TS.FormatDiagnosticsHost = {
    getCurrentDirectory: () => dir,
    getCanonicalFileName: (fileName) => (ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase()),
    getNewLine: () => "\n",
  };
  const done = (code: number, diagnostics: readonly TS.Diagnostic[]): BatchResult => ({
    code,
    output: ts.formatDiagnostics(diagnostics, format),
    ms: Math.round(performance.now() - started),
  });

  let unrecoverable: TS.Diagnostic | undefined;
  const parsed = ts.getParsedCommandLineOfConfigFile(
    join(dir, config),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (diagnostic) => (unrecoverable = diagnostic) },
  );
  if (!parsed) return done(DIAGNOSTICS_OUTPUTS_SKIPPED, unrecoverable ? [unrecoverable] : []);

  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    host: ts.createCompilerHost(parsed.options),
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  // emitFilesAndReportErrors: each kind of diagnostic only when the earlier kinds found nothing.
  const all = [...program.getConfigFileParsingDiagnostics()];
  const fromConfig = all.length;
  all.push(...program.getSyntacticDiagnostics());
  if (all.length === fromConfig) {
    all.push(...program.getOptionsDiagnostics(), ...program.getGlobalDiagnostics());
    if (all.length === fromConfig)
      all.push(
        ...(platform
          ? program.getSemanticDiagnostics()
          : program
              .getSourceFiles()
              .filter(
                (file) =>
                  !program.isSourceFileDefaultLibrary(file) && !/[/\\]node_modules[/\\]@types[/\\]/.test(file.fileName),
              )
              .flatMap((file) => program.getSemanticDiagnostics(file))),
      );
  }
  const emitted = program.emit();
  all.push(...emitted.diagnostics);
  const diagnostics = ts.sortAndDeduplicateDiagnostics(all);
  if (diagnostics.length === 0) return done(SUCCESS, diagnostics);
  return done(emitted.emitSkipped ? DIAGNOSTICS_OUTPUTS_SKIPPED : DIAGNOSTICS_OUTPUTS_GENERATED, diagnostics);
}

const [typescriptDir, apps] = process.argv.slice(2);
if (!typescriptDir || !apps) throw new Error("usage: node tsc-batch.mjs <typescript package dir> <JSON apps>");
const ts = createRequire(import.meta.url)(typescriptDir) as typeof TS;
process.stdout.write(JSON.stringify((JSON.parse(apps) as BatchApp[]).map((app) => compile(ts, app))));
