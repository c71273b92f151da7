// Compiles an emitted package's sources to dist/ (JavaScript + declarations) in memory, with the
// TypeScript that ts-morph bundles. The sources are checked against the ES2022 and DOM libraries
// only, with no Node types: code that compiles here runs on any platform with fetch.
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

/** `sources` maps `src/…` paths to text; the result maps `dist/…` paths to text. */
export function compile(sources: ReadonlyMap<string, string>): Map<string, string> {
  const { options, errors } = ts.convertCompilerOptionsFromJson(COMPILER_OPTIONS, "/");
  if (errors.length) throw new CompileError(ts.flattenDiagnosticMessageText(errors[0]!.messageText, "\n"));
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { ...options, newLine: ts.NewLineKind.LineFeed } });
  const fs = project.getFileSystem();
  fs.writeFileSync("/package.json", JSON.stringify({ type: "module" }));
  for (const [path, text] of sources) project.createSourceFile(`/${path}`, text);
  const diagnostics = project.getPreEmitDiagnostics();
  if (diagnostics.length) {
    throw new CompileError(`the emitted client does not compile (a generator bug):\n${project.formatDiagnosticsWithColorAndContext(diagnostics.slice(0, 10))}`);
  }
  const output = new Map<string, string>();
  for (const file of project.emitToMemory().getFiles()) output.set(file.filePath.replace(/^\//, ""), file.text);
  return output;
}
