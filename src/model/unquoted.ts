// The types of `{{variables}}` a JSON body writes unquoted (`"n": {{count}}`). Postman pastes the
// variable's text there, so the argument is what that text is as JSON: the loader leaves each such
// place `unknown` (load/body.ts), and this pass, once the scopes are applied, types it from every
// value the variable has (the request's and folders', the collection's or globals', each
// environment's; a dynamic variable's kind), as examples type the rest of a body.
import { dynamicVariable } from "../runtime/dynamic.js";
import type { JsonPlace } from "../runtime/spec.js";
import { mergeShapes, shapeOf, type Shape } from "./shape.js";
import type { ApiModel, ArgModel, OperationModel } from "./types.js";
import { wholeReference } from "./references.js";

export function typeUnquoted(model: ApiModel): ApiModel {
  if (!model.operations.some((op) => op.args.some((arg) => arg.unquoted))) return model;
  const collection = new Map(model.variables.map((v) => [v.name, v.default]));
  const valuesOf = (op: OperationModel, name: string): string[] => {
    const values = [
      op.variables && Object.hasOwn(op.variables, name) ? op.variables[name] : collection.get(name),
      ...(model.environments ?? []).map((e) => (Object.hasOwn(e.values, name) ? e.values[name] : undefined)),
    ].filter((value): value is string => value !== undefined);
    // A dynamic variable's kind from one value it makes: only the kind is kept, so the output
    // stays the same from run to run.
    const dynamic = values.length ? undefined : dynamicVariable(name);
    return dynamic === undefined ? values : [dynamic];
  };
  const typed = (op: OperationModel, arg: ArgModel): ArgModel => {
    let shape = arg.shape;
    for (const place of arg.unquoted ?? []) {
      const reference = wholeReference(String(valueAt(arg.default, place)));
      if (reference === undefined || !shape) continue;
      const values = valuesOf(op, reference);
      if (values.length) shape = withShapeAt(shape, place, values.map(textShape).reduce(mergeShapes));
    }
    return shape === arg.shape ? arg : { ...arg, ...(shape ? { shape } : {}) };
  };
  return {
    ...model,
    operations: model.operations.map((op) =>
      op.args.some((arg) => arg.unquoted) ? { ...op, args: op.args.map((arg) => typed(op, arg)) } : op,
    ),
  };
}

/** The shape of what a variable's text is as JSON; `unknown` for text that is none, or that refers to variables. */
function textShape(text: string): Shape {
  if (text.includes("{{")) return { kind: "unknown" };
  try {
    return shapeOf(JSON.parse(text));
  } catch {
    return { kind: "unknown" };
  }
}

function valueAt(value: unknown, place: JsonPlace): unknown {
  return place.reduce<unknown>(
    (v, key) =>
      typeof v === "object" && v !== null && Object.hasOwn(v, key) ? (v as Record<string, unknown>)[key] : undefined,
    value,
  );
}

/**
 * `shape` with `kind` at `place`, through an object's named properties; in a list (whose items'
 * shapes are merged into one) or a map, the place stays `unknown`.
 */
function withShapeAt(shape: Shape, place: JsonPlace, kind: Shape): Shape {
  if (!place.length) return kind;
  const [key, ...rest] = place;
  if (shape.kind !== "object" || typeof key !== "string") return shape;
  return {
    ...shape,
    properties: shape.properties.map((p) => (p.name === key ? { ...p, shape: withShapeAt(p.shape, rest, kind) } : p)),
  };
}

/** The places under `key` of a value, as places in the value at `key`. */
export function placesUnder(places: readonly JsonPlace[], key: string | number): JsonPlace[] {
  return places.filter((place) => place.length && place[0] === key).map((place) => place.slice(1));
}

/**
 * A JSON value as the collection writes it, for the docs: each unquoted reference at its place
 * without the quotes its string has in the value (`{"n":{{count}}}`).
 */
export function jsonAsWritten(value: unknown, places: readonly JsonPlace[] = []): string {
  if (places.some((place) => !place.length) && typeof value === "string") return value;
  if (!places.length || typeof value !== "object" || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item, i) => jsonAsWritten(item, placesUnder(places, i))).join(",")}]`;
  const fields = Object.entries(value).map(
    ([key, item]) => `${JSON.stringify(key)}:${jsonAsWritten(item, placesUnder(places, key))}`,
  );
  return `{${fields.join(",")}}`;
}
