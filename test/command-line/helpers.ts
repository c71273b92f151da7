// The command line run in-process on a host whose streams are strings, with the runtime of this
// repository as the client, against the recording server.
import { readFile } from "node:fs/promises";
import { runCommandLine } from "../../src/command-line/run.js";
import type { CommandLine, Host, OperationHelp } from "../../src/command-line/types.js";
import { credentialLastWords, credentialWords } from "../../src/runtime/credential-names.js";
import { createCore, type ClientOptions } from "../../src/runtime/core.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { AUTHORIZERS } from "../helpers/runtime.js";

export interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

export interface HostOptions {
  env?: Record<string, string>;
  stdin?: string;
  tty?: boolean;
}

export function testCommandLine(
  operations: readonly OperationSpec[],
  help: readonly OperationHelp[] = [],
  extra: Partial<CommandLine> = {},
): CommandLine {
  return {
    name: "zoom-api",
    title: "Zoom API",
    envPrefix: "ZOOM_API",
    operations,
    help,
    // What every package's data module holds.
    credentialWords: credentialWords(),
    credentialLastWords: credentialLastWords(),
    connect: (options: ClientOptions<object, string>) =>
      createCore(options, { baseUrl: "{{baseUrl}}", variables: { baseUrl: "https://api.zoom.us/v2" } }),
    // The tests' operations sign with any scheme.
    authorizers: AUTHORIZERS,
    ...extra,
  };
}

export async function runWith(cli: CommandLine, argv: string[], options: HostOptions = {}): Promise<Ran> {
  const out = { stdout: "", stderr: "" };
  let stdinReads = 0;
  const host: Host = {
    argv,
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    write: (stream, text) => void (out[stream] += text),
    readFile: async (path) => new Uint8Array(await readFile(path)),
    readStdin: async () => {
      if (stdinReads++) throw new Error("standard input read twice");
      return new TextEncoder().encode(options.stdin ?? "");
    },
  };
  const code = await runCommandLine(cli, host);
  return { code, ...out };
}
