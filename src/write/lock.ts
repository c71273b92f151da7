// One write of an output folder at a time. Two `generate` runs on one output (a watch and a build,
// two CI steps) would otherwise each clear the other's staging folder as a killed run's, or swap
// in between the other's two renames, and leave a manifest over missing files. The lock is a file
// beside the output, `.<name>.lock`, made only if absent (O_EXCL) and holding its process's id and
// host: a run waits while that process lives, and takes over the lock of one that died (kill -9
// runs no cleanup). Held only while writing: a few hundred milliseconds.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";
import { CodegenError } from "../errors.js";
import { lockName, takeoverName } from "./leftovers.js";
import { writingTo } from "./write-error.js";

/** How long a run waits for another one writing the same output before it gives up. */
const WAIT_MS = 60_000;
/**
 * A lock file with no process id yet: its run was killed right after making it, once it is this
 * old. So is a takeover guard (held for microseconds) this old: its run was killed holding it.
 */
export const UNWRITTEN_MS = 5_000;
/**
 * This machine, as a lock names it: a process id says nothing of a process on another host (runs
 * in containers that share a mounted folder, or machines that share a network one), whose lock is
 * then waited on, never taken over: at worst the wait ends with a message naming the file.
 */
const HOST = hostname();
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
  const guard = join(dirname(folder), takeoverName(basename(folder)));
  const started = Date.now();
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(file, "wx");
      writeSync(fd, `${process.pid}\n${HOST}\n`);
      heldHere.add(file);
      return file;
    } catch (error) {
      // Made but not written (a full disk): not left for the next run to wait on.
      if (fd !== undefined) unlinkSync(file);
      const { code } = error as NodeJS.ErrnoException;
      // Windows refuses to make a file that another run is deleting (EPERM): it is gone in a moment.
      if (code !== "EEXIST" && !(process.platform === "win32" && (code === "EPERM" || code === "EACCES"))) throw error;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
    const holder = holderOf(file);
    if (holder === "gone") continue;
    if (holder === "dead") {
      takeOver(file, guard);
      continue;
    }
    if (Date.now() - started > WAIT_MS)
      throw new CodegenError(
        folder,
        undefined,
        `another postman-codegen run${holder === "starting" ? "" : ` (process ${holder.pid}${holder.host === HOST ? "" : ` on ${holder.host}`})`} has been writing this output folder for ${WAIT_MS / 1000} s: let it finish and run again; if no run is under way, delete ${file}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The process holding the lock `file`: its id and host while it lives (or lives on another host,
 * where this run cannot tell), "starting" while it has not written its id yet, "dead" once it has
 * died (or never wrote its id), "gone" when the file is no longer there.
 */
function holderOf(file: string): { pid: number; host: string } | "starting" | "dead" | "gone" {
  let text: string;
  let age: number;
  try {
    text = readFileSync(file, "utf8");
    age = Date.now() - statSync(file).mtimeMs;
  } catch {
    return "gone";
  }
  const holder = holderIn(text);
  if (holder === undefined) return age > UNWRITTEN_MS ? "dead" : "starting";
  return holder.host !== HOST || holds(holder.pid, file) ? holder : "dead";
}

/**
 * Removes the lock of a run that died, under the takeover guard: of two runs that both found it
 * dead, the second finds the guard taken and looks again, and the one holding the guard judges the
 * lock again before removing it, so a lock another run has made meanwhile stays. A live lock is
 * never moved. A guard left by a run killed while holding it is removed once it is old.
 */
function takeOver(file: string, guard: string): void {
  let fd: number;
  try {
    fd = openSync(guard, "wx");
  } catch {
    try {
      if (Date.now() - statSync(guard).mtimeMs > UNWRITTEN_MS) unlinkSync(guard);
    } catch {
      // Released meanwhile.
    }
    return;
  }
  try {
    if (holderOf(file) === "dead") unlinkSync(file);
  } catch {
    // Gone meanwhile.
  } finally {
    closeSync(fd);
    unlinkSync(guard);
  }
}

/** The id and host a lock's text names (`<pid>\n<host>\n`; a host left out is this one). */
function holderIn(text: string): { pid: number; host: string } | undefined {
  const match = /^(\d+)\n(?:([^\n]+)\n)?$/.exec(text);
  return match ? { pid: Number(match[1]), host: match[2] ?? HOST } : undefined;
}

/** Whether the process `pid` that wrote the lock `file` still holds it. */
function holds(pid: number, file: string): boolean {
  return pid === process.pid ? heldHere.has(file) : alive(pid);
}

function alive(pid: number): boolean {
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
    if (readFileSync(file, "utf8") === `${process.pid}\n${HOST}\n`) unlinkSync(file);
  } catch {
    // Already gone.
  }
}
