// The config is checked against the shipped postman-codegen.schema.json (with ajv): every problem
// at once, each at its path, and the standalone validator the build writes says the same as the
// schema compiled at run time.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema, standaloneValidator, type ConfigValidator } from "../src/config-schema.js";
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

const BAD_TARGET = { collection: 1, out: "o", exlude: ["x"], bodyEncoding: { "a/b": "xml" }, names: { "a/b": "1bad" }, limits: { maxDepth: 0 } };

describe("config validation", () => {
  it("lists every problem with its path, placed at the first", () => {
    const error = refusal({ "postman-codegen.config.json": { targets: [{ collection: "c.json", out: "o" }, BAD_TARGET] } });
    expect(error.where).toBe('targets[1].bodyEncoding["a/b"]');
    expect(error.problem.split("\n")).toEqual([
      "does not match postman-codegen.schema.json (5 problems):",
      '  - targets[1].bodyEncoding["a/b"]: must be one of "json", "urlencoded", "multipart"',
      "  - targets[1].collection: must be string",
      "  - targets[1].exlude: unknown option; the options are collection, out, name, version, baseUrl, include, exclude, names, bodyEncoding, limits",
      "  - targets[1].limits.maxDepth: must be >= 1",
      '  - targets[1].names["a/b"]: "1bad" is not a method name: use letters, digits, "_" and "$", not starting with a digit',
    ]);
  });

  it("says what a missing option is for, from the schema", () => {
    const error = refusal({ "postman-codegen.config.json": { targets: [{ collection: "c.json" }] } });
    expect(error.message).toMatch(/postman-codegen\.config\.json at targets\[0\]\.out: missing: Output directory of the emitted package\.$/);
  });

  it("places problems of a package.json key under that key", () => {
    const error = refusal({ "package.json": { name: "app", "postman-codegen": { targets: [{ collection: "c.json", out: "o", exlude: [] }] } } });
    expect(error.where).toBe("postman-codegen.targets[0].exlude");
    expect(refusal({ "package.json": { "postman-codegen": { targets: {} } } }).message).toMatch(/package\.json at postman-codegen\.targets: must be array$/);
  });
});

describe("the standalone validator the build writes", () => {
  // Written inside the repository, so that its require("ajv/…") resolves as it does in dist/.
  const dir = join(ROOT, "node_modules/.cache/postman-codegen-test");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `validator-${process.pid}.cjs`);
  writeFileSync(file, standaloneValidator());
  const prebuilt = createRequire(import.meta.url)(file) as ConfigValidator;
  rmSync(file);

  it.each([
    ["valid", { targets: [{ collection: "c.json", out: "o", name: "@acme/api", limits: { maxRequests: 10 } }] }],
    ["bad", { targets: [{ collection: "c.json", out: "o" }, BAD_TARGET] }],
    ["no targets", { target: [] }],
    ["bad name", { targets: [{ collection: "c.json", out: "o", name: "Not Valid", version: "1.2" }] }],
  ])("agrees with the schema compiled at run time: %s", (_kind, config) => {
    const { validate } = configSchema();
    expect(prebuilt(config)).toBe(validate(config));
    expect(prebuilt.errors ?? null).toEqual(validate.errors ?? null);
  });
});
