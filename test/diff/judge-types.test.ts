// The checker's verdict on pairs of type texts: assignability both ways, optional properties, keys
// and index signatures, names only the DOM library declares, and texts it cannot read (never taken
// for "the same").
import { describe, expect, it } from "vitest";
import { judgeTypes } from "../../src/diff/judge-types.js";

const judge = (before: string, after: string) => judgeTypes([{ before, after }])[0];

describe("judgeTypes", () => {
  it("answers all pairs of a run at once, each both ways", () => {
    const judged = judgeTypes([
      { before: '"a" | "b"', after: '"b" | "a"' },
      { before: '"a" | "b"', after: "string" },
      { before: "string", after: '"a"' },
      { before: "{ id: string }", after: "{ id: number }" },
      { before: "{ x: { a: string }[] }", after: "{ x: Array<{ a: string }> }" },
    ]);
    expect(judged.map((j) => [j.beforeToAfter, j.afterToBefore])).toEqual([
      [true, true],
      [true, false],
      [false, true],
      [false, false],
      [true, true],
    ]);
    expect(judged.every((j) => j.judged && j.optionalProperties === undefined)).toBe(true);
  });

  it("tells optional properties added or removed, which assignability alone does not", () => {
    expect(judge("{ a: string }", "{ a: string; b?: number }")).toEqual({
      beforeToAfter: true,
      afterToBefore: true,
      judged: true,
      optionalProperties: "added",
    });
    expect(judge("{ list: { a: string; b?: number }[] }", "{ list: { a: string }[] }")).toMatchObject({
      optionalProperties: "removed",
    });
  });

  it("tells the keys, at any depth, one type has and not the other, which assignability alone does not", () => {
    // Assignable both ways, yet only the first takes `meta["2024-01-02"]`.
    const map = "{ meta: { total: number; [key: string]: number } }";
    expect(judgeTypes([{ before: map, after: "{ meta: { total: number } }", use: "read" }])[0]).toEqual({
      beforeToAfter: true,
      afterToBefore: true,
      judged: true,
      optionalProperties: "removed",
      keys: { lost: ["meta[key: string]"], gained: [] },
    });
    // Without a use, the all-required form still tells them apart (an index signature counts as an
    // optional property), only not which keys.
    expect(judge("{ total: number }", "{ total: number; [key: string]: number }")).toEqual({
      beforeToAfter: true,
      afterToBefore: true,
      judged: true,
      optionalProperties: "added",
    });
    const [emptied, nested, listed, same, untold] = judgeTypes([
      // An index signature covers every key in its place.
      { before: "{ meta: Record<string, unknown> }", after: "{ meta: { count: number } }", use: "read" },
      { before: "{ a: number; b?: { c: string }[] }", after: "{ a: number; b?: { d: string }[] }", use: "passed" },
      {
        before: "{ tags: Record<string, number> }",
        after: "{ tags: { a: number; [key: string]: number } }",
        use: "read",
      },
      { before: "{ a: 1 | 2 }", after: "{ a: 1 }", use: "read" },
      { before: "{ a: number; b: number }", after: "{ a: number }" },
    ]);
    expect(emptied!.keys).toEqual({ lost: ["meta[key: string]"], gained: [] });
    expect(nested!.keys).toEqual({ lost: ["b[].c"], gained: ["b[].d"] });
    expect(listed!.keys).toBeUndefined();
    expect(same!.keys).toBeUndefined();
    expect(untold!.keys).toBeUndefined();
  });

  it("takes `unknown` for any key where a value is passed, and for none where code reads it", () => {
    const [passed, read, beside] = judgeTypes([
      { before: "{ tags: { a: number; b: { c: number }[] } }", after: "{ tags: unknown }", use: "passed" },
      { before: "{ tags: unknown }", after: "{ tags: { a: number } }", use: "read" },
      // Only what is below `tags`: `tagsBy` is another key.
      { before: "{ tags: string[]; tagsBy: string }", after: "{ tags: unknown }", use: "passed" },
    ]);
    expect(passed!.keys).toEqual({ lost: [], gained: ["tags[]*", "tags[key: string]"] });
    expect(read!.keys).toEqual({ lost: [], gained: ["tags.a"] });
    expect(beside!.keys).toEqual({ lost: ["tagsBy"], gained: ["tags[]*", "tags[key: string]"] });
  });

  it("reads DOM names such as Blob (the emitter's binary type)", () => {
    expect(judge("Blob | ArrayBuffer | Uint8Array | string", "string")).toEqual({
      beforeToAfter: false,
      afterToBefore: true,
      judged: true,
    });
  });

  it("never judges a text it cannot read: unknown names and broken texts are not the same as anything", () => {
    const [unknownName, broken, fine] = judgeTypes([
      { before: "NoSuchType", after: "string" },
      { before: "{ a: string", after: "{ a: string }" },
      { before: "string", after: "string | null" },
    ]);
    expect(unknownName).toEqual({ beforeToAfter: false, afterToBefore: false, judged: false });
    expect(broken).toEqual({ beforeToAfter: false, afterToBefore: false, judged: false });
    expect(fine).toEqual({ beforeToAfter: true, afterToBefore: false, judged: true });
  });

  it("takes equal texts for the same type without asking the checker", () => {
    expect(judge("anything at all {", "anything at all {")).toEqual({
      beforeToAfter: true,
      afterToBefore: true,
      judged: true,
    });
  });
});
