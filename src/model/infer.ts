// What the shapes of a collection's examples are taken to mean, decided once over the whole model
// after loading. A type inferred from examples is a guess: it may be loose, but it must never be
// narrower than what the API sends, or correct code does not compile. Three rules follow (all in
// ARCHITECTURE.md, "Types from examples"):
//
// 1. Maps keyed by data. An object whose keys are values (file names, ids, dates) would otherwise
//    be typed with exactly the keys one example happened to hold (`{ "hello_world.rb": … }`
//    refuses a gist whose file is `other.txt`). Such keys go to an index signature instead
//    (`Record<string, File>`, or `{ name: string; [key: string]: … }` beside keys that are names):
//    - one key that is data by its form makes the object a map: a number, date or time (`42`,
//      `2024-01-31`, `10:30`, `192.168.0.1`), a UUID, a hexadecimal id of 12 digits or more, an
//      id token (`U024BE7LH`, `cus_9s6XKzkNRiz8i3`: letters and digits alternating, no word in
//      it), an email address, a URL or a path (`/users`), a file or host name (`hello_world.rb`,
//      `example.com`); the object's other keys that are not identifier-like go with it;
//    - an object whose keys are all not identifier-like (spaces, `@`, `#`, a leading digit: `First
//      Name`, `@type`) is a map; beside one identifier-like key they stay properties, since
//      metadata such as `@odata.context` sits next to named fields;
//    - MANY_KEYS or more keys whose values are all objects with the same property names are a map
//      (`{ "smile": { url }, "frown": { url }, … }`): records of named sub-objects rarely repeat one
//      structure that often, and a map's example seldom shows fewer than a handful of entries.
//
// 2. Null and the empty array say nothing about a type. A property seen only as `null` (or `[]`, or
//    both) takes the shape its key has elsewhere: in this operation's other examples, else in any
//    operation of the collection, merged; `null` stays beside it (`Owner | null`). Responses borrow
//    from responses and JSON bodies from JSON bodies: what a client sends under a key is often
//    not what it gets back (`"assignee": "octocat"` sent, `"assignee": { "login": … }` received).
//    `[]` says the value is a list, so it borrows only the key's lists (their items): `"removed": []`
//    here and `"removed": true` elsewhere is `unknown[]`, not `boolean | unknown[]`, which code
//    could not `.map`.
//    Nothing elsewhere: `null` alone becomes `unknown`, `[]` stays `unknown[]`. A shape borrowed
//    this way does not borrow in turn (its own null-only fields are `unknown`), so the pass is one
//    lookup per field, cannot loop, and does not depend on the order it visits keys.
//
// 3. A request body's example is one request the API accepts, not the keys it requires: every key
//    of an object sent is optional, at any depth (a body's own fields already are: they are
//    optional arguments). A response's keys stay required where every example has them, since
//    code reads them. A shape sent and received is then two shapes, each named apart
//    (shared-shapes.ts).
import { ID_CONTINUE, ID_START } from "./identifier-chars.js";
import { mergeShapes, shapeKey, shapeSize, type PropertyShape, type Shape } from "./shape.js";
import type { BodyModel, LoadedArg, ResponseModel } from "./types.js";
import { SCHEME_AND_SLASHES_SOURCE } from "./url-scheme.js";

/** Values that number of keys with one structure make their object a map (rule 1). */
export const MANY_KEYS = 8;

/**
 * A key's shapes, merged from across the collection, are borrowed up to this size (shapes in the
 * merged tree) and this many different shapes; beyond either the key is `unknown`: loose, never
 * wrong, the type text stays small (a borrowed shape is written out at each place it is borrowed
 * for), and the work per key is bounded however hostile the collection.
 */
export const MAX_BORROWED_SIZE = 1_000;
export const MAX_BORROWED_SHAPES = 256;

const UNKNOWN: Shape = { kind: "unknown" };

/** Keys that are data by their form (rule 1); each is tested in test/model/shape.test.ts. */
const DATA_KEYS: ReadonlyArray<RegExp> = [
  /^-?\d[\d\-:./ TZ+]*$/, // number, date, time, IP address, version
  /^[\da-f]{8}-[\da-f]{4}-[\da-f]{4}-[\da-f]{4}-[\da-f]{12}$/i, // UUID
  /^(?=.*\d)[\da-f]{12,}$/i, // hexadecimal id or hash
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/, // email address
  new RegExp(`^(?:${SCHEME_AND_SLASHES_SOURCE}|\\/)`, "i"), // URL or path
  /^[^\s/\\@:]*[^\s/\\@:.]\.[\da-z]{1,10}$/i, // file or host name
];

