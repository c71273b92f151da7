// Every collection of the corpus (test/helpers/corpus.ts) becomes a client package under .corpus/ that must
// type-check under --strict, pass its own generated tests (run by a child vitest), and come out
// byte-identical from a second run. The v1 collection must be refused with the v1 message.
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPackageName } from "../src/config.js";
import { CodegenError } from "../src/errors.js";
import { emitTarget } from "../src/generate.js";
import { writePackage } from "../src/write/write-package.js";
import { corpusCollections, isV1 } from "./helpers/corpus.js";
import { ROOT } from "./helpers/seed.js";
import { createProgram } from "./helpers/type-check.js";

const CORPUS = join(ROOT, ".corpus");
const paths = new Map(corpusCollections().map((path) => [basename(path), path]));
const files = [...paths.keys()];
const v1 = files.filter((f) => isV1(f));
const loadable = files.filter((f) => !v1.includes(f));

interface Row {
  requests: number;
  operations: number;
  seconds: number;
  warnings: number;
  deterministic: boolean;
  typeErrors: string[];
  tests?: { passed: number; failed: number };
}
const rows = new Map<string, Row>();

function countRequests(file: string): number {
  const walk = (items: unknown): number =>
    Array.isArray(items)
      ? items.reduce<number>(
          (n, item: { item?: unknown; request?: unknown }) =>
            n + (Array.isArray(item.item) ? walk(item.item) : item.request ? 1 : 0),
          0,
        )
      : 0;
  return walk((JSON.parse(readFileSync(paths.get(file)!, "utf8")) as { item: unknown }).item);
}

function typeErrors(configPath: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    { noEmit: true },
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
  );
  if (!config) return [`cannot read ${configPath}`];
  if (config.options.strict !== true) return [`${configPath} is not strict`];
  const program = createProgram({ rootNames: config.fileNames, options: config.options });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

beforeAll(async () => {
  rmSync(CORPUS, { recursive: true, force: true });
  for (const file of loadable) {
    const name = defaultPackageName(file);
    const target = { collection: paths.get(file)!, out: join(CORPUS, name), name };
    const started = performance.now();
    const first = await emitTarget(target);
    const seconds = (performance.now() - started) / 1000;
    const second = await emitTarget(target);
    await writePackage(target.out, first.files);
    rows.set(file, {
      requests: countRequests(file),
      operations: first.model.operations.length,
      seconds,
      warnings: first.model.warnings.length,
      deterministic: JSON.stringify([...first.files]) === JSON.stringify([...second.files]),
      typeErrors: [
        ...typeErrors(join(target.out, "tsconfig.json")),
        ...typeErrors(join(target.out, "test", "tsconfig.json")),
      ],
    });
  }
  // One child vitest runs the generated tests of every package, with a JSON report to count from.
  const report = join(CORPUS, "report.json");
  spawnSync(
    process.execPath,
    [
      join(ROOT, "node_modules/vitest/vitest.mjs"),
      "run",
      "-c",
      "vitest.corpus.config.ts",
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
  for (const file of loadable) {
    const result = results.find((r) => r.name.startsWith(join(CORPUS, defaultPackageName(file), "test")));
    const statuses = result?.assertionResults.map((a) => a.status) ?? [];
    rows.get(file)!.tests = {
      passed: statuses.filter((s) => s === "passed").length,
      failed: statuses.filter((s) => s !== "passed").length,
    };
  }
}, 600_000);

afterAll(() => {
  const lines = [...rows].map(([file, row]) => {
    const ok =
      row.deterministic && row.typeErrors.length === 0 && row.tests && row.tests.failed === 0 && row.tests.passed > 0;
    return `${file.padEnd(48)} ${String(row.requests).padStart(8)} ${String(row.operations).padStart(10)} ${String(row.warnings).padStart(8)} ${row.seconds.toFixed(1).padStart(7)}  ${ok ? "pass" : "FAIL"}  (${row.tests?.passed ?? 0} tests passed, ${row.tests?.failed ?? 0} failed)`;
  });
  console.log([`${"collection".padEnd(48)} requests operations warnings seconds  result`, ...lines].join("\n"));
});

describe.each(loadable)("%s", (file) => {
  it("becomes one operation per request", () => {
    const row = rows.get(file)!;
    expect(row.operations).toBe(row.requests);
  });

  it("type-checks under --strict", () => {
    expect(rows.get(file)!.typeErrors).toEqual([]);
  });

  it("passes its own generated tests", () => {
    const tests = rows.get(file)!.tests!;
    expect(tests.failed).toBe(0);
    expect(tests.passed).toBeGreaterThan(0);
  });

  it("is deterministic: two runs give the same bytes", () => {
    expect(rows.get(file)!.deterministic).toBe(true);
  });
});

describe.each(v1)("%s", (file) => {
  it("is refused with the v1 message", async () => {
    const error = await emitTarget({ collection: paths.get(file)!, out: join(CORPUS, "v1"), name: "v1" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as Error).message).toContain("this is a Postman v1 collection, which is not supported");
  });
});
