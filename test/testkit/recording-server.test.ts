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

describe("startRecordingServer's connections, as Node's own server keeps them", () => {
  let server: RecordingServer;
  beforeAll(async () => {
    // Node's defaults (a minute for a head, five for a request, checked every 30 s), made short.
    server = await startRecordingServer({ headersTimeout: 300, requestTimeout: 600, connectionsCheckingInterval: 50 });
  });
  afterAll(() => server.close());

  it("answers 408 and closes a connection whose request head is not sent whole in time", async () => {
    const { text, closedAfterMs } = await converse(server, ["GET /slow HTTP/1.1\r\nHost: x\r\n"]);
    expect(text.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
    expect(closedAfterMs).toBeLessThan(5000);
    expect(server.requests).toEqual([]);
  });

  it("answers 408 to a request whose body is not sent whole in time", async () => {
    const { text } = await converse(server, ["POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nab"]);
    expect(text.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
  });

  it("ends an idle keep-alive connection when closed, and close() settles", async () => {
    const closing = await startRecordingServer();
    const socket = connect(Number(new URL(closing.url).port), "127.0.0.1");
    const [answer] = await exchange(socket, [["GET /idle HTTP/1.1\r\nHost: x\r\n\r\n"]]);
    expect(answer!.split("\r\n")[0]).toBe("HTTP/1.1 200 OK");
    const ended = once(socket, "close");
    await closing.close();
    await ended;
  });
});

describe("startRecordingServer and a client that pipelines", () => {
  let server: RecordingServer;
  beforeAll(async () => {
    server = await startRecordingServer();
  });
  afterAll(() => server.close());

  it("answers a request sent before the last one's answer 400, and records nothing of it", async () => {
    // The second request's body arrives after the first answer, when a request line is looked for:
    // read as one, `abcd efgh` would be sent on as `POST efgh` and `abcd` taken for a method.
    server.reset();
    server.reply({ status: 200, delayMs: 200 }, { status: 200 });
    const { text } = await converse(server, [
      "GET /a HTTP/1.1\r\nHost: x\r\n\r\nPOST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 9\r\n\r\n",
      400,
      "abcd efgh",
    ]);
    const statuses = text.match(/^HTTP\/1\.1 \d+ [^\r]*/gm);
    expect(statuses).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 400 Bad Request"]);
    expect(text).toContain("does not take pipelined requests");
    expect(server.requests.map(({ method, target }) => [method, target])).toEqual([["GET", "/a"]]);
  });

  it("answers 400 to a request whose first bytes came before the last answer, cut anywhere", async () => {
    // Cut in a header's value: the rest, read as a request line, would give the request the method `Z`.
    server.reset();
    server.reply({ status: 200, delayMs: 200 }, { status: 200 });
    const { text } = await converse(server, [
      "GET /a HTTP/1.1\r\nHost: x\r\n\r\n",
      50,
      "GET /b HTTP/1.1\r\nHost: x\r\nX-A: abcd",
      400,
      "Z efgh\r\n\r\n",
    ]);
    expect(text.match(/^HTTP\/1\.1 \d+ [^\r]*/gm)).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 400 Bad Request"]);
    expect(server.requests.map(({ method, target }) => [method, target])).toEqual([["GET", "/a"]]);
  });

  it("still takes a line break alone after a body, which a client may send", async () => {
    server.reset();
    server.reply({ status: 200, delayMs: 100 }, { status: 200 });
    const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
    const answers = await exchange(socket, [
      ["POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok", "\r\n"],
      ["VIEW /b HTTP/1.1\r\nHost: x\r\n\r\n"],
    ]);
    socket.destroy();
    expect(answers.map((answer) => answer.split("\r\n")[0])).toEqual(["HTTP/1.1 200 OK", "HTTP/1.1 200 OK"]);
    expect(server.requests.map(({ method, target }) => [method, target])).toEqual([
      ["POST", "/a"],
      ["VIEW", "/b"],
    ]);
  });
});

/**
 * Writes each text on one connection, waiting the milliseconds given between them, and reads all
 * that comes back until the server closes the connection (or 5 s pass).
 */
async function converse(
  server: RecordingServer,
  steps: Array<string | number>,
): Promise<{ text: string; closedAfterMs: number }> {
  const started = Date.now();
  const socket = connect(Number(new URL(server.url).port), "127.0.0.1");
  socket.on("error", () => {}); // a write after the server closed the connection
  let text = "";
  socket.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  await once(socket, "connect");
  for (const step of steps) {
    if (typeof step === "number") await new Promise((resolve) => setTimeout(resolve, step));
    else if (!socket.destroyed) socket.write(step);
  }
  const timeout = new Promise<void>((resolve) => setTimeout(resolve, 5000));
  await Promise.race([closed, timeout]);
  const closedAfterMs = Date.now() - started;
  socket.destroy();
  return { text, closedAfterMs };
}

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
