// The manifest's text and its two readers: the whole manifest for a regeneration, and its head
// (everything but the public surface) for the no-op's check.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import {
  MANIFEST_FILE,
  manifestText,
  readManifest,
  readManifestHead,
  type Manifest,
} from "../../src/cache/manifest.js";
import { ROOT } from "../helpers/seed.js";

const manifest: Manifest = {
  generator: "g".repeat(64),
  input: "i".repeat(64),
  version: "1.2.3",
  files: { "src/index.ts": "a".repeat(64), "package.json": "b".repeat(64) },
  surface: { exports: ["createClient"], operations: [{ name: "x", args: { 'a,\n  "surface": {\n': "string" } }] },
};

function outDir(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-manifest-"));
  writeFileSync(join(dir, MANIFEST_FILE), text);
  return dir;
}

it("reads back what it writes, and the head is the manifest without its surface", () => {
  const dir = outDir(manifestText(manifest));
  expect(readManifest(dir)).toEqual(manifest);
  const { surface: _surface, ...head } = manifest;
  expect(readManifestHead(dir)).toEqual(head);
});

it("reads the head of the committed packages' manifests as the whole manifest has it", () => {
  for (const name of ["zoom-api", "zoom-update-user-status"]) {
    const dir = join(ROOT, "generated", name);
    const { surface, ...head } = readManifest(dir)!;
    expect(surface).toBeDefined();
    expect(readManifestHead(dir)).toEqual(head);
  }
});

it("parses the head alone when the text ends as manifestText ends it, and a manifest cut short whole", () => {
  const text = manifestText(manifest);
  const surface = text.indexOf('"surface"');
  // Damage inside the surface: the no-op's check still reads the files (a regeneration reads the whole).
  const damaged = outDir(text.replace('"exports":', "exports:"));
  expect(readManifest(damaged)).toBeUndefined();
  expect(readManifestHead(damaged)).toMatchObject({ generator: manifest.generator, files: manifest.files });
  // Cut short: unreadable, so the package is written again.
  expect(readManifestHead(outDir(text.slice(0, surface + 20)))).toBeUndefined();
});

it("reads a manifest laid out otherwise whole", () => {
  for (const text of [
    JSON.stringify(manifest),
    JSON.stringify(manifest, null, 4),
    JSON.stringify({ surface: {}, ...manifest }, null, 2),
  ]) {
    const { surface: _surface, ...head } = manifest;
    expect(readManifestHead(outDir(text))).toMatchObject(head);
  }
  expect(readManifestHead(outDir("{"))).toBeUndefined();
  expect(readManifestHead(outDir(JSON.stringify({ generator: "g" })))).toBeUndefined();
  expect(readManifestHead(join(tmpdir(), "postman-codegen-no-such-dir"))).toBeUndefined();
});

it("finds the surface's start only where manifestText writes it", () => {
  // A key holding the marker's own characters is escaped in JSON: it is not mistaken for it.
  expect(
    readFileSync(join(outDir(manifestText(manifest)), MANIFEST_FILE), "utf8").split('\n  "surface": {\n'),
  ).toHaveLength(2);
});
