// The swap's renames can fail where nothing before them did: on Windows a folder holding a file
// another process has open (an editor, an indexer, a virus scanner) cannot be renamed (EPERM,
// EBUSY). By then the user's files in the output (notes, node_modules) were moved into the staging
// folder, which the next run deletes as a killed run's: they must go back first.
import * as fs from "node:fs";
import * as fsPromises from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CodegenError } from "../../src/errors.js";
import { writePackage } from "../../src/write/write-package.js";

vi.mock("node:fs/promises", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs/promises")>();
  return { ...original, rename: vi.fn(original.rename) };
});

const MANIFEST = { generator: "g", input: "i" };

describe("writePackage when the swap's rename fails", () => {
  it.each([
    ["the output folder cannot be moved aside", (from: string, _to: string, out: string) => from === out],
    [
      "the new output cannot be moved into place",
      (from: string, to: string, out: string) => to === out && basename(from).startsWith(".pkg.new-"),
    ],
  ])("when %s, leaves the output and the user's files in it as they were", async (_case, fails) => {
    const dir = fs.mkdtempSync(join(tmpdir(), "postman-codegen-failed-swap-"));
    const out = join(dir, "pkg");
    await writePackage(
      out,
      new Map([
        ["a.txt", "1"],
        ["src/b.ts", "1"],
      ]),
      MANIFEST,
    );
    fs.writeFileSync(join(out, "notes.md"), "mine");
    fs.mkdirSync(join(out, "node_modules/x"), { recursive: true });
    fs.writeFileSync(join(out, "node_modules/x/index.js"), "x");
    const rename = vi.mocked(fsPromises.rename);
    const real = rename.getMockImplementation()!;
    rename.mockImplementation(async (from, to) => {
      if (fails(String(from), String(to), out))
        throw Object.assign(new Error(`EPERM: operation not permitted, rename '${String(from)}'`), {
          code: "EPERM",
          syscall: "rename",
          path: String(from),
        });
      return real(from, to);
    });
    try {
      const failure = writePackage(out, new Map([["a.txt", "2"]]), MANIFEST);
      await expect(failure).rejects.toThrow(CodegenError);
      await expect(failure).rejects.toThrow(`${out}: cannot write the package: rename `);
    } finally {
      rename.mockImplementation(real);
    }
    expect(fs.readdirSync(dir)).toEqual(["pkg"]);
    expect(fs.readFileSync(join(out, "a.txt"), "utf8")).toBe("1");
    expect(fs.readFileSync(join(out, "src/b.ts"), "utf8")).toBe("1");
    expect(fs.readFileSync(join(out, "notes.md"), "utf8")).toBe("mine");
    expect(fs.readFileSync(join(out, "node_modules/x/index.js"), "utf8")).toBe("x");
    // And the next write, which clears what is beside the output, keeps them.
    await writePackage(out, new Map([["a.txt", "3"]]), MANIFEST);
    expect(fs.readFileSync(join(out, "notes.md"), "utf8")).toBe("mine");
    expect(fs.readFileSync(join(out, "node_modules/x/index.js"), "utf8")).toBe("x");
  });
});
