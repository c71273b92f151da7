// The one naming pass: every identifier an emitted package takes from the collection (namespaces,
// methods, standalone functions, exported types and metadata, argument keys) is decided here, over
// the loaded model, after the target's name overrides, against the one table of names the package
// keeps for itself (reserved-names.ts). The loader keeps the collection's own text; the emitter
// reads what this decides. The rules (ARCHITECTURE.md, Names):
// - words are the runs of identifier characters (any script: `获取用户` stays a word), as one fixed
//   table has them (identifier-chars.ts), not the running Node; everything else (`$` too) separates
//   words, and digits it separates keep a `_` between them (`v1.0 $metadata` → `v1_0Metadata`);
// - an apostrophe does not end a word: a possessive `'s` is dropped (`user's` → `user`), a
//   contraction is one word (`let's` → `lets`, `don't` → `dont`), as is `s` after a quoted word;
// - camelCase: the first word starts lower-case, the others upper-case; an all-capitals word
//   (`SIP`) is lowered first, so `List SIP trunk numbers` → `listSipTrunkNumbers`;
// - a name that starts with a digit gets a `_` in front; a name with no word becomes `operation`;
// - requests of one folder whose names camelCase alike and whose HTTP methods differ are each
//   qualified by their method (`getAccountsAccountId`, `deleteAccountsAccountId`; a name that
//   already starts with its method's word stays as it is), so no name hides its method;
// - repeats left (the same name and method) get `2`, `3`, … in the order of their Postman paths
//   (not the collection's);
// - invisible characters (zero-width joiners and the like) are dropped.
import { CodegenError } from "../errors.js";
import { ID_CONTINUE, ID_START } from "./identifier-chars.js";
import { KEYWORDS, RESERVED_IDENTIFIERS, RUNTIME_PREFIX } from "./reserved-names.js";
import { noRequestAt, postmanPath } from "./selection.js";
import type { ApiModel, ArgModel, LoadedArg, LoadedModel, LoadedOperation, OperationModel, Warning } from "./types.js";
import { memoized } from "../memo.js";

/**
 * A word: a run of identifier characters. Not `$`, which a collection writes as punctuation (OData's
 * `$metadata`, `$top`): as a word's part it stayed in the name (`v10$metadata`).
 */
const WORD = new RegExp(`[${ID_CONTINUE}]+`, "gu");
const START = new RegExp(`^[$_${ID_START}]`, "u");
const IDENTIFIER_CHARACTERS = new RegExp(`^[$${ID_CONTINUE}]*$`, "u");
const ASCII = /^[\0-\x7f]*$/;
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

/**
 * Names a member of the client or of a namespace may not take: `then`, which makes an object
 * thenable (`return client` from an async function would call the operation and resolve to its
 * result), and every member of Object.prototype (`String(client)` would call a `toString`
 * operation; code that inspects the client calls `hasOwnProperty`). A fixed list, as
 * the identifier table is, so that names do not depend on the running Node.
 */
const MEMBER_RESERVED: ReadonlySet<string> = new Set([
  ...OBJECT_MEMBERS,
  "then",
  "__proto__",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__",
]);

/** By name: a collection repeats its keys and names (every shape's keys go through here), ~0.1 s on Zoom. */
const camelCases = memoized((name) => camelCaseOf(name));

export function camelCase(name: string): string {
  return camelCases(name);
}

/**
 * The apostrophes names are written with: straight, curly (and the opening one typed for it),
 * backtick, acute accent, fullwidth. Not U+02BC: a letter, part of words in some languages.
 */
const APOSTROPHES = "'\u2019\u2018`\u00b4\uff07";
/** A word, an apostrophe, and a possessive `s` or a contraction's end, with no word after it. */
const ELISION = new RegExp(
  `([${ID_CONTINUE}]+)([${APOSTROPHES}])([sS]|[tT]|[rR][eE]|[vV][eE]|[lL][lL]|[dD]|[mM])(?![${ID_CONTINUE}])`,
  "gu",
);
/** Words whose `'s` is `is` or `us`, not a possessive: `it's` reads `its`, `let's go` `letsGo`. */
const CONTRACTED_S: ReadonlySet<string> = new Set(
  "he she it let that there here what where who how when why".split(" "),
);

/**
 * The name with each apostrophe inside a word read as English writes it, so that it does not split
 * the word in two and capitalise the rest (`getUserSZak`): a possessive `'s` goes, as the word
 * alone names the thing (`Get user's ZAK` → `getUserZak`); a contraction is one word (`Don't` →
 * `dont`). After a quoted word (`` `Tag`s ``), the apostrophe closes the quote: the `s` is a plural.
 */
