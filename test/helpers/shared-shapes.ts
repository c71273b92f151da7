// A collection's shared shapes as the generator names them (src/model/shared-shapes.ts), each
// known by its structure, with the shapes each request has: to tell, across two versions of a
// collection, a shape renamed from one that a request uses.
import { sharedOf } from "../../src/emit/modules/layout.js";
import { loadTarget } from "../../src/generate.js";
import type { Shape } from "../../src/model/shape.js";

export interface NamedShapes {
  /** Name and structure of each shared shape, sorted by name. */
  shapes: Array<readonly [name: string, structure: string]>;
  /** By request (its folders and name, `/`-joined): the structures of the shared shapes it has, at any depth. */
  uses: Map<string, Set<string>>;
}

export async function namedShapes(collection: string): Promise<NamedShapes> {
  const model = await loadTarget({ collection, out: "", name: "shapes" });
  const { shared } = sharedOf(model);
  const uses = new Map<string, Set<string>>();
  for (const op of model.operations) {
    const used = new Set<string>();
    const walk = (shape: Shape): void => {
      if (shape.kind === "object") {
        if (shared.nameOf(shape)) used.add(structureOf(shape));
        for (const p of shape.properties) walk(p.shape);
        if (shape.index) walk(shape.index);
      } else if (shape.kind === "array" && shape.items) walk(shape.items);
      else if (shape.kind === "union") shape.of.forEach(walk);
    };
    for (const arg of op.args) if (arg.shape) walk(arg.shape);
    for (const response of op.responses) if (response.shape) walk(response.shape);
    uses.set([...op.folder, op.item].join("/"), used);
  }
  return { shapes: shared.shapes.map((s) => [s.name, structureOf(s.shape)] as const), uses };
}

/** The shapes `request` has neither before nor after an edit, as `[name, structure]`: before's and after's. */
export function othersThan(
  request: string,
  before: NamedShapes,
  after: NamedShapes,
): [Array<readonly [string, string]>, Array<readonly [string, string]>] {
  const theirs = new Set([...(before.uses.get(request) ?? []), ...(after.uses.get(request) ?? [])]);
  const others = ({ shapes }: NamedShapes) => shapes.filter(([, structure]) => !theirs.has(structure));
  return [others(before), others(after)];
}

/** A shape's structure as text, to know it again in another model. */
function structureOf(shape: Shape): string {
  switch (shape.kind) {
    case "object":
      return `{${shape.properties.map((p) => `${JSON.stringify(p.name)}${p.optional ? "?" : ""}:${structureOf(p.shape)}`).join(",")}${shape.index ? `;*:${structureOf(shape.index)}` : ""}}`;
    case "array":
      return `[${shape.items ? structureOf(shape.items) : ""}]`;
    case "union":
      return `(${shape.of.map(structureOf).join("|")})`;
    default:
      return shape.kind;
  }
}

/** Every object of an example's JSON with one key more: each shape a new one, each under the key it had. */
export function keyAdded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyAdded);
  if (value && typeof value === "object")
    return { ...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, keyAdded(v)])), edited: true };
  return value;
}
