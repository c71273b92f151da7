// Environments and globals through the command line and the config: warnings name the file and the
// key, no secret reaches a byte of the output, a bad file stops the run with its JSON path and
// nothing written, and a changed environment makes its target stale (the no-op fast path too).
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import { isUpToDate } from "../../src/fast-path.js";
import { generate } from "../../src/generate.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES, ROOT } from "../helpers/seed.js";

const DIR = `${FIXTURES}environments/`;
const COLLECTION = `${DIR}env-api.postman_collection.json`;
const STAGING = `${DIR}staging.postman_environment.json`;
const PRODUCTION = `${DIR}production.postman_environment.json`;
const GLOBALS = `${DIR}workspace.postman_globals.json`;
const SECRETS = [
  "STAGING-TOKEN-SECRET-4f2a",
  "STAGING-APIKEY-SECRET-9b1c",
  "PRODUCTION-TOKEN-SECRET-7d3e",
  "GLOBAL-SESSION-SECRET-1e5f",
];

const scratch = () => mkdtempSync(join(tmpdir(), "postman-codegen-env-"));

/** Every file under `dir` with its bytes as text. */
function everyFile(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), "latin1")]),
  );
}

function expectNoSecret(texts: Record<string, string>): void {
  for (const [path, text] of Object.entries(texts))
    for (const secret of SECRETS) expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
}

/** A project with the fixtures copied in and a config naming them. */
function project(): { dir: string; config: string } {
  const dir = scratch();
  for (const file of [COLLECTION, STAGING, PRODUCTION, GLOBALS]) copyFileSync(file, join(dir, file.slice(DIR.length)));
  const config = join(dir, "postman-codegen.config.json");
  writeFileSync(
    config,
    JSON.stringify({
      targets: [
        {
          collection: "env-api.postman_collection.json",
          out: "out",
          name: "env-api",
          environments: {
            staging: "staging.postman_environment.json",
            production: "production.postman_environment.json",
          },
          globals: "workspace.postman_globals.json",
        },
      ],
    }),
  );
  return { dir, config };
}

