// What the runtime sends beside what newman sends for the same items, on one recording server on
// 127.0.0.1: each collection is loaded as the generator loads it, its operations called through
// the core as the generated code calls them (body encoder and request features), and each request
// compared with newman's, header by header where Postman decides the header.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import newman from "newman";
import { beforeAll, describe, expect, it } from "vitest";
import { operationSpec } from "../../src/emit/client.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ApiModel } from "../../src/model/types.js";
import { SENDERS_OWN_HEADERS } from "../conformance/allowlist.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

const server = useRecordingServer();

interface Item {
  name: string;
  request: object;
}

const collectionOf = (items: Item[], variable: object[] = []) => ({
  info: { name: "Wire", schema: V21 },
  variable: [{ key: "baseUrl", value: server.url }, ...variable],
  item: items,
});

/** newman's run of the collection, with an environment's values; one recorded request per item. */
async function newmanRun(
  collection: object,
  environment: Record<string, string> = {},
  workingDir?: string,
): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    newman.run(
      {
        collection: collection as never,
        environment: {
          values: Object.entries(environment).map(([key, value]) => ({ key, value, enabled: true })),
        } as never,
        reporters: [],
        ...(workingDir ? { workingDir } : {}),
      },
      (error) => (error ? reject(error) : resolve()),
    ),
  );
}

const load = (collection: object): ApiModel => toModel(parseCollectionText("c.json", JSON.stringify(collection)));

/** Each operation of the model called once with `args`, as its client would call it. */
async function clientRun(model: ApiModel, variables: Record<string, string> = {}, args: object = {}): Promise<void> {
  const core = testCore(
    { baseUrl: server.url, maxRetries: 0, variables },
    { baseUrl: model.baseUrl, variables: Object.fromEntries(model.variables.map((v) => [v.name, String(v.default)])) },
  );
  for (const op of model.operations) await core.call(operationSpec(op), args);
}

const path = (name: string) => ({ raw: `{{baseUrl}}/${name}`, host: ["{{baseUrl}}"], path: [name] });
const form = [{ key: "a", value: "é 1", type: "text" }];
const urlencoded = (name: string, header: object[] = []): Item => ({
  name,
  request: { method: "POST", header, body: { mode: "urlencoded", urlencoded: form }, url: path(name) },
});

describe("a urlencoded body", () => {
  it("is typed as newman types it: the bare type, an item's type that names it as written, any other replaced", async () => {
    const items = [
      urlencoded("plain"),
      urlencoded("own", [{ key: "Content-Type", value: "application/x-www-form-urlencoded; charset=ISO-8859-1" }]),
      urlencoded("utf8", [{ key: "content-type", value: "application/x-www-form-urlencoded;charset=UTF-8" }]),
      urlencoded("other", [{ key: "Content-Type", value: "text/plain" }]),
    ];
    const collection = collectionOf(items);
    await newmanRun(collection);
    // The fields as parsed (the bytes are compared below, "a urlencoded body's bytes").
    const sent = () => server.requests.map((r) => [r.path, r.headers["content-type"], r.fields]);
    const byNewman = sent();
    server.reset();
    // The field's value is an example, which the client sends when passed.
    await clientRun(load(collection), {}, { a: "é 1" });
    expect(sent()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.map(([, type]) => type)).toEqual([
      "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded; charset=ISO-8859-1",
      "application/x-www-form-urlencoded;charset=UTF-8",
      "application/x-www-form-urlencoded",
    ]);
  }, 60_000);
});

describe("a Content-Type that names the urlencoded type in other letters", () => {
  it("is replaced on a urlencoded body, as newman reads the type in lower case only; a raw body keeps it", async () => {
    const mixed = [{ key: "Content-Type", value: "Application/X-WWW-Form-Urlencoded" }];
    const collection = collectionOf([
      urlencoded("form", mixed),
      urlencoded("form-charset", [{ key: "content-type", value: "APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-8" }]),
      {
        name: "raw",
        request: { method: "POST", header: mixed, body: { mode: "raw", raw: "a=%C3%A9" }, url: path("raw") },
      },
    ]);
    const sent = () => server.requests.map((r) => [r.path, r.headers["content-type"], r.raw.toString("latin1")]);
    await newmanRun(collection);
    const byNewman = sent();
    server.reset();
    const model = load(collection);
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    for (const op of model.operations)
      await core.call(operationSpec(op), op.body?.encoding === "raw" ? { body: "a=%C3%A9" } : { a: "é 1" });
    expect(sent()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.map(([, type]) => type)).toEqual([
      "application/x-www-form-urlencoded",
      "application/x-www-form-urlencoded",
      "Application/X-WWW-Form-Urlencoded",
    ]);
  }, 60_000);
});

describe("a urlencoded body's bytes", () => {
  // Every ASCII character, some that UTF-8 writes in two, three and four bytes, and a `%XX` as text.
  const ascii = Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join("");
  const text = `${ascii}é€😀%20`;

  it("are newman's, character for character, in names and values", async () => {
    const fields = [
      { key: "all", value: text, type: "text" },
      { key: `name ${ascii.slice(32)}é`, value: "x y", type: "text" },
    ];
    const collection = collectionOf([
      {
        name: "form",
        request: { method: "POST", body: { mode: "urlencoded", urlencoded: fields }, url: path("form") },
      },
    ]);
    await newmanRun(collection);
    const byNewman = server.requests.map((r) => r.raw.toString("latin1"));
    server.reset();
    await clientRun(load(collection), {}, Object.fromEntries(fields.map((f) => [f.key, f.value])));
    expect(server.requests.map((r) => r.raw.toString("latin1"))).toEqual(byNewman);
  }, 60_000);

  it("are in newman's order: a repeated field's values together, fields named by an index first", async () => {
    const fields = ["b", "a", "2", "b", "1"].map((key, i) => ({ key, value: `v${i}`, type: "text" }));
    const collection = collectionOf([
      {
        name: "form",
        request: { method: "POST", body: { mode: "urlencoded", urlencoded: fields }, url: path("form") },
      },
    ]);
    await newmanRun(collection);
    const byNewman = server.requests.map((r) => r.raw.toString("latin1"));
    server.reset();
    await clientRun(load(collection), {}, { b: ["v0", "v3"], a: "v1", 2: "v2", 1: "v4" });
    expect(server.requests.map((r) => r.raw.toString("latin1"))).toEqual(byNewman);
  }, 60_000);

  it("are newman's with OAuth 1's parameters added to them, signed as sent", async () => {
    const auth = {
      type: "oauth1",
      oauth1: [
        { key: "consumerKey", value: "{{ck}}" },
        { key: "consumerSecret", value: "{{cs}}" },
        { key: "signatureMethod", value: "HMAC-SHA1" },
        { key: "addParamsToHeader", value: false },
      ],
    };
    const fields = [{ key: "q", value: "a b*~'!", type: "text" }];
    const collection = collectionOf([
      {
        name: "form",
        request: { method: "POST", auth, body: { mode: "urlencoded", urlencoded: fields }, url: path("form") },
      },
    ]);
    const secrets = { ck: "key one", cs: "secret*" };
    await newmanRun(collection, secrets);
    // The time, the nonce and so the signature differ from one request to the next (oauth1.test.ts
    // checks the signature over the form as it arrives).
    const sent = () =>
      server.requests.map((r) =>
        r.raw.toString("latin1").replace(/(oauth_(?:timestamp|nonce|signature)=)[^&]*/g, "$1…"),
      );
    const byNewman = sent();
    server.reset();
    await clientRun(load(collection), secrets, { q: fields[0]!.value });
    expect(sent()).toEqual(byNewman);
  }, 60_000);
});

