// The same mistake with any input file reads the same: a folder named where a file goes, a file
// over the size limit, each said in this tool's words, through the command line as a user meets it.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readScopeFile } from "../../src/load/environment.js";
import { runCli } from "../helpers/cli.js";
import { SEED_COLLECTION } from "../helpers/seed.js";

describe("input files", () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-input-"));
  const folder = join(dir, "a-folder");
  mkdirSync(folder);
  const run = (args: string[]) => runCli(["generate", ...args, "--out", join(dir, "out")], dir);

  it.each([
    ["an environment", ["-e", folder], "the environment's file (the .json that Postman exports)"],
    ["globals", ["--globals", folder], "the globals file (the .json that Postman exports)"],
  ])("says that a folder given as %s is not a file", async (_what, flags, named) => {
    const result = await run([SEED_COLLECTION, ...flags]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`error: a-folder: a folder, not a file: name ${named}\n`);
  });

  it("says that a folder given as the config is not a file", async () => {
    const result = await runCli(["generate", "--config", folder], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: a-folder: a folder, not a file: name the config file (postman-codegen.config.json, or a package.json with a postman-codegen key)\n",
    );
  });

  it("gives an environment's size over the limit as a collection's is given, in bytes when small", async () => {
    const file = join(dir, "staging.postman_environment.json");
    writeFileSync(file, JSON.stringify({ name: "staging", values: [{ key: "a", value: "b" }] }));
    await expect(readScopeFile(file, "environment", { maxFileBytes: 10 } as never)).rejects.toThrow(
      /staging\.postman_environment\.json: the file is \d+ bytes; the limit is 10 bytes: raise limits\.maxFileBytes of the target in the config if this is intended$/,
    );
  });
});
