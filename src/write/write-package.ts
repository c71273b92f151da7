// Writes an emitted package so that a failed or interrupted run never leaves a half-written
// output: files go to a temporary directory beside the target, which is then swapped in.
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export async function writePackage(outDir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  await mkdir(parent, { recursive: true });
  await restoreInterruptedSwap(outDir);
  const staging = await mkdtemp(join(parent, `.${name}.new-`));
  try {
    for (const [path, text] of files) {
      const target = join(staging, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const old = `${join(parent, `.${name}.old-`)}${basename(staging).slice(`.${name}.new-`.length)}`;
  const hadOutput = await exists(outDir);
  if (hadOutput) await rename(outDir, old);
  await rename(staging, outDir);
  if (hadOutput) await rm(old, { recursive: true, force: true });
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
