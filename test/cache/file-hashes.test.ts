// The stat cache of file hashes: a file's hash is kept while its size, mtime and inode stay, and
// the cache file keeps no entry for a file that is gone once it is written again.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { FileHashes } from "../../src/cache/file-hashes.js";
import { sha256 } from "../../src/cache/manifest.js";

const dir = () => mkdtempSync(join(tmpdir(), "postman-codegen-hashes-"));

it("hashes a file's contents, and saves only when something changed", () => {
  const root = dir();
  const cacheFile = join(root, "cache.json");
  const file = join(root, "a.txt");
  writeFileSync(file, "alpha");
  const hashes = new FileHashes(cacheFile);
  expect(hashes.hash(file)).toBe(sha256("alpha"));
  hashes.save();
  expect(existsSync(cacheFile)).toBe(true);
  // A run that hashed only files it knew writes nothing.
  const again = new FileHashes(cacheFile);
  expect(again.hash(file)).toBe(sha256("alpha"));
  rmSync(cacheFile);
  again.save();
  expect(existsSync(cacheFile)).toBe(false);
});

it("drops the entries of files that are gone when it writes the cache", () => {
  const root = dir();
  const cacheFile = join(root, "cache.json");
  const [kept, gone, added] = ["kept.txt", "gone.txt", "added.txt"].map((name) => join(root, name));
  writeFileSync(kept!, "kept");
  writeFileSync(gone!, "gone");
  const first = new FileHashes(cacheFile);
  first.hash(kept!);
  first.hash(gone!);
  first.save();
  expect(Object.keys(JSON.parse(readFileSync(cacheFile, "utf8")) as object).sort()).toEqual([gone, kept].sort());
  rmSync(gone!);
  writeFileSync(added!, "added");
  const second = new FileHashes(cacheFile);
  second.hash(added!);
  second.save();
  expect(Object.keys(JSON.parse(readFileSync(cacheFile, "utf8")) as object).sort()).toEqual([added, kept].sort());
});

it("keeps an environment file's own name beside its hash, read from the same bytes", () => {
  const root = dir();
  const cacheFile = join(root, "cache.json");
  const file = join(root, "staging.postman_environment.json");
  writeFileSync(file, JSON.stringify({ name: "staging", values: [] }));
  const hashes = new FileHashes(cacheFile);
  expect(hashes.ownName(file)).toBe("staging");
  hashes.save();
  const entry = (JSON.parse(readFileSync(cacheFile, "utf8")) as Record<string, { name?: string | null }>)[file];
  expect(entry?.name).toBe("staging");
  // Renamed inside: a changed file is read again, its name with its hash.
  writeFileSync(file, JSON.stringify({ name: "production", values: [] }));
  const again = new FileHashes(cacheFile);
  expect(again.ownName(file)).toBe("production");
  expect(again.hash(file)).toBe(sha256(JSON.stringify({ name: "production", values: [] })));
  // No name, an empty one, or not JSON: none.
  for (const text of [JSON.stringify({ values: [] }), JSON.stringify({ name: "", values: [] }), "{ not json"]) {
    writeFileSync(file, text);
    expect(new FileHashes(undefined).ownName(file)).toBeUndefined();
  }
});
