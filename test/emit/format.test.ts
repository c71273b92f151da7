// Formatting in chunks must give what prettier gives for the whole file, and the chunks must be
// stable under edits, so that the format cache only formats again what changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { FormatCache } from "../../src/cache/format-cache.js";
import { chunks, DEFAULT_OPTIONS, formatFiles } from "../../src/emit/format.js";

/** A module as the client printer writes it: statements with and without blank lines between them. */
function module(names: string[]): string {
  return names
    .map(
      (name) =>
        `/** Documents ${name}. */\nexport interface ${name}Args { id: string; count?: number; tags: Array<string> }\n` +
        `export type ${name}Result = { ok: true; value: ${JSON.stringify(name.repeat(20))} };\n` +
        (name.length % 3 === 0 ? "\n" : "") +
        `export const ${name}Operation = { name: "${name}", method: "GET", path: "/things/{id}", args: [{ arg: "id", in: "path", required: true }] };\n`,
    )
    .join("\n");
}

const NAMES = Array.from({ length: 400 }, (_, i) => `thing${i}`);
const dir = mkdtempSync(join(tmpdir(), "format-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("chunks", () => {
  it("are formatted alike alone or together", async () => {
    const text = module(NAMES);
    const parts = chunks("babel-ts", text);
    expect(parts.length).toBeGreaterThan(3);
    const whole = await prettier.format(text, { ...DEFAULT_OPTIONS, parser: "babel-ts" });
    const joined = (
      await Promise.all(parts.map((part) => prettier.format(part, { ...DEFAULT_OPTIONS, parser: "babel-ts" })))
    ).join("\n");
    expect(joined).toBe(whole);
  });

  it("change only near an edit: an inserted statement leaves the other chunks as they were", () => {
    const before = chunks("babel-ts", module(NAMES));
    const after = chunks("babel-ts", module([...NAMES.slice(0, 200), "inserted", ...NAMES.slice(200)]));
    const kept = after.filter((chunk) => before.includes(chunk)).length;
    expect(after.length - kept).toBeLessThanOrEqual(2);
    expect(kept).toBeGreaterThan(before.length - 3);
  });

  it("cut markdown only before headings outside code fences", () => {
    const sections = NAMES.map(
      (name) => `## ${name}\n\n${"text ".repeat(60)}\n\n\`\`\`ts\n\n## not a heading ${name}\n\`\`\`\n`,
    ).join("\n");
    const parts = chunks("markdown", sections);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part).toMatch(/^## thing\d+\n/);
    expect(parts.join("\n")).toBe(sections);
  });
});

describe("formatFiles", () => {
  it("gives what prettier gives for each whole file, with the options for its kind of file", async () => {
    const files = new Map([
      ["src/a.ts", module(NAMES)],
      ["README.md", NAMES.map((n) => `# ${n}\n\n* item ${n}\n`).join("\n")],
      ["data.bin", "as it is"],
    ]);
    const options = { "babel-ts": { printWidth: 80, semi: false }, markdown: { printWidth: 80 } };
    const formatted = await formatFiles(files, options);
    expect(formatted.get("src/a.ts")).toBe(
      await prettier.format(files.get("src/a.ts")!, { printWidth: 80, semi: false, parser: "babel-ts" }),
    );
    expect(formatted.get("README.md")).toBe(
      await prettier.format(files.get("README.md")!, { printWidth: 80, parser: "markdown" }),
    );
    expect(formatted.get("README.md")).toContain("- item thing1\n");
    expect(formatted.get("data.bin")).toBe("as it is");
  });
});

describe("the format cache", () => {
  const files = new Map([
    ["src/a.ts", module(NAMES)],
    ["README.md", NAMES.map((n) => `# ${n}\n\n* item ${n}\n`).join("\n")],
  ]);

  it("gives the same output from cached chunks, and formats only the chunks that changed", async () => {
    const file = join(dir, "cache.json");
    const first = new FormatCache(file);
    const cold = await formatFiles(files, {}, first);
    expect(first.hits).toBe(0);
    first.save();

    const second = new FormatCache(file);
    const warm = await formatFiles(files, {}, second);
    expect(second.misses).toBe(0);
    expect(warm).toEqual(cold);
    second.save();

    const edited = new Map(files).set("src/a.ts", module([...NAMES.slice(0, 100), "inserted", ...NAMES.slice(100)]));
    const third = new FormatCache(file);
    const after = await formatFiles(edited, {}, third);
    expect(third.misses).toBeGreaterThan(0);
    expect(third.misses).toBeLessThanOrEqual(2);
    expect(after.get("src/a.ts")).toBe((await formatFiles(edited)).get("src/a.ts"));
  });

  it("keys entries by the options and prettier's version too", () => {
    expect(FormatCache.key("a", { parser: "babel-ts", printWidth: 100 }, "3")).not.toBe(
      FormatCache.key("a", { parser: "babel-ts", printWidth: 80 }, "3"),
    );
    expect(FormatCache.key("a", { parser: "babel-ts" }, "3.0.0")).not.toBe(
      FormatCache.key("a", { parser: "babel-ts" }, "3.0.1"),
    );
  });

  it("keeps only the entries the last run used", () => {
    const file = join(dir, "pruned.json");
    const cache = new FormatCache(file);
    cache.set("old", "x");
    cache.save();
    const next = new FormatCache(file);
    next.set("new", "y");
    next.save();
    expect(Object.keys((JSON.parse(readFileSync(file, "utf8")) as { entries: object }).entries)).toEqual(["new"]);
  });

  it("treats an unreadable file as empty", () => {
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ not json");
    const cache = new FormatCache(file);
    expect(cache.get("anything")).toBeUndefined();
  });
});
