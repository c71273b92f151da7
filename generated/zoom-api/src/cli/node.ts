// The command line in Node.js: the process's arguments, environment and streams. Node's modules
// are imported when it runs (as the runtime's fileFromPath does), so the package's sources
// type-check without Node's types, against the platform's own.

import type { CommandLine, Host } from "./types.js";
import { runCommandLine } from "./run.js";

interface NodeStream {
  readonly isTTY?: boolean;
  readonly destroyed: boolean;
  write(text: string | Uint8Array): boolean;
  on(event: "error", listener: (error: { code?: unknown }) => void): unknown;
  once(event: "drain" | "close", listener: () => void): unknown;
  off(event: "drain" | "close", listener: () => void): unknown;
}

interface NodeProcess {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: NodeStream;
  readonly stderr: NodeStream;
  readonly stdin: AsyncIterable<Uint8Array | string>;
  exitCode?: number | string | undefined;
}

/** Runs the command line with the process's arguments and sets the exit code; stdout is flushed before exit. */
export async function main(cli: CommandLine): Promise<void> {
  const processModule = "node:process";
  const fsModule = "node:fs/promises";
  const process = ((await import(/* @vite-ignore */ processModule)) as { default: NodeProcess })
    .default;
  const fs = (await import(/* @vite-ignore */ fsModule)) as {
    readFile(path: string): Promise<Uint8Array>;
  };
  // A reader that stops early (`| head`) closes the pipe: the rest of the output is not wanted.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error) => {
      if (error.code !== "EPIPE") throw error;
    });
  }
  const host: Host = {
    argv: process.argv.slice(2),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    write: (stream, text) => {
      const out = process[stream];
      // A reader that has gone (EPIPE) takes nothing more, and a write then would throw.
      if (out.destroyed || out.write(text)) return;
      // Full: the caller waits until it drains, or closes (a reader gone never drains it).
      return new Promise<void>((resolve) => {
        const done = () => {
          out.off("drain", done);
          out.off("close", done);
          resolve();
        };
        out.once("drain", done);
        out.once("close", done);
      });
    },
    readFile: (path) => fs.readFile(path),
    readStdin: async () => {
      const chunks: Uint8Array[] = [];
      const encoder = new TextEncoder();
      for await (const chunk of process.stdin)
        chunks.push(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
      const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
      let at = 0;
      for (const chunk of chunks) {
        out.set(chunk, at);
        at += chunk.length;
      }
      return out;
    },
  };
  process.exitCode = await runCommandLine(cli, host);
}
