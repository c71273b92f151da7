// The consumer apps: what a user of an emitted package writes, per kind of app. The sources live
// here as text, not as .ts files under test/, because the repository's own type check (tsconfig.json
// includes test/) cannot resolve the package they import: they only make sense inside an app that
// installed the tarball.

export type Mode = "esm" | "cjs" | "bundler";
export type TsVersion = "5.0" | "5.4" | "5.9" | "6.0" | "7.0";

export const MODES: readonly Mode[] = ["esm", "cjs", "bundler"];
/**
 * The first and the last release of each line the packages support (5.0 to 7.0), and this
 * repository's. 5.4 (TYPESCRIPT_PACKAGES), between two checked ends of one line, took as much time as
 * 5.0 and told nothing they do not; its scanner still checks the emitted names
 * (test/model/identifier-chars.test.ts).
 */
export const TS_VERSIONS: readonly TsVersion[] = ["5.0", "5.9", "6.0", "7.0"];

/** The npm package (an alias in this repository's devDependencies) that provides each TypeScript. */
export const TYPESCRIPT_PACKAGES: Record<TsVersion, string> = {
  "5.0": "typescript-5.0",
  "5.4": "typescript-5.4",
  "5.9": "typescript-5.9",
  "6.0": "typescript",
  "7.0": "typescript-7.0",
};

/**
 * The TypeScript releases that are a native program without a JavaScript API (7.0, the Go port):
 * their `tsc` bin is run on each app, where the others are loaded into one process (tsc-batch.ts).
 */
export const NATIVE_VERSIONS: ReadonlySet<TsVersion> = new Set(["7.0"]);

/**
 * The TypeScript version whose output the ESM and CommonJS apps run (the bundler app runs esbuild's
 * bundle), unless a target names its own (`Target.emitting`).
 */
export const EMITTING_VERSION: TsVersion = "6.0";

export interface Target {
  /** The emitted package's name, as in generated/<name>/package.json. */
  name: string;
  /** How an app reaches the seed operation on a client: `updateUserStatus` or `users.userId.updateUserStatus`. */
  method: string;
  /** The (mode × TypeScript version) cells this package is checked in. */
  cells: ReadonlyArray<{ mode: Mode; versions: readonly TsVersion[] }>;
  /**
   * The versions whose apps check the platform's declarations (TypeScript's lib files, @types/*)
   * too, as a consumer's tsc with skipLibCheck false does; the others check the app's sources and
   * the package's declarations only (tsc-batch.ts says why that loses nothing about the package).
   * One package's apps with this repository's TypeScript are enough: the platform's diagnostics
   * do not depend on the package. Not the older TypeScripts: this repository's @types/node is the
   * newest, which a project on TypeScript 5.0 would not install, so its errors there would be about
   * @types/node's range of support, not the package. A native version (NATIVE_VERSIONS) runs the
   * real tsc, which always checks them.
   */
  platform?: readonly TsVersion[];
  /** The version whose output its Node apps run, when not EMITTING_VERSION: one its cells check. */
  emitting?: TsVersion;
}

/** Each app's package.json before the tarball is installed into it (npm adds the dependency). */
export function appPackageJson(mode: Mode): string {
  const type = mode === "cjs" ? "commonjs" : "module";
  return `${JSON.stringify({ name: `consumer-${mode}`, version: "0.0.0", private: true, type }, null, 2)}\n`;
}

/**
 * The tsconfig of one cell. Every one is strict, checks the package's declarations
 * (`skipLibCheck: false`) and names its types explicitly (TypeScript 6 no longer includes every
 * @types package by default).
 */
export function tsconfig(mode: Mode, version: TsVersion, emitting = EMITTING_VERSION): Record<string, unknown> {
  const emit = version === emitting && mode !== "bundler" ? { rootDir: "src", outDir: "out" } : { noEmit: true };
  const common = { target: "es2022", strict: true, skipLibCheck: false, ...emit };
  switch (mode) {
    case "esm":
      // A Node app as @tsconfig/node20 sets one up: ES libraries only, so fetch, Blob, File,
      // Headers and Response in the package's declarations must come from @types/node, as they do
      // for a Node user; no DOM.
      return { compilerOptions: { ...common, lib: ["es2022"], types: ["node"], module: "nodenext" }, include: ["src"] };
    case "cjs":
      if (Number(version) < 6) {
        // `module: commonjs` implies `moduleResolution: node10` here: types come from the
        // package's top-level "types"/"main", its "exports" are not read.
        return {
          compilerOptions: { ...common, lib: ["es2022"], types: ["node"], module: "commonjs" },
          include: ["src"],
        };
      }
      // TypeScript 6.0 deprecates node10 (TS5107 when named; 7.0 removed it) and, for an unnamed
      // moduleResolution, `module: commonjs` now means `bundler` resolution, which models a bundler,
      // not Node's require. The TypeScript team's advice for Node apps (microsoft/TypeScript#62200,
      // "Node.js apps should almost all be using --module nodenext") is `module: nodenext`; with
      // this app's package.json `"type": "commonjs"` its .ts files are CommonJS, compile to
      // require() and resolve the package through its "exports" with the "require" condition,
      // exactly as Node will.
      return { compilerOptions: { ...common, lib: ["es2022"], types: ["node"], module: "nodenext" }, include: ["src"] };
    case "bundler":
      // A browser app as Vite's template sets one up: DOM libraries, no Node types, esbuild
      // compiles (isolatedModules, verbatimModuleSyntax), TypeScript only checks.
      return {
        compilerOptions: {
          ...common,
          lib: ["es2022", "dom", "dom.iterable"],
          types: [],
          module: "esnext",
          moduleResolution: "bundler",
          moduleDetection: "force",
          isolatedModules: true,
          verbatimModuleSyntax: true,
        },
        include: ["src"],
      };
  }
}

