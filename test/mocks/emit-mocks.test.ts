// The mocks as a package will hold them: the examples module (every collection value through the
// literal rules, so nothing a collection says runs), the entry modules, the copied machinery (its
// imports checked); and all of it built beside the seed package's own sources, type-checked as the
// package is, compiled by the generator's compiler, and run from ES modules and CommonJS.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { ts } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { operationIdentifiers, RESERVED_IDENTIFIERS } from "../../src/emit/client.js";
import { compile, COMPILER_OPTIONS } from "../../src/emit/compile.js";
import { formatMarkers } from "../../src/emit/layout.js";
import { loadCollection } from "../../src/load/collection.js";
import { checkImports, emitMocks, MOCK_ENTRIES, mockSources, PACKAGE_MODULES } from "../../src/mocks/emit-mocks.js";
import { mockExamples } from "../../src/mocks/mock-data.js";
import type { MockFetch } from "../../src/mocks/mock-fetch.js";
import type { MockHandlers } from "../../src/mocks/msw-handlers.js";
import type { ApiModel, OperationModel } from "../../src/model/types.js";
import { FIXTURES, ROOT, SEED_COLLECTION } from "../helpers/seed.js";

/** The examples module run as JavaScript (its only import is a type). */
async function runExamplesModule(text: string): Promise<Record<string, unknown>> {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
  expect(js).not.toMatch(/\bimport\b/);
  return (await import(`data:text/javascript;base64,${Buffer.from(js).toString("base64")}`)) as Record<string, unknown>;
}

const HOSTILE = [
  '*/ globalThis.pwned = 1; /*',
  '"; globalThis.pwned = 1; "',
  "`${globalThis.pwned = 1}`",
  "</script><script>globalThis.pwned = 1</script>",
  "line\u2028separator\u2029paragraph",
  'ends in a backslash\\',
  'backslash before a quote \\" /* then a comment opener',
  "lone surrogate \ud800 here",
  "__proto__",
];

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
          request: { query: [[text, text] as [string, string]], body: { mode: "form" as const, fields: [[text, text] as [string, string]] } },
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
    const [[path, text]] = emitMocks(model).files as [[string, string]];
    expect(path).toBe("src/mocks/examples.ts");
    const module = await runExamplesModule(text);
    expect((globalThis as { pwned?: unknown }).pwned).toBeUndefined();
    expect(module["collectionName"]).toBe(model.name);
    expect(module["examples"]).toEqual(mockExamples(model).examples);
    const [entry] = module["examples"] as Array<{ operation: string[]; examples: Array<{ name: string; body: string }> }>;
    expect(entry!.operation).toEqual(["__proto__", "get"]);
    expect(entry!.examples.map((e) => e.name)).toEqual(HOSTILE);
    expect(entry!.examples.map((e) => e.body)).toEqual(HOSTILE);
  });

  it("is the same text for the same collection", async () => {
    const model = await loadCollection(SEED_COLLECTION);
    expect(emitMocks(model)).toEqual(emitMocks(await loadCollection(SEED_COLLECTION)));
  });

  it("holds the breakout fixture's examples with no canary firing", async () => {
    const model = await loadCollection(`${FIXTURES}hostile/breakouts.postman_collection.json`, { identifiers: operationIdentifiers, reserved: RESERVED_IDENTIFIERS });
    const module = await runExamplesModule(emitMocks(model).files[0]![1]);
    // The fixture's strings set this global if they ever run.
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
    expect(JSON.stringify(module["examples"])).toContain("globalThis.__pwned");
    expect(module["examples"]).toEqual(mockExamples(model).examples);
  });
});

describe("the copied machinery", () => {
  it("is every module the package needs, read from src/mocks", async () => {
    const sources = await mockSources();
    expect(sources.map(([path]) => path)).toEqual(PACKAGE_MODULES.map((name) => `src/mocks/${name}`));
  });

  it("may import its siblings, the runtime and (in msw-handlers.ts only) msw, and nothing else", () => {
    expect(() => checkImports("mock.ts", 'import { a } from "./routes.js";\nimport type { B } from "../runtime/spec.js";')).not.toThrow();
    expect(() => checkImports("mock.ts", 'import { operationSpec } from "../emit/client.js";')).toThrow(/src\/mocks\/mock.ts imports "..\/emit\/client.js", which an emitted package does not have/);
    expect(() => checkImports("mock.ts", 'import { mockApi } from "./mock-data.js";')).toThrow(/imports ".\/mock-data.js"/);
    expect(() => checkImports("mock.ts", 'import { http } from "msw";')).toThrow(/imports "msw"/);
    expect(() => checkImports("msw-handlers.ts", 'import { http } from "msw";')).not.toThrow();
    expect(() => checkImports("select.ts", 'export { x } from "node:fs";')).toThrow(/imports "node:fs"/);
  });
});

