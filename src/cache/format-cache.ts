// Prettier's output for the chunks of an earlier run, so that regenerating after a change formats
// only the chunks that changed (prettier is most of a run's time). An entry is keyed by everything
// prettier's output depends on: its version, the options and the text, so an entry can never be
// stale. The file keeps only the entries the last run used, so it stays the size of one output.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { cacheFolder } from "./cache-folder.js";
import { sha256 } from "./manifest.js";

const FORMAT = 1;

export class FormatCache {
  private readonly previous: Map<string, string>;
  private readonly used = new Map<string, string>();
  /** How many chunks came from the cache and how many were formatted, for timings. */
  hits = 0;
  misses = 0;

  constructor(private readonly file: string | undefined) {
    this.previous = new Map();
    if (!file || !existsSync(file)) return;
    try {
      const stored = JSON.parse(readFileSync(file, "utf8")) as { format?: unknown; entries?: unknown };
      if (stored.format === FORMAT && typeof stored.entries === "object" && stored.entries !== null) {
        for (const [key, text] of Object.entries(stored.entries))
          if (typeof text === "string") this.previous.set(key, text);
      }
    } catch {
      // An unreadable cache is an empty one.
    }
  }

  /** The cache of one output directory, in the project's (`configFile`'s; none: the working directory's). */
  static forProject(configFile: string | undefined, out: string): FormatCache {
    const folder = cacheFolder(configFile);
    return new FormatCache(
      folder !== undefined ? join(folder, "format", `${sha256(resolve(out)).slice(0, 16)}.json`) : undefined,
    );
  }

  /** `version` is prettier's: its output may change with it. */
  static key(text: string, options: object, version: string): string {
    return sha256(`${version}\0${JSON.stringify(options)}\0${text}`);
  }

  get(key: string): string | undefined {
    const text = this.used.get(key) ?? this.previous.get(key);
    if (text === undefined) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    this.used.set(key, text);
    return text;
  }

  set(key: string, text: string): void {
    this.used.set(key, text);
  }

  /** Writes the entries this run used (a rename, so a reader never sees half a file). */
  save(): void {
    if (!this.file) return;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify({ format: FORMAT, entries: Object.fromEntries(this.used) }));
      renameSync(temporary, this.file);
    } catch {
      // A cache that cannot be written only costs time.
    }
  }
}
