// Warnings as a person reads them: each problem once. A collection often has one problem in many
// places (Zoom's saved requests repeat a `password` form field some thirty times), and a line per
// place buries the few other problems. So the warnings of one file with the same message are one
// line, with how many places and the first of them. What a program reads (`--json`, `pull --json`,
// the result of `generate()`) keeps each warning apart, with its place.
import type { Warning } from "./model/types.js";

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
  const problems = new Map<string, { file: string; message: string; places: Set<string> }>();
  for (const warning of warnings) {
    const file = fileOf(warning);
    const key = `${file}\0${warning.message}`;
    let problem = problems.get(key);
    if (!problem) problems.set(key, (problem = { file, message: warning.message, places: new Set() }));
    problem.places.add(warning.source);
  }
  return [...problems.values()].map(
    ({ file, message, places }) => `warning: ${file} at ${placesText([...places], all)}: ${message}`,
  );
}

function placesText(places: string[], all: boolean): string {
  if (places.length === 1) return places[0]!;
  const shown = all || places.length <= PLACES_SHOWN + 1 ? places : places.slice(0, PLACES_SHOWN);
  const more = places.length - shown.length;
  return `${places.length} places (${shown.join(", ")}${more ? ` and ${more} more` : ""})`;
}
