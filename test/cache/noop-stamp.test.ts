// The no-op's stamp (src/cache/noop-stamp.ts): a no-op after one that found everything up to date
// answers from stats and string comparisons, without hashing or validating anything, and still
// notices every change that the full check would.
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
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

/**
 * A project generated once for this file, never stamped (no no-op has run in it): the same
 * collection, config and generator give the same output and caches, so each test's project starts
 * as a copy of it rather than as a generation of its own (~1 s of CPU each).
 */
let generatedOnce: Promise<string> | undefined;
function generated(): Promise<string> {
  return (generatedOnce ??= (async () => {
    const dir = project();
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    return dir;
  })());
}

/**
 * A generated project (a copy of the one above, its files' times as written), then the no-op that
 * stamps, which a copy's new inodes and ctimes leave to the full check: the next no-op is the
 * stamp's to answer.
 */
async function stamped(dir: string): Promise<void> {
  cpSync(await generated(), dir, { recursive: true, preserveTimestamps: true });
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

/** Runs the CLI in `dir` with `args`, and what it loaded: Node's builtins and the files it required. */
async function runLoading(dir: string, args: string[]) {
  const hook = join(dir, "loaded.cjs");
  const report = join(dir, "loaded.json");
  writeFileSync(
    hook,
    `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(report)}, JSON.stringify({ builtins: process.moduleLoadList, files: Object.keys(require.cache) })));`,
  );
  const run = await runCli(args, dir, { NODE_OPTIONS: `--require ${hook}` });
  const loaded = JSON.parse(readFileSync(report, "utf8")) as { builtins: string[]; files: string[] };
  rmSync(hook);
  rmSync(report);
  return { run, ...loaded };
}

// Each test makes its own project, with its own caches: the tests run side by side.
describe.concurrent("the no-op answered by its stamp", () => {
  it("loads neither node:crypto nor the config's validator", async () => {
    const dir = project();
    await stamped(dir);
    const loaded = await runLoading(dir, ["generate"]);
    expect(loaded.run).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
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

/** Each file under `dir` with its size, mtime and inode: a file written again shows. */
function statsUnder(dir: string): Record<string, [number, number, number]> {
  const stats: Record<string, [number, number, number]> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const stat = statSync(join(entry.parentPath, entry.name));
      stats[join(entry.parentPath, entry.name)] = [stat.size, stat.mtimeMs, stat.ino];
    }
  return stats;
}

const packageVersion = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, "out/package.json"), "utf8")) as { version: string }).version;

