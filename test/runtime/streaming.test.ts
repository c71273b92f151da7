// `client.x(args).asResponse()`: the response of a success with its body unread, read by the caller
// as it comes (a download, an event stream), against a real server on 127.0.0.1 that writes its
// answers over time. An error still rejects typed, and the timeout and retries cover the call until
// the headers come.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checksKey, verifyResponse, type ResponseChecks, type TypeMismatch } from "../../src/runtime/check.js";
import type { ClientOptions, RequestOptions } from "../../src/runtime/core.js";
import { ApiError, NotFoundError, TimeoutError } from "../../src/runtime/errors.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { testCore } from "../helpers/runtime.js";
import { unhandledDuring } from "../helpers/unhandled.js";

/** What the server does with each request, in turn; the last one repeats. */
type Handler = (req: IncomingMessage, res: ServerResponse) => void;
let handlers: Handler[];
let requests: number;
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const handler = handlers[Math.min(requests++, handlers.length - 1)]!;
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  requests = 0;
  handlers = [];
});

const get: OperationSpec = {
  name: "getEvents",
  namespace: [],
  item: "Get events",
  folder: [],
  method: "GET",
  path: "/events",
  args: [],
  responses: [],
};
const call = (options: ClientOptions<object> = {}, callOptions?: RequestOptions<object>) =>
  testCore({ baseUrl, ...options }, { baseUrl: "", variables: {} }).call(get, {}, callOptions);

