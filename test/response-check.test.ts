// The report mode of issue 21 (`createClient({ responseCheck })`), on the wire: a generated client
// run by plain Node (import and require) against the recording server on 127.0.0.1. A body that
// fits its inferred type passes; one that does not is reported path by path, kinds only (never a
// value), to onTypeMismatch, and rejects with a ResponseTypeError under "throw". Off by default;
// the inferred types are the package's `responseChecks`, which a bundle that does not import it
// leaves out.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../src/generate.js";
import { bundle } from "./helpers/bundle.js";
import { runProgram } from "./helpers/program.js";
import { FIXTURES } from "./helpers/seed.js";
import { useRecordingServer } from "./helpers/recording.js";

const COLLECTION = join(FIXTURES, "inference", "shared-shapes.postman_collection.json");
const WORK = mkdtempSync(join(tmpdir(), "response-check-"));
const OUT = join(WORK, "pkg");
const server = useRecordingServer({ resetEach: false });

beforeAll(async () => {
  const result = await generate([{ collection: COLLECTION, out: OUT, name: "shared" }]);
  expect(result.targets[0]!.status).toBe("written");
}, 60_000);

const json = (body: unknown) => ({
  status: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});
const GOOD = {
  id: 7,
  full_name: "hubot/r7",
  owner: { login: "hubot", id: 2, site_admin: true },
  labels: [{ name: "docs", color: "0075ca" }],
};
const BAD = {
  id: "SECRET-ID-VALUE",
  full_name: "hubot/r7",
  owner: { login: 42, id: 2, site_admin: true },
  labels: [{ name: "docs" }],
};

async function run(body: string, format: "esm" | "cjs" = "esm"): Promise<Record<string, unknown>> {
  const head =
    format === "esm"
      ? `import { createClient, responseChecks, ResponseTypeError, ApiClientError, ValidationError } from ${JSON.stringify(pathToFileURL(join(OUT, "dist/index.js")).href)};`
      : `const { createClient, responseChecks, ResponseTypeError, ApiClientError, ValidationError } = require(${JSON.stringify(join(OUT, "dist/cjs/index.js"))});`;
  const file = join(WORK, `script-${Math.random().toString(36).slice(2)}.${format === "esm" ? "mjs" : "cjs"}`);
  writeFileSync(
    file,
    `${head}
const baseUrl = process.argv[2];
const results = {};
const warnings = [];
console.warn = (...args) => warnings.push(args.join(" "));
const out = async (key, make) => {
  try { results[key] = { data: await make() }; } catch (e) {
    results[key] = { error: { name: e.name, responseType: e instanceof ResponseTypeError, validation: e instanceof ValidationError, client: e instanceof ApiClientError, message: e.message, mismatches: e.mismatches } };
  }
};
(async () => {
${body}
results.warnings = warnings;
console.log(JSON.stringify(results));
})();`,
  );
  const result = await runProgram(process.execPath, [file, server.url]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Record<string, unknown>;
}

const MISMATCHES = [
  { operation: "getRepo7", status: 200, path: "$.id", expected: "number", received: "string" },
  { operation: "getRepo7", status: 200, path: "$.owner.login", expected: "string", received: "number" },
  { operation: "getRepo7", status: 200, path: "$.labels[0].color", expected: "string", received: "missing" },
];

describe("responseCheck", () => {
  it.each(["esm", "cjs"] as const)(
    "passes a fitting body and reports each difference of another, by path and kind (%s)",
    async (format) => {
      server.reset();
      server.reply(json(GOOD), json(BAD));
      const results = await run(
        `const seen = [];
const client = createClient({ baseUrl, responseCheck: "warn", responseChecks, onTypeMismatch: (m) => seen.push(m) });
await out("good", () => client.getRepo7({ repo: "r7" }).then(() => seen.length));
await out("bad", () => client.getRepo7({ repo: "r7" }).then((data) => ({ id: data.id, seen })));`,
        format,
      );
      expect(results["good"]).toEqual({ data: 0 });
      // "warn" resolves with the body as it came.
      expect(results["bad"]).toEqual({ data: { id: "SECRET-ID-VALUE", seen: MISMATCHES } });
      expect(results["warnings"]).toEqual([]);
    },
  );

  it('rejects with a ResponseTypeError under "throw", and warns on the console without onTypeMismatch; never with a value', async () => {
    server.reset();
    server.reply(json(BAD));
    const results = await run(
      `await out("throw", () => createClient({ baseUrl, responseCheck: "throw", responseChecks }).getRepo7({ repo: "r7" }));
await out("warn", () => createClient({ baseUrl, responseCheck: "warn", responseChecks }).getRepo7({ repo: "r7" }).then(() => "resolved"));`,
    );
    expect(results["throw"]).toEqual({
      error: {
        name: "ResponseTypeError",
        responseType: true,
        validation: false,
        client: true,
        message:
          "getRepo7: the 200 body differs from the type inferred from the collection's examples: $.id is string, expected number (and 2 more)",
        mismatches: MISMATCHES,
      },
    });
    expect(results["warn"]).toEqual({ data: "resolved" });
    expect(results["warnings"]).toEqual([
      "getRepo7: $.id is string, expected number (the type inferred from the examples)",
      "getRepo7: $.owner.login is number, expected string (the type inferred from the examples)",
      "getRepo7: $.labels[0].color is missing, expected string (the type inferred from the examples)",
    ]);
    expect(JSON.stringify(results.throw)).not.toContain("SECRET-ID-VALUE");
    expect(JSON.stringify(results.warnings)).not.toContain("SECRET-ID-VALUE");
  });

  it("is off by default, asks for responseChecks when on, and stays out of a bundle that does not import it", async () => {
    server.reset();
    server.reply(json(BAD));
    const results = await run(
      `await out("off", () => createClient({ baseUrl }).getRepo7({ repo: "r7" }).then((data) => data.owner.login));
await out("without", () => createClient({ baseUrl, responseCheck: "warn" }));`,
    );
    expect(results).toEqual({
      off: { data: 42 },
      without: {
        error: {
          name: "ValidationError",
          responseType: false,
          validation: true,
          client: true,
          message:
            "createClient: responseCheck needs the package's responseChecks export: pass createClient({ responseCheck, responseChecks })",
        },
      },
      warnings: [],
    });
    const entry = JSON.stringify(join(OUT, "dist/index.js"));
    const plain = await bundle(
      `import { createBaseClient, getRepo7 } from ${entry};\nexport const run = () => getRepo7(createBaseClient(), { repo: "r7" });`,
      { minify: true },
    );
    const checking = await bundle(
      `import { createClient, responseChecks } from ${entry};\nexport const client = createClient({ responseCheck: "warn", responseChecks });`,
      { minify: true },
    );
    // The check's table (its shared shapes by name) and the checker's messages.
    for (const marker of ['"site_admin"', "inferred from the collection"]) {
      expect(plain.code).not.toContain(marker);
      expect(checking.code).toContain(marker);
    }
  }, 60_000);
});
