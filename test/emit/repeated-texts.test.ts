// The emitter writes the same collection texts many times (an argument's description in its
// interface, its method's JSDoc and its namespace's; in the README for every operation that takes
// it): each is escaped once, and the same text is written every time.
import { describe, expect, it, vi } from "vitest";
import { docText } from "../../src/emit/literals.js";
import { inlineMarkdown } from "../../src/emit/printer/markdown.js";
import { printable } from "../../src/runtime/printable.js";

vi.mock("../../src/runtime/printable.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/runtime/printable.js")>();
  return { ...original, printable: vi.fn(original.printable) };
});

const texts = [
  "The user ID or email address of the user.\r\nFor user-level apps, pass `me`.",
  "Ends a comment */ and starts a tag @param, with a [link](javascript:alert(1)) and \u202e.",
  "**Scopes:** `user:read|admin` in a table's cell",
];

describe("a collection text written again", () => {
  it("is escaped for JSDoc once, and written the same each time", () => {
    const first = texts.map(docText);
    const calls = vi.mocked(printable).mock.calls.length;
    expect(first[1]).not.toContain("*/");
    expect(texts.map(docText)).toEqual(first);
    expect(texts.map(docText)).toEqual(first);
    expect(vi.mocked(printable).mock.calls.length).toBe(calls);
  });

  it("is escaped for markdown once in a paragraph and once in a table, and written the same each time", () => {
    const paragraph = texts.map((text) => inlineMarkdown(text));
    const cell = texts.map((text) => inlineMarkdown(text, { table: true }));
    const calls = vi.mocked(printable).mock.calls.length;
    expect(cell[2]).not.toBe(paragraph[2]);
    expect(texts.map((text) => inlineMarkdown(text))).toEqual(paragraph);
    expect(texts.map((text) => inlineMarkdown(text, { table: true }))).toEqual(cell);
    expect(texts.map((text) => inlineMarkdown(text, { table: false }))).toEqual(paragraph);
    expect(vi.mocked(printable).mock.calls.length).toBe(calls);
  });
});
