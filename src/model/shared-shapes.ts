// Shapes that recur, named once. An object shape inferred from examples that the client would write
// out in two places or more (structurally equal after the examples are merged: same properties in
// the same order, each with the same shape and optionality) becomes one exported type, and each
// place refers to it: `owner: Owner`, `labels: Label[]`. A client reads like a hand-written one, and
// a regeneration's diff shows a shape changing once.
//
// - What recurs is counted in the client as written: a shape inside a named shape is written once,
//   in its declaration, so it recurs only when it also appears elsewhere (or in two named shapes).
//   Objects of fewer than MIN_PROPERTIES properties, and maps without named properties, stay inline.
// - A shape is named after the key it sits under (`owner` → `Owner`), the items of an array after
//   the array's key made singular (`labels` → `Label`, `categories` → `Category`), the values of a
//   map the same way (`files` → `File`); the key most of its places have wins, ties alphabetically.
//   A shape that only ever is a whole response is named after what its paths end with: an id after
//   a plural (`/users/{id}` → `User`); else it has no name of its own (`GetHealthBody`, below).
//   A name already taken by the package (an operation's types, the client's names, the runtime's,
//   a global type such as `File` or `Record` that the modules use) gets `Shape` appended.
// - Who has a name is decided by places, never by ranking the shapes that want it. Every object
//   of the examples (of MIN_PROPERTIES or more) is a place that wants the name its key or path
//   gives, whether its shape is shared or not, and places come in one order: received before sent,
//   then by operation (export name), then in the operation (arguments, then responses, depth
//   first). The plain name (`Owner`) is the first place's: the shape there has it when it is shared
//   and wants that name most, else no shape does. Any other shape is named after its own first
//   place that wants its name: the key of the object around it and the name, where a key names
//   that object (`location.address` → `LocationAddress`: it says where the type sits, which an
//   operation's name did not, Plaid's transaction address being `GetATransferAddress`), unless a
//   plain or kept name is that or a shape whose first place comes earlier wants it; else that
//   place's operation and the name, with the place's rank among the operation's places that want
//   the name when it is not the first (`GetOrgOwner` for a body's `owner`, `CreateRepoOwner2`; a
//   whole body, which no key names, `GetHealthBody`), numbered only when taken all the same. A
//   regeneration keeps the names its manifest records, so this names only types new to it.
// - Why: a reviewer regenerating after an edit to one request's examples expects that request's
//   types to change, and the types it shares, no other. Ranking the shapes that want a name (by
//   their structure's text, once) broke that: an edit to `Get repo owner` that left the repo's
//   owner no longer shared gave `Owner` to the org's owner (`GetOrgOwner` until then), and a shape
//   new to one request, whose text came first, took `Owner` from a shape 22 requests use. A place
//   is its own operation's, so an edit that keeps each object under its key renames no shape of
//   another request (none for any of Plaid's 100 requests edited in turn; ranking did for 4).
//   What the places alone would still move, a plain name: an object added under it before its
//   first place, which then holds it for no shape, or the object at the first place removed (a
//   request's examples deleted), which hands it to the shape at the next place (5 of Plaid's 100
//   requests' examples removed in turn; 6 of its 112 requests). So a regeneration keeps the names
//   of the output it replaces: a type its manifest records (`types`, written out, properties and
//   union members in one order) that is still here, written out the same, keeps its name, and the
//   places name the others around those. The names are then those of (collection, previous
//   manifest); with no previous manifest (a first generation, or an older generator's manifest,
//   which records no `types`) the places alone decide, as above. A changed object at the first
//   place: the shape it shared before, still here, keeps the name, and the changed one is named
//   after its own first place; a type gone leaves its name to the places.
// - A request body's keys are all optional (infer.ts, rule 3): an object sent and received is two
//   shapes, and as places received come first, the one sent never takes a name a received one
//   wants (`Amount`, `CreatePaymentAmount`).
import { pascalCase, uniqueName } from "./naming.js";
import type { Shape } from "./shape.js";
import type { ApiModel, ArgModel, OperationModel } from "./types.js";
import { wholeReference } from "./references.js";

