// What every module's statements read, worked out once per model: the namespace tree (one node
// per folder), the folders' modules with their file names and the names the root module imports
// them by, the shared shapes and the response checks.
import { responseChecks } from "./shared.js";
import { authText } from "../docs.js";
import type { PrintOptions } from "../printer/doc.js";
import type { ChecksTable } from "../../runtime/check.js";
import { sharedShapes, type SharedShapes } from "../../model/shared-shapes.js";
import { isPlainText, shapeType } from "../type-expressions.js";
import { exportedNames, isReserved, namespaceTypes, operationIdentifiers, uniqueNames } from "../../model/naming.js";
import { RESERVED_IDENTIFIERS } from "../../model/reserved-names.js";
import { kebab } from "../../runtime/did-you-mean.js";
import type { ApiModel, OperationModel } from "../../model/types.js";

export interface Namespace {
  path: string[];
  /** The Postman folder names it stands for. */
  folder: string[];
  operations: OperationModel[];
  children: string[];
  /** Name of its interface. */
  type: string;
}

/** A top-level folder and its module. */
export interface Resource {
  /** Its namespace on the client: `users` in `client.users`. */
  name: string;
  /** Its module's file name, without `.ts`. */
  file: string;
  /** The name the root module imports its default export by. */
  alias: string;
  operations: OperationModel[];
}

export interface Context {
  model: ApiModel;
  tree: Map<string, Namespace>;
  options: PrintOptions;
  sharedAuth: boolean;
  resources: Resource[];
  shared: SharedShapes;
  /** Whether some argument takes plain text (TEXT_ALIAS, which the shapes' module declares whether or not). */
  text: boolean;
  /** The response checks' data, when some response has an inferred type. */
  checks?: ChecksTable;
  /** The npm package's name, which each operation's metadata carries (`OperationSpec.package`). */
  packageName?: string;
}

/** The namespaces, the shared shapes and checks, the folders' modules: what every module's statements read. */
export function layoutOf(
  model: ApiModel,
  options: PrintOptions,
  packageName?: string,
): { context: Context; root: OperationModel[] } {
  const { root, ...context } = modelLayout(model);
  return { context: { ...context, options, ...(packageName !== undefined ? { packageName } : {}) }, root };
}

/** By model: `generate` reads the layout for the exported names (the API diff), then to emit. */
const layouts = new WeakMap<ApiModel, Omit<Context, "options" | "packageName"> & { root: OperationModel[] }>();

function modelLayout(model: ApiModel): Omit<Context, "options" | "packageName"> & { root: OperationModel[] } {
  let cached = layouts.get(model);
  if (cached) return cached;
  const tree = namespaceTree(model);
  const { shared, checks, text } = sharedOf(model, tree);
  const layout = resourceLayout(model, tree, shared);
  const auths = new Set(model.operations.map((op) => authText(op.auth)));
  const sharedAuth = model.operations.length > 1 && auths.size === 1;
  cached = {
    model,
    tree,
    sharedAuth,
    resources: layout.resources,
    shared,
    text,
    ...(checks ? { checks } : {}),
    root: layout.root,
  };
  layouts.set(model, cached);
  return cached;
}

/**
 * Each namespace's interface by its path joined by `.` (the root's, `Client`, left out), as the
 * package declares them: the API diff records them (`Surface.namespaces`), and a regeneration
 * keeps them (`ApiModel.namespaceTypesBefore`).
 */
export function namespaceInterfaces(model: ApiModel): Record<string, string> {
  const { tree } = modelLayout(model);
  // In path order: the tree's is the collection's, and moving folders is no change of the manifest.
  const ids = [...tree.keys()].filter((id) => id !== "").sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(ids.map((id) => [id, tree.get(id)!.type]));
}

/** Shapes that recur, with names no other export of the package has (shared-shapes.ts). */
function namedShapes(model: ApiModel, tree: Map<string, Namespace>): SharedShapes {
  const taken = new Set<string>([
    ...RESERVED_IDENTIFIERS,
    ...[...tree.values()].map((n) => n.type),
    ...model.operations.flatMap((op) => operationIdentifiers(op.exportName)),
  ]);
  const before = model.sharedTypesBefore;
  return sharedShapes(model, taken, before && { types: before, textOf: (shape) => shapeType(shape) });
}

