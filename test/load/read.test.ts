import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCollectionText, readCollectionFile } from "../../src/load/read.js";
import { CodegenError } from "../../src/errors.js";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { toModel } from "../../src/load/collection.js";
import { FIXTURES, SEED_COLLECTION } from "../helpers/seed.js";

function refusal(text: string): CodegenError {
  try {
    parseCollectionText("api.json", text);
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return error as CodegenError;
  }
  return expect.fail("the text was accepted");
}

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

describe("reading a collection file", () => {
  it("names the line and column of a JSON syntax error", () => {
    const error = refusal('{\n  "info": {},\n  "item": [,]\n}');
    expect(error.file).toBe("api.json");
    expect(error.where).toBe("line 3, column 12");
    expect(error.message).toMatch(/^api\.json at line 3, column 12: not valid JSON: /);
  });

  it.each([
    ['{"token": sk_live_SUPERSECRET_1}', "line 1, column 11", "Unexpected token"],
    ['{"token": "sk_live_SUPERSECRET_1" "x"}', "line 1, column 35", "Expected ',' or '}' after property value"],
    ['{"token": "sk_live_SUPERSECRET_1\u0001"}', "line 1, column 33", "Bad control character in string literal"],
    [
      '{"token": "sk_live_SUPERSECRET_1"} sk_live_SUPERSECRET_1',
      "line 1, column 36",
      "Unexpected non-whitespace character after JSON",
    ],
  ])("says where and what in %j, never the text around it, which may be a secret", (text, where, what) => {
    const error = refusal(text);
    expect(error.message).toBe(`api.json at ${where}: not valid JSON: ${what}`);
    expect(error.message).not.toContain("SUPERSECRET");
  });

  it("refuses JSON that is not a collection", () => {
    expect(refusal("[]").message).toBe(
      "api.json at $: not a Postman collection: the top level must be an object with `info` and `item`",
    );
    expect(refusal("{}").where).toBe("info");
    expect(refusal(JSON.stringify({ info: { schema: V21 } })).where).toBe("item");
  });

  it("names the key a collection has where `item` belongs, when it is a slip of it", () => {
    const items = refusal(JSON.stringify({ info: { schema: V21 }, items: [] }));
    expect(items.where).toBe("item");
    expect(items.message).toBe(
      'api.json at item: not a Postman collection: `item` must be a list of requests and folders (it has "items": did you mean `item`?)',
    );
    expect(refusal(JSON.stringify({ info: { schema: V21 }, Item: [] })).message).toContain('(it has "Item"');
    // A key that is no slip of it (`info` is two letters off) and an `item` of another type say nothing more.
    expect(refusal(JSON.stringify({ info: { schema: V21 }, event: [] })).message).not.toContain("did you mean");
    expect(refusal(JSON.stringify({ info: { schema: V21 }, item: {}, items: [] })).message).not.toContain(
      "did you mean",
    );
  });

  it.each([
    [
      {
        id: "5d1c",
        name: "staging",
        values: [{ key: "baseUrl", value: "http://x" }],
        _postman_variable_scope: "environment",
      },
      "api.json at $: this is a Postman environment, not a collection: pass it with -e/--environment (config: environments)",
    ],
    [
      { name: "staging", values: [{ key: "baseUrl", value: "http://x" }] },
      "api.json at $: this is a Postman environment, not a collection: pass it with -e/--environment (config: environments)",
    ],
    [
      { environment: { name: "staging", values: [] } },
      "api.json at $: this is a Postman environment, not a collection: pass it with -e/--environment (config: environments)",
    ],
    [
      { name: "Globals", values: [], _postman_variable_scope: "globals" },
      "api.json at $: this is Postman globals, not a collection: pass it with --globals (config: globals)",
    ],
  ])("names an environment or the globals given as the collection: %j", (json, message) => {
    expect(refusal(JSON.stringify(json)).message).toBe(message);
  });

  it("reads a Postman API answer (`{ collection }`) as pull stores it, and says so", async () => {
    const seed = JSON.parse(readFileSync(SEED_COLLECTION, "utf8")) as Record<string, unknown>;
    const read = parseCollectionText("api.json", JSON.stringify({ collection: seed }));
    expect(read.json).toEqual(seed);
    const model = toModel(read);
    expect(model.operations.map((op) => op.name)).toEqual(
      toModel(parseCollectionText("c.json", JSON.stringify(seed))).operations.map((op) => op.name),
    );
    expect(model.warnings).toContainEqual({
      source: "collection",
      message: expect.stringContaining("this is a Postman API answer") as unknown as string,
    });
    // Anything else under `collection` is still no collection.
    expect(refusal(JSON.stringify({ collection: { name: "x" } })).where).toBe("info");
  });

  it("refuses unknown schemas and names the field", () => {
    const error = refusal(JSON.stringify({ info: { schema: "https://example.com/openapi.json" }, item: [] }));
    expect(error.where).toBe("info.schema");
    expect(error.message).toContain("expected the v2.1.0 or v2.0.0 schema URL");
  });

  it("refuses the v1 format with a message that says what to do", async () => {
    const file = `${FIXTURES}collections/newman-sample-v1.postman_collection.json`;
    const error = await readCollectionFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).message).toBe(
      // Named relative to the working directory it is in (the repository's, under vitest).
      `${relative(process.cwd(), file)} at $: this is a Postman v1 collection, which is not supported: re-export it from Postman as Collection v2.1 (… → Export → Collection v2.1)`,
    );
  });

  it("accepts v2.0 and v2.1 and a byte-order mark", async () => {
    expect((await readCollectionFile(`${FIXTURES}collections/newman-sample.postman_collection.json`)).version).toBe(
      "2.0.0",
    );
    expect(
      parseCollectionText("a.json", `\ufeff${JSON.stringify({ info: { name: "a", schema: V21 }, item: [] })}`).version,
    ).toBe("2.1.0");
  });

  it.each([
    // The spellings Postman's tools wrote: the draft-07 JSON Schema ids (the schema's own `$id`,
    // Postman's converters), the folder without collection.json, and a draft's under the version.
    ["https://schema.getpostman.com/json/draft-07/collection/v2.1.0/", "2.1.0"],
    ["https://schema.getpostman.com/json/draft-07/collection/v2.0.0/", "2.0.0"],
    ["https://schema.postman.com/collection/json/v2.1.0/draft-07/collection.json", "2.1.0"],
    ["https://schema.getpostman.com/json/collection/v2.0.0/", "2.0.0"],
    // The 2016 URL of v2 before it was numbered: postman-collection's own examples carry it.
    ["http://schema.getpostman.com/collection/v2/collection.json", "2.0.0"],
  ])("reads the schema URL %s as v%s", (schema, version) => {
    expect(parseCollectionText("a.json", JSON.stringify({ info: { name: "a", schema }, item: [] })).version).toBe(
      version,
    );
  });

  it("reads a collection without info.schema whose shape is v2's as v2, as the SDK and newman run it", () => {
    const text = JSON.stringify({
      info: { name: "a" },
      item: [{ name: "List pets", request: { method: "GET", url: "https://pets.example.com/pets" } }],
    });
    const model = toModel(parseCollectionText("a.json", text));
    expect(model.operations.map((op) => [op.name, op.method])).toEqual([["listPets", "GET"]]);
    // Without an `item` list it is no collection to read, and the refusal names what is missing.
    expect(refusal(JSON.stringify({ info: { name: "a" }, items: [] })).where).toBe("info.schema");
  });

  it("refuses a Postman v1 schema URL as v1, and another version as unsupported", () => {
    const v1 = refusal(
      JSON.stringify({
        info: { name: "a", schema: "https://schema.getpostman.com/json/collection/v1.0.0/collection.json" },
        item: [],
      }),
    );
    expect([v1.where, v1.message]).toEqual([
      "info.schema",
      "api.json at info.schema: this is a Postman v1 collection, which is not supported: re-export it from Postman as Collection v2.1 (… → Export → Collection v2.1)",
    ]);
    const v3 = refusal(
      JSON.stringify({
        info: { name: "a", schema: "https://schema.getpostman.com/json/collection/v3.0.0/collection.json" },
        item: [],
      }),
    );
    expect(v3.message).toContain("unsupported collection format");
    // Unnumbered, as the 2016 v2 URL is: its major version still decides.
    const v1Unnumbered = refusal(
      JSON.stringify({
        info: { name: "a", schema: "http://schema.getpostman.com/collection/v1/collection.json" },
        item: [],
      }),
    );
    expect(v1Unnumbered.message).toContain("this is a Postman v1 collection");
    const v3Unnumbered = refusal(
      JSON.stringify({
        info: { name: "a", schema: "http://schema.getpostman.com/collection/v3/collection.json" },
        item: [],
      }),
    );
    expect(v3Unnumbered.message).toContain("unsupported collection format");
  });

  it("reads a list given as null or an empty text as none, as the SDK does, and names what else it may be", () => {
    const item = { name: "a", request: { method: "GET", url: "https://x.test/a", header: "" } };
    const text = JSON.stringify({
      info: { name: "a", schema: V21 },
      variable: "",
      event: null,
      item: [{ name: "f", variable: null, event: "", item: [{ ...item, response: null, event: null, variable: "" }] }],
    });
    expect(toModel(parseCollectionText("a.json", text)).operations.map((op) => op.path)).toEqual(["/a"]);
    // Any other text is no list: the refusal names each shape the field may take.
    expect(refusal(JSON.stringify({ info: { name: "a", schema: V21 }, variable: "x", item: [] })).message).toBe(
      'api.json at variable: must be array, null or ""',
    );
  });

  it("reads a saved answer's header list with an empty entry and a number value, as Postman exports hold them", () => {
    const text = JSON.stringify({
      info: { name: "a", schema: V21 },
      item: [
        {
          name: "Get todo",
          request: { method: "GET", url: "https://todos.example.com/todos/1" },
          response: [
            {
              name: "OK",
              code: 200,
              header: [{}, { key: "Content-Type", value: "application/json" }, { key: "content-length", value: 8 }],
              body: '{"id":1}',
            },
          ],
        },
      ],
    });
    const [example] = toModel(parseCollectionText("a.json", text)).operations[0]!.responses[0]!.examples;
    expect(example!.headers).toEqual([
      ["Content-Type", "application/json"],
      ["content-length", "8"],
    ]);
  });

  it("reads a description whose content or type is null, as openapi-to-postman writes one, as none", () => {
    const text = JSON.stringify({
      info: { name: "a", schema: V21, description: { content: null, type: null } },
      item: [
        {
          name: "List pets",
          request: {
            method: "GET",
            url: "https://pets.example.com/pets",
            description: { content: null, type: "text/plain" },
          },
        },
      ],
    });
    const model = toModel(parseCollectionText("a.json", text));
    expect(model.operations.map((op) => [op.name, op.description])).toEqual([["listPets", undefined]]);
  });

  it.each([
    ["empty", Buffer.alloc(0), "the file is empty: it holds no JSON"],
    ["blank", Buffer.from(" \r\n"), "the file is empty: it holds no JSON"],
    [
      "UTF-16",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"info": {}, "item": []}', "utf16le")]),
      'not UTF-8 text: the file holds NUL bytes, as UTF-16 does (what Windows tools save as "Unicode"): save it as UTF-8',
    ],
  ])("says that a file that is %s holds no JSON, rather than where JSON breaks", async (_case, bytes, problem) => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-read-"));
    writeFileSync(join(dir, "api.json"), bytes);
    await expect(readCollectionFile(join(dir, "api.json"))).rejects.toThrow(`${join(dir, "api.json")}: ${problem}`);
  });

  it("says that a folder given as the collection is not a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-read-"));
    await expect(readCollectionFile(dir)).rejects.toThrow(`${dir}: a folder, not a file`);
  });

  it("says when the file cannot be read", async () => {
    await expect(readCollectionFile("/nonexistent/api.json")).rejects.toThrow(
      "/nonexistent/api.json: cannot read the file (ENOENT)",
    );
  });
});