/** Objects with fewer properties stay inline: `{ id: number }` reads as well as a name. */
export const MIN_PROPERTIES = 2;

/**
 * Global types a shape's name would shadow in the modules that import it (the lib's and the DOM's
 * that inferred types, arguments and the runtime's signatures use, and the common ones besides).
 */
export const GLOBAL_TYPES: readonly string[] = [
  "Array",
  "ArrayBuffer",
  "ArrayBufferView",
  "AbortSignal",
  "BigInt",
  "Blob",
  "Boolean",
  "DataView",
  "Date",
  "Error",
  "Exclude",
  "Extract",
  "File",
  "FormData",
  "Function",
  "Headers",
  "Iterable",
  "JSON",
  "Map",
  "Math",
  "NonNullable",
  "Number",
  "Object",
  "Omit",
  "Parameters",
  "Partial",
  "Pick",
  "Promise",
  "PromiseLike",
  "Readonly",
  "ReadonlyArray",
  "Record",
  "RegExp",
  "Request",
  "RequestInit",
  "Required",
  "Response",
  "ReturnType",
  "Set",
  "String",
  "Symbol",
  "URL",
  "URLSearchParams",
  "Uint8Array",
];

export interface SharedShape {
  name: string;
  /** An object shape, as the first place that has it holds it. */
  shape: Shape & { kind: "object" };
  /** How many places of the client (named shapes' declarations included) refer to it. */
  uses: number;
}

export interface SharedShapes {
  /** Sorted by name. */
  shapes: SharedShape[];
  /** The name of a shape's type, when it is a shared one. */
  nameOf(shape: Shape): string | undefined;
}

/** Nothing shared: every shape inline, as the API diff's surface writes them. */
export const NO_SHARED_SHAPES: SharedShapes = { shapes: [], nameOf: () => undefined };

/** A shape where it sits: the shape, and the name the key it sits under gives it. */
interface Place {
  shape: Shape;
  /** `Owner` for `owner: {…}`, `Label` for `labels: [{…}]`; absent for a whole body. */
  name?: string;
  /** For a whole response: `User` for `/users/{id}`, when its path ends so. */
  pathName?: string;
  /** In a request body. */
  sent?: true;
}

/**
 * Where an object of the examples sits, in the order that decides names: received before sent,
 * then by operation (export name), then in the operation (its arguments, then its responses, each
 * depth first). An operation's places are what its own request and examples hold (and what a key
 * seen only as `null` there borrows, infer.ts rule 2), so no other operation moves them.
 */
interface Claim {
  sent: boolean;
  /** The operation's rank by export name. */
  rank: number;
  /** The place's rank among its operation's places. */
  index: number;
  /** 1, 2, … among its operation's places that want the same name. */
  ordinal: number;
  operation: string;
  /** Its name after the key of the object around it too (`LocationAddress` for `location.address`), where a key names that. */
  qualified?: string;
}

const earlier = (a: Claim, b: Claim): boolean =>
  a.sent !== b.sent ? b.sent : a.rank !== b.rank ? a.rank < b.rank : a.index < b.index;

/**
 * The name an object's place gives it (`Address`), and the one the object around it has, where a key
 * gives that (`Location`): `LocationAddress`, when another shape has `Address`.
 */
interface Named {
  name?: string;
  parent?: string;
}

/** What a whole body without a path's name wants: no name of its own (`GetHealthBody`). */
const BODY = "";

