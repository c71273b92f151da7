// A value sent as text (path variable, query parameter, header, form field) takes `string | number |
// boolean`, declared once as the package's `Text` (src/shapes.ts) and written `Text` at each
// argument: `page_size?: Text | Text[] | undefined`. The name is reserved (model/reserved-names.ts),
// so a shape the examples give under a key `text` is `TextShape`; an app imports `Text` and passes
// numbers and lists; the API diff reads the alias as the type it names.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget, loadTarget } from "../../src/generate.js";
import { comparePackages } from "../../src/diff/compare.js";
import { packageSurface, readSurface } from "../../src/diff/surface.js";
import { writePackage } from "../../src/write/write-package.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { FIXTURES, SEED_COLLECTION } from "../helpers/seed.js";

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-text-alias-"));
const PKG = join(OUT, "notes");

/** A GET whose answer has an object under `text`, in two requests: a shared shape that wants the name `Text`. */
const listing = (name: string, path: string, idKey: string) => ({
  name,
  request: {
    method: "GET",
    header: [{ key: "X-Trace", value: "t-1" }],
    url: {
      raw: `{{baseUrl}}/${path}/:noteId?page_size=30&order=asc`,
      host: ["{{baseUrl}}"],
      path: [path, ":noteId"],
      query: [
        { key: "page_size", value: "30" },
        { key: "order", value: "asc", description: "Order. (This can only be one of asc,desc)" },
      ],
      variable: [{ key: "noteId", value: "n1" }],
    },
  },
  response: [
    {
      name: "OK",
      code: 200,
      header: [{ key: "Content-Type", value: "application/json" }],
      body: JSON.stringify({ [idKey]: 1, text: { body: "hello", lang: "en" } }),
    },
  ],
});

const COLLECTION = {
  info: { name: "Notes", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  item: [
    listing("List notes", "notes", "note_id"),
    listing("List drafts", "drafts", "draft_id"),
    {
      name: "Upload note",
      request: {
        method: "POST",
        body: { mode: "formdata", formdata: [{ key: "title", value: "Hello", type: "text" }] },
        url: { raw: "{{baseUrl}}/notes", host: ["{{baseUrl}}"], path: ["notes"] },
      },
    },
  ],
};

let files: Map<string, string>;
beforeAll(async () => {
  const collection = join(OUT, "notes.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  const emitted = await emitTarget({ collection, out: PKG, name: "notes" }, { cache: false });
  files = new Map(emitted.files);
  await writePackage(PKG, emitted.files);
}, 120_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe("the Text alias of a value sent as text", () => {
  it("is declared once, beside the shared shapes, whose `text` shape is TextShape", () => {
    const shapes = files.get("src/shapes.ts")!;
    expect(shapes).toContain("export type Text = string | number | boolean;");
    expect(shapes).toContain("export interface TextShape {\n  body: string;\n  lang: string;\n}");
    expect(files.get("dist/shapes.d.ts")).toContain("export type Text = string | number | boolean;");
  });

  it("types every plain text argument, path, query, header and form field, and nothing else", () => {
    const client = files.get("src/client.ts")!;
    expect(client).toMatch(/import type \{\s*Text,\s*TextShape,?\s*\} from "\.\/shapes\.js";/);
    expect(client).toContain("  noteId: Text;");
    expect(client).toContain("  page_size?: Text | Text[] | undefined;");
    expect(client).toContain('  "X-Trace"?: Text | undefined;');
    expect(client).toContain("  title?: Text | Text[] | undefined;");
    // An enum stays its values.
    expect(client).toContain('  order?: "asc" | "desc" | Array<"asc" | "desc"> | undefined;');
    expect(client).toContain("200: { note_id: number; text: TextShape };");
    for (const [path, text] of files)
      if (/^(src|dist|dist\/cjs)\/client\.(ts|d\.ts)$/.test(path))
        expect(text, path).not.toContain("string | number | boolean");
  });

  it("is what the README writes, and says once what it stands for", () => {
    const readme = files.get("README.md")!;
    expect(readme).toContain("- `page_size` (query, optional, `Text | Text[]`)");
    expect(readme).toContain("is typed `Text`,\n  this package's export for `string | number | boolean`");
    expect(readme).not.toContain("`string | number | boolean | Array<string | number | boolean>`");
  });

  it("lets a strict app import it and pass numbers, booleans and lists (declarations checked)", () => {
    const app = `import { createClient, type Text, type TextShape } from "./notes/dist/index.js";

export async function run(baseUrl: string, size: Text): Promise<TextShape> {
  const client = createClient({ baseUrl });
  await client.uploadNote({ title: 7 });
  const note = await client.listNotes({ noteId: 1, page_size: [size, 30, "40", true], "X-Trace": false });
  // @ts-expect-error an object is no text
  await client.listNotes({ noteId: {} });
  return note.text;
}
`;
    expect(appTypeErrors(OUT, app, strictConsumerOptions(false))).toEqual([]);
  });

  it("changes no argument's type in the API diff from a manifest recorded before it, nor adds the export", async () => {
    // The seed's surface as the generator before the alias recorded it.
    const recorded = JSON.parse(
      readFileSync(join(FIXTURES, "surfaces", "zoom-update-user-status.before-text.json"), "utf8"),
    ) as unknown;
    const before = readSurface(recorded)!;
    expect(before.operations[0]!.args.find((a) => a.arg === "userId")!.type).toBe("string | number | boolean");
    const after = packageSurface(await loadTarget({ collection: SEED_COLLECTION, out: "", name: "seed" }));
    const { changes } = comparePackages(before, after);
    expect(changes.filter((c) => c.kind.startsWith("argument") || c.operation !== undefined)).toEqual([]);
    // Every package exports it now: a record without it is of an older generator (readSurface).
    expect(changes.map((c) => c.detail)).not.toContain("export `Text` added");
  });

  it("is exported whether or not an argument takes it: the first one added is no export added", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-text-alias-first-"));
    const request = (url: Record<string, unknown>) => ({
      info: { name: "Ping", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [{ key: "baseUrl", value: "https://api.example.com" }],
      item: [{ name: "Ping", request: { method: "GET", url: { host: ["{{baseUrl}}"], path: ["ping"], ...url } } }],
    });
    const surface = async (name: string, collection: unknown) => {
      const file = join(dir, `${name}.postman_collection.json`);
      writeFileSync(file, JSON.stringify(collection));
      return packageSurface(await loadTarget({ collection: file, out: "", name: "ping" }));
    };
    const before = await surface("bare", request({ raw: "{{baseUrl}}/ping" }));
    const after = await surface(
      "paged",
      request({ raw: "{{baseUrl}}/ping?page=1", query: [{ key: "page", value: "1" }] }),
    );
    expect(before.exports).toContain("Text");
    const { changes } = comparePackages(before, after);
    expect(changes.filter((c) => c.kind.startsWith("export"))).toEqual([]);
    expect(changes.map((c) => c.kind)).toContain("argument-added");
    // Its shapes' module declares it, and the client's module re-exports it.
    const { files } = await emitTarget({
      collection: join(dir, "bare.postman_collection.json"),
      out: join(dir, "out"),
      name: "ping",
    });
    expect(files.get("src/shapes.ts")).toMatch(/^export type Text = string \| number \| boolean;$/m);
    expect(files.get("src/client.ts")).toContain('export * from "./shapes.js";');
    rmSync(dir, { recursive: true, force: true });
  });
});
