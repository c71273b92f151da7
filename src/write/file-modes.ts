// Which files of a package are written executable, and whether one on disk still has the mode it
// was written with: one decision for the writer (write-package.ts), the no-op check (fast-path.ts)
// and --check (generate.ts), so that --check agrees with `git diff --exit-code`, which tracks the
// executable bit (100755 or 100644). Only node: modules: the no-op check imports it.
import { posix } from "node:path";

/**
 * Whether files have modes to compare: not on Windows, where Node's mode sets no executable bit
 * and git keeps the one it recorded.
 */
export const MODES_KEPT = process.platform !== "win32";

/**
 * The files the package.json text `packageJson` names in its `bin` (a path, or an object of them),
 * which are written executable: npm install makes them so (chmod 755), and written without it each
 * regeneration would show as a mode change in git. The package's own `bin` decides, so no list
 * repeats it.
 */
export function binPaths(packageJson: string | undefined): Set<string> {
  if (packageJson === undefined) return new Set();
  let bin: unknown;
  try {
    bin = (JSON.parse(packageJson) as { bin?: unknown }).bin;
  } catch {
    // Not a package's manifest (a caller writing its own files): nothing is a bin.
    return new Set();
  }
  const paths = typeof bin === "string" ? [bin] : bin && typeof bin === "object" ? Object.values(bin) : [];
  return new Set(paths.filter((path): path is string => typeof path === "string").map((path) => posix.normalize(path)));
}

/** `binPaths` of a package's files, its package.json among them. */
export function binFiles(files: ReadonlyMap<string, string>): Set<string> {
  return binPaths(files.get("package.json"));
}

export type GitMode = "100755" | "100644";

/** The mode as git records a file's: 100755 when its owner may run it, else 100644. */
export function gitMode(mode: number): GitMode {
  return (mode & 0o100) !== 0 ? "100755" : "100644";
}

/**
 * Whether a file of mode `mode` is as the writer leaves it: a bin executable (always, without
 * modes). Another file's executable bit is not judged: on file systems that keep no modes (WSL's
 * /mnt/c, exFAT, some shared folders) every file reads executable and no chmod changes that, so
 * judging it would make every run a change that generating again cannot mend; git, which sets
 * `core.fileMode` false there, does not see it either.
 */
export function modeAsWritten(mode: number, bin: boolean): boolean {
  return !MODES_KEPT || !bin || gitMode(mode) === "100755";
}