/** The shapes of an operation where they sit: its JSON arguments and its responses. */
function roots(op: OperationModel): Place[] {
  const places: Place[] = [];
  for (const arg of op.args)
    if (arg.shape && (arg.type === "json" || arg.type === "jsonText") && arg.typeHint !== "graphql")
      places.push({ shape: arg.shape, ...nameFrom(fieldKey(op, arg)), sent: true });
  const pathName = entityOf(op.path);
  for (const response of op.responses)
    if (response.shape) places.push({ shape: response.shape, ...(pathName ? { pathName } : {}) });
  return places;
}

/** `User` for a path that ends with an id after a plural (`/users/{id}`, `/users/{{userId}}`), else undefined. */
function entityOf(path: string): string | undefined {
  const segments = path.split("/").filter(Boolean);
  const last = segments[segments.length - 1];
  const before = segments[segments.length - 2];
  if (!last || !before || !(/^\{[^{}]+\}$/.test(last) || wholeReference(last) !== undefined) || /[{}]/.test(before))
    return undefined;
  const name = singular(pascalCase(before));
  return name === pascalCase(before) ? undefined : name;
}

/** A JSON body's field is a key of the body object; any other JSON argument is a whole body. */
function fieldKey(op: OperationModel, arg: ArgModel): string | undefined {
  // A form field of JSON text is named by its key too (`basic` → `Basic`).
  return (op.body?.encoding === "json" && arg.in === "body") || arg.type === "jsonText" ? arg.name : undefined;
}

const nameFrom = (key: string | undefined): { name?: string } => (key === undefined ? {} : { name: pascalCase(key) });

/**
 * What a regeneration knows of the names it replaces: the shared types of the output's manifest
 * (`types`, name → the type written out), and how a shape is written out there.
 */
export interface NamesBefore {
  types: Readonly<Record<string, string>>;
  textOf(shape: Shape & { kind: "object" }): string;
}

/**
 * The shared shapes of a model's operations. `taken` holds the names the package already uses:
 * a shape's name avoids them (and the global types). `before`: the names of the output this
 * replaces, which the types still here keep.
 */
