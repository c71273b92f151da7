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
import { Unparsed } from "../../src/runtime/response.js";

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
    // A 2xx whose JSON does not parse rejects (a ResponseParseError); any other answer's is its error's text.
    expect(expectedValue(example(200, "application/json", "not json"), "GET")).toStrictEqual(new Unparsed("not json"));
    expect(expectedValue(example(502, "application/json", "not json"), "GET")).toBe("not json");
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

  it("answers with, and expects, the collection's text of an example held as JSON", () => {
    const held: Example = { status: 200, contentType: "application/json", json: { a: [1, { b: null }] }, indent: 1 };
    expect(reply(held)).toEqual({
      status: 200,
      headers: { "content-type": "application/json" },
      body: '{\n "a": [\n  1,\n  {\n   "b": null\n  }\n ]\n}',
    });
    expect(expectedValue(held, "GET")).toEqual({ a: [1, { b: null }] });
    expect(reply({ status: 200, json: [1, 2] })).toEqual({ status: 200, headers: {}, body: "[1,2]" });
    expect(reply({ status: 200, json: ["x"], indent: "\t" })).toEqual({
      status: 200,
      headers: {},
      body: '[\n\t"x"\n]',
    });
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

  it("compares a raw body held as JSON byte for byte with the text it stands for", () => {
    const json: ExpectedRequest = {
      ...expected,
      body: { kind: "text", json: [1, { b: "c" }], contentType: "application/json" },
    };
    const sent = (text: string): RecordedRequest => ({
      ...received,
      headers: { ...received.headers, "content-type": "application/json" },
      raw: Buffer.from(text),
      fields: [],
    });
    expect(() => expectRequest(sent('[1,{"b":"c"}]'), json)).not.toThrow();
    expect(() => expectRequest(sent('[1, {"b": "c"}]'), json)).toThrow();
  });

  it("checks a presigned URL's parameters after the query's own: by name and order, each by value or pattern", () => {
    const presigned: ExpectedRequest = {
      ...expected,
      query: [["x", "1"]],
      presigned: [
        ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
        ["X-Amz-Signature", { pattern: "^[0-9a-f]{64}$" }],
      ],
    };
    const signature = "0".repeat(64);
    const sent = (query: Array<[string, string]>): RecordedRequest => ({ ...received, query });
    expect(() =>
      expectRequest(
        sent([
          ["x", "1"],
          ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
          ["X-Amz-Signature", signature],
        ]),
        presigned,
      ),
    ).not.toThrow();
    for (const query of [
      [["x", "1"]],
      [
        ["x", "1"],
        ["X-Amz-Signature", signature],
        ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
      ],
      [
        ["x", "1"],
        ["X-Amz-Algorithm", "AWS4-HMAC-SHA1"],
        ["X-Amz-Signature", signature],
      ],
      [
        ["x", "1"],
        ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
        ["X-Amz-Signature", "not-hex"],
      ],
      [
        ["x", "2"],
        ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
        ["X-Amz-Signature", signature],
      ],
    ] as Array<Array<[string, string]>>)
      expect(() => expectRequest(sent(query), presigned), JSON.stringify(query)).toThrow();
  });

  it("fails when nothing arrived", () => {
    expect(() => expectRequest(undefined, expected)).toThrow(/received no request/);
  });
});
