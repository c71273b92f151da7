// What an output depends on, hashed: the fast path compares it with the manifest before loading
// anything heavy. Only node: modules are imported here.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { createHash } from "node:crypto";
import type { Target } from "../config.js";
import type { PackageInfo } from "../emit/views.js";
import { CODE_DIR, PACKAGE_ROOT } from "../paths.js";
import { FileHashes } from "./file-hashes.js";
import { sha256 } from "./manifest.js";

const ROOT = PACKAGE_ROOT;

/** The fingerprint's file, relative to the code's directory: next to this module, in dist/cache/. */
export const FINGERPRINT_NAME = "cache/fingerprint.txt";

/**
 * Where the build keeps the fingerprint of the sources it was built from. From src/ there is none,
 * so a run from the sources computes its own.
 */
export const FINGERPRINT_FILE = join(CODE_DIR, FINGERPRINT_NAME);

let generator: string | undefined;

/**
 * The generator's identity: its package.json (version and dependency versions), its TypeScript
 * sources (all of them in a checkout, the runtime in the published package) and its templates. A
 * changed generator regenerates everything, even without a version bump; running from src/ (tsx)
 * or from dist/ gives the same fingerprint.
 */
export function generatorFingerprint(): string {
  if (generator) return generator;
  // Running the build (dist/): its fingerprint was taken from the sources it was built from.
  if (existsSync(FINGERPRINT_FILE)) return (generator = readFileSync(FINGERPRINT_FILE, "utf8").trim());
  generator = computeFingerprint();
  return generator;
}

/** The fingerprint of the sources in this checkout (or package). */
export function computeFingerprint(): string {
  const hash = [readFileSync(join(ROOT, "package.json"), "utf8")];
  for (const dir of [join(ROOT, "src"), join(ROOT, "templates")]) {
    if (!existsSync(dir)) continue;
    for (const file of filesUnder(dir))
      if (/\.(ts|hbs)$/.test(file)) hash.push(file.slice(dir.length), readFileSync(file, "utf8"));
  }
  return sha256(hash.join("\0"));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

/** Prettier's config files, looked for where prettier looks: from the output directory up. */
const PRETTIER_FILES = [
  ".prettierrc",
  ".prettierrc.json",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json5",
  ".prettierrc.js",
  ".prettierrc.mjs",
  ".prettierrc.cjs",
  ".prettierrc.ts",
  ".prettierrc.toml",
  "prettier.config.js",
  "prettier.config.mjs",
  "prettier.config.cjs",
  "prettier.config.ts",
  ".editorconfig",
  "package.json",
];

/**
 * The prettier settings that could apply to files under `dir`: the contents of config files from
 * there up, and the "prettier" key of package.json files. Contents only, not paths, so that two
 * checkouts of one project hash alike.
 */
export function formattingInputs(dir: string): string[] {
  const found: string[] = [];
  for (let current = dir; ; current = dirname(current)) {
    for (const name of PRETTIER_FILES) {
      const file = join(current, name);
      if (!existsSync(file) || !statSync(file).isFile()) continue;
      const text = readFileSync(file, "utf8");
      if (name !== "package.json") {
        found.push(name, text);
        continue;
      }
      try {
        const key = (JSON.parse(text) as { prettier?: unknown }).prettier;
        if (key !== undefined) found.push(name, JSON.stringify(key));
      } catch {
        // Not JSON: prettier would not read it either.
      }
    }
    if (dirname(current) === current) return found;
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
 * Hash of everything the target's output depends on: the collection (a file, or the stored copy
 * of the Postman API's), the environments (each name given and contents) and globals, options,
 * the package's facts, the formatting. Contents, not paths (a path is hashed only as far as the
 * output shows it: the collection's file name); a Postman source adds nothing beyond its stored
 * copies, whose bytes are what the client is made from. `hashes` gives each input file's hash:
 * from the stat cache for the no-op's check, of the bytes loaded for a generation's manifest.
 */
export function inputHash(target: Target, hashes: Pick<FileHashes, "hash"> = new FileHashes(undefined)): string {
  const { collection, out, environments, globals, postman: _postman, ...options } = target;
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
      .update(environment.name ?? "")
      .update("\0")
      .update(hashes.hash(environment.file));
  if (globals !== undefined) hash.update("\0globals\0").update(hashes.hash(globals));
  for (const part of formattingInputs(out)) hash.update("\0").update(part);
  return hash.digest("hex");
}
