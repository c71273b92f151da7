// The manifest's hashes are those of the bytes written: each text encoded once, and a text written
// at several paths (the module formats' declarations) hashed once.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { MANIFEST_FILE, sha256 } from "../../src/cache/manifest.js";
import { writePackage } from "../../src/write/write-package.js";

vi.mock("../../src/cache/manifest.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/cache/manifest.js")>();
  return { ...original, sha256: vi.fn(original.sha256) };
});

describe("a package's manifest", () => {
  it("hashes the bytes written, each text once", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "postman-codegen-hashes-")), "pkg");
    const declarations = "export declare const café: 1;\n".repeat(1000);
    const files = new Map([
      ["dist/index.d.ts", declarations],
      ["dist/cjs/index.d.ts", declarations],
      ["README.md", "# Zoom ✓\n"],
    ]);
    vi.mocked(sha256).mockClear();
    await writePackage(out, files, { generator: "g", input: "i" });
    expect(vi.mocked(sha256).mock.calls.map(([data]) => Buffer.isBuffer(data))).toEqual([true, true]);
    const recorded = (JSON.parse(readFileSync(join(out, MANIFEST_FILE), "utf8")) as { files: Record<string, string> })
      .files;
    for (const [path, text] of files) {
      expect(readFileSync(join(out, path), "utf8")).toBe(text);
      expect(recorded[path]).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    }
  });
});
