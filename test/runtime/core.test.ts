// The runtime against a real HTTP server on 127.0.0.1 (no mocked fetch).
import { describe, expect, it } from "vitest";
import { encodeMultipartText } from "../../src/runtime/bodies.js";
import { createCore } from "../../src/runtime/core.js";
import { ApiError, ValidationError } from "../../src/runtime/errors.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";

const op = SEED_SPEC;

const server = useRecordingServer();

const args = { userId: "a+b@example.com", action: "deactivate" };

describe("createCore", () => {
  it("sends a multipart body with its boundary even when a multipart type was set by hand", async () => {
    const core = testCore(
      { baseUrl: `${server.url}/v2`, token: "t0k3n", headers: { "Content-Type": "multipart/form-data" } },
      { baseUrl: "unused", variables: {} },
    );
    server.reply({ status: 204 });
    await expect(core.call(op, args)).resolves.toBeUndefined();
    const [request] = server.requests;
    expect(request!.method).toBe("PUT");
    expect(request!.path).toBe("/v2/users/a%2Bb%40example.com/status");
    expect(request!.headers.authorization).toBe("Bearer t0k3n");
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=\S+/);
    expect(request!.fields).toEqual([["action", "deactivate"]]);
  });

  it("types a urlencoded body as a form whatever the client's or the call's headers say, as a multipart body", async () => {
    const form: OperationSpec = {
      ...op,
      method: "POST",
      path: "/things",
      body: "urlencoded",
      args: [{ arg: "a", name: "a", in: "body", required: true }],
    };
    const client = testCore(
      { token: "t0k3n", baseUrl: server.url, headers: { "Content-Type": "application/json" } },
      { baseUrl: server.url, variables: {} },
    );
    await client.call(form, { a: "1" });
    await client.call(form, { a: "2" }, { headers: { "content-type": "text/plain" } });
    for (const request of server.requests)
      expect(request.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
    expect(server.requests.map((r) => r.fields)).toEqual([[["a", "1"]], [["a", "2"]]]);
  });

  it("the recording server really parses multipart: a body without a boundary is refused", async () => {
    const response = await fetch(`${server.url}/x`, {
      method: "PUT",
      headers: { "content-type": "multipart/form-data" },
      body: '--x\r\ncontent-disposition: form-data; name="action"\r\n\r\ndeactivate\r\n--x--\r\n',
    });
    expect(response.status).toBe(400);
    expect(server.requests[0]!.parseError).toMatch(/boundary/i);
  });

  it("calls a token function for every request", async () => {
    let calls = 0;
    const core = testCore(
      { baseUrl: server.url, token: async () => `token-${++calls}` },
      { baseUrl: "unused", variables: {} },
    );
    await core.call(op, args);
    await core.call(op, args);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it("uses the default base URL and the injected fetch", async () => {
    const seen: string[] = [];
    const core = testCore(
      {
        // No token, on purpose: none is sent.
        token: null,
        fetch: (input, init) => {
          seen.push(String(input));
          return fetch(input, init);
        },
      },
      { baseUrl: `${server.url}/v2`, variables: {} },
    );
    await core.call(op, args);
    expect(seen).toEqual([`${server.url}/v2/users/a%2Bb%40example.com/status`]);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("sends to a base URL that names no scheme over http, as Postman does, from the option or a variable", async () => {
    const host = server.url.replace(/^http:\/\//, "");
    await testCore({ token: "t0k3n", baseUrl: `${host}/api` }, { baseUrl: "unused", variables: {} }).call(op, args);
    await testCore({ token: "t0k3n", variables: { baseUrl: host } }, { baseUrl: "{{baseUrl}}", variables: {} }).call(
      op,
      args,
    );
    expect(server.requests.map((r) => r.path)).toEqual([
      "/api/users/a%2Bb%40example.com/status",
      "/users/a%2Bb%40example.com/status",
    ]);
  });

  it.each([
    [{ "content-type": "application/json" }, '{"ok":true}', { ok: true }],
    [{ "content-type": "application/problem+json; charset=utf-8" }, '{"ok":1}', { ok: 1 }],
    [{ "content-type": "text/plain" }, "done", "done"],
    [{ "content-type": "application/json" }, "", undefined],
  ])("reads a 200 with %j and body %j", async (headers, body, expected) => {
    server.reply({ status: 200, headers, body });
    await expect(
      testCore({ token: "t0k3n", baseUrl: server.url }, { baseUrl: "", variables: {} }).call(op, args),
    ).resolves.toEqual(expected);
  });

  it.each([
    ["text/plain; charset=ISO-8859-1", [0x63, 0x61, 0x66, 0xe9], "café"],
    ['application/json; charset="windows-1252"', [0x22, 0xe9, 0x22], "é"],
    ["text/plain; charset=x-unknown", [0x63, 0x61, 0x66, 0xc3, 0xa9], "café"],
    ["text/plain", [0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xc3, 0xa9], "café"],
  ])("reads a body in the charset %j names, else as UTF-8", async (type, bytes, expected) => {
    const core = testCore(
      {
        token: "t0k3n",
        baseUrl: "https://api.example.com",
        fetch: async () => new Response(Uint8Array.from(bytes), { headers: { "content-type": type } }),
      },
      { baseUrl: "", variables: {} },
    );
    await expect(core.call(op, args)).resolves.toBe(expected);
  });

  it("rejects a documented error with its status, code and descriptions", async () => {
    server.reply({
      status: 404,
      headers: { "content-type": "application/json" },
      body: '{"code":1001,"message":"User does not exist: a+b@example.com."}',
    });
    const error = await testCore({ baseUrl: server.url, token: "secret-token" }, { baseUrl: "", variables: {} })
      .call(op, args)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 404,
      code: 1001,
      description: "Not Found",
      codeDescription: "User does not exist: $userId.",
      body: { code: 1001, message: "User does not exist: a+b@example.com." },
      operation: "updateUserStatus",
    });
    expect((error as Error).message).toBe(
      "updateUserStatus: 404 Not Found: User does not exist: a+b@example.com. (error code 1001)",
    );
    for (const text of [(error as Error).message, String(error), JSON.stringify(error)])
      expect(text).not.toContain("secret-token");
  });

  it.each([
    [{ type: "about:blank", title: "Invalid field", detail: "email is already taken" }, "email is already taken"],
    [{ title: "Invalid field", detail: "" }, "Invalid field"],
    [
      { error: { name: "instanceNotFoundError", message: "We could not find the collection." } },
      "We could not find the collection.",
    ],
    [{ message: "Bad email", detail: "email is already taken" }, "Bad email"],
    [{ error: "invalid_grant", error_description: "The code has expired." }, "The code has expired."],
  ])("gives the API's own words of an error body %j (RFC 9457's detail, then title)", async (body, words) => {
    server.reply({ status: 422, headers: { "content-type": "application/problem+json" }, body: JSON.stringify(body) });
    const error = (await testCore({ token: "t0k3n", baseUrl: server.url }, { baseUrl: "", variables: {} })
      .call(op, args)
      .catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe(`updateUserStatus: 422 Unprocessable Entity: ${words}`);
  });

  it.each([
    [
      "Plaid's",
      { error_type: "INVALID_INPUT", error_code: "INVALID_ACCESS_TOKEN", error_message: "provided token is invalid" },
      "INVALID_ACCESS_TOKEN",
      "provided token is invalid",
    ],
    [
      "Microsoft Graph's",
      { error: { code: "Request_ResourceNotFound", message: "Resource 'x' does not exist." } },
      "Request_ResourceNotFound",
      "Resource 'x' does not exist.",
    ],
    ["Twitter's", { errors: [{ code: 88, message: "Rate limit exceeded" }, { code: 1 }] }, 88, "Rate limit exceeded"],
  ])("reads the code and the words of %s error bodies", async (_api, body, code, words) => {
    server.reply({ status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const error = (await testCore({ token: "t0k3n", baseUrl: server.url }, { baseUrl: "", variables: {} })
      .call(op, args)
      .catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe(code);
    expect(error.message).toBe(`updateUserStatus: 400 Bad Request: ${words} (error code ${code})`);
  });

  it.each([
    ["text", { "content-type": "text/plain" }, "Service down", "Service down"],
    ["empty", {}, "", undefined],
  ])("rejects an undocumented error with a %s body", async (_kind, headers, body, expected) => {
    server.reply({ status: 503, headers, body });
    const error = (await testCore({ token: "t0k3n", baseUrl: server.url }, { baseUrl: "", variables: {} })
      .call(op, args)
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(503);
    expect(error.body).toBe(expected);
    expect(error.code).toBeUndefined();
    expect(error.description).toBe("Service Unavailable");
  });

  it("passes a per-call signal and headers", async () => {
    const controller = new AbortController();
    controller.abort();
    const core = testCore(
      { token: "t0k3n", baseUrl: server.url, headers: { "x-a": "client" } },
      { baseUrl: "", variables: {} },
    );
    await expect(core.call(op, args, { signal: controller.signal })).rejects.toThrow(/abort/i);
    await core.call(op, args, { headers: { "x-a": "call" } });
    expect(server.requests.map((r) => r.headers["x-a"])).toEqual(["call"]);
  });
});

describe("a call without the authorizer its spec's auth needs", () => {
  it("is refused with a TypeError naming the auth, after its arguments are checked", async () => {
    const core = createCore({ baseUrl: "http://127.0.0.1:9", token: "t" }, { baseUrl: "", variables: {} });
    await expect(core.call(op, args, {}, encodeMultipartText)).rejects.toThrow(
      new TypeError("updateUserStatus: no authorizer for its bearer auth"),
    );
    await expect(core.call(op, { ...args, action: "x" }, {}, encodeMultipartText)).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
