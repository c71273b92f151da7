// File hashes with a stat cache, so that an unchanged build step reads no file contents: a file
// whose size, mtime and inode match the cache keeps its hash (as make and ninja trust mtimes).
// An environment file's entry keeps the name the file gives itself too, read with the same bytes:
// the input hash takes it where no name is given, and a no-op then parses nothing. The cache lives
// where cache-folder.ts says.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cacheFolder } from "./cache-folder.js";
import { ownNameOf } from "../load/environment-name.js";
import { sha256 } from "./manifest.js";
import type { StampStats } from "./noop-stamp.js";

interface Entry {
  size: number;
  mtimeMs: number;
  ino: number;
  /** Permission bits, for the no-op's stamp and the executable check: the hash does not depend on them. */
  mode?: number;
  hash: string;
  /** The file's own name (environment-name.ts's ownName), once asked for; null: it has none. */
  name?: string | null;
}

export class FileHashes {
  private entries: Record<string, Entry> = {};
  private changed = false;

  constructor(private readonly cacheFile: string | undefined) {
    if (!cacheFile) return;
    try {
      this.entries = JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, Entry>;
    } catch {
      this.entries = {};
    }
  }

  /** The cache of the project whose config is `configFile` (none: the working directory's). */
  static forProject(configFile: string | undefined): FileHashes {
    const folder = cacheFolder(configFile);
    return new FileHashes(folder !== undefined ? join(folder, "file-hashes.json") : undefined);
  }

  /** sha256 of a file's contents; throws as readFileSync does when it cannot be read. */
  hash(path: string): string {
    return this.entry(path, false).hash;
  }

  /**
   * The name the environment file at `path` gives itself (environment-name.ts), undefined for
   * none; throws as readFileSync does when it cannot be read.
   */
  ownName(path: string): string | undefined {
    return this.entry(path, true).name ?? undefined;
  }

  /** The entry of `path` as its bytes are now, with the file's own name when `named`. */
  private entry(path: string, named: boolean): Entry {
    const stat = statSync(path);
    const known = Object.hasOwn(this.entries, path) ? this.entries[path] : undefined;
    if (
      known &&
      known.size === stat.size &&
      known.mtimeMs === stat.mtimeMs &&
      known.ino === stat.ino &&
      (!named || known.name !== undefined)
    ) {
      // A chmod changes no byte: the hash is kept, the mode the stamp and the check read is not.
      if (known.mode !== (stat.mode & 0o7777)) {
        known.mode = stat.mode & 0o7777;
        this.changed = true;
      }
      return known;
    }
    const bytes = readFileSync(path);
    const entry: Entry = {
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      ino: stat.ino,
      mode: stat.mode & 0o7777,
      hash: sha256(bytes),
    };
    if (named) entry.name = ownNameOf(path, bytes) ?? null;
    this.entries[path] = entry;
    this.changed = true;
    return entry;
  }

  /** The stat `hash` last judged `path` by (taken before its bytes were read), for the no-op's stamp. */
  stats(path: string): StampStats | undefined {
    const known = Object.hasOwn(this.entries, path) ? this.entries[path] : undefined;
    return known?.mode !== undefined ? [path, known.size, known.mtimeMs, known.ino, known.mode] : undefined;
  }

  save(): void {
    if (!this.cacheFile || !this.changed) return;
    // The entries of files gone since (outputs renamed or removed, temporary projects) would pile up
    // for ever and be read by every no-op: they are dropped whenever the cache is written anyway,
    // which a no-op never does.
    for (const path of Object.keys(this.entries)) if (!existsSync(path)) delete this.entries[path];
    try {
      mkdirSync(dirname(this.cacheFile), { recursive: true });
      writeFileSync(this.cacheFile, JSON.stringify(this.entries));
      this.changed = false;
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}
