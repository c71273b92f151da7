// Collections edited in memory for the API-diff tests: the real Zoom collection (and the seed, where
// one operation is enough), changed as a shared Postman workspace would change it, written to a
// temporary directory, and read back through the generator's own loading.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TargetOptions } from "../../src/config.js";
import { loadTarget } from "../../src/generate.js";
import { surfaceOf, type Surface } from "../../src/diff/surface.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";

export const ZOOM_COLLECTION = `${ROOT}collections/zoom-api.postman_collection.json`;

// Plain JSON, edited freely by the tests.
export type Json = any;

const texts = new Map<string, string>();

function read(file: string): Json {
  let text = texts.get(file);
  if (text === undefined) texts.set(file, (text = readFileSync(file, "utf8")));
  return JSON.parse(text) as Json;
}

/** A fresh copy of the Zoom collection. */
export const zoom = (): Json => read(ZOOM_COLLECTION);
/** A fresh copy of the seed collection (Zoom's Update user status alone). */
export const seed = (): Json => read(SEED_COLLECTION);

export function scratch(prefix = "postman-codegen-diff-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The collection written to a new temporary file (indented: a collection's layout is noise). */
export function writeCollection(
  collection: Json,
  dir = scratch(),
  name = "api.postman_collection.json",
  space: number | undefined = undefined,
): string {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(collection, null, space));
  return file;
}

/** The item at a Postman path: folder names, then the request's name. */
export function item(collection: Json, ...path: string[]): Json {
  let items: Json[] = collection.item;
  let found: Json;
  for (const name of path) {
    found = items.find((i: Json) => i.name === name);
    if (!found) throw new Error(`no item ${JSON.stringify(name)} in ${path.join(" / ")}`);
    items = found.item ?? [];
  }
  return found;
}

/** The surface of a collection file, as generate records it (without the names read after emitting). */
export async function surfaceOfFile(file: string, options: TargetOptions = {}): Promise<Surface> {
  return surfaceOf(await loadTarget({ ...options, collection: file, out: "", name: "diff-test" }));
}

/** A collection's surface after an edit of a fresh copy. */
export function edited(
  base: () => Json,
  edit: (collection: Json) => void,
  options: TargetOptions = {},
): Promise<Surface> {
  const collection = base();
  edit(collection);
  return surfaceOfFile(writeCollection(collection), options);
}