function withoutElisions(name: string): string {
  const isApostrophe = (at: number) => at >= 0 && at < name.length && APOSTROPHES.includes(name.charAt(at));
  return name.replace(ELISION, (all: string, word: string, _apostrophe: string, end: string, at: number) => {
    // An apostrophe before the word opens a quote (`‘Tag’s`: closed by another character), which
    // this one closes, unless one after the `s` does (`'user's'`).
    const closesQuote = isApostrophe(at - 1) && !isApostrophe(at + all.length);
    const possessive = /^s$/i.test(end) && !CONTRACTED_S.has(word.toLowerCase());
    return possessive && !closesQuote ? word : word + end;
  });
}

function camelCaseOf(name: string): string {
  const words =
    withoutElisions(name.replace(INVISIBLE, ""))
      .match(WORD)
      ?.flatMap((w) => w.split("_"))
      .filter(Boolean) ?? [];
  const joined = words
    .map((word, i) => {
      const cased = i === 0 ? lowerFirst(word) : upperFirst(word);
      // Digits that a separator kept apart stay apart: `v1.0` is `v1_0`, as `v10` is another number.
      return i > 0 && /[0-9]$/.test(words[i - 1]!) && /^[0-9]/.test(word) ? `_${cased}` : cased;
    })
    .join("");
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
    const candidate = uniqueName(name, used);
    used.add(candidate);
    return candidate;
  });
}

/** `name`, or with 2, 3, … appended, the first not in `taken` (which is not copied, nor added to). */
export function uniqueName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  return candidate;
}

function lowerFirst(word: string): string {
  if (isAllCaps(word)) return lower(word);
  return lower(word.charAt(0)) + word.slice(1);
}

function upperFirst(word: string): string {
  const rest = isAllCaps(word) ? lower(word.slice(1)) : word.slice(1);
  return upper(word.charAt(0)) + rest;
}

function isAllCaps(word: string): boolean {
  return word.length > 1 && word === upper(word) && word !== lower(word);
}

const lower = (text: string) => withinTable(text, text.toLowerCase(), (c) => c.toLowerCase());
const upper = (text: string) => withinTable(text, text.toUpperCase(), (c) => c.toUpperCase());

/**
 * The case mapping of a word, where it stays in the identifier table. A later Unicode can give an
 * old letter a case partner that is new (`ɤ` → U+A7CB in 16): mapped there, the name would differ
 * from one Node to the next and hold a letter an older TypeScript refuses, so such a character
 * keeps its case.
 */
function withinTable(text: string, mapped: string, map: (character: string) => string): string {
  if (ASCII.test(text) || IDENTIFIER_CHARACTERS.test(mapped)) return mapped;
  return Array.from(text, (c) => {
    const m = map(c);
    return IDENTIFIER_CHARACTERS.test(m) ? m : c;
  }).join("");
}

/** True for words that cannot name a binding (a function or a const). */
export function isReserved(name: string): boolean {
  return KEYWORDS.has(name);
}

/** Names of the exported types and values of one operation, from its export name. */
export function exportedNames(exportName: string) {
  const base = pascalCase(exportName);
  return {
    args: `${base}Args`,
    responses: `${base}Responses`,
    result: `${base}Result`,
    error: `${base}Error`,
    spec: `${exportName}Operation`,
  };
}

/**
 * An operation's name at run time: its metadata's `name`, hence `error.operation`, the prefix of
 * each of its error messages and a hook's `request.operation`. Its export name, unique in the
 * package (a method name is unique only in its namespace: Zoom has three `updateRegistrantStatus`),
 * which is the method name unless another request of the collection has that too.
 */
export function runtimeName(op: Pick<OperationModel, "exportName">): string {
  return op.exportName;
}

/**
 * An operation's public name, the method a user calls: `client.users.userId.updateUserStatus`. Each
 * place that names an operation to a user (the README, the API diff, a warning) says this, not the
 * runtime name: `client.users.getUser2`, never `users.usersGetUser2`, which the package has nowhere.
 */
export function clientPath(op: Pick<OperationModel, "namespace" | "name">): string {
  return ["client", ...op.namespace, op.name].join(".");
}

/** The namespace and method name a `clientPath` was made from (each an identifier: no `.` in one). */
export function clientPathNames(path: string): Pick<OperationModel, "namespace" | "name"> {
  const namespace = path.split(".").slice(1);
  const name = namespace.pop() ?? "";
  return { namespace, name };
}

