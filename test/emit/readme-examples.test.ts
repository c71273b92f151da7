// The README's TypeScript examples compile as written, as an app that installed the package would
// paste them: each ```ts block its own module in an app beside the package (strict, skipLibCheck
// false, noUnusedLocals, moduleResolution node16), against the package's own declarations. An example that needs a
// name it does not import or declare (the onRequest one needed `createClient` and `cursor`) is
// an example the reader has to fix before it runs. The examples that run offline (the mocks')
// also run as written, with Node.js, against the package's built JavaScript.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import type { Target } from "../../src/config.js";
import { runProgram } from "../helpers/program.js";
import { createProgram, preEmitDiagnostics } from "../helpers/type-check.js";
import { FIXTURES, ROOT, SEED_COLLECTION } from "../helpers/seed.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-readme-examples-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The ```ts blocks of a README, in order. */
export function typeScriptBlocks(readme: string): string[] {
  return [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const ENVIRONMENTS = `${FIXTURES}environments/`;

/** Each app's package: its collection, its name, and what else its target gives (environments). */
const APPS: Array<[collection: string, name: string, more?: Partial<Target>]> = [
  [SEED_COLLECTION, "zoom-update-user-status"],
  [`${FIXTURES}collections/pcg-basic.postman_collection.json`, "pcg-basic"],
  // Signed by a pre-request script: the examples add its headers in an onRequest hook.
  [`${FIXTURES}script-signed.postman_collection.json`, "script-signed"],
  // Signed with OAuth 1.0a: the examples give the `oauth1` option from environment variables.
  [`${FIXTURES}oauth1-readme.postman_collection.json`, "oauth1-api"],
  // Signed with OAuth 1 RSA-SHA256: the signer refuses a placeholder key, so the mocks' examples make one.
  [`${FIXTURES}signing-key-readme.postman_collection.json`, "signing-key-api"],
  // Basic beside a bearer token: the examples give `basic`, whose parts are strings, from environment variables.
  [`${FIXTURES}basic-readme.postman_collection.json`, "basic-api"],
  // Plaid's: the base URL's host is a variable without a value (`https://{{env_url}}`).
  [`${FIXTURES}env-host-readme.postman_collection.json`, "env-host-api"],
  // Twitter Ads': no saved example, so no mocks' example (none would run).
  [`${FIXTURES}no-examples-readme.postman_collection.json`, "no-examples-api"],
  // Adyen's webhook-only collections: no request, so no example that would call something.
  [`${FIXTURES}no-requests.postman_collection.json`, "no-requests"],
  // Made for two environments: the Environments section's example chooses one, with a secret to pass.
  [
    `${ENVIRONMENTS}env-api.postman_collection.json`,
    "env-api",
    {
      environments: [
        { file: `${ENVIRONMENTS}staging.postman_environment.json`, name: "staging" },
        { file: `${ENVIRONMENTS}production.postman_environment.json`, name: "production" },
      ],
    },
  ],
];

/** The app of each package, written once: the files of its README's blocks. */
const written = new Map<string, Promise<string[]>>();
function writeApp(collection: string, name: string, more?: Partial<Target>): Promise<string[]> {
  let files = written.get(name);
  if (!files) written.set(name, (files = writeAppOnce(collection, name, more)));
  return files;
}

/** Writes an app with the package in its node_modules and each block a module; the blocks' files. */
async function writeAppOnce(collection: string, name: string, more?: Partial<Target>): Promise<string[]> {
  const app = join(dir, name);
  const pkg = join(app, "node_modules", name);
  const { files } = await emitTarget({ ...more, collection, out: pkg, name });
  for (const [path, text] of files) {
    mkdirSync(dirname(join(pkg, path)), { recursive: true });
    writeFileSync(join(pkg, path), text);
  }
  // What an app has beside the package: Node's types, and msw for the README's msw example.
  mkdirSync(join(app, "node_modules/@types"), { recursive: true });
  symlinkSync(join(ROOT, "node_modules/@types/node"), join(app, "node_modules/@types/node"), "dir");
  symlinkSync(join(ROOT, "node_modules/msw"), join(app, "node_modules/msw"), "dir");
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  return typeScriptBlocks(files.get("README.md")!).map((block, i) => {
    const file = join(app, `example-${i}.ts`);
    // Each block its own module, so that two examples may both declare `client`.
    writeFileSync(file, `${block}\nexport {};\n`);
    return file;
  });
}

/**
 * Every app's examples in one program: with skipLibCheck false, checking the lib files, Node's
 * types and msw's declarations is most of the work, and one program does it once rather than once
 * per app. The apps share nothing else (each block is a module, each package has its own name),
 * and a diagnostic outside every app (in those declarations) counts against each of them.
 */
let checked: Promise<Map<string, { blocks: number; errors: string[] }>> | undefined;
function exampleErrors(): Promise<Map<string, { blocks: number; errors: string[] }>> {
  checked ??= (async () => {
    const blocks = new Map<string, string[]>();
    for (const [collection, name, more] of APPS) blocks.set(name, await writeApp(collection, name, more));
    const program = createProgram({
      rootNames: [...blocks.values()].flat(),
      options: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.Node16,
        moduleResolution: ts.ModuleResolutionKind.Node16,
        strict: true,
        skipLibCheck: false,
        // Apps often have it: an example that imports what it never uses fails there.
        noUnusedLocals: true,
        noEmit: true,
        types: ["node"],
        typeRoots: APPS.map(([, name]) => join(dir, name, "node_modules/@types")),
      },
    });
    // TS6192, every import unused: a block that is one import, showing how to import (`import` or `require`).
    const diagnostics = preEmitDiagnostics(program).filter((d) => d.code !== 6192);
    const apps = new Map<string, { blocks: number; errors: string[] }>();
    for (const [name, files] of blocks) {
      const app = join(dir, name);
      const inApp = (file: string) => file.startsWith(`${app}/`);
      const errors = diagnostics
        .filter(
          (d) =>
            !d.file ||
            inApp(d.file.fileName) ||
            !APPS.some(([, other]) => d.file!.fileName.startsWith(`${join(dir, other)}/`)),
        )
        .map((d) => {
          const where = d.file
            ? `${inApp(d.file.fileName) ? d.file.fileName.slice(app.length + 1) : d.file.fileName}(${d.file.getLineAndCharacterOfPosition(d.start!).line + 1})`
            : "";
          return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
        });
      apps.set(name, { blocks: files.length, errors });
    }
    return apps;
  })();
  return checked;
}

type Item = { item?: Item[]; request?: unknown; response?: Array<{ code?: number }> };

/** Every item of a collection file, folders and requests, read from the file itself. */
function itemsOf(collection: string): Item[] {
  const items = (list: Item[]): Item[] => list.flatMap((item) => [item, ...items(item.item ?? [])]);
  return items((JSON.parse(readFileSync(collection, "utf8")) as { item: Item[] }).item);
}

/** Whether some request of a collection file saves a 2xx example. */
function savesAnswer(collection: string): boolean {
  return itemsOf(collection).some((item) => (item.response ?? []).some((r) => r.code! >= 200 && r.code! < 300));
}

/** Whether a collection file has a request at all. */
function hasRequests(collection: string): boolean {
  return itemsOf(collection).some((item) => item.request !== undefined && item.request !== null);
}

/** What the README of a package without requests says in place of its examples. */
const NO_REQUESTS = "The collection has no requests, so this client has no methods";

function readmeOf(name: string): string {
  return readFileSync(join(dir, name, "node_modules", name, "README.md"), "utf8").replace(/\s+/g, " ");
}

describe("the README's TypeScript examples", () => {
  it.each(APPS)("compile as written (%s)", { timeout: 240_000 }, async (collection, name) => {
    const { blocks, errors } = (await exampleErrors()).get(name)!;
    if (hasRequests(collection)) {
      // The client's examples, and the mocks' two where some operation has an answer to give.
      expect(blocks).toBeGreaterThanOrEqual(4 + (savesAnswer(collection) ? 2 : 0));
    } else {
      // Nothing to call: every example would be a client and no call (`const client =
      // createClient();`, unused), so there is none, and the README says why.
      expect(blocks).toBe(0);
      expect(readmeOf(name)).toContain(NO_REQUESTS);
    }
    expect(errors).toEqual([]);
  });
});

/** The blocks that import the package's mocks: they need no server and no network. */
function offlineBlocks(files: string[]): string[] {
  return files.filter((file) => /from "[^"]+\/mocks(?:\/msw)?";/.test(readFileSync(file, "utf8")));
}

/** Runs a block as an app would, its TypeScript made JavaScript beside it. */
async function runBlock(file: string): Promise<{ code: number | null; stderr: string }> {
  const js = ts.transpileModule(readFileSync(file, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const script = file.replace(/\.ts$/, ".mjs");
  writeFileSync(script, js);
  const { code, stderr } = await runProgram(process.execPath, [script], { cwd: dirname(file), timeout: 60_000 });
  return { code, stderr };
}

describe("the README's offline examples", () => {
  // Plaid's own collection too, beside the fixture that has its shape.
  const RUN: Array<[collection: string, name: string, more?: Partial<Target>]> = [
    ...APPS,
    [`${FIXTURES}collections/plaid-api.postman_collection.json`, "plaid-api"],
  ];

  it.each(RUN)("run as written (%s)", { timeout: 240_000 }, async (collection, name, more) => {
    const files = offlineBlocks(await writeApp(collection, name, more));
    const readme = readFileSync(join(dir, name, "node_modules", name, "README.md"), "utf8");
    if (!hasRequests(collection)) {
      // No operation for the mocks to answer: no section, no example, and the README says why.
      expect(files).toEqual([]);
      expect(readme).not.toContain("## Testing with mocks");
      expect(readmeOf(name)).toContain(NO_REQUESTS);
      return;
    }
    expect(readme).toContain("## Testing with mocks");
    if (!savesAnswer(collection)) {
      // No operation has an answer to give: no example, and the README says why.
      expect(files).toEqual([]);
      expect(readme.replace(/\s+/g, " ")).toContain(
        "This collection saves no successful (2xx) answer of any request, so there is no example that would run",
      );
      return;
    }
    // The mock fetch's example and the MSW handlers'.
    expect(files).toHaveLength(2);
    for (const file of files) {
      const { code, stderr } = await runBlock(file);
      expect({ file: file.slice(dir.length + 1), code, stderr }).toEqual({
        file: file.slice(dir.length + 1),
        code: 0,
        stderr: "",
      });
    }
  });
});
