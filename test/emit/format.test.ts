// Formatting in chunks must give what prettier gives for the whole file, and the chunks must be
// stable under edits, so that the format cache only formats again what changed.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import prettier from "prettier";
import { afterAll, describe, expect, it } from "vitest";
import { FormatCache } from "../../src/cache/format-cache.js";
import { chunks, DEFAULT_OPTIONS, FormatPool } from "../../src/emit/format.js";

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
    const joined = (await Promise.all(parts.map((part) => prettier.format(part, { ...DEFAULT_OPTIONS, parser: "babel-ts" })))).join("\n");
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
    const sections = NAMES.map((name) => `## ${name}\n\n${"text ".repeat(60)}\n\n\`\`\`ts\n\n## not a heading ${name}\n\`\`\`\n`).join("\n");
    const parts = chunks("markdown", sections);
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part).toMatch(/^## thing\d+\n/);
    expect(parts.join("\n")).toBe(sections);
  });
});

describe("the format pool", () => {
  it("formats on worker threads as on this one (machines with more than two cores use them)", async () => {
    const files = new Map([["src/a.ts", module(NAMES)], ["README.md", NAMES.map((n) => `# ${n}\n\n* item ${n}\n`).join("\n")]]);
    const alone = await new FormatPool(0).formatFiles(files, 0, () => undefined);
    const pool = new FormatPool(2);
    try {
      const shared = await pool.formatFiles(files, 0, () => "meanwhile");
      expect(shared.result).toBe("meanwhile");
      expect(shared.files).toEqual(alone.files);
      expect(shared.files.get("README.md")).toContain("- item thing1\n");
    } finally {
      await pool.close();
    }
  });
});

describe("the format cache", () => {
  const files = new Map([["src/a.ts", module(NAMES)], ["README.md", NAMES.map((n) => `# ${n}\n\n* item ${n}\n`).join("\n")]]);

  it("gives the same output from cached chunks, and formats only the chunks that changed", async () => {
    const file = join(dir, "cache.json");
    const pool = new FormatPool(0);
    const first = new FormatCache(file);
    const cold = await pool.formatFiles(files, 0, () => undefined, first);
    expect(first.hits).toBe(0);
    first.save();

    const second = new FormatCache(file);
    const warm = await pool.formatFiles(files, 0, () => undefined, second);
    expect(second.misses).toBe(0);
    expect(warm.files).toEqual(cold.files);
    second.save();

    const edited = new Map(files).set("src/a.ts", module([...NAMES.slice(0, 100), "inserted", ...NAMES.slice(100)]));
    const third = new FormatCache(file);
    const after = await pool.formatFiles(edited, 0, () => undefined, third);
    expect(third.misses).toBeGreaterThan(0);
    expect(third.misses).toBeLessThanOrEqual(2);
    expect(after.files.get("src/a.ts")).toBe((await new FormatPool(0).formatFiles(edited, 0, () => undefined)).files.get("src/a.ts"));
  });

  it("keys entries by the options and prettier's version too", () => {
    expect(FormatCache.key("a", { parser: "babel-ts", printWidth: 100 }, "3")).not.toBe(FormatCache.key("a", { parser: "babel-ts", printWidth: 80 }, "3"));
    expect(FormatCache.key("a", { parser: "babel-ts" }, "3.0.0")).not.toBe(FormatCache.key("a", { parser: "babel-ts" }, "3.0.1"));
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
