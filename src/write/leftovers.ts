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
/**
 * The guard a run holds for the moment it removes a dead run's lock (lock.ts): made only if absent,
 * so that two runs never both judge and remove one lock, and held for microseconds.
 */
export const takeoverName = (name: string): string => `${lockName(name)}.takeover`;

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
      sibling === takeoverName(name) ||
      sibling.startsWith(stagingPrefix(name)) ||
      sibling.startsWith(replacedPrefix(name)),
  );
}
