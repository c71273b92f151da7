// One problem, many places: a collection often has the same problem in many places (Zoom's saved
// requests repeat a `password` form field some thirty times), or says the same thing of many of its
// fields (Plaid's examples hold `link_token`, `public_token`, `access_token` and a dozen more, each
// replaced in the mocks). Both what the command prints and what the README lists say each problem
// once, with its places; this is where "the same problem" is decided: the same file and the same
// message, but for the warning's `subject` (the thing the message is said of).
import type { Warning } from "./types.js";

/** One thing a problem is said of, beyond the first, and where. */
export interface WarningSubject {
  subject: string;
  /** Its places, each once, in the order found. */
  places: string[];
}

export interface WarningGroup {
  /** The file the problem is in, as `fileOf` names it. */
  file: string;
  /** The problem as the first warning says it (of its subject, when it has one). */
  message: string;
  /** Where the first warning's message is, each place once, in the order found. */
  places: string[];
  /** The other things the same problem is said of, each once, in the order found. */
  others: WarningSubject[];
  /** What the emitted package calls the file, when it is an environment or the globals (Warning's `scope`). */
  scope?: string;
}

/**
 * The warnings as problems, in the order the warnings were found (the collection's, then the
 * emitter's), so that the same input gives the same list on every run.
 */
export function warningGroups(warnings: readonly Warning[], fileOf: (warning: Warning) => string): WarningGroup[] {
  const groups = new Map<
    string,
    { file: string; message: string; scope: string | undefined; bySubject: Map<string, Set<string>> }
  >();
  for (const warning of warnings) {
    const file = fileOf(warning);
    const { subject = "" } = warning;
    const key = `${file}\0${problemOf(warning)}`;
    let group = groups.get(key);
    if (!group)
      groups.set(key, (group = { file, message: warning.message, scope: warning.scope, bySubject: new Map() }));
    let places = group.bySubject.get(subject);
    if (!places) group.bySubject.set(subject, (places = new Set()));
    places.add(warning.source);
  }
  return [...groups.values()].map(({ file, message, scope, bySubject }) => {
    const [first, ...others] = [...bySubject].map(([subject, places]) => ({ subject, places: [...places] }));
    return { file, message, places: first!.places, others, ...(scope !== undefined ? { scope } : {}) };
  });
}

/** Every place of a problem, each once: the first message's, then the others' in their order. */
export function allPlaces(group: WarningGroup): string[] {
  return [...new Set([...group.places, ...group.others.flatMap((other) => other.places)])];
}

/** The message without what it is said of: warnings whose problems are equal say the same thing. */
function problemOf({ message, subject }: Warning): string {
  return subject ? message.replaceAll(subject, "\0") : message;
}
