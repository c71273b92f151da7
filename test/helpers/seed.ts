// The seed document and the collection made from it. Everything here is inside the repository:
// `npm test` runs on a fresh clone with nothing beside it.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Files the tests read, copied into the repository (test/fixtures/collections/SOURCES.md says from where). */
export const FIXTURES = `${ROOT}test/fixtures/`;
export const SEED_FILE = `${FIXTURES}seeds/zoom-update-user-status.seed.txt`;
export const SEED_COLLECTION = `${ROOT}collections/zoom-update-user-status.postman_collection.json`;

const MARKER = "Postman Collection Item JSON\n";

/** The seed's Postman item, as the exact text that follows its marker line. */
export function seedItemText(): string {
  const seed = readFileSync(SEED_FILE, "utf8");
  return seed.slice(seed.indexOf(MARKER) + MARKER.length);
}

export function seedItem(): Record<string, unknown> {
  return JSON.parse(seedItemText()) as Record<string, unknown>;
}
