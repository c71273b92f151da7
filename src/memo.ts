/**
 * `compute` with its answer kept by its argument, for the generator's pure functions of a text
 * that a collection asks again and again (its descriptions, keys and names recur on every request
 * that has them). At most 10,000 answers are kept, the table emptied when full: a watching process
 * generates again and again, and would otherwise keep every text it ever saw.
 */
export function memoized<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text)!;
    const answer = compute(text);
    if (known.size >= MAX_KEPT) known.clear();
    known.set(text, answer);
    return answer;
  };
}

const MAX_KEPT = 10_000;
