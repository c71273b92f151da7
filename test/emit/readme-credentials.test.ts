// The README's three examples of one call (the client's, the mocks' and the command line's) give
// the same credentials and the same variables, for every auth scheme the client signs with, and
// beside an operation that takes a bearer token. Each decided on its own and they drifted: the
// client's passed Basic, Digest, Hawk, AWS, EdgeGrid, JWT and OAuth 2 credentials as `variables`
// placeholders while the command line's exported its flags' environment variables, and it gave
// `token` in place of `oauth1` when another operation took a token, which the mocks' and the
// command line's gave beside the call's own credentials.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH_OPTIONS, declinedText } from "../../src/emit/auth-options.js";
import { emitTarget } from "../../src/generate.js";
import type { AuthModel } from "../../src/model/types.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram } from "../helpers/program.js";
import { FIXTURES, ROOT } from "../helpers/seed.js";
import { useRecordingServer } from "../helpers/recording.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-readme-credentials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kv = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value, type: "string" }));
const BEARER = { type: "bearer", bearer: kv({ token: "{{token}}" }) };
const SCHEMES: Record<string, unknown> = {
  basic: { type: "basic", basic: kv({ username: "{{user}}", password: "{{pass}}" }) },
  digest: { type: "digest", digest: kv({ username: "{{user}}", password: "{{pass}}" }) },
  hawk: { type: "hawk", hawk: kv({ authId: "{{hawk_id}}", authKey: "{{hawk_key}}", algorithm: "sha256" }) },
  awsv4: { type: "awsv4", awsv4: kv({ accessKey: "{{ak}}", secretKey: "{{sk}}", region: "eu-west-1", service: "s3" }) },
  edgegrid: {
    type: "edgegrid",
    edgegrid: kv({ accessToken: "{{at}}", clientToken: "{{ct}}", clientSecret: "{{cs}}" }),
  },
  jwt: { type: "jwt", jwt: kv({ secret: "{{jwt_secret}}", algorithm: "HS256" }) },
  oauth2: {
    type: "oauth2",
    oauth2: kv({
      grant_type: "client_credentials",
      accessTokenUrl: "https://auth.example.test/token",
      clientId: "{{client_id}}",
      clientSecret: "{{client_secret}}",
    }),
  },
  oauth1: {
    type: "oauth1",
    oauth1: kv({ consumerKey: "{{ck}}", consumerSecret: "{{cs}}", token: "{{tok}}", tokenSecret: "{{ts}}" }),
  },
  apikey: { type: "apikey", apikey: kv({ key: "X-Key", value: "{{key}}", in: "header" }) },
};

