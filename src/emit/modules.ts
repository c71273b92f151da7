// The client of an emitted package as modules: `src/client.ts` (the client, its options and the
// operations at the collection's root) and one `src/resources/<name>.ts` per top-level folder
// (each operation's types, metadata and standalone function, and the folder's namespaces), as
// editors, diffs and bundlers like them: a change to one folder changes one module. Each module is
// one syntax tree per face (TypeScript, declarations, JavaScript), printed as prettier prints it
// (printer/typescript.ts), so nothing here needs a formatting pass.
import {
  clientPath,
  GENERATED_HEADER,
  operationIdentifiers,
  operationNames,
  operationSpec,
  RESERVED_IDENTIFIERS,
  runtimeImports,
  runtimeParts,
} from "./client.js";
import { argDoc, authText, namespaceDoc, operationDoc, variableDoc } from "./docs.js";
import { DIST_FORMATS, type ModuleFormat } from "./layout.js";
import { docText, stringLiteral } from "./literals.js";
import { PRINT_DEFAULTS, stringWidth, type PrintOptions } from "./printer/doc.js";
import { printFlatModule, typeText } from "./printer/flat.js";
import { layoutDeclaration } from "./printer/values.js";
import { parseType } from "./printer/type-parser.js";
import {
  printModule,
  topLevel,
  valueExpr,
  type Expr,
  type ObjectMember,
  type Param,
  type Statement,
  type TypeMember,
  type TypeNode,
} from "./printer/typescript.js";
import { argType, errorType, inferredDoc, isSuccess, shapeBody, shapeType, successType } from "./type-expressions.js";
import type { Check, ChecksTable } from "../runtime/check.js";
import type { Shape } from "../model/shape.js";
import { sharedShapes, type SharedShapes } from "../model/shared-shapes.js";
import { isReserved, pascalCase, uniqueNames } from "../model/naming.js";
import type { ApiModel, EnvironmentModel, OperationModel } from "../model/types.js";

/** One module of the client, in each of its faces. */
export interface EmittedModule {
  /** `src/client.ts` or `src/resources/<name>.ts`. */
  path: string;
  /** The operations whose types, metadata and function it holds, in collection order. */
  operations: OperationModel[];
  ts: string;
  dts: string;
  js: Record<ModuleFormat, string>;
}

type Flavor = "ts" | "dts" | "js";

interface Namespace {
  path: string[];
  /** The Postman folder names it stands for. */
  folder: string[];
  operations: OperationModel[];
  children: string[];
  /** Name of its interface. */
  type: string;
}

/** A top-level folder and its module. */
interface Resource {
  /** Its namespace on the client: `users` in `client.users`. */
  name: string;
  /** Its module's file name, without `.ts`. */
  file: string;
  /** The name the root module imports its default export by. */
  alias: string;
  operations: OperationModel[];
}

const id = (name: string): Expr => ({ kind: "id", name });
const ref = (name: string, args?: TypeNode[]): TypeNode =>
  args ? { kind: "name", name, args } : { kind: "name", name };

/**
 * Every module of the client. Operations at the collection's root stay in `src/client.ts`; each
 * top-level folder gets `src/resources/<name>.ts`, in the order of the collection.
 */
export function emitModules(model: ApiModel, options: PrintOptions = PRINT_DEFAULTS): EmittedModule[] {
  const { context, root } = layoutOf(model, options);
  const { shared } = context;
  const modules: EmittedModule[] = [
    {
      ...emitModule("src/client.ts", (flavor) => rootStatements(context, root, flavor), rootExports(context), options),
      operations: root,
    },
    ...context.resources.map((resource) => ({
      ...emitModule(
        `src/resources/${resource.file}.ts`,
        (flavor) => resourceStatements(context, resource, flavor),
        undefined,
        options,
      ),
      operations: resource.operations,
    })),
    ...(shared.shapes.length
      ? [
          {
            ...emitModule(SHAPES_MODULE, (flavor) => shapesStatements(shared, flavor), undefined, options),
            operations: [],
          },
        ]
      : []),
    ...(context.checks
      ? [
          {
            ...emitModule(
              CHECKS_MODULE,
              (flavor) => checksStatements(context.checks!, flavor, options),
              undefined,
              options,
            ),
            operations: [],
          },
        ]
      : []),
  ];
  return modules;
}

