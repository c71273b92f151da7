import { describe, expect, it } from "vitest";
import { shapeType } from "../../src/emit/type-expressions.js";
import {
  inferShapes,
  keyedByData,
  keyKind,
  MANY_KEYS,
  MAX_BORROWED_SHAPES,
  MAX_BORROWED_SIZE,
  type Shaped,
} from "../../src/model/infer.js";
import { mergeShapes, shapeOf, type Shape } from "../../src/model/shape.js";
import type { ArgModel, ResponseModel } from "../../src/model/types.js";

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
    while (shape.kind === "array" && shape.items) ((shape = shape.items), depth++);
    expect(shape.kind).toBe("unknown");
    expect(depth).toBe(13);
  });
});

describe("mergeShapes", () => {
  it("joins different kinds into a union, and same kinds into one", () => {
    expect(mergeShapes({ kind: "string" }, { kind: "string" })).toEqual({ kind: "string" });
    expect(mergeShapes({ kind: "string" }, { kind: "null" })).toEqual({
      kind: "union",
      of: [{ kind: "string" }, { kind: "null" }],
    });
    expect(mergeShapes({ kind: "union", of: [{ kind: "string" }, { kind: "null" }] }, { kind: "string" })).toEqual({
      kind: "union",
      of: [{ kind: "string" }, { kind: "null" }],
    });
  });

  it("merges the values of maps, and keeps a map a map beside a plain object", () => {
    const map = (index: Shape): Shape => ({ kind: "object", properties: [], index });
    expect(mergeShapes(map({ kind: "string" }), map({ kind: "number" }))).toEqual(
      map({ kind: "union", of: [{ kind: "string" }, { kind: "number" }] }),
    );
    expect(mergeShapes(map({ kind: "string" }), shapeOf({ total: 1 }))).toEqual({
      ...map({ kind: "string" }),
      properties: [{ name: "total", shape: { kind: "number" }, optional: true }],
    });
  });
});

describe("keyKind: keys that are data, names, or neither", () => {
  it.each([
    ["file names", ["hello_world.rb", "README.md", "photo.JPEG", "archive.tar.gz"]],
    ["host names", ["example.com", "api.example.test"]],
    ["numbers and numeric ids", ["42", "1001", "-1", "3.14"]],
    [
      "dates, times, addresses, versions",
      ["2024-01-31", "2024-01-31T10:00:00Z", "2024-01", "10:30", "192.168.0.1", "1.2.3"],
    ],
    ["UUIDs", ["550e8400-e29b-41d4-a716-446655440000", "AB3F1C2D-0000-4000-8000-00000000000A"]],
    ["hexadecimal ids and hashes", ["5f2b8c9e1a3d4e6f7a8b9c0d", "d41d8cd98f00b204e9800998ecf8427e"]],
    ["generated ids", ["U024BE7LH", "KdYKjnimT4KPd8FFgQt9FQ", "cus_9s6XKzkNRiz8i3"]],
    ["emails", ["ann@example.com", "a+b@mail.example.org"]],
    ["URLs and paths", ["https://example.com/a", "ftp://x", "/users/{id}", "/"]],
  ])("%s are data", (_, keys) => {
    for (const key of keys) expect(keyKind(key), key).toBe("data");
  });

  it("identifier-like keys are names, digits and all", () => {
    for (const key of [
      "id",
      "user_id",
      "Content-Type",
      "名前",
      "$ref",
      "__proto__",
      "x509Certificate",
      "sha256Digest",
      "oauth2Token",
      "address2",
      "deadbeef",
      "utf8mb4",
    ]) {
      expect(keyKind(key), key).toBe("name");
    }
  });

  it("other keys are neither", () => {
    for (const key of ["First Name", "@type", "@odata.context", "2fa", ".env", "a:b", ""])
      expect(keyKind(key), key).toBe("odd");
  });

  it("reads letters and digits as the fixed identifier table does, not as the running Node does", () => {
    // Letters and digits of Unicode 15 and 16 (Garay U+10D4A, Kawi U+11F04, Nag Mundari digit U+1E4F0).
    for (const key of ["\u{10D4A}\u{10D4B}", "a\u{11F04}", "a\u{1E4F0}", "prénom-\u{10D4A}"])
      expect(keyKind(key), key).toBe("odd");
    for (const key of ["prénom", "фамилия", "件数", "x²"]) expect(keyKind(key), key).toBe("name");
  });
});

