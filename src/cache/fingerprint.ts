// What an output depends on, hashed: the fast path compares it with the manifest before loading
// anything heavy. Only node: modules are imported here.
import { existsSync, lstatSync, readdirSync, readFileSync, statSync, type Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { createHash } from "./hash.js";
import type { Target } from "../config.js";
import { DEFAULT_PACKAGE_VERSION, raisesVersion } from "../config-constants.js";
import type { PackageInfo } from "../emit/views.js";
import { CODE_DIR, PACKAGE_ROOT, TEMPLATE_DIR } from "../paths.js";
import { childPaths } from "./child-path.js";
import { FileHashes } from "./file-hashes.js";
import { statOf, type StampStats } from "./noop-stamp.js";
import { sha256 } from "./manifest.js";
import { environmentName } from "../load/environment-name.js";

const ROOT = PACKAGE_ROOT;

/** The fingerprint's file, relative to the code's directory: next to this module, in dist/cache/. */
export const FINGERPRINT_NAME = "cache/fingerprint.txt";

/**
 * Where the build keeps the fingerprint of the code it was built from (codeFingerprint), on its
 * first line; the second has the templates' it precompiled, which the tests' setup compares. From
 * src/ there is none, so a run from the sources computes its own.
 */
export const FINGERPRINT_FILE = join(CODE_DIR, FINGERPRINT_NAME);

let generator: string | undefined;

/**
 * The generator's identity: its code (codeFingerprint) and its templates. A changed generator
 * regenerates everything, even without a version bump; running from src/ (tsx) or from dist/ gives
 * the same fingerprint. The templates are hashed as they are now, not as the build saw them: they
 * are rendered from their text (a template edited in an installed package is compiled then, see
 * emit/templates.ts), so an edit must make every output stale. A few small files: a fraction of a
 * millisecond of the no-op.
 */
export function generatorFingerprint(): string {
  if (generator) return generator;
  // Running the build (dist/): its code's fingerprint was taken from the sources it was built from.
  const code = existsSync(FINGERPRINT_FILE)
    ? readFileSync(FINGERPRINT_FILE, "utf8").split("\n")[0]!
    : codeFingerprint();
  generator = sha256(`${code}\0${templatesFingerprint()}`);
  return generator;
}

/**
 * Forgets the fingerprint taken: the next call hashes the templates as they are then. For a process
 * that outlives a template's edit (`generate --watch`), between two runs, never during one (the
 * input hash and the manifest must name the same generator).
 */
export function forgetGeneratorFingerprint(): void {
  generator = undefined;
}

/**
 * The fingerprint of the code in this checkout (or package): its package.json (version and
 * dependency versions) and its TypeScript sources (all of them in a checkout, those it copies into
 * emitted packages in the published one). What the build records.
 */
export function codeFingerprint(): string {
  const hash = [readFileSync(join(ROOT, "package.json"), "utf8")];
  const dir = join(ROOT, "src");
  if (existsSync(dir))
    for (const file of filesUnder(dir))
      if (file.endsWith(".ts")) hash.push(file.slice(dir.length), readFileSync(file, "utf8"));
  return sha256(hash.join("\0"));
}

/** What the build writes to FINGERPRINT_FILE, and what the tests' setup expects to find there. */
export function builtFingerprint(): string {
  return `${codeFingerprint()}\n${templatesFingerprint()}\n`;
}

/**
 * The build's record of its code fingerprint as it is now (undefined from the sources), for the
 * no-op's stamp, which compares it instead of hashing anything.
 */
export function builtCode(): string | undefined {
  try {
    return readFileSync(FINGERPRINT_FILE, "utf8");
  } catch {
    return undefined;
  }
}

/** The templates generatorFingerprint hashes, each with its stat, for the no-op's stamp. */
export function templateStats(): Array<StampStats | undefined> {
  return existsSync(TEMPLATE_DIR)
    ? filesUnder(TEMPLATE_DIR)
        .filter((file) => file.endsWith(".hbs"))
        .map(statOf)
    : [];
}

/** The templates' names and texts, hashed. */
function templatesFingerprint(): string {
  const hash: string[] = [];
  if (existsSync(TEMPLATE_DIR))
    for (const file of filesUnder(TEMPLATE_DIR))
      if (file.endsWith(".hbs")) hash.push(file.slice(TEMPLATE_DIR.length), readFileSync(file, "utf8"));
  return sha256(hash.join("\0"));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/**
 * prettier's config files, in the order it tries them in each folder from the formatted file's up
 * (prettier 3.10: src/config/prettier-config/config-searcher.js). The first it finds is its config.
 */
const PRETTIER_CONFIG_FILES = [
  "package.json",
  "package.yaml",
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yml",
  ".prettierrc.yaml",
  ".prettierrc.json5",
  ".prettierrc.js",
  "prettier.config.js",
  ".prettierrc.ts",
  "prettier.config.ts",
  ".prettierrc.mjs",
  "prettier.config.mjs",
  ".prettierrc.mts",
  "prettier.config.mts",
  ".prettierrc.cjs",
  "prettier.config.cjs",
  ".prettierrc.cts",
  "prettier.config.cts",
  ".prettierrc.toml",
];

/**
 * What prettier reads for files in `dir` (`resolveConfig` with `editorconfig: true`): its config
 * file, and the `.editorconfig` files it merges under it. Contents only, not paths, so that two
 * checkouts of one project hash alike; a file prettier would not read is left out, so that one
 * outside the project (a `~/.editorconfig`) does not make the committed output's hash differ
 * from one machine to the next. What a config loads in turn (a shared config it names, a file a
 * JavaScript config imports) is not followed.
 */
export function formattingInputs(dir: string): string[] {
  return [...prettierConfig(resolve(dir)), ...editorconfigs(resolve(dir))];
}

/** prettier's config for files in `dir`: the first of its file names found from there up. */
function prettierConfig(dir: string): string[] {
  const found: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const under = childPaths(current);
    for (const name of PRETTIER_CONFIG_FILES) {
      const text = fileText(under(name));
      if (text === undefined) continue;
      if (name === "package.json") {
        // prettier passes over a package.json without a "prettier" value, or that is not JSON.
        let key: unknown;
        try {
          key = (JSON.parse(text.replace(/^\uFEFF/, "")) as { prettier?: unknown }).prettier;
        } catch {
          continue;
        }
        if (!key) continue;
        found.push(name, JSON.stringify(key));
        return found;
      }
      if (name === "package.yaml") {
        // Whether prettier takes it depends on its "prettier" value as YAML, which would take a
        // YAML parser to read: hashed when it may have one, and the search goes on as if not.
        if (text.includes("prettier")) found.push(name, text);
        continue;
      }
      found.push(name, text);
      return found;
    }
    if (dirname(current) === current) return found;
  }
}

/**
 * The `.editorconfig` files prettier merges for files in `dir`: from there up to the project's
 * root (see projectRoot), stopping after one that declares `root = true`.
 */
function editorconfigs(dir: string): string[] {
  const root = projectRoot(dir);
  const found: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    const text = fileText(childPaths(current)(".editorconfig"));
    if (text !== undefined) {
      found.push(".editorconfig", text);
      if (declaresRoot(text)) return found;
    }
    if (current === root || dirname(current) === current) return found;
  }
}