describe("a raw body without a Content-Type header", () => {
  it("is typed by its language as newman types it: text/plain without one or for one newman does not know", async () => {
    const raw = (name: string, text: string, language?: string): Item => ({
      name,
      request: {
        method: "POST",
        body: { mode: "raw", raw: text, ...(language ? { options: { raw: { language } } } : {}) },
        url: path(name),
      },
    });
    // Each on its own: an item's JSON body is its fields, a text body the `body` argument.
    const cases: Array<[Item, object]> = [
      [raw("json-no-language", '{"a":1}'), { a: 1 }],
      [raw("text-no-language", "plain words"), { body: "plain words" }],
      [raw("yaml", "a: 1", "yaml"), { body: "a: 1" }],
      [raw("json", '{"a":1}', "json"), { a: 1 }],
      [raw("xml", "<a/>", "xml"), { body: "<a/>" }],
    ];
    const sent = () => server.requests.map((r) => [r.path, r.headers["content-type"], r.raw.toString("latin1")]);
    for (const [item, args] of cases) {
      const collection = collectionOf([item]);
      await newmanRun(collection);
      const byNewman = sent();
      server.reset();
      await clientRun(load(collection), {}, args);
      expect(sent()).toEqual(byNewman);
      server.reset();
    }
  }, 60_000);
});

describe("a file body (mode file) without a Content-Type header", () => {
  it("goes as application/octet-stream, as newman sends a file whose name gives no type", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-"));
    const bytes = Buffer.from([0x66, 0x00, 0xff, 0x0a]);
    writeFileSync(join(dir, "upload.bin"), bytes);
    const collection = collectionOf([
      {
        name: "bin",
        request: { method: "PUT", body: { mode: "file", file: { src: "upload.bin" } }, url: path("bin") },
      },
    ]);
    await newmanRun(collection, {}, dir);
    const sent = () => server.requests.map((r) => [r.path, r.headers["content-type"], r.raw.toString("base64")]);
    const byNewman = sent();
    server.reset();
    await clientRun(load(collection), {}, { body: new Blob([bytes]) });
    expect(sent()).toEqual(byNewman);
  }, 60_000);
});

describe("form fields given again after another field", () => {
  // `a`, `b`, `a` (and files the same way), in a form-data and a urlencoded body: each field sent as
  // newman sends it, compared byte for byte past the boundary.
  const interleaved = [
    { key: "a", value: "1", type: "text" },
    { key: "b", value: "2", type: "text" },
    { key: "a", value: "3", type: "text" },
    { key: "f", type: "file", src: "one.txt" },
    { key: "b", value: "4", type: "text" },
    { key: "f", type: "file", src: "two.txt" },
  ];
  const formItem = (mode: "formdata" | "urlencoded", fields: object[]): Item => ({
    name: mode,
    request: { method: "POST", body: { mode, [mode]: fields }, url: path(mode) },
  });
  /** Each part as sent: its field, its file name (a file's) and its text. */
  const partsOf = () =>
    server.requests.map((r) =>
      r.headers["content-type"]?.startsWith("multipart/")
        ? r.raw
            .toString("latin1")
            .split(/--[^\r\n]*\r\n/)
            .slice(1)
            .map((part) => part.replace(/\r\n--[^\r\n]*--\r\n$/, "").replace(/\r\n$/, ""))
        : r.raw.toString("latin1"),
    );

  it("go in the collection's order in form-data, each part as written; urlencoded groups a field's values, as newman", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-"));
    writeFileSync(join(dir, "one.txt"), "x");
    writeFileSync(join(dir, "two.txt"), "y");
    const texts = interleaved.filter((f) => f.type === "text");
    const collection = collectionOf([formItem("formdata", interleaved), formItem("urlencoded", texts)]);
    await newmanRun(collection, {}, dir);
    const byNewman = partsOf();
    server.reset();
    // The collection's values, and a File for each of the collection's files, as newman reads them.
    const model = load(collection);
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    const values = { a: ["1", "3"], b: ["2", "4"] };
    await core.call(operationSpec(model.operations[0]!), {
      ...values,
      f: [new File(["x"], "one.txt", { type: "text/plain" }), new File(["y"], "two.txt", { type: "text/plain" })],
    });
    await core.call(operationSpec(model.operations[1]!), values);
    expect(partsOf()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(server.requests.map((r) => r.parts?.map((p) => p.field))).toEqual([
      ["a", "b", "a", "f", "b", "f"],
      undefined,
    ]);
    expect(byNewman[1]).toBe("a=1&a=3&b=2&b=4");
  }, 60_000);

  it("take a caller's list value by value in the collection's places, the values beyond them after its last", async () => {
    const model = load(
      collectionOf([
        formItem(
          "formdata",
          interleaved.filter((f) => f.type === "text"),
        ),
      ]),
    );
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    const spec = operationSpec(model.operations[0]!);
    await core.call(spec, { a: ["p", "q", "r"], b: "x" });
    await core.call(spec, { b: ["x", "y"] });
    expect(server.requests.map((r) => r.fields)).toEqual([
      [
        ["a", "p"],
        ["b", "x"],
        ["a", "q"],
        ["a", "r"],
      ],
      [
        ["b", "x"],
        ["b", "y"],
      ],
    ]);
  });
});