describe("the mocks built beside the seed package", () => {
  let dir: string;
  let files: Map<string, string>;

  beforeAll(async () => {
    // A package directory: the seed's committed sources, the mocks, the package's compiler options;
    // node_modules linked so that msw (a peer dependency) resolves as in an app that installs it.
    dir = mkdtempSync(join(tmpdir(), "postman-codegen-mocks-"));
    symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
    cpSync(join(ROOT, "generated/zoom-update-user-status/src"), join(dir, "src"), { recursive: true });
    const model = await loadCollection(SEED_COLLECTION, { identifiers: operationIdentifiers, reserved: RESERVED_IDENTIFIERS });
    const mocks = [...emitMocks(model).files, ...(await mockSources())];
    mkdirSync(join(dir, "src/mocks"));
    for (const [path, text] of mocks) writeFileSync(join(dir, path), text, { flag: "wx" });
    // How an app uses them, type-checked with the rest (not compiled).
    writeFileSync(
      join(dir, "src/usage.ts"),
      `import { createClient, updateUserStatusOperation, type ClientOptions } from "./index.js";
import { createMockFetch } from "./mocks/index.js";
import { createMockHandlers, handlers } from "./mocks/msw.js";
const mock = createMockFetch({ baseUrl: "http://localhost:4010", variables: { baseUrl: "x" } });
const options: ClientOptions = { fetch: mock };
createClient({ ...options, token: "t" });
mock.use(updateUserStatusOperation, { status: 404, body: { code: 1001 } }).once(updateUserStatusOperation, { delay: 10 });
// @ts-expect-error not a variable of the collection
createMockFetch({ variables: { nope: "x" } });
const msw = createMockHandlers().use(updateUserStatusOperation, { status: 503 });
export const all = [...handlers, ...msw.handlers, mock.calls.length];
`,
    );
    writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "seed-with-mocks", type: "module" }));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...COMPILER_OPTIONS, noEmit: true }, include: ["src"] }));
    const sources = new Map<string, string>();
    for (const path of ["src/client.ts", "src/index.ts", ...mocks.map(([p]) => p)]) sources.set(path, ts.sys.readFile(join(dir, path))!);
    for (const name of ts.sys.readDirectory(join(dir, "src/runtime"), [".ts"])) sources.set(`src/runtime/${name.split("/").pop()}`, ts.sys.readFile(name)!);
    files = compile(sources, [...sources.keys()]);
    for (const [path, text] of [...files, ...formatMarkers()]) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("type-checks as the package is checked: strict, ES2022 and DOM only, no Node types", () => {
    let output = "";
    try {
      execFileSync(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? String(error);
    }
    expect(output).toBe("");
  }, 60_000);

  it("compiles to both formats with declarations", () => {
    for (const entry of Object.values(MOCK_ENTRIES)) {
      const base = entry.replace(/^src\//, "").replace(/\.ts$/, "");
      for (const file of [`dist/${base}.js`, `dist/${base}.d.ts`, `dist/cjs/${base}.js`, `dist/cjs/${base}.d.ts`]) expect(files.has(file), file).toBe(true);
    }
    expect(files.get("dist/cjs/mocks/index.js")).toContain('require("../index.js")');
    expect(files.get("dist/mocks/index.js")).not.toContain("msw");
  });

  it("answers the client from the ./mocks entry, imported as an ES module", async () => {
    const client = (await import(pathToFileURL(join(dir, "dist/index.js")).href)) as typeof import("../../generated/zoom-update-user-status/dist/index.js");
    const mocks = (await import(pathToFileURL(join(dir, "dist/mocks/index.js")).href)) as { createMockFetch: (options?: object) => MockFetch };
    const mock = mocks.createMockFetch();
    mock.use(client.updateUserStatusOperation, { status: 404, body: { code: 1001, message: "no" } });
    const error = await client.createClient({ token: "t", fetch: mock }).updateUserStatus({ userId: "me", action: "activate" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, code: 1001, codeDescription: "User does not exist: $userId." });
  });

  it("answers the client from the ./mocks entry, required as CommonJS, and gives MSW handlers from ./mocks/msw in both formats", async () => {
    const require = createRequire(join(dir, "dist/cjs/index.js"));
    const client = require("./index.js") as typeof import("../../generated/zoom-update-user-status/dist/index.js");
    const mocks = require("./mocks/index.js") as { createMockFetch: (options?: object) => MockFetch };
    const mock = mocks.createMockFetch({ baseUrl: "http://127.0.0.1:9/v2" });
    await client.createClient({ baseUrl: "http://127.0.0.1:9/v2", token: "t", fetch: mock }).updateUserStatus({ userId: "me", action: "activate" });
    expect(mock.calls.map((c) => [c.status, c.example])).toEqual([[200, "Untitled Example"]]);
    const cjsMsw = require("./mocks/msw.js") as { handlers: unknown[]; createMockHandlers: () => MockHandlers };
    expect(cjsMsw.handlers).toHaveLength(1);
    const esmMsw = (await import(pathToFileURL(join(dir, "dist/mocks/msw.js")).href)) as { handlers: unknown[]; createMockHandlers: () => MockHandlers };
    expect(esmMsw.createMockHandlers().handlers).toHaveLength(1);
  });
});
