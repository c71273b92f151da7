// The no-op fast path: an output whose manifest records the same input and whose files are all
// as written needs no loading, emitting or formatting. Only node: modules and small project
// modules are imported, so that a build step with nothing to do costs about a Node start. After a
// no-op that found every target up to date, the next asks its stamp first (cache/noop-stamp.ts):
// stats and string comparisons, nothing hashed, the config not checked against its schema again.
import { readFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import { commandLineTarget, findConfig, type KnownConfigs, type Target } from "./config.js";
import { SCHEMA_FILE } from "./config-schema.js";
import { childPaths } from "./cache/child-path.js";
import { FileHashes } from "./cache/file-hashes.js";
import { builtCode, fingerprintedTarget, formattingInputs, inputHash, templateStats } from "./cache/fingerprint.js";
import { MANIFEST_FILE, readManifestHead, type ManifestHead } from "./cache/manifest.js";
import { NoopStamp, statOf, type OwnNames, type StampStats } from "./cache/noop-stamp.js";
import { LEVELS, type Level } from "./diff/levels.js";
import type { GenerateFlags } from "./generate-command.js";
import { environmentName } from "./load/environment-name.js";
import { binPaths, MODES_KEPT, modeAsWritten } from "./write/file-modes.js";
import { leftoversBeside } from "./write/leftovers.js";

// In dist/ this module is a bundle with its own copy of the fingerprint's module, and so of the
// fingerprint it keeps: `generate --watch` forgets both when a template may have changed (watch.ts).
export { forgetGeneratorFingerprint } from "./cache/fingerprint.js";

export function isUpToDate(target: Target, hashes: FileHashes = FileHashes.forProject(undefined)): boolean {
  return upToDateManifest(target, hashes) !== undefined;
}

/**
 * The output's manifest (its head: without the surface) when the output is up to date, its input
 * as recorded and every file as written; else undefined. `judged` is given the stat of each file
 * whose bytes that answer rests on, as it was before they were read (undefined where there was none
 * to take), for the no-op's stamp: the manifest's first, whose version the input is hashed with.
 * `names` is given the own name of each environment file the input hash asked for one (read with
 * the bytes whose stat `judged` has), for the stamp too.
 */
export function upToDateManifest(
  target: Target,
  hashes: FileHashes = FileHashes.forProject(undefined),
  judged?: Array<StampStats | undefined>,
  formatting?: readonly string[],
  names?: OwnNames,
): ManifestHead | undefined {
  const manifestStats = judged && statOf(join(target.out, MANIFEST_FILE));
  const manifest = readManifestHead(target.out);
  if (!manifest) return undefined;
  // An input that cannot be read (renamed, moved, mid-replace by an editor) makes the output stale:
  // loading it then says which file and why, as for a first generation, not a stat's stack trace.
  // The version is the one the output has: what "auto" keeps while the API is unchanged.
  let input: string;
  const named = names && {
    hash: (path: string) => hashes.hash(path),
    ownName: (path: string) => {
      const name = hashes.ownName(path);
      names[path] = name ?? null;
      return name;
    },
  };
  try {
    input = inputHash(target, manifest.version, named ?? hashes, formatting);
  } catch {
    return undefined;
  }
  if (manifest.input !== input) return undefined;
  const file = childPaths(target.out);
  const outputs = Object.entries(manifest.files).map(([path, hash]) => [file(path), hash] as const);
  for (const [path, hash] of outputs) {
    try {
      if (hashes.hash(path) !== hash) return undefined;
    } catch {
      return undefined;
    }
  }
  // A bin that lost its executable bit is a change git shows (file-modes.ts judges no other file).
  if (MODES_KEPT) {
    let bins: Set<string>;
    try {
      bins = binPaths(
        manifest.files["package.json"] !== undefined ? readFileSync(file("package.json"), "utf8") : undefined,
      );
    } catch {
      return undefined;
    }
    for (const path of Object.keys(manifest.files).filter((path) => bins.has(path))) {
      const mode = hashes.stats(file(path))?.[4];
      if (mode === undefined || !modeAsWritten(mode, true)) return undefined;
    }
  }
  if (judged) {
    const inputs = [target.collection, ...(target.environments ?? []).map((env) => env.file)];
    if (target.globals !== undefined) inputs.push(target.globals);
    judged.push(manifestStats, ...[...inputs, ...outputs.map(([path]) => path)].map((path) => hashes.stats(path)));
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
      if (value === undefined || value === "" || value.startsWith("-") || values[key] !== undefined) return undefined;
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
  // The no-op's stamp (src/cache/noop-stamp.ts), for the build only. What it compares of the
  // generator is read before anything reads the files it stands for: a file changed in between is
  // then a change to the next run, rather than stamped with an answer about its older bytes.
  const code = builtCode();
  const schema = code !== undefined ? statOf(SCHEMA_FILE) : undefined;
  const templates = code !== undefined ? templateStats() : [];
  let stamp: NoopStamp | undefined;
  const stampOf = (file: string | undefined) => (stamp ??= NoopStamp.forProject(file));
  const known: KnownConfigs | undefined =
    code === undefined
      ? undefined
      : {
          valid: (file, text) => stampOf(file).configValid(file, text, code, schema),
          found: (file, text) => stampOf(file).rememberConfig(file, text, code, schema),
        };
  try {
    if (collection !== undefined)
      targets = [
        commandLineTarget(collection, values.out, values.name, values.version, {
          ...(lists.environments ? { environments: lists.environments } : {}),
          ...(values.globals !== undefined ? { globals: values.globals } : {}),
        }),
      ];
    else ({ file: configFile, targets } = findConfig(process.cwd(), values.config, undefined, known));
    // The stat cache beside the config (the working directory's without one): src/cache/cache-folder.ts.
    // Read only when the stamp does not answer.
    const project = () => (hashes ??= FileHashes.forProject(configFile));
    const upToDate = (target: Target): boolean => {
      // What a killed run left beside the output: the full path clears it (generate.ts).
      if (!check && leftoversBeside(target.out).length > 0) return false;
      if (code === undefined) return isUpToDate(target, project());
      // Everything the input hash takes beyond the files' bytes, compared as it is: the target as
      // the input hash takes it (stampedTarget), the files' paths, the generator and the formatting.
      const formatting = formattingInputs(target.out);
      const key = (version: string | undefined, names: OwnNames) => {
        const stamped = stampedTarget(target, version, names);
        return stamped && JSON.stringify([stamped, code, templates, formatting]);
      };
      if (stampOf(configFile).upToDate(target.out, key)) return true;
      // On a miss the input hash takes the texts the key holds, not a second reading of them.
      const judged: Array<StampStats | undefined> = [];
      const names: OwnNames = {};
      const manifest = upToDateManifest(target, project(), judged, formatting, names);
      if (!manifest) return false;
      const checked = key(manifest.version, names);
      if (checked !== undefined && judged.every((stats) => stats !== undefined))
        stampOf(configFile).remember(target.out, checked, manifest.version, judged, names);
      return true;
    };
    if (force || !targets.every(upToDate))
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
    stamp?.save();
  }
  if (!quiet) writeOut(targets.map((target) => `${target.name}: up to date\n`).join(""));
  return "done";
}

/**
 * The target as the no-op's stamp key takes it, for an output whose version is `version`:
 * fingerprintedTarget (its version as the output would have it, so that a config's fixed version
 * and the command line's "auto" that give the same one find one stamp), each environment known by
 * its name as the input hash takes it (environment-name.ts: given, else from `names`, the files'
 * own names the check read), so that a config's key and the command line's file naming itself
 * alike find one stamp. Undefined where it needs an own name that `names` lacks.
 */
function stampedTarget(target: Target, version: string | undefined, names: OwnNames): Target | undefined {
  const fingerprinted = fingerprintedTarget(target, version);
  if (fingerprinted.environments === undefined) return fingerprinted;
  let unread = false;
  const environments = fingerprinted.environments.map(({ file, name: given }) => {
    const name = environmentName(given, () => {
      if (Object.hasOwn(names, file)) return names[file] ?? undefined;
      unread = true;
      return undefined;
    });
    return name === undefined ? { file } : { file, name };
  });
  return unread ? undefined : { ...fingerprinted, environments };
}

/**
 * Writes to stdout with a plain write to its file descriptor: the first use of process.stdout
 * loads and compiles Node's stream modules, a tenth of what a no-op costs over a bare Node start.
 * Whatever it cannot write so (a non-blocking pipe that is full, a closed one) is left to
 * process.stdout, which then writes and fails as it always did.
 */
export function writeOut(text: string): void {
  let rest = Buffer.from(text);
  try {
    while (rest.length > 0) rest = rest.subarray(writeSync(1, rest));
  } catch {
    process.stdout.write(rest);
  }
}
