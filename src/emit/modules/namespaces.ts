// The namespaces that follow the collection's folders: each one's interface, and the object of
// bound methods `createClient` returns for it.
import { id, ref, sharedByFaces } from "./statements.js";
import type { Context, Namespace } from "./layout.js";
import { authText, namespaceDoc, operationDoc } from "../docs.js";
import { docText } from "../literals.js";
import type { Expr, ObjectMember, Statement, TypeMember } from "../printer/typescript.js";
import { exportedNames } from "../../model/naming.js";
import { optionsType } from "../client.js";
import { parseType } from "../printer/type-parser.js";

/** The interfaces the TypeScript made, until the declarations (the last face to print them) take them. */
const kept = new WeakMap<Namespace, Statement>();

export function namespaceInterface(context: Context, node: Namespace, flavor: "ts" | "dts"): Statement {
  return sharedByFaces(kept, node, flavor, "dts", () => makeNamespaceInterface(context, node));
}

function makeNamespaceInterface(context: Context, node: Namespace): Statement {
  const { tree, model } = context;
  const auth = context.sharedAuth ? ` Auth, the same for every operation: ${authText(model.operations[0]!.auth)}.` : "";
  let members: TypeMember[] | undefined;
  return {
    kind: "interface",
    exported: true,
    name: node.type,
    docs: node.path.length
      ? namespaceDoc(node.folder)
      : `A client for ${docText(model.name)}: one method per request, in namespaces that follow the collection's folders.${auth}`,
    // Made when first printed: the API diff reads the interface's name alone (clientExportNames),
    // from statements made before the faces are printed, and would make each method's
    // documentation a second time.
    get members() {
      return (members ??= makeMembers(context, node));
    },
  };
}

/** Each sub-namespace's property and each operation's method, with its documentation. */
function makeMembers(context: Context, node: Namespace): TypeMember[] {
  const { tree } = context;
  return [
    ...node.children.map((child): TypeMember => {
      const childNode = tree.get([...node.path, child].join("."))!;
      return {
        kind: "property",
        key: child,
        readonly: true,
        type: ref(childNode.type),
        docs: namespaceDoc(childNode.folder),
      };
    }),
    ...node.operations.map((op): TypeMember => {
      const names = exportedNames(op.exportName);
      return {
        kind: "method",
        key: op.name,
        // `new(…)` in an interface would be a construct signature, not a method.
        ...(op.name === "new" ? { quoted: true } : {}),
        docs: operationDoc(op, names, context.sharedAuth),
        params: [
          { name: "args", type: ref(names.args), ...(op.args.some((a) => a.required) ? {} : { optional: true }) },
          { name: "options", type: parseType(optionsType(op)), optional: true },
        ],
        returns: ref("ApiPromise", [ref(names.result)]),
      };
    }),
  ];
}

/** The object `createClient` returns, or a folder's part of it: each method bound to the client. */
export function namespaceObject(context: Context, node: Namespace): Expr {
  const { tree } = context;
  const isRoot = node.path.length === 0;
  return {
    kind: "object",
    expand: true,
    properties: [
      ...node.children.map((child): ObjectMember => {
        const childPath = [...node.path, child];
        const resource = isRoot ? context.resources.find((r) => r.name === child) : undefined;
        const value: Expr = resource
          ? {
              kind: "call",
              callee: { kind: "member", object: id(resource.alias), property: "methods" },
              args: [id("baseClient")],
            }
          : namespaceObject(context, tree.get(childPath.join("."))!);
        return { kind: "property", key: child, value };
      }),
      ...node.operations.map((op): ObjectMember => ({
        kind: "property",
        key: op.name,
        value: {
          kind: "call",
          callee: { kind: "member", object: id(op.exportName), property: "bind" },
          args: [{ kind: "keyword", text: "null" }, id("baseClient")],
        },
      })),
    ],
  };
}
