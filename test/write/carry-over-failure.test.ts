// A file of the user's that cannot be carried over to the new output (a rename refused) must not be
// left in the staging folder, which the next run deletes: what was moved is put back.
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { writePackage } from "../../src/write/write-package.js";

vi.mock("node:fs", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs")>();
  return { ...original, renameSync: vi.fn(original.renameSync) };
});

describe("writePackage when a file of the user's cannot be carried over", () => {
  it("puts back what it moved, removes the staging folder and leaves the output as it was", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "postman-codegen-carry-"));
    const out = join(dir, "pkg");
    const manifest = { generator: "g", input: "i" };
    await writePackage(out, new Map([["a.txt", "1"]]), manifest);
    fs.writeFileSync(join(out, "first.md"), "mine");
    fs.writeFileSync(join(out, "second.md"), "mine too");
    const renameSync = vi.mocked(fs.renameSync);
    const real = renameSync.getMockImplementation()!;
    let calls = 0;
    renameSync.mockImplementation((from, to) => {
      if (++calls === 2) throw Object.assign(new Error("EXDEV: cross-device link not permitted"), { code: "EXDEV" });
      real(from, to);
    });
    try {
      await expect(writePackage(out, new Map([["a.txt", "2"]]), manifest)).rejects.toThrow("EXDEV");
    } finally {
      renameSync.mockImplementation(real);
    }
    expect(fs.readdirSync(dir)).toEqual(["pkg"]);
    expect(fs.readdirSync(out).sort()).toEqual([".postman-codegen.json", "a.txt", "first.md", "second.md"]);
    expect(fs.readFileSync(join(out, "a.txt"), "utf8")).toBe("1");
    expect(fs.readFileSync(join(out, "first.md"), "utf8")).toBe("mine");
  });
});
