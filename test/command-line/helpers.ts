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

/**
 * A server on 127.0.0.1 that answers every request with `chunks` chunks of random bytes (64 KiB
 * each), sending the next only once the command line has written all it sent so far (`written`,
 * told by the test as the output comes): a command line that holds the answer before writing it
 * never gets its next chunk. So that such a command line ends rather than hangs, the rest is sent
 * at once after `patienceMs` without progress, and `stalled` records it.
 */
export interface DripServer {
  readonly url: string;
  /** The sha256 of the bytes sent, once all were sent. */
  readonly sent: Promise<string>;
  /** Whether the server had to send the rest unasked. */
  readonly stalled: boolean;
  /** How many bytes of the answer the command line has written so far. */
  written(bytes: number): void;
  close(): Promise<void>;
}

export async function startDripServer(
  chunks: number,
  options: { contentType?: string; patienceMs?: number } = {},
): Promise<DripServer> {
  const { createServer } = await import("node:http");
  const { createHash, randomBytes } = await import("node:crypto");
  const hash = createHash("sha256");
  let sentBytes = 0;
  let writtenBytes = 0;
  let stalled = false;
  let progress: (() => void) | undefined;
  let done!: (sha: string) => void;
  const sent = new Promise<string>((resolve) => (done = resolve));
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": options.contentType ?? "application/octet-stream" });
    void (async () => {
      for (let i = 0; i < chunks; i++) {
        const chunk = randomBytes(64 * 1024);
        hash.update(chunk);
        sentBytes += chunk.length;
        res.write(chunk);
        if (stalled || i === chunks - 1) continue;
        // Until everything sent so far has been written out, or the patience runs out.
        await new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            stalled = true;
            resolve();
          }, options.patienceMs ?? 5000);
          progress = () => {
            if (writtenBytes < sentBytes) return;
            clearTimeout(timer);
            progress = undefined;
            resolve();
          };
          progress();
        });
      }
      res.end(() => done(hash.digest("hex")));
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    sent,
    get stalled() {
      return stalled;
    },
    written(bytes) {
      writtenBytes += bytes;
      progress?.();
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