/**
 * The names the client's root and folder modules export besides each operation's own
 * (`operationIdentifiers`): `createClient`, `Variables`, the namespace interfaces, …. Read from the
 * very statements those modules are printed from, without printing them (an operation's
 * statements, made lazily, are not even made); the shapes' and checks' modules are
 * `sharedExports`. The API diff's record of the package's names (`diff`, `version: "auto"`).
 */
export function clientExportNames(model: ApiModel): string[] {
  const { context, root } = layoutOf(model, PRINT_DEFAULTS);
  const bodies = [
    rootStatements(context, root, "dts").body,
    ...context.resources.map((resource) => resourceStatements(context, resource, "dts").body),
  ];
  return bodies
    .flat()
    .flatMap((s) => (s.kind !== "lazy" && "exported" in s && s.exported && "name" in s ? [s.name] : []));
}

/** The namespaces, the shared shapes and checks, the folders' modules: what every module's statements read. */
function layoutOf(model: ApiModel, options: PrintOptions): { context: Context; root: OperationModel[] } {
  const tree = namespaceTree(model.operations);
  const { shared, checks } = sharedOf(model, tree);
  const layout = resourceLayout(model, tree, shared);
  const auths = new Set(model.operations.map((op) => authText(op.auth)));
  const sharedAuth = model.operations.length > 1 && auths.size === 1;
  return {
    context: { model, tree, options, sharedAuth, resources: layout.resources, shared, ...(checks ? { checks } : {}) },
    root: layout.root,
  };
}

/** The response checks' module (`responseCheck`), when some response has an inferred type: `responseChecks`, re-exported by the root module. */
export const CHECKS_MODULE = "src/checks.ts";

/**
 * The compact shapes `responseCheck` reads (src/runtime/check.ts): each operation's inferred 2xx
 * types by status, and the shared shapes they refer to; undefined when no response has one.
 */
