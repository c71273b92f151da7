// How near a word the user typed is to the ones that exist, for the "did you mean" of an unknown
// option and of an include pattern that matches nothing.

/** Levenshtein distance: the single-character insertions, deletions and substitutions from a to b. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Near enough to be a typo of it: a third of the typed word's characters wrong, at least one. */
export function isNear(distance: number, typed: string): boolean {
  return distance <= Math.max(1, Math.floor(typed.length / 3));
}
