// The shape of JSON values seen in a collection's examples: what a TypeScript type is inferred
// from. Plain data, merged across examples: a key missing from one example becomes optional.
// What the shapes are then taken to mean (maps keyed by data, nulls) is decided in infer.ts.

export type Shape =
  | { kind: "string" | "number" | "boolean" | "null" | "unknown" }
  | { kind: "array"; items: Shape | null }
  | {
      kind: "object";
      properties: PropertyShape[];
      /** When the object is a map: the shape of the values under keys that are data (file names, ids), any of which may be present. */
      index?: Shape;
    }
  | { kind: "union"; of: Shape[] };

export interface PropertyShape {
  name: string;
  shape: Shape;
  optional: boolean;
}

/** Deeper values are typed `unknown`: examples rarely need more, and types stay readable. */
const MAX_DEPTH = 12;

export function shapeOf(value: unknown, depth = 0): Shape {
  if (depth > MAX_DEPTH) return { kind: "unknown" };
  if (value === null) return { kind: "null" };
  if (typeof value === "string") return { kind: "string" };
  if (typeof value === "number") return { kind: "number" };
  if (typeof value === "boolean") return { kind: "boolean" };
  if (Array.isArray(value)) {
    const items = value.map((item) => shapeOf(item, depth + 1));
    return { kind: "array", items: items.length ? items.reduce(mergeShapes) : null };
  }
  if (typeof value === "object") {
    return {
      kind: "object",
      properties: Object.entries(value as Record<string, unknown>).map(([name, v]) => ({
        name,
        shape: shapeOf(v, depth + 1),
        optional: false,
      })),
    };
  }
  return { kind: "unknown" };
}

/** The shape of a value that is one example of either. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  if (a.kind === "unknown" || b.kind === "unknown") return { kind: "unknown" };
  if (a.kind === "object" && b.kind === "object") {
    const index = a.index && b.index ? mergeShapes(a.index, b.index) : (a.index ?? b.index);
    return { kind: "object", properties: mergeProperties(a.properties, b.properties), ...(index ? { index } : {}) };
  }
  if (a.kind === "array" && b.kind === "array") {
    return { kind: "array", items: a.items && b.items ? mergeShapes(a.items, b.items) : (a.items ?? b.items) };
  }
  if (a.kind === b.kind && a.kind !== "union") return a;
  const members = [...(a.kind === "union" ? a.of : [a]), ...(b.kind === "union" ? b.of : [b])];
  return union(members);
}

function union(members: Shape[]): Shape {
  const merged: Shape[] = [];
  for (const member of members) {
    const same = merged.findIndex((m) => m.kind === member.kind);
    if (same >= 0) merged[same] = mergeShapes(merged[same]!, member);
    else merged.push(member);
  }
  return merged.length === 1 ? merged[0]! : { kind: "union", of: merged };
}

function mergeProperties(a: PropertyShape[], b: PropertyShape[]): PropertyShape[] {
  const byName = new Map(b.map((p) => [p.name, p]));
  const merged = a.map((p) => {
    const other = byName.get(p.name);
    return other
      ? { name: p.name, shape: mergeShapes(p.shape, other.shape), optional: p.optional || other.optional }
      : { ...p, optional: true };
  });
  const known = new Set(a.map((p) => p.name));
  for (const p of b) if (!known.has(p.name)) merged.push({ ...p, optional: true });
  return merged;
}

/** The same text for structurally equal shapes (property order included). */
export function shapeKey(shape: Shape): string {
  return JSON.stringify(shape);
}

/**
 * The name of each property at any depth (through arrays' items, unions' members and objects'
 * properties), in the order met: the keys a JSON value of this shape holds, as its examples show.
 * A map's keys are data (`index`), not names: only its values' properties are.
 */
export function propertyNames(shape: Shape): string[] {
  switch (shape.kind) {
    case "array":
      return shape.items ? propertyNames(shape.items) : [];
    case "object":
      return [
        ...shape.properties.flatMap((p) => [p.name, ...propertyNames(p.shape)]),
        ...(shape.index ? propertyNames(shape.index) : []),
      ];
    case "union":
      return shape.of.flatMap(propertyNames);
    default:
      return [];
  }
}

/** How many shapes a shape is made of: a measure of the type text it gives. */
export function shapeSize(shape: Shape): number {
  switch (shape.kind) {
    case "array":
      return 1 + (shape.items ? shapeSize(shape.items) : 0);
    case "object":
      return shape.properties.reduce((n, p) => n + shapeSize(p.shape), 1 + (shape.index ? shapeSize(shape.index) : 0));
    case "union":
      return shape.of.reduce((n, s) => n + shapeSize(s), 1);
    default:
      return 1;
  }
}
