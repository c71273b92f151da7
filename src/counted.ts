/**
 * A count with its noun, `1 operation` or `2 operations`: the one way the generator writes a number
 * of things in English (every noun it counts takes a plain `s`). Not for the files copied into
 * packages, which import nothing of the generator.
 */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
