// A collection whose names, keys, values and descriptions carry terminal escape sequences, C1
// controls and the marks that reorder text (test/fixtures/hostile/control-characters): the files
// people read (README, CHANGELOG, JSDoc) leave them out; strings and JSON files escape them, so no
// emitted file holds one raw and the client still sends what the collection says.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { FIXTURES } from "../helpers/seed.js";

const COLLECTION = `${FIXTURES}hostile/control-characters.postman_collection.json`;
/** C0 but tab and line feed, DEL, C1, the line and paragraph separators, the bidi controls. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let files: Map<string, string>;
let out: string;

beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), "control-characters-")), "pkg");
  ({ files } = await emitTarget({ collection: COLLECTION, out, name: "control-characters" }));
  await writePackage(out, files);
}, 120_000);

const around = (path: string, text: string) => {
  const at = text.search(RAW);
  return `${path}: ${JSON.stringify(text.slice(Math.max(0, at - 40), at + 10))}`;
};

it("leaves them out of the README, the changelog and JSDoc, and keeps the text around them", () => {
  const documents = [...files].flatMap(([path, text]) =>
    path.endsWith(".md") ? [[path, text]] : [...text.matchAll(/\/\*\*[\s\S]*?\*\//g)].map((m) => [path, m[0]]),
  );
  expect(documents.filter(([, text]) => RAW.test(text!)).map(([path, text]) => around(path!, text!))).toEqual([]);
  const readme = files.get("README.md")!;
  expect(readme).toContain("OWNED");
  expect(readme).toContain("evil");
  expect(files.get("src/client.ts")).toMatch(/\/\*\*[^/]*Paragraph \]0;OWNED\[2J\[31m evil 31m end\./);
});

it("writes none of them raw in any file: strings escape them", () => {
  expect([...files].filter(([, text]) => RAW.test(text)).map(([path, text]) => around(path, text))).toEqual([]);
});

it("keeps them, escaped, in the data the client sends", async () => {
  const collection = JSON.parse(readFileSync(COLLECTION, "utf8")) as { item: Array<{ item: Array<{ name: string }> }> };
  const module = (await import(pathToFileURL(join(out, "dist/index.js")).href)) as {
    operations: Array<{ item: string }>;
  };
  expect(module.operations.map((op) => op.item)).toContain(collection.item[0]!.item[0]!.name);
});
