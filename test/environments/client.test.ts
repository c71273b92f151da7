// The emitted client with environments, on the wire: generated into a scratch folder, its built
// dist/ imported by plain Node (ESM and CommonJS), called against recording servers on 127.0.0.1.
// The collection's base URL exists only in its environments; two of them, chosen when the client is
// made, reach two servers. Postman's precedence step by step, the secrets asked for by name (with
// the environment), and no secret value in any emitted byte.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { createProgram, preEmitDiagnostics } from "../helpers/type-check.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../helpers/consumer-options.js";
import { generate } from "../../src/generate.js";
import { startRecordingServer, type RecordingServer } from "../../src/testkit/recording-server.js";
import { runProgram } from "../helpers/program.js";
import { FIXTURES, SEED_COLLECTION } from "../helpers/seed.js";

const DIR = `${FIXTURES}environments/`;
const SECRETS = [
  "STAGING-TOKEN-SECRET-4f2a",
  "STAGING-APIKEY-SECRET-9b1c",
  "PRODUCTION-TOKEN-SECRET-7d3e",
  "GLOBAL-SESSION-SECRET-1e5f",
  "LOCAL-STAMP-SECRET-0c4d",
];

let staging: RecordingServer;
let production: RecordingServer;
let work: string;
/** The Env API package, its environments pointed at the two servers. */
let envApi: string;
/** The precedence package. */
let precedence: string;

/** An environment fixture with its base URL pointed at a server. */
function pointedAt(fixture: string, url: string): string {
  const json = JSON.parse(readFileSync(`${DIR}${fixture}`, "utf8")) as {
    values: Array<{ key: string; value: string }>;
  };
  for (const value of json.values) if (value.key === "baseUrl") value.value = `${url}/v2`;
  const file = join(work, fixture);
  writeFileSync(file, JSON.stringify(json, null, 2));
  return file;
}

beforeAll(async () => {
  [staging, production] = await Promise.all([startRecordingServer(), startRecordingServer()]);
  work = mkdtempSync(join(tmpdir(), "postman-codegen-env-client-"));
  envApi = join(work, "env-api");
  precedence = join(work, "precedence");
  const result = await generate([
    {
      collection: `${DIR}env-api.postman_collection.json`,
      out: envApi,
      name: "env-api",
      environments: [
        { file: pointedAt("staging.postman_environment.json", staging.url) },
        { file: pointedAt("production.postman_environment.json", production.url) },
      ],
      globals: `${DIR}workspace.postman_globals.json`,
    },
    {
      collection: `${DIR}precedence.postman_collection.json`,
      out: precedence,
      name: "precedence",
      environments: [{ file: `${DIR}precedence.postman_environment.json` }],
      globals: `${DIR}precedence.postman_globals.json`,
    },
  ]);
  expect(result.targets.map((t) => t.status)).toEqual(["written", "written"]);
}, 60_000);

afterAll(async () => {
  await Promise.all([staging?.close(), production?.close()]);
});

/**
 * Runs `body` in a Node script with the package's `createClient` and `ValidationError`, by import
 * or by require; `out(key, promise)` records what a call resolved or rejected with.
 */
