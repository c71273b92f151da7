// What the last no-op check found up to date, so that the next one can tell the same from stats and
// string comparisons alone: no hashing (node:crypto is not even loaded, see hash.ts), no validating
// the config, no reading the stat cache or the manifests. A target's entry holds its key (the target
// as the input hash takes it, fingerprint.ts's fingerprintedTarget, the generator's code
// fingerprint, the templates' paths and stats, the prettier and editorconfig texts its formatting
// reads), the stat of every file whose bytes the check judged (the collection, environments,
// globals, manifest and every output file) and the version the manifest recorded, which the key of
// an "auto" target is made with (the manifest's stat being among those judged, that version holds
// while they do), and likewise the names that environment files give themselves, which the key of a
// target naming none of them is made with (its environments known by those names, as the client
// knows them: src/load/environment-name.ts). Same key and same stats: the same bytes (as the stat cache trusts: size, mtime,
// and inode, see file-hashes.ts; and the same mode, which git tracks) under the same generator, so the same answer. Anything else, and
// the full check runs and stamps again. Only for the build (dist/), whose code fingerprint is one
// file: from the sources, judging the code would mean reading all of it. Kept where
// cache-folder.ts says.
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { cacheFolder } from "./cache-folder.js";

/**
 * A file's stat as the stamp compares it: its path, size, mtime, inode and permission bits, one after
 * the other. The mode because git tracks the executable bit, which a chmod changes and not the mtime.
 */
export type StampStats = [path: string, size: number, mtimeMs: number, ino: number, mode: number];

/** The stat of `file` as the stamp keeps it, or undefined when it cannot be read. */
export function statOf(file: string): StampStats | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  return stat ? [file, stat.size, stat.mtimeMs, stat.ino, stat.mode & 0o7777] : undefined;
}

/**
 * The names environment files gave themselves (environment-name.ts's ownName) in a check, by file:
 * null for a file that gives none. Only the files a check asked (those no name was given for).
 */
export type OwnNames = Record<string, string | null>;

interface TargetStamp {
  key: string;
  /** The version the output's manifest recorded, which the key was made with. */
  version?: string;
  /** The environment files' own names the check read, which the key was made with. */
  names?: OwnNames;
  /** StampStats after StampStats, flat. */
  files: Array<string | number>;
}

interface ConfigStamp {
  file: string;
  text: string;
  /** The generator's code fingerprint and the schema file's stat when the text was found valid. */
  code: string;
  schema: StampStats;
}

interface StampFile {
  format: number;
  config?: ConfigStamp;
  targets: Record<string, TargetStamp>;
}

const FORMAT = 3;

export class NoopStamp {
  private stamp: StampFile = { format: FORMAT, targets: {} };
  private changed = false;

  constructor(private readonly file: string | undefined) {
    if (!file) return;
    try {
      const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<StampFile>;
      if (stored.format === FORMAT && typeof stored.targets === "object" && stored.targets !== null)
        this.stamp = stored as StampFile;
    } catch {
      // None yet, or unreadable: the full check runs.
    }
  }

  /** The stamp of the project whose config is `configFile` (none: the working directory's). */
  static forProject(configFile: string | undefined): NoopStamp {
    const folder = cacheFolder(configFile);
    return new NoopStamp(folder !== undefined ? join(folder, "noop-stamp.json") : undefined);
  }

  /** Whether these bytes of `file` matched the schema (whose stat is `schema`) under the generator `code`. */
  configValid(file: string, text: string, code: string, schema: StampStats | undefined): boolean {
    const known = this.stamp.config;
    return (
      known !== undefined &&
      schema !== undefined &&
      known.file === file &&
      known.text === text &&
      known.code === code &&
      sameStats(known.schema, schema)
    );
  }

  rememberConfig(file: string, text: string, code: string, schema: StampStats | undefined): void {
    if (schema === undefined || this.configValid(file, text, code, schema)) return;
    this.stamp.config = { file, text, code, schema };
    this.changed = true;
  }

  /**
   * Whether the output `out` was found up to date under the key `key` makes with the version its
   * manifest recorded then and the environment files' own names read then, and every file it
   * judged (the manifest and those files among them, and so that version and those names) is as it
   * was then. `key` answers undefined where it needs a name that was not read: not up to date.
   */
  upToDate(out: string, key: (version: string | undefined, names: OwnNames) => string | undefined): boolean {
    const known = Object.hasOwn(this.stamp.targets, out) ? this.stamp.targets[out] : undefined;
    if (known === undefined || known.key !== key(known.version, known.names ?? {})) return false;
    const files = known.files;
    for (let i = 0; i < files.length; i += 5) {
      const stat = statSync(files[i] as string, { throwIfNoEntry: false });
      if (
        !stat ||
        stat.size !== files[i + 1] ||
        stat.mtimeMs !== files[i + 2] ||
        stat.ino !== files[i + 3] ||
        (stat.mode & 0o7777) !== files[i + 4]
      )
        return false;
    }
    return true;
  }

  /**
   * Records that `out` was up to date under `key`, made with `version` (its manifest's) and `names`
   * (the environment files' own names read), with the stats of the files judged, each taken before
   * it was read, its manifest's and those environment files' among them.
   */
  remember(
    out: string,
    key: string,
    version: string | undefined,
    files: readonly StampStats[],
    names: OwnNames = {},
  ): void {
    this.stamp.targets[out] = {
      key,
      ...(version !== undefined ? { version } : {}),
      ...(Object.keys(names).length > 0 ? { names } : {}),
      files: files.flat(),
    };
    this.changed = true;
  }

  save(): void {
    if (!this.file || !this.changed) return;
    // Outputs removed since (temporary projects, renamed targets) would be read by every no-op.
    for (const out of Object.keys(this.stamp.targets)) if (!existsSync(out)) delete this.stamp.targets[out];
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      // A rename, so that a no-op running meanwhile never reads half a stamp.
      const temporary = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(this.stamp));
      renameSync(temporary, this.file);
      this.changed = false;
    } catch {
      // A stamp that cannot be written only costs time.
    }
  }
}

function sameStats(a: StampStats, b: StampStats): boolean {
  return a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3] && a[4] === b[4];
}
