// Warnings as a person reads them: each problem once. A collection often has one problem in many
// places (Zoom's saved requests repeat a `password` form field some thirty times), and a line per
// place buries the few other problems. So each problem (model/warning-groups.ts) is one line, with
// how many places and the first of them. What a program reads (`--json`, `pull --json`,
// the result of `generate()`) keeps each warning apart, with its place.
import type { Warning } from "./model/types.js";
import { warningGroups } from "./model/warning-groups.js";

/** The places a line names before `and N more`; one more is named rather than `and 1 more`. */
export const PLACES_SHOWN = 3;

/**
 * `warning: <file> at <place>: <message>` per problem; a problem at several places reads `at 31
 * places (A, B, C and 28 more)`, or every place with `all` (`--verbose`). In the order the
 * warnings were found, which is the collection's (then the emitter's), so it is the same on every
 * run: a problem stands where it is first found, and its places in their own order. The same place
 * twice is named once.
 */
export function warningLines(
  warnings: readonly Warning[],
  fileOf: (warning: Warning) => string,
  all = false,
): string[] {
  return warningGroups(warnings, fileOf).map(
    ({ file, message, places }) => `warning: ${file} at ${placesText(places, all)}: ${message}`,
  );
}

function placesText(places: string[], all: boolean): string {
  if (places.length === 1) return places[0]!;
  const shown = all || places.length <= PLACES_SHOWN + 1 ? places : places.slice(0, PLACES_SHOWN);
  const more = places.length - shown.length;
  return `${places.length} places (${shown.join(", ")}${more ? ` and ${more} more` : ""})`;
}
