// Identifiers from collection names. The rule (also in the README):
// - words are the runs of identifier characters (any script: `获取用户` stays a word); everything
//   else separates words;
// - camelCase: the first word starts lower-case, the others upper-case; an all-capitals word
//   (`SIP`) is lowered first, so `List SIP trunk numbers` → `listSipTrunkNumbers`;
// - a name that starts with a digit gets a `_` in front; a name with no word becomes `operation`;
// - repeats get `2`, `3`, … in the order of their Postman paths (not the collection's);
// - invisible characters (zero-width joiners and the like) are dropped.

const WORD = /[\p{ID_Continue}$]+/gu;
const START = /^[\p{ID_Start}$_]/u;
/** Characters that are legal in identifiers but invisible (zero-width joiners): never kept. */
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;

/**
 * Members of TypeScript's `Object` interface. Every object has them (TypeScript reads them into
 * every object literal's type), so a key by one of these names that may be absent cannot be typed
 * as the collection's value: absent, it reads as the member.
 */
export const OBJECT_MEMBERS: ReadonlySet<string> = new Set([
  "constructor",
  "toString",
  "toLocaleString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "propertyIsEnumerable",
]);

export function camelCase(name: string): string {
  const words =
    name
      .replace(INVISIBLE, "")
      .match(WORD)
      ?.flatMap((w) => w.split("_"))
      .filter(Boolean) ?? [];
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

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally for function if import in " +
    "instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package " +
    "private protected public await arguments eval undefined NaN Infinity"
  ).split(" "),
);

/** True for words that cannot name a binding (a function or a const). */
export function isReserved(name: string): boolean {
  return RESERVED.has(name);
}

export interface NamedOperation {
  item: string;
  folder: readonly string[];
  /** Its method and path, which tell apart requests of the same name in the same folder. */
  method?: string;
  path?: string;
}

export interface OperationNames {
  /** Method name, unique within its namespace. */
  name: string;
  /** camelCased folders: where the method sits on the client. */
  namespace: string[];
  /** Unique in the package: the base of the operation's exported names. */
  exportName: string;
}

/**
 * Names for every operation of a collection (documented in the README):
 * - namespaces are the folders, camelCased; sibling folders whose names camelCase alike are numbered;
 * - a method is its request's name camelCased, numbered when its namespace already has the name
 *   (as a method or as a sub-namespace);
 * - the export name is the method name when no other request has it, else the folders and the
 *   request name camelCased together; then numbered until every identifier derived from it
 *   (`identifiers(exportName)`) is free.
 */
export function operationNames(
  operations: readonly NamedOperation[],
  identifiers: (exportName: string) => string[],
  taken: Iterable<string>,
): OperationNames[] {
  const namespaces = new Map<string, string[]>();
  const children = new Map<string, Set<string>>();
  const namespaceOf = (folder: readonly string[]): string[] => {
    const key = JSON.stringify(folder);
    const known = namespaces.get(key);
    if (known) return known;
    if (folder.length === 0) {
      namespaces.set(key, []);
      return [];
    }
    const parent = namespaceOf(folder.slice(0, -1));
    const parentKey = JSON.stringify(parent);
    const siblings = children.get(parentKey) ?? new Set<string>();
    children.set(parentKey, siblings);
    const segment = uniqueNames([camelCase(folder[folder.length - 1]!)], siblings)[0]!;
    siblings.add(segment);
    const path = [...parent, segment];
    namespaces.set(key, path);
    return path;
  };
  // Names are numbered in the order of the requests' Postman paths (then method and path), not of
  // the collection: moving items around in a workspace then renames nothing (the API diff's
  // "none" for item order); only requests identical in all of these keep the collection's order.
  const order = operations
    .map((op, i) => ({ i, key: JSON.stringify([...op.folder, op.item, op.method ?? "", op.path ?? ""]) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map(({ i }) => i);
  const paths: string[][] = [];
  for (const i of order) paths[i] = namespaceOf(operations[i]!.folder);

  const methods = new Map<string, Set<string>>();
  const names: string[] = [];
  for (const i of order) {
    const key = JSON.stringify(paths[i]);
    const used = methods.get(key) ?? new Set(children.get(key) ?? []);
    methods.set(key, used);
    const name = uniqueNames([camelCase(operations[i]!.item)], used)[0]!;
    used.add(name);
    names[i] = name;
  }

  const counts = new Map<string, number>();
  for (const op of operations) counts.set(camelCase(op.item), (counts.get(camelCase(op.item)) ?? 0) + 1);
  const usedIds = new Set(taken);
  const result: OperationNames[] = [];
  for (const i of order) {
    const op = operations[i]!;
    const plain = camelCase(op.item);
    // A repeated name takes its folders along, unless that makes it unwieldy (deep folders): then a number.
    const qualified = camelCase([...op.folder, op.item].join(" "));
    const base = counts.get(plain) === 1 || qualified.length > 60 ? plain : qualified;
    let exportName = isReserved(base) ? `${base}_` : base;
    for (let n = 2; identifiers(exportName).some((id) => usedIds.has(id)); n++) exportName = `${base}${n}`;
    for (const id of identifiers(exportName)) usedIds.add(id);
    result[i] = { name: names[i]!, namespace: paths[i]!, exportName };
  }
  return result;
}
