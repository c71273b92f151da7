// The checker's verdict on pairs of type texts: assignability both ways, optional properties, names
// only the DOM library declares, and texts it cannot read (never taken for "the same").
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
