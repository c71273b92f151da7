// The real collections (written outside this project) that the corpus and conformance suites run:
// the copies under test/fixtures/collections plus the full Zoom collection, which is the
// generator's own input in collections/. CORPUS_DIR=<folder> runs the suites on every
// *.postman_collection.json of another folder instead (for example ../shared/collections), an
// optional extra run that `npm test` never needs.
import { readdirSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { FIXTURES, ROOT } from "./seed.js";

export const FIXTURE_COLLECTIONS = join(FIXTURES, "collections");

const SUFFIX = ".postman_collection.json";

function collectionsIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(SUFFIX))
    .map((f) => join(dir, f));
}

/** Paths of the corpus's collection files, sorted by file name. */
export function corpusCollections(): string[] {
  const dir = process.env["CORPUS_DIR"];
  const paths = dir
    ? collectionsIn(resolve(ROOT, dir))
    : [...collectionsIn(FIXTURE_COLLECTIONS), join(ROOT, "collections", `zoom-api${SUFFIX}`)];
  return paths.sort((a, b) => (basename(a) < basename(b) ? -1 : basename(a) > basename(b) ? 1 : 0));
}

/** The corpus file holding the old v1 format, which the generator must refuse. */
export function isV1(path: string): boolean {
  return basename(path).includes("-v1.");
}
