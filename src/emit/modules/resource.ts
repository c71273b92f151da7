// A folder's module, `src/resources/<name>.ts`: its operations and namespaces, and a default export
// that the root module reads for `operations` and `createClient`.
import { id, ref, type Flavor } from "./statements.js";
import type { Context, Resource } from "./layout.js";
import { namespaceInterface, namespaceObject } from "./namespaces.js";
import { operationStatements } from "./operations.js";
import { shapesImport } from "./shared.js";
import { extrasTypes, runtimeImport, runtimeImports } from "../client.js";
import type { Expr, ObjectMember, Statement } from "../printer/typescript.js";
import { exportedNames } from "../../model/naming.js";

export function resourceStatements(
  context: Context,
  resource: Resource,
  flavor: Flavor,
): { imports: Statement[]; body: Statement[]; defaultExport?: Expr } {
  const { model, tree } = context;
  const node = tree.get(resource.name)!;
  const runtime = runtimeImports({ ...model, operations: resource.operations })
    .filter(({ from }) => from !== "./runtime/core.js")
    .map(({ names, from }) => ({ names, from: from.replace(/^\.\//, "../") }));
  const hasErrors = resource.operations.length > 0;
  const imports: Statement[] =
    flavor === "js"
      ? runtime.map(({ names, from }): Statement => ({ kind: "import", from, names: names.map(runtimeImport) }))
      : [
          ...(flavor === "ts"
            ? runtime.map(({ names, from }): Statement => ({
                kind: "import",
                from,
                names: names.map(runtimeImport),
              }))
            : []),
          ...(resource.operations.length
            ? [
                {
                  kind: "import",
                  typeOnly: true,
                  from: "../runtime/api-promise.js",
                  names: [{ name: "ApiPromise" }],
                } satisfies Statement,
              ]
            : []),
          ...(resource.operations.length
            ? [
                {
                  kind: "import",
                  typeOnly: true,
                  from: "../runtime/core.js",
                  names: [...extrasTypes(resource.operations), "RequestOptions"].sort().map((name) => ({ name })),
                } satisfies Statement,
              ]
            : []),
          ...(hasErrors
            ? [
                {
                  kind: "import",
                  typeOnly: true,
                  from: "../runtime/errors.js",
                  names: [{ name: "ApiError" }],
                } satisfies Statement,
              ]
            : []),
          {
            kind: "import",
            typeOnly: true,
            from: "../runtime/spec.js",
            names: [
              ...(flavor === "ts" && resource.operations.length ? [runtimeImport("CallSpec")] : []),
              { name: "OperationSpec" },
            ],
          } satisfies Statement,
          {
            kind: "import",
            typeOnly: true,
            from: "../client.js",
            names: [{ name: "BaseClient" }, ...(resource.operations.length ? [{ name: "Variables" }] : [])],
          } satisfies Statement,
          ...shapesImport(context, resource.operations, "../shapes.js"),
        ];
  const subtree = [...tree.values()].filter((n) => n.path[0] === resource.name);
  const operations: Expr = {
    kind: "array",
    elements: resource.operations.map((op) => id(exportedNames(op.exportName).spec)),
  };
  const methods: ObjectMember = {
    kind: "method",
    key: "methods",
    params: [{ name: "baseClient", ...(flavor === "js" ? {} : { type: ref("BaseClient") }) }],
    ...(flavor === "js" ? {} : { returns: ref(node.type) }),
    body: [{ kind: "return", expression: namespaceObject(context, node) }],
  };
  const defaultExport: Expr = {
    kind: "object",
    expand: true,
    properties: [{ kind: "property", key: "operations", value: operations }, methods],
  };
  const defaultDocs = `The folder's part of {@link createClient} and {@link operations}. \`export *\` leaves a default export out, so it is not the package's.`;
  const body: Statement[] = [
    ...resource.operations.map((op): Statement => ({
      kind: "lazy",
      statements: () => operationStatements(context, op, flavor),
    })),
    ...(flavor === "js" ? [] : subtree.map((n) => namespaceInterface(context, n, flavor))),
    ...(flavor === "ts"
      ? [{ kind: "exportDefault", expression: defaultExport, docs: defaultDocs } satisfies Statement]
      : []),
    ...(flavor === "dts"
      ? [
          {
            kind: "const",
            declare: true,
            name: "_default",
            docs: defaultDocs,
            type: {
              kind: "object",
              members: [
                {
                  kind: "property",
                  key: "operations",
                  type: {
                    kind: "operator",
                    operator: "readonly",
                    type: { kind: "array", element: ref("OperationSpec") },
                  },
                },
                {
                  kind: "method",
                  key: "methods",
                  params: [{ name: "baseClient", type: ref("BaseClient") }],
                  returns: ref(node.type),
                },
              ],
            },
          } satisfies Statement,
          { kind: "raw", text: "export default _default;", tight: true } satisfies Statement,
        ]
      : []),
  ];
  return flavor === "js" ? { imports, body, defaultExport } : { imports, body };
}
