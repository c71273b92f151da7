// How the consumer test treats an emitted package as its users get it: `npm pack` it, install the
// tarball into apps with npm, type-check them with each TypeScript, run them with Node, bundle one
// with esbuild, and lint the tarball with attw and publint. Child processes (npm, tsc, node, attw)
// go through one pool sized to the machine: tsc runs are what the file costs, so each TypeScript
// version checks all the apps of a package in one process (tsc-batch.ts); a native one (7.0), which
// has no JavaScript API to load and starts in milliseconds, runs its own tsc per app.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { build } from "esbuild";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { runProgram, type ProgramResult } from "../helpers/program.js";
import { ROOT } from "../helpers/seed.js";
import { NATIVE_VERSIONS, TYPESCRIPT_PACKAGES, type TsVersion } from "./apps.js";
import type { BatchApp, BatchResult } from "./tsc-batch.js";

/** Runs at most `max` tasks at once; the others wait in call order. */
export function limiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (task) => {
    // A finishing task hands its slot to the next one, so a new caller cannot slip in between.
    if (active < max) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** One slot per core: a tsc run keeps about one core busy (plus its GC threads). */
export const pool = limiter(Math.max(1, Math.min(availableParallelism(), 4)));

/** Runs `make` on the first call only; every call gets its promise. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => (promise ??= make());
}

/** Memoizes a promise-returning function by key, so cells that need the same work share it. */
export function memo<T>(make: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const made = new Map<string, Promise<T>>();
  return (key) => {
    let promise = made.get(key);
    if (!promise) made.set(key, (promise = make(key)));
    return promise;
  };
}

/**
 * The environment of child processes: this process's, without what `npm test` adds for its own
 * scripts (npm_* settings would configure the nested npm) or NODE_OPTIONS (the apps run bare).
 */
export function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env))
    if (!/^npm_/i.test(key) && key !== "NODE_OPTIONS") env[key] = value;
  return { ...env, NO_COLOR: "1" };
}

/** Runs a program once the pool has a slot; `ms` is its own run time, not the wait for the slot. */
function run(
  file: string,
  args: readonly string[],
  cwd: string,
  timeout = 90_000,
): Promise<ProgramResult & { ms: number }> {
  return pool(async () => {
    const started = performance.now();
    const result = await runProgram(file, args, { cwd, env: childEnv(), timeout });
    return { ...result, ms: Math.round(performance.now() - started) };
  });
}

/**
 * The line of a program's output that says what went wrong: a TypeScript diagnostic, else a line
 * that starts with an error's name (Node prints the failing source line and a caret before it),
 * else npm's first error line, else the first line.
 */
export function firstErrorLine(output: string): string {
  const lines = output
    .split("\n")
    .map((line) => line.trimEnd())
    .filter(Boolean);
  for (const pattern of [/error TS\d+/, /^\w*Error\b/, /^npm error/]) {
    const line = lines.find((candidate) => pattern.test(candidate));
    if (line) return line;
  }
  return lines[0] ?? "(no output)";
}

/** `npm pack` of an emitted package into `dest`; the tarball's path. */
export async function pack(packageDir: string, dest: string): Promise<string> {
  // The emitted package.json has no lifecycle scripts; --ignore-scripts keeps it so if one appears.
  const result = await run(
    "npm",
    ["pack", "--pack-destination", dest, "--json", "--ignore-scripts", "--loglevel=error"],
    packageDir,
  );
  if (result.code !== 0)
    throw new Error(`npm pack in ${packageDir} exited ${result.code}: ${firstErrorLine(result.stderr)}`);
  const [info] = JSON.parse(result.stdout) as Array<{ filename: string }>;
  return join(dest, info!.filename);
}

/**
 * Writes an app's files and installs the tarball into it with npm, as a user would (`npm install
 * <tgz>`): offline, since the tarball has no dependencies, so no network is needed or used.
 * `typesNode` links this repository's @types/node into the app's node_modules afterwards, standing
 * in for the app's own `npm install -D @types/node` (the registry is not used).
 */
export async function installApp(
  appDir: string,
  files: Record<string, string>,
  tarball: string,
  typesNode: boolean,
): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(appDir, path)), { recursive: true });
    writeFileSync(join(appDir, path), text);
  }
  const result = await run(
    "npm",
    [
      "install",
      "--offline",
      "--no-audit",
      "--no-fund",
      "--ignore-scripts",
      "--no-package-lock",
      "--loglevel=error",
      tarball,
    ],
    appDir,
  );
  if (result.code !== 0)
    throw new Error(
      `npm install ${tarball} in ${appDir} exited ${result.code}: ${firstErrorLine(result.stderr)}\n${result.stderr}`,
    );
  if (typesNode) {
    mkdirSync(join(appDir, "node_modules/@types"), { recursive: true });
    symlinkSync(join(ROOT, "node_modules/@types/node"), join(appDir, "node_modules/@types/node"), "dir");
  }
}

