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

/** The seed's request in a folder `Users`, as Zoom has it. */
export function inFolder(): Json {
  const collection = seed();
  collection.item = [{ name: "Users", item: collection.item }];
  return collection;
}

/** The seed's request, in its folder, and two copies: one on `/admins/…`, one sent with PATCH. */
function withCopies(): { collection: Json; request: Json; admins: Json; patch: Json } {
  const collection = inFolder();
  const request = collection.item[0].item[0];
  const admins = structuredClone(request);
  admins.request.url.raw = admins.request.url.raw.replace("/users/", "/admins/");
  admins.request.url.path[0] = "admins";
  const patch = structuredClone(request);
  // PATCH sorts before PUT: numbered by Postman path, then method, it took the method name.
  patch.request.method = "PATCH";
  return { collection, request, admins, patch };
}

/** The seed's request again under its own name: in another folder, and beside it with another method. */
export function withNamesakes(): Json {
  const { collection, admins, patch } = withCopies();
  collection.item.unshift({ name: "Admins", item: [admins] });
  collection.item[1].item.push(patch);
  return collection;
}

/**
 * Folders that camelCase like the ones already there and sort before them: `USERS` beside `Users`
 * (with the copy on another path), and, in `Users`, a folder named like its request.
 */
export function withNamesakeFolders(): Json {
  const { collection, request, admins, patch } = withCopies();
  collection.item.push({ name: "USERS", item: [admins] });
  collection.item[0].item.push({ name: request.name, item: [patch] });
  return collection;
}
