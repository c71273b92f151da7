// The modules the others share: the shapes that recur and the type of plain text (`src/shapes.ts`,
// types only), and the response checks (`src/checks.ts`, the inferred types as data for `responseCheck`).
import { id, ref, type Flavor } from "./statements.js";
import type { Context, SharedTypes } from "./layout.js";
import { parseType } from "../printer/type-parser.js";
import type { Expr, Statement } from "../printer/typescript.js";
import { argType, isPlainText, isSuccess, shapeBody, shapeType, successType, TEXT_TYPE } from "../type-expressions.js";
import { checksKey, type Check, type ChecksTable } from "../../runtime/check.js";
import type { Shape } from "../../model/shape.js";
import { runtimeName } from "../../model/naming.js";
import { TEXT_ALIAS } from "../../model/reserved-names.js";
import type { SharedShapes } from "../../model/shared-shapes.js";
import type { ApiModel, OperationModel } from "../../model/types.js";

/** The response checks' module (`responseCheck`), when some response has an inferred type: `responseChecks`, re-exported by the root module. */
export const CHECKS_MODULE = "src/checks.ts";

/**
 * The compact shapes `responseCheck` reads (src/runtime/check.ts): each operation's inferred 2xx
 * types by status, and the shared shapes they refer to; undefined when no response has one.
 */