async function run(pkg: string, body: string, format: "esm" | "cjs" = "esm"): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(work, "script-"));
  const head =
    format === "esm"
      ? `import { createClient, environments, ValidationError } from ${JSON.stringify(pathToFileURL(join(pkg, "dist/index.js")).href)};`
      : `const { createClient, environments, ValidationError } = require(${JSON.stringify(join(pkg, "dist/cjs/index.js"))});`;
  const script = `${head}
const results = {};
const describe = (e) => ({ name: e?.name, validation: e instanceof ValidationError, message: e?.message });
const out = async (key, make) => {
  try { results[key] = { data: await make() }; } catch (e) { results[key] = { error: describe(e) }; }
};
(async () => {
${body}
console.log(JSON.stringify(results));
})();`;
  const file = join(dir, format === "esm" ? "script.mjs" : "script.cjs");
  writeFileSync(file, script);
  const result = await runProgram(process.execPath, [file]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

describe("two environments chosen at run time, the base URL only in them", () => {
  it.each(["esm", "cjs"] as const)("each client reaches its environment's server (%s)", async (format) => {
    staging.reset();
    production.reset();
    const results = await run(
      envApi,
      `const variables = { token: "caller-token", apiKey: "caller-key", sessionSecret: "caller-session" };
await out("staging", () => createClient({ environment: "staging", variables }).getUser({ id: "7" }));
await out("production", () => createClient({ environment: "production", variables }).getUser({ id: "8" }));
await out("ping", () => createClient({ environment: "staging", variables }).ping());`,
      format,
    );
    expect(results).toEqual({ staging: { data: {} }, production: { data: {} }, ping: { data: {} } });
    // Staging's region; production has none, so the collection's.
    expect(staging.requests.map((r) => r.target)).toEqual(["/v2/users/7?region=eu-staging", "/v2/ping"]);
    expect(production.requests.map((r) => r.target)).toEqual(["/v2/users/8?region=collection-region"]);
    expect(staging.requests[0]!.headers.authorization).toBe("Bearer caller-token");
    // The globals' value where neither the collection nor the environment has one.
    expect(staging.requests[1]!.headers).toMatchObject({
      "x-api-key": "caller-key",
      "x-timeout": "30",
      "x-session": "caller-session",
    });
  });

  it("exports the environments as data: names and values, the secrets by key only, their values in no emitted byte", async () => {
    const results = await run(envApi, `await out("environments", () => environments);`);
    expect(results["environments"]).toEqual({
      data: {
        staging: { values: { baseUrl: `${staging.url}/v2`, region: "eu-staging" }, secrets: ["token", "apiKey"] },
        production: { values: { baseUrl: `${production.url}/v2` }, secrets: ["token"] },
      },
    });
    // The values of the secrets are in no byte of either package.
    for (const pkg of [envApi, precedence]) {
      const files = readdirSync(pkg, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
      expect(files.length).toBeGreaterThan(20);
      for (const entry of files) {
        const path = join(entry.parentPath, entry.name);
        const text = readFileSync(path).toString("latin1");
        for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${relative(pkg, path)}`).toBe(false);
      }
    }
  });

  it("asks for a secret of the chosen environment by name, naming the environment, and sends nothing", async () => {
    staging.reset();
    production.reset();
    const results = await run(
      envApi,
      `await out("production", () => createClient({ environment: "production" }).getUser({ id: "1" }));
await out("staging", () => createClient({ environment: "staging", token: "t" }).ping({}, { variables: { sessionSecret: "s" } }));
await out("globals", () => createClient({ environment: "staging", token: "t", variables: { apiKey: "k" } }).ping());`,
    );
    expect(results).toEqual({
      production: {
        error: {
          name: "ValidationError",
          validation: true,
          message:
            'getUser: variable {{token}} has no value, as it is a secret of environment "production": pass it as createClient({ token }) or createClient({ variables: { "token": … } })',
        },
      },
      staging: {
        error: {
          name: "ValidationError",
          validation: true,
          message:
            'ping: variable {{apiKey}} has no value, as it is a secret of environment "staging": pass it as createClient({ variables: { "apiKey": … } }). Or pass the argument "X-Api-Key", whose default refers to it',
        },
      },
      globals: {
        error: {
          name: "ValidationError",
          validation: true,
          message:
            'ping: variable {{sessionSecret}} has no value, as it is a secret of the globals: pass it as createClient({ variables: { "sessionSecret": … } }). Or pass the argument "X-Session", whose default refers to it',
        },
      },
    });
    expect([...staging.requests, ...production.requests]).toEqual([]);
  });

  it("masks the secrets a caller gave (the environment's, the globals') in the error of a call that sent them", async () => {
    staging.reset();
    // The server quotes the header values it got, as some do in an error.
    staging.reply({
      status: 401,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        message: "key caller-key-5e1d with session caller-session-2b7a refused (Bearer caller-token-8c3f)",
      }),
    });
    const results = await run(
      envApi,
      `const variables = { token: "caller-token-8c3f", apiKey: "caller-key-5e1d", sessionSecret: "caller-session-2b7a" };
await out("ping", () => createClient({ environment: "staging", variables }).ping());`,
    );
    expect(staging.requests[0]!.headers).toMatchObject({
      "x-api-key": "caller-key-5e1d",
      "x-session": "caller-session-2b7a",
    });
    expect(results).toEqual({
      ping: {
        error: {
          name: "UnauthorizedError",
          validation: false,
          message: "ping: 401 Unauthorized: key *** with session *** refused (***)",
        },
      },
    });
  });

  it("without an environment, says which environments have the missing value; an unknown name is refused", async () => {
    const results = await run(
      envApi,
      `await out("none", () => createClient({ token: "t" }).getUser({ id: "1" }));
await out("unknown", () => createClient({ environment: "nope" }));
await out("inherited", () => createClient({ environment: "constructor" }));`,
    );
    expect(results).toEqual({
      none: {
        error: {
          name: "ValidationError",
          validation: true,
          message:
            'getUser: variable {{baseUrl}} has no value: pass it as createClient({ variables: { "baseUrl": … } }), or choose an environment that has it: createClient({ environment: "staging" | "production" })',
        },
      },
      unknown: {
        error: {
          name: "ValidationError",
          validation: true,
          message: 'createClient: unknown environment "nope": the collection\'s are "staging", "production"',
        },
      },
      inherited: {
        error: {
          name: "ValidationError",
          validation: true,
          message: 'createClient: unknown environment "constructor": the collection\'s are "staging", "production"',
        },
      },
    });
  });
});

describe("Postman's precedence, one step at a time: global < collection < environment < local", () => {
  it("takes each value from the narrowest scope that has it", async () => {
    staging.reset();
    const results = await run(
      precedence,
      `const client = createClient({ environment: "local", variables: { baseUrl: ${JSON.stringify(staging.url)}, d: "client", e: "client" } });
await out("echo", () => client.scoped.echo({}, { variables: { e: "call" } }));
await out("plain", () => createClient({ variables: { baseUrl: ${JSON.stringify(staging.url)} } }).scoped.echo());`,
    );
    expect(results).toEqual({ echo: { data: {} }, plain: { data: {} } });
    expect(Object.fromEntries(staging.requests[0]!.query)).toEqual({
      a: "collection", // collection
      b: "folder", // the folder's own over the collection's
      r: "request", // the request's own over its folder's
      c: "environment", // the environment over the folder's and the collection's
      d: "client", // createClient's variables over the environment
      e: "call", // the call's variables over createClient's
      g: "global", // the globals' where nothing else has one
      h: "collection", // the collection over the globals
      i: "environment", // the environment over the globals
    });
    // Without an environment, the collection's values stand.
    expect(Object.fromEntries(staging.requests[1]!.query)).toMatchObject({
      c: "folder",
      d: "folder",
      e: "folder",
      i: "global",
    });
  });

  it("an environment's secret hides the collection's value: the caller must pass it", async () => {
    staging.reset();
    const results = await run(
      precedence,
      `const variables = { baseUrl: ${JSON.stringify(staging.url)} };
await out("secret", () => createClient({ environment: "local", variables }).secret());
await out("passed", () => createClient({ environment: "local", variables }).secret({}, { variables: { stamp: "passed-key" } }));
await out("collection", () => createClient({ variables }).secret());`,
    );
    expect(results).toEqual({
      secret: {
        error: {
          name: "ValidationError",
          validation: true,
          message:
            'secret: variable {{stamp}} has no value, as it is a secret of environment "local": pass it as createClient({ variables: { "stamp": … } }). Or pass the argument "X-Stamp", whose default refers to it',
        },
      },
      passed: { data: {} },
      collection: { data: {} },
    });
    expect(staging.requests.map((r) => r.headers["x-stamp"])).toEqual(["passed-key", "collection-stamp"]);
  });
});

describe("hostile environments", () => {
  it("names, keys and values that try to break out stay data", async () => {
    const name = '*/ process.exit(1) /* "; throw 1; ` ${x} </script>';
    // Parsed, so that `__proto__` is an own key, as in a file.
    const values = JSON.parse(
      JSON.stringify({ baseUrl: `${staging.url}/v2`, region: '"; process.exit(2); "\\', "*/x/*": "`${y}`" }).replace(
        "{",
        '{"__proto__":"polluted",',
      ),
    ) as Record<string, string>;
    const env = join(work, "hostile.postman_environment.json");
    writeFileSync(
      env,
      JSON.stringify({ name, values: Object.entries(values).map(([key, value]) => ({ key, value })) }),
    );
    const out = join(work, "hostile");
    const result = await generate([
      { collection: `${DIR}env-api.postman_collection.json`, out, name: "hostile", environments: [{ file: env }] },
    ]);
    expect(result.targets[0]!.status).toBe("written");
    staging.reset();
    const results = await run(
      out,
      `await out("environments", () => JSON.parse(JSON.stringify(environments)));
await out("own", () => Object.keys(environments[${JSON.stringify(name)}].values));
await out("call", () => createClient({ environment: ${JSON.stringify(name)}, token: "t" }).getUser({ id: "1" }));
await out("clean", () => Object.prototype.polluted === undefined);`,
    );
    expect(results).toEqual({
      environments: { data: { [name]: { values, secrets: [] } } },
      own: { data: ["__proto__", "baseUrl", "region", "*/x/*"] },
      call: { data: {} },
      clean: { data: true },
    });
    // The value arrives as written, whatever bytes encode it (a variable's query value is encoded
    // as newman encodes it: test/load/wire.test.ts holds those bytes).
    const sent = staging.requests.map((r) => new URL(r.target, "http://x"));
    expect(sent.map((u) => [u.pathname, [...u.searchParams]])).toEqual([
      ["/v2/users/1", [["region", values["region"]]]],
    ]);
  });
});

describe("the emitted package", () => {
  it("types createClient's environment as the union of the names, in ESM and CommonJS declarations", () => {
    const dir = join(work, "consumer");
    mkdirSync(dir, { recursive: true });
    const file = (name: string, entry: string, lines: string[]) => {
      const path = join(dir, name);
      writeFileSync(
        path,
        [
          `import { createClient, createBaseClient, environments, type EnvironmentName } from ${JSON.stringify(entry)};`,
          ...lines,
          "",
        ].join("\n"),
      );
      return path;
    };
    const lines = [
      'createClient({ environment: "staging" });',
      'createBaseClient({ environment: "production" });',
      'const names: EnvironmentName[] = ["staging", "production"];',
      "const staging: Readonly<Record<string, string>> = environments.staging.values;",
      "export { names, staging };",
      'createClient({ environment: "nope" }); // wrong',
      'createBaseClient({ environment: "Staging" }); // wrong',
      'const bad: EnvironmentName = "local"; // wrong',
      "export { bad };",
    ];
    const roots = [
      file("esm.mts", join(envApi, "dist/index.js"), lines),
      file("cjs.cts", join(envApi, "dist/cjs/index.js"), lines),
    ];
    const program = createProgram({
      rootNames: roots,
      options: strictConsumerOptions(false),
    });
    const wrong = lines.flatMap((line, i) => (line.endsWith("// wrong") ? [i + 2] : []));
    for (const root of roots) {
      const diagnostics = preEmitDiagnostics(program).filter((d) => d.file?.fileName === root);
      expect(
        diagnostics.map((d) => d.file!.getLineAndCharacterOfPosition(d.start!).line + 1),
        root,
      ).toEqual(wrong);
    }
    // And nothing wrong in the package's own declarations.
    const elsewhere = preEmitDiagnostics(program).filter((d) => !roots.includes(d.file?.fileName ?? ""));
    expect(elsewhere.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual([]);
  });
});

describe("the mocks of a client made for an environment", () => {
  it("the README says how the mocks learn it, and the mocks so made answer that client", async () => {
    // The seed collection's base is Zoom's; the environment's is another, which the client then
    // sends to: a mock that knows only the collection's matches none of its calls.
    const environment = join(work, "sandbox.postman_environment.json");
    writeFileSync(
      environment,
      JSON.stringify({ name: "sandbox", values: [{ key: "baseUrl", value: "https://sandbox.example.test/v2" }] }),
    );
    const out = join(work, "seed-sandbox");
    const result = await generate([
      { collection: SEED_COLLECTION, out, name: "seed-sandbox", environments: [{ file: environment }] },
    ]);
    expect(result.targets.map((t) => t.status)).toEqual(["written"]);
    const readme = readFileSync(join(out, "README.md"), "utf8");
    const told =
      /give `createMockFetch` the client's[^]*?`createClient\(\{ environment: "sandbox" \}\)` takes `(createMockFetch\(\{ environment: "sandbox" \}\))`/.exec(
        readme,
      );
    expect(told, "the mocks' section names their environment option").not.toBeNull();
    const mocks = JSON.stringify(pathToFileURL(join(out, "dist/mocks/index.js")).href);
    const results = await run(
      out,
      `const { createMockFetch } = await import(${mocks});
const call = (fetch) => createClient({ environment: "sandbox", token: "t", fetch }).updateUserStatus({ userId: "me", action: "activate" });
await out("without", () => call(createMockFetch()).catch((e) => e.status));
await out("told", () => call(${told![1]!}).then(() => "answered"));`,
    );
    expect(results).toEqual({ without: { data: 404 }, told: { data: "answered" } });
  }, 60_000);
});
