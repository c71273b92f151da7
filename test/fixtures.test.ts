// The real collections the suites read are copies of public files: each must still be the exact
// bytes SOURCES.md names (repository, commit, path, sha256), and every copy must be listed there.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURE_COLLECTIONS } from "./helpers/corpus.js";
import { ROOT } from "./helpers/seed.js";

interface Source {
  file: string;
  repository: string;
  commit: string;
  sha256: string;
}

function sources(): Source[] {
  const rows = readFileSync(join(FIXTURE_COLLECTIONS, "SOURCES.md"), "utf8")
    .split("\n")
    .filter((line) => line.startsWith("| `"));
  return rows.map((row) => {
    const cells = row.split(" | ").map((cell) => cell.replace(/^\|? ?`?|`? ?\|?$/g, ""));
    return { file: cells[0]!, repository: cells[1]!, commit: cells[2]!, sha256: cells[5]! };
  });
}

/** Where a listed file lives: the fixtures, or collections/ for the generator's own input. */
function locate(file: string): string {
  const fixture = join(FIXTURE_COLLECTIONS, file);
  return existsSync(fixture) ? fixture : join(ROOT, "collections", file);
}

describe("test/fixtures/collections", () => {
  it("lists every collection file it holds in SOURCES.md", () => {
    const listed = new Set(sources().map((s) => s.file));
    const held = readdirSync(FIXTURE_COLLECTIONS).filter((f) => f.endsWith(".json"));
    expect(held.filter((f) => !listed.has(f))).toEqual([]);
    expect(held.length).toBeGreaterThan(5);
  });

  it.each(sources().map((s) => [s.file, s] as const))(
    "%s is the byte-for-byte copy SOURCES.md names",
    (_file, source) => {
      expect(source.repository).toMatch(/^[\w.-]+\/[\w.-]+$/);
      expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
      const path = locate(source.file);
      expect(createHash("sha256").update(readFileSync(path)).digest("hex")).toBe(source.sha256);
    },
  );
});