// The config's target and `generate <collection> --out <dir>` for the same collection and folder:
// the command line's version is "auto", the config's fixed (0.1.0 unless it says), and "auto" with
// nothing else changed keeps the version the output has. Where that is the config's, the two are
// one target, and running them in turn regenerates nothing. Each test has its own projects, so the
// tests run side by side.
describe.concurrent("a config's target and the same one named on the command line, run in turn", () => {
  const single = ["generate", "seed.postman_collection.json", "--out", "out"];

  it("write nothing after each other, by the full check and by the stamp", async () => {
    const dir = project();
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    const written = statsUnder(join(dir, "out"));
    // The full command line's check (--json goes past the fast path and its stamp).
    const json = await runCli([...single, "--json"], dir);
    expect(JSON.parse(json.stdout)).toMatchObject({
      targets: [{ name: "seed", status: "up-to-date", version: "0.1.0" }],
    });
    // The fast path's hash check, which stamps; then each command is the stamp's to answer.
    expect(await runCli(single, dir)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    for (const args of [["generate"], single, ["generate"]]) {
      const loaded = await runLoading(dir, args);
      expect(loaded.run).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
      expect(loaded.builtins).not.toContain("NativeModule crypto");
    }
    expect(statsUnder(join(dir, "out"))).toEqual(written);
    // And the other way round: the command line first, the config then.
    const other = project();
    expect((await runCli(single, other)).stdout).toContain("seed: 1 operation, ");
    expect(await runCli(["generate"], other)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
  });

  it("regenerates for a config whose version is not the output's, and then keeps it under auto", async () => {
    const dir = project();
    expect((await runCli(single, dir)).stdout).toContain("seed: 1 operation, ");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [{ collection: "seed.postman_collection.json", out: "out", name: "seed", version: "2.0.0" }],
      }),
    );
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    expect(packageVersion(dir)).toBe("2.0.0");
    // "auto" keeps the version the output has: the config's, so nothing to write.
    expect(await runCli(single, dir)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    // A version given on the command line counts as the config's does.
    expect((await runCli([...single, "--package-version", "1.0.0"], dir)).stdout).toContain("seed: 1 operation, ");
    expect(packageVersion(dir)).toBe("1.0.0");
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    expect(packageVersion(dir)).toBe("2.0.0");
  });

  it("regenerates under auto after the collection changes, raising the version by the change", async () => {
    const dir = project();
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    expect(await runCli(single, dir)).toMatchObject({ stdout: "seed: up to date\n" });
    const collection = join(dir, "seed.postman_collection.json");
    writeFileSync(collection, readFileSync(collection, "utf8").replace('"Update user status"', '"Set user status"'));
    const json = await runCli([...single, "--json"], dir);
    expect(JSON.parse(json.stdout)).toMatchObject({
      targets: [{ name: "seed", status: "written", verdict: "major", version: "0.2.0" }],
    });
    expect(packageVersion(dir)).toBe("0.2.0");
    expect(await runCli(single, dir)).toMatchObject({ stdout: "seed: up to date\n" });
    // The config's target names no version, so it is "auto" too: the same target.
    expect(await runCli(["generate"], dir)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    expect(packageVersion(dir)).toBe("0.2.0");
    // A fixed 0.1.0 is now another version than the output's.
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [{ collection: "seed.postman_collection.json", out: "out", name: "seed", version: "0.1.0" }],
      }),
    );
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    expect(packageVersion(dir)).toBe("0.1.0");
  });

  // An environment in the config is known by its key; one on the command line, by the name inside
  // its file. Where the two names agree, the package is the same.
  it("take an environment named by the config's key and the same file named inside as one", async () => {
    const environment = "staging.postman_environment.json";
    const configured = (dir: string, key: string) =>
      writeFileSync(
        join(dir, "postman-codegen.config.json"),
        JSON.stringify({
          targets: [
            {
              collection: "seed.postman_collection.json",
              out: "out",
              name: "seed",
              environments: { [key]: environment },
            },
          ],
        }),
      );
    const withEnvironment = (dir: string) => {
      writeFileSync(
        join(dir, environment),
        JSON.stringify({ name: "staging", values: [{ key: "region", value: "eu", enabled: true }] }),
      );
      configured(dir, "staging");
      return dir;
    };
    const cli = [...single, "--environment", environment];
    /** Runs `args` in `dir`: up to date, and answered by the stamp (nothing hashed). */
    const quick = async (dir: string, args: string[]) => {
      const loaded = await runLoading(dir, args);
      expect(loaded.run).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
      expect(loaded.builtins).not.toContain("NativeModule crypto");
    };
    // Two projects, one per order, each run beside the other: they share no file.
    const configFirst = async () => {
      const dir = withEnvironment(project());
      expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
      const written = statsUnder(join(dir, "out"));
      // The fast path's check (after a generation from the config), which stamps, and the full
      // command line's; then each in turn is the stamp's to answer.
      expect(await runCli(cli, dir)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
      const json = await runCli([...cli, "--json"], dir);
      expect(JSON.parse(json.stdout)).toMatchObject({ targets: [{ name: "seed", status: "up-to-date" }] });
      for (const args of [["generate"], cli, ["generate"], cli]) await quick(dir, args);
      expect(statsUnder(join(dir, "out"))).toEqual(written);
      // The file's own name edited: another client for the command line's target, whose stamp knew
      // the name before.
      sameSizeEdit(join(dir, environment), (text) => text.replace('"staging"', '"stagINg"'));
      expect((await runCli(cli, dir)).stdout).toContain("seed: 1 operation, ");
      expect(readFileSync(join(dir, "out/README.md"), "utf8")).toContain("stagINg");
      expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
      expect(readFileSync(join(dir, "out/README.md"), "utf8")).not.toContain("stagINg");
    };
    // The other way round: a generation from the command line, then the config's check, which
    // stamps without the file's own name (it reads none); the command line's check then reads it
    // once, and from there on the stamp answers both.
    const commandLineFirst = async () => {
      const other = withEnvironment(project());
      expect((await runCli(cli, other)).stdout).toContain("seed: 1 operation, ");
      expect(await runCli(["generate"], other)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
      expect(await runCli(cli, other)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
      for (const args of [["generate"], cli, ["generate"], cli]) await quick(other, args);
      // A key other than the file's own name makes another client (createClient({ environment: "stage" })).
      configured(other, "stage");
      expect((await runCli(["generate"], other)).stdout).toContain("seed: 1 operation, ");
      expect(readFileSync(join(other, "out/README.md"), "utf8")).toContain("stage");
      expect((await runCli(cli, other)).stdout).toContain("seed: 1 operation, ");
    };
    await Promise.all([configFirst(), commandLineFirst()]);
  });

  it("still tells the two apart by any other option", async () => {
    const dir = project();
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    expect((await runCli([...single, "--name", "seed-client"], dir)).stdout).toContain("seed-client: 1 operation, ");
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          {
            collection: "seed.postman_collection.json",
            out: "out",
            name: "seed",
            baseUrl: "https://other.example.com",
          },
        ],
      }),
    );
    expect((await runCli(["generate"], dir)).stdout).toContain("seed: 1 operation, ");
    expect((await runCli(single, dir)).stdout).toContain("seed: 1 operation, ");
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

  it("makes the key with the environment files' own names it recorded, and misses where the key lacks one", () => {
    const dir = scratch();
    const file = join(dir, "env.json");
    writeFileSync(file, JSON.stringify({ name: "staging" }));
    const stampFile = join(dir, "stamp.json");
    const first = new NoopStamp(stampFile);
    first.remember(dir, "key staging", undefined, [statOf(file)!], { [file]: "staging" });
    first.save();
    const again = new NoopStamp(stampFile);
    expect(again.upToDate(dir, (_, names) => `key ${names[file]}`)).toBe(true);
    expect(again.upToDate(dir, () => undefined)).toBe(false);
    // Without names recorded, the key is made with none.
    const unnamed = new NoopStamp(undefined);
    unnamed.remember(dir, "key", undefined, [statOf(file)!]);
    expect(unnamed.upToDate(dir, (_, names) => (Object.keys(names).length === 0 ? "key" : undefined))).toBe(true);
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
