// Programs for the tests' type checks (emitted packages, consumer apps). The files under
// node_modules (TypeScript's lib files, @types/node, vitest's declarations) do not change while the
// tests run, so a test file parses and binds each of them once and every program it makes shares
// them, as an editor's language service shares them between projects. In a file that checks many
// packages (corpus, hostile, fuzz) that is most of the time of each check after the first.
import ts from "typescript";

const shared = new Map<string, ts.SourceFile>();

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

/** ts.createProgram, with the files under node_modules shared between the programs of this test file. */
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
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}
