// The levels of an API change, highest first. A module of its own, without imports, so that the
// no-op fast path can check `--fail-on` without loading the comparison.

export type Level = "major" | "minor" | "patch";
export type Verdict = Level | "none";

export const LEVELS: readonly Level[] = ["major", "minor", "patch"];

/** none 0, patch 1, minor 2, major 3. */
export function levelRank(level: Verdict): number {
  return level === "none" ? 0 : 3 - LEVELS.indexOf(level);
}

/**
 * Whether a change at `verdict` fails a check run with `--fail-on <failOn>`: at that level or
 * above. A first generation has nothing to compare with, so no level to fail at.
 */
export function failsAt(verdict: Verdict | "initial", failOn: Level): boolean {
  return verdict !== "initial" && levelRank(verdict) >= levelRank(failOn);
}
