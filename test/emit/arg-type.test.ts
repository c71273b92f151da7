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

describe("argType of a value sent as text", () => {
  const query = { body: undefined };
  const form = { body: { encoding: "urlencoded" as const } };
  const json = { body: { encoding: "json" as const } };

  it("takes numbers and booleans beside text: the client sends String(value)", () => {
    expect(argType(arg({}), undefined, query)).toBe("string | number | boolean");
    expect(argType(arg({ repeatable: true }), undefined, query)).toBe(
      "string | number | boolean | Array<string | number | boolean>",
    );
    expect(argType(arg({ in: "path" }), undefined, query)).toBe("string | number | boolean");
    expect(argType(arg({ in: "header" }), undefined, query)).toBe("string | number | boolean");
    expect(argType(arg({ in: "body" }), undefined, form)).toBe("string | number | boolean");
    expect(argType(arg({ in: "body" }), undefined, { body: { encoding: "multipart" } })).toBe(
      "string | number | boolean",
    );
  });

  it("writes plain text as the package's Text alias when asked, and nothing else as it", () => {
    const text = { text: true };
    expect(argType(arg({}), text, query)).toBe("Text");
    expect(argType(arg({ repeatable: true }), text, query)).toBe("Text | Text[]");
    expect(argType(arg({ in: "path" }), text, query)).toBe("Text");
    expect(argType(arg({ in: "body" }), text, { body: { encoding: "multipart" } })).toBe("Text");
    expect(argType(arg({ enum: ["1", "2"] }), text, query)).toBe('"1" | "2" | 1 | 2');
    expect(argType(arg({ typeHint: "integer" }), text, query)).toBe("number");
    expect(argType(arg({ in: "body" }), text, json)).toBe("string");
    expect(argType(arg({ in: "body", type: "file" }), text, { body: { encoding: "multipart" } })).toBe(
      "Blob | ArrayBuffer | Uint8Array | string",
    );
  });

  it("takes the numbers and booleans an enum's values are the text of, and no other", () => {
    expect(argType(arg({ enum: ["1", "2"] }), undefined, query)).toBe('"1" | "2" | 1 | 2');
    expect(argType(arg({ in: "header", enum: ["true", "false"] }), undefined, query)).toBe(
      '"true" | "false" | boolean',
    );
    expect(argType(arg({ in: "header", enum: ["a", "true"] }), undefined, query)).toBe('"a" | "true" | true');
    expect(argType(arg({ repeatable: true, enum: ["a", "b"] }), undefined, query)).toBe('"a" | "b" | Array<"a" | "b">');
    // Only text that String(n) writes: `1.0`, `01`, `1e3` and `-0` are sent as `1`, `1`, `1000` and `0`.
    expect(
      argType(
        arg({ enum: ["01", "1.0", "1e3", "-0", "Infinity", "NaN", "", " 1", "-2", "0.5", "1e+21"] }),
        undefined,
        query,
      ),
    ).toBe('"01" | "1.0" | "1e3" | "-0" | "Infinity" | "NaN" | "" | " 1" | "-2" | "0.5" | "1e+21" | -2 | 0.5 | 1e+21');
  });

  it("keeps a documented type, JSON values, files, and a form turned into JSON as written", () => {
    expect(argType(arg({ typeHint: "integer" }), undefined, query)).toBe("number");
    expect(argType(arg({ typeHint: "boolean" }), undefined, query)).toBe("boolean");
    expect(argType(arg({ in: "body" }), undefined, json)).toBe("string");
    expect(argType(arg({ in: "body", type: "json", shape: { kind: "string" } }), undefined, json)).toBe("string");
    expect(argType(arg({ in: "body", type: "file" }), undefined, { body: { encoding: "multipart" } })).toBe(
      "Blob | ArrayBuffer | Uint8Array | string",
    );
    expect(argType(arg({ in: "body" }), undefined, { body: { encoding: "raw" } })).toBe("string");
    // Without the operation, as the collection writes it (argItemType's callers: examples).
    expect(argType(arg({}))).toBe("string");
  });
});
