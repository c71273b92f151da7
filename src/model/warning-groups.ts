// One problem, many places: a collection often has the same problem in many places (Zoom's saved
// requests repeat a `password` form field some thirty times). Both what the command prints and
// what the README lists say each problem once, with its places; this is where "the same problem"
// is decided: the same file and the same message.
import type { Warning } from "./types.js";

export interface WarningGroup {
  /** The file the problem is in, as `fileOf` names it. */
  file: string;
  message: string;
  /** Where it is, each place once, in the order found. */
  places: string[];
}

/**
 * The warnings as problems, in the order the warnings were found (the collection's, then the
 * emitter's), so that the same input gives the same list on every run.
 */
export function warningGroups(warnings: readonly Warning[], fileOf: (warning: Warning) => string): WarningGroup[] {
  const groups = new Map<string, { file: string; message: string; places: Set<string> }>();
  for (const warning of warnings) {
    const file = fileOf(warning);
    const key = `${file}\0${warning.message}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { file, message: warning.message, places: new Set() }));
    group.places.add(warning.source);
  }
  return [...groups.values()].map(({ file, message, places }) => ({ file, message, places: [...places] }));
}
