// What the write phase keeps beside an output folder `<name>` while it writes: the new package
// (`.<name>.new-*`), the one it replaces (`.<name>.old-*`) and its lock (`.<name>.lock`). A run that
// is killed leaves them there, in the user's `generated/` where `git add` would take them; so the
// next run looks for them even when the output is up to date, and the no-op's fast path asks here
// (only node: modules, as that path loads nothing else).
import { readdirSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

export const stagingPrefix = (name: string): string => `.${name}.new-`;
export const replacedPrefix = (name: string): string => `.${name}.old-`;
export const lockName = (name: string): string => `.${name}.lock`;
/** A lock that the run `pid` moved aside to take it over from a dead run (lock.ts). */
export const movedLockName = (name: string, pid: number): string => `${lockName(name)}.${pid}`;

/** The id of the run that moved a lock aside, when `sibling` is such a lock of the output `name`. */
export function moverOf(name: string, sibling: string): number | undefined {
  const prefix = `${lockName(name)}.`;
  const pid = sibling.startsWith(prefix) ? sibling.slice(prefix.length) : "";
  return /^\d+$/.test(pid) ? Number(pid) : undefined;
}

/**
 * The folder a write of `outDir` replaces, where its staging folder and lock go: `outDir`, or the
 * folder a symbolic link there points to (the link stays, as the user made it), its parent's links
 * resolved too, so that every run, whatever path it was given, writes and locks in one place.
 */
export function replacedFolder(outDir: string): string {
  try {
    return realpathSync(outDir);
  } catch {
    // None yet (or a link to nothing, which the write refuses): beside its parent's real path.
  }
  try {
    return join(realpathSync(dirname(outDir)), basename(outDir));
  } catch {
    return resolve(outDir);
  }
}

/** The names beside the folder a write of `outDir` replaces that a run killed meanwhile would have left. */
export function leftoversBeside(outDir: string): string[] {
  const folder = replacedFolder(outDir);
  const name = basename(folder);
  let siblings: string[];
  try {
    siblings = readdirSync(dirname(folder));
  } catch {
    return [];
  }
  return siblings.filter(
    (sibling) =>
      sibling === lockName(name) ||
      moverOf(name, sibling) !== undefined ||
      sibling.startsWith(stagingPrefix(name)) ||
      sibling.startsWith(replacedPrefix(name)),
  );
}