describe("a file field whose src lists several files, given again after another field", () => {
  // newman sends a part for each file of a `src` list, together at the entry's place (postman-
  // runtime's request-helpers-presend explodes the entry where it stands), not one at each place.
  const file = (src: string | string[]) => ({ key: "f", type: "file", src });
  const fields = (first: string | string[], second: string | string[]) => [
    file(first),
    { key: "note", value: "n1", type: "text" },
    file(second),
    { key: "note", value: "n2", type: "text" },
  ];
  const item = (name: string, formdata: object[]): Item => ({
    name,
    request: { method: "POST", body: { mode: "formdata", formdata }, url: path(name) },
  });
  const one = () => new File(["x"], "one.txt", { type: "text/plain" });
  const two = () => new File(["y"], "two.txt", { type: "text/plain" });
  /** Each part as sent: its field, its file name (a file's) and its type, as busboy parses them. */
  const parts = () => server.requests.map((r) => r.parts);

  it("sends the list's files together at the entry's place, as newman", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-"));
    writeFileSync(join(dir, "one.txt"), "x");
    writeFileSync(join(dir, "two.txt"), "y");
    const collection = collectionOf([
      item("last", fields("one.txt", ["one.txt", "two.txt"])),
      item("first", fields(["one.txt", "two.txt"], "one.txt")),
    ]);
    await newmanRun(collection, {}, dir);
    const byNewman = parts();
    const bytesByNewman = server.requests[0]!.raw.toString("latin1").split(/--[^\r\n]*/);
    server.reset();
    const model = load(collection);
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    const note = ["n1", "n2"];
    await core.call(operationSpec(model.operations[0]!), { f: [one(), one(), two()], note });
    await core.call(operationSpec(model.operations[1]!), { f: [one(), two(), one()], note });
    // The list last: each part byte for byte past the boundary.
    expect(server.requests[0]!.raw.toString("latin1").split(/--[^\r\n]*/)).toEqual(bytesByNewman);
    // The list first: newman (6.2.2) reads no file of an entry after a list's (its presend helper
    // ends the files' loop there), so the later `f` goes as a text part; its place is compared.
    const order = (sent: typeof byNewman) => sent.map((p) => p?.map((part) => part.field));
    expect(order(parts())).toEqual(order(byNewman));
    expect(parts()[0]).toEqual(byNewman[0]);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.map((p) => p?.map((part) => part.field + (part.filename ? `(${part.filename})` : "")))).toEqual([
      ["f(one.txt)", "note", "f(one.txt)", "f(two.txt)", "note"],
      ["f(one.txt)", "f(two.txt)", "note", "f", "note"],
    ]);
    expect(parts()[1]!.map((part) => part.field + (part.filename ? `(${part.filename})` : ""))).toEqual([
      "f(one.txt)",
      "f(two.txt)",
      "note",
      "f(one.txt)",
      "note",
    ]);
  }, 60_000);
});

describe("a file the caller passes without a type of its own", () => {
  // Names with and without an extension newman knows, and the type newman was seen giving each (so
  // that a change in newman shows here too); the client's is decided by the generator
  // (load/file-type.ts), the runtime holding no table of types.
  const typed: Array<[string, string]> = [
    ["photo.png", "image/png"],
    ["data.json", "application/json"],
    ["table.csv", "text/csv"],
    ["paper.pdf", "application/pdf"],
    ["sound.wav", "audio/wave"],
    ["x.unknownext", "application/octet-stream"],
    ["noext", "application/octet-stream"],
  ];
  const names = typed.map(([name]) => name);
  const types = typed.map(([, type]) => type);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "wire-"));
    for (const name of names) writeFileSync(join(dir, name), "x");
  });
  const typeless = () => new Blob(["x"]);

  it("goes as a file body of the type newman gives the collection's file, the item's Content-Type first", async () => {
    const fileItem = (name: string, src: string, header: object[] = []): Item => ({
      name,
      request: { method: "PUT", header, body: { mode: "file", file: { src } }, url: path(name) },
    });
    const collection = collectionOf([
      ...names.map((src, i) => fileItem(`f${i}`, src)),
      fileItem("own", "photo.png", [{ key: "Content-Type", value: "text/x-own" }]),
    ]);
    await newmanRun(collection, {}, dir);
    const sent = () => server.requests.map((r) => [r.path, r.headers["content-type"], r.raw.toString("latin1")]);
    const byNewman = sent();
    server.reset();
    await clientRun(load(collection), {}, { body: typeless() });
    expect(sent()).toEqual(byNewman);
    expect(byNewman.map(([, type]) => type)).toEqual([...types, "text/x-own"]);
    // A Blob of its own type keeps it.
    server.reset();
    await clientRun(load(collectionOf([fileItem("f", "photo.png")])), {}, { body: new Blob(["x"], { type: "a/b" }) });
    expect(server.requests.map((r) => r.headers["content-type"])).toEqual(["a/b"]);
  }, 60_000);

  it("goes as a form part of the type newman gives it: the field's, its src's extension's, its file name's", async () => {
    const fields = [
      ...names.map((src, i) => ({ key: `f${i}`, type: "file", src })),
      { key: "named", type: "file", src: "noext", fileName: "named.pdf" },
      { key: "own", type: "file", src: "photo.png", contentType: "text/x-own" },
    ];
    const collection = collectionOf([
      { name: "form", request: { method: "POST", body: { mode: "formdata", formdata: fields }, url: path("form") } },
    ]);
    await newmanRun(collection, {}, dir);
    // The part's file name is the File's the caller passes (a File named as newman names the part).
    const partTypes = () => server.requests.flatMap((r) => (r.parts ?? []).map((p) => [p.field, p.contentType]));
    const byNewman = partTypes();
    server.reset();
    // A File without a type keeps its name, and takes the type as a Blob does.
    const files = {
      ...Object.fromEntries(fields.map((f) => [f.key, typeless()])),
      named: new File(["x"], "named.pdf"),
    };
    await clientRun(load(collection), {}, files);
    expect(partTypes()).toEqual(byNewman);
    expect(server.requests[0]!.parts!.find((p) => p.field === "named")?.filename).toBe("named.pdf");
    expect(byNewman.map(([, type]) => type)).toEqual([...types, "application/pdf", "text/x-own"]);
  }, 60_000);
});