export interface TscResult {
  /** The TypeScript that ran, e.g. 5.0.4. */
  version: string;
  code: number | null;
  /** Diagnostic lines (`file(line,col): error TSnnnn: …`), paths relative to the app. */
  errors: string[];
  output: string;
  ms: number;
}

/** The exact version of each TypeScript the cells use (the npm aliases pin them). */
export function typescriptVersion(version: TsVersion): string {
  const file = join(ROOT, "node_modules", TYPESCRIPT_PACKAGES[version], "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

/** tsc-batch.ts compiled for Node into `dir`, once per directory: the child needs no TypeScript loader. */
const batchScript = memo(async (dir) => {
  const outfile = join(dir, "tsc-batch.mjs");
  await build({
    entryPoints: [join(ROOT, "test/consumers/tsc-batch.ts")],
    outfile,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
  });
  return outfile;
});

/**
 * `tsc -p <config>` of one TypeScript version in each app, as one child process (tsc-batch.ts):
 * the apps' programs are made one after the other, each as tsc makes it, and share the warmed-up
 * TypeScript. `scratch` is a directory for the compiled script. `ms` is each program's own time.
 * A native TypeScript (NATIVE_VERSIONS) runs its `tsc` bin in each app instead.
 */
export async function tscBatch(version: TsVersion, apps: readonly BatchApp[], scratch: string): Promise<TscResult[]> {
  const typescript = join(ROOT, "node_modules", TYPESCRIPT_PACKAGES[version]);
  if (NATIVE_VERSIONS.has(version)) return Promise.all(apps.map((app) => nativeTsc(version, typescript, app)));
  const script = await batchScript(scratch);
  const result = await run(process.execPath, [script, typescript, JSON.stringify(apps)], scratch, 90_000 * apps.length);
  let reports: BatchResult[];
  try {
    reports = JSON.parse(result.stdout) as BatchResult[];
  } catch {
    throw new Error(
      `tsc-batch (TypeScript ${version}) exited ${result.code} without a report: ${firstErrorLine(result.stderr || result.stdout)}`,
    );
  }
  return reports.map(({ code, output, ms }) => ({
    version: typescriptVersion(version),
    code,
    errors: diagnostics(output),
    output,
    ms,
  }));
}

/**
 * `tsc -p <config> --pretty false` of a native TypeScript (no JavaScript API to load into
 * tsc-batch) in one app: its package's `tsc` bin, run by Node as npm's `.bin/tsc` would run it.
 */
async function nativeTsc(
  version: TsVersion,
  typescript: string,
  { dir, config }: { dir: string; config: string },
): Promise<TscResult> {
  const result = await run(process.execPath, [join(typescript, "bin/tsc"), "-p", config, "--pretty", "false"], dir);
  const output = result.stdout + result.stderr;
  return { version: typescriptVersion(version), code: result.code, errors: diagnostics(output), output, ms: result.ms };
}

/** The diagnostic lines of tsc's output (`file(line,col): error TSnnnn: …`). */
function diagnostics(output: string): string[] {
  return output.split("\n").filter((line) => /error TS\d+/.test(line));
}

/** Bundles the app's entry for browsers with esbuild, as its build would; the bundle's path. */
export async function bundleApp(appDir: string, entry: string, outfile: string): Promise<string> {
  await build({
    entryPoints: [join(appDir, entry)],
    absWorkingDir: appDir,
    outfile: join(appDir, outfile),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  return join(appDir, outfile);
}

/** Runs a script with Node in the app's directory. */
export function node(appDir: string, args: readonly string[]): Promise<ProgramResult & { ms: number }> {
  return run(process.execPath, args, appDir, 30_000);
}

interface AttwProblem {
  kind: string;
  entrypoint?: string;
  resolutionKind?: string;
  fileName?: string;
}

interface AttwAnalysis {
  types: false | { kind: string };
  entrypoints: Record<string, { resolutions: Record<string, { resolution?: { fileName: string } }> }>;
  problems: AttwProblem[];
}

/** The resolution kinds attw must find no problem in. */
export const ATTW_RESOLUTIONS = ["node10", "node16-cjs", "node16-esm", "bundler"] as const;

/**
 * Are the Types Wrong, on the tarball (what `attw --pack <dir>` checks after packing it): each
 * problem in any resolution kind, as one line. Run from `cwd` so no .attw.json of this repository
 * applies, and without DefinitelyTyped so it never looks anything up in the registry.
 */
export async function attw(tarball: string, cwd: string): Promise<{ problems: string[]; ms: number }> {
  const bin = join(ROOT, "node_modules/@arethetypeswrong/cli/dist/index.js");
  const result = await run(process.execPath, [bin, tarball, "--format", "json", "--no-definitely-typed"], cwd);
  let analysis: AttwAnalysis;
  try {
    analysis = (JSON.parse(result.stdout) as { analysis: AttwAnalysis }).analysis;
  } catch {
    throw new Error(
      `attw exited ${result.code} without a JSON report: ${firstErrorLine(result.stderr || result.stdout)}`,
    );
  }
  if (!analysis.types) return { problems: ["the package has no types"], ms: result.ms };
  const problems = analysis.problems.map((problem) => {
    const where = problem.resolutionKind ?? problem.fileName ?? "package";
    const entry = problem.entrypoint ?? ".";
    const resolved = problem.resolutionKind
      ? analysis.entrypoints[entry]?.resolutions[problem.resolutionKind]?.resolution?.fileName
      : undefined;
    return `${problem.kind} in ${where} for "${entry}"${resolved ? ` (types: ${resolved.replace(/^\/node_modules\/[^/]+\//, "")})` : ""}`;
  });
  for (const [entry, { resolutions }] of Object.entries(analysis.entrypoints)) {
    for (const kind of ATTW_RESOLUTIONS)
      if (!(kind in resolutions)) problems.push(`attw did not analyse ${kind} for "${entry}"`);
  }
  return { problems, ms: result.ms };
}

/**
 * Suggestions publint may make that the emitted packages are allowed to keep, each with the
 * reason. Empty: the emitted packages draw none today, and the generator writes every field of
 * their package.json, so a new suggestion is something it can act on, not a user's choice.
 */
export const ALLOWED_PUBLINT_SUGGESTIONS: ReadonlyMap<string, string> = new Map();

/** publint on the tarball: every message but the allowed suggestions, as text. */
export async function lintTarball(tarball: string): Promise<string[]> {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer },
    level: "suggestion",
  });
  return messages
    .filter((message) => !(message.type === "suggestion" && ALLOWED_PUBLINT_SUGGESTIONS.has(message.code)))
    .map(
      (message) =>
        `${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false }) ?? message.path.join(".")}`,
    );
}

type Status = { ok: true } | { ok: false; reason: string };

/** The results of every cell, for the table printed at the end. */
export class Matrix {
  /** Per package, per row, the columns that are cells. */
  readonly #declared = new Map<string, Map<string, Set<string>>>();
  readonly #results = new Map<string, Status>();

  constructor(readonly columns: readonly string[]) {}

  /** Declares a cell (at collection time, so the table keeps this order and shows cells that did not run). */
  declare(pkg: string, row: string, column: string): void {
    const rows = this.#declared.get(pkg) ?? new Map<string, Set<string>>();
    this.#declared.set(pkg, rows.set(row, (rows.get(row) ?? new Set()).add(column)));
  }

  /** Runs a cell's body, recording ok, or FAIL with the first line of what it threw. */
  async cell(pkg: string, row: string, column: string, body: () => Promise<void>): Promise<void> {
    const key = `${pkg}|${row}|${column}`;
    try {
      await body();
      this.#results.set(key, { ok: true });
    } catch (error) {
      this.#results.set(key, { ok: false, reason: firstLine(error instanceof Error ? error.message : String(error)) });
      throw error;
    }
  }

  /** A table per package (ok, FAIL, `-` for a cell that did not run, blank for no cell), then each failure's first line. */
  table(): string {
    const out: string[] = [];
    const failures: string[] = [];
    for (const [pkg, rows] of this.#declared) {
      out.push(`${pkg.padEnd(26)}${this.columns.map((column) => column.padEnd(8)).join("")}`.trimEnd());
      for (const [row, cells] of rows) {
        const marks = this.columns.map((column) => {
          if (!cells.has(column)) return "".padEnd(8);
          const status = this.#results.get(`${pkg}|${row}|${column}`);
          if (status && !status.ok) failures.push(`${pkg} ${row} ${column}: ${status.reason}`);
          return (status ? (status.ok ? "ok" : "FAIL") : "-").padEnd(8);
        });
        out.push(`  ${row.padEnd(24)}${marks.join("")}`.trimEnd());
      }
    }
    if (failures.length) out.push("", "failures (first line of each):", ...failures.map((failure) => `  ${failure}`));
    return out.join("\n");
  }
}

function firstLine(text: string): string {
  return (
    text
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? text
  );
}
