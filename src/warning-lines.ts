// Warnings as a person reads them: each problem once. A collection often has one problem in many
// places (Zoom's saved requests repeat a `password` form field some thirty times), or says it of
// many fields (Plaid's examples, a dozen tokens each replaced in the mocks), and a line per place
// or per field buries the few other problems. So each problem (model/warning-groups.ts) is one
// line, with how many places and the first of them, and the first things it is said of. What a
// program reads (`--json`, `pull --json`, the result of `generate()`) keeps each warning apart,
// with its place.
import type { Warning } from "./model/types.js";
import { allPlaces, warningGroups } from "./model/warning-groups.js";

/** The places (or things) a line names before `and N more`; one more is named rather than `and 1 more`. */
export const PLACES_SHOWN = 3;

/**
 * `warning: <file> at <place>: <message>` per problem; a problem at several places reads `at 31
 * places (A, B, C and 28 more)`, or every place with `all` (`--verbose`); one said of several
 * things adds `; the same for X, Y, Z and 9 others` (every thing with `all`). In the order the
 * warnings were found, which is the collection's (then the emitter's), so it is the same on every
 * run: a problem stands where it is first found, and its places in their own order. The same place
 * twice is named once.
 */
export function warningLines(
  warnings: readonly Warning[],
  fileOf: (warning: Warning) => string,
  all = false,
): string[] {
  return warningGroups(warnings, fileOf).map((group) => {
    const places = allPlaces(group);
    const at = places.length === 1 ? places[0]! : `${places.length} places (${listed(places, all, "more")})`;
    const others = group.others.map((other) => other.subject);
    const same = others.length ? `; the same for ${listed(others, all, "others")}` : "";
    return `warning: ${group.file} at ${at}: ${group.message}${same}`;
  });
}

/** `A, B, C and 28 <more>`, or every item with `all`. */
function listed(items: string[], all: boolean, more: string): string {
  const shown = all || items.length <= PLACES_SHOWN + 1 ? items : items.slice(0, PLACES_SHOWN);
  const left = items.length - shown.length;
  return `${shown.join(", ")}${left ? ` and ${left} ${more}` : ""}`;
}
