// A request is sent again only where repeating it cannot act twice: a connection failure is retried
// for a POST only when no connection was made, a request with an Idempotency-Key is retried as an
// idempotent one, and 501 and 505 never. Against real servers on 127.0.0.1, counting what arrived.
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ClientOptions, HookRequest, RequestOptions } from "../../src/runtime/core.js";
import { ConnectionError, ServerError, TimeoutError } from "../../src/runtime/errors.js";
import { dynamicVariable } from "../../src/runtime/dynamic.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";
import { refusedPort } from "../helpers/refused-port.js";

const server = useRecordingServer();

const get: OperationSpec = {
  name: "getThing",
  namespace: [],
  item: "Get thing",
  folder: [],
  method: "GET",
  path: "/thing",
  args: [],
  responses: [],
};
// A payment: a JSON body, so that "after the body" is after something.
const post: OperationSpec = {
  ...get,
  name: "createPayment",
  method: "POST",
  body: "json",
  contentType: "application/json",
  args: [{ arg: "amount", name: "amount", in: "body", required: true }],
};
const payment = { amount: 100 };
type Failure = Error & { attempts?: number };
const failure = (promise: Promise<unknown>): Promise<Failure> =>
  promise.then(
    () => expect.unreachable("the call resolved"),
    (e: unknown) => e as Failure,
  );
const call = (op: OperationSpec, options: ClientOptions<object> = {}, callOptions?: RequestOptions<object>) =>
  testCore({ baseUrl: server.url, ...options }, { baseUrl: "", variables: {}, dynamic: dynamicVariable }).call(
    op,
    op === get ? {} : payment,
    callOptions,
  );

const listen = async <S extends NetServer | HttpServer>(s: S, port = 0): Promise<S> => {
  await new Promise<void>((resolve) => s.listen(port, "127.0.0.1", resolve));
  return s;
};
const portOf = (s: NetServer | HttpServer) => (s.address() as AddressInfo).port;
const close = (s: NetServer | HttpServer) =>
  new Promise<void>((resolve) => {
    if ("closeAllConnections" in s) s.closeAllConnections();
    s.close(() => resolve());
  });
/** A port nothing listens on: one the system gave and took back. */
const freePort = async () => {
  const s = await listen(createNetServer());
  const port = portOf(s);
  await close(s);
  return port;
};

describe("a connection failure", () => {
  it("sends a POST again only when the connection was refused: not once the server read it and dropped the connection (Plaid's createPayment went out 3 times)", async () => {
    const port = await freePort();
    let arrived = 0;
    let up: HttpServer | undefined;
    // The server comes up on that port when the first attempt has failed.
    const onError = async (_error: Error, request: HookRequest) => {
      if (request.attempt === 1)
        up = await listen(
          createHttpServer((req, res) => {
            arrived++;
            req.resume().on("end", () => res.writeHead(201).end("made"));
          }),
          port,
        );
    };
    try {
      await expect(call(post, { baseUrl: `http://127.0.0.1:${port}`, onError })).resolves.toBe("made");
      expect(arrived).toBe(1);
    } finally {
      if (up) await close(up);
    }
    // Refused every time: "connection failed", after each retry.
    const refused = await failure(call(post, { baseUrl: `http://127.0.0.1:${await refusedPort()}`, maxRetries: 1 }));
    expect(refused).toBeInstanceOf(ConnectionError);
    expect(refused.message).toBe("createPayment: connection failed: ECONNREFUSED after 2 attempts");
    expect(refused.attempts).toBe(2);
    // Read whole, then the connection dropped: "connection lost", and sent once.
    server.reply({ action: "drop" });
    const lost = await failure(call(post));
    expect(lost).toBeInstanceOf(ConnectionError);
    expect(lost.message).toBe("createPayment: connection lost: UND_ERR_SOCKET");
    expect(lost.attempts).toBe(1);
    expect(server.requests.map((r) => r.json)).toEqual([payment]);
  });

  describe("before the server read the body, or anything: nothing says it did not arrive", () => {
    let connections = 0;
    let requests = 0;
    let raw: NetServer;
    let headersOnly: HttpServer;
    beforeAll(async () => {
      // Closes each connection as it comes, before reading a byte.
      raw = await listen(createNetServer((socket) => (connections++, socket.destroy())));
      // Reads the request's head, then closes without reading the body.
      headersOnly = await listen(createHttpServer((req) => (requests++, req.socket.destroy())));
    });
    afterAll(async () => {
      await close(raw);
      await close(headersOnly);
    });
    beforeEach(() => {
      connections = requests = 0;
    });

    // Node says UND_ERR_SOCKET (the other side closed); a reset that comes first, ECONNRESET.
    it("does not send a POST again", async () => {
      const before = await failure(call(post, { baseUrl: `http://127.0.0.1:${portOf(raw)}` }));
      expect(before.message).toMatch(/^createPayment: connection lost: (UND_ERR_SOCKET|ECONNRESET)$/);
      expect(connections).toBe(1);
      const afterHeaders = await failure(call(post, { baseUrl: `http://127.0.0.1:${portOf(headersOnly)}` }));
      expect(afterHeaders.message).toMatch(/^createPayment: connection lost: (UND_ERR_SOCKET|ECONNRESET)$/);
      expect(requests).toBe(1);
    });

    it("sends a GET again, as before", async () => {
      const before = await failure(call(get, { baseUrl: `http://127.0.0.1:${portOf(raw)}`, maxRetries: 1 }));
      expect(before.message).toMatch(/^getThing: connection lost: (UND_ERR_SOCKET|ECONNRESET) after 2 attempts$/);
      expect(connections).toBe(2);
      await failure(call(get, { baseUrl: `http://127.0.0.1:${portOf(headersOnly)}`, maxRetries: 1 }));
      expect(requests).toBe(2);
    });
  });

  it("says 'connection lost' for a fetch's failure that gives no code, as a browser's 'Failed to fetch'", async () => {
    let calls = 0;
    const fetch = async () => {
      calls++;
      throw new TypeError("Failed to fetch");
    };
    const error = await failure(call(post, { fetch }));
    expect(error.message).toBe("createPayment: connection lost: Failed to fetch");
    expect(calls).toBe(1);
  });
});

