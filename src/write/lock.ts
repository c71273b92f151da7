// One write of an output folder at a time. Two `generate` runs on one output (a watch and a build,
// two CI steps) would otherwise each clear the other's staging folder as a killed run's, or swap
// in between the other's two renames, and leave a manifest over missing files. The lock is a file
// beside the output, `.<name>.lock`, made only if absent (O_EXCL) and holding its process's id: a
// run waits while that process lives, and takes over the lock of one that died (kill -9 runs no
// cleanup). Held only while writing: a few hundred milliseconds.
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { CodegenError } from "../errors.js";
import { lockName, movedLockName } from "./leftovers.js";
import { writingTo } from "./write-error.js";

/** How long a run waits for another one writing the same output before it gives up. */
const WAIT_MS = 60_000;
/** A lock file with no process id yet: its run was killed right after making it, once it is this old. */
const UNWRITTEN_MS = 5_000;
/**
 * The lock files this process holds. One holding this process's id that is not among them is a
 * dead run's whose id this process was given again: a killed run in a container leaves its lock on
 * the mounted folder, and the next container's run often gets the same id.
 */
const heldHere = new Set<string>();

/**
 * Locks each of `folders` (real paths: leftovers.ts's replacedFolder), in one order so that two runs
 * locking several never wait on each other; resolves with the function that releases them all.
 */
export async function lockFolders(folders: readonly string[]): Promise<() => void> {
  const held: string[] = [];
  const release = () => {
    for (const file of held.splice(0).reverse()) unlock(file);
  };
  try {
    for (const folder of [...new Set(folders)].sort()) held.push(await writingTo(folder, () => lock(folder)));
  } catch (error) {
    release();
    throw error;
  }
  return release;
}

async function lock(folder: string): Promise<string> {
  const file = join(dirname(folder), lockName(basename(folder)));
  const aside = join(dirname(folder), movedLockName(basename(folder), process.pid));
  const started = Date.now();
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}\n`);
      heldHere.add(file);
      return file;
    } catch (error) {
      // Made but not written (a full disk): not left for the next run to wait on.
      if (fd !== undefined) unlinkSync(file);
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const holder = holderOf(file);
    if (holder === "gone") continue;
    if (holder === "dead") {
      takeOver(file, aside);
      continue;
    }
    if (Date.now() - started > WAIT_MS)
      throw new CodegenError(
        folder,
        undefined,
        `another postman-codegen run${holder === "starting" ? "" : ` (process ${holder})`} has been writing this output folder for ${WAIT_MS / 1000} s: let it finish and run again; if no run is under way, delete ${file}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The process holding the lock `file`: its id while it lives, "starting" while it has not written
 * its id yet, "dead" once it has died (or never wrote its id), "gone" when the file is no longer there.
 */
function holderOf(file: string): number | "starting" | "dead" | "gone" {
  let text: string;
  let age: number;
  try {
    text = readFileSync(file, "utf8");
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return "gone";
  }
  const pid = processOf(text);
  if (pid === undefined) return age > UNWRITTEN_MS ? "dead" : "starting";
  return holds(pid, file) ? pid : "dead";
}

/**
 * Removes the lock of a run that died. Renamed aside first and checked there, so that of two runs
 * taking over the same dead lock, the slower cannot remove the one the faster has just made: it
 * finds a live holder in what it moved, and puts it back.
 */
function takeOver(file: string, aside: string): void {
  try {
    renameSync(file, aside);
  } catch {
    return;
  }
  const pid = processOf(readFileSync(aside, "utf8"));
  if (pid !== undefined && holds(pid, file)) renameSync(aside, file);
  else unlinkSync(aside);
}

function processOf(text: string): number | undefined {
  const pid = /^(\d+)\n$/.exec(text)?.[1];
  return pid === undefined ? undefined : Number(pid);
}

/** Whether the process `pid` that wrote the lock `file` still holds it. */
function holds(pid: number, file: string): boolean {
  return pid === process.pid ? heldHere.has(file) : alive(pid);
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user's, alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function unlock(file: string): void {
  heldHere.delete(file);
  try {
    if (readFileSync(file, "utf8") === `${process.pid}\n`) unlinkSync(file);
  } catch {
    // Already gone.
  }
}
