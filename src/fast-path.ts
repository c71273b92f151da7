// The no-op fast path: an output whose manifest records the same input and whose files are all
// as written needs no loading, emitting or formatting. Only node: modules and small project
// modules are imported, so that a build step with nothing to do costs about a Node start.
import { join } from "node:path";
import { findConfig, type Target } from "./config.js";
import { FileHashes } from "./file-hashes.js";
import { inputHash } from "./fingerprint.js";
import { readManifest } from "./write/manifest.js";

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

/**
 * `generate` with nothing but --quiet, --check and --config, every target up to date: report and
 * exit 0. Returns false for anything else (the full command line then takes over).
 */
export function fastGenerate(args: readonly string[]): boolean {
  if (args[0] !== "generate") return false;
  let quiet = false;
  let config: string | undefined;
  for (let i = 1; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--quiet") quiet = true;
    else if (arg === "--check") continue;
    else if (arg === "--config" && i + 1 < args.length) config = args[++i];
    else if (arg.startsWith("--config=")) config = arg.slice("--config=".length);
    else return false;
  }
  let targets: Target[];
  const hashes = FileHashes.forProject(process.cwd());
  try {
    targets = findConfig(process.cwd(), config).targets;
    if (!targets.every((target) => isUpToDate(target, hashes))) return false;
  } catch {
    return false;
  } finally {
    hashes.save();
  }
  if (!quiet) for (const target of targets) process.stdout.write(`${target.name}: up to date\n`);
  return true;
}
