// What the command line loads to answer without doing any work: the version, the help, a usage
// error. Build steps, CI's `--check` jobs and this suite run the command hundreds of times, and
// loading a package costs more CPU than most answers: each is given with only the packages it is
// made with. Checked by the files a run loads (never by timing it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pathToFileURL } from "node:url";
import { BIN, runCli } from "./helpers/cli.js";
import { runProgram } from "./helpers/program.js";
import { loadedModules } from "./helpers/loaded-modules.js";
import { ROOT, SEED_COLLECTION } from "./helpers/seed.js";

/**
 * The generator's packages that cost a command the most to load, in CPU of a bare import on a
 * shared 2-core machine: TypeScript and ts-morph (~1 s each), the SDK (~0.15 s), yargs (~0.15 s;
 * its help and parsing are what the answers below are made of), prettier, Handlebars, Ajv.
 */
const HEAVY_PACKAGES = ["typescript", "ts-morph", "postman-collection", "yargs", "prettier", "handlebars", "ajv"];

/**
 * The generator's own modules that only a command's work needs, each with what it loads in turn:
 * the config's reader (its schema and validation), what a result is reported with, the pipeline
 * (the one module of the fast path's `generate`, and generate.ts).
 */
const WORK_MODULES = ["config.js", "cli-report.js", "generate-entry.js", "generate.js"];

/** The work modules among the files a run loaded (from dist/). */
function workLoaded(files: readonly string[]): string[] {
  const dist = join(ROOT, "dist");
  return WORK_MODULES.filter((name) => files.includes(join(dist, name)));
}

/** The heavy packages among the files a run loaded, in HEAVY_PACKAGES' order. */
function heavyLoaded(files: readonly string[]): string[] {
  const packages = new Set(
    files.flatMap((file) => {
      const inPackage = /^.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file);
      return inPackage ? [inPackage[1]!.replace("\\", "/")] : [];
    }),
  );
  return HEAVY_PACKAGES.filter((name) => packages.has(name));
}

const VERSION = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;

// Each run is a process of its own, recording into a folder of its own, and writes nothing else but
// the first test's output in its own folder: the tests run side by side.
describe.concurrent("the command line's answers that do no work", () => {
  it("a generation loads what it works with: what the checks below look for is seen", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-loads-"));
    const run = await loadedModules([
      "generate",
      SEED_COLLECTION,
      "--out",
      join(dir, "seed"),
      "--name",
      "seed",
      "--json",
    ]);
    rmSync(dir, { recursive: true, force: true });
    expect(run.code).toBe(0);
    expect(heavyLoaded(run.loaded)).toEqual(expect.arrayContaining(["postman-collection", "yargs"]));
    expect(workLoaded(run.loaded)).toEqual(expect.arrayContaining(["config.js", "cli-report.js", "generate.js"]));
  });

  it("--version loads none of the heavy packages, yargs included", async () => {
    const run = await loadedModules(["--version"]);
    expect(run).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(heavyLoaded(run.loaded)).toEqual([]);
    expect(workLoaded(run.loaded)).toEqual([]);
  });

  it.each([[["--help"]], [["generate", "--help"]], [["diff", "--help"]], [["mock", "-h"]]])(
    "%j loads yargs, which writes the help, and none of the others",
    async (args) => {
      const run = await loadedModules(args);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toContain("--help");
      expect(heavyLoaded(run.loaded)).toEqual(["yargs"]);
      expect(workLoaded(run.loaded)).toEqual([]);
    },
  );

  // Not `diff a.json`: whether that is one takes the config (a single target's output is the API before).
  it.each([[["generate", "--ot", "x"]], [["diff", "a.json", "b.json", "c.json"]], [["bogus"]], [[]]])(
    "the usage error of %j loads yargs, which finds it, and none of the others",
    async (args) => {
      const run = await loadedModules(args);
      expect(run.code).toBe(2);
      expect(run.stderr).not.toBe("");
      expect(heavyLoaded(run.loaded)).toEqual(["yargs"]);
      expect(workLoaded(run.loaded)).toEqual([]);
    },
  );

  it("--version is the generator's own, not that of the package.json where it runs", async () => {
    const project = mkdtempSync(join(tmpdir(), "postman-codegen-version-"));
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", version: "9.9.9" }));
    // The same answer when yargs gives it (the version asked beside another option).
    const [alone, withYargs] = await Promise.all([
      runCli(["--version"], project),
      runCli(["--version", "--json"], project),
    ]);
    rmSync(project, { recursive: true, force: true });
    expect(alone).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
    expect(withYargs).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: "" });
  });
});

