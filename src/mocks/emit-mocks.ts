// The mocks of an emitted package: its saved examples as a module (printed here, in each face, as
// the client's modules are), two entry modules (`./mocks` and `./mocks/msw`) and the mock machinery
// copied from this folder. The entries and the machinery are the same in every package, so they
// are transpiled and formatted when the generator is built, as the runtime is (compile.ts).
//
// The machinery (PACKAGE_MODULES) is copied into the package's src/mocks/, beside its src/runtime/,
// exactly where it sits here beside this repository's src/runtime/: its `../runtime/…` imports
// hold as they are. They are checked on the way (as testkit.ts re-points the testkit's, and for
// the same reason: a copied module that imported anything else of the generator's would break the
// package), so a new import of the generator's fails generation instead of the package.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { GENERATED_HEADER } from "../emit/client.js";
import { DIST_FORMATS, type ModuleFormat } from "../emit/layout.js";
import type { PrintOptions } from "../emit/printer/doc.js";
import { printFlatModule } from "../emit/printer/flat.js";
import { printModule, type Statement, type TypeNode } from "../emit/printer/typescript.js";
import type { ApiModel, Warning } from "../model/types.js";
import { PACKAGE_ROOT } from "../paths.js";
import { mockExamples } from "./mock-data.js";

/** The modules of this folder that every package gets, in its src/mocks/. */
export const PACKAGE_MODULES: readonly string[] = [
  "types.ts",
  "routes.ts",
  "select.ts",
  "graphql-asks.ts",
  "tell-apart.ts",
  "mock.ts",
  "mock-fetch.ts",
  "msw-handlers.ts",
];

/** Where the package's mocks live. */
export const MOCKS_DIR = "src/mocks";

/** The package's subpath exports for the mocks, each with its entry module. */
export const MOCK_ENTRIES = { "./mocks": `${MOCKS_DIR}/index.ts`, "./mocks/msw": `${MOCKS_DIR}/msw.ts` } as const;

/**
 * The mocks' modules that import `msw`, an optional peer dependency of the package: the
 * `./mocks/msw` entry alone (the machinery takes the msw it is given).
 */
export const MSW_SOURCES: readonly string[] = [MOCK_ENTRIES["./mocks/msw"]];

/** The module that holds the collection's examples: the only part of the mocks that differs between packages. */
export const EXAMPLES_MODULE = `${MOCKS_DIR}/examples.ts`;

