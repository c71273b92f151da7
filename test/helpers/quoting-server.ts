// A real server on 127.0.0.1 that answers every request 400 with the JSON its test makes of what
// it got (`bad request: …`), and packages emitted from collections into a temporary folder: the
// setup of the tests that call a package's client and command line against that server and read
// the error (quoted-errors.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram, type ProgramResult } from "./program.js";

export interface QuotedPackage {
  /** The package's name, its folder's in the temporary folder, and its collection file's there. */
  name: string;
  /** The collection: an object (written beside the package first), or the path of a collection file. */
  collection: object | string;
  /** Environments written beside the package (`<name>.postman_environment.json`) and given to it. */
  environments?: Array<{ name: string }>;
}

export interface QuotingServer {
  /** The server's base URL, `http://127.0.0.1:<port>`. */
  readonly base: string;
  /** The folder of the package named `name`. */
  folder(name: string): string;
  /** The main module (dist/index.js) of the package named `name`. */
  load<T>(name: string): Promise<T>;
  /** Runs the command line (dist/cli/main.js) of the package named `name` with only PATH and `env` set. */
  cli(name: string, argv: readonly string[], env?: Record<string, string>): Promise<ProgramResult>;
}

/**
 * Registers the hooks that start the server, which answers 400 with `quote(body, request)` as
 * JSON, emit `packages` in turn (within `timeout` ms) into a folder made with `prefix`, and then
 * close the server and remove the folder; returns what the tests read, usable from the first test on.
 */
export function useQuotingServer(options: {
  prefix: string;
  quote: (body: string, req: IncomingMessage) => unknown;
  packages: readonly QuotedPackage[];
  timeout: number;
}): QuotingServer {
  let server: Server;
  let base = "";
  let dir = "";
  beforeAll(async () => {
    server = createServer(async (req, res) => {
      let body = "";
      for await (const chunk of req) body += String(chunk);
      const quoted = options.quote(body, req);
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify(quoted));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), options.prefix));
    for (const { name, collection, environments } of options.packages) {
      let file = collection;
      if (typeof file !== "string") {
        file = join(dir, `${name}.postman_collection.json`);
        writeFileSync(file, JSON.stringify(collection));
      }
      const envFiles = (environments ?? []).map((environment) => {
        const env = join(dir, `${environment.name}.postman_environment.json`);
        writeFileSync(env, JSON.stringify(environment));
        return { file: env };
      });
      const out = join(dir, name);
      const target = { collection: file, ...(environments ? { environments: envFiles } : {}), out, name };
      await writePackage(out, (await emitTarget(target)).files);
    }
  }, options.timeout);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const folder = (name: string) => join(dir, name);
  return {
    get base() {
      return base;
    },
    folder,
    load: async <T>(name: string) => (await import(pathToFileURL(join(folder(name), "dist/index.js")).href)) as T,
    cli: (name, argv, env = {}) =>
      runProgram(process.execPath, [join(folder(name), "dist/cli/main.js"), ...argv], {
        env: { PATH: process.env.PATH ?? "", ...env },
      }),
  };
}

/** What the server read: each string and number of the JSON body, as JSON.parse reads them. */
export function jsonValues(json: unknown): string[] {
  if (typeof json === "string" || typeof json === "number") return [String(json)];
  if (typeof json === "object" && json !== null) return Object.values(json).flatMap(jsonValues);
  return [];
}