// Letters and decimal digits as the fixed identifier table has them, not as the running Node's
// Unicode does: a key in a newer script would be a name on one machine and odd on another. (Other
// numbers, such as `²`, are no identifier characters, so the table cannot say.)
const LETTER = String.raw`(?:(?=\p{L})[${ID_START}])`;
const WORD = String.raw`(?:${LETTER}|(?=[\p{Nd}\p{Nl}])[${ID_CONTINUE}]|\p{No}|[_$])`;
/** Identifier-like: words of letters and digits joined by `_` or `-` (`user_id`, `Content-Type`, `名前`). */
const NAME = new RegExp(`^(?:${LETTER}|[_$])${WORD}*(?:-${WORD}+)*$`, "u");
/** Most keys: NAME's answer without its lookups. */
const ASCII_NAME = /^[A-Za-z_$][\w$]*(?:-[\w$]+)*$/;

export type KeyKind = "name" | "data" | "odd";

/** `data`: a value by its form; `name`: identifier-like; `odd`: neither (spaces, `@`, a leading digit). */
export function keyKind(key: string): KeyKind {
  if (DATA_KEYS.some((pattern) => pattern.test(key)) || isIdToken(key)) return "data";
  return ASCII_NAME.test(key) || NAME.test(key) ? "name" : "odd";
}

/**
 * Generated ids: 8 or more letters and digits that alternate at least three times, with no run of
 * five lower-case letters (a word: `x509Certificate`, `sha256Digest` are names), after an optional
 * lower-case prefix (`cus_`).
 */
function isIdToken(key: string): boolean {
  const token = key.replace(/^[a-z]{2,8}_/, "");
  if (!/^[A-Za-z\d]{8,}$/.test(token) || /[a-z]{5}/.test(token)) return false;
  return (token.match(/(?<=\d)[A-Za-z]|(?<=[A-Za-z])\d/g)?.length ?? 0) >= 3;
}

/** The shape with every object keyed by data turned into a map (rule 1), innermost first. */
export function keyedByData(shape: Shape): Shape {
  switch (shape.kind) {
    case "array":
      return shape.items ? { kind: "array", items: keyedByData(shape.items) } : shape;
    case "union":
      return { kind: "union", of: shape.of.map(keyedByData) };
    case "object": {
      const properties = shape.properties.map((p) => ({ ...p, shape: keyedByData(p.shape) }));
      const index = shape.index ? keyedByData(shape.index) : undefined;
      const data = new Set(dataProperties(properties));
      if (!data.size) return { kind: "object", properties, ...(index ? { index } : {}) };
      const values = [...data].map((p) => p.shape);
      return {
        kind: "object",
        properties: properties.filter((p) => !data.has(p)),
        index: (index ? [index, ...values] : values).reduce(mergeShapes),
      };
    }
    default:
      return shape;
  }
}

/** The properties of an object (its own children already turned into maps) whose keys are data. */
function dataProperties(properties: PropertyShape[]): PropertyShape[] {
  const kinds = properties.map((p) => keyKind(p.name));
  if (kinds.includes("data")) return properties.filter((_, i) => kinds[i] !== "name");
  if (properties.length && kinds.every((k) => k === "odd")) return properties;
  if (properties.length >= MANY_KEYS) {
    const structures = new Set(
      properties.map((p) =>
        p.shape.kind === "object" && p.shape.properties.length
          ? p.shape.properties
              .map((q) => q.name)
              .sort()
              .join("\u0000")
          : "",
      ),
    );
    if (structures.size === 1 && !structures.has("")) return properties;
  }
  return [];
}

/** What an operation holds shapes in: its arguments (JSON body fields among them) and its responses. */
export interface Shaped {
  args: LoadedArg[];
  body?: BodyModel;
  responses: ResponseModel[];
}

/** Shapes in request bodies and shapes in responses are looked up apart (rule 2). */
type Direction = "sent" | "received";

/**
 * Both rules over every shape of the model, in one pass after loading: keys are looked up in a
 * table per operation, then in one for the collection (key name → its distinct non-null shapes,
 * in collection order, merged once on first use), built only for the keys that need one.
 */
export function inferShapes<T extends Shaped>(operations: readonly T[]): T[] {
  const mapped = operations.map((op) => ({
    ...op,
    args: op.args.map((arg) => (arg.shape ? { ...arg, shape: keyedByData(arg.shape) } : arg)),
    responses: op.responses.map((r) => (r.shape ? { ...r, shape: keyedByData(r.shape) } : r)),
  }));

  const needed = new Set<string>();
  for (const op of mapped)
    forEachKey(op, (direction, name, shape) => !informative(shape) && needed.add(`${direction}:${name}`));
  const tables = () => ({ sent: new Table(), received: new Table() });
  const collection = tables();
  const own = mapped.map((op) => {
    const table = tables();
    forEachKey(op, (direction, name, shape) => {
      const seen = needed.has(`${direction}:${name}`) ? informative(shape) : undefined;
      if (!seen) return;
      const key = shapeKey(seen);
      table[direction].add(name, key, seen);
      collection[direction].add(name, key, seen);
    });
    return table;
  });

  return mapped.map((op, i) => {
    const borrow = (direction: Direction) => (name: string) =>
      own[i]![direction].borrow(name) ?? collection[direction].borrow(name);
    return {
      ...op,
      args: op.args.map((arg) =>
        arg.shape ? { ...arg, shape: sent(resolve(arg.shape, borrow("sent"), fieldKey(op, arg))) } : arg,
      ),
      responses: op.responses.map((r) => (r.shape ? { ...r, shape: resolve(r.shape, borrow("received")) } : r)),
    };
  });
}

