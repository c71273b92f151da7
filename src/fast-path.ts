// The no-op fast path: an output whose manifest records the same input and whose files are all
// as written needs no loading, emitting or formatting. Only node: modules and small project
// modules are imported, so that a build step with nothing to do costs about a Node start.
import { join } from "node:path";
import { commandLineTarget, findConfig, type Target } from "./config.js";
import { FileHashes } from "./cache/file-hashes.js";
import { inputHash } from "./cache/fingerprint.js";
import { readManifest } from "./cache/manifest.js";
import { LEVELS, type Level } from "./diff/levels.js";

export function isUpToDate(target: Target, hashes: FileHashes = FileHashes.forProject(process.cwd())): boolean {
  const manifest = readManifest(target.out);
  if (!manifest || manifest.input !== inputHash(target, hashes)) return false;
  for (const [path, hash] of Object.entries(manifest.files)) {
    try {
      if (hashes.hash(join(target.out, path)) !== hash) return false;
    } catch {
      return false;
    }
  }
  return true;
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
 * `generate` with a collection file (`--out`, `--name`, `--package-version`, `--environment`,
 * `--globals`) or with the config (`--config`), plus only --quiet, --verbose, --check and
 * --check's --fail-on, every target up to date: report and exit 0 (an up-to-date target has no
 * API change to fail on or print). Returns false for anything else, including anything it does not
 * parse exactly as the full command line would: that then takes over (and reports usage errors).
 */
export function fastGenerate(args: readonly string[]): boolean {
  if (args[0] !== "generate") return false;
  let quiet = false;
  let check = false;
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
    else if (arg === "--verbose") continue;
    else if (option === "--fail-on") {
      const value = option === arg ? args[++i] : arg.slice(eq + 1);
      if (failOn !== undefined || !LEVELS.includes(value as Level)) return false;
      failOn = value as Level;
    } else if (Object.hasOwn(VALUE_OPTIONS, option)) {
      const key = VALUE_OPTIONS[option as keyof typeof VALUE_OPTIONS];
      const value = option === arg ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value.startsWith("-") || values[key] !== undefined) return false;
      values[key] = value;
    } else if (Object.hasOwn(LIST_OPTIONS, option)) {
      const value = option === arg ? args[++i] : arg.slice(eq + 1);
      if (value === undefined || value.startsWith("-")) return false;
      (lists[LIST_OPTIONS[option as keyof typeof LIST_OPTIONS]] ??= []).push(value);
    } else if (!arg.startsWith("-") && collection === undefined) collection = arg;
    else return false;
  }
  // --fail-on without --check is a usage error: the full command line says so.
  if (failOn !== undefined && !check) return false;
  // The full command line ignores --config when a collection is named; leave that case to it.
  if (collection !== undefined && values.config !== undefined) return false;
  if (
    collection === undefined &&
    (values.out ?? values.name ?? values.version ?? values.globals ?? lists.environments) !== undefined
  )
    return false;
  let targets: Target[];
  const hashes = FileHashes.forProject(process.cwd());
  try {
    targets =
      collection !== undefined
        ? [
            commandLineTarget(collection, values.out, values.name, values.version, {
              ...(lists.environments ? { environments: lists.environments } : {}),
              ...(values.globals !== undefined ? { globals: values.globals } : {}),
            }),
          ]
        : findConfig(process.cwd(), values.config).targets;
    if (!targets.every((target) => isUpToDate(target, hashes))) return false;
  } catch {
    return false;
  } finally {
    hashes.save();
  }
  if (!quiet) for (const target of targets) process.stdout.write(`${target.name}: up to date\n`);
  return true;
}