/**
 * The app's code, shared by the three apps: every call really runs against the recording server,
 * and the declarations are exercised at compile time (type equalities, `@ts-expect-error`).
 */
export function consumerSource(target: Target): string {
  const pkg = JSON.stringify(target.name);
  const method = target.method;
  return `// What an app does with the client: shared by the ESM, CommonJS and bundler apps.
import {
  ApiError,
  NotFoundError,
  ValidationError,
  createBaseClient,
  createClient,
  toFile,
  updateUserStatus,
  updateUserStatusOperation,
} from ${pkg};
import { createMockFetch } from ${JSON.stringify(`${target.name}/mocks`)};
import type {
  ApiPromise,
  BaseClient,
  Client,
  ClientOptions,
  UpdateUserStatusArgs,
  UpdateUserStatusError,
  UpdateUserStatusResult,
  Variables,
  WithResponse,
} from ${pkg};

/** \`true\` when A and B are the same type (\`any\` is the same as nothing else). */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

// Compile time: each fails to type-check when the declarations say otherwise, or say nothing (any).
// A form field takes one value or a list of them (sent as the field repeated).
export const actionIsAnEnum: Equal<UpdateUserStatusArgs["action"], "activate" | "deactivate" | Array<"activate" | "deactivate">> = true;
// A path variable is sent as text: a number or a boolean the same as its text.
export const userIdIsText: Equal<UpdateUserStatusArgs["userId"], string | number | boolean> = true;
export const resultIsTyped: Equal<UpdateUserStatusResult, string | undefined> = true;
export const errorsAreDocumented: Equal<UpdateUserStatusError, ApiError<400, 200 | 300> | ApiError<404, 1001>> = true;
export const optionsTakeVariables: Equal<ClientOptions<Variables>["variables"], Partial<Variables> | undefined> = true;

/** Never called: calls the declarations must refuse. */
export function refusedAtCompileTime(client: Client, base: BaseClient): void {
  // @ts-expect-error \`tokn\` is not a client option
  createClient({ tokn: "x" });
  // @ts-expect-error userId is text, a number or a boolean, no object
  void client.${method}({ userId: { id: 1 }, action: "activate" });
  // @ts-expect-error \`action\` is required
  void updateUserStatus(base, { userId: "me" });
  // @ts-expect-error the result is a string or undefined, not a number
  const n: number = 0 as unknown as UpdateUserStatusResult;
  void n;
}

/** The documented errors of the operation narrow by status to their documented codes. */
function describeError(error: UpdateUserStatusError): string {
  if (error.status === 404) {
    const code: 1001 | undefined = error.code;
    return \`not found (\${code})\`;
  }
  const code: 200 | 300 | undefined = error.code;
  return \`bad request (\${code})\`;
}

export interface Report {
  method: { status: number; data: string };
  notFound: unknown;
  standalone: string;
  wrongAction: unknown;
  missingAction: unknown;
  file: { name: string; type: string; size: number; text: string };
  mocks: { calls: Array<[number, string | null]>; overridden: unknown };
}

function validation(error: unknown): unknown {
  return error instanceof ValidationError
    ? { validationError: true, operation: error.operation, field: error.field ?? null, message: error.message }
    : \`not a ValidationError: \${String(error)}\`;
}

/** A method's success as its Response with the body unread, for a caller to stream (typed so; the run does not call it). */
export function unread(client: Client): Promise<Response> {
  return client.${method}({ userId: "me", action: "deactivate" }).asResponse();
}

/** Runs the client against \`baseUrl\`, which answers 204, then 404 (code 1001), then 204. */
export async function exercise(baseUrl: string): Promise<Report> {
  const client: Client = createClient({ baseUrl, token: "consumer-token" });

  // 1. A method: PUT {baseUrl}/users/me/status, multipart action=deactivate.
  const pending: ApiPromise<UpdateUserStatusResult> = client.${method}({ userId: "me", action: "deactivate" });
  const sent: WithResponse<UpdateUserStatusResult> = await pending.withResponse();
  const viaMethod = { status: sent.response.status, data: sent.data === undefined ? "undefined" : sent.data };

  // 2. A documented error: 404 with Zoom's code 1001.
  let notFound: unknown = "not thrown";
  try {
    await client.${method}({ userId: "nobody@example.com", action: "activate" });
  } catch (error) {
    if (error instanceof NotFoundError) {
      const status: 404 = error.status;
      notFound = {
        apiError: error instanceof ApiError,
        notFoundError: true,
        status,
        code: error.code ?? null,
        codeDescription: error.codeDescription ?? null,
        described: describeError(error as UpdateUserStatusError),
      };
    } else {
      notFound = \`not a NotFoundError: \${String(error)}\`;
    }
  }

  // 3. The standalone function, with a client without methods.
  const base: BaseClient = createBaseClient({ baseUrl, token: "consumer-token" });
  const result: UpdateUserStatusResult = await updateUserStatus(base, { userId: "me", action: "activate" });
  const standalone = result === undefined ? "undefined" : result;

  // 4. Refused before sending: a wrong enum value, a missing key (the types refuse them too).
  let wrongAction: unknown = "not thrown";
  try {
    // @ts-expect-error "deactivated" is not one of "activate" | "deactivate"
    await client.${method}({ userId: "me", action: "deactivated" });
  } catch (error) {
    wrongAction = validation(error);
  }
  let missingAction: unknown = "not thrown";
  try {
    // @ts-expect-error \`action\` is required
    await updateUserStatus(base, { userId: "me" });
  } catch (error) {
    missingAction = validation(error);
  }

  // 5. An upload value from bytes.
  const file: File = await toFile(new TextEncoder().encode("hello"), "hello.txt", { type: "text/plain" });

  // 6. The package's mocks (its ./mocks subpath): the saved examples answer, nothing is sent.
  const mock = createMockFetch({ baseUrl });
  const mocked = createClient({ baseUrl, token: "consumer-token", fetch: mock });
  await mocked.${method}({ userId: "me", action: "activate" });
  mock.use(updateUserStatusOperation, { status: 404, body: { code: 1001, message: "mocked" } });
  const overridden: unknown = await mocked.${method}({ userId: "me", action: "activate" }).then(
    () => "resolved",
    (error: unknown) => (error instanceof NotFoundError ? { status: error.status, code: error.code ?? null } : String(error)),
  );
  const mocks = { calls: mock.calls.map((c): [number, string | null] => [c.status, c.example ?? null]), overridden };

  return {
    method: viaMethod,
    notFound,
    standalone,
    wrongAction,
    missingAction,
    file: { name: file.name, type: file.type, size: file.size, text: await file.text() },
    mocks,
  };
}
`;
}

