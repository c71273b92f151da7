// Same request as Postman: every collection of the corpus (test/helpers/corpus.ts) is run through newman
// (Postman's own runner) and through its generated client, against one recording server, and each
// item must arrive the same way, or differ only as the allowlist says (test/conformance/allowlist.ts).
// test/conformance/collections/ adds collections written for this suite: request shapes and auth
// schemes that the corpus lacks.
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultPackageName } from "../src/config.js";
import { emitTarget } from "../src/generate.js";
import { writePackage } from "../src/write/write-package.js";
import { ALLOWLIST } from "./conformance/allowlist.js";
import { runConformance, unallowed, type Report } from "./conformance/harness.js";
import { corpusCollections, isV1 } from "./helpers/corpus.js";
import { ROOT } from "./helpers/seed.js";

const OUT = join(ROOT, ".conformance");
const OWN = join(ROOT, "test/conformance/collections");
const own = readdirSync(OWN)
  .filter((f) => f.endsWith(".postman_collection.json"))
  .map((f) => join(OWN, f));
const paths = new Map(
  [...corpusCollections().filter((path) => !isV1(path)), ...own].map((path) => [basename(path), path]),
);
const files = [...paths.keys()];
const reports = new Map<string, Report>();

beforeAll(async () => {
  for (const file of files) {
    const name = defaultPackageName(file);
    const out = join(OUT, name);
    await writePackage(out, (await emitTarget({ collection: paths.get(file)!, out, name })).files);
    reports.set(file, await runConformance(paths.get(file)!, out));
  }
}, 600_000);

afterAll(() => {
  const lines = [`${"collection".padEnd(48)}  items  identical  allowed  different  unsent  conformance`];
  for (const [file, report] of reports) {
    const count = (outcome: string) => report.items.filter((i) => i.outcome === outcome).length;
    const sent = report.items.length - count("unsent");
    const conforming = count("identical") + count("allowed");
    lines.push(
      `${file.padEnd(48)} ${String(report.items.length).padStart(6)} ${String(count("identical")).padStart(10)} ${String(count("allowed")).padStart(8)} ${String(count("different")).padStart(10)} ${String(count("unsent")).padStart(7)} ${((conforming / Math.max(1, sent)) * 100).toFixed(1).padStart(11)} %`,
    );
    for (const d of report.items.flatMap(unallowed)) {
      lines.push(
        `    ${d.item} ${d.call}: differs in ${d.aspect}: newman ${JSON.stringify(d.newman)}, client ${JSON.stringify(d.client)}`.slice(
          0,
          400,
        ),
      );
    }
    for (const item of report.items)
      for (const d of item.differences ?? [])
        if (d.allowance)
          lines.push(`    allowed ${item.source} ${item.call} (${d.aspect}): ${d.allowance.reason}`.slice(0, 200));
    for (const item of report.items.filter((i) => i.outcome === "unsent"))
      lines.push(`    newman could not send ${item.source}: ${item.newmanError ?? "no request arrived"}`);
  }
  console.log(lines.join("\n"));
});

describe.each(files)("%s", (file) => {
  it("every item newman sends arrives the same from the client, or differs as the allowlist says", () => {
    const report = reports.get(file)!;
    expect(report.items.flatMap(unallowed)).toEqual([]);
    expect(report.items.filter((i) => i.outcome !== "unsent").length).toBeGreaterThan(0);
  });
});

it("each allowlist entry is used", () => {
  const used = new Set(
    [...reports.values()].flatMap((r) =>
      r.items.flatMap((i) => (i.differences ?? []).flatMap((d) => (d.allowance ? [d.allowance.reason] : []))),
    ),
  );
  // Every entry by its reason, not a count: one that nothing needs any more is a difference that went away.
  expect([...used].sort()).toEqual(ALLOWLIST.map((a) => a.reason).sort());
});
