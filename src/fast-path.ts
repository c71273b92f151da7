// The no-op fast path: an output whose manifest records the same input and whose files are all
// as written needs no loading, emitting or formatting. Only node: modules and small project
// modules are imported, so that a build step with nothing to do costs about a Node start.
import { commandLineTarget, findConfig, type Target } from "./config.js";
import { childPaths } from "./cache/child-path.js";
import { FileHashes } from "./cache/file-hashes.js";
import { inputHash } from "./cache/fingerprint.js";
import { readManifestHead, type ManifestHead } from "./cache/manifest.js";
import { LEVELS, type Level } from "./diff/levels.js";
import type { GenerateFlags } from "./generate-command.js";

export function isUpToDate(target: Target, hashes: FileHashes = FileHashes.forProject(undefined)): boolean {
  return upToDateManifest(target, hashes) !== undefined;
}

/**
 * The output's manifest (its head: without the surface) when the output is up to date, its input
 * as recorded and every file as written; else undefined.
 */
export function upToDateManifest(
  target: Target,
  hashes: FileHashes = FileHashes.forProject(undefined),
): ManifestHead | undefined {
  const manifest = readManifestHead(target.out);
  if (!manifest || manifest.input !== inputHash(target, hashes)) return undefined;
  const file = childPaths(target.out);
  for (const [path, hash] of Object.entries(manifest.files)) {
    try {
      if (hashes.hash(file(path)) !== hash) return undefined;
    } catch {
      return undefined;
    }
  }
  return manifest;
}

/** The options of `generate` that the fast path reads a value for, and the key each fills. */
const VALUE_OPTIONS = {
  "--out": "out",
  "--name": "name",
  "--package-version": "version",
  "--config": "config",
  "--globals": "globals",
} as const;
type ValueKey = (typeof VALUE_OPTIONS)[keyof typeof VALUE_OPTIONS];
/** Options that may be given more than once, each time with a value. */
const LIST_OPTIONS = { "--environment": "environments", "-e": "environments" } as const;
type ListKey = (typeof LIST_OPTIONS)[keyof typeof LIST_OPTIONS];

/**
 * What the fast path found: every target up to date and reported ("done"); targets to generate with
 * the flags it parsed (run by generate-command.ts, without loading yargs); or undefined, for the
 * full command line.
 */
export type FastPath = "done" | { targets: Target[]; flags: GenerateFlags } | undefined;

/**
 * `generate` with a collection file (`--out`, `--name`, `--package-version`, `--environment`,
 * `--globals`) or with the config (`--config`), plus only --quiet, --verbose, --force, --check and
 * --check's --fail-on. Every target up to date (and no --force): report it ("done"; an up-to-date
 * target has no API change to fail on or print). Else the targets and flags to generate with.
 * Undefined for anything else, including anything it does not parse exactly as the full command
 * line would: that then takes over (and reports usage errors).
 */
export function fastGenerate(args: readonly string[]): FastPath {
  if (args[0] !== "generate") return undefined;
  let quiet = false;
  let check = false;
  let force = false;
  let verbose = false;
  let failOn: Level | undefined;
  let collection: string | undefined;
  const values: Partial<Record<ValueKey, string>> = {};
  const lists: Partial<Record<ListKey, string[]>> = {};
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    const eq = arg.indexOf("=");
    const option = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    if (arg === "--quiet") quiet = true;
    else if (arg === "--check") check = true;
    else if (arg === "--force") force = true;
    else if (arg === "--verbose") verbose = true;
    else if (option === "--fail-on") {
      const value = option === arg ? args[++i] : arg.slice(eq + 1);
      if (failOn !== undefined || !LEVELS.includes(value as Level)) return undefined;
      failOn = value as Level;
    } else if (Object.hasOwn(VALUE_OPTIONS, option)) {
      const key = VALUE_OPTIONS[option as keyof typeof VALUE_OPTIONS];
      const value = option === arg ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value.startsWith("-") || values[key] !== undefined) return undefined;
      values[key] = value;
    } else if (Object.hasOwn(LIST_OPTIONS, option)) {
      const value = option === arg ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value.startsWith("-")) return undefined;
      (lists[LIST_OPTIONS[option as keyof typeof LIST_OPTIONS]] ??= []).push(value);
    } else if (!arg.startsWith("-") && collection === undefined) collection = arg;
    else return undefined;
  }
  // --fail-on without --check is a usage error: the full command line says so.
  if (failOn !== undefined && !check) return undefined;
  // --config with a collection, or --out, --name, --package-version without one: usage errors the
  // full command line reports.
  if (collection !== undefined && values.config !== undefined) return undefined;
  if (
    collection === undefined &&
    (values.out ?? values.name ?? values.version ?? values.globals ?? lists.environments) !== undefined
  )
    return undefined;
  let targets: Target[];
  let configFile: string | undefined;
  let hashes: FileHashes | undefined;
  try {
    if (collection !== undefined)
      targets = [
        commandLineTarget(collection, values.out, values.name, values.version, {
          ...(lists.environments ? { environments: lists.environments } : {}),
          ...(values.globals !== undefined ? { globals: values.globals } : {}),
        }),
      ];
    else ({ file: configFile, targets } = findConfig(process.cwd(), values.config));
    // The stat cache beside the config (the working directory's without one): src/cache/cache-folder.ts.
    const project = (hashes = FileHashes.forProject(configFile));
    if (force || !targets.every((target) => isUpToDate(target, project)))
      return {
        targets,
        flags: {
          ...(configFile !== undefined ? { configFile } : {}),
          check,
          force,
          quiet,
          json: false,
          verbose,
          ...(failOn !== undefined ? { failOn } : {}),
        },
      };
  } catch {
    // A bad config or target: the full command line reports it.
    return undefined;
  } finally {
    hashes?.save();
  }
  if (!quiet) for (const target of targets) process.stdout.write(`${target.name}: up to date\n`);
  return "done";
}
