// The config is checked against the shipped postman-codegen.schema.json (with ajv): every problem
// at once, each at its path, and the standalone validator the build writes says the same as the
// schema compiled at run time.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema, readConfigSchema, SCHEMA_FILE, type ConfigValidator } from "../src/config-schema.js";
import { COLLECTION_SCHEMA } from "../src/load/collection-schema.js";
import { SCOPE_SCHEMA } from "../src/load/environment.js";
import { schemaValidator, standaloneValidator } from "../src/schema-validators.js";
import { UID_PATTERN } from "../src/postman-api/store.js";
import { findConfig } from "../src/config.js";
import { CodegenError } from "../src/errors.js";
import { ROOT } from "./helpers/seed.js";

function refusal(files: Record<string, unknown>): CodegenError {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-config-schema-"));
  for (const [name, json] of Object.entries(files)) writeFileSync(join(dir, name), JSON.stringify(json));
  try {
    findConfig(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return error as CodegenError;
  }
  throw new Error("the config was accepted");
}

const BAD_TARGET = {
  collection: 1,
  out: "o",
  exlude: ["x"],
  bodyEncoding: { "a/b": "xml" },
  names: { "a/b": "1bad" },
  limits: { maxDepth: 0 },
};

describe("config validation", () => {
  it("lists every problem with its path, placed at the first", () => {
    const error = refusal({
      "postman-codegen.config.json": { targets: [{ collection: "c.json", out: "o" }, BAD_TARGET] },
    });
    expect(error.where).toBe('targets[1].bodyEncoding["a/b"]');
    expect(error.problem.split("\n")).toEqual([
      "does not match postman-codegen.schema.json (5 problems):",
      '  - targets[1].bodyEncoding["a/b"]: must be one of "json", "urlencoded", "multipart"',
      "  - targets[1].collection: must be string",
      "  - targets[1].exlude: unknown option (did you mean exclude?); the options are collection, out, name, version, baseUrl, include, exclude, names, bodyEncoding, limits, environments, globals, postman",
      "  - targets[1].limits.maxDepth: must be >= 1",
      '  - targets[1].names["a/b"]: "1bad" is not a method name: use letters, digits, "_" and "$", not starting with a digit',
    ]);
  });

  it("offers the option a typo was near, naming the file and the place, as an unknown flag is offered", () => {
    const typo = refusal({
      "postman-codegen.config.json": {
        targets: [{ collection: "c.json", out: "o", enviroments: { sandbox: "sandbox.json" } }],
      },
    });
    expect(typo.message).toMatch(/postman-codegen\.config\.json at targets\[0\]\.enviroments: /);
    expect(typo.problem).toBe(
      "unknown option (did you mean environments?); the options are collection, out, name, version, baseUrl, include, exclude, names, bodyEncoding, limits, environments, globals, postman",
    );
    // In a package.json's key too; a name near none is offered none.
    const nested = refusal({
      "package.json": {
        name: "x",
        "postman-codegen": { targets: [{ collection: "c.json", out: "o", postman_collection: "1-a" }] },
      },
    });
    expect(nested.where).toBe("postman-codegen.targets[0].postman_collection");
    expect(nested.problem).toMatch(/^unknown option; the options are collection, /);
  });

  it("says what a missing option is for, from the schema", () => {
    const error = refusal({ "postman-codegen.config.json": { targets: [{ collection: "c.json" }] } });
    expect(error.message).toMatch(
      /postman-codegen\.config\.json at targets\[0\]\.out: missing: Output directory of the emitted package\.$/,
    );
  });

  it("places problems of a package.json key under that key", () => {
    const error = refusal({
      "package.json": { name: "app", "postman-codegen": { targets: [{ collection: "c.json", out: "o", exlude: [] }] } },
    });
    expect(error.where).toBe("postman-codegen.targets[0].exlude");
    expect(refusal({ "package.json": { "postman-codegen": { targets: {} } } }).message).toMatch(
      /package\.json at postman-codegen\.targets: must be array$/,
    );
  });
});

describe("environments, globals and the Postman API", () => {
  it("resolves environment and globals files beside the config, each environment by its key", () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-config-env-"));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          {
            collection: "c.json",
            out: "o",
            environments: { staging: "env/staging.json", prod: "env/prod.json" },
            globals: "globals.json",
          },
        ],
      }),
    );
    expect(findConfig(dir).targets[0]).toMatchObject({
      collection: join(dir, "c.json"),
      environments: [
        { name: "staging", file: join(dir, "env/staging.json") },
        { name: "prod", file: join(dir, "env/prod.json") },
      ],
      globals: join(dir, "globals.json"),
    });
  });

  it("reads a Postman API target from its stored copies beside the config", () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-config-postman-"));
    const postman = {
      collection: "1234-aaaa",
      environments: { staging: "1234-bbbb" },
      apiKeyEnv: "TEAM_KEY",
      apiUrl: "http://127.0.0.1:9",
    };
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ postman, out: "o", name: "api", environments: { dev: "dev.json" } }] }),
    );
    expect(findConfig(dir).targets[0]).toEqual({
      collection: join(dir, "postman-sources/collections/1234-aaaa.postman_collection.json"),
      environments: [
        { name: "dev", file: join(dir, "dev.json") },
        { name: "staging", file: join(dir, "postman-sources/environments/1234-bbbb.postman_environment.json") },
      ],
      postman: {
        collection: "1234-aaaa",
        environments: [{ name: "staging", uid: "1234-bbbb" }],
        apiKeyEnv: "TEAM_KEY",
        apiUrl: "http://127.0.0.1:9",
        root: dir,
      },
      out: join(dir, "o"),
      name: "api",
    });
  });

  it("checks uids on the command line with the schema's pattern", () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, "utf8")) as {
      properties: {
        targets: { items: { properties: { postman: { properties: { collection: { pattern: string } } } } } };
      };
    };
    expect(schema.properties.targets.items.properties.postman.properties.collection.pattern).toBe(UID_PATTERN.source);
  });

  it.each([
    [
      "neither a collection nor postman",
      { out: "o" },
      "targets[0]",
      "give the collection either as `collection` (a file) or as `postman` (its uid in the Postman API), one of the two",
    ],
    [
      "both",
      { collection: "c.json", postman: { collection: "1-a" }, out: "o", name: "x" },
      "targets[0]",
      "give the collection either as `collection` (a file) or as `postman` (its uid in the Postman API), one of the two",
    ],
    [
      "postman without a name",
      { postman: { collection: "1-a" }, out: "o" },
      "targets[0].name",
      "missing: a target with `postman` needs a package name (there is no collection file name to take one from)",
    ],
    [
      "a uid that is not one",
      { postman: { collection: "../1" }, out: "o", name: "x" },
      "targets[0].postman.collection",
      '"../1" is not a Postman uid (letters, digits and "-", such as 12345678-0c5d1b0e-…)',
    ],
    [
      "an environment uid that is not one",
      { postman: { collection: "1-a", environments: { s: "a b" } }, out: "o", name: "x" },
      "targets[0].postman.environments.s",
      '"a b" is not a Postman uid (letters, digits and "-", such as 12345678-0c5d1b0e-…)',
    ],
    [
      "a key variable that is not a name",
      { postman: { collection: "1-a", apiKeyEnv: "1KEY" }, out: "o", name: "x" },
      "targets[0].postman.apiKeyEnv",
      'not an environment variable\'s name (letters, digits and "_", not starting with a digit): give the name of the variable that holds the key, not the key (what was given is not shown)',
    ],
    [
      "the key itself where the name of its variable goes, without quoting it",
      { postman: { collection: "1-a", apiKeyEnv: "PMAK-CONFIG-SECRET" }, out: "o", name: "x" },
      "targets[0].postman.apiKeyEnv",
      'not an environment variable\'s name (letters, digits and "_", not starting with a digit): give the name of the variable that holds the key, not the key (what was given is not shown)',
    ],
    [
      "an API URL that is not one",
      { postman: { collection: "1-a", apiUrl: "ftp://x" }, out: "o", name: "x" },
      "targets[0].postman.apiUrl",
      '"ftp://x" is not an http(s) URL',
    ],
    [
      "an API URL that is not one, without quoting its user name and password",
      { postman: { collection: "1-a", apiUrl: "ftp://me:PMAK-CONFIG-SECRET@x" }, out: "o", name: "x" },
      "targets[0].postman.apiUrl",
      '"ftp://***@x" is not an http(s) URL',
    ],
    [
      "an API URL with a user name and password",
      { postman: { collection: "1-a", apiUrl: "https://me:PMAK-CONFIG-SECRET@api.example.com" }, out: "o", name: "x" },
      "targets[0].postman.apiUrl",
      "the API URL holds a user name or password: it takes none (the API key goes in $POSTMAN_API_KEY, never in the URL)",
    ],
    [
      "an API URL with a query",
      {
        postman: {
          collection: "1-a",
          apiKeyEnv: "PM_KEY",
          apiUrl: "https://api.example.com/?apikey=PMAK-CONFIG-SECRET",
        },
        out: "o",
        name: "x",
      },
      "targets[0].postman.apiUrl",
      "the API URL holds a query: it takes none (the API key goes in $PM_KEY, never in the URL)",
    ],
    [
      "an environment without a name",
      { collection: "c.json", out: "o", environments: { "": "a.json" } },
      'targets[0].environments[""]',
      "an environment needs a name (a key that is not empty)",
    ],
    [
      // As the command line's repeatable -e gives them: the config names each one by its key.
      "environments given as a list of files",
      { collection: "c.json", out: "o", environments: ["env/staging.postman_environment.json"] },
      "targets[0].environments",
      'must be an object of environment files by name, { "staging": "env/staging.postman_environment.json" }: the client knows each by its key (createClient({ environment: "staging" }))',
    ],
    [
      "an environment that is not a file name",
      { collection: "c.json", out: "o", environments: { s: 1 } },
      "targets[0].environments.s",
      "must be string",
    ],
    [
      "an unknown postman option",
      { postman: { collection: "1-a", key: "PMAK-1" }, out: "o", name: "x" },
      "targets[0].postman.key",
      "unknown option; the options are collection, environments, apiKeyEnv, apiUrl",
    ],
  ])("refuses %s, at its place", (_kind, target, where, problem) => {
    const error = refusal({ "postman-codegen.config.json": { targets: [target] } });
    expect(error.where).toBe(where);
    expect(error.problem).toBe(problem);
    expect(error.message).not.toContain("PMAK-CONFIG-SECRET");
  });
});