/**
 * Where prettier's editorconfig lookup stops (src/config/find-project-root.js): the nearest folder
 * from `dir` up holding a `.git` (a folder, or the file of a worktree or submodule) or a `.hg`
 * folder; without one, the file system's root.
 */
function projectRoot(dir: string): string {
  for (let current = dir; ; current = dirname(current)) {
    const under = childPaths(current);
    if (entryAt(under(".git"))) return current;
    if (entryAt(under(".hg"))?.isDirectory()) return current;
    if (dirname(current) === current) return current;
  }
}

/**
 * Whether an `.editorconfig` declares `root` before its first section, read as prettier's parser
 * reads it (editorconfig-without-wasm: its ini parser, then normalizeProps): keys in any case, the
 * last one winning, a value that JSON reads as falsy (or an empty one) is not root, and a file
 * with a line it cannot parse declares nothing.
 */
function declaresRoot(text: string): boolean {
  const preamble = new Map<string, string>();
  let inSection = false;
  for (const raw of text.split(/\r?\n|\r/)) {
    const line = raw.trim();
    if (line === "" || line[0] === "#" || line[0] === ";") continue;
    if (line[0] === "[") {
      if (!line.endsWith("]")) return false;
      // A section takes the place of a preamble key of its name.
      preamble.delete(line.slice(1, -1));
      inSection = true;
      continue;
    }
    const equals = line.indexOf("=");
    if (equals < 0) return false;
    if (!inSection) preamble.set(line.slice(0, equals).trim(), line.slice(equals + 1).trim());
  }
  let root: string | undefined;
  for (const [key, value] of preamble) if (key.toLowerCase() === "root") root = value;
  if (root === undefined) return false;
  let value: unknown = root;
  try {
    value = JSON.parse(root);
  } catch {
    // Kept as text, as the parser keeps it.
  }
  return Boolean(value ?? root);
}

