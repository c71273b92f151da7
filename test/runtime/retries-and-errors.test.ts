// Timeouts, retries, hooks, errors and raw responses of the runtime, against a real HTTP server.
import { describe, expect, it, vi } from "vitest";
import type { ClientOptions, HookRequest, RequestOptions } from "../../src/runtime/core.js";
import {
  ApiClientError,
  ApiError,
  BadRequestError,
  ConnectionError,
  NotFoundError,
  RateLimitedError,
  ResponseParseError,
  ServerError,
  TimeoutError,
  UnauthorizedError,
  ValidationError,
} from "../../src/runtime/errors.js";
import { dynamicVariable } from "../../src/runtime/dynamic.js";
import { MAX_RETRY_DELAY_MS, isRetryable, retryDelayMs } from "../../src/runtime/retry.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";

const server = useRecordingServer();

const SECRET = "secret-token-7f3a";
const args = { userId: "me", action: "deactivate" };
const get: OperationSpec = {
  name: "getThing",
  namespace: [],
  item: "Get thing",
  folder: [],
  method: "GET",
  path: "/thing",
  args: [],
  auth: { type: "bearer" },
  responses: [],
};
const post: OperationSpec = { ...get, name: "createThing", method: "POST" };
const apiKeyOp: OperationSpec = { ...get, auth: { type: "apikey", in: "header", name: "x-api-key" } };
const call = (
  op: OperationSpec,
  options: ClientOptions<object> = {},
  callOptions?: RequestOptions<object>,
  a: unknown = {},
) =>
  testCore({ baseUrl: server.url, token: SECRET, ...options }, { baseUrl: "", variables: {} }).call(op, a, callOptions);