describe("keyedByData: objects keyed by data become maps", () => {
  const file = { size: 1 };
  const named = (shape: Shape) => (shape.kind === "object" ? shape.properties.map((p) => p.name) : []);

  it("turns one data key into an index signature of its value's shape", () => {
    expect(keyedByData(shapeOf({ "hello_world.rb": file }))).toEqual({
      kind: "object",
      properties: [],
      index: shapeOf(file),
    });
    for (const key of [
      "1001",
      "ann@example.com",
      "2024-01-31",
      "550e8400-e29b-41d4-a716-446655440000",
      "https://example.com/a",
      "U024BE7LH",
    ]) {
      expect(keyedByData(shapeOf({ [key]: file })), key).toEqual({
        kind: "object",
        properties: [],
        index: shapeOf(file),
      });
    }
  });

  it("keeps named keys beside data keys, which take the odd keys with them", () => {
    const shape = keyedByData(
      shapeOf({ total: 2, owner: { login: "o" }, "a.rb": file, "b.txt": { size: "2" }, "@odata.context": "x" }),
    );
    expect(named(shape)).toEqual(["total", "owner"]);
    expect(shape.kind === "object" && shapeType(shape.index!)).toBe("{ size: number | string } | string");
    // TypeScript holds the named properties to the index signature too.
    expect(shapeType(shape)).toBe(
      "{ total: number; owner: { login: string }; [key: string]: { size: number | string } | string | number | { login: string } }",
    );
  });

  it("maps merged examples with different data keys, and unions their values", () => {
    const merged = mergeShapes(
      shapeOf({ files: { "a.rb": file } }),
      shapeOf({ files: { "b.txt": { size: 2, type: "text" } } }),
    );
    expect(keyedByData(merged)).toEqual({
      kind: "object",
      properties: [
        {
          name: "files",
          optional: false,
          shape: {
            kind: "object",
            properties: [],
            index: {
              kind: "object",
              properties: [
                { name: "size", shape: { kind: "number" }, optional: false },
                { name: "type", shape: { kind: "string" }, optional: true },
              ],
            },
          },
        },
      ],
    });
  });

  it("maps an object of odd keys only; beside a name they stay properties", () => {
    expect(keyedByData(shapeOf({ "First Name": "Ann", "Last Name": "Lee" }))).toEqual({
      kind: "object",
      properties: [],
      index: { kind: "string" },
    });
    expect(named(keyedByData(shapeOf({ "@odata.context": "x", value: [1] })))).toEqual(["@odata.context", "value"]);
  });

  it(`maps ${MANY_KEYS} or more keys whose values are objects with the same property names`, () => {
    const entries = (n: number, value: (i: number) => unknown) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`name${String.fromCharCode(97 + i)}`, value(i)]));
    expect(keyedByData(shapeOf(entries(MANY_KEYS, () => ({ url: "u", animated: false }))))).toMatchObject({
      properties: [],
      index: { kind: "object" },
    });
    // Fewer, scalars, or different structures: a record with names.
    expect(named(keyedByData(shapeOf(entries(MANY_KEYS - 1, () => ({ url: "u" })))))).toHaveLength(MANY_KEYS - 1);
    expect(named(keyedByData(shapeOf(entries(MANY_KEYS, () => "s"))))).toHaveLength(MANY_KEYS);
    expect(named(keyedByData(shapeOf(entries(MANY_KEYS, (i) => (i ? { url: "u" } : { href: "h" })))))).toHaveLength(
      MANY_KEYS,
    );
  });

  it("works innermost first, inside arrays and unions", () => {
    expect(keyedByData(shapeOf([{ days: { "2024-01-01": { "10:00": 1 } } }]))).toEqual({
      kind: "array",
      items: {
        kind: "object",
        properties: [
          {
            name: "days",
            optional: false,
            shape: {
              kind: "object",
              properties: [],
              index: { kind: "object", properties: [], index: { kind: "number" } },
            },
          },
        ],
      },
    });
  });
});

