// The recording server every emitted package's tests run against (src/testkit/recording-server.ts).
import { once } from "node:events";
import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRecordingServer, type RecordingServer } from "../../src/testkit/recording-server.js";

describe("startRecordingServer", () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server.close());

  it("records a request whose query and headers are longer than Node's default 16 KiB head", async () => {
    // A disabled query parameter whose example is a base64 image, as a real collection had: the
    // emitted test passes the example, and the server must see the request to compare it.
    const image = `data:image/jpg;base64,${"A".repeat(80_000)}`;
    const response = await fetch(`${server.url}/api/search?image=${encodeURIComponent(image)}`, {
      headers: { "x-long": "b".repeat(40_000) },
    });
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.query).toEqual([["image", image]]);
    expect(server.requests[0]!.headers["x-long"]).toHaveLength(40_000);
  });

  it("records an empty body under a form type as no fields, not as a body it could not parse", async () => {
    // A real collection's empty raw body with a hand-set `Content-Type: multipart/form-data`.
    server.reset();
    const response = await fetch(`${server.url}/upload`, {
      method: "POST",
      headers: { "content-type": "multipart/form-data" },
      body: "",
    });
    expect(response.status).toBe(200);
    expect(server.requests[0]!.parseError).toBeUndefined();
    expect(server.requests[0]!.fields).toEqual([]);
  });
});

describe("startRecordingServer and a query key that starts with `?`", () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server.close());

  it("keeps the key's own `?`, written raw or encoded, in the query and in an urlencoded body", async () => {
    // `/p???=1` is the key `??`, as Postman parses and newman sends it (a postman-code-generators fixture).
    for (const target of ["/p???=1", "/p?%3F%3F=1", "/p??a=1&b=2", "/p?a=1&??=2"]) {
      await fetch(`${server.url}${target}`);
    }
    await fetch(`${server.url}/form`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "?a=1&b=2",
    });
    expect(server.requests.map((r) => r.target)).toEqual([
      "/p???=1",
      "/p?%3F%3F=1",
      "/p??a=1&b=2",
      "/p?a=1&??=2",
      "/form",
    ]);
    expect(server.requests.map((r) => r.query)).toEqual([
      [["??", "1"]],
      [["??", "1"]],
      [
        ["?a", "1"],
        ["b", "2"],
      ],
      [
        ["a", "1"],
        ["??", "2"],
      ],
      [],
    ]);
    expect(server.requests[4]!.fields).toEqual([
      ["?a", "1"],
      ["b", "2"],
    ]);
  });
});

describe("startRecordingServer and methods Node's parser does not know", () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server.close());

  it("records a custom method with its body between two ordinary requests on one keep-alive connection", async () => {
    // Written by hand on one socket, so the three requests share a connection; the custom one's
    // request line arrives in two pieces, its method cut in the middle.
    const { port } = new URL(server.url);
    const socket = connect(Number(port), "127.0.0.1");
    const body = '{"name":"Zoë"}';
    const answers = await exchange(socket, [
      ["GET /first?a=1 HTTP/1.1\r\nHost: x\r\n\r\n"],
      [
        "PURG",
        `EMEMORE /items/7 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      ],
      ["POST /last HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok"],
    ]);
    socket.destroy();
    expect(answers.map((answer) => answer.split("\r\n")[0])).toEqual([
      "HTTP/1.1 200 OK",
      "HTTP/1.1 200 OK",
      "HTTP/1.1 200 OK",
    ]);
    expect(server.requests.map(({ method, target, raw }) => [method, target, raw.toString("utf8")])).toEqual([
      ["GET", "/first?a=1", ""],
      ["PURGEMEMORE", "/items/7", body],
      ["POST", "/last", "ok"],
    ]);
    expect(server.requests[1]!.json).toEqual({ name: "Zoë" });
  });

  it("records Postman's VIEW sent by fetch, and keeps a known method as sent", async () => {
    server.reset();
    const view = await fetch(`${server.url}/docs`, { method: "VIEW" });
    const custom = await fetch(`${server.url}/docs`, { method: "POSTMAN", body: "x=1" });
    const report = await fetch(`${server.url}/docs`, { method: "REPORT", body: "<r/>" });
    expect([view.status, custom.status, report.status]).toEqual([200, 200, 200]);
    expect(server.requests.map(({ method, raw }) => [method, raw.toString("utf8")])).toEqual([
      ["VIEW", ""],
      ["POSTMAN", "x=1"],
      ["REPORT", "<r/>"],
    ]);
  });
});

/** Sends each request (its pieces a moment apart) once the previous one's response has arrived whole. */
async function exchange(socket: Socket, requests: string[][]): Promise<string[]> {
  await once(socket, "connect");
  // Read from the start: bytes that arrive while no response is awaited are kept, not dropped.
  let text = "";
  let closed = false;
  let arrived = () => {};
  socket.on("data", (chunk: Buffer) => {
    text += chunk.toString("utf8");
    arrived();
  });
  socket.on("close", () => {
    closed = true;
    arrived();
  });
  const answers: string[] = [];
  for (const pieces of requests) {
    for (const piece of pieces) {
      socket.write(piece);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    let length: number | undefined;
    while ((length = responseLength(text)) === undefined && !closed)
      await new Promise<void>((resolve) => (arrived = resolve));
    answers.push(text.slice(0, length));
    text = text.slice(length ?? text.length);
  }
  return answers;
}

/** The length of the whole response `text` starts with, its body chunked or of a Content-Length. */
function responseLength(text: string): number | undefined {
  const headEnd = text.indexOf("\r\n\r\n");
  if (headEnd < 0) return undefined;
  const head = text.slice(0, headEnd);
  if (/\r\ntransfer-encoding: chunked/i.test(head)) {
    const end = text.indexOf("\r\n0\r\n\r\n", headEnd);
    return end < 0 ? undefined : end + 7;
  }
  const length = headEnd + 4 + Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
  return text.length < length ? undefined : length;
}