describe("the standalone validator the build writes", () => {
  // Written inside the repository, so that its require("ajv/…") resolves as it does in dist/.
  const dir = join(ROOT, "node_modules/.cache/postman-codegen-test");
  mkdirSync(dir, { recursive: true });
  let written = 0;
  /** The standalone validator of `schema`, as the build writes it, loaded as dist/ loads it. */
  const standalone = (schema: object): ConfigValidator => {
    // A file of its own each time: require() keeps what it loaded by file name.
    const file = join(dir, `validator-${process.pid}-${written++}.cjs`);
    writeFileSync(file, standaloneValidator(schema));
    const loaded = createRequire(import.meta.url)(file) as ConfigValidator;
    rmSync(file);
    return loaded;
  };
  const prebuilt = standalone(readConfigSchema());

  it.each([
    ["valid", { targets: [{ collection: "c.json", out: "o", name: "@acme/api", limits: { maxRequests: 10 } }] }],
    ["bad", { targets: [{ collection: "c.json", out: "o" }, BAD_TARGET] }],
    ["no targets", { target: [] }],
    ["bad name", { targets: [{ collection: "c.json", out: "o", name: "Not Valid", version: "1.2" }] }],
    // maxLength counts code points (ajv's ucs2length, written into the module): 120 of them here, in 240 UTF-16 units.
    ["an astral name", { targets: [{ collection: "c.json", out: "o", name: "\u{1F600}".repeat(120) }] }],
    ["a long name", { targets: [{ collection: "c.json", out: "o", name: "a".repeat(215) }] }],
    [
      "postman",
      {
        targets: [
          {
            postman: { collection: "1-a", environments: { s: "1-b" } },
            environments: { d: "d.json" },
            globals: "g.json",
            out: "o",
            name: "x",
          },
        ],
      },
    ],
    [
      "bad postman",
      {
        targets: [
          { collection: "c.json", postman: { collection: "1/a", apiUrl: "x" }, environments: { "": 3 }, out: "o" },
          { postman: { collection: "1-a" }, out: "o" },
        ],
      },
    ],
  ])("agrees with the schema compiled at run time: %s", (_kind, config) => {
    const { validate } = configSchema();
    expect(prebuilt(config)).toBe(validate(config));
    expect(prebuilt.errors ?? null).toEqual(validate.errors ?? null);
  });

  it("requires nothing: ajv's helpers are written into it", () => {
    for (const schema of [readConfigSchema(), COLLECTION_SCHEMA, SCOPE_SCHEMA])
      expect(standaloneValidator(schema)).not.toMatch(/\brequire\(/);
  });

  it.each([
    [
      "a collection",
      COLLECTION_SCHEMA,
      "collection",
      [{ info: { name: "x", schema: "s" }, item: [{ name: 3, request: { url: 4 } }] }, { info: {} }, { item: [] }],
    ],
    [
      "an environment",
      SCOPE_SCHEMA,
      "scope",
      [{ name: "e", values: [{ key: "a", value: "b" }] }, { name: 1, values: [{ key: 2 }] }, { values: "x" }],
    ],
  ] as const)("agrees with the schema compiled at run time for %s", (_what, schema, name, samples) => {
    const prebuiltOne = standalone(schema);
    const compiled = schemaValidator(`${name}-compiled-${process.pid}`, schema);
    for (const sample of samples) {
      expect(prebuiltOne(sample)).toBe(compiled(sample));
      expect(prebuiltOne.errors ?? null).toEqual(compiled.errors ?? null);
    }
  });
});