describe("a form file field with no file chosen", () => {
  // An export keeps `"src": []` or `"src": ""` (or no src) where a file field was added and no file
  // picked, as app teams' Laravel collections do for optional uploads. newman sends such a field as
  // an empty part, no file name; the client left the field out, and the server saw no such key.
  it("goes as newman sends it when the caller passes none: an empty part, no file name", async () => {
    const fields = [
      { key: "note", value: "n", type: "text" },
      { key: "list", type: "file", src: [] },
      { key: "text", type: "file", src: "" },
      { key: "none", type: "file" },
      { key: "typed", type: "file", src: [], contentType: "image/png" },
    ];
    const collection = collectionOf([
      { name: "form", request: { method: "POST", body: { mode: "formdata", formdata: fields }, url: path("form") } },
    ]);
    await newmanRun(collection);
    const sent = () => server.requests.map((r) => [r.fields, r.files, r.parts]);
    const byNewman = sent();
    server.reset();
    // A text field's value is an example, which the caller passes; a file field's empty part is sent unasked.
    await clientRun(load(collection), {}, { note: "n" });
    expect(sent()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too: each field, empty.
    expect(byNewman[0]![0]).toEqual([
      ["note", "n"],
      ["list", ""],
      ["text", ""],
      ["none", ""],
      ["typed", ""],
    ]);
    server.reset();
    // A caller's file still goes as a file.
    await clientRun(load(collection), {}, { note: "n", list: new File(["x"], "a.txt", { type: "text/plain" }) });
    expect(server.requests[0]!.parts?.find((part) => part.field === "list")?.filename).toBe("a.txt");
  }, 60_000);
});

describe("a Blob the caller passes for a form file", () => {
  it("goes named as newman names the collection's file: its fileName, else its src's base name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-"));
    mkdirSync(join(dir, "sub"));
    for (const name of ["photo.png", "noext", "sub/data.json"]) writeFileSync(join(dir, name), "x");
    const fields = [
      { key: "plain", type: "file", src: "photo.png" },
      { key: "bare", type: "file", src: "noext" },
      { key: "nested", type: "file", src: "sub/data.json" },
      { key: "renamed", type: "file", src: "noext", fileName: "named.pdf" },
      { key: "own", type: "file", src: "photo.png" },
    ];
    const collection = collectionOf([
      { name: "form", request: { method: "POST", body: { mode: "formdata", formdata: fields }, url: path("form") } },
    ]);
    await newmanRun(collection, {}, dir);
    const parts = () =>
      server.requests.flatMap((r) => (r.parts ?? []).map((p) => [p.field, p.filename, p.contentType]));
    const byNewman = parts();
    server.reset();
    // A Blob without a name (of its own type or none) is the collection's file; a File keeps its name.
    await clientRun(
      load(collection),
      {},
      {
        ...Object.fromEntries(fields.map((f) => [f.key, new Blob(["x"])])),
        renamed: new Blob(["x"], { type: "application/pdf" }),
        own: new File(["x"], "mine.png"),
      },
    );
    const byClient = parts();
    expect(byClient.filter(([field]) => field !== "own")).toEqual(byNewman.filter(([field]) => field !== "own"));
    expect(byClient.find(([field]) => field === "own")).toEqual(["own", "mine.png", "image/png"]);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.map(([, filename]) => filename)).toEqual([
      "photo.png",
      "noext",
      "data.json",
      "named.pdf",
      "photo.png",
    ]);
  }, 60_000);

  it("goes named as newman names each of the collection's files, where a field's src names several", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-"));
    mkdirSync(join(dir, "sub"));
    for (const name of ["one.txt", "sub/two.txt", "three.txt"]) writeFileSync(join(dir, name), "x");
    // Two items: newman reads no file field after one whose src names several (its presend step
    // ends there), which the client need not copy.
    const formItem = (name: string, fields: object[]): Item => ({
      name,
      request: { method: "POST", body: { mode: "formdata", formdata: fields }, url: path(name) },
    });
    const collection = collectionOf([
      formItem("many", [{ key: "many", type: "file", src: ["one.txt", "sub/two.txt"] }]),
      formItem("again", [
        { key: "again", type: "file", src: "one.txt" },
        { key: "again", type: "file", src: "three.txt" },
      ]),
    ]);
    await newmanRun(collection, {}, dir);
    const parts = () => server.requests.flatMap((r) => (r.parts ?? []).map((p) => [p.field, p.filename]));
    const byNewman = parts();
    server.reset();
    // Blobs of the files' type (their type is not what is compared here), one for each file.
    const blob = () => new Blob(["x"], { type: "text/plain" });
    const model = load(collection);
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    await core.call(operationSpec(model.operations[0]!), { many: [blob(), blob()] });
    await core.call(operationSpec(model.operations[1]!), { again: [blob(), blob()] });
    expect(parts()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman).toEqual([
      ["many", "one.txt"],
      ["many", "two.txt"],
      ["again", "one.txt"],
      ["again", "three.txt"],
    ]);
  }, 60_000);

  it("goes typed as newman types each of the collection's files, where a field has several", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-"));
    for (const name of ["one.txt", "two.txt", "photo.png", "data.json"]) writeFileSync(join(dir, name), "x");
    const formItem = (name: string, fields: object[]): Item => ({
      name,
      request: { method: "POST", body: { mode: "formdata", formdata: fields }, url: path(name) },
    });
    const collection = collectionOf([
      formItem("alike", [{ key: "f", type: "file", src: ["one.txt", "two.txt"] }]),
      formItem("mixed", [{ key: "f", type: "file", src: ["one.txt", "photo.png"] }]),
      formItem("again", [
        { key: "f", type: "file", src: "data.json" },
        { key: "f", type: "file", src: "one.txt" },
      ]),
    ]);
    await newmanRun(collection, {}, dir);
    const parts = () =>
      server.requests.flatMap((r) => (r.parts ?? []).map((p) => [p.field, p.filename, p.contentType]));
    const byNewman = parts();
    server.reset();
    // Blobs without a type of their own: each stands for the collection's file in its place.
    const typeless = () => new Blob(["x"]);
    await clientRun(load(collection), {}, { f: [typeless(), typeless()] });
    expect(parts()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.map(([, , type]) => type)).toEqual([
      "text/plain",
      "text/plain",
      "text/plain",
      "image/png",
      "application/json",
      "text/plain",
    ]);
  }, 60_000);
});

/** Each item's query as sent, by the item's path. */
const targets = () => new Map(server.requests.map((r) => [r.path, r.target.slice(r.path.length)]));
const itemWithQuery = (name: string, query: object[]): Item => ({
  name,
  request: { method: "GET", url: { raw: "x", host: ["{{baseUrl}}"], path: [name], query } },
});
const bare = (key: string) => ({ key, value: null });
const valued = (key: string, v: string) => ({ key, value: v });

/**
 * Each item's query as newman sends it, checked against the client's: each operation called with
 * its examples (the collection's values, which the client sends when passed; a value from
 * variables is sent as the collection's). The model and the client's core, for more calls.
 */
async function queryAsNewman(collection: object, variables: Record<string, string>) {
  await newmanRun(collection, variables);
  const byNewman = targets();
  server.reset();
  const model = load(collection);
  const core = testCore({ baseUrl: server.url, maxRetries: 0, variables }, { baseUrl: model.baseUrl, variables: {} });
  for (const op of model.operations)
    await core.call(
      operationSpec(op),
      Object.fromEntries(op.args.flatMap((a) => (a.example === undefined ? [] : [[a.arg, a.example]]))),
    );
  expect(targets()).toEqual(byNewman);
  server.reset();
  return { byNewman, model, core };
}

