// `postman-codegen diff <old> <new>`: the classification `generate` makes at a regeneration, between
// two collection files, with a target's options that change the surface; `diff --target <name>
// [<new>]`: between a target's output as recorded and its collection. Nothing is written.
import { loadTarget, type TargetPlace } from "../generate.js";
import type { Target, TargetOptions } from "../config.js";
import { comparePackages, type ApiDiff } from "./compare.js";
import { recordedSurface } from "./previous.js";
import { namespaceTypesBefore, namingBefore, packageSurface, type Surface } from "./surface.js";

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
  const { timings, lap } = stopwatch();
  const oldModel = await loadTarget(target(before), place);
  lap("load");
  const a = packageSurface(oldModel);
  lap("surface");
  const newer = await surfaceAgainst(a, target(after), place, lap);
  const diff = comparePackages(a, newer.surface);
  lap("compare");
  return { ...diff, operations: { before: oldModel.operations.length, after: newer.operations }, timings };
}

/**
 * `diff --target <name> [<new>]`: the target's output as its manifest recorded it, the API a
 * regeneration compares with (previous.ts), against the target as it is now (its collection, or
 * the one `target` names instead). The whole target is loaded, environments and globals too, as
 * the recorded API holds theirs: what `generate` would say of the change, writing nothing.
 */
export async function diffRecorded(target: Target, place: TargetPlace = {}): Promise<CollectionsDiff> {
  const { timings, lap } = stopwatch();
  const a = recordedSurface(target.out);
  lap("load");
  const newer = await surfaceAgainst(a, target, place, lap);
  const diff = comparePackages(a, newer.surface);
  lap("compare");
  return { ...diff, operations: { before: a.operations.length, after: newer.operations }, timings };
}

/**
 * The surface of `target` named as a regeneration of an output whose surface is `a` names it: its
 * operations, namespaces' interfaces and shared types keep the names `a` records.
 */
async function surfaceAgainst(
  a: Surface,
  target: Target,
  place: TargetPlace,
  lap: (phase: Phase) => void,
): Promise<{ surface: Surface; operations: number }> {
  const model = await loadTarget(target, { ...place, namingBefore: namingBefore(a) });
  lap("load");
  const surface = packageSurface({
    ...model,
    sharedTypesBefore: a.types ?? {},
    namespaceTypesBefore: namespaceTypesBefore(a) ?? {},
  });
  lap("surface");
  return { surface, operations: model.operations.length };
}

type Phase = keyof CollectionsDiff["timings"];

/** The milliseconds of each phase, each lap adding the time since the last to its phase. */
function stopwatch(): { timings: CollectionsDiff["timings"]; lap: (phase: Phase) => void } {
  let mark = performance.now();
  const timings = { load: 0, surface: 0, compare: 0 };
  return {
    timings,
    lap: (phase) => {
      const now = performance.now();
      timings[phase] += now - mark;
      mark = now;
    },
  };
}