export function sharedShapes(
  model: Pick<ApiModel, "operations">,
  taken: Iterable<string>,
  before?: NamesBefore,
): SharedShapes {
  // The same text for structurally equal shapes, built from the children's (linear, not a
  // serialisation of every subtree).
  const keys = new WeakMap<Shape, string>();
  const keyOf = (shape: Shape): string => {
    let key = keys.get(shape);
    if (key === undefined) keys.set(shape, (key = structure(shape, keyOf)));
    return key;
  };
  const eligible = (shape: Shape): shape is Shape & { kind: "object" } =>
    shape.kind === "object" && shape.properties.length >= MIN_PROPERTIES;
  const reserved = new Set([...taken, ...GLOBAL_TYPES]);
  const stems = new Map<string, string>();
  /** The name a key or path gives: `Owner`, or `FileShape` where `File` is taken. */
  const stemOf = (name: string): string => {
    let stem = stems.get(name);
    if (stem === undefined) {
      const base = validName(name);
      stems.set(name, (stem = reserved.has(base) ? `${base}Shape` : base));
    }
    return stem;
  };

  // Every place of every eligible object, shared or not, by structure (the first place's shape
  // stands for them), with the first place that wants each name: the shape's own, and of all.
  interface Entry {
    shape: Shape & { kind: "object" };
    names: Map<string, number>;
    paths: Map<string, number>;
    /** By the name its places want: the first of them. */
    homes: Map<string, Claim>;
  }
  const all = new Map<string, Entry>();
  const firsts = new Map<string, { key: string; claim: Claim }>();
  const ranks = new Map(
    model.operations
      .map((op) => op.exportName)
      .sort(compare)
      .map((name, rank) => [name, rank]),
  );
  const places: Place[] = [];
  for (const op of model.operations) {
    const rank = ranks.get(op.exportName)!;
    const ordinals = new Map<string, number>();
    let index = 0;
    for (const place of roots(op)) {
      places.push(place);
      eachObject<Named>(place.shape, place.name === undefined ? {} : { name: place.name }, {
        key: (key, around) => ({ name: pascalCase(key), ...(around.name ? { parent: around.name } : {}) }),
        items: ({ name, parent }) => ({ ...(name ? { name: singular(name) } : {}), ...(parent ? { parent } : {}) }),
        at: (shape, { name, parent }) => {
          if (!eligible(shape)) return true;
          const key = keyOf(shape);
          let entry = all.get(key);
          if (!entry) all.set(key, (entry = { shape, names: new Map(), paths: new Map(), homes: new Map() }));
          let wants = BODY;
          if (name !== undefined) {
            entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
            wants = stemOf(name);
          } else if (shape === place.shape && place.pathName) {
            entry.paths.set(place.pathName, (entry.paths.get(place.pathName) ?? 0) + 1);
            wants = stemOf(place.pathName);
          }
          const ordinal = (ordinals.get(wants) ?? 0) + 1;
          ordinals.set(wants, ordinal);
          const claim: Claim = {
            sent: place.sent === true,
            rank,
            index: index++,
            ordinal,
            operation: op.exportName,
            ...(name !== undefined && parent !== undefined ? { qualified: stemOf(`${parent}${name}`) } : {}),
          };
          const home = entry.homes.get(wants);
          if (!home || earlier(claim, home)) entry.homes.set(wants, claim);
          const first = firsts.get(wants);
          if (!first || earlier(claim, first.claim)) firsts.set(wants, { key, claim });
          return true;
        },
      });
    }
  }

  // How often each shape is written out: first every place in full; then, until nothing changes,
  // with the shapes that recur named (each declaration's body counted once), keeping those still
  // used twice.
  // Names play no part here: none is made.
  const countIn = (named: Set<string>, count: Map<string, number>): Walk<undefined> => ({
    key: () => undefined,
    items: () => undefined,
    at: (shape) => {
      if (!eligible(shape)) return true;
      const key = keyOf(shape);
      count.set(key, (count.get(key) ?? 0) + 1);
      // A shape that is named is written once, in its declaration: what is inside counts once.
      return !named.has(key);
    },
  });
  let named = new Set<string>();
  let count = new Map<string, number>();
  for (let round = 0; round < 8; round++) {
    count = new Map();
    const walk = countIn(named, count);
    for (const place of places) eachObject(place.shape, undefined, walk);
    for (const key of named) inside(all.get(key)!.shape, undefined, walk);
    const next = new Set([...count].filter(([, n]) => n >= 2).map(([key]) => key));
    if (round > 0 && next.size === named.size && [...next].every((key) => named.has(key))) break;
    named = next;
  }
  if (!named.size) return NO_SHARED_SHAPES;

  // Names: the most common key (ties alphabetically), else path; the plain name if the shape sits
  // at the first place that wants it, else its own first such place's operation and rank there.
  const most = (counts: Map<string, number>) => [...counts].sort(([a, x], [b, y]) => y - x || compare(a, b))[0]?.[0];
  // What the places give each shape: the stem its keys or paths want, its own first place that
  // wants it, whether that is the first place of all, and the name its operation makes.
  const placed = new Map(
    [...named].map((key) => {
      const entry = all.get(key)!;
      const from = most(entry.names) ?? most(entry.paths);
      const stem = from === undefined ? BODY : stemOf(from);
      const home = entry.homes.get(stem)!;
      const first = stem !== BODY && firsts.get(stem)!.key === key;
      const own = validName(`${pascalCase(home.operation)}${stem || "Body"}${home.ordinal > 1 ? home.ordinal : ""}`);
      return [key, { entry, stem, home, first, own }] as const;
    }),
  );
  // A name the output being replaced gave a type that is still here, written out the same, stays
  // with that type, whatever place comes first now: see the header. One shape to a name.
  const kept = new Map<string, string>();
  if (before) {
    const byText = new Map<string, string[]>();
    for (const [name, text] of Object.entries(before.types).sort(([a], [b]) => compare(a, b)))
      if (!reserved.has(name)) byText.set(text, [...(byText.get(text) ?? []), name]);
    // Written out as the shape has it (as older manifests recorded types) or in one order
    // (canonicalShape, as manifests record them now): a type whose properties or union members
    // merely come in another order, as a request added before the others can make them, is still
    // the type it was. Two structures that print alike in one order are one type with two names:
    // each takes the one its places give it where it can (the pair keeps its names as they were),
    // else the next in the names' order.
    const keys = [...named].sort(compare);
    const texts = (key: string) => {
      const shape = all.get(key)!.shape;
      return [before.textOf(shape), before.textOf(canonicalShape(shape))];
    };
    const take = (key: string, pick: (names: string[]) => number) => {
      for (const names of texts(key).map((text) => byText.get(text) ?? [])) {
        const at = pick(names);
        if (at < 0) continue;
        kept.set(key, names.splice(at, 1)[0]!);
        return;
      }
    };
    for (const key of keys) {
      const { first, stem, home, own } = placed.get(key)!;
      const rule = first ? stem : (home.qualified ?? own);
      take(key, (names) => (names.includes(rule) ? names.indexOf(rule) : names.indexOf(own)));
    }
    for (const key of keys) if (!kept.has(key)) take(key, (names) => (names.length ? 0 : -1));
  }
  const keptNames = new Set(kept.values());
  const wanted = [...named].map((key) => {
    const { entry, stem, home, first, own } = placed.get(key)!;
    const keeps = kept.get(key);
    // A plain name kept by another shape is not this one's to take.
    const plain = keeps !== undefined || (first && !keptNames.has(stem));
    const name = keeps ?? (plain ? stem : own);
    return { key, name, plain, home, entry };
  });
  // A shape without the plain name is named after the key around its own first place too
  // (`location.address`: `LocationAddress`), where a key names that object and no plain or kept
  // name is the same; of shapes that would take one such name, the one whose first place comes
  // first. The others, and a whole body, after their first place's operation (`GetATransferAddress`).
  const held = new Set(wanted.filter((w) => w.plain).map((w) => w.name));
  const qualified = new Map<string, (typeof wanted)[number]>();
  for (const want of wanted) {
    const name = want.home.qualified;
    if (want.plain || name === undefined || held.has(name)) continue;
    const other = qualified.get(name);
    if (!other || earlier(want.home, other.home)) qualified.set(name, want);
  }
  for (const [name, want] of qualified) want.name = name;
  // Each plain name (and each kept one) has one shape; a name made from an operation is numbered
  // only when taken all the same (`GetRepoResult` by the operation's own type), in the order of
  // the places.
  wanted.sort(
    (a, b) => Number(b.plain) - Number(a.plain) || compare(a.name, b.name) || (earlier(a.home, b.home) ? -1 : 1),
  );
  const used = new Set(reserved);
  const byKey = new Map<string, SharedShape>();
  for (const { key, name, entry } of wanted) {
    const unique = uniqueName(name, used);
    used.add(unique);
    byKey.set(key, { name: unique, shape: entry.shape, uses: count.get(key) ?? 0 });
  }
  const shapes = [...byKey.values()].sort((a, b) => compare(a.name, b.name));
  return {
    shapes,
    nameOf: (shape) => (eligible(shape) ? byKey.get(keyOf(shape))?.name : undefined),
  };
}

