// An output folder (or a folder in it) that is read-only to the user running generate: the swap
// could put the new output in but not remove the old one, and failed then, leaving the old output
// beside it and a stack trace. It is refused before anything is written. Tests run as root here,
// whom no permission stops, so the permission check is what fails.
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CodegenError } from "../../src/errors.js";
import { writePackage, writePackages } from "../../src/write/write-package.js";

vi.mock("node:fs", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs")>();
  return { ...original, accessSync: vi.fn(original.accessSync) };
});

describe("writePackage over a read-only output", () => {
  it.each([
    ["the output folder", ""],
    ["a folder it wrote files in", "src"],
  ])("refuses %s, naming it, and leaves the output as it was", async (_case, readOnly) => {
    const dir = fs.mkdtempSync(join(tmpdir(), "postman-codegen-read-only-"));
    const out = join(dir, "pkg");
    const manifest = { generator: "g", input: "i" };
    await writePackage(
      out,
      new Map([
        ["a.txt", "1"],
        ["src/b.ts", "1"],
      ]),
      manifest,
    );
    const accessSync = vi.mocked(fs.accessSync);
    const real = accessSync.getMockImplementation()!;
    accessSync.mockImplementation((path, mode) => {
      if (path === join(out, readOnly) || (readOnly === "" && path === out))
        throw Object.assign(new Error(`EACCES: permission denied, access '${String(path)}'`), { code: "EACCES" });
      real(path, mode);
    });
    try {
      const refusal = writePackage(out, new Map([["a.txt", "2"]]), manifest);
      await expect(refusal).rejects.toThrow(CodegenError);
      await expect(refusal).rejects.toThrow(
        `${out}${readOnly ? ` at ${readOnly}` : ""}: the folder is read-only to this user (EACCES)`,
      );
    } finally {
      accessSync.mockImplementation(real);
    }
    expect(fs.readdirSync(dir)).toEqual(["pkg"]);
    expect(fs.readFileSync(join(out, "a.txt"), "utf8")).toBe("1");
    expect(fs.readFileSync(join(out, "src/b.ts"), "utf8")).toBe("1");
  });

  it("refuses a read-only output among several before writing any of them", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "postman-codegen-read-only-"));
    const [first, second] = [join(dir, "a"), join(dir, "b")];
    const manifest = { generator: "g", input: "i" };
    for (const out of [first, second]) await writePackage(out, new Map([["a.txt", "1"]]), manifest);
    const accessSync = vi.mocked(fs.accessSync);
    const real = accessSync.getMockImplementation()!;
    accessSync.mockImplementation((path, mode) => {
      if (path === second)
        throw Object.assign(new Error(`EACCES: permission denied, access '${String(path)}'`), { code: "EACCES" });
      real(path, mode);
    });
    try {
      const refusal = writePackages(
        [first, second].map((outDir) => ({ outDir, files: new Map([["a.txt", "2"]]), manifest })),
      );
      await expect(refusal).rejects.toThrow(`${second}: the folder is read-only to this user (EACCES)`);
    } finally {
      accessSync.mockImplementation(real);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(["a", "b"]);
    expect(fs.readFileSync(join(first, "a.txt"), "utf8")).toBe("1");
    expect(fs.readFileSync(join(second, "a.txt"), "utf8")).toBe("1");
  });
});