/** A regular file's text (symbolic links followed), or undefined. */
function fileText(file: string): string | undefined {
  // existsSync first: most names are absent, and it is the cheaper call (this runs in every no-op).
  if (!existsSync(file)) return undefined;
  try {
    return statSync(file).isFile() ? readFileSync(file, "utf8") : undefined;
  } catch {
    return undefined;
  }
}

/** What is at `path` itself (a symbolic link is not followed), or undefined, as prettier's search stats it. */
function entryAt(path: string): Stats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * What the emitted package shows of the target beyond its options and its inputs' contents. The
 * emitter takes these from here and the input hash hashes them, so that a fact the output shows
 * is one the manifest keys on: a renamed collection file rewrites the README and the tests.
 */
export function packageFacts(target: Target): Pick<PackageInfo, "packageName" | "collectionFile"> {
  return { packageName: target.name, collectionFile: basename(target.collection) };
}

/**
 * The version a generation gives the package when the client's API is the same as the output's,
 * whose version is `current` (its manifest's; undefined: none): the target's own, or with "auto"
 * or none the output's, which a verdict of no change keeps (src/diff/changelog.ts
 * bumpVersion; a first generation: 0.1.0). What the version part of an output's inputs is: so a
 * config's fixed version and the command line's "auto" are the same input when they give the
 * version the output has, and not when they do not.
 */
export function unchangedVersion(target: Pick<Target, "version">, current: string | undefined): string {
  const { version } = target;
  return raisesVersion(version) ? (current ?? DEFAULT_PACKAGE_VERSION) : version;
}

/**
 * The target as its output's inputs take it, for an output whose version is `current` (its
 * manifest's): its version is the one it would give the package with no API change
 * (unchangedVersion), not how it is asked for ("auto" or a version, given or the default), and its
 * keys are in one order, whichever way the target was made (a config, the command line, code). The
 * one definition that the input hash and the no-op's stamp key (src/fast-path.ts) both take.
 */
export function fingerprintedTarget(target: Target, current: string | undefined): Target {
  const fields: Record<string, unknown> = { ...target, version: unchangedVersion(target, current) };
  return Object.fromEntries(
    Object.keys(fields)
      .sort()
      .map((key) => [key, fields[key]]),
  ) as unknown as Target;
}

/**
 * Hash of everything the target's output depends on: the collection (a file, or the stored copy
 * of the Postman API's), the environments (each one's name as the client knows it, and contents)
 * and globals, options (fingerprintedTarget: the version as the package would have it, for an
 * output whose version is `current`, its manifest's), the package's facts, the formatting.
 * Contents, not paths (a path is hashed only as far as the output shows it: the collection's file
 * name); a Postman source adds nothing beyond its stored copies, whose bytes are what the client is
 * made from. `hashes` gives each input file's hash, and an environment file's own name where none
 * is given (so that a config's key and the command line's file naming itself alike are one input):
 * from the stat cache for the no-op's check, of the bytes loaded for a generation's manifest;
 * `formatting`, the formatting inputs when the caller has read them already (the no-op's stamp
 * key). A generation hashes with the version it writes to the manifest, and the no-op's check with
 * the version it reads there: the same hash when nothing else changed.
 */
export function inputHash(
  target: Target,
  current: string | undefined,
  hashes: Pick<FileHashes, "hash" | "ownName"> = new FileHashes(undefined),
  formatting: readonly string[] = formattingInputs(target.out),
): string {
  const {
    collection,
    out,
    environments,
    globals,
    postman: _postman,
    ...options
  } = fingerprintedTarget(target, current);
  const hash = createHash("sha256")
    .update(generatorFingerprint())
    .update("\0")
    .update(hashes.hash(collection))
    .update("\0")
    .update(JSON.stringify(options))
    .update("\0")
    .update(JSON.stringify(packageFacts(target)));
  for (const environment of environments ?? [])
    hash
      .update("\0environment\0")
      .update(environmentName(environment.name, () => hashes.ownName(environment.file)) ?? "")
      .update("\0")
      .update(hashes.hash(environment.file));
  if (globals !== undefined) hash.update("\0globals\0").update(hashes.hash(globals));
  for (const part of formatting) hash.update("\0").update(part);
  return hash.digest("hex");
}
