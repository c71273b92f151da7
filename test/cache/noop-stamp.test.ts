// The no-op's stamp (src/cache/noop-stamp.ts): a no-op after one that found everything up to date
// answers from stats and string comparisons, without hashing or validating anything, and still
// notices every change that the full check would.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NoopStamp, statOf } from "../../src/cache/noop-stamp.js";
import { runCli } from "../helpers/cli.js";
import { SEED_COLLECTION } from "../helpers/seed.js";

const scratch = () => mkdtempSync(join(tmpdir(), "postman-codegen-stamp-"));

/** A project with the seed collection, a config naming it and a node_modules folder (where caches live). */
function project(): string {
  const dir = scratch();
  mkdirSync(join(dir, "node_modules"));
  copyFileSync(SEED_COLLECTION, join(dir, "seed.postman_collection.json"));
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({ targets: [{ collection: "seed.postman_collection.json", out: "out", name: "seed" }] }),
  );
  return dir;
}

/** Generates, then runs the no-op that stamps: the next no-op is the stamp's to answer. */
async function stamped(dir: string): Promise<void> {
  expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
  expect(await runCli(["generate"], dir)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
}

/** A file's bytes replaced by as many others, its mtime as it was: only its inode or ctime tell. */
function sameSizeEdit(file: string, edit: (text: string) => string): void {
  const before = statSync(file);
  const text = edit(readFileSync(file, "utf8"));
  expect(Buffer.byteLength(text)).toBe(before.size);
  writeFileSync(file, text);
  utimesSync(file, before.atime, new Date(before.mtimeMs + 1000));
}

describe("the no-op answered by its stamp", () => {
  it("loads neither node:crypto nor the config's validator", async () => {
    const dir = project();
    await stamped(dir);
    const hook = join(dir, "loaded.cjs");
    const report = join(dir, "loaded.json");
    writeFileSync(
      hook,
      `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) })));`,
    );
    const run = await runCli(["generate"], dir, { NODE_OPTIONS: `--require ${hook}` });
    expect(run).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    const loaded = JSON.parse(readFileSync(report, "utf8")) as { builtins: string[]; files: string[] };
    expect(loaded.builtins).not.toContain("NativeModule crypto");
    expect(loaded.files.filter((file) => file.includes("validators"))).toEqual([]);
  });

  it("notices an output file edited by hand", async () => {
    const dir = project();
    await stamped(dir);
    sameSizeEdit(join(dir, "out/README.md"), (text) => text.replace("# seed", "# SEED"));
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    expect(readFileSync(join(dir, "out/README.md"), "utf8")).toContain("# seed");
  });

  it("notices a changed collection", async () => {
    const dir = project();
    await stamped(dir);
    sameSizeEdit(join(dir, "seed.postman_collection.json"), (text) =>
      text.replace('"Update user status"', '"Update user STATUS"'),
    );
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
  });

  it("notices a changed config, and checks it against the schema again", async () => {
    const dir = project();
    await stamped(dir);
    const config = join(dir, "postman-codegen.config.json");
    const targets = (target: object) =>
      JSON.stringify({
        targets: [{ collection: "seed.postman_collection.json", out: "out", name: "seed", ...target }],
      });
    writeFileSync(config, targets({ exlude: ["x"] }));
    const bad = await runCli(["generate"], dir);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("targets[0].exlude: unknown option");
    writeFileSync(config, targets({ baseUrl: "https://other.example.com" }));
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
  });

  it("notices a prettier config added above the output", async () => {
    const dir = project();
    await stamped(dir);
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ semi: false }));
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    expect(await runCli(["generate"], dir)).toMatchObject({ stdout: "seed: up to date\n" });
  });

  it("notices an output file removed", async () => {
    const dir = project();
    await stamped(dir);
    rmSync(join(dir, "out/README.md"));
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
  });
});

describe("NoopStamp", () => {
  it("answers for a key and files as they were, and not once a file or the key differs", () => {
    const dir = scratch();
    const file = join(dir, "a.txt");
    writeFileSync(file, "alpha");
    const stampFile = join(dir, "stamp.json");
    const key = () => "key";
    const first = new NoopStamp(stampFile);
    expect(first.upToDate(dir, key)).toBe(false);
    first.remember(dir, "key", undefined, [statOf(file)!]);
    first.save();
    const again = new NoopStamp(stampFile);
    expect(again.upToDate(dir, key)).toBe(true);
    expect(again.upToDate(dir, () => "another key")).toBe(false);
    writeFileSync(file, "alphabet");
    expect(again.upToDate(dir, key)).toBe(false);
  });

  it("makes the key with the version it recorded", () => {
    const dir = scratch();
    const file = join(dir, "a.txt");
    writeFileSync(file, "alpha");
    const stampFile = join(dir, "stamp.json");
    const first = new NoopStamp(stampFile);
    first.remember(dir, "key 1.2.0", "1.2.0", [statOf(file)!]);
    first.save();
    const versions: Array<string | undefined> = [];
    const again = new NoopStamp(stampFile);
    expect(again.upToDate(dir, (version) => (versions.push(version), `key ${version}`))).toBe(true);
    expect(versions).toEqual(["1.2.0"]);
    expect(again.upToDate(dir, () => "key 1.3.0")).toBe(false);
  });

  it("knows config bytes only with the same file, text, generator and schema stat", () => {
    const dir = scratch();
    const schema = join(dir, "schema.json");
    writeFileSync(schema, "{}");
    const stamp = new NoopStamp(undefined);
    const stats = statOf(schema);
    stamp.rememberConfig("/p/c.json", "{}", "code", stats);
    expect(stamp.configValid("/p/c.json", "{}", "code", stats)).toBe(true);
    expect(stamp.configValid("/p/c.json", "{ }", "code", stats)).toBe(false);
    expect(stamp.configValid("/q/c.json", "{}", "code", stats)).toBe(false);
    expect(stamp.configValid("/p/c.json", "{}", "other code", stats)).toBe(false);
    writeFileSync(schema, "{ }");
    expect(stamp.configValid("/p/c.json", "{}", "code", statOf(schema))).toBe(false);
  });
});
