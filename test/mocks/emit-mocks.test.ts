// The mocks as a package holds them: the examples module (every collection value through the
// literal rules, so nothing a collection says runs), the entry modules, the copied machinery (its
// imports checked); and the seed package as the generator writes it, mocks included, type-checked
// as the package is, its `./mocks` and `./mocks/msw` subpaths resolved by Node through its
// package.json, and run from ES modules and CommonJS.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRINT_DEFAULTS } from "../../src/emit/printer/doc.js";
import { emitTarget } from "../../src/generate.js";
import { loadCollection } from "../../src/load/collection.js";
import { checkImports, emitMockData, MOCK_ENTRIES, mockSources, PACKAGE_MODULES } from "../../src/mocks/emit-mocks.js";
import { mockExamples } from "../../src/mocks/mock-data.js";
import type { MockFetch } from "../../src/mocks/mock-fetch.js";
import type { MockHandlers } from "../../src/mocks/msw-handlers.js";
import type { ApiModel, OperationModel } from "../../src/model/types.js";
import { writePackage } from "../../src/write/write-package.js";
import { HOSTILE_STRINGS } from "../helpers/hostile-strings.js";
import { FIXTURES, ROOT, SEED_COLLECTION } from "../helpers/seed.js";
import { configTypeErrors } from "../helpers/type-check.js";

const emitMocks = (model: ApiModel) => emitMockData(model, PRINT_DEFAULTS);

