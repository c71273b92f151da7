// Hostile and broken collections (test/fixtures/hostile, and the big ones built by build.ts): each
// either generates, with warnings that name the place, into code that type-checks, passes its own
// tests and runs no injected statement, or stops with a clear message that names the place.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { CodegenError } from "../src/errors.js";
import { emitTarget } from "../src/generate.js";
import type { ApiModel } from "../src/model/types.js";
import { writePackage } from "../src/write/write-package.js";
import { fiftyLevels, fiveMegabyteDescription, tenThousandRequests } from "./fixtures/hostile/build.js";
import { ROOT } from "./helpers/seed.js";
import { configTypeErrors } from "./helpers/type-check.js";

const FIXTURES = join(ROOT, "test/fixtures/hostile");
const OUT = join(ROOT, ".hostile");
const CANARY = join(OUT, "pwned");

/** What each fixture must do: generate (with this many warnings), or fail with this message. */
const EXPECTED: Record<string, { operations: number; warnings: number } | { error: RegExp; where: string }> = {
  // An API key in a header whose name fetch cannot send (markup, a line break): every call would fail.
  "api-key-header": {
    error:
      /^the API key cannot be sent in the header "X`<img src=x onerror=alert\(1\)>`\|": its name is not valid in HTTP/,
    where: "item[1].request.auth.apikey[0]",
  },
  // Seven form field names multipart cannot carry, and the bearer token's variable, a secret, whose
  // value one request's saved examples quote: 10 more, each place masked (the status descriptions
  // in the client; the examples' names and bodies in the mocks and tests). The same request's
  // descriptions quote it too (its own, its path variable's, query parameter's and header's), as
  // does the collection's: 5 more, masked in the docs.
  breakouts: { operations: 10, warnings: 25 },
  // Escape sequences, C1 controls and bidi marks everywhere: escaped in strings, left out of documents.
  "control-characters": { operations: 2, warnings: 0 },
  "duplicate-keys": { operations: 1, warnings: 0 },
  // `then` and Object's members as requests, folders and query keys.
  "member-names": { operations: 9, warnings: 0 },
  // Three sets of requests whose names give one method name: `Get user` six ways, three names
  // without a word (`operation`), `ab` with three invisible joiners.
  "name-collisions": { operations: 37, warnings: 3 },
  "no-request": { operations: 1, warnings: 2 },
  "prototype-keys": { operations: 9, warnings: 1 },
  // Links to scripts and data in every description: text in the README and JSDoc (src/emit/links.ts).
  "script-links": { operations: 1, warnings: 0 },
  // Names in letters newer than TypeScript 5.0's table are written as strings (identifier-chars.ts).
  "unicode-names": { operations: 8, warnings: 0 },
  // Its "only raw" URL (an object of raw text alone) the SDK reads as empty, which newman does not send: left out.
  "url-parts": { operations: 7, warnings: 5 },
  variables: { operations: 3, warnings: 0 },
  // Its body mode "sql" is no problem: the SDK reads an unknown mode as raw (load/body.ts).
  "wrong-types": {
    error:
      /does not match the Postman collection format \(12 problems\):\n {2}- info\.name: must be string\n {2}- item\[0\]\.name: must be string/,
    where: "info.name",
  },
  "fifty-levels": { operations: 2, warnings: 0 },
  "five-megabyte-description": { operations: 1, warnings: 1 },
  "ten-thousand-requests": {
    error: /has more than 5000 requests \(this is request 5001\): raise limits\.maxRequests/,
    where: "item[5000]",
  },
};

const outcomes = new Map<string, { model: ApiModel } | { error: unknown }>();
let childTests: Map<string, { passed: number; failed: number }>;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(join(OUT, "collections"), { recursive: true });
  const built: Record<string, () => object> = {
    "fifty-levels": fiftyLevels,
    "five-megabyte-description": fiveMegabyteDescription,
    "ten-thousand-requests": tenThousandRequests,
  };
  const files = readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".postman_collection.json"))
    .map((f) => [f.replace(".postman_collection.json", ""), join(FIXTURES, f)]);
  for (const [name, build] of Object.entries(built)) {
    const file = join(OUT, "collections", `${name}.postman_collection.json`);
    writeFileSync(file, JSON.stringify(build()));
    files.push([name, file]);
  }
  for (const [name, file] of files) {
    const out = join(OUT, name!);
    try {
      // No `typeCheck` here: "type-checks under --strict" checks the same sources with the same
      // options (the package's tsconfig.json is COMPILER_OPTIONS), the msw entry included, and the
      // check during generation cost each fixture a second program (a fifth of this file's CPU).
      const { model, files: emitted } = await emitTarget({ collection: file!, out, name: name! });
      await writePackage(out, emitted);
      outcomes.set(name!, { model });
    } catch (error) {
      outcomes.set(name!, { error });
    }
  }
  const report = join(OUT, "report.json");
  spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/vitest/vitest.mjs"),
      "run",
      "-c",
      "vitest.hostile.config.ts",
      "--reporter=json",
      `--outputFile=${report}`,
    ],
    {
      cwd: ROOT,
      stdio: "ignore",
      env: { ...process.env, CI: "true" },
    },
  );
  const results = (
    JSON.parse(readFileSync(report, "utf8")) as {
      testResults: Array<{ name: string; assertionResults: Array<{ status: string }> }>;
    }
  ).testResults;
  childTests = new Map(
    results.map((r) => [
      r.name.slice(OUT.length + 1).split("/")[0]!,
      {
        passed: r.assertionResults.filter((a) => a.status === "passed").length,
        failed: r.assertionResults.filter((a) => a.status !== "passed").length,
      },
    ]),
  );
}, 600_000);

describe.each(Object.entries(EXPECTED))("%s", (name, expected) => {
  if ("error" in expected) {
    it("stops with a clear message naming the place", () => {
      const outcome = outcomes.get(name)!;
      expect("error" in outcome && outcome.error).toBeInstanceOf(CodegenError);
      const error = (outcome as { error: CodegenError }).error;
      expect(error.where).toBe(expected.where);
      expect(error.problem).toMatch(expected.error);
      expect(existsSync(join(OUT, name))).toBe(false);
    });
    return;
  }

  it("generates, with warnings that name the place", () => {
    const outcome = outcomes.get(name)!;
    if ("error" in outcome) throw outcome.error;
    expect(outcome.model.operations).toHaveLength(expected.operations);
    expect(outcome.model.warnings).toHaveLength(expected.warnings);
    for (const warning of outcome.model.warnings)
      expect(warning.source).toMatch(/^((item|variable)\[\d+\]|info\.description$)/);
  });

  it("type-checks under --strict, tests included", () => {
    expect(configTypeErrors(join(OUT, name, "tsconfig.json"))).toEqual([]);
    expect(configTypeErrors(join(OUT, name, "test", "tsconfig.json"))).toEqual([]);
  });

  it("passes its own generated tests", () => {
    const tests = childTests.get(name);
    expect(tests?.failed).toBe(0);
    expect(tests?.passed).toBeGreaterThan(0);
  });

  it("runs no injected statement when imported", async () => {
    await import(pathToFileURL(join(OUT, name, "dist/index.js")).href);
    expect((globalThis as { __pwned?: unknown }).__pwned).toBeUndefined();
  });
});

it("no injected statement ran anywhere (the canary file was never written)", () => {
  expect(outcomes.size).toBe(Object.keys(EXPECTED).length);
  expect(existsSync(CANARY)).toBe(false);
});
