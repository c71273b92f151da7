// A download (an image, a PDF, `application/octet-stream`) resolves with its bytes as a Blob, and is
// typed so: decoded as UTF-8 text, every byte that is no UTF-8 became U+FFFD and the response's body
// was already read, so no call could give the file. One rule (isBinaryType) for the runtime, the
// emitted types and the emitted tests' expectations.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { successType } from "../../src/emit/type-expressions.js";
import { emitTarget } from "../../src/generate.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { expectBlob, expectedValue } from "../../src/testkit/operation-tests.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";
import { testCore } from "../helpers/runtime.js";

// A PNG's signature and bytes that are no UTF-8 (0xff, a lone continuation byte 0x80, NUL).
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x80, 0x00, 0xfe]);

// The recording server answers text only: this one answers the bytes and type each test sets.
let answer: { status: number; type: string; body: Buffer };
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(answer.status, { "content-type": answer.type });
    res.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  answer = { status: 200, type: "image/png", body: PNG };
});

const download: OperationSpec = {
  name: "downloadFile",
  namespace: [],
  item: "Download file",
  folder: [],
  method: "GET",
  path: "/file",
  args: [],
  responses: [],
};
const call = () => testCore({ baseUrl, maxRetries: 0 }, { baseUrl: "", variables: {} }).call(download, {});

describe("a binary answer", () => {
  it.each(["image/png", "application/pdf", "application/octet-stream", "Application/Zip"])(
    "resolves a 2xx of %s with its bytes, as a Blob of that type",
    async (type) => {
      answer.type = type;
      const data = await call();
      expect(data).toBeInstanceOf(Blob);
      expect(Buffer.from(await (data as Blob).arrayBuffer())).toEqual(PNG);
      expect((data as Blob).type).toBe(type.toLowerCase());
    },
  );

  it("resolves an empty one with undefined, as any empty body", async () => {
    answer.body = Buffer.alloc(0);
    await expect(call()).resolves.toBeUndefined();
  });

  it("keeps text as text, and an error's body as text for its message", async () => {
    answer = { status: 200, type: "text/csv; charset=utf-8", body: Buffer.from("a,b\n1,2\n") };
    await expect(call()).resolves.toBe("a,b\n1,2\n");
    answer = { status: 404, type: "application/octet-stream", body: Buffer.from("no such file") };
    await expect(call()).rejects.toMatchObject({ status: 404, body: "no such file" });
  });
});

describe("a binary example", () => {
  const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
  const example = (code: number, type: string, body: string) => ({
    name: `${code} ${type}`,
    code,
    header: [{ key: "Content-Type", value: type }],
    body,
  });
  const collection = JSON.stringify({
    info: { name: "Downloads", schema: V21 },
    item: [
      {
        name: "Get report",
        request: { method: "GET", url: "https://api.example.com/report" },
        response: [example(200, "application/pdf", "%PDF-1.4"), example(200, "text/csv", "a,b")],
      },
      {
        name: "Get avatar",
        request: { method: "GET", url: "https://api.example.com/avatar" },
        response: [example(200, "image/png", "")],
      },
      {
        // DocuSign's collections document their downloads so, converted from OpenAPI.
        name: "Get agreement",
        request: { method: "GET", url: "https://api.example.com/agreement" },
        response: [example(200, "Application/PDF; Charset=UTF-8", "<binary>")],
      },
    ],
  });
  const model = toModel(parseCollectionText("c.json", collection));

  it("types a 2xx as the Blob the call resolves with", () => {
    expect(model.operations.map((op) => successType(op, op.responses[0]!).type)).toEqual([
      "Blob | string",
      "Blob | undefined",
      "Blob",
    ]);
  });

  it("is expected as a Blob of its text by the emitted tests", async () => {
    const value = expectedValue({ status: 200, contentType: "application/pdf", body: "%PDF-1.4" }, "GET");
    expect(value).toBeInstanceOf(Blob);
    expect(await (value as Blob).text()).toBe("%PDF-1.4");
    expect(expectedValue({ status: 404, contentType: "application/pdf", body: "gone" }, "GET")).toBe("gone");
  });

  it("is compared by its bytes and by the type fetch gives it, in the emitted tests", async () => {
    const pdf = new Blob(["%PDF-1.4"]);
    await expectBlob(new Blob(["%PDF-1.4"], { type: "application/pdf" }), pdf, "application/pdf");
    await expect(
      expectBlob(new Blob(["%PDF-1.5"], { type: "application/pdf" }), pdf, "application/pdf"),
    ).rejects.toThrow();
    await expect(expectBlob(new Blob(["%PDF-1.4"]), pdf, "application/pdf")).rejects.toThrow();
    await expectBlob(
      new Blob(["%PDF-1.4"], { type: "application/pdf;charset=utf-8" }),
      pdf,
      "Application/PDF; Charset=UTF-8",
    );
  });

  it("passes the emitted package's own tests of its downloads", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-downloads-"));
    try {
      const file = join(dir, "downloads.postman_collection.json");
      writeFileSync(file, collection);
      const out = join(dir, "downloads");
      const { files } = await emitTarget({ collection: file, out, name: "downloads" });
      const run = await runEmittedTests(out, files);
      expect(run.status, run.stdout + run.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
