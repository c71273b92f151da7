// `postman-codegen diff <old> <new>`: the classification `generate` makes at a regeneration, between
// two collection files, with a target's options that change the surface; nothing is written.
import { loadTarget, type TargetPlace } from "../generate.js";
import type { Target, TargetOptions } from "../config.js";
import { comparePackages, type ApiDiff } from "./compare.js";
import { namespaceTypesBefore, namingBefore, packageSurface } from "./surface.js";

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
  // The new collection is named as a regeneration of the old one's output names it: its operations,
  // namespaces' interfaces and shared types keep the names the old surface records. So the old is surfaced first.
  let mark = performance.now();
  const timings = { load: 0, surface: 0, compare: 0 };
  const lap = (phase: keyof typeof timings) => {
    const now = performance.now();
    timings[phase] += now - mark;
    mark = now;
  };
  const oldModel = await loadTarget(target(before), place);
  lap("load");
  const a = packageSurface(oldModel);
  lap("surface");
  const newModel = await loadTarget(target(after), { ...place, namingBefore: namingBefore(a) });
  lap("load");
  const b = packageSurface({
    ...newModel,
    sharedTypesBefore: a.types ?? {},
    namespaceTypesBefore: namespaceTypesBefore(a) ?? {},
  });
  lap("surface");
  const diff = comparePackages(a, b);
  lap("compare");
  return {
    ...diff,
    operations: { before: oldModel.operations.length, after: newModel.operations.length },
    timings,
  };
}
