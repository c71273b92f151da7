// The mocks of an emitted package: its saved examples as a module, its two entry modules (`./mocks`
// and `./mocks/msw`), and the mock machinery copied from this folder.
//
// The machinery (PACKAGE_MODULES) is copied into the package's src/mocks/, beside its src/runtime/,
// exactly where it sits here beside this repository's src/runtime/: its `../runtime/…` imports
// hold as they are. They are checked on the way (as testkit.ts re-points the testkit's, and for
// the same reason: a copied module that imported anything else of the generator's would break the
// package), so a new import of the generator's fails generation instead of the package.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { GENERATED_HEADER } from "../emit/client.js";
import { jsonLiteral, stringLiteral } from "../emit/literals.js";
import type { ApiModel, Warning } from "../model/types.js";
import { PACKAGE_ROOT } from "../paths.js";
import { mockExamples } from "./mock-data.js";

/** The modules of this folder that every package gets, in its src/mocks/. */
export const PACKAGE_MODULES: readonly string[] = ["types.ts", "routes.ts", "select.ts", "mock.ts", "mock-fetch.ts", "msw-handlers.ts"];

/** The only module that may import `msw` (the `./mocks/msw` entry's machinery). */
const MSW_MODULE = "msw-handlers.ts";

/** Where the package's mocks live, and its entry modules (for the exports map). */
export const MOCKS_DIR = "src/mocks";
export const MOCK_ENTRIES = { mocks: `${MOCKS_DIR}/index.ts`, msw: `${MOCKS_DIR}/msw.ts` } as const;

export interface EmittedMocks {
  /** Package path → TypeScript source: the examples module and the two entries. */
  files: Array<[string, string]>;
  warnings: Warning[];
}

/** The package-specific modules of the mocks (the copied machinery is `mockSources`). */
export function emitMocks(model: ApiModel): EmittedMocks {
  const { examples, warnings } = mockExamples(model);
  const data = `${GENERATED_HEADER}
import type { MockOperationExamples } from "./types.js";

/** The collection's name, for the mocks' messages. */
export const collectionName: string = ${stringLiteral(model.name)};

/** The saved example responses of each operation that has some, in collection order, as saved. */
export const examples: readonly MockOperationExamples[] = ${jsonLiteral(examples)};
`;
  const entry = `${GENERATED_HEADER}
// Mocks that answer from the collection's saved examples, by the rules of Postman's mock servers.
import { defaultBaseUrl, defaultVariables, operations, type Variables } from "../index.js";
import { collectionName, examples } from "./examples.js";
import { createMockFetch as createMockFetchFor, type MockFetch } from "./mock-fetch.js";
import type { MockApi, MockOptions } from "./types.js";

/** The API as its mocks see it: the client's operations and defaults, and the saved examples. */
export const mockApi: MockApi = { name: collectionName, baseUrl: defaultBaseUrl, variables: defaultVariables, operations, examples };

/**
 * A \`fetch\` that answers every operation from its saved examples, for \`createClient({ fetch })\`.
 * Give it the client's \`baseUrl\`, \`baseUrls\` and \`variables\` when the client has its own.
 */
export function createMockFetch(options: MockOptions<Variables> = {}): MockFetch {
  return createMockFetchFor(mockApi, options);
}

export type { MockFetch } from "./mock-fetch.js";
export type { MockApi, MockCall, MockControls, MockExample, MockOptions, MockOverride, OperationTypes } from "./types.js";
`;
  const msw = `${GENERATED_HEADER}
// MSW handlers that answer from the collection's saved examples (msw 2.x, an optional peer dependency).
import type { HttpHandler } from "msw";
import type { Variables } from "../index.js";
import { mockApi } from "./index.js";
import { createMockHandlers as createMockHandlersFor, type MockHandlers } from "./msw-handlers.js";
import type { MockOptions } from "./types.js";

/** MSW handlers, one per operation, with overrides and recorded calls: \`setupServer(...mock.handlers)\`. */
export function createMockHandlers(options: MockOptions<Variables> = {}): MockHandlers {
  return createMockHandlersFor(mockApi, options);
}

/** One MSW handler per operation, answering from the saved examples: \`setupServer(...handlers)\`, \`setupWorker(...handlers)\`. */
export const handlers: HttpHandler[] = createMockHandlers().handlers;

export type { MockHandlers } from "./msw-handlers.js";
`;
  return {
    files: [
      [`${MOCKS_DIR}/examples.ts`, data],
      [MOCK_ENTRIES.mocks, entry],
      [MOCK_ENTRIES.msw, msw],
    ],
    warnings,
  };
}

/** The machinery, read from this folder, for the package's src/mocks/. */
export async function mockSources(): Promise<Array<[string, string]>> {
  const dir = join(PACKAGE_ROOT, "src/mocks");
  return Promise.all(PACKAGE_MODULES.map(async (name): Promise<[string, string]> => [`${MOCKS_DIR}/${name}`, checkImports(name, await readFile(join(dir, name), "utf8"))]));
}

/** A copied module may import its siblings, the runtime, and (one of them) `msw`: nothing else exists in a package. */
export function checkImports(name: string, text: string): string {
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/g)) {
    const from = match[1]!;
    const sibling = /^\.\/([a-z-]+)\.js$/.exec(from);
    const ok =
      (sibling !== null && PACKAGE_MODULES.includes(`${sibling[1]}.ts`)) || /^\.\.\/runtime\/[a-z0-9-]+\.js$/.test(from) || (from === "msw" && name === MSW_MODULE);
    if (!ok) throw new Error(`src/mocks/${name} imports ${JSON.stringify(from)}, which an emitted package does not have (see PACKAGE_MODULES in src/mocks/emit-mocks.ts)`);
  }
  return text;
}
