import { mkdtempSync, readdirSync, readFileSync, mkdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writePackage } from "../../src/write/write-package.js";

const scratch = () => mkdtempSync(join(tmpdir(), "postman-codegen-write-"));

describe("writePackage", () => {
  it("replaces the output directory as a whole and leaves nothing beside it", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    const manifest = { generator: "g", input: "i" };
    await writePackage(
      out,
      new Map([
        ["a.txt", "1"],
        ["src/b.ts", "2"],
      ]),
      manifest,
    );
    const result = await writePackage(out, new Map([["a.txt", "3"]]), manifest);
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("3");
    expect(existsSync(join(out, "src"))).toBe(false);
    expect(result).toEqual({ written: ["a.txt"], removed: ["src/b.ts"], kept: [] });
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("keeps what it did not write when there is no manifest to say", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    mkdirSync(out);
    writeFileSync(join(out, "mine.txt"), "mine");
    await writePackage(out, new Map([["a.txt", "1"]]));
    expect(readdirSync(out).sort()).toEqual(["a.txt", "mine.txt"]);
  });

  it("leaves the previous output whole when writing fails", async () => {
    const dir = scratch();
    const out = join(dir, "pkg");
    await writePackage(out, new Map([["a.txt", "old"]]));
    // "x" as a file and as a directory cannot both be written.
    await expect(
      writePackage(
        out,
        new Map([
          ["x", "file"],
          ["x/y", "child"],
        ]),
      ),
    ).rejects.toThrow();
    expect(readFileSync(join(out, "a.txt"), "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["pkg"]);
  });

  it("restores the previous output after a run killed between the two renames", async () => {
    const dir = scratch();
    mkdirSync(join(dir, ".pkg.old-abc123"));
    writeFileSync(join(dir, ".pkg.old-abc123", "a.txt"), "previous");
    mkdirSync(join(dir, ".pkg.new-def456"));
    await writePackage(join(dir, "other"), new Map([["b.txt", "x"]]));
    expect(readdirSync(dir).sort()).toEqual([".pkg.new-def456", ".pkg.old-abc123", "other"]);
    await writePackage(join(dir, "pkg"), new Map([["a.txt", "next"]]));
    expect(readdirSync(dir).sort()).toEqual(["other", "pkg"]);
    expect(readFileSync(join(dir, "pkg", "a.txt"), "utf8")).toBe("next");
  });
});
