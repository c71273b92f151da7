// File hashes with a stat cache, so that an unchanged build step reads no file contents: a file
// whose size, mtime and inode match the cache keeps its hash (as make and ninja trust mtimes).
// The cache lives where cache-folder.ts says.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cacheFolder } from "./cache-folder.js";
import { sha256 } from "./manifest.js";
import type { Stats4 } from "./noop-stamp.js";

interface Entry {
  size: number;
  mtimeMs: number;
  ino: number;
  hash: string;
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
    const stat = statSync(path);
    const known = this.entries[path];
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs && known.ino === stat.ino)
      return known.hash;
    const hash = sha256(readFileSync(path));
    this.entries[path] = { size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino, hash };
    this.changed = true;
    return hash;
  }

  /** The stat `hash` last judged `path` by (taken before its bytes were read), for the no-op's stamp. */
  stats(path: string): Stats4 | undefined {
    const known = Object.hasOwn(this.entries, path) ? this.entries[path] : undefined;
    return known && [path, known.size, known.mtimeMs, known.ino];
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
