// The emitted tests' data (test/cases/**) is reviewed as a diff on each regeneration: a JSON body is
// held as JSON, so that a field changed in the collection is one changed line, while the text the
// server answers and the runner compares stays the collection's, byte for byte.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { printJson } from "../../src/emit/printer/json.js";
import { PRINT_DEFAULTS } from "../../src/emit/printer/doc.js";
import { jsonTextOf } from "../../src/emit/test-cases.js";
import { emitTarget } from "../../src/generate.js";
import { jsonText } from "../../src/testkit/json-text.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/** A JSON text read back as the runner reads it: printed into a case file, parsed from it. */
function roundTrip(text: string): string | undefined {
  const held = jsonTextOf(text);
  if (held === undefined) return undefined;
  return jsonText(JSON.parse(printJson(held, PRINT_DEFAULTS)) as typeof held);
}

describe("jsonTextOf", () => {
  const value = { id: "a1", tags: ["x", "y"], nested: { n: 1.5, ok: true, none: null }, list: [{ k: 1 }, { k: 2 }] };

  it.each([
    ["on one line", JSON.stringify(value)],
    ["indented by one space", JSON.stringify(value, null, 1)],
    ["indented by two", JSON.stringify(value, null, 2)],
    ["indented by four", JSON.stringify(value, null, 4)],
    ["indented by tabs", JSON.stringify(value, null, "\t")],
    ["an array", JSON.stringify([value, value], null, 2)],
    [
      "with escapes JSON.stringify writes",
      JSON.stringify({ q: 'a "b" \\ \n\u0001', "\u2028": "é 😀", __proto__x: 1 }, null, 2),
    ],
    ["with a __proto__ key", '{\n  "__proto__": {\n    "polluted": true\n  }\n}'],
    ["nested 64 deep", `${"[".repeat(63)}{"s":"[[[]"}${"]".repeat(63)}`],
  ])("holds JSON laid out as JSON.stringify does as its value: %s", (_what, text) => {
    expect(jsonTextOf(text)).toBeDefined();
    expect(roundTrip(text)).toBe(text);
  });

  it.each([
    ["a comment", '{\n  // the id\n  "id": 1\n}'],
    ["other spacing", '{"id": 1, "name": "x"}'],
    ["a space before a colon", '{\n  "id" : 1\n}'],
    ["CRLF line ends", '{\r\n  "id": 1\r\n}'],
    ["a trailing line break", '{\n  "id": 1\n}\n'],
    ["duplicate keys", '{"id":1,"id":2}'],
    ["an escape JSON.stringify does not write", '{"name":"JOE \\u0026 THE JUICE"}'],
    ["a minus zero", "[-0]"],
    ["a number JSON cannot hold", "[1e400]"],
    ["a number written otherwise", '{"n":1.0}'],
    ["an indentation JSON.stringify cannot give", `{\n${" ".repeat(12)}"id": 1\n}`],
    ["mixed indentation", '{\n  "a": {\n   "b": 1\n  }\n}'],
    ["more than 64 levels", `${"[".repeat(64)}{"s":"]]]"}${"]".repeat(64)}`],
    ["a JSON string", '"text"'],
    ["a number", "42"],
    ["not JSON", "{ not json"],
    ["empty", ""],
  ])("keeps a text as written when it has %s", (_what, text) => {
    expect(jsonTextOf(text)).toBeUndefined();
  });
});

describe("a regeneration's diff of the test data", () => {
  const dir = mkdtempSync(join(tmpdir(), "case-diffs-"));
  const fields = Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [`field_${i}`, i % 3 === 0 ? `value ${i}` : i % 3 === 1 ? i : { nested: i }]),
  );

  /** The emitted case file for a collection whose example (and raw array body) hold these values. */
  async function caseFile(example: Record<string, unknown>, sent: unknown[]): Promise<string> {
    const collection = join(dir, "api.postman_collection.json");
    writeFileSync(
      collection,
      JSON.stringify({
        info: { name: "Diffs", schema: V21 },
        item: [
          {
            name: "Get thing",
            request: { method: "GET", url: "https://api.example.com/things/1" },
            response: [
              {
                name: "ok",
                code: 200,
                status: "OK",
                header: [{ key: "Content-Type", value: "application/json" }],
                body: JSON.stringify(example, null, 2),
              },
            ],
          },
          {
            name: "Put things",
            request: {
              method: "PUT",
              url: "https://api.example.com/things",
              header: [{ key: "Content-Type", value: "application/json" }],
              body: { mode: "raw", raw: JSON.stringify(sent), options: { raw: { language: "json" } } },
            },
          },
        ],
      }),
    );
    const emitted = await emitTarget({ collection, out: join(dir, "out"), name: "diffs" });
    return emitted.files.get("test/cases/client.json")!;
  }

  /** The lines that differ, where no line was added or removed. */
  function changedLines(before: string, after: string): Array<[string, string]> {
    const a = before.split("\n");
    const b = after.split("\n");
    expect(b).toHaveLength(a.length);
    return a.flatMap((line, i): Array<[string, string]> => (line === b[i] ? [] : [[line, b[i]!]]));
  }

  it("shows a field changed in an example response as that one line", async () => {
    const sent = [{ id: 1 }, { id: 2 }];
    const before = await caseFile(fields, sent);
    const after = await caseFile({ ...fields, field_20: "changed" }, sent);
    expect(changedLines(before, after).map(([a, b]) => [a.trim(), b.trim()])).toEqual([
      ['"field_20": { "nested": 20 },', '"field_20": "changed",'],
    ]);
  });

  it("shows a value changed in a raw JSON request body as the lines holding it", async () => {
    const sent = Array.from({ length: 30 }, (_, i) => ({ id: i, name: `thing ${i}` }));
    const changed = sent.map((thing) => (thing.id === 7 ? { ...thing, name: "renamed" } : thing));
    const before = await caseFile(fields, sent);
    const after = await caseFile(fields, changed);
    // The argument the test passes and the body the server must receive, each one line.
    expect(changedLines(before, after).map(([a, b]) => [a.trim(), b.trim()])).toEqual([
      ['{ "id": 7, "name": "thing 7" },', '{ "id": 7, "name": "renamed" },'],
      ['{ "id": 7, "name": "thing 7" },', '{ "id": 7, "name": "renamed" },'],
    ]);
  });
});