describe("a query's keys and values", () => {
  // Every ASCII character and one beyond, between two letters, in a key and a value.
  const characters = [...Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)), "é"];
  const queryItem = (i: number, key: string, value: string): Item => ({
    name: `q${i}`,
    request: { method: "GET", url: { raw: "x", host: ["{{baseUrl}}"], path: [`q${i}`], query: [{ key, value }] } },
  });

  it("go as newman sends them, character for character: the collection's text, its variables', a caller's value", async () => {
    // The collection's own text, whose value is an example the caller passes; then a key and a
    // value from variables, which the client sends by default.
    const items = characters.flatMap((c, i) => [
      queryItem(2 * i, `k${c}k`, `a${c}b`),
      queryItem(2 * i + 1, `{{k${i}}}`, `{{v${i}}}`),
    ]);
    const variables = characters.flatMap((c, i) => [
      { key: `k${i}`, value: `k${c}k` },
      { key: `v${i}`, value: `a${c}b` },
    ]);
    const collection = collectionOf(items, variables);
    await newmanRun(collection);
    const byNewman = targets();
    server.reset();
    const model = load(collection);
    const core = testCore(
      { baseUrl: server.url, maxRetries: 0 },
      {
        baseUrl: model.baseUrl,
        variables: Object.fromEntries(model.variables.map((v) => [v.name, String(v.default)])),
      },
    );
    for (const op of model.operations) {
      const [arg] = op.args;
      await core.call(operationSpec(op), arg!.example === undefined ? {} : { [arg!.arg]: arg!.example });
    }
    const byClient = targets();
    // Where the client differs on purpose (ARCHITECTURE.md): a caller's `%` and `+` are data, sent
    // `%25` and `%20` for the loader's decoded `+` (newman's bare `%` and `+` read as the same text);
    // a variable's `#`, `&` (and `=` in a key), which newman sends bare, ending the URL or the pair,
    // are encoded so that the value stays one value.
    const onPurpose = new Map([
      ["%", [`/q${2 * 37}`]],
      ["+", [`/q${2 * 43}`]],
      ["#", [`/q${2 * 35 + 1}`]],
      ["&", [`/q${2 * 38 + 1}`]],
      ["=", [`/q${2 * 61 + 1}`]],
    ]);
    const apart = new Set([...onPurpose.values()].flat());
    for (const [path, target] of byNewman)
      if (!apart.has(path)) expect([path, byClient.get(path)]).toEqual([path, target]);
    // Those read as the text the collection gives, one pair each.
    const read = (path: string) => [...new URLSearchParams(byClient.get(path)!.slice(1))];
    for (const [c, [path]] of onPurpose)
      expect(read(path!)).toEqual([[c === "+" ? "k k" : `k${c}k`, c === "+" ? "a b" : `a${c}b`]]);
  }, 120_000);

  it("go in the collection's order, keys without a value (`?uploads`) among the others, as newman sends them", async () => {
    const query = [
      { key: "first", value: null },
      { key: "a", value: "1" },
      { key: "c", value: "9", disabled: true },
      { key: "up loads$=", value: null },
      { key: "b", value: "2" },
      { key: "z", value: null },
    ];
    const collection = collectionOf([
      { name: "order", request: { method: "GET", url: { raw: "x", host: ["{{baseUrl}}"], path: ["order"], query } } },
    ]);
    await newmanRun(collection);
    const byNewman = targets();
    server.reset();
    // The values are examples, which the client sends when passed; the disabled one is not.
    await clientRun(load(collection), {}, { a: "1", b: "2" });
    expect(targets()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.get("/order")).toBe("?first&a=1&up%20loads$%3D&b=2&z");
  }, 60_000);

  it("go in the collection's order where a key without a value is among the values of a key given twice", async () => {
    const collection = collectionOf([
      itemWithQuery("around", [valued("a", "1"), bare("b"), valued("a", "2")]),
      itemWithQuery("three", [valued("a", "1"), bare("b"), valued("a", "2"), bare("c"), valued("a", "3"), bare("d")]),
      itemWithQuery("after-other", [valued("z", "0"), valued("a", "1"), valued("a", "2"), bare("b"), valued("a", "3")]),
      itemWithQuery("from-variables", [valued("v", "{{one}}"), bare("b"), valued("v", "{{two}}")]),
    ]);
    const { byNewman, model, core } = await queryAsNewman(collection, { one: "x", two: "y" });
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.get("/around")).toBe("?a=1&b&a=2");
    // A caller's list of another length: the key goes after as many values as the collection
    // writes before it, after all of them when the list is shorter.
    const around = operationSpec(model.operations[0]!);
    await core.call(around, { a: ["p", "q", "r"] });
    await core.call(around, { a: "p" });
    await core.call(around, {});
    expect(server.requests.map((r) => r.target)).toEqual(["/around?a=p&b&a=q&a=r", "/around?a=p&b", "/around?b"]);
  }, 60_000);
});

describe("a key given again after another key", () => {
  it("goes in the collection's order, as newman sends it, keys without a value in their places", async () => {
    const collection = collectionOf([
      itemWithQuery("between", [valued("a", "1"), valued("b", "2"), valued("a", "3")]),
      itemWithQuery("woven", [
        valued("a", "1"),
        valued("b", "2"),
        valued("a", "3"),
        valued("b", "4"),
        valued("c", "5"),
        valued("a", "6"),
      ]),
      itemWithQuery("bare-between", [
        valued("a", "1"),
        bare("u"),
        valued("b", "2"),
        bare("v"),
        valued("a", "3"),
        bare("w"),
      ]),
      itemWithQuery("bare-first", [bare("u"), valued("b", "2"), valued("a", "1"), valued("b", "3")]),
      itemWithQuery("from-variables", [valued("v", "{{one}}"), valued("b", "2"), valued("v", "{{two}}")]),
    ]);
    const { byNewman } = await queryAsNewman(collection, { one: "x y", two: "100%" });
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.get("/between")).toBe("?a=1&b=2&a=3");
    expect(byNewman.get("/bare-between")).toBe("?a=1&u&b=2&v&a=3&w");
  }, 60_000);

  it("takes a caller's list value by value in the collection's places, the values beyond them after its last", async () => {
    const between = [valued("a", "1"), bare("u"), valued("b", "2"), valued("a", "3")];
    const model = load(collectionOf([itemWithQuery("between", between)]));
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    const spec = operationSpec(model.operations[0]!);
    await core.call(spec, { a: ["p", "q", "r"], b: ["x", "y"] });
    await core.call(spec, { a: "p", b: "x" });
    await core.call(spec, { b: "x" });
    expect(server.requests.map((r) => r.target)).toEqual([
      "/between?a=p&u&b=x&b=y&a=q&a=r",
      "/between?a=p&u&b=x",
      "/between?u&b=x",
    ]);
  });
});

