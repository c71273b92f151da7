// `strict` + `exactOptionalPropertyTypes`, a setting many apps enable: every optional member of the
// public option types takes `undefined` (the runtime reads it as absent), and the sources every
// package holds (src/runtime, its client, mocks and command line) compile under it, as a package's
// consumer and the package's own build see them.
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import ts from "typescript";
import { createProgram, preEmitDiagnostics } from "../helpers/type-check.js";
import { beforeAll, describe, expect, it } from "vitest";
import { commandLineSources, emitCommandLine } from "../../src/command-line/emit-command-line.js";
import { compile } from "../../src/emit/compile.js";
import { emitPackage } from "../../src/emit/package.js";
import { loadCollection } from "../../src/load/collection.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";

const RUNTIME = resolve(ROOT, "src/runtime");

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  exactOptionalPropertyTypes: true,
  noEmit: true,
  types: [],
};

/** The diagnostics of a program, one line each: file (relative to `base`), line and first line of the message. */
function diagnostics(rootNames: readonly string[], options: ts.CompilerOptions, base: string): string[] {
  const program = createProgram({ rootNames, options });
  return preEmitDiagnostics(program).map((d) => {
    const where = d.file
      ? `${d.file.fileName.startsWith(base) ? d.file.fileName.slice(base.length + 1) : d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `
      : "";
    return where + ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0];
  });
}

/** An app's module, written into `dir`, type-checked with `options` (skipLibCheck false: the declarations are checked too). */
function appDiagnostics(dir: string, source: string, options: ts.CompilerOptions = {}): string[] {
  const file = join(dir, `app-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  return diagnostics([file], { ...OPTIONS, skipLibCheck: false, ...options }, dir);
}

/**
 * The optional members of `T` (and of the objects it holds) that refuse `undefined`: `never` when
 * there is none. Required members stay required.
 */
const STRICT_KEYS = `
type Known<T> = keyof { [K in keyof T as string extends K ? never : number extends K ? never : K]: 0 } & keyof T;
type Refusing<T> = {
  [K in Known<T>]-?: {} extends Pick<T, K> ? (undefined extends Required<T>[K] ? never : K) : never;
}[Known<T>];
type Inner<T> = { [K in keyof T]-?: NonNullable<T[K]> extends (...args: never[]) => unknown ? never : NonNullable<T[K]> extends object ? K : never }[keyof T];
type Deep<T, P extends string = ""> =
  | \`\${P}\${Refusing<T> & string}\`
  | { [K in Inner<T> & string]: Refusing<NonNullable<T[K]>> extends never ? never : \`\${P}\${K}.\${Refusing<NonNullable<T[K]>> & string}\` }[Inner<T> & string];
/** \`true\` when every optional member takes undefined; else the members that refuse it, by path. */
type TakesUndefined<T> = [Deep<T>] extends [never] ? true : Deep<T>;
`;

describe("the runtime's public option types, under exactOptionalPropertyTypes", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "postman-codegen-exact-optional-"));
  });

  it("take undefined for every optional member, as the runtime reads it", () => {
    const at = (module: string) => JSON.stringify(`${RUNTIME}/${module}.js`);
    expect(
      appDiagnostics(
        dir,
        `import type { ClientOptions, Hooks, RequestOptions } from ${at("core")};
import type { AuthOptions } from ${at("auth")};
import type { CheckOptions } from ${at("check")};
import type { MockOptions, MockOverride } from ${JSON.stringify(`${ROOT}src/mocks/types.js`)};
import { fileFromPath, toFile } from ${at("uploads")};
${STRICT_KEYS}
export const clientOptions: TakesUndefined<ClientOptions<{ host: string }, "staging">> = true;
export const requestOptions: TakesUndefined<RequestOptions<{ host: string }>> = true;
export const hooks: TakesUndefined<Hooks> = true;
export const authOptions: TakesUndefined<AuthOptions> = true;
export const checkOptions: TakesUndefined<CheckOptions> = true;
export const mockOptions: TakesUndefined<MockOptions<{ host: string }>> = true;
export const mockOverride: TakesUndefined<MockOverride> = true;
export const toFileOptions: TakesUndefined<NonNullable<Parameters<typeof toFile>[2]>> = true;
export const fileFromPathOptions: TakesUndefined<NonNullable<Parameters<typeof fileFromPath>[2]>> = true;

// As an app writes them: values that may be undefined.
declare const signal: AbortSignal | undefined;
declare const timeoutMs: number | undefined;
declare const baseUrl: string | undefined;
declare const host: string | undefined;
export const call: RequestOptions<{ host: string }> = { signal, timeoutMs, variables: { host } };
export const client: ClientOptions<{ host: string }> = { timeoutMs, baseUrl, variables: { host }, token: host };
`,
      ),
    ).toEqual([]);
  }, 60_000);

  it("the runtime's own sources compile under it (each package holds them in src/runtime)", () => {
    const files = readdirSync(RUNTIME)
      .filter((name) => name.endsWith(".ts"))
      .map((name) => join(RUNTIME, name));
    expect(diagnostics(files, { ...OPTIONS, skipLibCheck: true }, RUNTIME)).toEqual([]);
  }, 60_000);
});

