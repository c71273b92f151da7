// The pipeline for a list of targets: load → model → emit → write. Every target that needs work is
// emitted in memory first; nothing is written unless all of them succeed. A target whose manifest
// says it is up to date is skipped without loading anything.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { loadCollection } from "./load/collection.js";
import { emitPackage, type FileSet } from "./emit/package.js";
import { operationIdentifiers, RESERVED_IDENTIFIERS } from "./emit/client.js";
import { resolveFormatOptions } from "./emit/format.js";
import { FormatCache } from "./emit/format-cache.js";
import { isUpToDate } from "./fast-path.js";
import { generatorFingerprint, inputHash } from "./fingerprint.js";
import { applyOverrides, selected } from "./model/selection.js";
import { MANIFEST_FILE, readManifest } from "./write/manifest.js";
import { writePackage } from "./write/write-package.js";
import { PACKAGE_ROOT } from "./paths.js";
import { DEFAULT_PACKAGE_VERSION, packageProblem, type Target } from "./config.js";
import { CodegenError } from "./errors.js";
import type { ApiModel, Warning } from "./model/types.js";

export interface GenerateOptions {
  /** Report drift instead of writing: see `TargetResult.changes`. */
  check?: boolean;
  /** Regenerate even when the manifest says the output is up to date. */
  force?: boolean;
  /** Also run the TypeScript checker over each emitted client. */
  typeCheck?: boolean;
  /** The config file the targets come from, for messages about their options. */
  configFile?: string;
  /**
   * Reuse prettier's output for the parts of the output that did not change, from
   * node_modules/.cache/postman-codegen in the working directory (default true).
   */
  cache?: boolean;
  /** Called as each target moves from one phase to the next. */
  onProgress?: (event: ProgressEvent) => void;
}

export interface ProgressEvent {
  target: string;
  phase: "checking" | "loading" | "emitting" | "writing" | "done";
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
  /** Milliseconds per phase. */
  timings: Record<string, number>;
}

export interface GenerateResult {
  targets: TargetResult[];
  /** False when `check` found drift. */
  ok: boolean;
}

/** Emits one target in memory. */
export async function emitTarget(target: Target, options: GenerateOptions = {}): Promise<{ model: ApiModel; files: FileSet; timings: Record<string, number> }> {
  const started = performance.now();
  // Targets from a config or the command line are checked there; these come from the API too.
  const bad = packageProblem(target);
  if (bad) throw new CodegenError(options.configFile ?? "target", bad.key, bad.problem);
  options.onProgress?.({ target: target.name, phase: "loading" });
  const loaded = await loadCollection(target.collection, {
    identifiers: operationIdentifiers,
    reserved: RESERVED_IDENTIFIERS,
    ...(target.include || target.exclude ? { select: selected(target.include, target.exclude) } : {}),
    ...(target.limits ? { limits: target.limits } : {}),
  });
  const reserved = new Set(RESERVED_IDENTIFIERS);
  const model = applyOverrides(loaded, {
    configFile: options.configFile ?? target.collection,
    targetIndex: 0,
    ...(target.baseUrl !== undefined ? { baseUrl: target.baseUrl } : {}),
    ...(target.names ? { names: target.names } : {}),
    ...(target.bodyEncoding ? { bodyEncoding: target.bodyEncoding } : {}),
    taken: (name) => operationIdentifiers(name).some((id) => reserved.has(id)),
  });
  const loadedAt = performance.now();
  options.onProgress?.({ target: target.name, phase: "emitting", operations: model.operations.length });
  const formatCache = options.cache === false ? undefined : FormatCache.forProject(process.cwd(), target.out);
  const files = await emitPackage(
    model,
    { packageName: target.name, packageVersion: target.version ?? DEFAULT_PACKAGE_VERSION, collectionFile: basename(target.collection), devDependencies: await testDependencies() },
    { ...(options.typeCheck ? { typeCheck: true } : {}), format: await resolveFormatOptions(target.out), ...(formatCache ? { formatCache } : {}) },
  );
  // --check writes nothing, not even the cache.
  if (!options.check) formatCache?.save();
  const emittedAt = performance.now();
  return { model, files, timings: { load: loadedAt - started, emit: emittedAt - loadedAt } };
}

export async function generate(targets: readonly Target[], options: GenerateOptions = {}): Promise<GenerateResult> {
  const results: TargetResult[] = [];
  const pending: Array<{ result: TargetResult; files: FileSet }> = [];
  for (const target of targets) {
    const started = performance.now();
    options.onProgress?.({ target: target.name, phase: "checking" });
    if (!options.force && isUpToDate(target)) {
      const manifest = readManifest(target.out)!;
      results.push({ target, status: options.check ? "unchanged" : "up-to-date", files: Object.keys(manifest.files), changes: [], warnings: [], timings: { total: performance.now() - started } });
      options.onProgress?.({ target: target.name, phase: "done" });
      continue;
    }
    const { model, files, timings } = await emitTarget(target, options);
    const result: TargetResult = {
      target,
      status: "written",
      operations: model.operations.length,
      files: [...files.keys()],
      changes: [],
      warnings: model.warnings,
      timings: { ...timings, total: performance.now() - started },
    };
    if (options.check) {
      result.changes = drift(target.out, files);
      result.status = result.changes.length ? "drifted" : "unchanged";
      options.onProgress?.({ target: target.name, phase: "done" });
    } else {
      pending.push({ result, files });
    }
    results.push(result);
  }
  // Every target emitted: now write them, each swapped in whole.
  for (const { result, files } of pending) {
    options.onProgress?.({ target: result.target.name, phase: "writing" });
    const started = performance.now();
    await writePackage(result.target.out, files, { generator: generatorFingerprint(), input: inputHash(result.target) });
    result.timings["write"] = performance.now() - started;
    options.onProgress?.({ target: result.target.name, phase: "done" });
  }
  return { targets: results, ok: results.every((r) => r.status !== "drifted") };
}

/** How the output on disk differs from `files`: added, changed and removed files (per the manifest). */
function drift(outDir: string, files: FileSet): FileChange[] {
  const changes: FileChange[] = [];
  for (const [path, text] of files) {
    let onDisk: string;
    try {
      onDisk = readFileSync(join(outDir, path), "utf8");
    } catch {
      changes.push({ path, change: "added" });
      continue;
    }
    if (onDisk === text) continue;
    const a = onDisk.split("\n");
    const b = text.split("\n");
    let line = 0;
    while (line < a.length && line < b.length && a[line] === b[line]) line++;
    changes.push({ path, change: "changed", firstDifference: { line: line + 1, onDisk: a[line] ?? "", generated: b[line] ?? "" } });
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
    const wanted = ["@types/busboy", "@types/node", "busboy", "typescript", "vitest"];
    return Object.fromEntries(wanted.map((name) => [name, own[name] ?? "*"]));
  });
  return devDependencies;
}