/** A statement that loads msw (its types included), in ES modules or CommonJS; not a comment's example. */
const LOADS_MSW =
  /^\s*(?:import|export)\b[^;'"`]*\bfrom\s*["']msw["']|\brequire\(\s*["']msw["']\s*\)|\bimport\(\s*["']msw["']\s*\)/m;

/** The examples module run as JavaScript (its only import is a type). */
async function runExamplesModule(text: string): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(text, {
    compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  expect(js).not.toMatch(/\bimport\b/);
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Record<string, unknown>;
}

const HOSTILE = HOSTILE_STRINGS;

function hostileModel(): ApiModel {
  const op: OperationModel = {
    name: "get",
    namespace: ["__proto__"],
    exportName: "get",
    item: HOSTILE[0]!,
    folder: ["__proto__"],
    method: "GET",
    path: "/x",
    args: [],
    auth: { type: "none" },
    responses: [
      {
        status: 200,
        errorCodes: [],
        examples: HOSTILE.map((text, i) => ({
          name: text,
          id: text,
          body: text,
          headers: [["X-Note", "ok"] as [string, string]],
          request: {
            query: [[text, text] as [string, string]],
            body: { mode: "form" as const, fields: [[text, text] as [string, string]] },
          },
          source: `item[0].response[${i}]`,
        })),
      },
    ],
    scripts: [],
    source: "item[0]",
  };
  return { name: HOSTILE.join(" "), baseUrl: "https://x.test", variables: [], operations: [op], warnings: [] };
}

describe("the examples module", () => {
  it("holds every example as saved, the collection's strings as plain data: nothing in them runs", async () => {
    const model = hostileModel();
    const { path, ts: text } = emitMocks(model);
    expect(path).toBe("src/mocks/examples.ts");
    const module = await runExamplesModule(text);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(module["collectionName"]).toBe(model.name);
    expect(module["examples"]).toEqual(mockExamples(model).examples);
    const [entry] = module["examples"] as Array<{
      operation: string[];
      examples: Array<{ name: string; body: string }>;
    }>;
    expect(entry!.operation).toEqual(["__proto__", "get"]);
    expect(entry!.examples.map((e) => e.name)).toEqual(HOSTILE);
    expect(entry!.examples.map((e) => e.body)).toEqual(HOSTILE);
  });

  it("is the same text for the same collection", async () => {
    const model = await loadCollection(SEED_COLLECTION);
    expect(emitMocks(model)).toEqual(emitMocks(await loadCollection(SEED_COLLECTION)));
  });

  it("holds the breakout fixture's examples with no canary firing", async () => {
    const model = await loadCollection(`${FIXTURES}hostile/breakouts.postman_collection.json`);
    const module = await runExamplesModule(emitMocks(model).ts);
    // The fixture's strings set this global if they ever run.
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(JSON.stringify(module["examples"])).toContain("globalThis.__pwned");
    expect(module["examples"]).toEqual(mockExamples(model).examples);
  });
});

describe("the copied machinery", () => {
  it("is every module the package needs, read from src/mocks, and the entries", () => {
    const sources = mockSources();
    expect(sources.map(([path]) => path)).toEqual([
      ...PACKAGE_MODULES.map((name) => `src/mocks/${name}`),
      ...Object.values(MOCK_ENTRIES),
    ]);
  });

  it("may import its siblings and the runtime, and nothing else (msw neither: it is given msw)", () => {
    expect(() =>
      checkImports("mock.ts", 'import { a } from "./routes.js";\nimport type { B } from "../runtime/spec.js";'),
    ).not.toThrow();
    expect(() => checkImports("mock.ts", 'import { operationSpec } from "../emit/client.js";')).toThrow(
      /src\/mocks\/mock.ts imports "..\/emit\/client.js", which an emitted package does not have/,
    );
    expect(() => checkImports("mock.ts", 'import { mockApi } from "./mock-data.js";')).toThrow(
      /imports ".\/mock-data.js"/,
    );
    expect(() => checkImports("mock.ts", 'import { http } from "msw";')).toThrow(/imports "msw"/);
    expect(() => checkImports("msw-handlers.ts", 'import { http } from "msw";')).toThrow(/imports "msw"/);
    expect(() => checkImports("select.ts", 'export { x } from "node:fs";')).toThrow(/imports "node:fs"/);
  });
});

describe("the mocks in the seed package as the generator writes it", () => {
  let dir: string;
  let files: Map<string, string>;

  beforeAll(async () => {
    // The package as `generate` writes it; node_modules linked so that msw (an optional peer
    // dependency) resolves as in an app that installs it, and the package itself by its name.
    dir = mkdtempSync(join(tmpdir(), "postman-codegen-mocks-"));
    const out = join(dir, "node_modules/zoom-update-user-status");
    files = (await emitTarget({ collection: SEED_COLLECTION, out, name: "zoom-update-user-status" })).files;
    await writePackage(out, files);
    for (const name of ["msw", "typescript"])
      symlinkSync(join(ROOT, "node_modules", name), join(dir, "node_modules", name), "dir");
    // How an app uses them, type-checked against the package's declarations, resolved by its exports.
    mkdirSync(join(dir, "app"));
    writeFileSync(
      join(dir, "app/usage.ts"),
      `import { createClient, updateUserStatusOperation, type ClientOptions } from "zoom-update-user-status";
import * as mswModule from "msw";
import type { HttpHandler } from "msw";
import { createMockFetch, createMockHandlers as createMockHandlersWith } from "zoom-update-user-status/mocks";
import { createMockHandlers, handlers } from "zoom-update-user-status/mocks/msw";
const mock = createMockFetch({ baseUrl: "http://localhost:4010", variables: { baseUrl: "x" } });
const options: ClientOptions = { fetch: mock };
createClient({ ...options, token: "t" });
mock.use(updateUserStatusOperation, { status: 404, body: { code: 1001 } }).once(updateUserStatusOperation, { delay: 10 });
// The operation's metadata carries its success bodies: a 200 answers text (or nothing), a 204 nothing.
mock.use(updateUserStatusOperation, { status: 200, body: "ok" });
// @ts-expect-error a 200 body is a string or undefined
mock.use(updateUserStatusOperation, { status: 200, body: { ok: true } });
// @ts-expect-error not a variable of the collection
createMockFetch({ variables: { nope: "x" } });
const msw = createMockHandlers().use(updateUserStatusOperation, { status: 503 });
// The ./mocks entry's handlers, made with the app's msw, are its HttpHandlers.
const withApps: HttpHandler[] = createMockHandlersWith(mswModule, { baseUrl: "http://localhost:4010" }).handlers;
// @ts-expect-error msw comes first
createMockHandlersWith({ baseUrl: "http://localhost:4010" });
export const all = [...handlers, ...msw.handlers, ...withApps, mock.calls.length];
`,
    );
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "app", type: "module" }));
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2022", "DOM"],
          types: [],
        },
        include: ["app"],
      }),
    );
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("type-checks as the package is checked (strict, ES2022 and DOM only, no Node types), and as an app reads it", () => {
    // In this process, as tsc -p would check each (noEmit), with the lib files and msw's declarations
    // parsed once for the run (test/helpers/type-check.ts) rather than by two tsc processes.
    expect(configTypeErrors(join(dir, "node_modules/zoom-update-user-status/tsconfig.json"))).toEqual([]);
    expect(configTypeErrors(join(dir, "tsconfig.json"))).toEqual([]);
  }, 60_000);

  it("exports ./mocks and ./mocks/msw in both formats, and folders for resolvers that read no exports", () => {
    const pkg = JSON.parse(files.get("package.json")!) as {
      exports: Record<string, unknown>;
      files: string[];
      peerDependenciesMeta: Record<string, unknown>;
    };
    expect(Object.keys(pkg.exports)).toEqual([".", ...Object.keys(MOCK_ENTRIES)]);
    expect(pkg.files).toContain("mocks");
    expect(pkg.peerDependenciesMeta).toEqual({ msw: { optional: true } });
    expect(JSON.parse(files.get("mocks/package.json")!)).toEqual({
      main: "../dist/cjs/mocks/index.js",
      types: "../dist/cjs/mocks/index.d.ts",
    });
    expect(JSON.parse(files.get("mocks/msw/package.json")!)).toEqual({
      main: "../../dist/cjs/mocks/msw.js",
      types: "../../dist/cjs/mocks/msw.d.ts",
    });
  });

  it("compiles to both formats with declarations", () => {
    for (const entry of Object.values(MOCK_ENTRIES)) {
      const base = entry.replace(/^src\//, "").replace(/\.ts$/, "");
      for (const file of [`dist/${base}.js`, `dist/${base}.d.ts`, `dist/cjs/${base}.js`, `dist/cjs/${base}.d.ts`])
        expect(files.has(file), file).toBe(true);
    }
    expect(files.get("dist/cjs/mocks/index.js")).toContain('require("../index.js")');
    expect(files.get("dist/mocks/index.js")).not.toMatch(LOADS_MSW);
  });

  // Imported and required by the package's name from an app's folder: Node resolves the subpaths by the exports map.
  const appImport = async <T>(specifier: string): Promise<T> => {
    const resolved = execFileSync(
      process.execPath,
      ["--input-type=module", "-e", `console.log(import.meta.resolve(${JSON.stringify(specifier)}))`],
      { cwd: dir, encoding: "utf8" },
    ).trim();
    return (await import(resolved)) as T;
  };

  it("answers the client from the ./mocks entry, imported as an ES module", async () => {
    const client =
      await appImport<typeof import("../../generated/zoom-update-user-status/dist/index.js")>(
        "zoom-update-user-status",
      );
    const mocks = await appImport<{ createMockFetch: (options?: object) => MockFetch }>(
      "zoom-update-user-status/mocks",
    );
    const mock = mocks.createMockFetch();
    mock.use(client.updateUserStatusOperation, { status: 404, body: { code: 1001, message: "no" } });
    const error = await client
      .createClient({ token: "t", fetch: mock })
      .updateUserStatus({ userId: "me", action: "activate" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 1001, codeDescription: "User does not exist: $userId." });
  });

  it("answers the client from the ./mocks entry, required as CommonJS, and gives MSW handlers from ./mocks/msw in both formats", async () => {
    const require = createRequire(join(dir, "app/usage.cjs"));
    expect(require.resolve("zoom-update-user-status/mocks")).toBe(
      join(dir, "node_modules/zoom-update-user-status/dist/cjs/mocks/index.js"),
    );
    const client =
      require("zoom-update-user-status") as typeof import("../../generated/zoom-update-user-status/dist/index.js");
    const mocks = require("zoom-update-user-status/mocks") as { createMockFetch: (options?: object) => MockFetch };
    const mock = mocks.createMockFetch({ baseUrl: "http://127.0.0.1:9/v2" });
    await client
      .createClient({ baseUrl: "http://127.0.0.1:9/v2", token: "t", fetch: mock })
      .updateUserStatus({ userId: "me", action: "activate" });
    expect(mock.calls.map((c) => [c.status, c.example])).toEqual([[200, "Untitled Example"]]);
    const cjsMsw = require("zoom-update-user-status/mocks/msw") as {
      handlers: unknown[];
      createMockHandlers: () => MockHandlers;
    };
    expect(cjsMsw.handlers).toHaveLength(1);
    const esmMsw = await appImport<{ handlers: unknown[]; createMockHandlers: () => MockHandlers }>(
      "zoom-update-user-status/mocks/msw",
    );
    expect(esmMsw.createMockHandlers().handlers).toHaveLength(1);
  });

  it("keeps msw out of every module but the ./mocks/msw entry, in both formats", () => {
    const entries = ["dist/mocks/msw.js", "dist/cjs/mocks/msw.js"];
    for (const [path, text] of files)
      if (path.startsWith("dist/") && path.endsWith(".js") && !entries.includes(path))
        expect(text, path).not.toMatch(LOADS_MSW);
    for (const entry of entries) expect(files.get(entry), entry).toMatch(LOADS_MSW);
    for (const dts of ["dist/mocks/index.d.ts", "dist/cjs/mocks/index.d.ts", "dist/mocks/msw-handlers.d.ts"])
      expect(files.get(dts), dts).not.toMatch(LOADS_MSW);
  });
});
