// API changes as the command line prints them: one summary line, and with --verbose the changes of
// each operation.
import { groupOf } from "./changelog.js";
import type { ApiChange } from "./compare.js";
import type { Verdict } from "./levels.js";

/** A target's API change as a regeneration reports it (generate.ts's `TargetResult.api`). */
export interface ApiReport {
  verdict: Verdict | "initial";
  changes: readonly ApiChange[];
  version?: string | undefined;
  /** The target fixes the version and the output had it already: the change did not raise it. */
  versionKept?: true | undefined;
}

/** `2 breaking, 1 added, 3 docs`, in the changelog's groups. */
export function countsText(changes: readonly ApiChange[]): string {
  const counts = new Map<string, number>();
  for (const change of changes) {
    const group = groupOf(change).toLowerCase();
    counts.set(group, (counts.get(group) ?? 0) + 1);
  }
  return ["breaking", "added", "changed", "docs"]
    .flatMap((group) => (counts.has(group) ? [`${counts.get(group)} ${group}`] : []))
    .join(", ");
}

export function summaryText(verdict: Verdict, changes: readonly ApiChange[]): string {
  return verdict === "none" ? "no API change" : `${verdict} API change: ${countsText(changes)}`;
}

/** The changes under their operation (package-wide ones first), each with its level. */
export function changeLines(changes: readonly ApiChange[], indent = "  "): string[] {
  const lines: string[] = [];
  let current: string | undefined | null = null;
  for (const change of changes) {
    if (change.operation !== current) {
      current = change.operation;
      lines.push(`${indent}${current ?? "(package)"}`);
    }
    lines.push(`${indent}  ${change.level.padEnd(5)}  ${change.detail}`);
  }
  return lines;
}

/**
 * What a regeneration prints of a target's API change, after its own line: the verdict with its
 * summary and the package's version (saying so when a fixed version kept it: the default is one),
 * and with `verbose` the changes; nothing when the API did not change or there was nothing to
 * compare with (a first generation).
 */
export function apiChangeLines(target: string, api: ApiReport, verbose = false): string[] {
  if (api.verdict === "initial" || api.verdict === "none") return [];
  const kept = api.versionKept ? `, not raised: version "auto" raises it` : "";
  return [
    `${target}: ${summaryText(api.verdict, api.changes)}${api.version ? ` (version ${api.version}${kept})` : ""}`,
    ...(verbose ? changeLines(api.changes) : []),
  ];
}