/** The Node apps' entry (ESM and CommonJS alike): runs the app and prints its report as JSON. */
export function nodeMainSource(target: Target): string {
  return `import { Readable } from "node:stream";
import { toFile } from ${JSON.stringify(target.name)};
import { exercise } from "./consumer.js";

async function main(): Promise<void> {
  const baseUrl = process.argv[2];
  if (!baseUrl) throw new Error("usage: node out/main.js <baseUrl>");
  const report = await exercise(baseUrl);
  // The README's upload example: a Node stream (here from memory) read into a File.
  const streamed = await toFile(Readable.from(["from a ", Buffer.from("Node stream")]), "stream.txt", { type: "text/plain" });
  console.log(JSON.stringify({ ...report, stream: { name: streamed.name, text: await streamed.text() } }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`;
}

/** The bundler app's entry: a browser module whose page calls \`exercise\`. */
export function bundlerMainSource(target: Target): string {
  return `import { toFile } from ${JSON.stringify(target.name)};
import { exercise, type Report } from "./consumer.js";

/** What the page runs: the app's calls, plus an upload from a DOM Blob. */
export async function run(baseUrl: string): Promise<Report & { blob: string }> {
  const report = await exercise(baseUrl);
  const file = await toFile(new Blob(["from a Blob"]), "blob.txt");
  return { ...report, blob: \`\${file.name}: \${await file.text()}\` };
}
`;
}

/**
 * Stands in for the page that loads the bundle (a browser's <script type="module">): imports it
 * and prints what \`run\` returns. Not part of the app, so not type-checked.
 */
export const BUNDLE_HOST = `const { run } = await import("./dist/app.mjs");
console.log(JSON.stringify(await run(process.argv[2])));
`;