/** The ```ts blocks of a README, in order. */
function typeScriptBlocks(text: string): string[] {
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const readmes = new Map<string, Promise<string>>();
/**
 * The README of a collection whose first operation (the examples') has `auth`, its second (unless
 * `alone`) a bearer token.
 */
function readmeOf(scheme: string, auth: unknown, alone = false): Promise<string> {
  const key = `${scheme}${alone ? "-alone" : ""}`;
  if (!readmes.has(key)) readmes.set(key, emitReadme(key, auth, alone));
  return readmes.get(key)!;
}

async function emitReadme(scheme: string, auth: unknown, alone: boolean): Promise<string> {
  const item = [
    {
      name: "Get thing",
      request: { method: "GET", auth, url: "https://api.example.test/{{version}}/things/:id" },
      // A saved answer: the README shows the mocks' example only for an operation that has one.
      response: [
        {
          name: "Found",
          code: 200,
          status: "OK",
          header: [{ key: "Content-Type", value: "application/json" }],
          body: '{"id":"1"}',
        },
      ],
    },
    ...(alone
      ? []
      : [{ name: "Make thing", request: { method: "POST", auth: BEARER, url: "https://api.example.test/things" } }]),
  ];
  const collection = join(dir, `${scheme}.postman_collection.json`);
  writeFileSync(
    collection,
    JSON.stringify({
      info: { name: scheme, schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item,
    }),
  );
  const { files } = await emitTarget({ collection, out: join(dir, scheme), name: `${scheme}-api` });
  return files.get("README.md")!;
}

/** The options object of a block's `createClient(…)` call: its keys, and its `variables`' keys. */
function clientOptions(block: string): { keys: string[]; variables: string[] } {
  const source = ts.createSourceFile("block.ts", block, ts.ScriptTarget.ES2022, true);
  let found: ts.ObjectLiteralExpression | undefined;
  const visit = (node: ts.Node): void => {
    if (
      !found &&
      ts.isCallExpression(node) &&
      node.expression.getText(source) === "createClient" &&
      node.arguments[0] &&
      ts.isObjectLiteralExpression(node.arguments[0])
    )
      found = node.arguments[0];
    ts.forEachChild(node, visit);
  };
  visit(source);
  const names = (object: ts.ObjectLiteralExpression | undefined) =>
    (object?.properties ?? []).map((p) => p.name!.getText(source));
  const variables = found?.properties.find((p) => p.name?.getText(source) === "variables");
  return {
    keys: names(found).filter((k) => k !== "fetch" && k !== "variables"),
    variables:
      variables && ts.isPropertyAssignment(variables) && ts.isObjectLiteralExpression(variables.initializer)
        ? names(variables.initializer)
        : [],
  };
}

describe("the README's examples of one call", () => {
  it.each(Object.entries(SCHEMES))("give the same credentials and variables (%s)", async (scheme, auth) => {
    const readme = await readmeOf(scheme, auth);
    const blocks = typeScriptBlocks(readme);
    const use = blocks[0];
    const mocks = blocks.find((b) => b.includes("createMockFetch"));
    const [, sh] = readme.match(/^```sh\n(export [\s\S]*?)^```$/m)!;
    const exported = [...sh!.matchAll(/^export ([A-Z0-9_]+)=/gm)].map((m) => m[1]!);
    const command = sh!.split("\n").find((l) => l.startsWith("npx ") && !l.endsWith("--help"))!;
    const passed = [...command.matchAll(/--variable '([^=]+)=/g)].map((m) => m[1]!);
    // The client's reads what the command line's exports, no more and no less.
    const read = [...new Set([...use!.matchAll(/process\.env\.([A-Z0-9_]+)/g)].map((m) => m[1]!))];
    expect(read.sort()).toEqual([...exported].sort());
    // The same options and variables in the client's and the mocks'; the same variables on the command line.
    const client = clientOptions(use!);
    expect(clientOptions(mocks!)).toEqual(client);
    // Its operation's options, those AUTH_OPTIONS gives its auth type, and no other: not
    // `token` for the bearer operation beside it, which the call never sends.
    const { type } = auth as { type: AuthModel["type"] };
    expect(client.keys.sort()).toEqual(
      Object.entries(AUTH_OPTIONS)
        .filter(([, option]) => option.types.includes(type))
        .map(([key]) => key)
        .sort(),
    );
    expect(client.variables).toEqual(passed);
    expect(client.variables).toEqual(["version"]);
  });
});

/** The options table's rows: the options each names (`onRequest`, `onResponse`, `onError` share one). */
function optionRows(readme: string): string[][] {
  const table = readme.slice(readme.indexOf("| Option")).split("\n\n")[0]!;
  return table
    .split("\n")
    .slice(2)
    .map((row) => [...row.split("|")[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
}

/** The options table's rows as the option its first code span names, and the row's meaning. */
function tableRows(readme: string): Array<[string, string]> {
  const table = readme.slice(readme.indexOf("| Option")).split("\n\n")[0]!;
  return table
    .split("\n")
    .slice(2)
    .map((row) => {
      const [, name, meaning] = row.split("|");
      return [/`([^`]+)`/.exec(name!)?.[1] ?? "", meaning!.trim()];
    });
}

/** The properties of an interface of the runtime whose type takes `null`. */
function nullableMembers(file: string, name: string): string[] {
  const program = ts.createProgram([join(ROOT, file)], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(join(ROOT, file))!;
  const declaration = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name)!;
  return checker
    .getPropertiesOfType(checker.getTypeAtLocation(declaration))
    .filter((p) => {
      const type = checker.getTypeOfSymbolAtLocation(p, declaration);
      return type.isUnion() && type.types.some((t) => t.flags & ts.TypeFlags.Null);
    })
    .map((p) => p.name);
}

/** The properties of an interface of the runtime, those it extends included. */
function members(file: string, name: string): string[] {
  const program = ts.createProgram([join(ROOT, file)], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(join(ROOT, file))!;
  const declaration = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name)!;
  return checker.getPropertiesOfType(checker.getTypeAtLocation(declaration)).map((p) => p.name);
}

describe("the README's options table", () => {
  // Alone: OAuth 2.0's operations take `token` too ("`token` wins over it"), which the table left
  // out when no operation took a bearer token.
  it.each(Object.entries(SCHEMES))("names each option the examples pass (%s, alone)", async (scheme, auth) => {
    const readme = await readmeOf(scheme, auth, true);
    const blocks = typeScriptBlocks(readme);
    const rows = optionRows(readme).flat();
    const passed = [blocks[0]!, blocks.find((b) => b.includes("createMockFetch"))!].flatMap(
      (b) => clientOptions(b).keys,
    );
    expect(passed.filter((key) => !rows.includes(key))).toEqual([]);
  });

  it("has a row for each member of the runtime's AuthOptions, and each row names a client option", async () => {
    // One operation for each scheme, and one the client cannot sign (NTLM: the `sign` option).
    const schemes = { ...SCHEMES, bearer: BEARER, ntlm: { type: "ntlm", ntlm: kv({ username: "u" }) } };
    const collection = join(dir, "every-scheme.postman_collection.json");
    writeFileSync(
      collection,
      JSON.stringify({
        info: { name: "every", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        item: Object.entries(schemes).map(([name, auth]) => ({
          name,
          request: { method: "GET", auth, url: `https://api.example.test/${name}` },
        })),
      }),
    );
    const { files } = await emitTarget({ collection, out: join(dir, "every"), name: "every-api" });
    const rows = optionRows(files.get("README.md")!).flat();
    const auth = members("src/runtime/auth.ts", "AuthOptions");
    expect(auth).toContain("oauth1");
    expect(auth.filter((member) => !rows.includes(member))).toEqual([]);
    const client = members("src/runtime/core.ts", "ClientOptions");
    expect(client).toEqual(expect.arrayContaining(["baseUrl", "onRequest", ...auth]));
    expect(rows.filter((row) => !client.includes(row))).toEqual([]);
  });

  // Every option that takes `null` (the runtime's type says which) says what it does, in the same
  // words: the row said it for `token`, `apiKey` and `basic` alone, and only where an operation
  // left its auth empty, while the signers' options take `null` as well.
  it.each(Object.entries(SCHEMES))(
    "says what null does in the row of each option that takes it (%s)",
    async (scheme, auth) => {
      const readme = await readmeOf(scheme, auth, true);
      const nullable = nullableMembers("src/runtime/auth.ts", "AuthOptions");
      expect(nullable).toEqual(expect.arrayContaining(["token", "hawk", "oauth1"]));
      const said = declinedText((text) => `\`${text}\``);
      const rows = tableRows(readme).filter(([option]) => Object.keys(AUTH_OPTIONS).includes(option!));
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map(([option, text]) => [option, text!.includes(said)])).toEqual(
        rows.map(([option]) => [option, nullable.includes(option!)]),
      );
    },
  );
});