export function responseChecks(model: ApiModel, shared: SharedShapes): ChecksTable | undefined {
  const refs = new Set<string>();
  const operations: Record<string, Record<string, Check>> = {};
  for (const op of model.operations) {
    for (const response of op.responses) {
      if (!isSuccess(op, response.status) || !response.shape) continue;
      const { type, inferredFrom } = successType(op, response);
      // Only bodies all of whose examples are JSON: a text example would be a string at run time.
      if (inferredFrom === undefined || type !== shapeType(response.shape)) continue;
      (operations[checksKey({ name: runtimeName(op) })] ??= {})[String(response.status)] = checkOf(
        response.shape,
        shared,
        refs,
      );
    }
  }
  if (!Object.keys(operations).length) return undefined;
  const shapes: Record<string, Check> = {};
  const byName = new Map(shared.shapes.map((s) => [s.name, s]));
  for (let pending = [...refs]; pending.length;) {
    const name = pending.shift()!;
    if (Object.prototype.hasOwnProperty.call(shapes, name)) continue;
    const more = new Set<string>();
    shapes[name] = checkOf(byName.get(name)!.shape, shared, more, true);
    pending.push(...[...more].filter((n) => !Object.prototype.hasOwnProperty.call(shapes, n)));
  }
  return {
    operations,
    shapes: Object.fromEntries(Object.entries(shapes).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

/** A shape as compact data; a shared shape by name (`{ ref }`) unless it is the one declared. */
function checkOf(shape: Shape, shared: SharedShapes, refs: Set<string>, top = false): Check {
  const name = top ? undefined : shared.nameOf(shape);
  if (name !== undefined) {
    refs.add(name);
    return { ref: name };
  }
  const inner = (s: Shape) => checkOf(s, shared, refs);
  switch (shape.kind) {
    case "array":
      return { array: shape.items ? inner(shape.items) : null };
    case "union":
      return { union: shape.of.map(inner) };
    case "object":
      return {
        object: shape.properties.map((p): readonly [string, Check] | readonly [string, Check, 1] =>
          p.optional ? [p.name, inner(p.shape), 1] : [p.name, inner(p.shape)],
        ),
        ...(shape.index ? { index: inner(shape.index) } : {}),
      };
    default:
      return shape.kind;
  }
}

export function checksStatements(table: ChecksTable, flavor: Flavor): { imports: Statement[]; body: Statement[] } {
  const imports: Statement[] =
    flavor === "dts"
      ? [{ kind: "import", typeOnly: true, from: "./runtime/check.js", names: [{ name: "ResponseChecks" }] }]
      : [
          {
            kind: "import",
            from: "./runtime/check.js",
            names: [
              ...(flavor === "ts"
                ? [
                    { name: "ChecksTable", typeOnly: true },
                    { name: "ResponseChecks", typeOnly: true },
                  ]
                : []),
              { name: "verifyResponse" },
            ],
          },
        ];
  const docs =
    "The types inferred from the collection's examples, as `createClient({ responseCheck, responseChecks })` compares 2xx bodies with them: by operation and status, and the shared shapes by name.";
  const init: Expr = {
    kind: "object",
    expand: true,
    properties: [
      { kind: "property", key: "table", value: id("table") },
      { kind: "property", key: "verify", value: id("verifyResponse") },
    ],
  };
  if (flavor === "dts")
    return {
      imports,
      body: [
        { kind: "const", exported: true, declare: true, name: "responseChecks", type: ref("ResponseChecks"), docs },
      ],
    };
  const tableStatement: Statement = {
    kind: "const",
    name: "table",
    ...(flavor === "ts" ? { type: ref("ChecksTable") } : {}),
    init: { kind: "value", value: table, expand: true },
  };
  return {
    imports,
    body: [
      tableStatement,
      {
        kind: "const",
        exported: true,
        name: "responseChecks",
        ...(flavor === "ts" ? { type: ref("ResponseChecks") } : {}),
        init,
        docs,
      },
    ],
  };
}

/** The module of TEXT_ALIAS and of the shapes that recur: types only, imported by the others. */
export const SHAPES_MODULE = "src/shapes.ts";

/** The shapes' module as the root module imports and re-exports it. */
export const SHAPES_FROM_ROOT = "./shapes.js";

/**
 * What the shapes' module exports, in its order. TEXT_ALIAS always, used or not: a type costs no
 * byte at run time, and an alias that came with the first argument of plain text was an export
 * added (a change of the API, as the diff says) in a regeneration that added nothing else.
 */
export function shapesExports({ shared }: Pick<SharedTypes, "shared">): string[] {
  return [TEXT_ALIAS, ...shared.shapes.map((s) => s.name)];
}

/** `export type Text = …`, then `export interface Owner { … }` for each shared shape, by name. */
export function shapesStatements(
  { shared }: Pick<SharedTypes, "shared">,
  flavor: Flavor,
): { imports: Statement[]; body: Statement[] } {
  if (flavor === "js") return { imports: [], body: [] };
  const alias: Statement = {
    kind: "type",
    exported: true,
    name: TEXT_ALIAS,
    docs: "A value the client sends as its text, `String(value)`: a path variable, query parameter, header or form field. `page_size: 30` sends `30`.",
    type: parseType(TEXT_TYPE),
  };
  const shapes = shared.shapes.map((s): Statement => {
    const type = parseType(shapeBody(s.shape, shared));
    return {
      kind: "interface",
      exported: true,
      name: s.name,
      // No count of its places: a shape's declaration changes when the shape does, not when an operation comes or goes.
      docs: "Inferred from the collection's examples, where operations share this shape.",
      members: type.kind === "object" ? type.members : [],
    };
  });
  return { imports: [], body: [alias, ...shapes] };
}

/**
 * The shapes' module's names an operation's types refer to: the shared shapes its argument and
 * response types are written with, collected by writing them (so that exactly the names used are
 * imported), and TEXT_ALIAS when an argument takes plain text.
 */
function shapesUsed(context: Context, ops: OperationModel[]): string[] {
  if (!shapesExports(context).length) return [];
  // A module's TypeScript and its declarations import the same names: worked out once.
  const known = usedByOps.get(context.shared)?.get(ops);
  if (known) return known;
  const names = writtenNames(context, ops);
  if (!usedByOps.has(context.shared)) usedByOps.set(context.shared, new WeakMap());
  usedByOps.get(context.shared)!.set(ops, names);
  return names;
}

const usedByOps = new WeakMap<SharedShapes, WeakMap<OperationModel[], string[]>>();

function writtenNames(context: Context, ops: OperationModel[]): string[] {
  const used = new Set<string>();
  const tracking: SharedShapes = {
    shapes: context.shared.shapes,
    nameOf: (shape) => {
      const name = context.shared.nameOf(shape);
      if (name !== undefined) used.add(name);
      return name;
    },
  };
  for (const op of ops) {
    for (const arg of op.args) {
      if (arg.shape) argType(arg, op, { shared: tracking });
      if (isPlainText(arg, op)) used.add(TEXT_ALIAS);
    }
    for (const response of op.responses) if (isSuccess(op, response.status)) successType(op, response, tracking);
  }
  return [...used].sort();
}

export function shapesImport(context: Context, ops: OperationModel[], from: string): Statement[] {
  const names = shapesUsed(context, ops);
  return names.length ? [{ kind: "import", typeOnly: true, from, names: names.map((name) => ({ name })) }] : [];
}
