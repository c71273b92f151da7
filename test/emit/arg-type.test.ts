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

const query = { body: undefined };
const multipart = { body: { encoding: "multipart" as const } };

describe("argType", () => {
  it("types a repeatable argument as one value or a list of them", () => {
    expect(argType(arg({ repeatable: true, typeHint: "integer" }), query)).toBe("number | number[]");
    expect(argType(arg({ repeatable: true, enum: ["a", "b"] }), query)).toBe('"a" | "b" | Array<"a" | "b">');
    expect(argType(arg({ in: "body", repeatable: true, type: "file" }), multipart)).toBe(
      "Blob | ArrayBuffer | Uint8Array | string | Array<Blob | ArrayBuffer | Uint8Array | string>",
    );
  });

  it("types other arguments as one value, and argItemType gives one value of either, as the collection writes it", () => {
    expect(argType(arg({ in: "header", typeHint: "boolean" }), query)).toBe("boolean");
    expect(argItemType(arg({ repeatable: true, typeHint: "integer" }))).toBe("number");
    expect(argItemType(arg({ in: "path" }))).toBe("string");
  });

  it("takes the operation, always: what the caller writes depends on how the value is sent", () => {
    // @ts-expect-error without the operation, the type would silently be the collection's (argItemType)
    void (() => argType(arg({})));
    // The operation is no optional parameter: argType's arity counts it.
    expect(argType.length).toBe(2);
  });
});

describe("argType of a value sent as text", () => {
  const form = { body: { encoding: "urlencoded" as const } };
  const json = { body: { encoding: "json" as const } };

  it("takes numbers and booleans beside text: the client sends String(value)", () => {
    expect(argType(arg({}), query)).toBe("string | number | boolean");
    expect(argType(arg({ repeatable: true }), query)).toBe(
      "string | number | boolean | Array<string | number | boolean>",
    );
    expect(argType(arg({ in: "path" }), query)).toBe("string | number | boolean");
    expect(argType(arg({ in: "header" }), query)).toBe("string | number | boolean");
    expect(argType(arg({ in: "body" }), form)).toBe("string | number | boolean");
    expect(argType(arg({ in: "body" }), multipart)).toBe("string | number | boolean");
  });

  it("writes plain text as the package's Text alias when asked, and nothing else as it", () => {
    const text = { text: true };
    expect(argType(arg({}), query, text)).toBe("Text");
    expect(argType(arg({ repeatable: true }), query, text)).toBe("Text | Text[]");
    expect(argType(arg({ in: "path" }), query, text)).toBe("Text");
    expect(argType(arg({ in: "body" }), multipart, text)).toBe("Text");
    expect(argType(arg({ enum: ["1", "2"] }), query, text)).toBe('"1" | "2" | 1 | 2');
    expect(argType(arg({ typeHint: "integer" }), query, text)).toBe("number");
    expect(argType(arg({ in: "body" }), json, text)).toBe("string");
    expect(argType(arg({ in: "body", type: "file" }), multipart, text)).toBe(
      "Blob | ArrayBuffer | Uint8Array | string",
    );
  });

  it("takes the numbers and booleans an enum's values are the text of, and no other", () => {
    expect(argType(arg({ enum: ["1", "2"] }), query)).toBe('"1" | "2" | 1 | 2');
    expect(argType(arg({ in: "header", enum: ["true", "false"] }), query)).toBe('"true" | "false" | boolean');
    expect(argType(arg({ in: "header", enum: ["a", "true"] }), query)).toBe('"a" | "true" | true');
    expect(argType(arg({ repeatable: true, enum: ["a", "b"] }), query)).toBe('"a" | "b" | Array<"a" | "b">');
    // Only text that String(n) writes: `1.0`, `01`, `1e3` and `-0` are sent as `1`, `1`, `1000` and `0`.
    expect(
      argType(arg({ enum: ["01", "1.0", "1e3", "-0", "Infinity", "NaN", "", " 1", "-2", "0.5", "1e+21"] }), query),
    ).toBe('"01" | "1.0" | "1e3" | "-0" | "Infinity" | "NaN" | "" | " 1" | "-2" | "0.5" | "1e+21" | -2 | 0.5 | 1e+21');
  });

  it("keeps a documented type, JSON values, files, and a form turned into JSON as written", () => {
    expect(argType(arg({ typeHint: "integer" }), query)).toBe("number");
    expect(argType(arg({ typeHint: "boolean" }), query)).toBe("boolean");
    expect(argType(arg({ in: "body" }), json)).toBe("string");
    expect(argType(arg({ in: "body", type: "json", shape: { kind: "string" } }), json)).toBe("string");
    expect(argType(arg({ in: "body", type: "file" }), multipart)).toBe("Blob | ArrayBuffer | Uint8Array | string");
    expect(argType(arg({ in: "body" }), { body: { encoding: "raw" } })).toBe("string");
  });
});
