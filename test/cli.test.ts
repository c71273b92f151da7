import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST_FILE } from "../src/cache/manifest.js";
import { BIN, runCli } from "./helpers/cli.js";
import { runProgram } from "./helpers/program.js";
import { ROOT, SEED_COLLECTION, FIXTURES } from "./helpers/seed.js";

const scratch = () => mkdtempSync(join(tmpdir(), "postman-codegen-cli-"));

function snapshotDir(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      files[join(entry.parentPath, entry.name)] = readFileSync(join(entry.parentPath, entry.name), "utf8");
  }
  return files;
}

// The tests run side by side: each runs the built command in a scratch folder of its own (those
// run in the repository only print help or are refused), and its time is its child processes'.
describe.concurrent("postman-codegen CLI", () => {
  it("documents generate in --help", async () => {
    const result = await runCli(["generate", "--help"]);
    expect(result.code).toBe(0);
    for (const word of [
      "generate [collection]",
      "--out",
      "--name",
      "--package-version",
      "--config",
      "postman-codegen.config.json",
    ])
      expect(result.stdout).toContain(word);
  });

  it.each(["generate", "pull", "diff", "mock"])(
    "says in %s --help that the config is searched from the working directory upward",
    async (command) => {
      const result = await runCli([command, "--help"]);
      expect(result.code).toBe(0);
      // yargs may wrap the line anywhere.
      expect(result.stdout.replace(/\s+/g, " ")).toContain(
        "the nearest found from the working directory upward to the repository's root",
      );
    },
  );

  it("exits 2 on a usage error", async () => {
    expect((await runCli([])).code).toBe(2);
    expect((await runCli(["generate", SEED_COLLECTION, "--no-such-option"])).code).toBe(2);
  });

  it.each([
    [["generate", "x.json", "--ot", "y"], "command line at --ot: unknown option (did you mean --out?)"],
    [["generate", "x.json", "--ot=y"], "command line at --ot: unknown option (did you mean --out?)"],
    [
      ["generate", "x.json", "--no-such-option"],
      "command line at --no-such-option: unknown option (postman-codegen generate --help lists them)",
    ],
    [
      ["diff", "a.json", "b.json", "--incude", "x"],
      "command line at --incude: unknown option (did you mean --include?)",
    ],
    // The package's version as the config's key spells it: it printed the generator's, exit 0.
    [
      ["generate", "x.json", "--version", "1.2.0"],
      "command line at --version: unknown option after a command (the package's version is --package-version; the generator's: postman-codegen --version)",
    ],
    [
      ["diff", "a.json", "b.json", "--version"],
      "command line at --version: unknown option after a command (the generator's: postman-codegen --version)",
    ],
    [["genrate", "x.json"], "command line at genrate: unknown command (did you mean generate?)"],
    // Two neighbours swapped, in a word too short for two edits.
    [["mock", "x.json", "--prot", "4020"], "command line at --prot: unknown option (did you mean --port?)"],
    [["diff", "a.json", "b.json", "--jsno"], "command line at --jsno: unknown option (did you mean --json?)"],
    // A name cut short, as other tools spell it: the one option it begins.
    [
      ["generate", "x.json", "--env", "staging.json"],
      "command line at --env: unknown option (did you mean --environment?)",
    ],
    // A value outside an option's choices: yargs says it in several lines.
    [
      ["diff", "a.json", "b.json", "--fail-on", "mayor"],
      'command line at --fail-on: "mayor" is not one of major, minor, patch (did you mean major?)',
    ],
    [
      ["generate", "--check", "--fail-on=breaking"],
      'command line at --fail-on: "breaking" is not one of major, minor, patch',
    ],
    // No value: yargs read `true` for it, which was quoted back as if typed.
    [["diff", "a.json", "b.json", "--fail-on"], "command line at --fail-on: needs a value: one of major, minor, patch"],
    [
      ["generate", "--check", "--fail-on", "--verbose"],
      "command line at --fail-on: needs a value: one of major, minor, patch",
    ],
    // An empty --config (`--config "$CONFIG"`, the variable unset) is no config to look for.
    [
      ["generate", "--config", "", "--check"],
      "command line: --config names no file: give the config's path, or leave --config out (postman-codegen generate --help)",
    ],
    [
      ["diff", "a.json", "b.json", "--config="],
      "command line: --config names no file: give the config's path, or leave --config out (postman-codegen diff --help)",
    ],
    [
      ["generate", "x.json", "--watch", "--check"],
      "command line: --watch cannot be combined with --check or --json (postman-codegen generate --help)",
    ],
  ])("says the usage error %j in one line, exit code 2", async (args, line) => {
    const result = await runCli(args, scratch());
    expect(result).toMatchObject({ code: 2, stdout: "", stderr: `error: ${line}\n` });
  });

  // yargs reads a value attached to a short flag (`-eSECRET`) as more flags, and the refusal
  // quoted one of the value's letters back (`command line at -S: unknown option`). Every short
  // flag of every command, known or not, before a value's letters: refused by its own letter alone.
  const SECRET = "SHORTsecret93";
  it.each([
    ...["generate", "mock"].map((command) => [[command, "x.json", `-e${SECRET}`], "-e", true] as const),
    ...["generate", "mock", "diff", "pull"].map((command) => [[command, `-x${SECRET}`], "-x", false] as const),
    ...["diff", "pull"].map((command) => [[command, `-e${SECRET}`], "-e", false] as const),
    [[`-e${SECRET}`, "generate", "x.json"], "-e", true] as const,
  ])("refuses %j by the short flag's letter, the rest not shown", async (args, flag, known) => {
    const result = await runCli([...args], scratch());
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`error: command line at ${flag}: `);
    expect(result.stderr).toContain(
      known ? `neither read nor shown (a value goes after a space: ${flag} <value>)` : "unknown option",
    );
    expect(result.stdout + result.stderr).not.toMatch(/ECRET|secret93/i);
    // As JSON too.
    const json = await runCli([...args, "--json"], scratch());
    expect(JSON.parse(json.stdout).error.message).toContain(`command line at ${flag}: `);
    expect(json.stdout + json.stderr).not.toMatch(/ECRET|secret93/i);
  });

  it("answers -h with letters after it by the help alone", async () => {
    const result = await runCli(["generate", `-h${SECRET}`], scratch());
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--environment");
    expect(result.stdout + result.stderr).not.toMatch(/ECRET|secret93/i);
  });

  it.each([
    [["generate", "x.json", "--ot", "y"], "--ot", "unknown option (did you mean --out?)"],
    [
      ["diff", "a.json", "b.json", "--fail-on", "mayor"],
      "--fail-on",
      '"mayor" is not one of major, minor, patch (did you mean major?)',
    ],
    [
      ["generate", "--check", "--config="],
      undefined,
      "--config names no file: give the config's path, or leave --config out (postman-codegen generate --help)",
    ],
    // A refused option value, which was JSON already: the same shape.
    [
      ["generate", "x.json", "--package-version", "1.x"],
      "--package-version",
      '"1.x" is not a semantic version such as "1.2.3" or "2.0.0-beta.1", or "auto"',
    ],
  ])("with --json, says the usage error %j as JSON on stdout, exit code 2", async (args, where, problem) => {
    const result = await runCli([...args, "--json"], scratch());
    expect(result).toMatchObject({ code: 2, stderr: "" });
    expect(JSON.parse(result.stdout)).toEqual({
      ok: false,
      error: {
        file: "command line",
        ...(where !== undefined ? { where } : {}),
        problem,
        message: `command line${where !== undefined ? ` at ${where}` : ""}: ${problem}`,
      },
    });
  });

  it("generates one collection into --out with --name and --package-version, byte-identical to the committed package but for the name", async () => {
    const out = join(scratch(), "zoom");
    const result = await runCli([
      "generate",
      SEED_COLLECTION,
      "--out",
      out,
      "--name",
      "@acme/zoom-status",
      "--package-version",
      "1.4.0",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "package.json"), "utf8")).version).toBe("1.4.0");
    const committed = join(ROOT, "generated/zoom-update-user-status");
    const generatedFiles = Object.keys(snapshotDir(committed)).filter((path) => !path.endsWith(MANIFEST_FILE));
    expect(result.stdout).toContain(`@acme/zoom-status: 1 operation, ${generatedFiles.length} files`);
    expect(JSON.parse(readFileSync(join(out, "package.json"), "utf8")).name).toBe("@acme/zoom-status");
    // The package's name is in its operations' metadata (`package`, which isErrorOf matches across
    // the ESM and CJS copies by): the one difference.
    const renamed = (text: string) => text.replaceAll('"zoom-update-user-status"', '"@acme/zoom-status"');
    for (const file of ["src/client.ts", "dist/client.js", "dist/client.d.ts", "test/client.test.ts"]) {
      expect(readFileSync(join(out, file), "utf8")).toBe(renamed(readFileSync(join(committed, file), "utf8")));
    }
  });

  it.each([
    [["--name", "Zoom Status"], /^error: command line at --name: "Zoom Status" is not an npm package name/],
    [["--package-version", "v1"], /^error: command line at --package-version: "v1" is not a semantic version/],
    [["--package-version", "1.x"], /^error: command line at --package-version: "1.x" is not a semantic version/],
  ])("refuses %j, a usage error, with exit code 2 before reading anything", async (flags, message) => {
    const dir = scratch();
    const result = await runCli(["generate", SEED_COLLECTION, "--out", join(dir, "out"), ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ["not JSON", "{ nope", /^error: .*bad\.json at line 1, column 3: not valid JSON/],
    ["not a collection", '{"openapi": "3.0.0"}', /^error: .*bad\.json at info: not a Postman collection/],
    [
      "v1",
      readFileSync(`${FIXTURES}collections/newman-sample-v1.postman_collection.json`, "utf8"),
      /^error: .*bad\.json at \$: this is a Postman v1 collection/,
    ],
    [
      // A hand-written collection, or one a tool wrote without the schema: "unsupported collection
      // format null" said nothing of what was missing. (With an `item` list it is read as v2.)
      "without info.schema or an item list",
      JSON.stringify({ info: { name: "x" }, items: [] }),
      /^error: .*bad\.json at info\.schema: the collection's format is not given \(info\.schema is missing\): expected the v2\.1\.0 or v2\.0\.0 schema URL/,
    ],
    [
      "an API key in a header fetch cannot send",
      JSON.stringify({
        info: { name: "K", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        item: [
          {
            name: "r",
            request: {
              method: "GET",
              url: "https://x.test",
              auth: { type: "apikey", apikey: [{ key: "key", value: "X-Key\nX-Injected: 1" }] },
            },
          },
        ],
      }),
      /^error: .*bad\.json at item\[0\]\.request\.auth\.apikey\[0\]: the API key cannot be sent in the header "X-Key\\nX-Injected: 1"/,
    ],
  ])("stops on a file that is %s with exit code 1 and leaves the output as it was", async (_kind, text, message) => {
    const dir = scratch();
    const out = join(dir, "out");
    cpSync(join(ROOT, "generated/zoom-update-user-status"), out, { recursive: true });
    const before = snapshotDir(out);
    writeFileSync(join(dir, "bad.json"), text);
    const result = await runCli(["generate", join(dir, "bad.json"), "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(snapshotDir(out)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(["bad.json", "out"]);
  });

  it("runs from a subfolder with the config above it, writing where the config says, and names that config in errors", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "collections"));
    mkdirSync(join(dir, "app/src"), { recursive: true });
    copyFileSync(SEED_COLLECTION, join(dir, "collections/seed.json"));
    const config = join(dir, "postman-codegen.config.json");
    writeFileSync(config, JSON.stringify({ targets: [{ collection: "collections/seed.json", out: "gen/seed" }] }));
    const sub = join(dir, "app/src");
    const first = await runCli(["generate"], sub);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(existsSync(join(dir, "gen/seed", MANIFEST_FILE))).toBe(true);
    expect(readdirSync(sub)).toEqual([]);
    // The no-op fast path finds it too.
    expect(await runCli(["generate"], sub)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    writeFileSync(
      config,
      JSON.stringify({ targets: [{ collection: "collections/seed.json", out: "gen/seed", exlude: [] }] }),
    );
    expect((await runCli(["generate"], sub)).stderr).toMatch(`error: ${config} at targets[0].exlude: unknown option`);
  });

  it("keeps its caches beside the config, so that runs from a subfolder share them", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "collections"));
    mkdirSync(join(dir, "node_modules"));
    // A package of a monorepo, with a node_modules of its own: no second cache goes there.
    const sub = join(dir, "packages/app");
    mkdirSync(join(sub, "node_modules"), { recursive: true });
    copyFileSync(SEED_COLLECTION, join(dir, "collections/seed.json"));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "collections/seed.json", out: "gen/seed" }] }),
    );
    const cache = join(dir, "node_modules/.cache/postman-codegen");
    expect(await runCli(["generate"], sub)).toMatchObject({ code: 0, stderr: "" });
    // The output's format cache (kept even when the generator's own printers did all the formatting).
    expect(readdirSync(join(cache, "format"))).toHaveLength(1);
    // A no-op from the root records the output's stats; README.md then changes behind a stat that
    // still matches, which only a run that reads it can tell: "up to date" from the subfolder, by
    // the fast path and by the full command line (--json), shows they used the root's stat cache.
    const readme = join(dir, "gen/seed/README.md");
    const at = new Date("2020-01-01T00:00:00Z");
    utimesSync(readme, at, at);
    expect(await runCli(["generate"], dir)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    expect(existsSync(join(cache, "file-hashes.json"))).toBe(true);
    const text = readFileSync(readme, "utf8");
    const edited = text.replace("seed", "SEED");
    expect(edited).not.toBe(text);
    writeFileSync(readme, edited);
    utimesSync(readme, at, at);
    expect(await runCli(["generate"], sub)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    const json = await runCli(["generate", "--json"], sub);
    expect(JSON.parse(json.stdout)).toMatchObject({ targets: [{ name: "seed", status: "up-to-date" }] });
    expect(readdirSync(join(sub, "node_modules"))).toEqual([]);
  });

  it("names files from the working directory in its errors, the config and the collections alike", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "api"));
    writeFileSync(join(dir, "api/bad.json"), "{ nope");
    const config = (targets: unknown) =>
      writeFileSync(join(dir, "postman-codegen.config.json"), JSON.stringify({ targets }));
    expect((await runCli(["generate"], dir)).stderr).toMatch(/^error: postman-codegen\.config\.json: no config: /);
    expect((await runCli(["generate", "api/bad.json"], dir)).stderr).toMatch(
      /^error: api\/bad\.json at line 1, column 3: not valid JSON/,
    );
    config([{ collection: "api/bad.json", out: "gen/bad" }]);
    expect((await runCli(["generate"], dir)).stderr).toMatch(/^error: api\/bad\.json at line 1, column 3: /);
    config([{ collection: "api/bad.json", out: "gen/bad", exlude: [] }]);
    expect((await runCli(["generate"], dir)).stderr).toMatch(/^error: postman-codegen\.config\.json at targets\[0\]/);
    // Outside the working directory a path stays absolute: `../../` says less than the path.
    const elsewhere = join(scratch(), "bad.json");
    writeFileSync(elsewhere, "[]");
    expect((await runCli(["generate", elsewhere], dir)).stderr).toMatch(
      `error: ${elsewhere} at $: not a Postman collection`,
    );
  });

  it("writes nothing when one target of the config fails", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "bad.json"), "[]");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          { collection: SEED_COLLECTION, out: "good" },
          { collection: "bad.json", out: "bad" },
        ],
      }),
    );
    const result = await runCli(["generate"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*bad\.json at \$: not a Postman collection/);
    expect(readdirSync(dir).sort()).toEqual(["bad.json", "postman-codegen.config.json"]);
  });

  it.each([[[]], [["--force"]]])(
    "refuses (exit 1) an --out that is not empty and was not generated, %j, and changes nothing",
    async (flags) => {
      const dir = scratch();
      writeFileSync(join(dir, "package.json"), '{"name":"my-app","version":"3.1.4"}');
      writeFileSync(join(dir, "README.md"), "# mine");
      mkdirSync(join(dir, "src"));
      writeFileSync(join(dir, "src/client.ts"), "export const mine = 1;");
      const out = join(scratch(), "app");
      cpSync(dir, out, { recursive: true });
      const before = snapshotDir(out);
      const result = await runCli(["generate", SEED_COLLECTION, "--out", out, ...flags]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        `error: ${out}: the folder is not empty and holds no .postman-codegen.json, so postman-codegen did not make it`,
      );
      expect(result.stderr).toContain("Empty the folder or choose another output folder");
      expect(snapshotDir(out)).toEqual(before);
      expect(readdirSync(dirname(out))).toEqual(["app"]);
    },
  );

  it("writes no target when the output of one of them is refused", async () => {
    const dir = scratch();
    mkdirSync(join(dir, "theirs"));
    writeFileSync(join(dir, "theirs/index.ts"), "mine");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          { collection: SEED_COLLECTION, out: "good" },
          { collection: SEED_COLLECTION, out: "theirs", name: "other" },
        ],
      }),
    );
    const result = await runCli(["generate"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: theirs: the folder is not empty/);
    expect(readdirSync(dir).sort()).toEqual(["postman-codegen.config.json", "theirs"]);
    expect(readdirSync(join(dir, "theirs"))).toEqual(["index.ts"]);
  });

  it.each([
    [["--out", "."], /^error: command line at --out: the output folder "\." is the working directory/],
    [["--out", "src"], /^error: command line at --out: the output folder "src" holds the collection "src\/api\.json"/],
  ])("refuses %j (exit 2): it would replace the project, or carry off the collection", async (flags, message) => {
    const dir = scratch();
    mkdirSync(join(dir, "src"));
    cpSync(SEED_COLLECTION, join(dir, "src/api.json"));
    const before = snapshotDir(dir);
    const result = await runCli(["generate", "src/api.json", ...flags], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(snapshotDir(dir)).toEqual(before);
    expect(readdirSync(dirname(dir))).toContain(basename(dir));
  });

  it("refuses a config whose target writes to the config's own folder", async () => {
    const dir = scratch();
    cpSync(SEED_COLLECTION, join(dir, "api.json"));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "api.json", out: "." }] }),
    );
    const before = snapshotDir(dir);
    const result = await runCli(["generate"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*postman-codegen\.config\.json at targets\[0\]\.out: the output folder "\." is the working directory/,
    );
    expect(snapshotDir(dir)).toEqual(before);
  });

  it.each([
    ["027", "750"],
    ["002", "775"],
  ])("under umask %s, makes the package's folder %s as mkdir would", async (umask, mode) => {
    const out = join(scratch(), "pkg");
    const result = await runProgram("/bin/sh", [
      "-c",
      `umask ${umask} && exec "$0" "$@"`,
      process.execPath,
      BIN,
      "generate",
      SEED_COLLECTION,
      "--out",
      out,
      "--quiet",
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect((statSync(out).mode & 0o777).toString(8)).toBe(mode);
    expect((statSync(join(out, "src")).mode & 0o777).toString(8)).toBe(mode);
  });

  it.each([
    [["--out", "elsewhere", "--name", "other"], "--out, --name and --package-version go with a collection"],
    [["--package-version", "2.0.0"], "--out, --name and --package-version go with a collection"],
    [[SEED_COLLECTION, "--config", "postman-codegen.config.json"], "--config names the config whose targets"],
  ])("refuses %j, which it would ignore, with exit code 2 and writes nothing", async (flags, message) => {
    const dir = scratch();
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: SEED_COLLECTION, out: "gen" }] }),
    );
    const result = await runCli(["generate", ...flags], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(readdirSync(dir)).toEqual(["postman-codegen.config.json"]);
  });
});