/** The module's own name for the part of an operation's metadata that its standalone function passes (`CallSpec`). */
export function callSpecName(exportName: string): string {
  return `${exportName}CallSpec`;
}

/** Every identifier an operation adds to the package: its standalone function, `exportedNames` and `callSpecName`. */
export function operationIdentifiers(exportName: string): string[] {
  return [exportName, ...Object.values(exportedNames(exportName)), callSpecName(exportName)];
}

/**
 * The interface each namespace of the client is typed by (`ClientUsersUserId` for
 * `client.users.userId`), by its path joined by `.`; the root's is `Client`. The whole path reads
 * best; past 60 characters, the last name alone. Numbered around the package's own names and the
 * operations' exported names, in the order of the folders' Postman paths, as methods are: moving
 * folders in a workspace renames no exported type. At a regeneration, a namespace of the replaced
 * output (`before`, its manifest's `namespaces`) first keeps its interface's name where the rule
 * gives it that name and it is free, and the others are numbered around them and around the
 * names of its shared types (`typesBefore`, as the operations' exports are in `nameModel`): a
 * folder added whose path reads alike (`Users Admins` beside `Users/Admins`), or whose interface
 * a shared type is called (`Settings` beside `ClientSettings`), takes no name an app imports.
 */
export function namespaceTypes(
  operations: readonly OperationModel[],
  before: Readonly<Record<string, string>> = {},
  typesBefore: readonly string[] = [],
): Map<string, string> {
  const taken = new Set<string>(RESERVED_IDENTIFIERS);
  for (const op of operations) for (const name of Object.values(exportedNames(op.exportName))) taken.add(name);
  // Every namespace with the folders it stands for, the ones above operations' namespaces too.
  const folders = new Map<string, { path: string[]; key: string }>();
  for (const op of operations)
    for (let depth = 1; depth <= op.namespace.length; depth++)
      folders.set(op.namespace.slice(0, depth).join("."), {
        path: op.namespace.slice(0, depth),
        key: JSON.stringify(op.folder.slice(0, depth)),
      });
  const sorted = [...folders]
    .sort(([, a], [, b]) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(([id, { path }]) => {
      const full = `Client${path.map(pascalCase).join("")}`;
      return { id, base: full.length <= 60 ? full : `Client${pascalCase(path[path.length - 1]!)}` };
    });
  const types = new Map<string, string>([["", "Client"]]);
  // A Map, not the record: a namespace `toString` must not find Object's member there.
  const had = new Map(Object.entries(before));
  for (const { id, base } of sorted) {
    const type = had.get(id);
    if (type === undefined || !numbered(type, base) || taken.has(type)) continue;
    taken.add(type);
    types.set(id, type);
  }
  for (const name of typesBefore) taken.add(name);
  for (const { id, base } of sorted) {
    if (types.has(id)) continue;
    const type = uniqueName(base, taken);
    taken.add(type);
    types.set(id, type);
  }
  // In the order of the folders' paths, as before (the tree and the surface read it so).
  return new Map([["", "Client"], ...sorted.map(({ id }): [string, string] => [id, types.get(id)!])]);
}

/** The target's method names by Postman path (its `names`), and where the config gives them. */
export interface NameOverrides {
  names: Record<string, string>;
  configFile: string;
  targetIndex: number;
}

/**
 * One operation's names in the output a regeneration replaces, as its manifest recorded them
 * (`namesBefore` in src/diff/surface.ts), found again by its request (`requestKey`).
 */
export interface NamesBefore {
  /** `requestKey` of the operation that had these names. */
  request: string;
  /** The camelCased folders the method sat in. */
  namespace: readonly string[];
  name: string;
  exportName: string;
}

/**
 * What finds an operation again at a regeneration: its Postman path (folders and request name,
 * as the `names` overrides are keyed) with its method and URL path, the order names are numbered in.
 */
export function requestKey(op: { postmanPath: string; method: string; path: string }): string {
  return JSON.stringify([op.postmanPath, op.method, op.path]);
}

export interface NamingOptions {
  /** The collection file, which an error about a name names. */
  file: string;
  /** The longest identifier a collection's name may give (the `maxIdentifierLength` limit). */
  maxIdentifierLength: number;
  /** Says how to raise the limit, in the error about a name too long. */
  raiseLimit: string;
  overrides?: NameOverrides;
  /**
   * At a regeneration, the names the replaced output's operations had: an operation still here
   * keeps its method and export name while the rules could give it that name and no other has it,
   * so a request added elsewhere renames none already published. A first generation has none.
   */
  before?: readonly NamesBefore[];
  /**
   * At a regeneration, the names of the replaced output's shared types (its manifest's `types`),
   * which the types still here keep (src/model/shared-shapes.ts): an operation not kept takes none
   * for its exports (a request `Search` added beside a kept `SearchResult` is `search2`), as it
   * takes no kept operation's, rather than pushing the type to another name. A type gone since
   * holds its name all the same, for this regeneration only (the next one's manifest no longer
   * records it), and must: which types stay is known only once the shapes are named, after this
   * pass and around the names it gives. A type "gone" here may be one whose properties changed,
   * which its place names as before (`SearchResult` with a property added is `SearchResult`
   * still): freed, its name went to the newcomer and the changed type became `SearchResultShape`.
   * And the API diff reports one truly gone as removed (`export-removed`), which a newcomer
   * exporting the name in the same version would hide: an app's `import { SearchResult }` would
   * compile on, naming another type.
   */
  typesBefore?: readonly string[];
  /**
   * At a regeneration, the names of the replaced output's namespace interfaces (its manifest's
   * `namespaces`, `ClientItems`), which its namespaces keep (`namespaceTypes`): named around as the
   * shared types' are, so that neither a request added nor an override takes one (a request
   * `Client search` beside a kept `ClientSearchResult` would push the interface to
   * `ClientSearchResult2`, and an app's import of it would name the operation's result type).
   */
  interfacesBefore?: readonly string[];
}

/** What a regeneration names around: the replaced output's names, as its manifest records them. */
export type NamingBefore = Pick<NamingOptions, "before" | "typesBefore" | "interfacesBefore">;

/**
 * The model with every identifier decided: the operations' namespaces, methods and export names
 * (numbered around each other and the package's own names), the target's overrides in place of
 * the names they replace, and each operation's argument keys.
 */
export function nameModel(model: LoadedModel, options: NamingOptions): ApiModel {
  const reserved = new Set(RESERVED_IDENTIFIERS);
  // Shared types and namespace interfaces alike: names a regeneration keeps for types of its own.
  const typesBefore = [...(options.typesBefore ?? []), ...(options.interfacesBefore ?? [])];
  const names = operationNames(model.operations, reserved, options.before ?? [], typesBefore);
  model.operations.forEach((op, i) => checkNameLengths(options, op.source, names[i]!));
  const named = model.operations.map((op, i): OperationModel => {
    // Names a model already has (one named before, as tests' hand-written ones) are decided anew.
    const {
      name: _name,
      namespace: _namespace,
      exportName: _exportName,
      ...loaded
    } = op as Partial<OperationModel> & LoadedOperation;
    return { ...names[i]!, ...loaded, args: argKeys(op.args) };
  });
  const operations = options.overrides
    ? overridden(named, options.overrides, reserved, {
        types: new Set(options.typesBefore ?? []),
        interfaces: new Set(options.interfacesBefore ?? []),
      })
    : named;
  const repeats = repeatedNames(model.operations, operations, options.overrides?.names ?? {});
  return { ...model, operations, warnings: repeats.length ? [...model.warnings, ...repeats] : model.warnings };
}

/**
 * A warning for each set of requests of one folder that the rules name alike (the same method, and
 * names that camelCase alike: `Get user` twice, `get-user`), which are numbered (`getUser`, `getUser2`) in the order of their
 * Postman paths, then methods, URL paths and places in the collection: which one a caller gets by
 * `getUser2` is the numbering's choice, not the collection's. It names each by its place and the
 * method a user calls, and says how to name them: the target's `names`, keyed by Postman path,
 * which a request whose Postman path another shares cannot be (`overridden` refuses the key), so
 * those are renamed in the collection first. The numbering stays: a name published is kept.
 * Requests the target already names are no longer left to the numbering, so are not counted.
 */
function repeatedNames(
  loaded: readonly LoadedOperation[],
  operations: readonly OperationModel[],
  names: Readonly<Record<string, string>>,
): Warning[] {
  const stems = methodQualified(loaded);
  const named = new Set(Object.keys(names));
  const groups = new Map<string, number[]>();
  operations.forEach((op, i) => {
    if (named.has(postmanPath(op))) return;
    const key = JSON.stringify([op.namespace, camelCase(stems[i]!)]);
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const warnings: Warning[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const ops = group.map((i) => operations[i]!);
    const paths = ops.map(postmanPath);
    const shared = new Set(paths).size < paths.length;
    const listed = ops
      .map((op) => `${JSON.stringify([...op.folder, op.item].join(" / "))} at ${op.source} (${clientPath(op)})`)
      .join(", ");
    const example = `{ ${[...new Set(paths)].map((path) => `${JSON.stringify(path)}: "…"`).join(", ")} }`;
    warnings.push({
      // At the second: the first that the plain name does not call.
      source: ops[1]!.source,
      message: `${ops.length} requests of one folder with the same HTTP method have names that give one method name, so their methods are numbered in the order of their Postman paths, URL paths and places in the collection: ${listed}; ${
        shared
          ? `rename them in the collection so that each has a Postman path of its own (a target's "names" is keyed by Postman path: it cannot tell them apart), then name each in the target's "names" (docs/config.md)`
          : `name them in the target's "names" (docs/config.md): ${example}`
      }`,
    });
  }
  return warnings;
}

/**
 * The operations with the target's names: an override renames its operation's method and export
 * name; the others keep the names they have without it, so renaming one request renames no other.
 * Each name is checked against every other name of the package once all overrides are in place:
 * the methods and namespaces beside it, every operation's exports, the reserved table, and the
 * shared types' and namespace interfaces' names a regeneration keeps (`typesBefore`,
 * `interfacesBefore`), as a request added is named around them: taking one, the override pushed
 * the shared type to `…Shape` without a word, or the interface to `…2`, and an app's import of it
 * then named the operation's type.
 */
function overridden(
  operations: OperationModel[],
  overrides: NameOverrides,
  reserved: ReadonlySet<string>,
  kept: { types: ReadonlySet<string>; interfaces: ReadonlySet<string> },
): OperationModel[] {
  const fail = (path: string, message: string) =>
    new CodegenError(overrides.configFile, `targets[${overrides.targetIndex}].names[${JSON.stringify(path)}]`, message);
  const paths = operations.map(postmanPath);
  for (const path of Object.keys(overrides.names)) {
    const count = paths.filter((p) => p === path).length;
    if (count === 0) throw fail(path, noRequestAt(path, operations));
    if (count > 1)
      throw fail(
        path,
        `${count} requests have this Postman path, so the name would go to each: rename one of them in the collection`,
      );
  }
  // A Map, not the object: a request named `toString` must not find Object's member there.
  const names = new Map(Object.entries(overrides.names));
  const renamed = operations.map((op, i) => {
    const name = names.get(paths[i]!);
    return name ? { ...op, name, exportName: name } : op;
  });
  for (const [path, name] of names) {
    const i = paths.indexOf(path);
    const { namespace } = renamed[i]!;
    // Whether another operation sits in this namespace or below it.
    const under = (other: OperationModel) => namespace.every((segment, d) => other.namespace[d] === segment);
    const exports = new Set(operationIdentifiers(name));
    const clash = renamed.some(
      (other, j) =>
        j !== i &&
        // A method beside it, a namespace beside it (`client.users` cannot be both), or an export.
        ((under(other) && other.namespace.length === namespace.length && other.name === name) ||
          (under(other) && other.namespace[namespace.length] === name) ||
          operationIdentifiers(other.exportName).some((id) => exports.has(id))),
    );
    if (clash || isReserved(name) || MEMBER_RESERVED.has(name) || [...exports].some((id) => reserved.has(id)))
      throw fail(path, `the name ${JSON.stringify(name)} is already taken`);
    // The client modules' names for the runtime's imports (reserved-names.ts's runtimeLocal), which
    // the rules never give (`$` separates words): the only names that start so.
    if (name.startsWith(RUNTIME_PREFIX))
      throw fail(
        path,
        `the name ${JSON.stringify(name)} is already taken: names that start with ${RUNTIME_PREFIX} are the client's own for the runtime's`,
      );
    const type = [...exports].find((id) => kept.types.has(id));
    if (type !== undefined)
      throw fail(
        path,
        `the name ${JSON.stringify(name)} is already taken: ${type} is a shared type of the output this regenerates, which keeps its name`,
      );
    const face = [...exports].find((id) => kept.interfaces.has(id));
    if (face !== undefined)
      throw fail(
        path,
        `the name ${JSON.stringify(name)} is already taken: ${face} is a namespace's interface of the output this regenerates, which keeps its name`,
      );
  }
  return renamed;
}

/** Names made from collection names stay within the limit; the error names the item or folder. */
function checkNameLengths(options: NamingOptions, source: string, names: { name: string; namespace: string[] }): void {
  const max = options.maxIdentifierLength;
  const fail = (where: string, name: string) => {
    throw new CodegenError(
      options.file,
      `${where}.name`,
      `the name gives the identifier ${JSON.stringify(`${name.slice(0, 40)}…`)} of ${name.length} characters; the limit is ${max}: shorten the name, or ${options.raiseLimit}`,
    );
  };
  if (names.name.length > max) fail(source, names.name);
  const folders = source.split(".").slice(0, -1);
  names.namespace.forEach((segment, depth) => {
    if (segment.length > max) fail(folders.slice(0, depth + 1).join("."), segment);
  });
}

/**
 * Argument keys are the collection's own keys; when two places use the same key (a path variable
 * and a body field both called `id`), the later one is prefixed with its place: `body_id`. So is
 * a key that names a member of every object (`query_constructor`), and `__proto__`
 * (`query___proto__`); the wire name stays the collection's.
 */
function argKeys(args: readonly LoadedArg[]): ArgModel[] {
  // An optional argument under such a key (`constructor?: "a" | "b"`) would make every call that
  // leaves it out a type error (`Function` is not assignable to `"a" | "b"`). `__proto__` in an
  // object literal sets the prototype: a caller could not pass it as written.
  const used = new Set<string>([...OBJECT_MEMBERS, "__proto__"]);
  return args.map((arg) => {
    let key = arg.name;
    if (used.has(key)) key = `${arg.in}_${arg.name}`;
    for (let n = 2; used.has(key); n++) key = `${arg.in}_${arg.name}${n}`;
    used.add(key);
    // The key first, where the loader put it before this pass decided keys; a key the argument
    // already has (a model named before) is decided anew.
    const { arg: _decided, ...rest } = arg as LoadedArg & { arg?: string };
    return { arg: key, ...rest };
  });
}

interface OperationNames {
  /** Method name, unique within its namespace. */
  name: string;
  /** camelCased folders: where the method sits on the client. */
  namespace: string[];
  /** Unique in the package: the base of the operation's exported names. */
  exportName: string;
}

/**
 * Names for every operation of a collection:
 * - namespaces are the folders, camelCased; sibling folders whose names camelCase alike are numbered;
 * - a method is its request's name camelCased, numbered when its namespace already has the name
 *   (as a method or as a sub-namespace); `MEMBER_RESERVED` counts as had, by methods and namespaces;
 * - the export name is the method name when no other request has it, else the folders and the
 *   request name camelCased together; then numbered until every identifier derived from it
 *   (`operationIdentifiers`) is free, of the other operations' and of the package's own (`taken`).
 * At a regeneration, an operation of the replaced output (`before`) first keeps its namespaces,
 * method and export name where one of these rules gives it that name and it is free; the others
 * are named around them, and around the names of its shared types (`typesBefore`). Without it, a request added with the same name took the plain name from
 * the one already there (`getUser` → `usersGetUser`), and a folder added as `USERS` beside `Users`
 * (sorting first) took `client.users`: breaking changes nobody made.
 */
function operationNames(
  operations: readonly LoadedOperation[],
  taken: ReadonlySet<string>,
  before: readonly NamesBefore[],
  typesBefore: readonly string[],
): OperationNames[] {
  // Names are numbered in the order of the requests' Postman paths (then method and path), not of
  // the collection: moving items around in a workspace then renames nothing (the API diff's
  // "none" for item order); only requests identical in all of these keep the collection's order.
  const order = operations
    .map((op, i) => ({ i, key: JSON.stringify([...op.folder, op.item, op.method, op.path]) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map(({ i }) => i);
  const previous = previousNames(operations, order, before);
  const stems = methodQualified(operations);

  // Every folder an operation sits in or under, parents first, in the order of their first
  // operation (the order siblings are numbered in), with the segment its namespace had, as an
  // operation of the replaced output in it or under it says.
  const folders = new Map<string, { folder: readonly string[]; had?: string }>();
  const byDepth: Array<Array<{ key: string; folder: readonly string[] }>> = [];
  const opsByDepth: number[][] = [];
  for (const i of order) {
    const { folder } = operations[i]!;
    (opsByDepth[folder.length] ??= []).push(i);
    const had = previous[i]?.namespace;
    for (let depth = 1; depth <= folder.length; depth++) {
      const key = JSON.stringify(folder.slice(0, depth));
      let entry = folders.get(key);
      if (!entry) {
        folders.set(key, (entry = { folder: folder.slice(0, depth) }));
        (byDepth[depth] ??= []).push({ key, folder: entry.folder });
      }
      if (entry.had === undefined && had?.length === folder.length) entry.had = had[depth - 1];
    }
  }

  // What each namespace's members are called: its sub-namespaces and methods, one set per namespace.
  const members = new Map<string, Set<string>>();
  const usedIn = (namespace: readonly string[]): Set<string> => {
    const key = JSON.stringify(namespace);
    let used = members.get(key);
    if (!used) members.set(key, (used = new Set(MEMBER_RESERVED)));
    return used;
  };
  const namespaces = new Map<string, string[]>([["[]", []]]);
  const names: string[] = [];
  const paths: string[][] = [];
  // Level by level, as a namespace is named within its parent: first what the replaced output
  // had and the rules still give (its namespaces, then the methods of the level above, whose
  // namespaces are now known), then the new namespaces around them; new methods last, around all.
  // So a folder added with a name that camelCases like one already there, or like a method beside
  // it, is the one numbered (`users2`), not the namespace or method consumers already call.
  // One level past the deepest folders, for the methods in them (and one for a collection without folders).
  for (let depth = 1; depth <= Math.max(byDepth.length, 1); depth++) {
    const level = byDepth[depth] ?? [];
    const parentOf = (folder: readonly string[]) => namespaces.get(JSON.stringify(folder.slice(0, -1)))!;
    for (const { key, folder } of level) {
      const had = folders.get(key)!.had;
      const parent = parentOf(folder);
      const used = usedIn(parent);
      if (had !== undefined && numbered(had, camelCase(folder[folder.length - 1]!)) && !used.has(had)) {
        used.add(had);
        namespaces.set(key, [...parent, had]);
      }
    }
    for (const i of opsByDepth[depth - 1] ?? []) {
      const op = operations[i]!;
      const path = (paths[i] = namespaces.get(JSON.stringify(op.folder))!);
      const had = previous[i];
      if (!had || JSON.stringify(had.namespace) !== JSON.stringify(path)) continue;
      const used = usedIn(path);
      const rule = numbered(had.name, camelCase(op.item)) || numbered(had.name, camelCase(stems[i]!));
      if (rule && !used.has(had.name)) {
        used.add(had.name);
        names[i] = had.name;
      }
    }
    for (const { key, folder } of level) {
      if (namespaces.has(key)) continue;
      const parent = parentOf(folder);
      const used = usedIn(parent);
      const segment = uniqueName(camelCase(folder[folder.length - 1]!), used);
      used.add(segment);
      namespaces.set(key, [...parent, segment]);
    }
  }
  for (const i of order) {
    if (names[i] !== undefined) continue;
    const used = usedIn(paths[i]!);
    const name = uniqueName(camelCase(stems[i]!), used);
    used.add(name);
    names[i] = name;
  }

  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(camelCase(stem), (counts.get(camelCase(stem)) ?? 0) + 1);
  const usedIds = new Set(taken);
  const free = (name: string) => !operationIdentifiers(name).some((id) => usedIds.has(id));
  const exportNames: string[] = [];
  for (const i of order) {
    const had = previous[i]?.exportName;
    if (had === undefined || !free(had)) continue;
    // What the rule gives now, or gave before requests were qualified by their methods.
    const rules = [exportBases(operations[i]!, stems[i]!), exportBases(operations[i]!, operations[i]!.item)];
    const rule = rules.some(
      ({ plain, qualified }) =>
        numbered(had, plain, true) || (qualified !== undefined && numbered(had, qualified, true)),
    );
    if (!rule) continue;
    for (const id of operationIdentifiers(had)) usedIds.add(id);
    exportNames[i] = had;
  }
  // Kept next: the shared types' names, which the newcomers are named around (`typesBefore`).
  for (const name of typesBefore) usedIds.add(name);
  const result: OperationNames[] = [];
  for (const i of order) {
    let exportName = exportNames[i];
    if (exportName === undefined) {
      const { plain, qualified } = exportBases(operations[i]!, stems[i]!);
      // A repeated name takes its folders along, unless that makes it unwieldy (deep folders): then a number.
      const base = counts.get(plain) === 1 || qualified === undefined ? plain : qualified;
      exportName = isReserved(base) ? `${base}_` : base;
      for (let n = 2; !free(exportName); n++) exportName = `${base}${n}`;
      for (const id of operationIdentifiers(exportName)) usedIds.add(id);
    }
    result[i] = { name: names[i]!, namespace: paths[i]!, exportName };
  }
  return result;
}

/**
 * What an operation's export name is made from: its name (`stem`: its request's name, or that
 * with its method, `methodQualified`) camelCased, and that with its folders (when it is not past
 * 60 characters), which a request whose name another has takes.
 */
function exportBases(op: LoadedOperation, stem: string): { plain: string; qualified?: string } {
  const plain = camelCase(stem);
  const qualified = camelCase([...op.folder, stem].join(" "));
  return qualified.length > 60 ? { plain } : { plain, qualified };
}

/**
 * What each operation is named from: its request's name, or that with its HTTP method in front
 * where another request of its folder has a name that camelCases alike with another method
 * (`GET accounts/:account_id` beside `DELETE accounts/:account_id`, as Twitter Ads names its
 * requests by path). Numbered by Postman path, the first (`DELETE`, sorting first) took the plain
 * name and the others `2`, `3`: the package's `accounts-account-id` command deleted an account.
 * A name that already starts with its method's word (`Get user` for a GET) is left as it is, not
 * `getGetUser`. Same name and same method stay a repeat, numbered as before.
 */
function methodQualified(operations: readonly LoadedOperation[]): string[] {
  const methods = new Map<string, Set<string>>();
  const groupOf = (op: LoadedOperation) => JSON.stringify([op.folder, camelCase(op.item)]);
  for (const op of operations) {
    const group = groupOf(op);
    let seen = methods.get(group);
    if (!seen) methods.set(group, (seen = new Set()));
    seen.add(op.method.toUpperCase());
  }
  return operations.map((op) => {
    if (methods.get(groupOf(op))!.size < 2) return op.item;
    const verb = camelCase(op.method);
    const name = camelCase(op.item);
    const startsWithVerb = name === verb || (name.startsWith(verb) && !/^[\p{Ll}]/u.test(name.slice(verb.length)));
    return startsWithVerb ? op.item : `${op.method} ${op.item}`;
  });
}

/**
 * Whether the rules can give `name` to what is named from `base`: the base itself (with the `_` a
 * reserved word takes, for an export name), or the base numbered from 2.
 */
function numbered(name: string, base: string, exported = false): boolean {
  if (name === (exported && isReserved(base) ? `${base}_` : base)) return true;
  return name.startsWith(base) && /^(?:[2-9]|[1-9][0-9]+)$/.test(name.slice(base.length));
}

/**
 * Each operation's names in the replaced output, by its request (`requestKey`); requests alike in
 * all of it are matched in the order their names are numbered in. A request not found so, whose
 * folders or name were edited in a way its names do not see (`Users` → `users`, `Get user` →
 * `Get User`: camelCased alike), is found by that (`namesKey`) among those left: renamed so, and
 * then met by a folder added as it was named, it lost `client.users` to the newcomer.
 */
function previousNames(
  operations: readonly LoadedOperation[],
  order: readonly number[],
  before: readonly NamesBefore[],
): Array<NamesBefore | undefined> {
  const grouped = (entries: readonly NamesBefore[], key: (had: NamesBefore) => string) => {
    const groups = new Map<string, NamesBefore[]>();
    for (const had of entries) {
      const alike = groups.get(key(had));
      if (alike) alike.push(had);
      else groups.set(key(had), [had]);
    }
    return groups;
  };
  const byRequest = grouped(before, (had) => had.request);
  const previous: Array<NamesBefore | undefined> = [];
  const missed: number[] = [];
  for (const i of order) {
    const op = operations[i]!;
    previous[i] = byRequest
      .get(requestKey({ postmanPath: postmanPath(op), method: op.method, path: op.path }))
      ?.shift();
    if (!previous[i]) missed.push(i);
  }
  if (missed.length === 0) return previous;
  const byNames = grouped([...byRequest.values()].flat(), (had) => {
    const [path, method, urlPath] = JSON.parse(had.request) as [string, string, string];
    return namesKey(path, method, urlPath);
  });
  for (const i of missed) {
    const op = operations[i]!;
    previous[i] = byNames.get(namesKey(postmanPath(op), op.method, op.path))?.shift();
  }
  return previous;
}

/** A request's Postman path as its names read it (camelCased, so its case and punctuation aside), with its method and URL path. */
function namesKey(postmanPath: string, method: string, path: string): string {
  return JSON.stringify([camelCase(postmanPath), method, path]);
}
