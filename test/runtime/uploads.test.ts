// File values in multipart bodies, parsed on the server by busboy.
import { createReadStream, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { fileFromPath, toFile } from "../../src/runtime/uploads.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const server = useRecordingServer();

const upload: OperationSpec = {
  name: "upload",
  namespace: [],
  item: "Upload",
  folder: [],
  method: "POST",
  path: "/files",
  args: [{ arg: "file", name: "file", in: "body", required: true, type: "file" }],
  body: "multipart",
  responses: [],
};
const send = (file: unknown) =>
  testCore({ baseUrl: server.url }, { baseUrl: "", variables: {} }).call(upload, { file });
const received = () =>
  server.requests.map((r) => r.files.map((f) => [f.filename, f.contentType, f.content.toString()]))[0];

describe("uploads", () => {
  it("takes a Uint8Array with a file name and type", async () => {
    await send(await toFile(new TextEncoder().encode("bytes"), "a.bin", { type: "application/octet-stream" }));
    expect(received()).toEqual([["a.bin", "application/octet-stream", "bytes"]]);
  });

  it("takes a Node stream, read to the end so the request can be retried", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" } }, { status: 200, body: "ok" });
    await testCore({ baseUrl: server.url }, { baseUrl: "", variables: {} }).call(
      { ...upload, method: "PUT" },
      { file: await toFile(Readable.from(["str", "eam"]), "s.txt") },
    );
    expect(server.requests.map((r) => r.files.map((f) => f.content.toString()))).toEqual([["stream"], ["stream"]]);
  });

  it("takes a file path, and a read stream of it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "uploads-"));
    writeFileSync(join(dir, "photo.png"), "png bytes");
    await send(await fileFromPath(join(dir, "photo.png"), undefined, { type: "image/png" }));
    expect(received()).toEqual([["photo.png", "image/png", "png bytes"]]);
    server.reset();
    await send(await toFile(createReadStream(join(dir, "photo.png")), "again.png"));
    expect(received()).toEqual([["again.png", "application/octet-stream", "png bytes"]]);
  });

  it("keeps a File's own name and type", async () => {
    await send(new File(["x"], "f.txt", { type: "text/plain" }));
    expect(received()).toEqual([["f.txt", "text/plain", "x"]]);
  });

  it("names a file part outright: 'blob' for bytes, text or a Blob, whatever the platform's FormData would write", async () => {
    // Bun's FormData writes filename="" for a Blob appended without a name (PHP and Django then drop the
    // file), where Node's and Deno's write "blob": the same FormData, with Bun's default, on Node.
    const PlatformFormData = globalThis.FormData;
    class BunLikeFormData extends PlatformFormData {
      override append(name: string, value: string | Blob, filename?: string): void {
        if (typeof value === "string") super.append(name, value);
        else super.append(name, value, filename ?? (value instanceof File ? value.name : ""));
      }
    }
    globalThis.FormData = BunLikeFormData;
    try {
      const values = [new TextEncoder().encode("u8"), "text", new TextEncoder().encode("ab").buffer, new Blob(["b"])];
      for (const value of values) await send(value);
      await send(new File(["f"], "f.txt"));
    } finally {
      globalThis.FormData = PlatformFormData;
    }
    expect(server.requests.map((r) => r.files.map((f) => [f.filename, f.content.toString()]))).toEqual([
      [["blob", "u8"]],
      [["blob", "text"]],
      [["blob", "ab"]],
      [["blob", "b"]],
      [["f.txt", "f"]],
    ]);
  });
});