describe("inferShapes: what null and [] mean", () => {
  const response = (body: unknown, status = 200): ResponseModel => ({
    status,
    errorCodes: [],
    examples: [],
    shape: shapeOf(body),
  });
  const bodyField = (name: string, value: unknown): ArgModel => ({
    arg: name,
    name,
    in: "body",
    required: false,
    type: "json",
    shape: shapeOf(value),
    source: "x",
  });
  const op = (responses: ResponseModel[], args: ArgModel[] = []): Shaped => ({
    args,
    responses,
    ...(args.length ? { body: { encoding: "json" as const } } : {}),
  });
  const typeOf = (ops: Shaped[], i = 0, r = 0) => {
    const shape = inferShapes(ops)[i]!.responses[r]!.shape!;
    return shapeType(shape);
  };

  it("types a value seen only as null as unknown, in responses, bodies, arrays and maps", () => {
    expect(typeOf([op([response({ user: null, list: [null], files: { "a.rb": null } })])])).toBe(
      "{ user: unknown; list: unknown[]; files: Record<string, unknown> }",
    );
    expect(typeOf([op([response(null)])])).toBe("unknown");
    expect(inferShapes([op([], [bodyField("cve_id", null)])])[0]!.args[0]!.shape).toEqual({ kind: "unknown" });
  });

  it("keeps the union where examples of one status disagree", () => {
    const merged = {
      ...response({ user: null }),
      shape: mergeShapes(shapeOf({ user: null }), shapeOf({ user: { login: "o" } })),
    };
    expect(typeOf([op([merged])])).toBe("{ user: null | { login: string } }");
  });

  it("borrows the shape of the same key from another status of the operation, then from other operations", () => {
    const own = op([response({ owner: null }, 202), response({ owner: { login: "o" } }, 201)]);
    const other = op([response({ owner: { name: "n" } })]);
    // The operation's own examples come first: the other operation's owner is another thing.
    expect(typeOf([own, other])).toBe("{ owner: { login: string } | null }");
    expect(typeOf([op([response({ owner: null })]), other, own])).toBe(
      "{ owner: { name?: string | undefined; login?: string | undefined } | null }",
    );
  });

  it("borrows items for an empty array, and keeps unknown[] when nothing shows them", () => {
    const ops = [
      op([response({ labels: [], items: [], both: null })]),
      op([response({ labels: [{ name: "bug" }], both: [1] })]),
    ];
    expect(typeOf(ops)).toBe("{ labels: { name: string }[]; items: unknown[]; both: number[] | null }");
  });

  it("borrows for bodies from bodies, and for responses from responses", () => {
    const ops = [
      op([response({ assignee: null })], [bodyField("assignee", null)]),
      op([response({ assignee: { login: "o" } })], [bodyField("assignee", "octocat")]),
    ];
    const [first] = inferShapes(ops);
    expect(shapeType(first!.args[0]!.shape!)).toBe("string | null");
    expect(shapeType(first!.responses[0]!.shape!)).toBe("{ assignee: { login: string } | null }");
  });

  it("does not borrow in turn: a borrowed shape's own null-only fields are unknown", () => {
    const ops = [
      op([response({ user: null })]),
      op([response({ user: { login: "o", manager: null } })]),
      op([response({ manager: { id: 1 } })]),
    ];
    expect(typeOf(ops)).toBe("{ user: { login: string; manager: unknown } | null }");
    // The operation that has the field itself borrows it.
    expect(typeOf(ops, 1)).toBe("{ user: { login: string; manager: { id: number } | null } }");
  });

  it("gives up on a key whose shapes merge past the size limit, or are too many: unknown, loose and small", () => {
    const big = Object.fromEntries(Array.from({ length: MAX_BORROWED_SIZE }, (_, i) => [`field${i}`, i]));
    expect(typeOf([op([response({ data: null })]), op([response({ data: big })])])).toBe("{ data: unknown }");
    const varied = Array.from({ length: MAX_BORROWED_SHAPES + 1 }, (_, i) =>
      op([response({ data: { [`field${i}`]: i } })]),
    );
    expect(typeOf([op([response({ data: null })]), ...varied])).toBe("{ data: unknown }");
    expect(typeOf([op([response({ data: null })]), ...varied.slice(0, 2)])).toBe(
      "{ data: { field0?: number | undefined; field1?: number | undefined } | null }",
    );
  });

  it("is deterministic and linear: thousands of operations sharing keys", () => {
    const ops = Array.from({ length: 5_000 }, (_, i) =>
      op([response({ owner: i % 2 ? null : { login: "o", id: i }, [`k${i}`]: null })]),
    );
    const started = performance.now();
    const first = inferShapes(ops);
    expect(JSON.stringify(inferShapes(ops))).toBe(JSON.stringify(first));
    expect(shapeType(first[1]!.responses[0]!.shape!)).toBe(
      "{ owner: { login: string; id: number } | null; k1: unknown }",
    );
    // Generous: a quadratic pass takes minutes here.
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