const canonicalShapes = new WeakMap<Shape, Shape>();

/**
 * The shape with its properties in name order and its union's members in one order, at any depth:
 * the same type whatever order the examples came in. The manifest records shared types written out
 * so (`types` in src/diff/surface.ts), so that a regeneration knows a type again when only the
 * order changed (a request added first, whose examples are merged first, or lend a `null` its type).
 */
export function canonicalShape<S extends Shape>(shape: S): S {
  let canonical = canonicalShapes.get(shape);
  if (canonical) return canonical as S;
  switch (shape.kind) {
    case "array":
      canonical = { kind: "array", items: shape.items && canonicalShape(shape.items) };
      break;
    case "object":
      canonical = {
        kind: "object",
        properties: shape.properties
          .map((p) => ({ ...p, shape: canonicalShape(p.shape) }))
          .sort((a, b) => compare(a.name, b.name)),
        ...(shape.index ? { index: canonicalShape(shape.index) } : {}),
      };
      break;
    case "union": {
      const members = shape.of.map(
        (member) => [canonicalShape(member), JSON.stringify(canonicalShape(member))] as const,
      );
      canonical = { kind: "union", of: members.sort(([, a], [, b]) => compare(a, b)).map(([member]) => member) };
      break;
    }
    default:
      canonical = shape;
  }
  canonicalShapes.set(shape, canonical);
  // Of the kind it was given: only what is inside is ordered.
  return canonical as S;
}

