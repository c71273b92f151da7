// Runs a program in a child process and collects what it printed and how it exited.
import { spawn, type SpawnOptions } from "node:child_process";

export interface ProgramResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runProgram(
  file: string,
  args: readonly string[],
  options: Pick<SpawnOptions, "cwd" | "env" | "timeout"> & { stdin?: string } = {},
): Promise<ProgramResult> {
  const { stdin, ...spawnOptions } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, spawnOptions);
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    // Given, it is all the program reads; else its input stays open, as a terminal's.
    if (stdin !== undefined) child.stdin!.end(stdin);
  });
}