describe("retries", () => {
  it("waits for Retry-After on 429, then succeeds on the retry", async () => {
    server.reply(
      { status: 429, headers: { "retry-after": "1" } },
      { status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' },
    );
    const started = performance.now();
    await expect(call(get)).resolves.toEqual({ ok: true });
    const elapsed = performance.now() - started;
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
  });

  it("gives up after maxRetries with a ServerError", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" }, body: "down" });
    const error = await call(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ServerError).status).toBe(503);
    expect(server.requests).toHaveLength(3);
  });

  it("does not retry a POST after a server error or a dropped connection (it may have taken effect), but does after 429", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" } });
    await expect(call(post)).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
    server.reset();
    server.reply({ status: 429, headers: { "retry-after": "0" } }, { action: "drop" }, { status: 201, body: "made" });
    await expect(call(post)).rejects.toBeInstanceOf(ConnectionError);
    expect(server.requests).toHaveLength(2);
    server.reset();
    server.reply({ status: 429, headers: { "retry-after": "0" } }, { status: 201, body: "made" });
    await expect(call(post)).resolves.toBe("made");
    expect(server.requests).toHaveLength(2);
  });

  it("turns a dropped connection into a retry, and into a ConnectionError when it keeps happening", async () => {
    server.reply({ action: "drop" }, { status: 200, body: "ok" });
    await expect(call(get)).resolves.toBe("ok");
    server.reset();
    server.reply({ action: "drop" });
    const error = await call(get, { maxRetries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^getThing: connection lost: /);
    expect(server.requests).toHaveLength(2);
  });

  it("says why fetch refused where its cause has no code: a port fetch blocks (6000, X11) is 'bad port'", async () => {
    // fetch refuses the port before any connection is tried: nothing leaves 127.0.0.1.
    const error = await testCore(
      { baseUrl: "http://127.0.0.1:6000", token: SECRET, maxRetries: 0 },
      { baseUrl: "", variables: {} },
    )
      .call(get, {})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toBe("getThing: connection failed: bad port");
  });

  it("times out a server that never answers, per attempt", async () => {
    server.reply({ action: "hang" });
    const started = performance.now();
    const error = await call(get, { timeoutMs: 300, maxRetries: 0 }).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as TimeoutError).timeoutMs).toBe(300);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3000);
  });

  it("times out an answer whose body stops coming, as a TimeoutError", async () => {
    server.reply({ action: "stall" });
    const error = await call(get, { timeoutMs: 300, maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("retries an answer cut off in its body for GET, not for POST (it may have taken effect)", async () => {
    server.reply({ action: "cut" }, { status: 200, body: "ok" });
    await expect(call(get)).resolves.toBe("ok");
    expect(server.requests).toHaveLength(2);
    server.reset();
    server.reply({ action: "cut" }, { status: 200, body: "ok" });
    const error = await call(post).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^createThing: the answer was cut off: /);
    expect(server.requests).toHaveLength(1);
  });

  it("takes a fetch of the app's own that resolves with no response for an answer cut off, not a connection failed", async () => {
    // It did answer: a POST is then not sent again, as it may have taken effect.
    const fetch = vi.fn(async () => undefined as unknown as Response);
    const error = await call(post, { fetch }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as Error).message).toMatch(/^createThing: the answer was cut off: /);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("stops at once when the caller aborts, without retrying", async () => {
    server.reply({ action: "hang" });
    const controller = new AbortController();
    const pending = call(get, {}, { signal: controller.signal }).catch((e: unknown) => e);
    // Aborted once the request is there, not after a fixed delay: on a loaded machine it may not be yet.
    await vi.waitFor(() => expect(server.requests).toHaveLength(1), { timeout: 30_000 });
    controller.abort();
    const error = await pending;
    expect((error as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });

  it.each([Infinity, 2 ** 31, 30 * 24 * 3600 * 1000])(
    "waits without a limit for timeoutMs %d (setTimeout would fire such delays at once)",
    async (timeoutMs) => {
      server.reply({ status: 200, body: "late", delayMs: 150 });
      const signals: Array<AbortSignal | null | undefined> = [];
      const fetchSpy: typeof fetch = (input, init) => {
        signals.push(init?.signal);
        return fetch(input, init);
      };
      await expect(call(get, { timeoutMs, maxRetries: 0, fetch: fetchSpy })).resolves.toBe("late");
      // No timer, so no signal of the client's own: fetch runs as bare as a raw call.
      expect(signals).toEqual([undefined]);
    },
  );

  it("passes the caller's signal on when there is no time limit", async () => {
    server.reply({ action: "hang" });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await call(get, { timeoutMs: Infinity }, { signal: controller.signal }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("AbortError");
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [
      "timeoutMs 0",
      { timeoutMs: 0 },
      /timeoutMs must be a positive number of milliseconds \(Infinity for no limit\), got 0$/,
    ],
    ["timeoutMs -5", { timeoutMs: -5 }, /got -5$/],
    ["timeoutMs NaN", { timeoutMs: Number.NaN }, /timeoutMs .* got NaN$/],
    ['timeoutMs "100"', { timeoutMs: "100" as unknown as number }, /timeoutMs .* got 100$/],
    ["maxRetries -1", { maxRetries: -1 }, /maxRetries must be a whole number from 0, got -1$/],
    ["maxRetries 1.5", { maxRetries: 1.5 }, /got 1.5$/],
    ["maxRetries NaN", { maxRetries: Number.NaN }, /maxRetries .* got NaN$/],
    ["maxRetries Infinity", { maxRetries: Infinity }, /maxRetries .* got Infinity$/],
  ])("refuses %s before sending anything", async (_label, options, message) => {
    const error = await call(get, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(message);
    expect(server.requests).toHaveLength(0);
    const perCall = await call(get, {}, options).catch((e: unknown) => e);
    expect(perCall).toBeInstanceOf(ValidationError);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses bad options before it asks the token function for a token", async () => {
    let asked = 0;
    const token = () => `token-${++asked}`;
    await expect(call(get, { token, timeoutMs: 0 })).rejects.toBeInstanceOf(ValidationError);
    expect(asked).toBe(0);
  });

  it("starts each attempt from the request before its auth: a token gone by the retry leaves the client's header", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" } }, { status: 204 });
    const tokens = ["first", undefined];
    const basicOp: OperationSpec = { ...get, auth: { type: "basic" } };
    await call(get, { token: () => tokens.shift(), headers: { Authorization: "Client given" } });
    expect(server.requests.map((r) => r.headers["authorization"])).toEqual(["Bearer first", "Client given"]);
    server.reset();
    server.reply({ status: 503, headers: { "retry-after": "0" } }, { status: 204 });
    tokens.push("second", undefined);
    // Without the client's header, a token gone is no credential at all: the retry is refused, not
    // sent without one.
    await expect(call(get, { token: () => tokens.shift() })).rejects.toBeInstanceOf(ValidationError);
    expect(server.requests.map((r) => r.headers["authorization"])).toEqual(["Bearer second"]);
    server.reset();
    server.reply({ status: 503, headers: { "retry-after": "0" } }, { status: 204 });
    await call(basicOp, { basic: { username: "u", password: "p" } });
    expect(server.requests.map((r) => r.headers["authorization"])).toEqual(["Basic dTpw", "Basic dTpw"]);
  });

  it("starts each attempt from the headers as built, whatever a custom fetch did to the last one's", async () => {
    // A tracer in a custom fetch that appends its id to init.headers: the retry carries its own id
    // only, with every auth (one header set, any header set) and with none.
    const noAuth: OperationSpec = { ...get, auth: undefined };
    for (const [op, options] of [
      [get, {}],
      [apiKeyOp, { apiKey: "key" }],
      [noAuth, {}],
    ] as const) {
      server.reset();
      server.reply({ status: 503, headers: { "retry-after": "0" } }, { status: 204 });
      let n = 0;
      const fetch: typeof globalThis.fetch = (url, init) => {
        (init!.headers as Headers).append("x-trace", `t${++n}`);
        return globalThis.fetch(url, init);
      };
      await call(op, { ...options, fetch });
      expect(server.requests.map((r) => r.headers["x-trace"])).toEqual(["t1", "t2"]);
      // The same tracer wrapped around the global fetch, as instrumentation libraries do.
      server.reset();
      server.reply({ status: 503, headers: { "retry-after": "0" } }, { status: 204 });
      const original = globalThis.fetch;
      globalThis.fetch = (url, init) => {
        (init!.headers as Headers).append("x-trace", `t${++n}`);
        return original(url, init);
      };
      n = 0;
      try {
        await call(op, options);
      } finally {
        globalThis.fetch = original;
      }
      expect(server.requests.map((r) => r.headers["x-trace"])).toEqual(["t1", "t2"]);
    }
  });

  it("starts each attempt from the URL as built, whatever a hook did to the last one's", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" } }, { status: 204 });
    let n = 0;
    const onRequest = (request: HookRequest) => request.url.searchParams.append("sig", `s${++n}`);
    await call({ ...get, auth: undefined }, { onRequest });
    expect(server.requests.map((r) => r.target)).toEqual(["/thing?sig=s1", "/thing?sig=s2"]);
  });

  it("sends each attempt of a call with its first one's dynamic values, and each call with its own", async () => {
    // A retry of a POST whose Idempotency-Key is {{$guid}} must send the same key, or it is no retry.
    server.reply({ status: 429, headers: { "retry-after": "0" } }, { status: 204 }, { status: 204 });
    const core = testCore(
      { baseUrl: `${server.url}/{{$guid}}/{{$guid}}`, token: SECRET },
      { baseUrl: "", variables: {}, dynamic: dynamicVariable },
    );
    await core.call(post, {});
    await core.call(post, {});
    const [first, retry, next] = server.requests.map((r) => r.target);
    const [, one, two] = first!.split("/");
    expect(one).toMatch(/^[0-9a-f-]{36}$/);
    expect(two).toMatch(/^[0-9a-f-]{36}$/);
    expect(two).not.toBe(one);
    expect(retry).toBe(first);
    expect(next).not.toBe(first);
  });

  it("lets an onRequest hook add a query parameter and a JSON body field, as the README shows", async () => {
    // The emitted README's recipe for a parameter the collection lacks.
    server.reply({ status: 204 });
    const op: OperationSpec = {
      ...post,
      auth: undefined,
      body: "json",
      contentType: "application/json",
      args: [{ arg: "count", name: "count", in: "body", required: true }],
    };
    const onRequest = (request: HookRequest) => {
      request.url.searchParams.set("cursor", "c 1");
      if (typeof request.body === "string")
        request.body = JSON.stringify({ ...JSON.parse(request.body), cursor: "c 1" });
    };
    await call(op, { onRequest }, undefined, { count: 2 });
    expect(server.requests[0]!.target).toBe("/thing?cursor=c+1");
    expect(server.requests[0]!.json).toEqual({ count: 2, cursor: "c 1" });
  });

  it("awaits an async authorizer also when the app replaced the global Promise (zone.js)", async () => {
    // zone.js swaps in a Promise of its own; an async function's promise is still the engine's.
    const enginePromise = globalThis.Promise;
    server.reply({ status: 401 });
    globalThis.Promise = class ZoneAwarePromise<T> extends enginePromise<T> {} as PromiseConstructor;
    let pending: Promise<unknown>;
    try {
      // The client decides whether to await the authorizer before its first await.
      pending = call(apiKeyOp, { apiKey: "zone-key", maxRetries: 0 });
    } finally {
      globalThis.Promise = enginePromise;
    }
    await expect(pending).rejects.toBeInstanceOf(UnauthorizedError);
    expect(server.requests.map((r) => r.headers["x-api-key"])).toEqual(["zone-key"]);
  });

  it("per-call options override the client's", async () => {
    server.reply({ status: 500, headers: { "retry-after": "0" } });
    await expect(call(get, { maxRetries: 5 }, { maxRetries: 0 })).rejects.toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("retry policy", () => {
  // `sent`: a timeout, a connection lost, an answer cut off; `sent: false`, no connection made.
  it.each([
    ["GET", { status: 503 }, true],
    ["PUT", { status: 408 }, true],
    ["DELETE", { status: 409 }, true],
    ["POST", { status: 503 }, false],
    ["PATCH", { status: 409 }, false],
    ["POST", { status: 429 }, true],
    ["PATCH", { sent: false }, true],
    ["PATCH", { sent: true }, false],
    ["POST", { sent: true }, false],
    ["GET", { sent: true }, true],
    ["GET", { sent: false }, true],
    ["GET", { status: 404 }, false],
    ["GET", { status: 501 }, false],
    ["PUT", { status: 505 }, false],
  ] as const)("%s after %j: retry %s", (method, outcome, expected) => {
    expect(isRetryable({ method, headers: new Headers() }, outcome)).toBe(expected);
  });

  it.each([
    ["POST", { sent: true }, true],
    ["PATCH", { status: 503 }, true],
    ["POST", { status: 409 }, true],
    ["POST", { status: 501 }, false],
    ["POST", { status: 400 }, false],
  ] as const)("%s with an Idempotency-Key after %j: retry %s", (method, outcome, expected) => {
    expect(isRetryable({ method, headers: new Headers({ "Idempotency-Key": "k-1" }) }, outcome)).toBe(expected);
  });

  it("honours Retry-After in seconds and as a date, capped, else backs off with jitter", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryDelayMs(1, new Headers({ "retry-after": "2" }), now)).toBe(2000);
    expect(retryDelayMs(1, new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(retryDelayMs(1, new Headers({ "retry-after": "86400" }), now)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(1, undefined, now, () => 0)).toBe(500);
    expect(retryDelayMs(2, undefined, now, () => 0)).toBe(1000);
    expect(retryDelayMs(3, undefined, now, () => 1)).toBe(1500);
    expect(retryDelayMs(10, undefined, now, () => 0)).toBe(8000);
  });

  it("retries at once for a Retry-After date in the past (RFC 9110 §10.2.3), rather than backing off", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    for (const past of [new Date(now - 1000).toUTCString(), "Thu, 01 Jan 2026 00:00:05 GMT"])
      expect(
        retryDelayMs(3, new Headers({ "retry-after": past }), now, () => 0),
        past,
      ).toBe(0);
  });

  it.each(["0x10", "1e1", "+5", "-1", "1.5", "5 s"])(
    "backs off for Retry-After %j, which is no delay-seconds (1*DIGIT)",
    (value) => {
      // The backoff (500 ms for the first retry, no jitter), not 16 s, 10 s, 5 s or a date V8 makes of it.
      expect(retryDelayMs(1, new Headers({ "retry-after": value }), Date.parse("2030-01-01T00:00:00Z"), () => 0)).toBe(
        500,
      );
    },
  );
});

describe("hooks", () => {
  it("see every attempt, retries included", async () => {
    server.reply({ status: 429, headers: { "retry-after": "0" } }, { status: 200, body: "ok" });
    const events: string[] = [];
    const seen: HookRequest[] = [];
    await call(get, {
      onRequest: (request) => {
        seen.push(request);
        request.headers.set("x-trace", `attempt-${request.attempt}`);
        events.push(`request ${request.attempt}`);
      },
      onResponse: (response, request) => void events.push(`response ${request.attempt} ${response.status}`),
      onError: (error, request) => void events.push(`error ${request.attempt} ${error.name}`),
    });
    expect(events).toEqual(["request 1", "response 1 429", "error 1 RateLimitedError", "request 2", "response 2 200"]);
    expect(server.requests.map((r) => r.headers["x-trace"])).toEqual(["attempt-1", "attempt-2"]);
    expect(seen[0]!.operation).toBe("getThing");
  });
});

describe("errors", () => {
  it.each([
    [400, BadRequestError, "BadRequestError"],
    [401, UnauthorizedError, "UnauthorizedError"],
    [404, NotFoundError, "NotFoundError"],
    [429, RateLimitedError, "RateLimitedError"],
    [502, ServerError, "ServerError"],
    [418, ApiError, "ApiError"],
  ] as const)("a %i rejects with %s", async (status, type, name) => {
    server.reply({ status, headers: { "retry-after": "0" } });
    const error = await call(get, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect((error as Error).name).toBe(name);
  });

  it("never carries the token, in message, toString or JSON", async () => {
    const errors: unknown[] = [];
    server.reply({
      status: 401,
      headers: { "content-type": "application/json" },
      body: '{"code":124,"message":"Invalid access token."}',
    });
    errors.push(await call(SEED_SPEC, {}, undefined, args).catch((e: unknown) => e));
    server.reply({ action: "hang" });
    errors.push(await call(get, { timeoutMs: 50, maxRetries: 0 }).catch((e: unknown) => e));
    errors.push(
      await testCore({ baseUrl: "http://127.0.0.1:1", token: SECRET, maxRetries: 0 }, { baseUrl: "", variables: {} })
        .call(get, {})
        .catch((e: unknown) => e),
    );
    errors.push(await call(SEED_SPEC, {}, undefined, { userId: "..", action: "deactivate" }).catch((e: unknown) => e));
    expect(errors.map((e) => (e as Error).name)).toEqual([
      "UnauthorizedError",
      "TimeoutError",
      "ConnectionError",
      "ValidationError",
    ]);
    for (const error of errors) {
      for (const text of [(error as Error).message, String(error), JSON.stringify(error), (error as Error).stack ?? ""])
        expect(text).not.toContain(SECRET);
    }
    expect(JSON.parse(JSON.stringify(errors[0]))).toMatchObject({ name: "UnauthorizedError", status: 401, code: 124 });
  });
});

describe("credentials fetch cannot send", () => {
  const apiKeyGet: OperationSpec = { ...get, auth: { type: "apikey", in: "header", name: "X-Api-Key" } };

  it("refuses them with a ValidationError that quotes nothing of them, and sends nothing", async () => {
    const refusals = [
      call(get, { token: `${SECRET}\u0000` }),
      call(get, { token: `${SECRET}\r\nX-Evil: 1` }),
      call(get, { token: `${SECRET}秘` }),
      call(get, { token: async () => `${SECRET}\u0000` }),
      call(apiKeyGet, { apiKey: `${SECRET}\u0000` }),
      call(get, { headers: { "x-session": `${SECRET}\u0000` } }),
      call(get, {}, { headers: { "x-session": `${SECRET}\u0000` } }),
    ];
    const errors = await Promise.all(refusals.map((p) => p.catch((e: unknown) => e)));
    expect(errors.map((e) => (e as Error).message)).toEqual([
      "getThing: the token cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1",
      "getThing: the token cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1",
      "getThing: the token cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1",
      "getThing: the token cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1",
      "getThing: the API key cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1",
      'getThing: the client\'s header "x-session" cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1',
      'getThing: this call\'s header "x-session" cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1',
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(ValidationError);
      for (const text of [(error as Error).message, String(error), JSON.stringify(error), (error as Error).stack ?? ""])
        expect(text).not.toContain(SECRET);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("sends a token with a trailing newline (read from a file) trimmed, as fetch does", async () => {
    server.reply({ status: 204 });
    await call(get, { token: `${SECRET}\n` });
    expect(server.requests[0]!.headers["authorization"]).toBe(`Bearer ${SECRET}`);
  });
});

describe("withResponse", () => {
  it("gives the parsed data and the response of a success", async () => {
    server.reply({
      status: 201,
      headers: { "content-type": "application/json", "x-request-id": "r1" },
      body: '{"id":7}',
    });
    const { data, response } = await call(get).withResponse();
    expect(data).toEqual({ id: 7 });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-request-id")).toBe("r1");
  });

  it("rejects withResponse() like the call, leaving no unhandled rejection", async () => {
    server.reply({ status: 404 });
    await expect(call(get, { maxRetries: 0 }).withResponse()).rejects.toBeInstanceOf(NotFoundError);
    await expect(call(SEED_SPEC, {}, undefined, {})).rejects.toBeInstanceOf(ValidationError);
  });
});

// The error a call rejects with says how many attempts it made: in its message when more than one.
describe("attempts", () => {
  const attempted = (error: unknown) => {
    const { message, stack, attempts } = error as Error & { attempts?: number };
    return { message, firstLine: stack?.split("\n")[0], attempts };
  };

  it("says a status retried until retries ran out, on a ServerError", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" }, body: "down" });
    const error = await call(get).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(server.requests).toHaveLength(3);
    expect(attempted(error)).toEqual({
      message: "getThing: 503 Service Unavailable: down after 3 attempts",
      firstLine: "ServerError: getThing: 503 Service Unavailable: down after 3 attempts",
      attempts: 3,
    });
    expect(JSON.parse(JSON.stringify(error))).toMatchObject({ attempts: 3 });
  });

  it("says it on a ConnectionError and a TimeoutError", async () => {
    server.reply({ action: "drop" });
    const dropped = await call(get, { maxRetries: 1 }).catch((e: unknown) => e);
    expect(dropped).toBeInstanceOf(ConnectionError);
    expect((dropped as Error).message).toMatch(/^getThing: connection lost: \S+ after 2 attempts$/);
    expect((dropped as ConnectionError).attempts).toBe(2);
    server.reset();
    server.reply({ action: "hang" });
    const timedOut = await call(get, { timeoutMs: 100, maxRetries: 1 }).catch((e: unknown) => e);
    expect(timedOut).toBeInstanceOf(TimeoutError);
    expect(attempted(timedOut)).toEqual({
      message: "getThing: no response within 100 ms after 2 attempts",
      firstLine: "TimeoutError: getThing: no response within 100 ms after 2 attempts",
      attempts: 2,
    });
  });

  it("says nothing more of one attempt: retries off, or a failure not retried", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" }, body: "down" });
    const once = await call(get, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(attempted(once)).toMatchObject({ message: "getThing: 503 Service Unavailable: down", attempts: 1 });
    const posted = await call(post).catch((e: unknown) => e);
    expect(attempted(posted)).toMatchObject({ message: "createThing: 503 Service Unavailable: down", attempts: 1 });
  });
});

// A 2xx whose content type says JSON and whose body does not parse: the call rejects where the
// cause is, rather than resolving with a string its type says is an object.
describe("a 2xx whose JSON does not parse", () => {
  // A proxy's page that quotes the token it was sent, long enough to be cut in the message.
  const page = `<html><body><h1>Login</h1><p>token ${SECRET} expired</p>${"<p>more</p>".repeat(20)}</body></html>`;
  const type = "application/json; charset=utf-8";

  it("rejects with a ResponseParseError naming the operation, status, content type and the body's start, masked", async () => {
    const failures: Error[] = [];
    server.reply({ status: 200, headers: { "content-type": type, "x-request-id": "r-1" }, body: page });
    const error = await call(get, { onError: (e) => void failures.push(e) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(ApiClientError);
    const parseError = error as ResponseParseError;
    expect(parseError.name).toBe("ResponseParseError");
    expect(parseError.operation).toBe("getThing");
    expect(parseError.status).toBe(200);
    expect(parseError.headers.get("x-request-id")).toBe("r-1");
    // The whole text, the token masked as in any error's body: the escape for a caller who can use it.
    const masked = page.replace(SECRET, "***");
    expect(parseError.body).toBe(masked);
    const { message } = parseError;
    expect(message.startsWith("getThing: 200 OK: ")).toBe(true);
    expect(message).toContain(type);
    expect(message).toContain(JSON.stringify(masked.slice(0, 40)).slice(0, -1));
    // A short excerpt, not the page.
    expect(message).not.toContain(masked.slice(-30));
    expect(message.length).toBeLessThan(masked.length);
    for (const text of [message, String(error), JSON.stringify(error), parseError.stack ?? ""])
      expect(text).not.toContain(SECRET);
    // The server took the request: it is not sent again, and onError sees the failure as any other.
    expect(server.requests).toHaveLength(1);
    expect(failures).toEqual([error]);
  });

  it("rejects withResponse() too, and a POST as a GET", async () => {
    server.reply({ status: 201, headers: { "content-type": "application/json" }, body: "{'single': 'quotes'}" });
    const error = await call(post)
      .withResponse()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseParseError);
    expect((error as ResponseParseError).status).toBe(201);
    expect((error as ResponseParseError).body).toBe("{'single': 'quotes'}");
    expect(server.requests).toHaveLength(1);
  });

  it("keeps an error answer's unparsable JSON as its ApiError's text, and resolves text of other types", async () => {
    server.reply({ status: 502, headers: { "content-type": "application/json" }, body: "Bad Gateway" });
    const error = await call(get, { maxRetries: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerError);
    expect(error).not.toBeInstanceOf(ResponseParseError);
    expect((error as ServerError).body).toBe("Bad Gateway");
    server.reply({ status: 200, headers: { "content-type": "text/plain" }, body: "not json" });
    await expect(call(get)).resolves.toBe("not json");
    server.reply({ status: 200, headers: { "content-type": "application/json" }, body: '"a JSON string"' });
    await expect(call(get)).resolves.toBe("a JSON string");
  });
});
