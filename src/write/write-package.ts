// Writes an emitted package so that a failed or interrupted run never leaves a half-written
// output: files go to a staging directory beside the target, which is then swapped in. Files the
// generator did not write (not in the previous manifest) are carried over; files it wrote before
// and no longer writes are left behind, so they disappear with the old directory.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import { MANIFEST_FILE, manifestText, readManifest, sha256, type Manifest } from "../cache/manifest.js";

export interface WriteResult {
  written: string[];
  removed: string[];
  kept: string[];
}

/** `manifest` without `files`: they are hashed here from what is written. */
export async function writePackage(
  outDir: string,
  files: ReadonlyMap<string, string>,
  manifest?: Omit<Manifest, "files">,
): Promise<WriteResult> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  await mkdir(parent, { recursive: true });
  await restoreInterruptedSwap(outDir);
  const previous = readManifest(outDir);
  const staging = await mkdtemp(join(parent, `.${name}.new-`));
  // Synchronous writes: a package is hundreds of small files, and each asynchronous one is a round
  // trip to libuv's thread pool that this process would only wait on (most of the write phase).
  try {
    const made = new Set<string>();
    for (const [path, text] of files) {
      const target = join(staging, path);
      const dir = dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      writeFileSync(target, text);
    }
    if (manifest) {
      const hashes = Object.fromEntries([...files].map(([path, text]) => [path, sha256(text)]));
      writeFileSync(join(staging, MANIFEST_FILE), manifestText({ ...manifest, files: hashes }));
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const hadOutput = await exists(outDir);
  const kept = hadOutput
    ? carryOver(outDir, staging, new Set([...Object.keys(previous?.files ?? {}), ...files.keys(), MANIFEST_FILE]))
    : [];
  const removed = Object.keys(previous?.files ?? {}).filter((path) => !files.has(path));
  const old = `${join(parent, `.${name}.old-`)}${basename(staging).slice(`.${name}.new-`.length)}`;
  if (hadOutput) await rename(outDir, old);
  await rename(staging, outDir);
  if (hadOutput) rmSync(old, { recursive: true, force: true });
  return { written: [...files.keys()], removed, kept };
}

/**
 * Moves what the generator did not write from the old output into the staging directory: whole
 * directories that hold no generated file (node_modules), else file by file. Renames only, so a
 * big node_modules costs nothing.
 */
function carryOver(outDir: string, staging: string, generated: Set<string>): string[] {
  const kept: string[] = [];
  const holdsGenerated = (dir: string) => [...generated].some((path) => path.startsWith(`${dir}/`));
  const visit = (dir: string): void => {
    for (const entry of readdirSync(join(outDir, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && holdsGenerated(path)) {
        visit(path);
      } else if (!generated.has(path)) {
        const target = join(staging, path);
        if (existsSync(target)) continue;
        mkdirSync(dirname(target), { recursive: true });
        renameSync(join(outDir, path), target);
        kept.push(relative(staging, target));
      }
    }
  };
  visit("");
  return kept;
}

/**
 * A run killed between the two renames leaves the previous output as `.<name>.old-*` and no
 * `<name>`: put it back. Leftover staging directories are removed.
 */
async function restoreInterruptedSwap(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const siblings = await readdir(parent);
  for (const sibling of siblings.filter((s) => s.startsWith(`.${name}.new-`))) {
    await rm(join(parent, sibling), { recursive: true, force: true });
  }
  const old = siblings.filter((s) => s.startsWith(`.${name}.old-`)).sort();
  if (old.length && !(await exists(outDir))) await rename(join(parent, old[old.length - 1]!), outDir);
  for (const sibling of old) await rm(join(parent, sibling), { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
