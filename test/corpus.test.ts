// Every collection of the corpus (test/helpers/corpus.ts) becomes a client package under .corpus/ that must
// type-check under --strict, pass its own generated tests (run by a child vitest), and come out
// byte-identical from a second run. The v1 collection must be refused with the v1 message.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { basename, join, relative } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MANIFEST_FILE } from "../src/cache/manifest.js";
import { CONFIG_FILE, defaultPackageName, readConfig } from "../src/config.js";
import { CHANGELOG_FILE } from "../src/diff/changelog.js";
import { CodegenError } from "../src/errors.js";
import { emitTarget } from "../src/generate.js";
import { writePackage } from "../src/write/write-package.js";
import { corpusCollections, isV1 } from "./helpers/corpus.js";
import { ROOT } from "./helpers/seed.js";
import { createProgram, preEmitDiagnostics } from "./helpers/type-check.js";

const CORPUS = join(ROOT, ".corpus");
const paths = new Map(corpusCollections().map((path) => [basename(path), path]));
const files = [...paths.keys()];
const v1 = files.filter((f) => isV1(f));
const loadable = files.filter((f) => !v1.includes(f));

/**
 * The packages under generated/ by their collection: `npm test` type-checks each of them
 * (generated-packages.test.ts, with the same two tsconfigs as here) and runs their tests (they are
 * in vitest.config.ts's include). A corpus package byte for byte the same as one of them is that
 * package, so checking it here repeated those checks: for the full Zoom collection, the two
 * largest of this file (a strict check of 1.2 MB of sources, and its 2,449 generated tests).
 */
const committed = new Map(readConfig(join(ROOT, CONFIG_FILE)).map((target) => [target.collection, target.out]));

/** The files of a package on disk, but its manifest and its CHANGELOG (which holds its own history). */
function packageFiles(dir: string): Map<string, string> {
  return new Map(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
      .filter((path) => !path.startsWith("node_modules") && path !== MANIFEST_FILE && path !== CHANGELOG_FILE)
      .sort()
      .map((path) => [path, readFileSync(join(dir, path), "utf8")]),
  );
}

/** The committed package (relative to the repository) that `files` are exactly, if any. */
function sameAsCommitted(collection: string, files: ReadonlyMap<string, string>): string | undefined {
  const out = committed.get(collection);
  if (out === undefined) return undefined;
  const emitted = [...files].filter(([path]) => path !== CHANGELOG_FILE);
  return JSON.stringify(emitted) === JSON.stringify([...packageFiles(out)]) ? relative(ROOT, out) : undefined;
}

interface Row {
  requests: number;
  operations: number;
  seconds: number;
  warnings: number;
  deterministic: boolean;
  typeErrors: string[];
  /** The committed package it is byte for byte, whose type checks and tests are the main suite's. */
  committed?: string;
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
  return preEmitDiagnostics(program).map(
    (d) => `${d.file?.fileName ?? ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`,
  );
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
    const row: Row = {
      requests: countRequests(file),
      operations: first.model.operations.length,
      seconds,
      warnings: first.model.warnings.length,
      deterministic: JSON.stringify([...first.files]) === JSON.stringify([...second.files]),
      typeErrors: [],
    };
    rows.set(file, row);
    const same = sameAsCommitted(target.collection, first.files);
    // Not written: the child vitest below runs only the packages written here.
    if (same !== undefined) row.committed = same;
    else {
      await writePackage(target.out, first.files);
      row.typeErrors = [
        ...typeErrors(join(target.out, "tsconfig.json")),
        ...typeErrors(join(target.out, "test", "tsconfig.json")),
      ];
    }
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
  for (const file of loadable.filter((f) => rows.get(f)!.committed === undefined)) {
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
      row.deterministic &&
      row.typeErrors.length === 0 &&
      (row.committed !== undefined || (row.tests && row.tests.failed === 0 && row.tests.passed > 0));
    const tests = row.committed
      ? `${row.committed}: checked and tested there`
      : `${row.tests?.passed ?? 0} tests passed, ${row.tests?.failed ?? 0} failed`;
    return `${file.padEnd(48)} ${String(row.requests).padStart(8)} ${String(row.operations).padStart(10)} ${String(row.warnings).padStart(8)} ${row.seconds.toFixed(1).padStart(7)}  ${ok ? "pass" : "FAIL"}  (${tests})`;
  });
  console.log([`${"collection".padEnd(48)} requests operations warnings seconds  result`, ...lines].join("\n"));
});

describe.each(loadable)("%s", (file) => {
  it("becomes one operation per request", () => {
    const row = rows.get(file)!;
    expect(row.operations).toBe(row.requests);
  });

  // Either checked here, or the committed package byte for byte, which generated-packages.test.ts
  // type-checks and whose tests the main suite runs (see `committed` above).
  it("type-checks under --strict", () => {
    const row = rows.get(file)!;
    expect(row.typeErrors).toEqual([]);
  });

  it("passes its own generated tests", () => {
    const row = rows.get(file)!;
    if (row.committed) {
      expect(readdirSync(join(ROOT, row.committed, "test")).filter((f) => f.endsWith(".test.ts"))).not.toEqual([]);
      return;
    }
    const tests = row.tests!;
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