describe("an emitted package, under exactOptionalPropertyTypes", () => {
  const NAME = "zoom-update-user-status";
  let dir: string;
  let app: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "postman-codegen-exact-optional-package-"));
    const model = await loadCollection(SEED_COLLECTION);
    const files = await emitPackage(model, {
      packageName: NAME,
      packageVersion: "0.1.0",
      collectionFile: "seed.json",
      devDependencies: {},
    });
    // The command line, as generate adds it.
    const machinery = commandLineSources();
    const emitted = emitCommandLine(model, NAME);
    for (const [path, text] of [...machinery, [emitted.path, emitted.ts] as [string, string]]) files.set(path, text);
    for (const [path, text] of compile(
      new Map(machinery),
      machinery.map(([path]) => path),
    ))
      files.set(path, text);
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    // The mocks' optional peer, which the package's own build type-checks.
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(join(ROOT, "node_modules/msw"), join(dir, "node_modules/msw"), "dir");
    // An app that installed the package.
    app = join(dir, "app");
    mkdirSync(join(app, "node_modules"), { recursive: true });
    writeFileSync(join(app, "package.json"), '{ "type": "module" }\n');
    symlinkSync(dir, join(app, "node_modules", NAME), "dir");
  }, 120_000);

  it("its sources compile under it with the package's own tsconfig", () => {
    const config = ts.getParsedCommandLineOfConfigFile(
      join(dir, "tsconfig.json"),
      { exactOptionalPropertyTypes: true, noEmit: true },
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => expect.fail(String(d.messageText)) },
    )!;
    expect(config.options.strict).toBe(true);
    expect(diagnostics(config.fileNames, config.options, dir)).toEqual([]);
  }, 120_000);

  it("an app passes its options, some of them undefined, to the client and the mocks", () => {
    expect(
      appDiagnostics(
        app,
        `import { createClient, toFile, type ClientOptions, type RequestOptions, type Variables } from ${JSON.stringify(NAME)};
import { createMockFetch, type MockOptions } from ${JSON.stringify(`${NAME}/mocks`)};
${STRICT_KEYS}
export const clientOptions: TakesUndefined<ClientOptions<Variables>> = true;
export const requestOptions: TakesUndefined<RequestOptions<Variables>> = true;
export const mockOptions: TakesUndefined<MockOptions<Variables>> = true;

declare const signal: AbortSignal | undefined;
declare const timeoutMs: number | undefined;
declare const baseUrl: string | undefined;
declare const type: string | undefined;
export async function run(): Promise<void> {
  const client = createClient({ baseUrl, timeoutMs, token: baseUrl, variables: { baseUrl }, onError: undefined });
  await client.updateUserStatus({ userId: "me", action: "activate" }, { signal, timeoutMs });
  createMockFetch({ baseUrl, variables: { baseUrl } });
  await toFile("x", "x.txt", { type });
}
`,
      ),
    ).toEqual([]);
  }, 120_000);
});
