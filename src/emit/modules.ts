// The client of an emitted package as modules: `src/client.ts` (the client, its options and the
// operations at the collection's root) and one `src/resources/<name>.ts` per top-level folder
// (each operation's types, metadata and standalone function, and the folder's namespaces), as
// editors, diffs and bundlers like them: a change to one folder changes one module. Each module is
// one syntax tree per face (TypeScript, declarations, JavaScript), printed as prettier prints it
// (printer/typescript.ts), so nothing here needs a formatting pass.
//
// The parts are in modules/: layout.ts (what every module reads), root.ts and resource.ts (the
// root and folder modules), operations.ts, namespaces.ts, shared.ts (the shapes' and checks'
// modules), statements.ts (a statement in each face) and javascript.ts (the module formats).
import { GENERATED_HEADER } from "./client.js";
import type { ModuleFormat } from "./layout.js";
import { javascript } from "./modules/javascript.js";
import { layoutOf, sharedOf } from "./modules/layout.js";
import { resourceStatements } from "./modules/resource.js";
import { rootExports, rootStatements } from "./modules/root.js";
import {
  CHECKS_MODULE,
  checksStatements,
  SHAPES_FROM_ROOT,
  SHAPES_MODULE,
  shapesExports,
  shapesStatements,
} from "./modules/shared.js";
import type { Flavor } from "./modules/statements.js";
import { PRINT_DEFAULTS, type PrintOptions } from "./printer/doc.js";
import { printFlatModule } from "./printer/flat.js";
import { printModule, type Expr, type Statement } from "./printer/typescript.js";
import type { ApiModel, OperationModel } from "../model/types.js";

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

/**
 * Every module of the client. Operations at the collection's root stay in `src/client.ts`; each
 * top-level folder gets `src/resources/<name>.ts`, in the order of the collection.
 */
export function emitModules(
  model: ApiModel,
  options: PrintOptions = PRINT_DEFAULTS,
  packageName?: string,
): EmittedModule[] {
  const { context, root } = layoutOf(model, options, packageName);
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
    ...(shapesExports(context).length
      ? [
          {
            ...emitModule(SHAPES_MODULE, (flavor) => shapesStatements(context, flavor), undefined, options),
            operations: [],
          },
        ]
      : []),
    ...(context.checks
      ? [
          {
            ...emitModule(CHECKS_MODULE, (flavor) => checksStatements(context.checks!, flavor), undefined, options),
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

/**
 * The names the root module re-exports from the shapes' and checks' modules (`Text`, `Owner`, …,
 * `responseChecks`), for the API diff's record of the package's exports.
 */
export function sharedExports(model: ApiModel): string[] {
  const types = sharedOf(model);
  return [...shapesExports(types), ...(types.checks ? ["responseChecks"] : [])];
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
