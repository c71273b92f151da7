// What `generate` does once its targets are known (without --watch): generate, print, set the exit
// code; and how a failure is printed. The full command line (cli.ts) calls it after yargs has
// parsed the arguments; the fast path (fast-path.ts) calls it without loading yargs (~0.15 s) when
// it has parsed them exactly as the command line would. What it prints of a result (cli-report.ts)
// loads with the pipeline: the command line imports this module for how a usage error is printed.
import type { Target } from "./config.js";
import { CodegenError } from "./errors.js";
import type { Level } from "./diff/levels.js";

export const EXIT_BAD_INPUT = 1;

export interface GenerateFlags {
  configFile?: string;
  check: boolean;
  force: boolean;
  /** Absent: generate's defaults (no type check; the format cache used). */
  typecheck?: boolean;
  cache?: boolean;
  quiet: boolean;
  json: boolean;
  verbose: boolean;
  failOn?: Level;
}

export async function runGenerate(targets: Target[], flags: GenerateFlags): Promise<void> {
  const [{ generate }, { jsonResult, progressLine, pullLine, pullWarnings, report, reportDrift, reportFailOn }] =
    await Promise.all([import("./generate.js"), import("./cli-report.js")]);
  const progress = flags.quiet || flags.json || !process.stderr.isTTY ? undefined : progressLine();
  const started = performance.now();
  const result = await generate(targets, {
    check: flags.check,
    force: flags.force,
    ...(flags.typecheck !== undefined ? { typeCheck: flags.typecheck } : {}),
    ...(flags.cache !== undefined ? { cache: flags.cache } : {}),
    ...(flags.configFile ? { configFile: flags.configFile } : {}),
    ...(progress ? { onProgress: progress.update } : {}),
    ...(flags.failOn ? { failOn: flags.failOn } : {}),
  });
  progress?.clear();
  if (!flags.json && !flags.quiet)
    for (const change of result.pulled ?? []) {
      console.error(`fetched ${pullLine(change)}`);
      for (const line of pullWarnings(change)) console.error(line);
    }
  if (flags.json) console.log(JSON.stringify(jsonResult(result), null, 2));
  else if (!flags.quiet) report(result, performance.now() - started, flags.verbose);
  else if (!result.ok) reportDrift(result);
  if (flags.failOn && !flags.json) reportFailOn(result, flags.failOn, flags.quiet);
  if (!result.ok) process.exitCode = EXIT_BAD_INPUT;
}

/** Prints a failure that is not a usage error, as JSON with `--json`: a CodegenError names its place. */
export function reportFailure(error: unknown, json: boolean): void {
  if (!(error instanceof CodegenError)) console.error(error);
  else if (json)
    console.log(
      JSON.stringify(
        { ok: false, error: { file: error.file, where: error.where, problem: error.problem, message: error.message } },
        null,
        2,
      ),
    );
  else console.error(`error: ${error.message}`);
}
