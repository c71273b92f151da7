// `postman-codegen diff <old> <new>`: the classification `generate` makes at a regeneration, between
// two collection files, with a target's options that change the surface; nothing is written.
import { loadTarget, type TargetPlace } from "../generate.js";
import type { Target, TargetOptions } from "../config.js";
import { comparePackages, type ApiDiff } from "./compare.js";
import { packageSurface } from "./surface.js";

export interface CollectionsDiff extends ApiDiff {
  /** Operations in the old and the new collection (after include/exclude). */
  operations: { before: number; after: number };
  /** Milliseconds: loading both collections, their surfaces, comparing them. */
  timings: { load: number; surface: number; compare: number };
}

export async function diffCollections(
  before: string,
  after: string,
  options: TargetOptions & TargetPlace = {},
): Promise<CollectionsDiff> {
  const { configFile, targetIndex, patternPlace, ...targetOptions } = options;
  const place: TargetPlace = {
    ...(configFile !== undefined ? { configFile } : {}),
    ...(targetIndex !== undefined ? { targetIndex } : {}),
    ...(patternPlace ? { patternPlace } : {}),
  };
  const target = (collection: string): Target => ({ ...targetOptions, collection, out: "", name: "diff" });
  const started = performance.now();
  const models = await Promise.all([loadTarget(target(before), place), loadTarget(target(after), place)]);
  const loaded = performance.now();
  // The new collection's shared types named as a regeneration of the old one's output names them.
  const a = packageSurface(models[0]);
  const b = packageSurface({ ...models[1], sharedTypesBefore: a.types ?? {} });
  const surfaced = performance.now();
  const diff = comparePackages(a, b);
  return {
    ...diff,
    operations: { before: models[0].operations.length, after: models[1].operations.length },
    timings: { load: loaded - started, surface: surfaced - loaded, compare: performance.now() - surfaced },
  };
}
