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
//   a plural (`/users/{id}` → `User`); else after the first of its operations by name
//   (`GetUserBody`), so that the name never depends on operations that do not use it.
// - A name already taken by the package (an operation's types, the client's names, the runtime's,
//   a global type such as `File` or `Record` that the modules use) gets `Shape` appended. Of the
//   shapes that want the same name, one has it: those in responses first, then those only sent,
//   each in the order of their structure's text. The others are named after their own first
//   operation by name (`Owner`, `GetOrgOwner`), numbered only when that is taken too, so a shape's
//   name depends on the operations that use it, not on a rank among shapes that others use: a
//   request that uses none of them renames none (once, `Address4` became `Address3` when an
//   operation using `Address3` went). Only the plain name can move: to the next shape when its own
//   goes, to a new shape whose structure comes first. A request body's keys are all optional
//   (infer.ts, rule 3): an object sent and received is two shapes, and the one sent never takes
//   the name the one received had (`Amount`, `CreatePaymentAmount`).
import { pascalCase } from "./naming.js";
import type { Shape } from "./shape.js";
import type { ApiModel, ArgModel, OperationModel } from "./types.js";

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

/** The shapes of an operation where they sit: its JSON arguments and its responses. */
function roots(op: OperationModel): Place[] {
  const places: Place[] = [];
  for (const arg of op.args)
    if (arg.shape && arg.type === "json" && arg.typeHint !== "graphql")
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
  if (!last || !before || !/^\{[^{}]+\}$|^\{\{[^{}]+\}\}$/.test(last) || /[{}]/.test(before)) return undefined;
  const name = singular(pascalCase(before));
  return name === pascalCase(before) ? undefined : name;
}

/** A JSON body's field is a key of the body object; any other JSON argument is a whole body. */
function fieldKey(op: OperationModel, arg: ArgModel): string | undefined {
  return op.body?.encoding === "json" && arg.in === "body" ? arg.name : undefined;
}

const nameFrom = (key: string | undefined): { name?: string } => (key === undefined ? {} : { name: pascalCase(key) });

/**
 * The shared shapes of a model's operations. `taken` holds the names the package already uses:
 * a shape's name avoids them (and the global types).
 */
export function sharedShapes(model: Pick<ApiModel, "operations">, taken: Iterable<string>): SharedShapes {
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

  // Every place of every eligible object, by structure; the first place's shape stands for them.
  const all = new Map<
    string,
    {
      shape: Shape & { kind: "object" };
      names: Map<string, number>;
      paths: Map<string, number>;
      operations: Set<string>;
      received: boolean;
    }
  >();
  const visit = (
    place: Place,
    operation: string,
    within: (key: string) => boolean,
    count: Map<string, number>,
    seen: boolean,
  ) => {
    const walk = (shape: Shape, name: string | undefined): void => {
      switch (shape.kind) {
        case "array":
          if (shape.items) walk(shape.items, name && singular(name));
          return;
        case "union":
          for (const member of shape.of) walk(member, name);
          return;
        case "object": {
          if (eligible(shape)) {
            const key = keyOf(shape);
            if (!seen) {
              let entry = all.get(key);
              if (!entry)
                all.set(
                  key,
                  (entry = { shape, names: new Map(), paths: new Map(), operations: new Set(), received: false }),
                );
              if (!place.sent) entry.received = true;
              if (name !== undefined) entry.names.set(name, (entry.names.get(name) ?? 0) + 1);
              else if (shape === place.shape && place.pathName)
                entry.paths.set(place.pathName, (entry.paths.get(place.pathName) ?? 0) + 1);
              entry.operations.add(operation);
            }
            count.set(key, (count.get(key) ?? 0) + 1);
            // A shape that is named is written once, in its declaration: what is inside counts once.
            if (within(key)) return;
          }
          for (const p of shape.properties) walk(p.shape, pascalCase(p.name));
          if (shape.index) walk(shape.index, name && singular(name));
          return;
        }
        default:
          return;
      }
    };
    walk(place.shape, place.name);
  };

  const places = model.operations.flatMap((op) => roots(op).map((place) => ({ place, operation: op.exportName })));
  // First every place counted as written out in full; then, until nothing changes, with the shapes
  // that recur named (each declaration's body counted once), keeping those still used twice.
  let named = new Set<string>();
  let count = new Map<string, number>();
  for (let round = 0; round < 8; round++) {
    count = new Map();
    for (const { place, operation } of places) visit(place, operation, (key) => named.has(key), count, round > 0);
    for (const key of named) {
      const entry = all.get(key)!;
      for (const p of entry.shape.properties)
        visit({ shape: p.shape, name: pascalCase(p.name) }, "", (k) => named.has(k), count, true);
      if (entry.shape.index) visit({ shape: entry.shape.index }, "", (k) => named.has(k), count, true);
    }
    const next = new Set([...count].filter(([, n]) => n >= 2).map(([key]) => key));
    if (round > 0 && next.size === named.size && [...next].every((key) => named.has(key))) break;
    named = next;
  }
  if (!named.size) return NO_SHARED_SHAPES;

  // Names: the most common key (ties alphabetically), else the first operation's by name.
  const reserved = new Set([...taken, ...GLOBAL_TYPES]);
  const wanted = [...named].map((key) => {
    const entry = all.get(key)!;
    const most = (counts: Map<string, number>) => [...counts].sort(([a, x], [b, y]) => y - x || compare(a, b))[0]?.[0];
    const first = pascalCase([...entry.operations].sort(compare)[0] ?? "shared");
    const base = validName(most(entry.names) ?? most(entry.paths) ?? `${first}Body`);
    return { key, stem: reserved.has(base) ? `${base}Shape` : base, first, entry };
  });
  const used = new Set(reserved);
  // Which of the shapes that want one stem has it: those in responses first, then the first
  // structure's text.
  wanted.sort(
    (a, b) => compare(a.stem, b.stem) || Number(b.entry.received) - Number(a.entry.received) || compare(a.key, b.key),
  );
  const byKey = new Map<string, SharedShape>();
  const others: typeof wanted = [];
  for (const shape of wanted) {
    if (used.has(shape.stem)) others.push(shape);
    else {
      used.add(shape.stem);
      byKey.set(shape.key, { name: shape.stem, shape: shape.entry.shape, uses: count.get(shape.key) ?? 0 });
    }
  }
  // The others are named after their own first operation (`GetOrgOwner`), not numbered by their
  // rank among the shapes wanting the stem: a rank moves when an operation that uses none of them
  // goes. A stem already after the first operation (`GetHealthBody`), or a name still taken, is
  // numbered: among shapes that share that operation.
  const qualified = others.map((shape) => ({
    ...shape,
    stem: shape.stem.startsWith(shape.first) ? shape.stem : `${shape.first}${shape.stem}`,
  }));
  qualified.sort(
    (a, b) => compare(a.stem, b.stem) || Number(b.entry.received) - Number(a.entry.received) || compare(a.key, b.key),
  );
  for (const { key, stem, entry } of qualified) {
    let name = stem;
    for (let n = 2; used.has(name); n++) name = `${stem}${n}`;
    used.add(name);
    byKey.set(key, { name, shape: entry.shape, uses: count.get(key) ?? 0 });
  }
  const shapes = [...byKey.values()].sort((a, b) => compare(a.name, b.name));
  return {
    shapes,
    nameOf: (shape) => (eligible(shape) ? byKey.get(keyOf(shape))?.name : undefined),
  };
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