describe("the headers newman adds of its own", () => {
  it("are the only ones that differ, each a known difference: the client sends neither Cache-Control nor Postman-Token", async () => {
    const collection = collectionOf([
      { name: "get", request: { method: "GET", url: path("get") } },
      {
        name: "json",
        request: {
          method: "POST",
          header: [{ key: "Content-Type", value: "application/json" }],
          body: { mode: "raw", raw: '{"a":1}' },
          url: path("json"),
        },
      },
      // The item's own Cache-Control: sent by both, as the item says.
      {
        name: "cached",
        request: { method: "GET", header: [{ key: "Cache-Control", value: "max-age=60" }], url: path("cached") },
      },
    ]);
    await newmanRun(collection);
    const byNewman = server.requests.map((r) => r.headers);
    server.reset();
    const model = load(collection);
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    for (const op of model.operations) await core.call(operationSpec(op), op.item === "json" ? { a: 1 } : {});
    const byClient = server.requests.map((r) => r.headers);
    // Per item, each header whose value differs (or that only one sends), by name.
    const differing = byNewman.map((newmanHeaders, i) => {
      const clientHeaders = byClient[i]!;
      const names = [...new Set([...Object.keys(newmanHeaders), ...Object.keys(clientHeaders)])];
      return names.filter((name) => String(newmanHeaders[name]) !== String(clientHeaders[name])).sort();
    });
    const known = Object.keys(SENDERS_OWN_HEADERS).sort();
    expect(differing).toEqual([known, known, known.filter((name) => name !== "cache-control")]);
    // newman's own, as its app settings add them; the client's has neither.
    expect(byNewman.map((h) => h["cache-control"])).toEqual(["no-cache", "no-cache", "max-age=60"]);
    expect(byNewman.every((h) => typeof h["postman-token"] === "string")).toBe(true);
    expect(byClient.map((h) => [h["cache-control"], h["postman-token"]])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      ["max-age=60", undefined],
    ]);
  }, 60_000);
});

describe("a raw JSON body", () => {
  it("goes as JSON.stringify of the arguments, where newman sends the collection's text as written", async () => {
    // Indented, keys spaced, an escaped character, a number written with a fraction and an exponent.
    const raw = '{\n  "name" : "caf\\u00e9",\n  "price": 1.50,\n  "size": 1e3,\n  "tags": [ "a", "b" ]\n}';
    const collection = collectionOf([
      {
        name: "json",
        request: {
          method: "POST",
          body: { mode: "raw", raw, options: { raw: { language: "json" } } },
          url: path("json"),
        },
      },
    ]);
    await newmanRun(collection);
    const sent = () => server.requests.map((r) => [r.headers["content-type"], r.raw.toString("utf8")]);
    const byNewman = sent();
    server.reset();
    // The collection's example, passed: the values are examples, which the client sends when passed.
    const model = load(collection);
    const example = Object.fromEntries(model.operations[0]!.args.map((a) => [a.arg, a.example]));
    await clientRun(model, {}, example);
    const byClient = sent();
    expect(byNewman).toEqual([["application/json", raw]]);
    // The same JSON value, in the compact text JSON.stringify writes: a server that compares the
    // bytes, or checks a signature computed over the collection's text, sees other bytes. The
    // client signs what it sends (Hawk's payload hash, AWS's body hash: test/auth/), and keeps no
    // body text in the bundle.
    expect(byClient).toEqual([["application/json", JSON.stringify(JSON.parse(raw))]]);
    expect(byClient[0]![1]).toBe('{"name":"café","price":1.5,"size":1000,"tags":["a","b"]}');
  }, 60_000);
});

describe("a URL's user name and password", () => {
  it("go as newman sends them: Basic auth where nothing sets Authorization, decoded; else not at all", async () => {
    const host = new URL(server.url).host;
    const get = (name: string, userinfo: string, request: object = {}): Item => ({
      name,
      request: { method: "GET", url: `http://${userinfo}@${host}/${name}`, ...request },
    });
    const noauth = { type: "noauth" };
    const bearer = { type: "bearer", bearer: [{ key: "token", value: "{{token}}" }] };
    const items = [
      get("literal", "ann:pw-1", { auth: noauth }),
      get("variables", "{{user}}:{{pw}}", { auth: noauth }),
      get("user-alone", "a%40n%20n", { auth: noauth }),
      get("password-alone", ":{{pw}}", { auth: noauth }),
      get("own-basic", "ann:pw-1", {
        auth: {
          type: "basic",
          basic: [
            { key: "username", value: "{{user}}" },
            { key: "password", value: "{{pw}}" },
          ],
        },
      }),
      get("own-bearer", "ann:pw-1", { auth: bearer }),
      get("own-header", "ann:pw-1", { auth: noauth, header: [{ key: "Authorization", value: "Token {{token}}" }] }),
      get("inherited", "ann:pw-1"),
    ];
    // Without an auth of the collection's, then with a bearer token every item but noauth inherits.
    const collections = [
      collectionOf(items),
      { ...collectionOf(items), auth: bearer },
      { ...collectionOf(items.slice(0, 4)), auth: { type: "basic", basic: [{ key: "username", value: "c" }] } },
    ];
    // A value percent-encoded as a URL's user info holds it: both decode it.
    const values = { user: "b%C3%A9b", pw: "p%40ss:w", token: "tok" };
    const sent = () => server.requests.map((r) => [r.path, r.headers["authorization"]]);
    const seen: unknown[] = [];
    for (const collection of collections) {
      server.reset();
      await newmanRun(collection, values);
      const byNewman = sent();
      server.reset();
      // The literal password is asked for, as any Basic auth's: given here as written in the URL.
      await clientRun(load(collection), { ...values, "basic.password": "pw-1" });
      expect(sent()).toEqual(byNewman);
      seen.push(byNewman);
    }
    // What newman was seen sending, so that a change in newman shows here too.
    const basic = (pair: string) => `Basic ${Buffer.from(pair).toString("base64")}`;
    const fromUrl = [
      ["/literal", basic("ann:pw-1")],
      ["/variables", basic("béb:p@ss:w")],
      ["/user-alone", basic("a@n n:")],
      ["/password-alone", basic(":p@ss:w")],
    ];
    const own = [
      // A Basic auth's own values are sent as they are: only the URL's are decoded.
      ["/own-basic", basic("b%C3%A9b:p%40ss:w")],
      ["/own-bearer", "Bearer tok"],
      ["/own-header", "Token tok"],
    ];
    expect(seen).toEqual([
      [...fromUrl, ...own, ["/inherited", basic("ann:pw-1")]],
      [...fromUrl, ...own, ["/inherited", "Bearer tok"]],
      fromUrl,
    ]);
  }, 60_000);
});

