// Writes an emitted package so that a failed or interrupted run never leaves a half-written
// output: files go to a staging directory beside the target, which is then swapped in. Files the
// generator did not write (not in the previous manifest) are carried over; files it wrote before
// and no longer writes are left behind, so they disappear with the old directory. It never takes a
// user's file: a folder it did not make (not empty, no manifest) is refused, and so is an output
// where a file it did not write stands where it now writes one. A package's bin files are written
// executable (binFiles). One run at a time writes an output (lock.ts); what a killed run left
// beside it is cleared by the next (leftovers.ts), under that lock.
import { randomBytes } from "node:crypto";
import {
  accessSync,
  chmodSync,
  constants,
  lstatSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { MANIFEST_FILE, manifestFor, readManifest, sha256, type Manifest } from "../cache/manifest.js";
import { CodegenError } from "../errors.js";
import { lockFolders, UNWRITTEN_MS } from "./lock.js";
import { binFiles } from "./file-modes.js";
import { writingTo } from "./write-error.js";
import { leftoversBeside, replacedFolder, replacedPrefix, stagingPrefix, takeoverName } from "./leftovers.js";

export interface WriteResult {
  written: string[];
  removed: string[];
  kept: string[];
}

export interface PackageWrite {
  outDir: string;
  files: ReadonlyMap<string, string>;
  /** Without `files`: they are hashed here from what is written. */
  manifest?: Omit<Manifest, "files">;
}

/**
 * `manifest` without `files`: they are hashed here from what is written. With a manifest (a
 * generated package), `outDir` must be absent, empty, or an output the generator made, with no file
 * of the user's where `files` go (`checkOutput`). Without one the caller owns `outDir`: nothing is
 * checked, and what is there is carried over where `files` leave room for it.
 */
export async function writePackage(
  outDir: string,
  files: ReadonlyMap<string, string>,
  manifest?: Omit<Manifest, "files">,
): Promise<WriteResult> {
  return (await writePackages([{ outDir, files, ...(manifest ? { manifest } : {}) }]))[0]!;
}

/**
 * Writes each package as `writePackage` does, once every output is checked (none refused: nothing
 * is written if one is) and locked. `onWrite` is told as each one's write starts and ends. A
 * failure to write is a CodegenError naming the output folder, as a refusal is.
 */
export async function writePackages(
  packages: readonly PackageWrite[],
  onWrite?: (index: number, phase: "writing" | "done") => void,
): Promise<WriteResult[]> {
  // A read-only output too, or the ones before it would be written before it is refused.
  for (const { outDir, files, manifest } of packages)
    if (manifest) await writingTo(outDir, () => writableOrRefused(outDir, checkOutput(outDir, files)));
  const folders: string[] = [];
  for (const { outDir } of packages) {
    await writingTo(outDir, () => mkdir(dirname(outDir), { recursive: true }));
    folders.push(replacedFolder(outDir));
  }
  const release = await lockFolders(folders);
  try {
    const results: WriteResult[] = [];
    for (const [index, { outDir, files, manifest }] of packages.entries()) {
      onWrite?.(index, "writing");
      results.push(await writingTo(outDir, () => writeLocked(folders[index]!, files, manifest)));
      onWrite?.(index, "done");
    }
    return results;
  } finally {
    release();
  }
}

/**
 * Clears what a killed run left beside `outDir` (its staging folder, the output it was replacing
 * if the swap was cut between its two renames, its lock), before the output is read: an output
 * found up to date is not written, so nothing else would clear them, and they sit in the user's
 * `generated/`; and an output the swap left aside is put back before its version is read.
 */
export async function clearLeftovers(outDir: string): Promise<void> {
  if (leftoversBeside(outDir).length === 0) return;
  const folder = replacedFolder(outDir);
  const release = await lockFolders([folder]);
  try {
    await writingTo(outDir, () => restoreInterruptedSwap(folder));
  } finally {
    release();
  }
}

/** writePackage into `outDir` (a real path), which this process has locked. */
async function writeLocked(
  outDir: string,
  files: ReadonlyMap<string, string>,
  manifest: Omit<Manifest, "files"> | undefined,
): Promise<WriteResult> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  await restoreInterruptedSwap(outDir);
  const previous = manifest ? checkOutput(outDir, files) : ownedOutput(outDir, files);
  writableOrRefused(outDir, previous);
  const staging = await stagingDirectory(parent, name);
  // Synchronous writes: a package is hundreds of small files, and each asynchronous one is a round
  // trip to libuv's thread pool that this process would only wait on (most of the write phase).
  try {
    const made = new Set<string>();
    const bins = binFiles(files);
    // The manifest's hashes, by text, of the bytes written: each text is encoded once, and hashed
    // once (the module formats' declarations are the same text).
    const hashes = new Map<string, string>();
    for (const [path, text] of files) {
      const target = join(staging, path);
      const dir = dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      const bytes = Buffer.from(text);
      // Each file is new in the staging folder, so the mode is set on every write (less the umask).
      writeFileSync(target, bytes, { mode: bins.has(path) ? 0o755 : 0o666 });
      if (manifest && !hashes.has(text)) hashes.set(text, sha256(bytes));
    }
    if (manifest)
      writeFileSync(
        join(staging, MANIFEST_FILE),
        manifestFor(manifest, files, (text) => hashes.get(text)!),
      );
    // The folder keeps the mode it had; a new one has what mkdir gave it (0777 less the umask).
    if (previous) chmodSync(staging, previous.mode);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const kept = previous ? carryOver(outDir, staging, previous.entries) : [];
  const removed = Object.keys(previous?.manifest?.files ?? {}).filter((path) => !files.has(path));
  const old = `${join(parent, replacedPrefix(name))}${basename(staging).slice(stagingPrefix(name).length)}`;
  try {
    if (previous) await rename(outDir, old);
    try {
      await rename(staging, outDir);
    } catch (error) {
      if (previous) await rename(old, outDir);
      throw error;
    }
  } catch (error) {
    // A folder holding a file another process has open cannot be renamed on Windows (EPERM,
    // EBUSY): the user's files go back before the staging folder, which the next run deletes, goes.
    putBack(outDir, staging, kept);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  // The new output is in place: what cannot be removed of the old one now is left for the next
  // run to clear (restoreInterruptedSwap), rather than failing a write that is done, and with it
  // the targets after this one.
  if (previous)
    try {
      removeFolder(old);
    } catch {
      // Cleared by the next run.
    }
  return { written: [...files.keys()], removed, kept };
}

/** An output folder that is there: its permission bits, its manifest and what in it is the user's. */
export interface PreviousOutput {
  mode: number;
  manifest?: Manifest;
  /** What the generator did not write, to carry over: whole folders where they hold nothing of its. */
  entries: string[];
}

/**
 * Throws a CodegenError naming the folder when writing `files` as a generated package into
 * `outDir` would replace or drop a file of the user's: `outDir` is a file; a folder that is not
 * empty and holds no manifest (not made by the generator); a file or folder the generator did not
 * write (not in the manifest) where it now writes, or inside a path it now writes as a file.
 * A folder whose manifest cannot be read is the generator's, written again: its files at the paths
 * of `files` are taken as its own. Undefined when there is no folder yet.
 */
export function checkOutput(outDir: string, files: ReadonlyMap<string, string>): PreviousOutput | undefined {
  const mode = folderMode(outDir);
  if (mode === undefined) return undefined;
  const manifest = readManifest(outDir);
  if (!manifest) {
    const entries = readdirSync(outDir);
    if (entries.length === 0) return { mode, entries: [] };
    if (!entries.includes(MANIFEST_FILE)) {
      const some = entries.sort().slice(0, 3).join(", ");
      throw new CodegenError(
        outDir,
        undefined,
        `the folder is not empty and holds no ${MANIFEST_FILE}, so postman-codegen did not make it; writing the package there would replace or remove its files (${some}${entries.length > 3 ? ", …" : ""}). Empty the folder or choose another output folder (--out, or the target's \`out\`)`,
      );
    }
  }
  const ours = new Set([...(manifest ? Object.keys(manifest.files) : files.keys()), MANIFEST_FILE]);
  const entries: string[] = [];
  for (const { path, clash } of userEntries(outDir, ours, files)) {
    if (clash)
      throw new CodegenError(
        outDir,
        path,
        `postman-codegen did not write it, and now writes ${clash}: move it out of the output folder (or delete it) and run again`,
      );
    entries.push(path);
  }
  return { mode, ...(manifest ? { manifest } : {}), entries };
}

/** `checkOutput` for a caller that owns the folder: nothing refused; what `files` leave no room for is dropped. */
function ownedOutput(outDir: string, files: ReadonlyMap<string, string>): PreviousOutput | undefined {
  const mode = folderMode(outDir);
  if (mode === undefined) return undefined;
  const manifest = readManifest(outDir);
  const ours = new Set([...Object.keys(manifest?.files ?? {}), ...files.keys(), MANIFEST_FILE]);
  const entries = userEntries(outDir, ours, files)
    .filter((entry) => !entry.clash)
    .map((entry) => entry.path);
  return { mode, ...(manifest ? { manifest } : {}), entries };
}

/** The permission bits of the folder `outDir`, undefined when there is none; a CodegenError when it is a file. */
function folderMode(outDir: string): number | undefined {
  const stats = statSync(outDir, { throwIfNoEntry: false });
  if (!stats) {
    if (lstatSync(outDir, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new CodegenError(
        outDir,
        undefined,
        `a symbolic link to ${readlinkSync(outDir)}, which does not exist: create that folder, or remove the link, and run again`,
      );
    return undefined;
  }
  if (!stats.isDirectory())
    throw new CodegenError(
      outDir,
      undefined,
      "not a folder: the package is written as a folder; move the file or choose another output folder",
    );
  return stats.mode & 0o7777;
}

/**
 * What in `outDir` the generator did not write (`ours`: the previous manifest's files): whole
 * folders that hold none of its files and none of `files` (node_modules), else file by file; each
 * with the path of `files` it stands in the way of, if any.
 */
function userEntries(
  outDir: string,
  ours: ReadonlySet<string>,
  files: ReadonlyMap<string, string>,
): Array<{ path: string; clash?: string }> {
  const generatedFolders = new Set<string>();
  for (const path of [...ours, ...files.keys()])
    for (let slash = path.indexOf("/"); slash > 0; slash = path.indexOf("/", slash + 1))
      generatedFolders.add(path.slice(0, slash));
  const found: Array<{ path: string; clash?: string }> = [];
  const visit = (dir: string): void => {
    for (const entry of readdirSync(join(outDir, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && generatedFolders.has(path)) visit(path);
      else if (!ours.has(path)) {
        found.push({ path, ...clashOf(path, entry.isDirectory(), files, generatedFolders) });
      }
    }
  };
  visit("");
  return found;
}

/** The path of `files` that a user's entry at `path` stands in the way of: the same path, one inside it, or one of its folders. */
function clashOf(
  path: string,
  isFolder: boolean,
  files: ReadonlyMap<string, string>,
  generatedFolders: ReadonlySet<string>,
): { clash: string } | undefined {
  if (files.has(path)) return { clash: path };
  if (!isFolder && generatedFolders.has(path)) {
    const inside = [...files.keys()].find((file) => file.startsWith(`${path}/`));
    if (inside) return { clash: inside };
  }
  for (let slash = path.lastIndexOf("/"); slash > 0; slash = path.lastIndexOf("/", slash - 1))
    if (files.has(path.slice(0, slash))) return { clash: path.slice(0, slash) };
  return undefined;
}

/**
 * Refuses an output whose old files this process could not remove once the new output is in
 * place, or whose user's files it could not carry over: the folder, or one of its folders that
 * holds files the generator wrote, is read-only to it (the swap would put the new output in, then
 * fail). Refused before anything is written, naming the folder.
 */
function writableOrRefused(outDir: string, previous: PreviousOutput | undefined): void {
  if (!previous) return;
  const folders = new Set([""]);
  for (const path of Object.keys(previous.manifest?.files ?? {}))
    for (let slash = path.indexOf("/"); slash > 0; slash = path.indexOf("/", slash + 1))
      folders.add(path.slice(0, slash));
  for (const folder of [...folders].sort()) {
    const path = folder === "" ? outDir : join(outDir, folder);
    try {
      accessSync(path, constants.W_OK | constants.X_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone since the manifest was written: nothing of it to remove.
      if (code === "ENOENT" || code === "ENOTDIR") continue;
      throw new CodegenError(
        outDir,
        folder === "" ? undefined : folder,
        `the folder is read-only to this user (${code}): regenerating replaces the output folder and removes the files it wrote before, so it must be writable (chmod -R u+w, or run as its owner)`,
      );
    }
  }
}

/**
 * Removes a folder and all in it, as `rmSync(path, { recursive: true, force: true })` does, for the
 * output just replaced: hundreds of files, which rmSync's walk asks about one by one (an lstat before
 * each unlink, a failed rmdir and its error before each folder's listing). The listing's entry
 * types tell files (and links, removed as links) from folders; anything unexpected is left to
 * rmSync, which retries.
 */
function removeFolder(path: string): void {
  try {
    const visit = (folder: string): void => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const inside = join(folder, entry.name);
        if (entry.isDirectory()) visit(inside);
        else unlinkSync(inside);
      }
      rmdirSync(folder);
    };
    visit(path);
  } catch {
    rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Moves `entries` (paths in the old output) into the staging directory. Renames only, so a big
 * node_modules costs nothing. When one cannot be moved, those moved are put back and the staging
 * directory removed: the user's files never stay in a folder that the next run deletes.
 */
function carryOver(outDir: string, staging: string, entries: readonly string[]): string[] {
  const moved: string[] = [];
  try {
    for (const path of entries) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      renameSync(join(outDir, path), target);
      moved.push(path);
    }
  } catch (error) {
    putBack(outDir, staging, moved);
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  return moved;
}

/** Moves `moved` (carried over by carryOver) back from the staging directory into `outDir`. */
function putBack(outDir: string, staging: string, moved: readonly string[]): void {
  for (const path of [...moved].reverse()) renameSync(join(staging, path), join(outDir, path));
}

/**
 * A new `.<name>.new-*` folder beside the output, made by mkdir rather than mkdtemp: mkdtemp's
 * folder is 0700, which the package would keep once renamed into place.
 */
async function stagingDirectory(parent: string, name: string): Promise<string> {
  for (;;) {
    const dir = join(parent, `.${name}.new-${randomBytes(6).toString("hex")}`);
    try {
      await mkdir(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

/**
 * A run killed between the two renames leaves the previous output as `.<name>.old-*` and no
 * `<name>`: put it back. Leftover staging directories are removed, and so is a takeover guard a killed
 * run left (lock.ts). Only with `outDir` locked: no live run has any of these.
 */
async function restoreInterruptedSwap(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const siblings = await readdir(parent);
  for (const sibling of siblings.filter((s) => s.startsWith(stagingPrefix(name)))) {
    await rm(join(parent, sibling), { recursive: true, force: true });
  }
  // A takeover guard is held for microseconds: one this old was left by a run killed holding it.
  if (siblings.includes(takeoverName(name))) {
    const guard = join(parent, takeoverName(name));
    const age = await stat(guard).then(
      (s) => Date.now() - s.mtimeMs,
      () => 0,
    );
    if (age > UNWRITTEN_MS) await rm(guard, { force: true });
  }
  const old = siblings.filter((s) => s.startsWith(replacedPrefix(name))).sort();
  if (old.length && !(await exists(outDir))) await rename(join(parent, old[old.length - 1]!), outDir);
  for (const sibling of old) await rm(join(parent, sibling), { recursive: true, force: true });
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