/** Key name → the distinct shapes it was seen with (null left out), merged on first use. */
class Table {
  private seen = new Map<string, Map<string, Shape>>();
  private merged = new Map<string, Shape>();

  add(name: string, key: string, shape: Shape): void {
    let shapes = this.seen.get(name);
    if (!shapes) this.seen.set(name, (shapes = new Map()));
    if (!shapes.has(key)) shapes.set(key, shape);
  }

  borrow(name: string): Shape | undefined {
    const done = this.merged.get(name);
    if (done) return done;
    const shapes = this.seen.get(name);
    if (!shapes) return undefined;
    let merged = shapes.size > MAX_BORROWED_SHAPES ? UNKNOWN : undefined;
    for (const shape of merged ? [] : shapes.values()) {
      merged = merged ? mergeShapes(merged, shape) : shape;
      if (shapeSize(merged) > MAX_BORROWED_SIZE) {
        merged = UNKNOWN;
        break;
      }
    }
    // Borrowed shapes do not borrow in turn (rule 2).
    const closed = resolve(merged!, () => undefined);
    this.merged.set(name, closed);
    return closed;
  }
}

/** The key of a JSON body field argument: its name is a key of the body object. */
function fieldKey(op: Shaped, arg: LoadedArg): string | undefined {
  return op.body?.encoding === "json" && arg.in === "body" && arg.type === "json" ? arg.name : undefined;
}

/** Calls `visit` with every key and its shape, at any depth, in order; keys of maps are data, not names. */
function forEachKey(op: Shaped, visit: (direction: Direction, name: string, shape: Shape) => void): void {
  const walk = (direction: Direction, shape: Shape): void => {
    switch (shape.kind) {
      case "array":
        if (shape.items) walk(direction, shape.items);
        return;
      case "union":
        for (const member of shape.of) walk(direction, member);
        return;
      case "object":
        for (const p of shape.properties) {
          visit(direction, p.name, p.shape);
          walk(direction, p.shape);
        }
        if (shape.index) walk(direction, shape.index);
        return;
    }
  };
  for (const arg of op.args) {
    if (!arg.shape) continue;
    const key = fieldKey(op, arg);
    if (key !== undefined) visit("sent", key, arg.shape);
    walk("sent", arg.shape);
  }
  for (const response of op.responses) if (response.shape) walk("received", response.shape);
}

/** What a shape says about a type, without `null` and empty arrays; undefined when nothing. */
function informative(shape: Shape): Shape | undefined {
  if (shape.kind === "null" || (shape.kind === "array" && !shape.items)) return undefined;
  if (shape.kind !== "union") return shape;
  const of = shape.of.filter((s) => informative(s));
  return of.length === 0 ? undefined : of.length === 1 ? of[0] : { kind: "union", of };
}

/** Rule 2 over a shape: `name` is the key it sits under, when it sits under one. */
function resolve(shape: Shape, borrow: (name: string) => Shape | undefined, name?: string): Shape {
  if (!informative(shape)) {
    const found = name !== undefined ? borrow(name) : undefined;
    const borrowed = found && (seenAsList(shape) ? list(found) : found);
    if (borrowed) return mergeShapes(borrowed, shape);
    return shape.kind === "null" ? UNKNOWN : shape;
  }
  switch (shape.kind) {
    case "array":
      return { kind: "array", items: resolve(shape.items!, borrow) };
    case "union":
      // A null beside a value is what the examples say: kept.
      return { kind: "union", of: shape.of.map((s) => (s.kind === "null" ? s : resolve(s, borrow))) };
    case "object":
      return {
        kind: "object",
        properties: shape.properties.map((p) => ({ ...p, shape: resolve(p.shape, borrow, p.name) })),
        ...(shape.index ? { index: resolve(shape.index, borrow) } : {}),
      };
    default:
      return shape;
  }
}

/** Whether a shape without information (`null`, `[]`, or both) holds an empty array. */
function seenAsList(shape: Shape): boolean {
  return shape.kind === "array" || (shape.kind === "union" && shape.of.some((s) => s.kind === "array"));
}

/** The list among a key's shapes elsewhere (a merged union holds one of each kind); undefined when none. */
function list(found: Shape): Shape | undefined {
  return (found.kind === "union" ? found.of : [found]).find((s) => s.kind === "array");
}

/** Rule 3: a shape sent, every object's keys optional at any depth. */
function sent(shape: Shape): Shape {
  switch (shape.kind) {
    case "array":
      return shape.items ? { kind: "array", items: sent(shape.items) } : shape;
    case "union":
      return { kind: "union", of: shape.of.map(sent) };
    case "object":
      return {
        kind: "object",
        properties: shape.properties.map((p) => ({ ...p, shape: sent(p.shape), optional: true })),
        ...(shape.index ? { index: sent(shape.index) } : {}),
      };
    default:
      return shape;
  }
}