/**
 * A walk of the objects of shapes: what it does at an object, given the name its place gives it
 * (`N`), and whether to go into it; and the name of what is inside: a property's (from its key), an
 * array's items or a map's values (from the name of the array or the map).
 */
interface Walk<N> {
  at(shape: Shape & { kind: "object" }, name: N): boolean;
  /** A property's, given what the object it is in has. */
  key(key: string, around: N): N;
  items(name: N): N;
}

/**
 * Each object of a shape, depth first: through an array's items and a union's members, and into an
 * object's properties and index as `walk.at` lets it. The one walk of the places (who wants which
 * name) and of the counting (how often a shape is written out), so both see the same objects.
 */
function eachObject<N>(shape: Shape, name: N, walk: Walk<N>): void {
  switch (shape.kind) {
    case "array":
      if (shape.items) eachObject(shape.items, walk.items(name), walk);
      return;
    case "union":
      for (const member of shape.of) eachObject(member, name, walk);
      return;
    case "object":
      if (walk.at(shape, name)) inside(shape, name, walk);
      return;
    default:
      return;
  }
}

/** What is inside an object: each property's shape, and its index's (a map's values). */
function inside<N>(shape: Shape & { kind: "object" }, name: N, walk: Walk<N>): void {
  for (const p of shape.properties) eachObject(p.shape, walk.key(p.name, name), walk);
  if (shape.index) eachObject(shape.index, walk.items(name), walk);
}

/** A shape's structure as text, its children's given by `keyOf`. */
function structure(shape: Shape, keyOf: (shape: Shape) => string): string {
  switch (shape.kind) {
    case "array":
      return `[${shape.items ? keyOf(shape.items) : ""}]`;
    case "union":
      return `(${shape.of.map(keyOf).join("|")})`;
    case "object":
      return `{${shape.properties.map((p) => `${JSON.stringify(p.name)}${p.optional ? "?" : ""}:${keyOf(p.shape)}`).join(",")}${shape.index ? `;*:${keyOf(shape.index)}` : ""}}`;
    default:
      return shape.kind;
  }
}

/** A type's name from a key: PascalCase, and never one that needs `_` to be an identifier. */
function validName(name: string): string {
  const pascal = name.startsWith("_") ? name.slice(1) : name;
  return /^[\p{Lu}\p{Lt}]/u.test(pascal) ? pascal : `Shape${pascal}`;
}

/** The singular of an English plural key, roughly: `labels` → `Label`, `categories` → `Category`, `boxes` → `Box`. */
export function singular(name: string): string {
  if (/[^aeiou]ies$/i.test(name)) return `${name.slice(0, -3)}y`;
  if (/(?:ss|x|ch|sh|zz)es$/i.test(name)) return name.slice(0, -2);
  if (/[^su]s$/i.test(name) && !/(?:ss|is|us|news|status|alias|data)$/i.test(name)) return name.slice(0, -1);
  if (/List$/.test(name)) return `${name}Item`;
  return name;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