const ENTRY_TEXTS: Record<(typeof MOCK_ENTRIES)[keyof typeof MOCK_ENTRIES], string> = {
  [MOCK_ENTRIES["./mocks"]]: `${GENERATED_HEADER}
// Mocks that answer from the collection's saved examples, by the rules of Postman's mock servers.
import { defaultBaseUrl, defaultVariables, operations, type createClient, type Variables } from "../index.js";
import { collectionName, environments, examples, requests } from "./examples.js";
import { createMockFetch as createMockFetchFor, type MockFetch } from "./mock-fetch.js";
import { createMockHandlers as createMockHandlersFor, type MockHandlers, type Msw } from "./msw-handlers.js";
import type { MockApi, MockOptions } from "./types.js";

/** The API as its mocks see it: the client's operations and defaults, and the saved examples. */
export const mockApi: MockApi = {
  name: collectionName,
  baseUrl: defaultBaseUrl,
  variables: defaultVariables,
  operations,
  examples,
  requests,
  environments,
};

/** The names of the environments the client can be made for (\`createClient({ environment })\`), if any. */
type EnvironmentName = NonNullable<NonNullable<Parameters<typeof createClient>[0]>["environment"]>;

/**
 * A \`fetch\` that answers every operation from its saved examples, for \`createClient({ fetch })\`.
 * Give it the client's \`baseUrl\`, \`baseUrls\` and \`variables\` when the client has its own, and
 * the \`environment\` it is made for, as \`createClient\` takes it (\`"staging"\`).
 */
export function createMockFetch(options: MockOptions<Variables, EnvironmentName> = {}): MockFetch {
  return createMockFetchFor(mockApi, options);
}

/**
 * MSW handlers, one per operation, made with the app's own msw (2 or 3), with overrides and recorded
 * calls: \`import * as msw from "msw"\`, then \`setupServer(...createMockHandlers(msw).handlers)\`
 * (or \`setupWorker\`). Made with the msw given, they work however the package is installed, a
 * link (\`npm install ../client\`, a workspace) included, and they are that msw's own handlers.
 */
export function createMockHandlers<Handler>(
  msw: Msw<Handler>,
  options: MockOptions<Variables, EnvironmentName> = {},
): MockHandlers<Handler> {
  return createMockHandlersFor(msw, mockApi, options);
}

export type { MockFetch } from "./mock-fetch.js";
export type { MockHandlers, Msw } from "./msw-handlers.js";
export type {
  MockApi,
  MockCall,
  MockControls,
  MockExample,
  MockOperationRequest,
  MockOptions,
  MockOverride,
  MockRequestFact,
} from "./types.js";
`,
  [MOCK_ENTRIES["./mocks/msw"]]: `${GENERATED_HEADER}
// MSW handlers that answer from the collection's saved examples, made with the msw this package
// resolves (an optional peer dependency). Node looks for it from the package's real folder: an app
// that links the package (\`npm install ../client\`, a workspace) passes its own msw to the
// \`./mocks\` entry's \`createMockHandlers(msw)\` instead.
import * as msw from "msw";
import type { HttpHandler } from "msw";
import { createMockHandlers as createMockHandlersWith, type MockHandlers as MockHandlersOf } from "./index.js";

/** MSW handlers, one per operation, with overrides and recorded calls: \`setupServer(...mock.handlers)\`. */
export function createMockHandlers(options: Parameters<typeof createMockHandlersWith>[1] = {}): MockHandlers {
  return createMockHandlersWith(msw, options);
}

/** One MSW handler per operation, answering from the saved examples: \`setupServer(...handlers)\`, \`setupWorker(...handlers)\`. */
export const handlers: HttpHandler[] = createMockHandlers().handlers;

/** The handlers and the mock's controls, msw's own \`HttpHandler\`s. */
export type MockHandlers = MockHandlersOf<HttpHandler>;
`,
};

/** The examples module in each face: its source, its declarations and its JavaScript per module format. */
export interface EmittedMockData {
  path: string;
  ts: string;
  dts: string;
  js: Record<ModuleFormat, string>;
  warnings: Warning[];
}

