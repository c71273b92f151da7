// Runs the CLI from its TypeScript source in a child process, as a user's shell would.
import { runProgram, type ProgramResult } from "./program.js";
import { ROOT } from "./seed.js";

export const TSX = import.meta.resolve("tsx");

export type CliResult = ProgramResult;

/** `env` adds to (or, with `undefined`, removes from) the environment the CLI inherits. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  // tsx by its URL: from another directory, a bare "tsx" would not resolve.
  return runProgram(process.execPath, ["--import", TSX, `${ROOT}src/bin.ts`, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
}
