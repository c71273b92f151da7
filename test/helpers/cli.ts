// Runs the built command (dist/bin.js, what `npm install` puts on a user's PATH) in a child
// process, as a user's shell would. test/global-setup.ts rebuilds dist/ first when the sources
// changed, so it is never stale; running the TypeScript through tsx instead cost each call the
// transform and a transpile of the runtime that the build does once.
import { runProgram, type ProgramResult } from "./program.js";
import { ROOT } from "./seed.js";

/** The command's script: spawn `process.execPath` with `[BIN, ...args]`. */
export const BIN = `${ROOT}dist/bin.js`;

export type CliResult = ProgramResult;

/** `env` adds to (or, with `undefined`, removes from) the environment the CLI inherits. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return runProgram(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
}
