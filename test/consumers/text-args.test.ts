// Postman stores every path variable, query parameter, header and form text field as text, so the
// collection types them as text; the client sends a caller's value as its text (`String(value)`).
// An app writes a page size as a number and a `"true" | "false"` flag as a boolean: the argument
// types take what the client sends as the same text (`30` as `"30"`, `2` for the enum value `"2"`),
// and still refuse what it refuses. A JSON body's fields are JSON, where `30` is not `"30"`: they
// keep the types inferred from the examples.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { useRecordingServer } from "../helpers/recording.js";

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-text-args-"));
const PKG = join(OUT, "people");
const url = (
  path: string,
  query: Array<Record<string, string>> = [],
  variable: Array<Record<string, string>> = [],
) => ({
  raw: `{{baseUrl}}/${path}`,
  host: ["{{baseUrl}}"],
  path: path.split("/"),
  query,
  variable,
});

const COLLECTION = {
  info: { name: "People", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  item: [
    {
      name: "List people",
      request: {
        method: "GET",
        header: [{ key: "X-Count", value: "5", description: "How many to count." }],
        url: url(
          "groups/:groupId/people",
          [
            { key: "page_size", value: "30", description: "The number of records returned." },
            { key: "type", value: "1", description: "The kind. (This can only be one of 1,2)" },
            { key: "flag", value: "true", description: "Whether. (This can only be one of true,false)" },
            { key: "mode", value: "a", description: "The mode. (This can only be one of a,b)" },
          ],
          [{ key: "groupId", value: "7" }],
        ),
      },
    },
    {
      name: "Update person",
      request: {
        method: "POST",
        header: [],
        body: {
          mode: "urlencoded",
          urlencoded: [
            { key: "count", value: "3", type: "text" },
            { key: "active", value: "true", type: "text", description: "(This can only be one of true,false)" },
          ],
        },
        url: url("people"),
      },
    },
    {
      name: "Upload person",
      request: {
        method: "POST",
        header: [],
        body: { mode: "formdata", formdata: [{ key: "age", value: "40", type: "text" }] },
        url: url("uploads"),
      },
    },
    {
      name: "Create person",
      request: {
        method: "POST",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: { mode: "raw", raw: JSON.stringify({ size: "30" }), options: { raw: { language: "json" } } },
        url: url("created"),
      },
    },
  ],
};

const APP = `import { createClient } from "./people/dist/index.js";

declare const client: ReturnType<typeof createClient>;

export async function run(): Promise<void> {
  await client.listPeople({ groupId: 42, page_size: 30, type: 2, flag: true, "X-Count": 7 });
  await client.listPeople({ groupId: "42", page_size: [10, "20", false], type: "1", flag: "false" });
  await client.updatePerson({ count: 3, active: false });
  await client.uploadPerson({ age: 40 });
  await client.createPerson({ size: "30" });
  // @ts-expect-error a number outside a numeric enum
  await client.listPeople({ groupId: 1, type: 3 });
  // @ts-expect-error a text outside a numeric enum
  await client.listPeople({ groupId: 1, type: "3" });
  // @ts-expect-error an enum of words takes no number
  await client.listPeople({ groupId: 1, mode: 1 });
  // @ts-expect-error an enum of "true" | "false" takes no number
  await client.listPeople({ groupId: 1, flag: 1 });
  // @ts-expect-error an object is no text
  await client.listPeople({ groupId: 1, page_size: {} });
  // @ts-expect-error a header takes one value, not a list
  await client.listPeople({ groupId: 1, "X-Count": [1] });
  // @ts-expect-error a path variable takes one value, not a list
  await client.listPeople({ groupId: [1] });
  // @ts-expect-error a JSON body's field keeps its inferred type: 30 is not "30" there
  await client.createPerson({ size: 30 });
}
`;

type Call = (args: object) => Promise<unknown>;
const server = useRecordingServer({ resetEach: false });
let client: Record<"listPeople" | "updatePerson" | "uploadPerson" | "createPerson", Call>;
let ValidationError: new (...args: never[]) => Error & { field?: string };

beforeAll(async () => {
  const collection = join(OUT, "people.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  const emitted = await emitTarget({ collection, out: PKG, name: "people" }, { cache: false });
  await writePackage(PKG, emitted.files);
  const pkg = (await import(pathToFileURL(join(PKG, "dist/index.js")).href)) as {
    createClient(options: { baseUrl: string }): typeof client;
    ValidationError: typeof ValidationError;
  };
  client = pkg.createClient({ baseUrl: server.url });
  ValidationError = pkg.ValidationError;
}, 120_000);
afterAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
});

describe("arguments sent as text", () => {
  it("take numbers and booleans, numeric and boolean enums their values (declarations checked)", () => {
    expect(appTypeErrors(OUT, APP, { ...strictConsumerOptions(false), exactOptionalPropertyTypes: true })).toEqual([]);
  }, 120_000);

  it("are sent as the text the same value has as a string", async () => {
    server.requests.length = 0;
    await client.listPeople({ groupId: 42, page_size: 30, type: 2, flag: true, "X-Count": 7 });
    await client.listPeople({ groupId: "42", page_size: [10, "20", false], type: "1", flag: "false" });
    await client.updatePerson({ count: 3, active: false });
    await client.uploadPerson({ age: 40 });
    // What String() writes, which is what the client sends: no grouping, no trailing zeros; past
    // 1e21 a number is written with an exponent, as in JavaScript anywhere (a caller who means
    // those digits passes a string).
    await client.listPeople({ groupId: 0.5, page_size: 1e21, flag: false, "X-Count": -0 });
    const [first, second, form, multipart, edge] = server.requests;
    expect(first!.target).toBe("/groups/42/people?page_size=30&type=2&flag=true");
    expect(first!.headers["x-count"]).toBe("7");
    expect(second!.target).toBe("/groups/42/people?page_size=10&page_size=20&page_size=false&type=1&flag=false");
    expect(form!.fields).toEqual([
      ["count", "3"],
      ["active", "false"],
    ]);
    expect(multipart!.fields).toEqual([["age", "40"]]);
    expect(edge!.target).toBe("/groups/0.5/people?page_size=1e%2B21&flag=false");
    expect(edge!.headers["x-count"]).toBe("0");
  });

  it("are refused as before: a value outside the enum, an object, a list where one value goes", async () => {
    server.requests.length = 0;
    const refusal = async (args: object) => {
      const error = await client.listPeople(args).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      return error as InstanceType<typeof ValidationError>;
    };
    const outside = await refusal({ groupId: 1, type: 3 });
    expect(outside.field).toBe("type");
    expect(outside.message).toContain('must be one of "1", "2", got "3"');
    expect((await refusal({ groupId: 1, flag: 1 })).field).toBe("flag");
    expect((await refusal({ groupId: 1, mode: 1 })).field).toBe("mode");
    expect((await refusal({ groupId: 1, page_size: {} })).message).toContain("got an object");
    expect((await refusal({ groupId: 1, page_size: [[1]] })).message).toContain("got an array");
    expect((await refusal({ groupId: 1, "X-Count": [1] })).field).toBe("X-Count");
    expect((await refusal({ groupId: [1] })).field).toBe("groupId");
    expect(server.requests).toHaveLength(0);
  });
});
