// An input file that is gone once a package was generated from it: a collection or an environment
// renamed or moved (a typo in the config, a `git mv`, an editor that saves by replacing the file).
// The run reports the file it cannot read, as a first generation does, rather than a stack trace
// from the up-to-date check, and `--watch` keeps running with the last good output.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { watch } from "../src/watch.js";
import { runCli } from "./helpers/cli.js";
import { stagingProject } from "./helpers/staging-project.js";

/** The staging project, generated once. */
async function generatedProject(): Promise<ReturnType<typeof stagingProject>> {
  const project = stagingProject("postman-codegen-moved-");
  await generate(project.targets, { configFile: project.file });
  return project;
}

describe("an input file gone after the first generation", () => {
  for (const [what, file, message] of [
    ["collection", "seed.postman_collection.json", "cannot read the file (ENOENT)"],
    ["environment", "staging.postman_environment.json", "cannot read the environment file (ENOENT)"],
  ] as const) {
    it(`names the ${what} it cannot read, in generate and generate --check`, async () => {
      const { dir } = await generatedProject();
      renameSync(join(dir, file), join(dir, `${file}.moved`));
      for (const args of [["generate"], ["generate", "--check"]]) {
        const result = await runCli(args, dir);
        expect(result.stderr, args.join(" ")).toBe(`error: ${file}: ${message}\n`);
        expect(result.code, args.join(" ")).toBe(1);
      }
    }, 60_000);
  }

  it("is reported by --watch in one line, and the target regenerates when the file is back", async () => {
    const { dir, file, targets } = await generatedProject();
    const lines: string[] = [];
    const seen = async (pattern: RegExp) => {
      for (let i = 0; i < 300 && !lines.some((line) => pattern.test(line)); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(lines).toContainEqual(expect.stringMatching(pattern));
    };
    const stop = new AbortController();
    const watching = watch(targets, { configFile: file, report: (line) => lines.push(line), signal: stop.signal });
    try {
      await seen(/^seed: up to date$/);
      const collection = join(dir, "seed.postman_collection.json");
      const text = readFileSync(collection, "utf8");
      renameSync(collection, `${collection}.moved`);
      await seen(/^seed: error: /);
      expect(lines.filter((line) => line.startsWith("seed: error: "))).toEqual([
        `seed: error: ${collection}: cannot read the file (ENOENT) (the last good output is kept)`,
      ]);
      writeFileSync(collection, text.replace('"name": "Update user status"', '"name": "Change user status"'));
      await seen(/^seed: regenerated \S*out in /);
      expect(readFileSync(join(dir, "out/src/client.ts"), "utf8")).toContain("changeUserStatus(");
    } finally {
      stop.abort();
      await watching;
    }
  }, 60_000);
});
