// The command line run in-process on a host whose streams are strings, with the runtime of this
// repository as the client, against the recording server.
import { readFile } from "node:fs/promises";
import { runCommandLine } from "../../src/command-line/run.js";
import type { CommandLine, Host, OperationHelp } from "../../src/command-line/types.js";
import { credentialLastWords, credentialWords } from "../../src/runtime/credential-names.js";
import { createCore, type ClientOptions } from "../../src/runtime/core.js";
import type { AuthSpec, OperationSpec } from "../../src/runtime/spec.js";
import {
  authorizeApiKey,
  authorizeBasic,
  authorizeBearer,
  authorizeSigned,
  type Authorizer,
} from "../../src/runtime/auth.js";
import { authorizeAwsV4 } from "../../src/runtime/aws-sigv4.js";
import { authorizeDigest } from "../../src/runtime/digest.js";
import { authorizeEdgeGrid } from "../../src/runtime/edgegrid.js";
import { authorizeHawk } from "../../src/runtime/hawk.js";
import { authorizeJwt } from "../../src/runtime/jwt.js";
import { authorizeOAuth1 } from "../../src/runtime/oauth1.js";
import { authorizeOAuth2 } from "../../src/runtime/oauth2.js";

/** Every authorizer of the runtime: the tests' operations use any scheme (a package's data module names only its own). */
export const ALL_AUTHORIZERS: Record<AuthSpec["type"], Authorizer> = {
  bearer: authorizeBearer,
  apikey: authorizeApiKey,
  basic: authorizeBasic,
  oauth1: authorizeOAuth1,
  awsv4: authorizeAwsV4,
  digest: authorizeDigest,
  hawk: authorizeHawk,
  oauth2: authorizeOAuth2,
  jwt: authorizeJwt,
  edgegrid: authorizeEdgeGrid,
  custom: authorizeSigned,
};

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
    authorizers: ALL_AUTHORIZERS,
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
