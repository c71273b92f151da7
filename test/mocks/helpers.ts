// The mocks of the committed packages, put together as their ./mocks entry will: the package's own
// operations and defaults, and the saved examples of its collection.
import { spawn } from "node:child_process";
import { loadCollection } from "../../src/load/collection.js";
import { mockExamples } from "../../src/mocks/mock-data.js";
import type { MockApi } from "../../src/mocks/types.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { BIN } from "../helpers/cli.js";
import { ROOT } from "../helpers/seed.js";

export const SEED_DIST = "../../generated/zoom-update-user-status/dist/index.js";
export const ZOOM_DIST = "../../generated/zoom-api/dist/index.js";

interface PackageEntry {
  operations: readonly OperationSpec[];
  defaultBaseUrl: string;
  defaultVariables: Readonly<Record<string, string>>;
}

export async function packageMockApi(entry: PackageEntry, collection: string): Promise<MockApi> {
  const model = await loadCollection(`${ROOT}collections/${collection}.postman_collection.json`);
  return {
    name: model.name,
    baseUrl: entry.defaultBaseUrl,
    variables: entry.defaultVariables,
    operations: entry.operations,
    examples: mockExamples(model).examples,
  };
}

/** `postman-codegen mock …args` in its own process, once it listens: its URL, its log so far, and Ctrl-C. */
export async function mockCommand(args: string[], cwd = ROOT) {
  const child = spawn(process.execPath, [BIN, "mock", ...args, "--port", "0"], { cwd });
  let stderr = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = / on (http:\/\/127\.0\.0\.1:\d+) \(Ctrl-C stops it\)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.on("exit", () => reject(new Error(`exited early: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    url,
    stderr: () => stderr,
    stop: async () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}
