// The pipeline for a list of targets: load → model → emit → write. Every target is emitted in
// memory first; nothing is written unless all of them succeed.
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { loadCollection } from "./load/collection.js";
import { emitPackage, type EmitOptions, type FileSet } from "./emit/package.js";
import { operationIdentifiers, RESERVED_IDENTIFIERS } from "./emit/client.js";
import { writePackage } from "./write/write-package.js";
import { PACKAGE_ROOT } from "./paths.js";
import type { Target } from "./config.js";
import type { ApiModel, Warning } from "./model/types.js";

export interface TargetResult {
  target: Target;
  operations: number;
  files: string[];
  warnings: Warning[];
}

/** Emits one target in memory. */
export async function emitTarget(target: Target, options: EmitOptions = {}): Promise<{ model: ApiModel; files: FileSet }> {
  const model = await loadCollection(target.collection, { identifiers: operationIdentifiers, reserved: RESERVED_IDENTIFIERS });
  const files = await emitPackage(model, {
    packageName: target.name,
    collectionFile: basename(target.collection),
    devDependencies: await testDependencies(),
  }, options);
  return { model, files };
}

export async function generate(targets: readonly Target[], options: EmitOptions = {}): Promise<TargetResult[]> {
  const emitted = [];
  for (const target of targets) emitted.push({ target, ...(await emitTarget(target, options)) });
  for (const { target, files } of emitted) await writePackage(target.out, files);
  return emitted.map(({ target, model, files }) => ({
    target,
    operations: model.operations.length,
    files: [...files.keys()],
    warnings: model.warnings,
  }));
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
