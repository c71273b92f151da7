// A runtime name the client imports from now on is reserved nowhere (src/model/reserved-names.ts
// freezes the ones reserved before the client aliased its imports): an operation named like it
// keeps its name, and the package compiles and works. Each name the client imports today is
// frozen, so this test takes one out of the tables, as a name the runtime gains would be: a
// multipart form of text fields is sent by `encodeMultipartText`, which the client imports beside
// a request named "Encode multipart text". Reserved, it was `encodeMultipartText2`: renamed when
// the runtime gained the import, a major change of the user's package.
import { createRequire } from "node:module";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { emitTarget } from "../../src/generate.js";
import type { ApiModel } from "../../src/model/types.js";
import { writePackage } from "../../src/write/write-package.js";
import { useRecordingServer } from "../helpers/recording.js";

// Hoisted with the mock, which runs before this module's body.
const { UNFROZEN } = vi.hoisted(() => ({ UNFROZEN: "encodeMultipartText" }));

vi.mock("../../src/model/reserved-names.js", async (importOriginal) => {
  const original = await importOriginal<Record<string, unknown>>();
  const without = (list: unknown) => (list as string[]).filter((name) => name !== UNFROZEN);
  const runtimeLocal = original["runtimeLocal"] as (name: string) => string;
  // As a name the runtime's imports gain after the freeze: reserved nowhere, imported under the prefix.
  return {
    ...original,
    RESERVED_IDENTIFIERS: without(original["RESERVED_IDENTIFIERS"]),
    FROZEN_CLIENT_IMPORTS: without(original["FROZEN_CLIENT_IMPORTS"]),
    runtimeLocal: (name: string) =>
      name === UNFROZEN ? `${String(original["RUNTIME_PREFIX"])}${name}` : runtimeLocal(name),
  };
});

const server = useRecordingServer({ resetEach: false });
let model: ApiModel;
let dir: string;

const request = (name: string, method: string, path: string, form?: boolean) => ({
  name,
  request: {
    method,
    url: { raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: [path] },
    ...(form ? { body: { mode: "formdata", formdata: [{ key: "note", value: "hi", type: "text" }] } } : {}),
  },
});

beforeAll(async () => {
  const { RESERVED_IDENTIFIERS } = await import("../../src/model/reserved-names.js");
  // The table the naming pass reads is the one without it.
  expect(RESERVED_IDENTIFIERS).not.toContain(UNFROZEN);
  dir = mkdtempSync(join(tmpdir(), "postman-codegen-unfrozen-"));
  const collection = {
    info: { name: "Unfrozen", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: [
      request("Encode multipart text", "GET", "named"),
      request("Send form", "POST", "form", true),
      // A folder's module imports the encoder too.
      { name: "Forms", item: [request("Send another form", "POST", "other", true)] },
    ],
  };
  writeFileSync(join(dir, "c.postman_collection.json"), JSON.stringify(collection));
  // Type-checked: the operation's function beside an import of the same name does not compile.
  const emitted = await emitTarget(
    { collection: join(dir, "c.postman_collection.json"), out: join(dir, "out"), name: "unfrozen" },
    { typeCheck: true },
  );
  model = emitted.model;
  await writePackage(join(dir, "out"), emitted.files);
}, 120_000);

describe("an operation named like a runtime import that is not frozen", () => {
  it("keeps its name while the client imports the runtime's function of that name", () => {
    const op = model.operations.find((o) => o.item === "Encode multipart text")!;
    expect([op.name, op.exportName]).toEqual([UNFROZEN, UNFROZEN]);
  });

  it.each([
    ["ESM", (out: string) => import(pathToFileURL(join(out, "dist/index.js")).href)],
    ["CommonJS", async (out: string) => createRequire(import.meta.url)(join(out, "dist/cjs/index.js")) as unknown],
  ])("sends its own request and the forms theirs from the %s build", async (_format, load) => {
    const pkg = (await load(join(dir, "out"))) as Record<string, (...args: unknown[]) => unknown>;
    const base = pkg["createBaseClient"]!({ baseUrl: server.url, maxRetries: 0 });
    server.reply({ status: 204 });
    await pkg[UNFROZEN]!(base, {});
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", path: "/named" });
    const client = pkg["createClient"]!({ baseUrl: server.url, maxRetries: 0 }) as {
      encodeMultipartText: () => Promise<unknown>;
      sendForm: (args: object) => Promise<unknown>;
      forms: { sendAnotherForm: (args: object) => Promise<unknown> };
    };
    server.reply({ status: 204 });
    await client.encodeMultipartText();
    expect(server.requests.at(-1)).toMatchObject({ method: "GET", path: "/named" });
    for (const [send, path] of [
      [() => client.sendForm({ note: "hi" }), "/form"],
      [() => client.forms.sendAnotherForm({ note: "hi" }), "/other"],
    ] as const) {
      server.reply({ status: 204 });
      await send();
      expect(server.requests.at(-1)).toMatchObject({ method: "POST", path, fields: [["note", "hi"]] });
      expect(server.requests.at(-1)?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    }
  });
});
