// The fixed part of every emitted package's tests (src/testkit/operation-tests.ts), on its own:
// what a call is expected to resolve with, and that a request differing from the expectation fails.
import { describe, expect, it } from "vitest";
import {
  expectedValue,
  expectRequest,
  reply,
  type Example,
  type ExpectedRequest,
} from "../../src/testkit/operation-tests.js";
import type { RecordedRequest } from "../../src/testkit/recording-server.js";

const example = (status: number, contentType: string | null, body: string): Example => ({
  status,
  ...(contentType === null ? {} : { contentType }),
  body,
});

describe("expectedValue", () => {
  it("follows the runtime: no body for HEAD, 204, 205, 304 or an empty body; JSON by content type, else text", () => {
    expect(expectedValue(example(204, "application/json", '{"a":1}'), "GET")).toBeUndefined();
    expect(expectedValue(example(200, "application/json", '{"a":1}'), "HEAD")).toBeUndefined();
    expect(expectedValue(example(200, "application/json", ""), "GET")).toBeUndefined();
    expect(expectedValue(example(200, "Application/Problem+JSON; charset=utf-8", '{"a":1}'), "GET")).toEqual({ a: 1 });
    expect(expectedValue(example(200, "application/json", "not json"), "GET")).toBe("not json");
    expect(expectedValue(example(200, "text/plain", '{"a":1}'), "GET")).toBe('{"a":1}');
  });

  it("replies with the example's status, content type and body", () => {
    expect(reply(example(404, "application/json", "{}"))).toEqual({
      status: 404,
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(reply(example(204, null, ""))).toEqual({ status: 204, headers: {}, body: "" });
  });
});

describe("expectRequest", () => {
  const expected: ExpectedRequest = {
    method: "PUT",
    path: "/v2/users/me/status",
    query: [],
    headers: [["authorization", "Bearer t"]],
    absentHeaders: ["x-absent"],
    body: { kind: "urlencoded", fields: [["action", "activate"]] },
  };
  const received: RecordedRequest = {
    method: "PUT",
    target: "/v2/users/me/status",
    path: "/v2/users/me/status",
    query: [],
    headers: { authorization: "Bearer t", "content-type": "application/x-www-form-urlencoded;charset=UTF-8" },
    raw: Buffer.from("action=activate"),
    fields: [["action", "activate"]],
    files: [],
  };

  it("passes when the request is what the collection describes", () => {
    expect(() => expectRequest(received, expected)).not.toThrow();
  });

  it.each([
    ["method", { ...received, method: "POST" }],
    ["path", { ...received, path: "/v2/users/you/status" }],
    ["header", { ...received, headers: { ...received.headers, authorization: "Bearer u" } }],
    ["absent header", { ...received, headers: { ...received.headers, "x-absent": "1" } }],
    ["field", { ...received, fields: [["action", "deactivate"]] as Array<[string, string]> }],
    ["unparsed body", { ...received, parseError: "no boundary" }],
  ])("fails on a different %s", (_what, request) => {
    expect(() => expectRequest(request, expected)).toThrow();
  });

  it("fails when nothing arrived", () => {
    expect(() => expectRequest(undefined, expected)).toThrow(/received no request/);
  });
});