/**
 * The built command run with two watchers: a loader hook that wraps cliui (the help's layout, which
 * yargs imports in any case), `laidOut` counting the helps it laid out; and fs.readFileSync wrapped,
 * `prebuiltReads` counting the reads of the build's transpiled and formatted runtime (compile.ts).
 */
async function runWatched(args: readonly string[]) {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-watched-"));
  try {
    const layouts = join(dir, "layouts.txt");
    const reads = join(dir, "reads.txt");
    const hooks = join(dir, "hooks.mjs");
    const record = join(dir, "record.mjs");
    writeFileSync(layouts, "");
    writeFileSync(reads, "");
    // The wrapper imports cliui itself under another URL (a query), which the hook lets through.
    writeFileSync(
      hooks,
      [
        "export async function load(url, context, next) {",
        '  if (!url.endsWith("/node_modules/cliui/index.mjs")) return next(url, context);',
        "  const source = [",
        `    "import real from " + JSON.stringify(url + "?real") + ";",`,
        `    'import { appendFileSync } from "node:fs";',`,
        '    "export default function ui(options) {",',
        '    "  const made = real(options);",',
        '    "  const layout = made.toString.bind(made);",',
        `    "  made.toString = () => (appendFileSync(" + ${JSON.stringify(JSON.stringify(layouts))} + ", 'laid out\\\\n'), layout());",`,
        '    "  return made;",',
        '    "}",',
        '  ].join("\\n");',
        '  return { format: "module", source, shortCircuit: true };',
        "}",
      ].join("\n"),
    );
    writeFileSync(
      record,
      [
        'import fs from "node:fs";',
        'import { register, syncBuiltinESMExports } from "node:module";',
        `register(${JSON.stringify(pathToFileURL(hooks).href)});`,
        "const read = fs.readFileSync;",
        "fs.readFileSync = function (file, ...rest) {",
        `  if (String(file).endsWith("runtime-dist.json")) fs.appendFileSync(${JSON.stringify(reads)}, "read\\n");`,
        "  return read.call(this, file, ...rest);",
        "};",
        "syncBuiltinESMExports();",
      ].join("\n"),
    );
    const run = await runProgram(process.execPath, ["--import", pathToFileURL(record).href, BIN, ...args], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    const count = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean).length;
    return { ...run, laidOut: count(layouts), prebuiltReads: count(reads) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.concurrent("what a command that needs it alone does", () => {
  // yargs laid out the command's whole help as it started the handler, for a showHelp() no
  // handler here calls (~30 ms of CPU), and diff read the build's 1.5 MB of transpiled runtime
  // for a generation it never makes (~30 ms): each of diff, pull, mock and generate --json
  // (src/cli.ts, src/emit/compile.ts).
  it("diff neither lays out the help nor reads the prebuilt runtime", async () => {
    const run = await runWatched(["diff", SEED_COLLECTION, SEED_COLLECTION]);
    expect(run).toMatchObject({ code: 0, stdout: "no API change\n", stderr: "", laidOut: 0, prebuiltReads: 0 });
  });

  it("--help lays out the help", async () => {
    const help = await runWatched(["diff", "--help"]);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    expect(help.stdout).toContain("postman-codegen diff [old] [new]");
    expect(help.laidOut).toBeGreaterThan(0);
  });

  it("a generation reads the prebuilt runtime, once", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-watched-out-"));
    const run = await runWatched(["generate", SEED_COLLECTION, "--out", join(dir, "seed"), "--name", "seed"]);
    rmSync(dir, { recursive: true, force: true });
    expect(run).toMatchObject({ code: 0, stderr: "", prebuiltReads: 1 });
  });
});
