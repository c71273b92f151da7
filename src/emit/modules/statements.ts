// The statements every module is made of, in each face: `ts` (the TypeScript), `dts` (the
// declarations) and `js` (the JavaScript, before its module format wraps it). A constant or a
// function is built once and each face keeps what it needs.
import type { Expr, Param, Statement, TypeNode } from "../printer/typescript.js";
import { stringLiteral } from "../literals.js";

export type Flavor = "ts" | "dts" | "js";

/**
 * What a module's faces share (an operation's metadata and types, a namespace's interface): a
 * module's faces are printed one after another (TypeScript, declarations, JavaScript), so it is
 * made for the first face that asks, kept in `kept` until `last` (the last face that needs it)
 * takes it, and made afresh for a face that comes alone.
 */
export function sharedByFaces<K extends object, V>(
  kept: WeakMap<K, V>,
  key: K,
  flavor: Flavor,
  last: Flavor,
  make: () => V,
): V {
  const made = kept.get(key);
  if (made !== undefined) {
    if (flavor === last) kept.delete(key);
    return made;
  }
  const value = make();
  if (flavor !== last) kept.set(key, value);
  return value;
}

export const id = (name: string): Expr => ({ kind: "id", name });
export const ref = (name: string, args?: TypeNode[]): TypeNode =>
  args ? { kind: "name", name, args } : { kind: "name", name };

export function literal(value: string): TypeNode {
  return { kind: "literal", raw: stringLiteral(value) };
}

export function constant(flavor: Flavor, c: { name: string; type: TypeNode; init: Expr; docs: string }): Statement {
  if (flavor === "dts")
    return { kind: "const", exported: true, declare: true, name: c.name, type: c.type, docs: c.docs };
  if (flavor === "js") return { kind: "const", exported: true, name: c.name, init: c.init, docs: c.docs };
  return { kind: "const", exported: true, name: c.name, type: c.type, init: c.init, docs: c.docs };
}

/**
 * An exported constant holding data (an operation's metadata), its object written open: the
 * printers lay such a value out without documents.
 */
export function dataConstant(
  flavor: Flavor,
  c: { name: string; type: TypeNode; value: object; docs: string },
): Statement {
  return constant(flavor, {
    name: c.name,
    type: c.type,
    init: { kind: "value", value: c.value, expand: true },
    docs: c.docs,
  });
}

export function functionStatement(
  flavor: Flavor,
  f: { name: string; docs: string; params: Param[]; returns: TypeNode; body: (flavor: Flavor) => Statement[] },
): Statement {
  const params = f.params.map((p): Param => {
    if (flavor === "js") return { name: p.name, ...(p.initializer ? { initializer: p.initializer } : {}) };
    if (flavor === "dts")
      return {
        name: p.name,
        ...(p.type ? { type: p.type } : {}),
        ...(p.optional || p.initializer ? { optional: true } : {}),
      };
    return p;
  });
  if (flavor === "dts")
    return { kind: "function", exported: true, declare: true, name: f.name, params, returns: f.returns, docs: f.docs };
  return {
    kind: "function",
    exported: true,
    name: f.name,
    params,
    ...(flavor === "ts" ? { returns: f.returns } : {}),
    body: f.body(flavor),
    docs: f.docs,
  };
}