describe("a request with an Idempotency-Key", () => {
  const keys = () => server.requests.map((r) => r.headers["idempotency-key"]);

  it("is sent again after a lost connection, a 5xx and a timeout, whatever the key's case; without one, not", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" } });
    await expect(call(post)).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.reply({ action: "drop" }, { status: 201, body: "made" });
    await expect(call(post, {}, { headers: { "Idempotency-Key": "k-1" } })).resolves.toBe("made");
    expect(keys()).toEqual(["k-1", "k-1"]);
    server.reset();
    server.reply({ status: 503, headers: { "retry-after": "0" } }, { status: 201, body: "made" });
    await expect(call(post, { headers: { "idempotency-key": "k-2" } })).resolves.toBe("made");
    expect(keys()).toEqual(["k-2", "k-2"]);
    server.reset();
    server.reply({ action: "hang" });
    const error = await failure(
      call(post, { timeoutMs: 200, maxRetries: 1 }, { headers: { "IDEMPOTENCY-KEY": "k-3" } }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect(keys()).toEqual(["k-3", "k-3"]);
  });

  it("is sent again when the collection gives the header ({{$guid}}), with the same key", async () => {
    const keyed: OperationSpec = {
      ...post,
      args: [
        ...post.args,
        { arg: "Idempotency-Key", name: "Idempotency-Key", in: "header", required: false, default: "{{$guid}}" },
      ],
    };
    server.reply({ status: 502, headers: { "retry-after": "0" } }, { status: 201, body: "made" });
    await expect(call(keyed)).resolves.toBe("made");
    const [first, second] = keys();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toBe(first);
  });
});

describe("501 and 505", () => {
  it("are never sent again, whatever the method or key: repeating cannot change the answer; 500, 502, 503, 504 are", async () => {
    for (const status of [501, 505]) {
      server.reset();
      server.reply({ status, headers: { "retry-after": "0" } });
      const error = await failure(call(get));
      expect(error).toBeInstanceOf(ServerError);
      expect(error.attempts).toBe(1);
      await failure(call(post, {}, { headers: { "Idempotency-Key": "k" } }));
      expect(server.requests, String(status)).toHaveLength(2);
    }
    for (const status of [500, 502, 503, 504]) {
      server.reset();
      server.reply({ status, headers: { "retry-after": "0" } });
      await failure(call(get, { maxRetries: 1 }));
      expect(server.requests, String(status)).toHaveLength(2);
    }
  });
});