// Each test writes only into a scratch folder of its own: the tests run side by side.
describe.concurrent("generate with environments and globals", () => {
  it("warns once per file of the secrets it leaves out, naming each key, and writes no secret anywhere", async () => {
    const out = join(scratch(), "out");
    const result = await runCli([
      "generate",
      COLLECTION,
      "--environment",
      STAGING,
      "-e",
      PRODUCTION,
      "--globals",
      GLOBALS,
      "--out",
      out,
    ]);
    expect(result.code, result.stderr).toBe(0);
    const warnings = result.stderr.split("\n").filter((line) => line.startsWith("warning: "));
    // Leaving secrets out is what the docs promise: one line per file, however many it holds.
    expect(warnings).toEqual([
      'warning: test/fixtures/environments/workspace.postman_globals.json at values[2].value: the value of "sessionSecret" (its type is "secret") is left out of the client: the client asks for it at run time (pass it in variables)',
      'warning: test/fixtures/environments/staging.postman_environment.json at 2 places (values[2].value, values[3].value): the value of "token" (its type is "secret") is left out of the client: the client asks for it at run time (pass it in variables); the same for "apiKey" (its name says it is a credential)',
      'warning: test/fixtures/environments/production.postman_environment.json at values[1].value: the value of "token" (its type is "secret") is left out of the client: the client asks for it at run time (pass it in variables)',
    ]);
    expectNoSecret({ stdout: result.stdout, stderr: result.stderr, ...everyFile(out) });
    // Globals below the collection: the collection's region, the globals' timeout.
    const client = readFileSync(join(out, "src/client.ts"), "utf8");
    expect(client).toContain('"collection-region"');
    expect(client).not.toContain("global-region");
    expect(client).toContain('timeout: "30"');
    // …and each value's docs say whose it is: the globals' is no value of the collection's.
    expect(client).toContain("The collection's value: `collection-region`.");
    expect(client).toContain("The globals' value: `30`.");
    expect(client).not.toContain("The collection's value: `30`.");
    const readme = readFileSync(join(out, "README.md"), "utf8");
    expect(readme).toMatch(/\| `region` +\| `collection-region` +\|/);
    expect(readme).toMatch(/\| `timeout` +\| `30` \(the globals': the collection has none\) +\|/);
  });

  it("says the same in --json, each warning with its file", async () => {
    const out = join(scratch(), "out");
    const result = await runCli(["generate", COLLECTION, "-e", STAGING, "--out", out, "--json"]);
    expect(result.code, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as {
      targets: Array<{ warnings: Array<{ file?: string; source: string; message: string }> }>;
    };
    // One entry per value left out, though a person reads them as one line.
    expect(
      json.targets[0]!.warnings.map((w) => [w.file, w.source, w.message.slice(0, w.message.indexOf(" is left"))]),
    ).toEqual([
      [STAGING, "values[2].value", 'the value of "token" (its type is "secret")'],
      [STAGING, "values[3].value", 'the value of "apiKey" (its name says it is a credential)'],
    ]);
    expect(json.targets[0]!.warnings.every((w) => !("subject" in w))).toBe(true);
    expectNoSecret({ stdout: result.stdout, stderr: result.stderr });
  });

  it.each([
    ["not JSON", "{ nope", /^error: .*bad\.json at line 1, column 3: not valid JSON/],
    [
      "a collection",
      readFileSync(COLLECTION, "utf8"),
      /^error: .*bad\.json at \$: this is a Postman collection, not a Postman environment/,
    ],
    [
      "globals",
      readFileSync(GLOBALS, "utf8"),
      /^error: .*bad\.json at _postman_variable_scope: this file holds Postman globals: pass it with --globals/,
    ],
    [
      "the wrong shape",
      JSON.stringify({ name: "x", values: [{ key: 1 }] }),
      /^error: .*bad\.json at values\[0\]\.key: must be string\n$/,
    ],
  ])(
    "stops on an environment file that is %s: exit 1, the file and the JSON path, nothing written",
    async (_kind, text, message) => {
      const dir = scratch();
      writeFileSync(join(dir, "bad.json"), text);
      const result = await runCli(["generate", COLLECTION, "-e", join(dir, "bad.json"), "--out", join(dir, "out")]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(readdirSync(dir)).toEqual(["bad.json"]);
    },
  );

  it("stops on a bad globals file the same way", async () => {
    const dir = scratch();
    writeFileSync(join(dir, "globals.json"), JSON.stringify({ name: "g", values: "none" }));
    const result = await runCli([
      "generate",
      COLLECTION,
      "--globals",
      join(dir, "globals.json"),
      "--out",
      join(dir, "out"),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: .*globals\.json at values: must be array\n$/);
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("refuses --environment without a collection (a config's targets name theirs)", async () => {
    const result = await runCli(["generate", "--environment", STAGING]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--environment, --globals and the --postman-… options go with a collection");
  });
});

describe("the input hash and the no-op fast path", () => {
  it("a change of an environment, of its name in the config, or of the globals makes the target stale", async () => {
    const { dir, config } = project();
    const target = () => findConfig(dir).targets[0]!;
    expect((await generate([target()])).targets[0]!.status).toBe("written");
    expect(isUpToDate(target())).toBe(true);
    expectNoSecret(everyFile(join(dir, "out")));

    const staging = join(dir, "staging.postman_environment.json");
    writeFileSync(staging, readFileSync(staging, "utf8").replace("eu-staging", "eu-west-staging"));
    expect(isUpToDate(target())).toBe(false);
    await generate([target()]);
    expect(isUpToDate(target())).toBe(true);

    writeFileSync(config, readFileSync(config, "utf8").replace('"staging":', '"stage":'));
    expect(isUpToDate(target())).toBe(false);
    await generate([target()]);

    const globals = join(dir, "workspace.postman_globals.json");
    writeFileSync(globals, readFileSync(globals, "utf8").replace('"30"', '"60"'));
    expect(isUpToDate(target())).toBe(false);
  });

  it("the command's fast path answers up to date, and regenerates after an environment changes", async () => {
    const { dir } = project();
    expect((await runCli(["generate"], dir)).code).toBe(0);
    const noop = await runCli(["generate"], dir);
    expect(noop.stdout).toBe("env-api: up to date\n");
    const production = join(dir, "production.postman_environment.json");
    writeFileSync(production, readFileSync(production, "utf8").replace("api.example.com", "api2.example.com"));
    const again = await runCli(["generate"], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^env-api: 2 operations, \d+ files → out$/m);
  });

  it("keeps the input hash of a target without environments as it was", async () => {
    const { inputHash } = await import("../../src/cache/fingerprint.js");
    const plain = { collection: COLLECTION, out: join(ROOT, "generated/x"), name: "x" };
    expect(inputHash({ ...plain, environments: [] }, undefined)).toBe(inputHash(plain, undefined));
    expect(inputHash({ ...plain, environments: [{ file: STAGING }] }, undefined)).not.toBe(inputHash(plain, undefined));
  });
});
