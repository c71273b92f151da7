// The pipeline for a list of targets: load → model → emit → write. Every target that needs work is
// emitted in memory first; nothing is written unless all of them succeed. A target whose manifest
// says it is up to date is skipped without loading anything. Each emitted target's public surface
// is compared with the one its manifest recorded (src/diff/): the verdict decides the version
// under `version: "auto"` (a target's default) and the entry CHANGELOG.md gets.
import { readFileSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { namingOptions, readCollection } from "./load/collection.js";
import { applyScopes, readScopes } from "./load/scopes.js";
import type { OnRead } from "./load/read.js";
import { pull, unpulled, verifyStoredCopies, type PullChange } from "./postman-api/pull.js";
import { CompileError } from "./emit/compile.js";
import { emitPackage, type FileSet } from "./emit/package.js";
import { resolveFormatOptions } from "./emit/format.js";
import { FileHashes } from "./cache/file-hashes.js";
import { FormatCache } from "./cache/format-cache.js";
import { upToDateManifest } from "./fast-path.js";
import { generatorFingerprint, inputHash, packageFacts, unchangedVersion } from "./cache/fingerprint.js";
import { nameModel, type NamingBefore } from "./model/naming.js";
import { typeUnquoted } from "./model/unquoted.js";
import { applyOverrides, configPatternPlace, selection, type PatternPlace } from "./model/selection.js";
import { MANIFEST_FILE, manifestFor, readManifest, sha256, type Manifest } from "./cache/manifest.js";
import { binFiles, gitMode, modeAsWritten, type GitMode } from "./write/file-modes.js";
import { clearLeftovers, writePackages } from "./write/write-package.js";
import { PACKAGE_ROOT } from "./paths.js";
import { outsProblem, packageProblem, packageVersionProblem, raisesVersion, type Target } from "./config.js";
import { CodegenError } from "./errors.js";
import { DEFAULT_LIMITS } from "./load/limits.js";
import { bumpVersion, changelogWith, CHANGELOG_FILE, initialLine } from "./diff/changelog.js";
import { comparePackages, type ApiChange, type ApiDiff } from "./diff/compare.js";
import { failsAt, type Level, type Verdict } from "./diff/levels.js";
import { namespaceTypesBefore, namingBefore, packageSurface, type Surface } from "./diff/surface.js";
import { previousOutput } from "./diff/previous.js";
import type { ApiModel, Warning } from "./model/types.js";
import { readWarningRecord, warningRecord } from "./known-warnings.js";

export interface GenerateOptions {
  /** Report drift instead of writing: see `TargetResult.changes`. */
  check?: boolean;
  /** Regenerate even when the manifest says the output is up to date. */
  force?: boolean;
  /** Also run the TypeScript checker over each emitted client. */
  typeCheck?: boolean;
  /** The config file the targets come from, for messages about their options. */
  configFile?: string;
  /** The targets' indexes among the config's, for those messages (default: their order here). */
  targetIndexes?: readonly number[];
  /**
   * Reuse prettier's output for the parts of the output that did not change, from
   * node_modules/.cache/postman-codegen beside `configFile`, else in the working directory
   * (src/cache/cache-folder.ts; default true).
   */
  cache?: boolean;
  /** Called as each target moves from one phase to the next. */
  onProgress?: (event: ProgressEvent) => void;
  /**
   * With `check`: `ok` is false only for drift of a target whose API changed at this level or
   * above (any drift without it).
   */
  failOn?: Level;
}

export interface ProgressEvent {
  target: string;
  phase: "fetching" | "checking" | "loading" | "emitting" | "writing" | "done";
  /** Operations in the target, once it is loaded. */
  operations?: number;
}

/**
 * `up-to-date`: the manifest matched, nothing was loaded. `written`: the output was (re)written.
 * With `check`: `unchanged` or `drifted`.
 */
export type TargetStatus = "up-to-date" | "written" | "unchanged" | "drifted";

export interface FileChange {
  path: string;
  change: "added" | "changed" | "removed";
  /** The first line that differs: what is on disk, and what the generator makes. */
  firstDifference?: { line: number; onDisk: string; generated: string };
  /** The mode differs, as git records modes: what is on disk, and what the generator writes. */
  mode?: { onDisk: GitMode; generated: GitMode };
}

export interface TargetResult {
  target: Target;
  status: TargetStatus;
  operations?: number;
  /** Files of the output (the ones written, or that would be). */
  files: string[];
  /** With `check`, how the output on disk differs from what the collection produces. */
  changes: FileChange[];
  warnings: Warning[];
  /**
   * The warnings the output's manifest recorded (src/known-warnings.ts): those of `warnings` that
   * are not among them are new. Undefined when it recorded none (a first generation): all are new.
   */
  warningsBefore?: ReadonlySet<string>;
  /** Milliseconds per phase. */
  timings: Record<string, number>;
  /**
   * How the client's public API changed since the output's manifest (with `check`: would change).
   * `initial` when there is nothing to compare with (a first generation, or an output written by a
   * generator that recorded no surface); `none` for an up-to-date target.
   */
  api: { verdict: Verdict | "initial"; changes: ApiChange[]; version?: string; versionKept?: true };
}

export interface GenerateResult {
  targets: TargetResult[];
  /**
   * Postman API resources that had never been pulled, fetched and stored by this run (never with
   * `check`: that reads stored copies only).
   */
  pulled?: PullChange[];
  /** False when `check` found drift (with `failOn`: drift with an API change at that level or above). */
  ok: boolean;
}

export interface EmittedTarget {
  model: ApiModel;
  files: FileSet;
  timings: Record<string, number>;
  /** The public surface, for the manifest. */
  surface: Surface;
  /** The emitted package.json's version. */
  version: string;
  /** The target fixes the version (not `auto`) and the output already had it: a change does not raise it. */
  versionKept: boolean;
  /** The manifest's input hash: of the bytes this emit loaded, whatever the files hold by now. */
  input: string;
  /** The change since the surface in the output's manifest; undefined when there is none to compare with. */
  diff?: ApiDiff;
  /** The model's warnings and the emitter's. */
  warnings: Warning[];
  /** The warnings the output's manifest recorded, when it recorded them. */
  warningsBefore?: ReadonlySet<string>;
}

/** Where a target's options are written, for the errors about them. */
export interface TargetPlace {
  /** The config file the target comes from (default: the collection, for a target made in code). */
  configFile?: string;
  /** Its index among the config's targets (default 0). */
  targetIndex?: number;
  /** Where its include and exclude come from, when not from the config (`diff --include`). */
  patternPlace?: PatternPlace;
}

/** Loads a target's collection into the model its package is emitted from (include/exclude, names, body encodings, base URL applied). */
export async function loadTarget(
  target: Target,
  options: TargetPlace & {
    onRead?: OnRead;
    /** Told the name each environment file gives itself, once read (load/scopes.ts's readScopes). */
    onOwnName?: (file: string, name: string | undefined) => void;
    /** At a regeneration, the replaced output's names, which its operations, shared types and namespaces keep (`namingBefore`). */
    namingBefore?: NamingBefore;
  } = {},
): Promise<ApiModel> {
  if (target.postman) verifyStoredCopies(target.postman);
  const configFile = options.configFile ?? target.collection;
  const targetIndex = options.targetIndex ?? 0;
  const limits = target.limits ? { limits: target.limits } : {};
  const chosen =
    target.include || target.exclude
      ? selection(target.include, target.exclude, options.patternPlace ?? configPatternPlace(configFile, targetIndex))
      : undefined;
  const read = await readCollection(target.collection, {
    ...(chosen ? { select: chosen.select } : {}),
    ...limits,
    ...(options.onRead ? { onRead: options.onRead } : {}),
  });
  chosen?.check(basename(target.collection));
  // Every identifier in one pass, with the target's names in place (neither the scopes nor the
  // other overrides change a name).
  const collection = nameModel(read, {
    ...namingOptions(target.collection, limits),
    ...(target.names ? { overrides: { names: target.names, configFile, targetIndex } } : {}),
    ...options.namingBefore,
  });
  // Globals and environments around the collection (Postman's precedence, secrets left out).
  const loaded =
    target.environments?.length || target.globals !== undefined
      ? applyScopes(
          collection,
          await readScopes(
            target.environments ?? [],
            target.globals,
            target.limits ? { ...DEFAULT_LIMITS, ...target.limits } : undefined,
            options.onRead,
            options.onOwnName,
          ),
        )
      : collection;
  // Unquoted `{{variables}}` in JSON bodies typed from their values, the environments' among them.
  return applyOverrides(typeUnquoted(loaded), {
    configFile,
    targetIndex,
    ...(target.baseUrl !== undefined ? { baseUrl: target.baseUrl } : {}),
    ...(target.bodyEncoding ? { bodyEncoding: target.bodyEncoding } : {}),
  });
}

/**
 * Emits one target in memory, as `generate` would write it: with the version and the CHANGELOG.md
 * that the change since the output's manifest calls for.
 */
export async function emitTarget(
  target: Target,
  options: GenerateOptions & Pick<TargetPlace, "targetIndex"> = {},
): Promise<EmittedTarget> {
  const started = performance.now();
  // Targets from a config or the command line are checked there; these come from the API too.
  const bad = packageProblem(target);
  if (bad) throw new CodegenError(options.configFile ?? "target", bad.key, bad.problem);
  // What the output holds to build on, before any work: a lost record stops the run (previous.ts).
  const previous = previousOutput(target.out, options.force === true);
  options.onProgress?.({ target: target.name, phase: "loading" });
  const read = new Map<string, string>();
  // The environment files' own names, as the loader read them from the bytes hashed here.
  const ownNames = new Map<string, string | undefined>();
  const loaded = await loadTarget(target, {
    ...options,
    // The operations the output had keep their names (a request added renames none of them).
    namingBefore: namingBefore(previous.surface),
    onRead: (file, bytes) => {
      const hash = sha256(bytes);
      // Read twice and changed in between: the output holds both, so no file's hash may match it.
      read.set(file, (read.get(file) ?? hash) === hash ? hash : "changed while read");
    },
    onOwnName: (file, name) => ownNames.set(file, name),
  });
  // The shared types the output had keep their names where their types are still here, and its
  // namespaces their interfaces' names.
  const types = previous.surface?.types;
  const interfaces = namespaceTypesBefore(previous.surface);
  const model: ApiModel = {
    ...loaded,
    ...(types ? { sharedTypesBefore: types } : {}),
    ...(interfaces ? { namespaceTypesBefore: interfaces } : {}),
  };
  const loadedAt = performance.now();
  const before = previous.surface;
  // The package's exported names beside its operations are the emitter's (clientExportNames),
  // known before emitting: the verdict, and so the version, are settled before the one emit.
  const surface: Surface = packageSurface(model);
  const diff: ApiDiff | undefined = before
    ? comparePackages(before, surface)
    : previous.notCompared
      ? { verdict: "major", changes: [previous.notCompared] }
      : undefined;
  const diffMs = performance.now() - loadedAt;
  const versionBefore = previousVersion(target.out, previous.manifest);
  const version = packageVersion(target, versionBefore, diff?.verdict);
  // Hashed from the bytes loaded, and before prettier reads its config: an input saved while this
  // runs is then a change to the next run, rather than passing for what this output was made from.
  // With the version the manifest will record, as the no-op's check hashes with the one it reads
  // there: "auto" and a fixed version that give the package the same version are the same input.
  const loadedOnly = <T>(file: string, known: ReadonlyMap<string, T>): T => {
    if (!known.has(file)) throw new Error(`internal error: ${file} was hashed but not loaded`);
    return known.get(file)!;
  };
  const input = inputHash(target, version, {
    hash: (file) => loadedOnly(file, read),
    ownName: (file) => loadedOnly(file, ownNames),
  });
  options.onProgress?.({ target: target.name, phase: "emitting", operations: model.operations.length });
  const formatCache = options.cache === false ? undefined : FormatCache.forProject(options.configFile, target.out);
  const emitWarnings: Warning[] = [];
  let files = await emitPackage(
    model,
    {
      ...packageFacts(target),
      packageVersion: version,
      devDependencies: await testDependencies(),
    },
    {
      ...(options.typeCheck ? { typeCheck: true } : {}),
      format: await resolveFormatOptions(target.out),
      ...(formatCache ? { formatCache } : {}),
      warnings: emitWarnings,
    },
  ).catch((error: unknown) => {
    // `--typecheck` found the emitted code wrong: said as other failures are (the file, one line
    // per error), with the collection that gave it, not as a stack trace.
    throw error instanceof CompileError ? new CodegenError(target.collection, undefined, error.message) : error;
  });

  files.set(
    CHANGELOG_FILE,
    changelogWith(
      previous.changelog,
      version,
      diff ?? { initial: initialLine(model.operations.length, previous.manifest !== undefined) },
    ),
  );
  files = new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  // --check writes nothing, not even the cache.
  if (!options.check) formatCache?.save();
  const emittedAt = performance.now();
  const warningsBefore = readWarningRecord(previous.manifest?.warnings);
  return {
    model,
    files,
    surface,
    version,
    versionKept: !raisesVersion(target.version) && version === versionBefore,
    input,
    ...(diff ? { diff } : {}),
    warnings: [...model.warnings, ...emitWarnings, ...previous.warnings],
    ...(warningsBefore ? { warningsBefore } : {}),
    timings: { load: loadedAt - started, diff: diffMs, emit: emittedAt - loadedAt - diffMs },
  };
}

/** The version the output has now: its manifest's, else its package.json's (outputs of older generators). */
function previousVersion(outDir: string, manifest: Manifest | undefined): string | undefined {
  let version = manifest?.version;
  if (version === undefined) {
    try {
      version = (JSON.parse(readText(join(outDir, "package.json")) ?? "{}") as { version?: unknown }).version as
        string | undefined;
    } catch {
      version = undefined;
    }
  }
  return typeof version === "string" && !packageVersionProblem(version) ? version : undefined;
}

/**
 * The target's version, or with `auto` (or none) the previous one raised by the verdict (the default for a
 * first one). The verdict is against the output replaced, so a return to an earlier API is a new
 * version too (that output may have been published, and versions only go up), raised by what the
 * return changes: docs/regenerations.md. With no change (verdict "none"), the version
 * unchangedVersion says, which is what the no-op's check hashes.
 */
function packageVersion(target: Target, previous: string | undefined, verdict: Verdict | undefined): string {
  if (!raisesVersion(target.version) || previous === undefined) return unchangedVersion(target, previous);
  return bumpVersion(previous, verdict ?? "none");
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export async function generate(targets: readonly Target[], options: GenerateOptions = {}): Promise<GenerateResult> {
  // Targets from a config or the command line are checked there; these may come from the API.
  const place = (index: number) => `targets[${index}].out`;
  const configInput = options.configFile !== undefined ? [["the config file", options.configFile] as const] : [];
  const badOut = outsProblem(targets, configInput, process.cwd(), place);
  if (badOut) throw new CodegenError(options.configFile ?? "targets", place(badOut.index), badOut.problem);
  const results: TargetResult[] = [];
  // The stat cache the no-op fast path keeps, beside the config: a run from a subfolder reads the same one.
  const hashes = FileHashes.forProject(options.configFile);
  const pending: Array<{ result: TargetResult; files: FileSet; head: Omit<Manifest, "files"> }> = [];
  // A Postman API source that was never pulled is fetched once; after that, generate reads the
  // stored copies, and `pull` refreshes them. --check never calls the API.
  const pulled: PullChange[] = [];
  if (!options.check) {
    for (const [root, resources] of unpulled(targets)) {
      for (const target of targets.filter((t) => t.postman?.root === root))
        options.onProgress?.({ target: target.name, phase: "fetching" });
      pulled.push(...(await pull(root, resources)));
    }
  }
  for (const [targetIndex, target] of targets.entries()) {
    const started = performance.now();
    options.onProgress?.({ target: target.name, phase: "checking" });
    // What a killed run left beside the output is cleared before the output is read (--check
    // writes nothing): one killed between its two renames left the output as `.<name>.old-*`, and
    // read before it is put back, there would be no output, and a first generation's version and
    // changelog would replace the ones it has.
    if (!options.check) await clearLeftovers(target.out);
    const manifest = options.force ? undefined : upToDateManifest(target, hashes);
    if (manifest) {
      results.push({
        target,
        status: options.check ? "unchanged" : "up-to-date",
        files: Object.keys(manifest.files),
        changes: [],
        warnings: [],
        timings: { total: performance.now() - started },
        api: { verdict: "none", changes: [], ...(manifest.version !== undefined ? { version: manifest.version } : {}) },
      });
      options.onProgress?.({ target: target.name, phase: "done" });
      continue;
    }
    const { model, files, timings, surface, version, versionKept, input, diff, warnings, warningsBefore } =
      await emitTarget(target, {
        ...options,
        targetIndex: options.targetIndexes?.[targetIndex] ?? targetIndex,
      });
    const head = {
      generator: generatorFingerprint(),
      input,
      version,
      warnings: warningRecord(warnings, target),
      surface,
    };
    const result: TargetResult = {
      target,
      status: "written",
      operations: model.operations.length,
      files: [...files.keys()],
      changes: [],
      warnings,
      ...(warningsBefore ? { warningsBefore } : {}),
      timings: { ...timings, total: performance.now() - started },
      api: {
        verdict: diff?.verdict ?? "initial",
        changes: diff?.changes ?? [],
        version,
        ...(versionKept ? { versionKept: true as const } : {}),
      },
    };
    if (options.check) {
      // The manifest too: --check fails wherever `generate` would change a committed file.
      result.changes = drift(target.out, new Map([...files, [MANIFEST_FILE, manifestFor(head, files)]]));
      result.status = result.changes.length ? "drifted" : "unchanged";
      options.onProgress?.({ target: target.name, phase: "done" });
    } else {
      pending.push({ result, files, head });
    }
    results.push(result);
  }
  // Every target emitted: now, every output checked (none takes a user's file) and locked, write
  // them, each swapped in whole.
  let started = 0;
  await writePackages(
    pending.map(({ result, files, head }) => ({ outDir: result.target.out, files, manifest: head })),
    (index, phase) => {
      const { result } = pending[index]!;
      if (phase === "writing") started = performance.now();
      else result.timings["write"] = performance.now() - started;
      options.onProgress?.({ target: result.target.name, phase });
    },
  );
  // With failOn, drift fails the check only where the API changed at that level or above.
  const failOn = options.failOn;
  return {
    targets: results,
    ok: results.every((r) => r.status !== "drifted" || (failOn !== undefined && !failsAt(r.api.verdict, failOn))),
    ...(pulled.length ? { pulled } : {}),
  };
}

/**
 * How the output on disk differs from `files`: added, changed and removed files (per the manifest),
 * a file's mode as git sees it (a bin that lost its executable bit) among the changes.
 */
function drift(outDir: string, files: FileSet): FileChange[] {
  const changes: FileChange[] = [];
  const bins = binFiles(files);
  for (const [path, text] of files) {
    let onDisk: string;
    let mode: number;
    try {
      onDisk = readFileSync(join(outDir, path), "utf8");
      mode = statSync(join(outDir, path)).mode;
    } catch {
      changes.push({ path, change: "added" });
      continue;
    }
    // Only a bin's mode is judged (file-modes.ts): one that is not as written is written executable.
    const modeChange = modeAsWritten(mode, bins.has(path))
      ? undefined
      : { onDisk: gitMode(mode), generated: gitMode(0o755) };
    if (onDisk === text) {
      if (modeChange) changes.push({ path, change: "changed", mode: modeChange });
      continue;
    }
    const a = onDisk.split("\n");
    const b = text.split("\n");
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    changes.push({
      path,
      change: "changed",
      firstDifference: { line: line + 1, onDisk: a[line] ?? "", generated: b[line] ?? "" },
      ...(modeChange ? { mode: modeChange } : {}),
    });
  }
  for (const path of Object.keys(readManifest(outDir)?.files ?? {})) {
    if (!files.has(path) && path !== MANIFEST_FILE) changes.push({ path, change: "removed" });
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : 1));
}

let devDependencies: Promise<Record<string, string>> | undefined;

/** What an emitted package's tests need, at the versions this project is tested with. */
function testDependencies(): Promise<Record<string, string>> {
  devDependencies ??= readFile(join(PACKAGE_ROOT, "package.json"), "utf8").then((text) => {
    const own = (JSON.parse(text) as { devDependencies: Record<string, string> }).devDependencies;
    const wanted = ["@types/busboy", "@types/node", "busboy", "msw", "typescript", "vitest"];
    return Object.fromEntries(wanted.map((name) => [name, own[name] ?? "*"]));
  });
  return devDependencies;
}
