// Type expressions for shapes inferred from examples.
import { describe, expect, it } from "vitest";
import { shapeType } from "../../src/emit/type-expressions.js";
import { shapeOf, mergeShapes, type Shape } from "../../src/model/shape.js";

describe("shapeType", () => {
  it("types objects, arrays and merged examples", () => {
    expect(shapeType(shapeOf({ a: 1, b: ["x"], c: {} }))).toBe(
      "{ a: number; b: string[]; c: Record<string, unknown> }",
    );
    expect(shapeType(mergeShapes(shapeOf({ a: 1, b: "x" }), shapeOf({ a: 2 })))).toBe(
      "{ a: number; b?: string | undefined }",
    );
  });

  it("leaves an optional property named like a member of every object to an index signature", () => {
    // Absent, `item.constructor` is Object and `item.toString` a function: neither is the example's type.
    expect(shapeType(shapeOf([{ constructor: 1, x: 1 }, { x: 2 }]))).toBe("{ x: number; [key: string]: unknown }[]");
    expect(shapeType(shapeOf([{ toString: "a" }, {}]))).toBe("{ [key: string]: unknown }[]");
    // Present in every example, it is typed as usual.
    expect(shapeType(shapeOf({ constructor: 1 }))).toBe("{ constructor: number }");
  });

  it("types maps keyed by data with an index signature that also holds the named properties", () => {
    const file: Shape = { kind: "object", properties: [{ name: "size", shape: { kind: "number" }, optional: false }] };
    expect(shapeType({ kind: "object", properties: [], index: file })).toBe("Record<string, { size: number }>");
    const beside: Shape = {
      kind: "object",
      properties: [
        { name: "total", shape: { kind: "number" }, optional: false },
        { name: "next", shape: { kind: "union", of: [{ kind: "string" }, { kind: "null" }] }, optional: true },
      ],
      index: file,
    };
    // An optional property brings its undefined; members are written once.
    expect(shapeType(beside)).toBe(
      "{ total: number; next?: string | null | undefined; [key: string]: { size: number } | number | string | null | undefined }",
    );
    expect(shapeType({ ...beside, index: { kind: "unknown" } })).toBe(
      "{ total: number; next?: string | null | undefined; [key: string]: unknown }",
    );
  });
});

describe("a shape's type written again", () => {
  it("is the text written the first time, for the same shared shapes: each shape is written once", () => {
    const owner: Shape = shapeOf({ id: "u1", email: "a@example.com", name: "Ann" });
    const page: Shape = { kind: "object", properties: [{ name: "owner", shape: owner, optional: false }] };
    const asked: Shape[] = [];
    const shared = {
      shapes: [],
      nameOf: (shape: Shape) => {
        asked.push(shape);
        return shape === owner ? "Owner" : undefined;
      },
    };
    const first = shapeType(page, shared);
    expect(first).toBe("{ owner: Owner }");
    expect(asked).toEqual([page, owner]);
    // The same texts again (an operation's types, then its module's imports, then the README …).
    expect(shapeType(page, shared)).toBe(first);
    expect(shapeType(owner, shared)).toBe("Owner");
    expect(asked).toEqual([page, owner]);
    // Other shared shapes (another table of names, or none) write it afresh.
    expect(shapeType(page)).toBe("{ owner: { id: string; email: string; name: string } }");
    expect(shapeType(page, { shapes: [], nameOf: () => undefined })).toBe(shapeType(page));
  });
});