function responseChecks(model: ApiModel, shared: SharedShapes): ChecksTable | undefined {
  const refs = new Set<string>();
  const operations: Record<string, Record<string, Check>> = {};
  for (const op of model.operations) {
    for (const response of op.responses) {
      if (!isSuccess(response.status) || !response.shape) continue;
      const { type, inferredFrom } = successType(op, response);
      // Only bodies all of whose examples are JSON: a text example would be a string at run time.
      if (inferredFrom === undefined || type !== shapeType(response.shape)) continue;
      (operations[[...op.namespace, op.name].join(".")] ??= {})[String(response.status)] = checkOf(
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

function checksStatements(
  table: ChecksTable,
  flavor: Flavor,
  options: PrintOptions,
): { imports: Statement[]; body: Statement[] } {
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
  const laidOut = flavor === "ts" ? layoutDeclaration("const table: ChecksTable = ", table, options, 1) : undefined;
  const tableStatement: Statement =
    laidOut !== undefined
      ? { kind: "raw", text: laidOut }
      : {
          kind: "const",
          name: "table",
          ...(flavor === "ts" ? { type: ref("ChecksTable") } : {}),
          init: valueExpr(table, true),
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

/** Shapes that recur, with names no other export of the package has (shared-shapes.ts). */
function namedShapes(model: ApiModel, tree: Map<string, Namespace>): SharedShapes {
  const taken = new Set<string>([
    ...RESERVED_IDENTIFIERS,
    ...[...tree.values()].map((n) => n.type),
    ...model.operations.flatMap((op) => operationIdentifiers(op.exportName)),
  ]);
  return sharedShapes(model, taken);
}

/**
 * The names the root module re-exports from the shapes' and checks' modules (`Owner`, …,
 * `responseChecks`), for the API diff's record of the package's exports.
 */
export function sharedExports(model: ApiModel): string[] {
  const { shared, checks } = sharedOf(model);
  return [...shared.shapes.map((s) => s.name), ...(checks ? ["responseChecks"] : [])];
}

/** The shared shapes and the response checks of a model, worked out once (the emitter and the API diff both ask). */
const SHARED = new WeakMap<ApiModel, { shared: SharedShapes; checks: ChecksTable | undefined }>();

function sharedOf(
  model: ApiModel,
  tree = namespaceTree(model.operations),
): { shared: SharedShapes; checks: ChecksTable | undefined } {
  let found = SHARED.get(model);
  if (!found) {
    const shared = namedShapes(model, tree);
    SHARED.set(model, (found = { shared, checks: responseChecks(model, shared) }));
  }
  return found;
}

/** The module of the shapes that recur, when there are any: types only, imported by the others. */
export const SHAPES_MODULE = "src/shapes.ts";

/** `export interface Owner { … }` for each shared shape, by name. */
function shapesStatements(shared: SharedShapes, flavor: Flavor): { imports: Statement[]; body: Statement[] } {
  if (flavor === "js") return { imports: [], body: [] };
  const body = shared.shapes.map((s): Statement => {
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
  return { imports: [], body };
}

/**
 * The shared shapes an operation's types refer to: the names its argument and response types are
 * written with, collected by writing them (so that exactly the names used are imported).
 */
function shapesUsed(context: Context, ops: OperationModel[]): string[] {
  if (!context.shared.shapes.length) return [];
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
    for (const arg of op.args) if (arg.shape) argType(arg, tracking);
    for (const response of op.responses) if (isSuccess(response.status)) successType(op, response, tracking);
  }
  return [...used].sort();
}

function shapesImport(context: Context, ops: OperationModel[], from: string): Statement[] {
  const names = shapesUsed(context, ops);
  return names.length ? [{ kind: "import", typeOnly: true, from, names: names.map((name) => ({ name })) }] : [];
}

interface Context {
  model: ApiModel;
  tree: Map<string, Namespace>;
  options: PrintOptions;
  sharedAuth: boolean;
  resources: Resource[];
  shared: SharedShapes;
  /** The response checks' data, when some response has an inferred type. */
  checks?: ChecksTable;
}

function emitModule(
  path: string,
  statements: (flavor: Flavor) => { imports: Statement[]; body: Statement[]; defaultExport?: Expr },
  reexports: string[] | undefined,
  options: PrintOptions,
): Omit<EmittedModule, "operations"> {
  const header: Statement = { kind: "raw", text: GENERATED_HEADER };
  const face = (flavor: "ts" | "dts") => {
    const { imports, body } = statements(flavor);
    const exportsAll = (reexports ?? []).map((from, i): Statement => ({ kind: "exportAll", from, tight: i > 0 }));
    const all = [header, ...imports.map((s) => ({ ...s, tight: true })), ...exportsAll, ...body];
    // dist/ is read, not formatted: its declarations are printed straight (printer/flat.ts).
    return flavor === "ts" ? printModule(all, options) : printFlatModule(all);
  };
  // The shapes module has types only: the JavaScript has nothing to take from it.
  return {
    path,
    ts: face("ts"),
    dts: face("dts"),
    js: javascript(
      statements("js"),
      (reexports ?? []).filter((from) => from !== SHAPES_FROM_ROOT),
    ),
  };
}

/**
 * The JavaScript of a module is printed once with nothing exported, and each module format wraps it
 * in its own imports and exports. The CommonJS body runs in strict mode, as an ES module does.
 */
function javascript(
  { imports, body, defaultExport }: { imports: Statement[]; body: Statement[]; defaultExport?: Expr },
  reexports: string[],
): Record<ModuleFormat, string> {
  // The names are collected as the statements are printed (the lazy ones are made then).
  const exported: string[] = [];
  const local = function* (): Generator<Statement> {
    for (const s of topLevel(body)) {
      if (!("exported" in s)) yield s;
      else {
        if (s.exported && (s.kind === "const" || s.kind === "function")) exported.push(s.name);
        yield { ...s, exported: false };
      }
    }
  };
  const text = printFlatModule(local());
  const defaultText = defaultExport
    ? printFlatModule([{ kind: "expression", expression: defaultExport }]).replace(/;\n$/, "")
    : undefined;
  const importLines = imports.flatMap((s) => {
    if (s.kind !== "import") return [];
    return [{ names: s.names.filter((n) => !n.typeOnly).map((n) => n.name), defaultName: s.defaultName, from: s.from }];
  });
  const wrap: Record<ModuleFormat, () => string[]> = {
    esm: () => [
      ...importLines.map(
        ({ names, defaultName, from }) =>
          `import ${[defaultName, names.length ? `{ ${names.join(", ")} }` : undefined].filter(Boolean).join(", ")} from ${stringLiteral(from)};`,
      ),
      ...reexports.map((from) => `export * from ${stringLiteral(from)};`),
      text.trimEnd(),
      ...(exported.length ? [`export {\n${exported.map((name) => `  ${name},\n`).join("")}};`] : []),
      ...(defaultText !== undefined ? [`export default ${defaultText};`] : []),
    ],
    cjs: () => [
      '"use strict";',
      ...importLines.flatMap(({ names, defaultName, from }) => [
        ...(names.length ? [`const { ${names.join(", ")} } = require(${stringLiteral(from)});`] : []),
        ...(defaultName ? [`const ${defaultName} = require(${stringLiteral(from)}).default;`] : []),
      ]),
      text.trimEnd(),
      ...exported.map((name) => `exports.${name} = ${name};`),
      ...(defaultText !== undefined ? [`exports.default = ${defaultText};`] : []),
      // `export *` of each folder's module: its named exports, not its default.
      ...reexports.map(
        (from) =>
          `for (const [name, value] of Object.entries(require(${stringLiteral(from)}))) if (name !== "default") exports[name] = value;`,
      ),
    ],
  };
  return Object.fromEntries(
    DIST_FORMATS.map(({ format }) => [format, `${GENERATED_HEADER}\n${wrap[format]().join("\n")}\n`]),
  ) as Record<ModuleFormat, string>;
}

// -- Layout ------------------------------------------------------------------------------------

function namespaceTree(operations: OperationModel[]): Map<string, Namespace> {
  const tree = new Map<string, Namespace>();
  const typeNames = new Set<string>(RESERVED_IDENTIFIERS);
  for (const op of operations) for (const name of Object.values(operationNames(op.exportName))) typeNames.add(name);
  const ensure = (path: string[], folder: string[]): Namespace => {
    const key = path.join(".");
    let node = tree.get(key);
    if (!node) {
      // The whole path reads best (ClientUsersUserId); deep folders use the last name alone.
      const full = `Client${path.map(pascalCase).join("")}`;
      const type =
        path.length === 0
          ? "Client"
          : uniqueNames([full.length <= 60 ? full : `Client${pascalCase(path[path.length - 1]!)}`], typeNames)[0]!;
      typeNames.add(type);
      node = { path, folder, operations: [], children: [], type };
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
 * ASCII only, unique whatever the case (file systems that ignore it), never a device name.
 */
export function resourceFileNames(names: readonly string[]): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const kebab = name
      .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "");
    let base = kebab === "" ? "resource" : DEVICE_NAMES.test(kebab) ? `${kebab}-resource` : kebab;
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
    if (op.namespace.length === 0) for (const name of Object.values(operationNames(op.exportName))) taken.add(name);
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

// -- Root module -------------------------------------------------------------------------------

const SHAPES_FROM_ROOT = "./shapes.js";

function rootExports(context: Context): string[] {
  return [
    ...(context.shared.shapes.length ? [SHAPES_FROM_ROOT] : []),
    ...(context.checks ? ["./checks.js"] : []),
    ...context.resources.map((r) => `./resources/${r.file}.js`),
  ];
}

function rootStatements(
  context: Context,
  ops: OperationModel[],
  flavor: Flavor,
): { imports: Statement[]; body: Statement[] } {
  const { model, tree } = context;
  const types = (statements: Statement[]) => (flavor === "js" ? [] : statements);
  const hasOps = ops.length > 0;
  const environments = model.environments ?? [];
  // The options are typed with the environments' names, when there are any.
  const optionsType = ref("ClientOptions", [
    ref("Variables"),
    ...(environments.length ? [ref("EnvironmentName")] : []),
  ]);
  const withEnvironments = environments.length > 0 || (model.globalSecrets?.length ?? 0) > 0;
  const coreDefaults: ObjectMember[] = [
    { kind: "property", key: "baseUrl", value: id("defaultBaseUrl") },
    { kind: "property", key: "variables", value: id("defaultVariables") },
    // The environments' machinery comes with its import, only in packages that have environments
    // or the globals' secrets: other bundles leave it out.
    ...(withEnvironments
      ? [
          {
            kind: "property",
            key: "environments",
            value: {
              kind: "call",
              callee: id("environmentScopes"),
              args: [
                environments.length ? id("environments") : valueExpr({}),
                ...(model.globalSecrets?.length ? [valueExpr(model.globalSecrets)] : []),
              ],
            },
          } satisfies ObjectMember,
        ]
      : []),
  ];
  const runtime = runtimeImports({ ...model, operations: ops }).filter(({ from }) => from !== "./runtime/core.js");
  const imports: Statement[] = [
    ...(flavor !== "dts"
      ? runtime.map(({ names, from }): Statement => ({ kind: "import", from, names: names.map((name) => ({ name })) }))
      : []),
    ...(flavor !== "dts" && withEnvironments
      ? [
          {
            kind: "import",
            from: "./runtime/environments.js",
            names: [{ name: "environmentScopes" }],
          } satisfies Statement,
        ]
      : []),
    ...(flavor === "js"
      ? [{ kind: "import", from: "./runtime/core.js", names: [{ name: "createCore" }] } satisfies Statement]
      : [
          ...(hasOps
            ? [
                {
                  kind: "import",
                  typeOnly: true,
                  from: "./runtime/api-promise.js",
                  names: [{ name: "ApiPromise" }],
                } satisfies Statement,
              ]
            : []),
          flavor === "ts"
            ? ({
                kind: "import",
                from: "./runtime/core.js",
                names: [
                  { name: "createCore" },
                  ...["ClientOptions", "Core", ...(hasOps ? ["RequestOptions"] : [])].map((name) => ({
                    name,
                    typeOnly: true,
                  })),
                ],
              } satisfies Statement)
            : ({
                kind: "import",
                typeOnly: true,
                from: "./runtime/core.js",
                names: ["ClientOptions", "Core", ...(hasOps ? ["RequestOptions"] : [])].map((name) => ({ name })),
              } satisfies Statement),
          ...(hasOps
            ? [
                {
                  kind: "import",
                  typeOnly: true,
                  from: "./runtime/errors.js",
                  names: [{ name: "ApiError" }],
                } satisfies Statement,
              ]
            : []),
          {
            kind: "import",
            typeOnly: true,
            from: "./runtime/spec.js",
            names: [...(environments.length ? [{ name: "EnvironmentSpec" }] : []), { name: "OperationSpec" }],
          } satisfies Statement,
          ...shapesImport(context, ops, SHAPES_FROM_ROOT),
        ]),
    ...context.resources.map((resource): Statement => {
      const type = tree.get(resource.name)!.type;
      if (flavor === "js")
        return { kind: "import", from: `./resources/${resource.file}.js`, names: [], defaultName: resource.alias };
      if (flavor === "dts")
        return { kind: "import", typeOnly: true, from: `./resources/${resource.file}.js`, names: [{ name: type }] };
      return {
        kind: "import",
        from: `./resources/${resource.file}.js`,
        defaultName: resource.alias,
        names: [{ name: type, typeOnly: true }],
      };
    }),
  ];
  const rateLimits = [...new Set(model.operations.flatMap((op) => (op.rateLimit ? [op.rateLimit] : [])))];
  const specs: Array<Expr | { kind: "spread"; argument: Expr }> = [];
  for (const op of model.operations) {
    const resource = context.resources.find((r) => r.name === op.namespace[0]);
    if (!resource) specs.push(id(operationNames(op.exportName).spec));
    else if (resource.operations[0] === op)
      specs.push({ kind: "spread", argument: { kind: "member", object: id(resource.alias), property: "operations" } });
  }
  const body: Statement[] = [
    ...types([
      {
        kind: "interface",
        exported: true,
        name: "Variables",
        docs: "The collection's `{{variables}}` that requests refer to. Pass values with `createClient({ variables })`.",
        members: model.variables.map((v): TypeMember => ({
          kind: "property",
          key: v.name,
          type: ref("string"),
          docs: variableDoc(v) + environmentsDoc(v.name, environments, model.globalSecrets),
        })),
      },
      ...(rateLimits.length
        ? [
            {
              kind: "type",
              exported: true,
              name: "RateLimitLabel",
              docs: "The API's rate-limit labels, as its documentation gives them per operation (`rateLimit` in {@link operations}).",
              type:
                rateLimits.length === 1 ? literal(rateLimits[0]!) : { kind: "union", types: rateLimits.map(literal) },
            } satisfies Statement,
          ]
        : []),
    ]),
    constant(flavor, {
      name: "defaultVariables",
      type: ref("Readonly", [ref("Record", [ref("string"), ref("string")])]),
      init: valueExpr(
        Object.fromEntries(model.variables.flatMap((v) => (v.default !== undefined ? [[v.name, v.default]] : []))),
        true,
      ),
      docs: "The collection's own values of its variables.",
    }),
    constant(flavor, {
      name: "defaultBaseUrl",
      type: ref("string"),
      init: { kind: "string", value: model.baseUrl },
      docs: "The base URL most requests use, as the collection writes it; `{{variables}}` in it are filled in when sending.",
    }),
    ...(environments.length ? environmentStatements(environments, flavor) : []),
    ...ops.map((op): Statement => ({ kind: "lazy", statements: () => operationStatements(context, op, flavor) })),
    constant(flavor, {
      name: "operations",
      type: { kind: "operator", operator: "readonly", type: { kind: "array", element: ref("OperationSpec") } },
      // Reading the folders' modules is a side effect to a bundler, which would then keep every
      // operation in a bundle that uses createBaseClient: marked pure, it goes when unused.
      init:
        flavor === "js" && context.resources.length
          ? { kind: "pure", value: { kind: "array", elements: specs } }
          : { kind: "array", elements: specs },
      docs: "Every operation of the collection, in collection order: plain metadata for tools and docs.",
    }),
    ...types([namespaceInterface(context, tree.get("")!)]),
    ...types([
      {
        kind: "type",
        exported: true,
        name: "BaseClient",
        docs: "A client without methods: what the standalone operation functions take first.",
        type: ref("Core"),
      },
    ]),
    functionStatement(flavor, {
      name: "createBaseClient",
      docs: "A client without methods, for the standalone operation functions (`updateUserStatus(baseClient, args)`): a bundle then holds only the operations it imports.",
      params: [{ name: "options", type: optionsType, initializer: { kind: "object", properties: [] } }],
      returns: ref("BaseClient"),
      body: () => [
        {
          kind: "return",
          expression: {
            kind: "call",
            callee: id("createCore"),
            args: [id("options"), { kind: "object", properties: coreDefaults }],
          },
        },
      ],
    }),
    functionStatement(flavor, {
      name: "createClient",
      docs: `Creates a client with every operation as a method. Every option is optional; \`baseUrl\` defaults to {@link defaultBaseUrl}.${
        environments.length ? " `environment` takes one of {@link environments} over the collection's values." : ""
      }`,
      params: [{ name: "options", type: optionsType, initializer: { kind: "object", properties: [] } }],
      returns: ref("Client"),
      body: () => [
        {
          kind: "const",
          name: "baseClient",
          init: { kind: "call", callee: id("createBaseClient"), args: [id("options")] },
        },
        { kind: "return", tight: true, expression: namespaceObject(context, tree.get("")!) },
      ],
    }),
  ];
  return { imports, body };
}

/**
 * The Postman environments: their names as a type, and their values that are no secret as data
 * (the keys of their secrets too, for the client to ask for them by name).
 */
function environmentStatements(environments: EnvironmentModel[], flavor: Flavor): Statement[] {
  const names = environments.map((e) => literal(e.name));
  return [
    ...(flavor === "js"
      ? []
      : [
          {
            kind: "type",
            exported: true,
            name: "EnvironmentName",
            docs: "The names of the Postman environments the client can be made for: `createClient({ environment })`.",
            type: names.length === 1 ? names[0]! : { kind: "union", types: names },
          } satisfies Statement,
        ]),
    constant(flavor, {
      name: "environments",
      type: ref("Readonly", [ref("Record", [ref("EnvironmentName"), ref("EnvironmentSpec")])]),
      init: valueExpr(
        Object.fromEntries(environments.map((e) => [e.name, { values: e.values, secrets: e.secrets }])),
        true,
      ),
      docs: "The Postman environments, as plain data: each one's values that are no secret, and the keys of its secrets (which the client asks for in `variables`). Precedence, narrowest first: `variables` of the call, of the client, the chosen environment, the folders' and request's own values, the collection's.",
    }),
  ];
}

/** What the environments (and the globals' secrets) hold for a variable, for its JSDoc. */
function environmentsDoc(name: string, environments: EnvironmentModel[], globalSecrets: string[] | undefined): string {
  const own = (values: Record<string, string>) => Object.prototype.hasOwnProperty.call(values, name);
  const parts = environments.flatMap((e) => {
    if (e.secrets.includes(name)) return [`\`${docText(e.name)}\`: a secret, pass it in \`variables\``];
    return own(e.values) ? [`\`${docText(e.name)}\`: \`${docText(e.values[name]!)}\``] : [];
  });
  const lines = parts.length ? [`Environments: ${parts.join("; ")}.`] : [];
  if (globalSecrets?.includes(name)) lines.push("A secret of the globals: pass it in `variables`.");
  return lines.map((line) => `\n${line}`).join("");
}

function literal(value: string): TypeNode {
  return { kind: "literal", raw: stringLiteral(value) };
}

// -- Resource modules --------------------------------------------------------------------------

function resourceStatements(
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
      ? runtime.map(({ names, from }): Statement => ({ kind: "import", from, names: names.map((name) => ({ name })) }))
      : [
          ...(flavor === "ts"
            ? runtime.map(({ names, from }): Statement => ({
                kind: "import",
                from,
                names: names.map((name) => ({ name })),
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
                  names: [{ name: "RequestOptions" }],
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
            names: [{ name: "OperationSpec" }],
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
    elements: resource.operations.map((op) => id(operationNames(op.exportName).spec)),
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
    ...(flavor === "js" ? [] : subtree.map((n) => namespaceInterface(context, n))),
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

// -- Operations --------------------------------------------------------------------------------

function constant(flavor: Flavor, c: { name: string; type: TypeNode; init: Expr; docs: string }): Statement {
  if (flavor === "dts")
    return { kind: "const", exported: true, declare: true, name: c.name, type: c.type, docs: c.docs };
  if (flavor === "js") return { kind: "const", exported: true, name: c.name, init: c.init, docs: c.docs };
  return { kind: "const", exported: true, name: c.name, type: c.type, init: c.init, docs: c.docs };
}

/**
 * An exported constant holding data (an operation's metadata): laid out by values.ts, which gives
 * prettier's layout without documents, unless its first line is too long for that.
 */
function dataConstant(
  flavor: Flavor,
  options: PrintOptions,
  c: { name: string; type: TypeNode; value: object; docs: string },
): Statement {
  if (flavor === "ts") {
    const text = layoutDeclaration(`export const ${c.name}: ${typeText(c.type)} = `, c.value, options, 1);
    if (text !== undefined) return { kind: "raw", text, docs: c.docs };
  }
  return constant(flavor, { name: c.name, type: c.type, init: valueExpr(c.value, true), docs: c.docs });
}

function functionStatement(
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

function operationStatements(context: Context, op: OperationModel, flavor: Flavor): Statement[] {
  const names = operationNames(op.exportName);
  const successes = op.responses.filter((r) => isSuccess(r.status));
  const errors = op.responses.filter((r) => !isSuccess(r.status));
  const path = clientPath(op);
  // The metadata's type carries the success bodies (OperationSpec's "~types"), for what is typed by the operation.
  const specBase = ref("OperationSpec", [ref(names.responses)]);
  const specType: TypeNode = op.rateLimit
    ? {
        kind: "intersection",
        types: [
          specBase,
          {
            kind: "object",
            members: [{ kind: "property", key: "rateLimit", readonly: true, type: literal(op.rateLimit) }],
          },
        ],
      }
    : specBase;
  const spec = dataConstant(flavor, context.options, {
    name: names.spec,
    type: specType,
    value: operationSpec(op),
    docs: `The metadata of \`${path}\` (in {@link operations} too).`,
  });
  const { encoder, authorizer } = runtimeParts(op);
  const extra = authorizer ? [encoder ?? "undefined", authorizer] : encoder ? [encoder] : [];
  const call: Expr = {
    kind: "call",
    callee: { kind: "member", object: id("baseClient"), property: "call" },
    args: [names.spec, "args", "options", ...extra].map(id),
  };
  const result = ref("ApiPromise", [ref(names.result)]);
  const standalone = functionStatement(flavor, {
    name: op.exportName,
    docs: `\`${docText(op.method)} ${docText(op.path || "/")}\`: \`${path}\` as a function of a client from {@link createBaseClient}, for bundles that take only what they import.`,
    params: [
      { name: "baseClient", type: ref("BaseClient") },
      { name: "args", type: ref(names.args), ...(op.args.some((a) => a.required) ? {} : { optional: true }) },
      { name: "options", type: ref("RequestOptions", [ref("Variables")]), optional: true },
    ],
    returns: result,
    body: (f) => [{ kind: "return", expression: f === "js" ? call : { kind: "as", expression: call, type: result } }],
  });
  if (flavor === "js") return [spec, standalone];
  const standaloneTs =
    flavor === "ts"
      ? standaloneText(
          context.options,
          op.exportName,
          names,
          op.args.some((a) => a.required),
          extra,
        )
      : undefined;
  return [
    {
      kind: "interface",
      exported: true,
      name: names.args,
      docs: `Arguments of \`${path}\`: the collection's own keys.`,
      members: op.args.map((arg): TypeMember => ({
        kind: "property",
        key: arg.arg,
        ...(arg.required ? {} : { optional: true }),
        type: parseType(argType(arg, context.shared)),
        docs: argDoc(arg, op),
      })),
    },
    {
      kind: "interface",
      exported: true,
      name: names.responses,
      docs: `What \`${path}\` resolves with, by documented success status.`,
      members: successes.map((response): TypeMember => {
        const { type, inferredFrom } = successType(op, response, context.shared);
        const docs = [
          ...(response.description ? [docText(response.description)] : []),
          ...(inferredFrom !== undefined ? [inferredDoc(inferredFrom)] : []),
        ];
        return {
          kind: "property",
          key: String(response.status),
          numeric: true,
          type: parseType(type),
          ...(docs.length ? { docs: docs.join("\n") } : {}),
        };
      }),
    },
    {
      kind: "type",
      exported: true,
      name: names.result,
      type: successes.length
        ? {
            kind: "indexed",
            object: ref(names.responses),
            index: { kind: "operator", operator: "keyof", type: ref(names.responses) },
          }
        : ref("unknown"),
    },
    {
      kind: "type",
      exported: true,
      name: names.error,
      docs: `What \`${path}\` rejects with for a documented error status: \`ApiError<status, code>\`, whose \`description\` and \`codeDescription\` are the documented texts.`,
      type: parseType(errors.length ? errors.map(errorType).join(" | ") : "ApiError"),
    },
    spec,
    standaloneTs ? { kind: "raw", text: standaloneTs, docs: standalone.docs } : standalone,
  ];
}

/**
 * The standalone function's TypeScript as prettier lays it out, written straight: its parameter
 * types and return type are names that cannot break, so its signature is on one line or has one
 * parameter a line, and its call is on one line or has one argument a line. (What the documents
 * would give: the corpus and generated packages are checked against prettier.)
 */
export function standaloneText(
  options: PrintOptions,
  name: string,
  names: ReturnType<typeof operationNames>,
  argsRequired: boolean,
  extra: string[],
): string | undefined {
  if (options.useTabs) return undefined;
  const unit = " ".repeat(options.tabWidth);
  const params = [
    "baseClient: BaseClient",
    `args${argsRequired ? "" : "?"}: ${names.args}`,
    "options?: RequestOptions<Variables>",
  ];
  const result = `ApiPromise<${names.result}>`;
  const flatHead = `export function ${name}(${params.join(", ")}): ${result} {`;
  const head =
    stringWidth(flatHead) <= options.printWidth
      ? flatHead
      : `export function ${name}(\n${params.map((p) => `${unit}${p},`).join("\n")}\n): ${result} {`;
  const args = [names.spec, "args", "options", ...extra];
  const flatCall = `${unit}return baseClient.call(${args.join(", ")}) as ${result};`;
  const call =
    stringWidth(flatCall) <= options.printWidth
      ? flatCall
      : `${unit}return baseClient.call(\n${args.map((a) => `${unit}${unit}${a},`).join("\n")}\n${unit}) as ${result};`;
  return `${head}\n${call}\n}`;
}

// -- Namespaces --------------------------------------------------------------------------------

function namespaceInterface(context: Context, node: Namespace): Statement {
  const { tree, model } = context;
  const auth = context.sharedAuth ? ` Auth, the same for every operation: ${authText(model.operations[0]!.auth)}.` : "";
  return {
    kind: "interface",
    exported: true,
    name: node.type,
    docs: node.path.length
      ? namespaceDoc(node.folder)
      : `A client for ${docText(model.name)}: one method per request, in namespaces that follow the collection's folders.${auth}`,
    members: [
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
        const names = operationNames(op.exportName);
        return {
          kind: "method",
          key: op.name,
          // `new(…)` in an interface would be a construct signature, not a method.
          ...(op.name === "new" ? { quoted: true } : {}),
          docs: operationDoc(op, names, context.sharedAuth),
          params: [
            { name: "args", type: ref(names.args), ...(op.args.some((a) => a.required) ? {} : { optional: true }) },
            { name: "options", type: ref("RequestOptions", [ref("Variables")]), optional: true },
          ],
          returns: ref("ApiPromise", [ref(names.result)]),
        };
      }),
    ],
  };
}

/** The object `createClient` returns, or a folder's part of it: each method bound to the client. */
function namespaceObject(context: Context, node: Namespace): Expr {
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
