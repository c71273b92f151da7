// The warnings a generation gave, recorded in the package's manifest (`warnings` in
// .postman-codegen.json), so that the next generation prints in full only the new ones: a team
// that regenerates on every collection change stops reading output that never changes, and the
// warning its change brought is lost among the dozens the collection always had. The record is
// committed with the package, so a pull request that brings a warning shows it in its diff.
//
// "The same warning" is the same message about the same file: its places are left out, so a
// request added or moved leaves a known problem known, while a new thing it is said of (a new
// credential-named field, whose name the message quotes) is a new message. The collection is not
// named (renaming it keeps its warnings known); another file (an environment, the globals) is, by
// its path from the package's folder, which is the same on every machine.
import { relative, resolve, sep } from "node:path";
import type { Warning } from "./model/types.js";

/** The record's entry for a warning: what it says, and of which file when not the collection. */
export function warningEntry(warning: Warning, target: { collection: string; out: string }): string {
  if (warning.file === undefined || resolve(warning.file) === resolve(target.collection)) return warning.message;
  const file = relative(resolve(target.out), resolve(warning.file)).split(sep).join("/") || ".";
  return `${file}: ${warning.message}`;
}

/** The record of `warnings`: each entry once, sorted, so that the same warnings give the same bytes. */
export function warningRecord(warnings: readonly Warning[], target: { collection: string; out: string }): string[] {
  return [...new Set(warnings.map((warning) => warningEntry(warning, target)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
}

/** A manifest's record, or undefined when it has none (a first generation, an older generator's output). */
export function readWarningRecord(recorded: unknown): ReadonlySet<string> | undefined {
  if (!Array.isArray(recorded) || !recorded.every((entry) => typeof entry === "string")) return undefined;
  return new Set(recorded);
}

/** Whether the output's manifest did not record the warning (all are new when it recorded none). */
export function isNewWarning(
  result: { target: { collection: string; out: string }; warningsBefore?: ReadonlySet<string> },
  warning: Warning,
): boolean {
  return result.warningsBefore === undefined || !result.warningsBefore.has(warningEntry(warning, result.target));
}