describe("the client's example of a package signed with HTTP Basic", () => {
  const NAME = "basic-api";
  const ENV = { BASIC_API_USERNAME: "ann-from-env", BASIC_API_PASSWORD: "pw-from-env", BASIC_API_TOKEN: "tk" };
  const server = useRecordingServer({ resetEach: false });
  let app: string;
  let readme: string;
  beforeAll(async () => {
    app = join(dir, "app");
    const pkg = join(app, "node_modules", NAME);
    const { files } = await emitTarget({
      collection: `${FIXTURES}basic-readme.postman_collection.json`,
      out: pkg,
      name: NAME,
    });
    await writePackage(pkg, files);
    readme = files.get("README.md")!;
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
    // Sends what goes to the collection's host to the local server instead.
    writeFileSync(
      join(app, "local.mjs"),
      `const send = globalThis.fetch;\nglobalThis.fetch = (url, init) => send(String(url).replace("https://api.example.test", ${JSON.stringify(server.url)}), init);\n`,
    );
  });

  it("runs as written, with the credentials the command line's example exports", async () => {
    const [use] = typeScriptBlocks(readme);
    // As an app's build would: the example is TypeScript.
    const js = ts.transpileModule(use!, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    writeFileSync(join(app, "use.mjs"), js);
    server.reset();
    const result = await runProgram(process.execPath, ["--import", "./local.mjs", "use.mjs"], {
      cwd: app,
      env: { PATH: process.env.PATH ?? "", ...ENV },
      timeout: 30_000,
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const expected = `Basic ${Buffer.from(`${ENV.BASIC_API_USERNAME}:${ENV.BASIC_API_PASSWORD}`).toString("base64")}`;
    expect(server.requests[0]!.headers.authorization).toBe(expected);
  });
});