/** A promise and its resolve, for the server to wait on the test. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const decoder = new TextDecoder();

describe("asResponse()", () => {
  it("leaves `await` and withResponse() as they were: the body read and parsed, one request each", async () => {
    handlers = [
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.write('{"events":');
        setTimeout(() => res.end("[1,2]}"), 50);
      },
    ];
    await expect(call()).resolves.toEqual({ events: [1, 2] });
    expect(requests).toBe(1);
    const { data, response } = await call().withResponse();
    expect(data).toEqual({ events: [1, 2] });
    expect(response.bodyUsed).toBe(true);
    expect(requests).toBe(2);
  });

  it("the call itself, awaited after asResponse(), rejects with a TypeError that says so; left alone, it reports nothing", async () => {
    handlers = [(_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"events":[1]}')];
    const p = call();
    const unhandled = await unhandledDuring(async () => {
      const response = await p.asResponse();
      expect(await response.json()).toEqual({ events: [1] });
    });
    expect(unhandled).toEqual([]);
    const error = (await p.catch((e: unknown) => e)) as TypeError;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe("asResponse() took the body: await its Response");
    // One of an answer without a body (204) alike: the call's promise has no data of its own.
    handlers = [(_req, res) => res.writeHead(204).end()];
    const empty = call();
    expect((await empty.asResponse()).status).toBe(204);
    await expect(empty).rejects.toThrow(TypeError);
    // Asked for after the answer came, the body was read: the data stays.
    handlers = [(_req, res) => res.writeHead(200, { "content-type": "application/json" }).end('{"events":[2]}')];
    const late = call();
    await expect(late).resolves.toEqual({ events: [2] });
    expect((await late.asResponse()).bodyUsed).toBe(true);
    await expect(late).resolves.toEqual({ events: [2] });
    expect((await late.withResponse()).data).toEqual({ events: [2] });
    expect(requests).toBe(3);
  });

  it("resolves with an event stream as it comes: the first event is read before the server ends", async () => {
    const firstRead = gate();
    let ended = false;
    handlers = [
      (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
        res.write("event: status\ndata: started\n\n");
        // The next event only once the caller has read the first: the response cannot have ended.
        void firstRead.opened.then(() => {
          res.write("event: status\ndata: done\n\n");
          res.end(() => (ended = true));
        });
      },
    ];
    const response = await call().asResponse();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.bodyUsed).toBe(false);
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(decoder.decode(first.value)).toBe("event: status\ndata: started\n\n");
    expect(ended).toBe(false);
    firstRead.open();
    let rest = "";
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) rest += decoder.decode(chunk.value);
    expect(rest).toBe("event: status\ndata: done\n\n");
    expect(ended).toBe(true);
    expect(requests).toBe(1);
  });

  it("hands on a large body in chunks, byte for byte, before the server has sent it all", async () => {
    const chunk = (i: number) => Buffer.alloc(64 * 1024, i % 251);
    const CHUNKS = 64; // 4 MiB
    const whole = createHash("sha256");
    for (let i = 0; i < CHUNKS; i++) whole.update(chunk(i));
    const rest = gate();
    let sent = 0;
    handlers = [
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/octet-stream" });
        res.write(chunk(sent++));
        void rest.opened.then(async () => {
          while (sent < CHUNKS) {
            // Waits for the socket to drain, as a real download does.
            if (!res.write(chunk(sent++))) await new Promise((resolve) => res.once("drain", resolve));
          }
          res.end();
        });
      },
    ];
    const response = await call().asResponse();
    // Resolved with one chunk of 64 sent: the body was not read by the call.
    expect(sent).toBe(1);
    rest.open();
    const hash = createHash("sha256");
    let bytes = 0;
    for await (const part of response.body!) {
      hash.update(part);
      bytes += part.byteLength;
    }
    expect(bytes).toBe(CHUNKS * 64 * 1024);
    expect(hash.digest("hex")).toBe(whole.digest("hex"));
  });

  it("rejects an answer outside 2xx with its typed error, its body parsed", async () => {
    handlers = [
      (_req, res) => {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ code: 1001, message: "User does not exist" }));
      },
    ];
    const error = await call({ maxRetries: 0 })
      .asResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 1001, body: { code: 1001, message: "User does not exist" } });
    expect((error as Error).message).toContain("User does not exist");
  });

  it("rejects with a TimeoutError when the headers do not come in time", async () => {
    handlers = [() => {}];
    const error = await call({ timeoutMs: 200, maxRetries: 0 })
      .asResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(200);
  });

  it("retries before the headers come (an error status, a timeout), then hands on the success unread", async () => {
    handlers = [
      (_req, res) => res.writeHead(503, { "retry-after": "0" }).end("down"),
      // Never answers: the attempt times out and is retried (a GET).
      () => {},
      (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.end("data: hello\n\n");
      },
    ];
    const response = await call({ timeoutMs: 300, maxRetries: 2 }).asResponse();
    expect(requests).toBe(3);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("data: hello\n\n");
  });

  it("does not time out the body the caller reads: the client's timeout ends with the headers", async () => {
    const later = gate();
    handlers = [
      (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: one\n\n");
        void later.opened.then(() => res.end("data: two\n\n"));
      },
    ];
    const response = await call({ timeoutMs: 100, maxRetries: 0 }).asResponse();
    // Well past the timeout, read while the server still holds the rest back.
    await new Promise((resolve) => setTimeout(resolve, 400));
    later.open();
    expect(await response.text()).toBe("data: one\n\ndata: two\n\n");
  });

  it("lets the caller's signal abort the body it reads", async () => {
    handlers = [
      (_req, res) => {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write("data: one\n\n");
        // Ends in a while, so that a signal that did not reach the body fails the test rather than hangs it.
        setTimeout(() => res.end("data: two\n\n"), 1_000);
      },
    ];
    const controller = new AbortController();
    // A finite timeout: the attempt has a signal of its own, which the caller's must still reach.
    const response = await call({ timeoutMs: 5_000 }, { signal: controller.signal }).asResponse();
    const reader = response.body!.getReader();
    expect(decoder.decode((await reader.read()).value)).toBe("data: one\n\n");
    const reason = new Error("the caller stopped reading");
    controller.abort(reason);
    await expect(reader.read()).rejects.toBe(reason);
  });

  it("checks no body it leaves unread: the response check reads only the bodies the call reads", async () => {
    handlers = [
      (_req, res) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end('{"events":[]}');
      },
    ];
    const found: TypeMismatch[] = [];
    // The inferred type wants a string where the answer has an array: `await` reports it.
    const checks = {
      table: { operations: { [checksKey(get)]: { "200": { object: [["events", "string"]] } } }, shapes: {} },
      verify: verifyResponse,
    } satisfies ResponseChecks;
    const options: ClientOptions<object> = {
      responseCheck: "warn",
      responseChecks: checks,
      onTypeMismatch: (m) => found.push(m),
    };
    await call(options);
    expect(found).toHaveLength(1);
    const response = await call(options).asResponse();
    expect(found).toHaveLength(1);
    expect(await response.json()).toEqual({ events: [] });
  });

  it("hands on unread the 3xx of an operation that follows no redirect, as that is its success", async () => {
    handlers = [
      (_req, res) => {
        res.writeHead(302, { location: "/elsewhere", "content-type": "text/html" });
        res.end("<a href=/elsewhere>moved</a>");
      },
    ];
    const response = await testCore({ baseUrl }, { baseUrl: "", variables: {} })
      .call({ ...get, redirect: "manual" }, {})
      .asResponse();
    expect(response.status).toBe(302);
    expect(response.bodyUsed).toBe(false);
    expect(await response.text()).toBe("<a href=/elsewhere>moved</a>");
  });
});