describe("a body Postman reads as none: an empty mode, an empty formdata or urlencoded text", () => {
  it("is sent as newman sends it: no body, no Content-Type of its own, the item's kept; urlencoded text as its fields", async () => {
    const post = (name: string, body: object, header: object[] = []): Item => ({
      name,
      request: { method: "POST", header, body, url: path(name) },
    });
    const collection = collectionOf([
      post("formdata", { mode: "formdata", formdata: "" }),
      post("urlencoded", { mode: "urlencoded", urlencoded: "" }),
      post("typed", { mode: "urlencoded", urlencoded: "" }, [
        { key: "Content-Type", value: "application/x-www-form-urlencoded" },
      ]),
      post("modeless", { mode: "" }),
      post("modeless-raw", { mode: "", raw: "left out" }),
      post("text", { mode: "urlencoded", urlencoded: "a=%C3%A9+1&b=2" }),
    ]);
    const sent = () =>
      server.requests.map((r) => [r.path, r.headers["content-type"], r.headers["content-length"], r.raw.toString()]);
    await newmanRun(collection);
    const byNewman = sent();
    server.reset();
    const model = load(collection);
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    // The text's fields are examples, which the client sends when passed: the SDK splits the text
    // without decoding it, so newman sends each value's text encoded, and so does the client.
    expect(model.operations[5]!.args.map((arg) => [arg.name, arg.example])).toEqual([
      ["a", "%C3%A9+1"],
      ["b", "2"],
    ]);
    for (const op of model.operations)
      await core.call(operationSpec(op), op.args.length ? { a: "%C3%A9+1", b: "2" } : {});
    expect(sent()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman.map(([path, type, , raw]) => [path, type, raw])).toEqual([
      ["/formdata", undefined, ""],
      ["/urlencoded", undefined, ""],
      ["/typed", "application/x-www-form-urlencoded", ""],
      ["/modeless", undefined, ""],
      ["/modeless-raw", undefined, ""],
      ["/text", "application/x-www-form-urlencoded", "a=%25C3%25A9%2B1&b=2"],
    ]);
    // Only the empty mode that holds a body's text is told, where its author meant one.
    expect(model.warnings.filter((w) => w.source.endsWith(".body.mode"))).toEqual([
      {
        source: "item[4].request.body.mode",
        message:
          "the body has no mode, so Postman sends no body and neither does the client: its raw content is left out (set the mode to send it)",
      },
    ]);
  }, 60_000);
});

describe("a field Postman reads as none: null, an empty text, `{}`", () => {
  it("is sent as newman sends it: no body, GET for no method, `{}` auth inherited, an empty auth type none", async () => {
    const request = (name: string, fields: object): Item => ({
      name,
      request: { method: "POST", url: path(name), ...fields },
    });
    const collection = {
      ...collectionOf(
        [
          request("body-none", { body: "" }),
          request("body-text", { body: "as text" }),
          request("mode-null", { body: { mode: null, raw: "left out" } }),
          request("formdata-null", { body: { mode: "formdata", formdata: null } }),
          request("raw-null", { body: { mode: "raw", raw: null } }),
          request("method-empty", { method: "" }),
          request("method-null", { method: null }),
          request("auth-inherited", { method: "GET", auth: {} }),
          request("auth-typeless", { method: "GET", auth: { type: "" } }),
          {
            name: "folder",
            variable: "",
            event: null,
            item: [{ ...request("in-folder", { method: "GET" }), response: null, event: "", variable: null }],
          } as unknown as Item,
        ],
        [{ key: "token", value: "T" }],
      ),
      event: null,
      auth: { type: "bearer", bearer: [{ key: "token", value: "{{token}}" }] },
    };
    const sent = () =>
      server.requests.map((r) => [
        r.path,
        r.method,
        r.headers["content-type"],
        r.headers["authorization"],
        r.raw.toString(),
      ]);
    await newmanRun(collection);
    const byNewman = sent();
    server.reset();
    const model = load(collection);
    const core = testCore(
      { baseUrl: server.url, maxRetries: 0, variables: { token: "T" } },
      { baseUrl: model.baseUrl, variables: {} },
    );
    for (const op of model.operations) await core.call(operationSpec(op), op.args.length ? { body: "as text" } : {});
    expect(sent()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman).toEqual([
      ["/body-none", "POST", undefined, "Bearer T", ""],
      ["/body-text", "POST", "text/plain", "Bearer T", "as text"],
      ["/mode-null", "POST", undefined, "Bearer T", ""],
      ["/formdata-null", "POST", undefined, "Bearer T", ""],
      ["/raw-null", "POST", undefined, "Bearer T", ""],
      ["/method-empty", "GET", undefined, "Bearer T", ""],
      ["/method-null", "GET", undefined, "Bearer T", ""],
      ["/auth-inherited", "GET", undefined, "Bearer T", ""],
      ["/auth-typeless", "GET", undefined, undefined, ""],
      ["/in-folder", "GET", undefined, "Bearer T", ""],
    ]);
    expect(model.warnings.filter((w) => w.source.endsWith(".body.mode")).map((w) => w.source)).toEqual([
      "item[2].request.body.mode",
    ]);
  }, 60_000);
});

