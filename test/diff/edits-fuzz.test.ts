// Property: on a random team collection and random edits made to it in Postman, a regeneration
// whose API diff is not major leaves compiling every consumer of the old package's whole surface
// (surface-consumer.ts): the diff never calls a breaking change safe. consumers.test.ts holds the
// same rule on hand-picked cases; this draws them. A major verdict whose consumer still compiles is
// no failure (the diff may be conservative: a consumer can do more than this one does, such as
// reading an optional key with `in`), only counted by kind of change, and printed. And `diff <old>
// <new>` (diffCollections) says of each case what the regeneration said. A verdict of none or patch
// (no type changed) also leaves the new package's own consumer compiling against the old package:
// nothing was added that the changelog does not say. The mocks' consumer (an app's tests, with
// overrides typed by the operation) breaks under a verdict that is not major only where the diff
// says that overrides may need updating. Collections come with environments (a file each), which
// edits add, remove, rename and change; where they changed, `diff --target` (the old output's
// record against the new sources) stands for `diff <old> <new>`, which takes one set for both.
//
// CI replays a few fixed cases; DIFF_FUZZ_RUNS=300 draws new ones (DIFF_FUZZ_SEED and
// DIFF_FUZZ_PATH replay a failure, whose seed and path fast-check prints).
import { appendFileSync, cpSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import ts from "typescript";
import { expect, it } from "vitest";
import { readManifest } from "../../src/cache/manifest.js";
import type { ApiChange } from "../../src/diff/compare.js";
import type { Surface } from "../../src/diff/surface.js";
import { diffCollections, diffRecorded } from "../../src/diff/collections.js";
import { CodegenError } from "../../src/errors.js";
import { generate } from "../../src/generate.js";
import { strictConsumerOptions } from "../helpers/consumer-options.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";
import { createProgram, preEmitDiagnostics } from "../helpers/type-check.js";
import { applyEdit, collectionOf, edit, environmentOf, model, type Model, type Request } from "./edit-arbitrary.js";
import { writeCollection } from "./helpers.js";
import { consumerOf } from "./surface-consumer.js";

const { runs: RUNS, parameters } = fuzzRuns("DIFF_FUZZ", { runs: 8, seed: 20261205 });
/** A case takes under a second on a quiet machine, a few on a loaded one: the test's timeout per case. */
const CASE_MS = 6_000;
/**
 * A file to append each case's outcome to, a JSON line each, for triage: a run with one goes on
 * past a failure (logged, `"broke": true`) and fails at its end, so that one long run finds each
 * class of failure.
 */
const LOG = process.env["DIFF_FUZZ_LOG"];

interface Regeneration {
  verdict: string;
  changes: ApiChange[];
  /**
   * The consumer's type errors against the old package and the new one (`line: code message`),
   * those of the new package's own consumer (`back`) against the new package and the old one, and
   * those of the old package's mocks' consumer (`mocks`, an app's tests) against each.
   */
  errors: {
    old: string[];
    new: string[];
    backNew: string[];
    backOld: string[];
    mocksOld: string[];
    mocksNew: string[];
  };
  consumer: string;
  back: string;
  mocks: string;
}

/** Generates the old collection, then regenerates the same output from the new one, as a team does. */
async function regenerate(before: Model, after: Model, dir: string): Promise<Regeneration | "refused"> {
  const out = join(dir, "out");
  // Each side's environments, a file each, as a team exports them beside the collection.
  const environments = (m: Model, side: string) =>
    (m.environments ?? []).map((e, i) => {
      const file = join(dir, `${side}-env-${i}.json`);
      writeFileSync(file, JSON.stringify(environmentOf(e)));
      return { name: e.name, file };
    });
  const sources = { old: environments(before, "old"), new: environments(after, "new") };
  const target = (file: string, side: keyof typeof sources) => ({
    collection: file,
    out,
    name: "team",
    version: "auto" as const,
    ...(sources[side].length ? { environments: sources[side] } : {}),
  });
  try {
    await generate([target(writeCollection(collectionOf(before), dir, "old.json"), "old")], { cache: false });
  } catch (error) {
    if (error instanceof CodegenError) return "refused";
    throw error;
  }
  cpSync(out, join(dir, "old"), { recursive: true });
  let api;
  const files = { old: join(dir, "old.json"), new: writeCollection(collectionOf(after), dir, "new.json") };
  try {
    api = (await generate([target(files.new, "new")], { cache: false })).targets[0]!.api;
  } catch (error) {
    if (error instanceof CodegenError) return "refused";
    throw error;
  }
  renameSync(out, join(dir, "new"));
  // `diff <old> <new>` says what the regeneration said, before running it; `diff --target`, the
  // old output's record against the new sources, where the environments changed too (`diff` takes
  // one set for both collections).
  const sameEnvironments = JSON.stringify(before.environments ?? []) === JSON.stringify(after.environments ?? []);
  const said = sameEnvironments
    ? await diffCollections(files.old, files.new, sources.new.length ? { environments: sources.new } : {})
    : await diffRecorded({ ...target(files.new, "new"), out: join(dir, "old") });
  expect({ verdict: said.verdict, changes: said.changes }).toEqual({ verdict: api.verdict, changes: api.changes });
  const surfaceOf = (side: string) => readManifest(join(dir, side))!.surface as Surface;
  const consumer = consumerOf(join(dir, "old"), surfaceOf("old"));
  const back = consumerOf(join(dir, "new"), surfaceOf("new"), "./new");
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  const consumers = {
    old: join(dir, "consumer-old.ts"),
    new: join(dir, "consumer-new.ts"),
    backNew: join(dir, "back-new.ts"),
    backOld: join(dir, "back-old.ts"),
    mocksOld: join(dir, "mocks-old.ts"),
    mocksNew: join(dir, "mocks-new.ts"),
  };
  writeFileSync(consumers.old, consumer.app.replaceAll("PKG", "./old"));
  writeFileSync(consumers.new, consumer.app.replaceAll("PKG", "./new"));
  writeFileSync(consumers.backNew, back.app.replaceAll("PKG", "./new"));
  writeFileSync(consumers.backOld, back.app.replaceAll("PKG", "./old"));
  writeFileSync(consumers.mocksOld, consumer.mocks.replaceAll("PKG", "./old"));
  writeFileSync(consumers.mocksNew, consumer.mocks.replaceAll("PKG", "./new"));
  const program = createProgram({ rootNames: Object.values(consumers), options: strictConsumerOptions(true) });
  const errors: Regeneration["errors"] = { old: [], new: [], backNew: [], backOld: [], mocksOld: [], mocksNew: [] };
  const sides = Object.keys(consumers) as Array<keyof typeof consumers>;
  for (const d of preEmitDiagnostics(program)) {
    const side = sides.find((s) => consumers[s] === d.file?.fileName) ?? "old";
    const line = d.file ? d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1 : 0;
    errors[side].push(`${line}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, " ").slice(0, 300)}`);
  }
  return {
    verdict: api.verdict,
    changes: api.changes,
    errors,
    consumer: consumer.app,
    back: back.app,
    mocks: consumer.mocks,
  };
}

/** A verdict that says no type changed: what a consumer of either package writes compiles against the other. */
const unchanged = (verdict: string) => verdict === "none" || verdict === "patch";

/**
 * The mocks' consumer (an app's tests) may break where a verdict that is not major says so: a
 * result refined, which code that builds one (`mock.use`) may need to follow.
 */
const mocksMayBreak = (r: Regeneration) =>
  !unchanged(r.verdict) && r.changes.some((c) => c.detail.includes("`mock.use`"));

it("a request added with a variable of its own is minor, and breaks no code that declares the Variables", async () => {
  const stats: Request = {
    kind: "request",
    name: "Stats",
    method: "GET",
    path: ["stats"],
    query: [],
    header: [],
    responses: [],
  };
  const before: Model = { baseUrl: "https://api.example.com", auth: "none", variables: [], item: [stats] };
  const after: Model = {
    ...before,
    variables: [{ key: "tenant", value: "acme" }],
    item: [stats, { ...stats, name: "Tenant stats", path: ["{{tenant}}", "stats"] }],
  };
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-diff-fuzz-"));
  try {
    const r = await regenerate(before, after, dir);
    if (r === "refused") throw new Error("refused");
    expect(r.verdict).toBe("minor");
    expect(r.changes.map((c) => c.kind)).toContain("variable-added");
    expect(r.errors.old, r.consumer).toEqual([]);
    expect(r.errors.new, r.consumer).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

it(
  "a regeneration the API diff calls safe leaves a consumer of the whole old surface compiling",
  async () => {
    let broke = 0;
    const stats = { cases: 0, refused: 0, major: 0, safe: 0, conservative: new Map<string, number>() };
    await fc.assert(
      fc.asyncProperty(model, fc.array(edit, { minLength: 1, maxLength: 3 }), async (before, edits) => {
        const after = edits.reduce(applyEdit, before);
        const dir = mkdtempSync(join(tmpdir(), "postman-codegen-diff-fuzz-"));
        try {
          let r;
          try {
            r = await regenerate(before, after, dir);
          } catch (error) {
            // `diff` said otherwise than the regeneration, or the generator failed: logged too.
            if (!LOG) throw error;
            broke++;
            appendFileSync(
              LOG,
              `${JSON.stringify({ broke: true, error: String(error).slice(0, 4000), before, edits })}\n`,
            );
            return;
          }
          stats.cases++;
          if (r === "refused") return void stats.refused++;
          if (LOG) {
            const safeButBroken =
              (r.verdict !== "major" && r.errors.new.length > 0 && r.errors.old.length === 0) ||
              (unchanged(r.verdict) && r.errors.backOld.length > 0 && r.errors.backNew.length === 0) ||
              (r.verdict !== "major" && r.errors.mocksNew.length > 0 && !r.errors.mocksOld.length && !mocksMayBreak(r));
            if (safeButBroken) broke++;
            appendFileSync(
              LOG,
              `${JSON.stringify({
                ...(safeButBroken ? { broke: true, before, edits } : { edits: edits.map((e) => e.kind) }),
                verdict: r.verdict,
                changes: r.changes.map((c) => `${c.level} ${c.kind}: ${c.operation ?? ""} ${c.detail}`),
                errors: r.errors,
              })}\n`,
            );
            if (safeButBroken) return;
          }
          // A consumer that does not compile against its own package is this test's bug.
          expect(r.errors.old, r.consumer).toEqual([]);
          expect(r.errors.backNew, r.back).toEqual([]);
          expect(r.errors.mocksOld, r.mocks).toEqual([]);
          if (r.verdict !== "major") {
            stats.safe++;
            const said = r.changes.map((c) => `${c.level} ${c.kind}: ${c.operation ?? ""} ${c.detail}`);
            expect(r.errors.new, `the diff said ${r.verdict}:\n${said.join("\n")}\n\nconsumer:\n${r.consumer}`).toEqual(
              [],
            );
            // Nothing added either: the new package's consumer compiles against the old package.
            if (unchanged(r.verdict))
              expect(
                r.errors.backOld,
                `the diff said ${r.verdict}:\n${said.join("\n")}\n\nconsumer:\n${r.back}`,
              ).toEqual([]);
            if (!mocksMayBreak(r))
              expect(
                r.errors.mocksNew,
                `the diff said ${r.verdict}:\n${said.join("\n")}\n\nmocks' consumer:\n${r.mocks}`,
              ).toEqual([]);
          } else {
            stats.major++;
            if (!r.errors.new.length)
              for (const kind of new Set(r.changes.filter((c) => c.level === "major").map((c) => c.kind)))
                stats.conservative.set(kind, (stats.conservative.get(kind) ?? 0) + 1);
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      parameters,
    );
    // Major verdicts whose consumer still compiled, by the kinds of their major changes.
    console.log(
      `diff fuzz: ${stats.cases} cases, ${stats.refused} refused, ${stats.safe} not major, ${stats.major} major;` +
        ` major with the consumer compiling, by kind: ${JSON.stringify(Object.fromEntries(stats.conservative))}`,
    );
    expect(stats.cases - stats.refused).toBeGreaterThan(0);
    // The property says something only of verdicts that are not major: a few runs hold some.
    if (RUNS >= 8) expect(stats.safe).toBeGreaterThan(0);
    expect(broke, `see ${LOG}`).toBe(0);
  },
  Math.max(120_000, RUNS * CASE_MS),
);