/** What the shapes' and checks' modules hold. */
export interface SharedTypes {
  shared: SharedShapes;
  checks: ChecksTable | undefined;
  /** Whether some argument takes plain text (isPlainText): the README then says what TEXT_ALIAS, always declared, is. */
  text: boolean;
}

/** The shared shapes and the response checks of a model, worked out once (the emitter and the API diff both ask). */
const SHARED = new WeakMap<ApiModel, SharedTypes>();

export function sharedOf(model: ApiModel, tree?: Map<string, Namespace>): SharedTypes {
  let found = SHARED.get(model);
  if (!found) {
    // The tree only when it is worked out: the emitter and the API diff ask again once it is.
    const shared = namedShapes(model, tree ?? namespaceTree(model));
    const text = model.operations.some((op) => op.args.some((arg) => isPlainText(arg, op)));
    SHARED.set(model, (found = { shared, checks: responseChecks(model, shared), text }));
  }
  return found;
}

function namespaceTree(model: ApiModel): Map<string, Namespace> {
  const { operations } = model;
  const tree = new Map<string, Namespace>();
  const types = namespaceTypes(operations, model.namespaceTypesBefore, Object.keys(model.sharedTypesBefore ?? {}));
  const ensure = (path: string[], folder: string[]): Namespace => {
    const key = path.join(".");
    let node = tree.get(key);
    if (!node) {
      node = { path, folder, operations: [], children: [], type: types.get(key)! };
      tree.set(key, node);
      if (path.length) ensure(path.slice(0, -1), folder.slice(0, -1)).children.push(path[path.length - 1]!);
    }
    return node;
  };
  ensure([], []);
  for (const op of operations) ensure(op.namespace, op.folder).operations.push(op);
  return tree;
}

/** Names a file may not take on some platform (Windows), whatever its extension. */
const DEVICE_NAMES = /^(?:con|prn|aux|nul|com\d|lpt\d)$/;

/**
 * File names for the folders' modules: the namespace in kebab case (`sipPhones` → `sip-phones`),
 * ASCII only, unique whatever the case (file systems that ignore it), never a device name. Its words
 * are the package command line's for the namespace (kebab, one split for both): a split of its
 * own lost a one-letter word's end, `onBehalfOfAUser` giving `on-behalf-of-auser.ts` beside the
 * command line's `on-behalf-of-a-user`.
 */
export function resourceFileNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const words = kebab(name)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    let base = words === "" ? "resource" : DEVICE_NAMES.test(words) ? `${words}-resource` : words;
    if (used.has(base)) {
      let n = 2;
      while (used.has(`${base}-${n}`)) n++;
      base = `${base}-${n}`;
    }
    used.add(base);
    return base;
  });
}

function resourceLayout(
  model: ApiModel,
  tree: Map<string, Namespace>,
  shared: SharedShapes,
): { root: OperationModel[]; resources: Resource[] } {
  const names = tree.get("")!.children;
  const files = resourceFileNames(names);
  // The root module imports each folder's default export: by the folder's name, unless the root
  // module already has that name.
  const taken = new Set<string>([
    ...RESERVED_IDENTIFIERS,
    ...[...tree.values()].map((n) => n.type),
    ...shared.shapes.map((s) => s.name),
  ]);
  for (const op of model.operations)
    if (op.namespace.length === 0) for (const name of Object.values(exportedNames(op.exportName))) taken.add(name);
  for (const op of model.operations) if (op.namespace.length === 0) taken.add(op.exportName);
  // A folder's name is a property name (`client.var`), not always a binding's (`import var …`).
  const aliases = uniqueNames(
    names.map((name) => (isReserved(name) ? `${name}Resource` : name)),
    taken,
  );
  return {
    root: model.operations.filter((op) => op.namespace.length === 0),
    resources: names.map((name, i) => ({
      name,
      file: files[i]!,
      alias: aliases[i]!,
      operations: model.operations.filter((op) => op.namespace[0] === name),
    })),
  };
}