describe("a body mode in other letters or unknown", () => {
  it("is read as newman reads it: as that mode, else as raw, sending the raw text or no body", async () => {
    const post = (name: string, body: object): Item => ({ name, request: { method: "POST", body, url: path(name) } });
    const collection = collectionOf([
      post("upper", { mode: "RAW", raw: "as text" }),
      post("mixed", { mode: "UrlEncoded", urlencoded: [{ key: "a", value: "1" }] }),
      post("json", { mode: "Raw", raw: '{"a":1}', options: { raw: { language: "json" } } }),
      post("unknown", { mode: "bogus", raw: "as text" }),
      post("unknown-form", { mode: "bogus", urlencoded: [{ key: "a", value: "1" }] }),
      post("graphql", { mode: "GRAPHQL", graphql: { query: "{a}" } }),
    ]);
    const sent = () => server.requests.map((r) => [r.path, r.headers["content-type"], r.raw.toString()]);
    await newmanRun(collection);
    const byNewman = sent();
    server.reset();
    const model = load(collection);
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    const args = [{ body: "as text" }, { a: "1" }, { a: 1 }, { body: "as text" }, {}, {}];
    for (const [i, op] of model.operations.entries()) await core.call(operationSpec(op), args[i]!);
    expect(sent()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman).toEqual([
      ["/upper", "text/plain", "as text"],
      ["/mixed", "application/x-www-form-urlencoded", "a=1"],
      ["/json", "application/json", '{"a":1}'],
      ["/unknown", "text/plain", "as text"],
      ["/unknown-form", undefined, ""],
      ["/graphql", "application/json", '{"query":"{a}"}'],
    ]);
    // Each is told, naming the place, as its author likely mistyped.
    expect(model.warnings.filter((w) => w.source.endsWith(".body.mode"))).toEqual([
      { source: "item[0].request.body.mode", message: 'body mode "RAW" is read as "raw", as Postman reads it' },
      {
        source: "item[1].request.body.mode",
        message: 'body mode "UrlEncoded" is read as "urlencoded", as Postman reads it',
      },
      { source: "item[2].request.body.mode", message: 'body mode "Raw" is read as "raw", as Postman reads it' },
      {
        source: "item[3].request.body.mode",
        message:
          'body mode "bogus" is unknown: Postman reads it as "raw" and sends its raw text, and so does the client',
      },
      {
        source: "item[4].request.body.mode",
        message:
          'body mode "bogus" is unknown: Postman reads it as "raw" and sends no body, and so does the client: its urlencoded content is left out (set the mode to send it)',
      },
      {
        source: "item[5].request.body.mode",
        message: 'body mode "GRAPHQL" is read as "graphql", as Postman reads it',
      },
    ]);
  }, 60_000);
});

describe("a Basic auth with a part empty or not given", () => {
  it("goes as newman sends it: the pair with that part empty; one given by no one's variable is refused", async () => {
    const basic = (pairs: object[]) => ({ type: "basic", basic: pairs });
    const get = (name: string, auth: object): Item => ({ name, request: { method: "GET", url: path(name), auth } });
    const items = [
      get(
        "user-empty",
        basic([
          { key: "username", value: "" },
          { key: "password", value: "{{pw}}" },
        ]),
      ),
      get("user-absent", basic([{ key: "password", value: "{{pw}}" }])),
      get(
        "password-empty",
        basic([
          { key: "username", value: "ann" },
          { key: "password", value: "" },
        ]),
      ),
      get("password-absent", basic([{ key: "username", value: "{{user}}" }])),
      get(
        "user-empty-variable",
        basic([
          { key: "username", value: "{{none}}" },
          { key: "password", value: "p" },
        ]),
      ),
      // Neither part: `Basic Og==` (":"), a pair written empty as one not written at all.
      get(
        "both-empty",
        basic([
          { key: "username", value: "" },
          { key: "password", value: "" },
        ]),
      ),
      get("both-absent", basic([])),
    ];
    const collection = collectionOf(items);
    const values = { user: "ann", pw: "p:w", none: "" };
    const sent = () => server.requests.map((r) => [r.path, r.headers["authorization"]]);
    await newmanRun(collection, values);
    const byNewman = sent();
    server.reset();
    const model = load(collection);
    // The literal password of the last is asked for, as any Basic auth's: given as written.
    await clientRun(model, { ...values, "basic.password": "p" });
    expect(sent()).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    const pair = (text: string) => `Basic ${Buffer.from(text).toString("base64")}`;
    expect(byNewman).toEqual([
      ["/user-empty", pair(":p:w")],
      ["/user-absent", pair(":p:w")],
      ["/password-empty", pair("ann:")],
      ["/password-absent", pair("ann:")],
      ["/user-empty-variable", pair(":p")],
      ["/both-empty", "Basic Og=="],
      ["/both-absent", "Basic Og=="],
    ]);
    // Where newman would send a {{variable}} no one gave as its text, the client refuses the call,
    // naming the variable and not the password.
    server.reset();
    const core = testCore({ baseUrl: server.url, maxRetries: 0 }, { baseUrl: model.baseUrl, variables: {} });
    const refusal = await core.call(operationSpec(model.operations[0]!), {}).then(
      () => undefined,
      (error: Error) => error.message,
    );
    expect(refusal).toMatch(/\{\{pw\}\} has no value/);
    expect(server.requests).toEqual([]);
  }, 60_000);
});

describe("a request whose URL is empty", () => {
  it("is left out with a warning naming it, as newman sends it not and runs the others", async () => {
    const get = (name: string, request: object): Item => ({ name, request: { method: "GET", ...request } });
    const collection = collectionOf([
      get("empty", { url: "" }),
      get("blank", { url: " \t " }),
      get("raw-alone", { url: { raw: `${server.url}/raw-alone` } }),
      get("none", {}),
      { name: "text", request: "  " } as unknown as Item,
      get("sent", { url: path("sent") }),
    ]);
    const executions: Array<[string, string | undefined]> = [];
    await new Promise<void>((resolve, reject) =>
      newman.run({ collection: collection as never, reporters: [] }, (error, summary) => {
        if (error) return reject(error);
        for (const run of summary.run.executions)
          executions.push([run.item.name, (run as { requestError?: Error }).requestError?.message]);
        resolve();
      }),
    );
    const byNewman = server.requests.map((r) => r.path);
    server.reset();
    const model = load(collection);
    await clientRun(model);
    expect(server.requests.map((r) => r.path)).toEqual(byNewman);
    // What newman was seen doing, so that a change in newman shows here too.
    const empty = "runtime:extensions~request: request url is empty";
    expect(executions).toEqual([
      ["empty", empty],
      ["blank", empty],
      ["raw-alone", empty],
      ["none", empty],
      ["text", empty],
      ["sent", undefined],
    ]);
    expect(byNewman).toEqual(["/sent"]);
    expect(model.operations.map((op) => op.name)).toEqual(["sent"]);
    const leftOut = (name: string) =>
      `item ${JSON.stringify(name)} has an empty URL, which Postman does not send (newman: "request url is empty"): left out`;
    expect(model.warnings).toEqual([
      { source: "item[0].request.url", message: leftOut("empty") },
      { source: "item[1].request.url", message: leftOut("blank") },
      {
        source: "item[2].request.url",
        message:
          'item "raw-alone" has a URL of raw text alone, which Postman reads as empty (it reads a URL object\'s host and path) and does not send (newman: "request url is empty"): left out (give the URL as text, or its host and path)',
      },
      { source: "item[3].request", message: leftOut("none") },
      { source: "item[4].request", message: leftOut("text") },
    ]);
  }, 60_000);

  it("leaves a client without methods, said once, where no request can be sent", () => {
    const model = load(collectionOf([{ name: "empty", request: { method: "GET", url: "" } }]));
    expect(model.operations).toEqual([]);
    expect(model.warnings.map((w) => w.message).slice(1)).toEqual([
      "no request of the collection can be sent: the client has no methods",
    ]);
  });
});
