// The output a regeneration replaces is removed once the new one is in place: by its own listing
// (rmSync's walk asks about each of hundreds of files first), and by rmSync where that fails.
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { writePackage } from "../../src/write/write-package.js";

vi.mock("node:fs", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs")>();
  return { ...original, rmSync: vi.fn(original.rmSync), readdirSync: vi.fn(original.readdirSync) };
});

const manifest = { generator: "g", input: "i" };
const files = (version: string) =>
  new Map([
    ["package.json", `{"version":"${version}"}`],
    ["src/index.ts", `export const v = "${version}";`],
    ["src/resources/users.ts", "export {};"],
    ["dist/cjs/resources/users.js", "module.exports = {};"],
  ]);
const replaced = (path: fs.PathLike) => String(path).includes(".pkg.old-");

describe("the output a regeneration replaced", () => {
  it("is removed, nested folders and all, from its own listing", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "postman-codegen-replaced-"));
    const out = join(dir, "pkg");
    await writePackage(out, files("1"), manifest);
    fs.writeFileSync(join(out, "mine.md"), "mine");
    vi.mocked(fs.rmSync).mockClear();
    await writePackage(out, files("2"), manifest);
    expect(vi.mocked(fs.rmSync).mock.calls.filter(([path]) => replaced(path))).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(["pkg"]);
    expect(fs.readFileSync(join(out, "src/index.ts"), "utf8")).toBe('export const v = "2";');
    expect(fs.readFileSync(join(out, "mine.md"), "utf8")).toBe("mine");
  });

  it("is left to rmSync where its listing fails", async () => {
    const dir = fs.mkdtempSync(join(tmpdir(), "postman-codegen-replaced-"));
    const out = join(dir, "pkg");
    await writePackage(out, files("1"), manifest);
    const readdirSync = vi.mocked(fs.readdirSync);
    const real = readdirSync.getMockImplementation()!;
    readdirSync.mockImplementation(((path: fs.PathLike, options?: unknown) => {
      if (replaced(path) && String(path).endsWith("resources"))
        throw Object.assign(new Error("EIO: i/o error, scandir"), { code: "EIO" });
      return real(path, options as never);
    }) as typeof fs.readdirSync);
    vi.mocked(fs.rmSync).mockClear();
    try {
      await writePackage(out, files("2"), manifest);
    } finally {
      readdirSync.mockImplementation(real);
    }
    expect(vi.mocked(fs.rmSync).mock.calls.filter(([path]) => replaced(path))).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(["pkg"]);
    expect(fs.readFileSync(join(out, "package.json"), "utf8")).toBe('{"version":"2"}');
  });
});
