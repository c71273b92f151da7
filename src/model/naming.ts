// Identifiers from collection names. The rule (also in the README):
// - words are the runs of identifier characters (any script: `获取用户` stays a word); everything
//   else separates words;
// - camelCase: the first word starts lower-case, the others upper-case; an all-capitals word
//   (`SIP`) is lowered first, so `List SIP trunk numbers` → `listSipTrunkNumbers`;
// - a name that starts with a digit gets a `_` in front; a name with no word becomes `operation`;
// - repeats get `2`, `3`, … in collection order.

const WORD = /[\p{ID_Continue}$]+/gu;
const START = /^[\p{ID_Start}$_]/u;

export function camelCase(name: string): string {
  const words = name.match(WORD)?.flatMap((w) => w.split("_")).filter(Boolean) ?? [];
  const joined = words.map((word, i) => (i === 0 ? lowerFirst(word) : upperFirst(word))).join("");
  if (joined === "") return "operation";
  return START.test(joined) ? joined : `_${joined}`;
}

export function pascalCase(name: string): string {
  const camel = camelCase(name);
  return camel.startsWith("_") ? camel : upperFirst(camel);
}

/** Makes each name unique by appending 2, 3, … to later repeats; `taken` holds names already in use. */
export function uniqueNames(names: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set(taken);
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; used.has(candidate); n++) candidate = `${name}${n}`;
    used.add(candidate);
    return candidate;
  });
}

function lowerFirst(word: string): string {
  if (isAllCaps(word)) return word.toLowerCase();
  return word.charAt(0).toLowerCase() + word.slice(1);
}

function upperFirst(word: string): string {
  const rest = isAllCaps(word) ? word.slice(1).toLowerCase() : word.slice(1);
  return word.charAt(0).toUpperCase() + rest;
}

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase();
}
