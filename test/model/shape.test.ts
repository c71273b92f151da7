import { describe, expect, it } from "vitest";
import { mergeShapes, shapeOf } from "../../src/model/shape.js";

describe("shapeOf", () => {
  it("describes nested JSON", () => {
    expect(shapeOf({ id: "a", n: 1, ok: true, none: null, tags: ["x"], empty: [] })).toEqual({
      kind: "object",
      properties: [
        { name: "id", shape: { kind: "string" }, optional: false },
        { name: "n", shape: { kind: "number" }, optional: false },
        { name: "ok", shape: { kind: "boolean" }, optional: false },
        { name: "none", shape: { kind: "null" }, optional: false },
        { name: "tags", shape: { kind: "array", items: { kind: "string" } }, optional: false },
        { name: "empty", shape: { kind: "array", items: null }, optional: false },
      ],
    });
  });

  it("merges array items and makes keys missing from some items optional", () => {
    expect(shapeOf([{ a: 1, b: "x" }, { a: 2 }, "s"])).toEqual({
      kind: "array",
      items: {
        kind: "union",
        of: [
          {
            kind: "object",
            properties: [
              { name: "a", shape: { kind: "number" }, optional: false },
              { name: "b", shape: { kind: "string" }, optional: true },
            ],
          },
          { kind: "string" },
        ],
      },
    });
  });

  it("keeps prototype-looking keys as plain names", () => {
    const value = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}') as unknown;
    expect(shapeOf(value)).toMatchObject({ properties: [{ name: "__proto__" }, { name: "constructor" }] });
  });

  it("stops at a depth limit", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 30; i++) deep = [deep];
    let shape = shapeOf(deep);
    let depth = 0;
    while (shape.kind === "array" && shape.items) (shape = shape.items), depth++;
    expect(shape.kind).toBe("unknown");
    expect(depth).toBe(13);
  });
});

describe("mergeShapes", () => {
  it("joins different kinds into a union, and same kinds into one", () => {
    expect(mergeShapes({ kind: "string" }, { kind: "string" })).toEqual({ kind: "string" });
    expect(mergeShapes({ kind: "string" }, { kind: "null" })).toEqual({ kind: "union", of: [{ kind: "string" }, { kind: "null" }] });
    expect(mergeShapes({ kind: "union", of: [{ kind: "string" }, { kind: "null" }] }, { kind: "string" })).toEqual({
      kind: "union",
      of: [{ kind: "string" }, { kind: "null" }],
    });
  });
});
