// Runs the CLI from its TypeScript source in a child process, as a user's shell would.
import { spawn } from "node:child_process";
import { ROOT } from "./seed.js";

export const TSX = import.meta.resolve("tsx");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    // tsx by its URL: from another directory, a bare "tsx" would not resolve.
    const child = spawn(process.execPath, ["--import", TSX, `${ROOT}src/bin.ts`, ...args], { cwd, env: { ...process.env, NO_COLOR: "1" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
