// `generate --watch` prints the warnings as generate does, on their own channel (stderr from the
// command line): those the output's last generation did not give (all of them for a new output),
// then only those an edit brings, so that a new problem is seen and the known ones are not printed
// on every save.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { watch } from "../src/watch.js";
import { stagingProject } from "./helpers/staging-project.js";

describe("generate --watch and warnings", () => {
  it("prints every warning of its first regeneration, then only the new ones", async () => {
    // Its environment's secret and credential-like key each give a warning.
    const { dir, file, targets } = stagingProject("postman-codegen-watch-warnings-");
    const collection = join(dir, "seed.postman_collection.json");
    const reported: string[] = [];
    const warned: string[] = [];
    const runs = () => reported.filter((line) => line.startsWith("seed: regenerated "));
    const regenerations = async (count: number) => {
      for (let i = 0; i < 300 && runs().length < count; i++) await new Promise((r) => setTimeout(r, 50));
      expect(runs()).toHaveLength(count);
    };
    const stop = new AbortController();
    const watching = watch(targets, {
      configFile: file,
      report: (line) => reported.push(line),
      warn: (line) => warned.push(line),
      signal: stop.signal,
    });
    try {
      await regenerations(1);
      // The two left-out values of one file on one line, as generate prints them.
      expect(warned).toEqual([
        expect.stringMatching(
          /^warning: .*staging\.postman_environment\.json at 2 places \(values\[2\]\.value, values\[3\]\.value\): .*"token".*"apiKey"/,
        ),
      ]);
      expect(runs()[0]).toMatch(/\(1 operation, 2 warnings\)$/);

      // A pre-request script is a new problem: its warning, and only it, is printed.
      const seed = JSON.parse(readFileSync(collection, "utf8")) as { item: Array<Record<string, unknown>> };
      seed.item[0]!.event = [
        { listen: "prerequest", script: { type: "text/javascript", exec: ["pm.variables.set('x', 1);"] } },
      ];
      writeFileSync(collection, JSON.stringify(seed));
      await regenerations(2);
      expect(warned.slice(1)).toEqual([
        expect.stringMatching(/^warning: .* at item\[0\]\.event\[0\]: 1 pre-request script /),
      ]);
      expect(runs()[1]).toMatch(/\(1 operation, 3 warnings, 1 new above\)$/);

      // An edit that brings no new problem prints none again.
      seed.item[0]!.name = "Change user status";
      writeFileSync(collection, JSON.stringify(seed));
      await regenerations(3);
      expect(warned).toHaveLength(2);
      expect(runs()[2]).toMatch(/\(1 operation, 3 warnings, none new\)$/);
      expect(reported.join("\n")).not.toMatch(/^warning:/m);
    } finally {
      stop.abort();
      await watching;
    }
  }, 60_000);

  it("prints at its first regeneration only the warnings the output's last generation did not give", async () => {
    const { dir, file, targets } = stagingProject("postman-codegen-watch-known-");
    const collection = join(dir, "seed.postman_collection.json");
    await generate(targets, { configFile: file });
    // An environment's warnings are recorded with the file, by its path from the package's folder.
    const manifest = JSON.parse(readFileSync(join(dir, "out", ".postman-codegen.json"), "utf8")) as {
      warnings: string[];
    };
    expect(manifest.warnings).toEqual([
      expect.stringMatching(/^\.\.\/staging\.postman_environment\.json: the value of "apiKey" /),
      expect.stringMatching(/^\.\.\/staging\.postman_environment\.json: the value of "token" /),
    ]);
    // Edited before the watch starts: its first run regenerates.
    const seed = JSON.parse(readFileSync(collection, "utf8")) as { item: Array<Record<string, unknown>> };
    seed.item[0]!.name = "Change user status";
    writeFileSync(collection, JSON.stringify(seed));

    const reported: string[] = [];
    const warned: string[] = [];
    const stop = new AbortController();
    const watching = watch(targets, {
      configFile: file,
      report: (line) => reported.push(line),
      warn: (line) => warned.push(line),
      signal: stop.signal,
    });
    try {
      for (let i = 0; i < 300 && !reported.some((l) => l.startsWith("seed: regenerated ")); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(reported.find((l) => l.startsWith("seed: regenerated "))).toMatch(
        /\(1 operation, 2 warnings, none new\)$/,
      );
      expect(warned).toEqual([]);
    } finally {
      stop.abort();
      await watching;
    }
  }, 60_000);
});