/** The package-specific module of the mocks: the collection's saved examples, as plain data. */
export function emitMockData(model: ApiModel, options: PrintOptions): EmittedMockData {
  const { examples, requests, warnings } = mockExamples(model);
  const values = [
    {
      name: "collectionName",
      type: { kind: "name", name: "string" } as TypeNode,
      value: model.name as unknown,
      docs: "The collection's name, for the mocks' messages.",
    },
    {
      name: "examples",
      type: {
        kind: "operator",
        operator: "readonly",
        type: { kind: "array", element: { kind: "name", name: "MockOperationExamples" } },
      } as TypeNode,
      value: examples as unknown,
      docs: "The saved example responses of each operation that has some, in collection order, as saved.",
    },
    {
      name: "requests",
      type: {
        kind: "operator",
        operator: "readonly",
        type: { kind: "array", element: { kind: "name", name: "MockOperationRequest" } },
      } as TypeNode,
      value: requests as unknown,
      docs: "What the requests of operations that may share a method and path send, for the mocks to tell apart those that share one (the mocks answer with the one a request is most like).",
    },
  ];
  // The client's environments, which the mocks' `environment` option names as createClient's does:
  // the client module's own export where it has one (not the data again), else none.
  const withEnvironments = (model.environments?.length ?? 0) > 0;
  if (!withEnvironments)
    values.push({
      name: "environments",
      type: {
        kind: "name",
        name: "Readonly",
        args: [
          {
            kind: "name",
            name: "Record",
            args: [
              { kind: "name", name: "string" },
              { kind: "name", name: "EnvironmentSpec" },
            ],
          },
        ],
      } as TypeNode,
      value: {},
      docs: "The client's Postman environments: none.",
    });
  const header: Statement = { kind: "raw", text: GENERATED_HEADER };
  const imports: Statement[] = [
    {
      kind: "import",
      typeOnly: true,
      from: "./types.js",
      names: [{ name: "MockOperationExamples" }, { name: "MockOperationRequest" }],
      tight: true,
    },
    ...(withEnvironments
      ? []
      : [
          {
            kind: "import",
            typeOnly: true,
            from: "../runtime/spec.js",
            names: [{ name: "EnvironmentSpec" }],
            tight: true,
          } satisfies Statement,
        ]),
  ];
  const reexport: Statement[] = withEnvironments
    ? [{ kind: "exportNamed", from: "../index.js", names: ["environments"] }]
    : [];
  const ts = printModule(
    [
      header,
      ...imports,
      ...reexport,
      ...values.map((v): Statement => ({
        kind: "const",
        exported: true,
        name: v.name,
        type: v.type,
        init: { kind: "value", value: v.value },
        docs: v.docs,
      })),
    ],
    options,
  );
  const dts = printFlatModule([
    header,
    ...imports,
    ...reexport,
    ...values.map((v): Statement => ({
      kind: "const",
      exported: true,
      declare: true,
      name: v.name,
      type: v.type,
      docs: v.docs,
    })),
  ]);
  const body = printFlatModule(
    values.map((v): Statement => ({ kind: "const", name: v.name, init: { kind: "value", value: v.value } })),
  ).trimEnd();
  const names = values.map((v) => v.name);
  const wrap: Record<ModuleFormat, string> = {
    esm: `${withEnvironments ? 'export { environments } from "../index.js";\n' : ""}${body}\nexport { ${names.join(", ")} };`,
    cjs: `"use strict";\n${body}\n${names.map((name) => `exports.${name} = ${name};`).join("\n")}${withEnvironments ? '\nexports.environments = require("../index.js").environments;' : ""}`,
  };
  const js = Object.fromEntries(
    DIST_FORMATS.map(({ format }) => [format, `${GENERATED_HEADER}\n${wrap[format]}\n`]),
  ) as Record<ModuleFormat, string>;
  return { path: EXAMPLES_MODULE, ts, dts, js, warnings };
}

/** The mocks' modules that are the same in every package: the machinery, read from this folder, and the entries. */
export function mockSources(): Array<[string, string]> {
  const dir = join(PACKAGE_ROOT, "src/mocks");
  return [
    ...PACKAGE_MODULES.map((name): [string, string] => [
      `${MOCKS_DIR}/${name}`,
      checkImports(name, readFileSync(join(dir, name), "utf8")),
    ]),
    ...Object.entries(ENTRY_TEXTS),
  ];
}

/**
 * A copied module may import its siblings and the runtime: nothing else exists in a package (not
 * `msw`, an optional peer dependency, which the machinery is given).
 */
export function checkImports(name: string, text: string): string {
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g)) {
    const from = match[1]!;
    const sibling = /^\.\/([a-z-]+)\.js$/.exec(from);
    const ok =
      (sibling !== null && PACKAGE_MODULES.includes(`${sibling[1]}.ts`)) ||
      /^\.\.\/runtime\/[a-z0-9-]+\.js$/.test(from);
    if (!ok)
      throw new Error(
        `src/mocks/${name} imports ${JSON.stringify(from)}, which an emitted package does not have (see PACKAGE_MODULES in src/mocks/emit-mocks.ts)`,
      );
  }
  return text;
}
