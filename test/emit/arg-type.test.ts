// Argument types: a query parameter or form field takes one value or a list (sent as the key repeated).
import { describe, expect, it } from "vitest";
import { argItemType, argType } from "../../src/emit/type-expressions.js";
import type { ArgModel } from "../../src/model/types.js";

const arg = (extra: Partial<ArgModel>): ArgModel => ({
  arg: "a",
  name: "a",
  in: "query",
  required: false,
  source: "item[0]",
  ...extra,
});

describe("argType", () => {
  it("types a repeatable argument as one value or a list of them", () => {
    expect(argType(arg({ repeatable: true }))).toBe("string | string[]");
    expect(argType(arg({ repeatable: true, typeHint: "integer" }))).toBe("number | number[]");
    expect(argType(arg({ repeatable: true, enum: ["a", "b"] }))).toBe('"a" | "b" | Array<"a" | "b">');
    expect(argType(arg({ in: "body", repeatable: true, type: "file" }))).toBe(
      "Blob | ArrayBuffer | Uint8Array | string | Array<Blob | ArrayBuffer | Uint8Array | string>",
    );
  });

  it("types other arguments as one value, and argItemType gives one value of either", () => {
    expect(argType(arg({ in: "path" }))).toBe("string");
    expect(argType(arg({ in: "header", typeHint: "boolean" }))).toBe("boolean");
    expect(argItemType(arg({ repeatable: true, typeHint: "integer" }))).toBe("number");
  });
});
