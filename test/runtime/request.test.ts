import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/runtime/errors.js";
import { encodeJson, encodeMultipart, encodeUrlencoded } from "../../src/runtime/bodies.js";
import { buildRequest as buildWith, featuresNeeded, type RequestContext } from "../../src/runtime/request.js";
import type { BodyEncoder } from "../../src/runtime/bodies.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { featuresFor } from "../helpers/runtime.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";

/** buildRequest given the request features the generated code passes for `spec`. */
const buildRequest = (spec: OperationSpec, args: unknown, context: RequestContext, encode?: BodyEncoder) =>
  buildWith(spec, args, context, encode, featuresFor(spec));

const op: OperationSpec = {
  ...SEED_SPEC,
  args: [
    ...SEED_SPEC.args,
    { arg: "page_size", name: "page_size", in: "query", required: false },
    { arg: "X-Trace", name: "X-Trace", in: "header", required: false },
  ],
};
const BASE = "https://api.zoom.us/v2";
const context = { baseUrl: BASE, baseUrls: {}, lookup: () => undefined };

function refusal(args: unknown): ValidationError {
  try {
    buildRequest(op, args, context, encodeMultipart);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  }
  return expect.fail("buildRequest accepted the arguments");
}

describe("buildRequest", () => {
  it("builds the seed request: path segment, multipart field", () => {
    const request = buildRequest(op, { userId: "me", action: "deactivate" }, context, encodeMultipart);
    expect(request.url.href).toBe("https://api.zoom.us/v2/users/me/status");
    expect(request.method).toBe("PUT");
    expect(request.body).toBeInstanceOf(FormData);
    expect([...(request.body as FormData)]).toEqual([["action", "deactivate"]]);
  });

  it.each([
    ["a+b@example.com", "a%2Bb%40example.com"],
    ["../admin", "..%2Fadmin"],
    ["a/b?c#d", "a%2Fb%3Fc%23d"],
    ["%2E%2E", "%252E%252E"],
    ["quis officia", "quis%20officia"],
  ])("encodes %j as one path segment", (userId, encoded) => {
    const request = buildRequest(op, { userId, action: "activate" }, context, encodeMultipart);
    // The URL parser must leave the segment where it is.
    expect(request.url.pathname).toBe(`/v2/users/${encoded}/status`);
  });

  it.each([".", "..", ""])("refuses the path value %j, which would change the path", (userId) => {
    const error = refusal({ userId, action: "activate" });
    expect(error.field).toBe("userId");
    expect(error.message).toContain('"userId"');
  });

  describe("a {{variable}} in the path (Microsoft Graph's ids, filled from the caller's variables)", () => {
    const withVariable: OperationSpec = { ...op, path: "/applications/{{ApplicationId}}/owners{{suffix}}", args: [] };
    const build = (values: Record<string, string>) =>
      buildRequest(withVariable, {}, { ...context, lookup: (name: string) => values[name] }, encodeMultipart);

    it.each([
      ["a?admin=1", "/v2/applications/a%3Fadmin=1/owners", ""],
      ["a#x", "/v2/applications/a%23x/owners", ""],
      ["v1/app", "/v2/applications/v1/app/owners", ""],
    ])("keeps %j in the path: a query or fragment cannot start in it", (id, pathname, search) => {
      const url = build({ ApplicationId: id, suffix: "" }).url;
      expect([url.pathname, url.search, url.hash]).toEqual([pathname, search, ""]);
    });

    it.each([".", ".."])("refuses %j as a whole segment, which would change the path", (id) => {
      expect(() => build({ ApplicationId: id, suffix: "" })).toThrow(
        new ValidationError(
          "updateUserStatus",
          undefined,
          `variable {{ApplicationId}} is ${JSON.stringify(id)}: it would change the path`,
        ),
      );
      // Within a segment, a dot is text.
      expect(build({ ApplicationId: "a", suffix: "." }).url.pathname).toBe("/v2/applications/a/owners.");
    });
  });

  describe("a path variable whose collection value refers to variables (`:name` = `{{operation}}`)", () => {
    const withDefault: OperationSpec = {
      ...op,
      args: op.args.map((a) => (a.in === "path" ? { ...a, required: false, default: "{{operation}}" } : a)),
    };
    const build = (operation: string, args: object = {}) =>
      buildRequest(
        withDefault,
        { action: "activate", ...args },
        { ...context, lookup: (name: string) => (name === "operation" ? operation : undefined) },
        encodeMultipart,
      ).url;

    it("sends the collection's value as Postman sends it, a / kept, and the caller's as one segment", () => {
      expect(build("operations/123").pathname).toBe("/v2/users/operations/123/status");
      expect(build("a b").pathname).toBe("/v2/users/a%20b/status");
      expect(build("operations/123", { userId: "a/b" }).pathname).toBe("/v2/users/a%2Fb/status");
    });

    it("keeps a query or fragment from starting in it, and refuses . and .. as a whole segment", () => {
      const url = build("a?admin=1#x");
      expect([url.pathname, url.search, url.hash]).toEqual(["/v2/users/a%3Fadmin=1%23x/status", "", ""]);
      expect(() => build("..")).toThrow(
        new ValidationError("updateUserStatus", undefined, 'variable {{operation}} is "..": it would change the path'),
      );
    });
  });

  describe("a `%` that starts no `%XX` in the collection's values (`100%`)", () => {
    // newman (postman-url-encoder) leaves such a `%` as it is in the query, the path and a header.
    const values: Record<string, string> = { pct: "100%", zz: "%zz", half: "a%2", alone: "%", mixed: "Q1%20100%" };
    const withDefaults: OperationSpec = {
      ...op,
      path: "/users/{userId}/status/{{pct}}",
      args: [
        { ...op.args[0]!, required: false, default: "{{mixed}}" },
        ...Object.keys(values).map((name) => ({
          arg: name,
          name,
          in: "query" as const,
          required: false,
          default: `{{${name}}}`,
        })),
        { arg: "X-Pct", name: "X-Pct", in: "header", required: false, default: "{{pct}}" },
      ],
    };
    const build = (args: object = {}) =>
      buildRequest(withDefaults, args, { ...context, lookup: (name: string) => values[name] }, encodeMultipart);

    it("sends it bare, as Postman does, in a query value, the path and a header", () => {
      const request = build();
      expect(request.url.search).toBe("?pct=100%&zz=%zz&half=a%2&alone=%&mixed=Q1%20100%");
      expect(request.url.pathname).toBe("/v2/users/Q1%20100%/status/100%");
      expect(request.headers.get("x-pct")).toBe("100%");
    });

    it("encodes a caller's `%` as data (`%25`), as the docs say", () => {
      const request = build({ userId: "100%", pct: "100%", zz: "%zz" });
      expect(request.url.search).toBe("?pct=100%25&zz=%25zz&half=a%2&alone=%&mixed=Q1%20100%");
      expect(request.url.pathname).toBe("/v2/users/100%25/status/100%");
    });
  });

  it("always sends the query keys the collection gives without a value, as the key alone, before the arguments", () => {
    const withBare: OperationSpec = { ...op, bareQuery: ["uploads", "a b"] };
    const build = (args: object) => buildRequest(withBare, args, context, encodeMultipart).url;
    expect(build({ userId: "me", action: "activate" }).search).toBe("?uploads&a%20b");
    expect(build({ userId: "me", action: "activate", page_size: 0 }).search).toBe("?uploads&a%20b&page_size=0");
  });

  it("names a missing required argument", () => {
    const error = refusal({ action: "activate" });
    expect(error.field).toBe("userId");
    expect(error.message).toBe('updateUserStatus: argument "userId" (path variable "userId") is required');
  });

  it("names the allowed values of an enum", () => {
    const error = refusal({ userId: "me", action: "deactivated" });
    expect(error.field).toBe("action");
    expect(error.message).toBe(
      'updateUserStatus: argument "action" (body field "action") must be one of "activate", "deactivate", got "deactivated"',
    );
  });

  it("refuses unknown keys, non-scalar values and non-object arguments", () => {
    expect(refusal({ userId: "me", action: "activate", userID: "x" }).field).toBe("userID");
    expect(refusal({ userId: { id: 1 }, action: "activate" }).message).toContain(
      "must be a string, number or boolean, got an object",
    );
    expect(refusal("me").message).toContain("arguments must be an object");
  });

  it("sends a list as the key repeated, in order, in the query and in multipart and urlencoded forms", () => {
    const listed: OperationSpec = {
      ...op,
      args: [...op.args, { arg: "status", name: "status", in: "query", required: false, enum: ["a b", "c"] }],
    };
    const request = buildRequest(
      listed,
      { userId: "me", action: ["activate", "deactivate"], page_size: [10, 20], status: ["a b", "c"] },
      context,
      encodeMultipart,
    );
    expect(request.url.search).toBe("?page_size=10&page_size=20&status=a%20b&status=c");
    expect([...(request.body as FormData)]).toEqual([
      ["action", "activate"],
      ["action", "deactivate"],
    ]);
    const form: OperationSpec = { ...op, body: "urlencoded" };
    const urlencoded = buildRequest(
      form,
      { userId: "me", action: ["activate", "deactivate"] },
      context,
      encodeUrlencoded,
    );
    expect(String(urlencoded.body)).toBe("action=activate&action=deactivate");
  });

  it("holds every value of a list to the argument's rules, and an empty list sends nothing", () => {
    expect(refusal({ userId: "me", action: ["activate", "deactivated"] }).message).toBe(
      'updateUserStatus: argument "action" (body field "action") must be one of "activate", "deactivate", got "deactivated"',
    );
    expect(refusal({ userId: "me", action: ["activate", { x: 1 }] }).message).toContain(
      "must be a string, number or boolean, got an object",
    );
    expect(refusal({ userId: "me", action: [] }).message).toBe(
      'updateUserStatus: argument "action" (body field "action") is required: give at least one value',
    );
    // Path variables and headers take one value.
    expect(refusal({ userId: ["me", "you"], action: "activate" }).message).toContain(
      "must be a string, number or boolean, got an array",
    );
    expect(refusal({ userId: "me", action: "activate", "X-Trace": ["a", "b"] }).message).toContain("got an array");
    const request = buildRequest(op, { userId: "me", action: "activate", page_size: [] }, context, encodeMultipart);
    expect(request.url.search).toBe("");
  });

  it("sends an empty list of a JSON body's field as [], also for a required one (a form the config made JSON)", () => {
    const json: OperationSpec = {
      ...op,
      body: "json",
      args: [
        { arg: "tags", name: "tags", in: "body", required: false },
        { arg: "ids", name: "ids", in: "body", required: true },
        { arg: "status", name: "status", in: "query", required: false },
      ],
    };
    const request = buildRequest(json, { tags: [], ids: [], status: [] }, context, encodeJson);
    expect(JSON.parse(request.body as string)).toEqual({ tags: [], ids: [] });
    // The query still sends nothing for an empty list, and each value is still held to the rules.
    expect(request.url.search).toBe("");
    expect(() => buildRequest(json, { ids: [{ x: 1 }] }, context, encodeJson)).toThrow(
      "must be a string, number or boolean, got an object",
    );
  });

  it("sends the item's Content-Type of a form when the form is empty, and types a filled one as Postman, whatever was set", () => {
    const form: OperationSpec = {
      ...op,
      method: "DELETE",
      body: "urlencoded",
      contentType: "application/x-www-form-urlencoded",
      args: [{ arg: "a", name: "a", in: "body", required: false }],
    };
    const empty = buildRequest(form, {}, context, encodeUrlencoded);
    expect([empty.body, empty.headers.get("content-type")]).toEqual([undefined, "application/x-www-form-urlencoded"]);
    const filled = buildRequest(form, { a: "1" }, context, encodeUrlencoded);
    expect([String(filled.body), filled.headers.get("content-type")]).toEqual([
      "a=1",
      "application/x-www-form-urlencoded",
    ]);
    // Whatever other type the client's or the call's headers set: the body's encoding owns it (a
    // urlencoded body the bare type, as postman-request writes it; fetch's own adds a charset).
    const typed = { "content-type": "application/json" };
    const overridden = buildRequest(
      form,
      { a: "1" },
      { ...context, headers: typed, call: { headers: typed } },
      encodeUrlencoded,
    );
    expect(overridden.headers.get("content-type")).toBe("application/x-www-form-urlencoded");
    // A type that names the encoding is sent as set (newman: test/runtime/newman-wire.test.ts).
    const latin1 = { "content-type": "application/x-www-form-urlencoded; charset=ISO-8859-1" };
    const kept = buildRequest(form, { a: "1" }, { ...context, call: { headers: latin1 } }, encodeUrlencoded);
    expect(kept.headers.get("content-type")).toBe(latin1["content-type"]);
    const multipart = buildRequest(
      { ...form, body: "multipart", contentType: "multipart/form-data" },
      { a: "1" },
      { ...context, headers: typed, call: { headers: typed } },
      encodeMultipart,
    );
    expect(multipart.headers.get("content-type")).toBeNull();
  });

  it("does not read keys from Object.prototype", () => {
    const withProto: OperationSpec = {
      ...op,
      args: [{ arg: "constructor", name: "constructor", in: "query", required: true }],
    };
    expect(() => buildRequest(withProto, {}, context)).toThrow(/"constructor".*is required/);
  });

  it("encodes query values with encodeURIComponent and refuses line breaks in headers", () => {
    const request = buildRequest(
      op,
      { userId: "me", action: "activate", page_size: 30, "X-Trace": "a b" },
      context,
      encodeMultipart,
    );
    expect(request.url.href).toBe(`${BASE}/users/me/status?page_size=30`);
    expect(request.headers.get("x-trace")).toBe("a b");
    expect(refusal({ userId: "me", action: "activate", "X-Trace": "a\r\nX-Evil: 1" }).field).toBe("X-Trace");
  });

  it.each([
    ["query", "page_size", { userId: "me", action: "activate", page_size: "😀".slice(0, 1) }, "query parameter"],
    ["path", "userId", { userId: `me${"😀".slice(1)}`, action: "activate" }, "path variable"],
  ] as const)(
    "refuses a lone surrogate in a %s argument, naming it, not with a URIError",
    (_where, arg, args, where) => {
      // Half an emoji, as text cut by length leaves it: encodeURIComponent throws a URIError on it.
      const error = refusal(args);
      expect(error.field).toBe(arg);
      expect(error.message).toBe(
        `updateUserStatus: argument "${arg}" (${where} "${arg}") cannot be sent: it holds half a character (a lone surrogate)`,
      );
    },
  );

  it.each([
    ["multipart", encodeMultipart],
    ["urlencoded", encodeUrlencoded],
  ] as const)("refuses a lone surrogate in a %s form field, which UTF-8 would send as U+FFFD", (body, encode) => {
    // Without the enum, so that only the half character is wrong.
    const form: OperationSpec = { ...op, body, args: op.args.map((a) => ({ ...a, enum: undefined })) };
    const half = "😀".slice(0, 1);
    for (const action of [`a${half}`, ["activate", half]]) {
      let error: unknown;
      try {
        buildRequest(form, { userId: "me", action }, context, encode);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).field).toBe("action");
      expect((error as Error).message).toBe(
        'updateUserStatus: argument "action" (body field "action") cannot be sent: it holds half a character (a lone surrogate)',
      );
    }
  });

  it.each([
    ["the base URL's variable", "https://api.zoom.us/v2\ud800", "me"],
    ["a path variable", BASE, "a\udc00b"],
  ])("refuses a lone surrogate in %s, which the URL would send as U+FFFD", (_what, host, id) => {
    const withVariable: OperationSpec = { ...op, path: "/users/{{id}}/status", args: [] };
    const values: Record<string, string> = { host, id };
    const lookup = (name: string) => values[name];
    expect(() => buildRequest(withVariable, {}, { ...context, baseUrl: "{{host}}", lookup }, encodeMultipart)).toThrow(
      /^updateUserStatus: ".*\\ud[8c]00.*" is not an http\(s\) URL without user info: check the base URL and variables$/,
    );
  });

  it("refuses header values that fetch's Headers cannot carry, naming the argument, and sends Latin-1 as it is", () => {
    for (const value of ["名前", "a\u0000b", "emoji 🙂", "a\nb"]) {
      const error = refusal({ userId: "me", action: "activate", "X-Trace": value });
      expect(error.field, value).toBe("X-Trace");
      expect(error.message).toBe(
        'updateUserStatus: argument "X-Trace" (header "X-Trace") cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1',
      );
    }
    const request = buildRequest(
      op,
      { userId: "me", action: "activate", "X-Trace": "café\ttab" },
      context,
      encodeMultipart,
    );
    expect(request.headers.get("x-trace")).toBe("café\ttab");
  });

  it("refuses, with a TypeError, a request that needs a feature the generated code did not pass", () => {
    const seed = { ...op, args: op.args.slice(0, 2) };
    const withDefault: OperationSpec = {
      ...seed,
      args: [...seed.args, { arg: "page_size", name: "page_size", in: "query", required: false, default: "30" }],
    };
    const withVariable: OperationSpec = { ...seed, path: "/{{version}}/users/{userId}/status" };
    const withPathDefault: OperationSpec = { ...seed, args: [{ ...seed.args[0]!, default: "{{me}}" }, seed.args[1]!] };
    const lookup = (name: string) => ({ version: "v3", me: "me" })[name];
    const refused = (spec: OperationSpec, args: object) => () =>
      buildWith(spec, args, { ...context, lookup }, encodeMultipart, {});
    expect(refused(op, { userId: "me", action: "activate", "X-Trace": "t" })).toThrow(
      new TypeError("updateUserStatus: no headerArgs feature for its request"),
    );
    expect(refused(withDefault, { userId: "me", action: "activate" })).toThrow(
      new TypeError("updateUserStatus: no defaults feature for its request"),
    );
    expect(refused(withVariable, { userId: "me", action: "activate" })).toThrow(
      new TypeError("updateUserStatus: no pathVariables feature for its request"),
    );
    expect(refused(withPathDefault, { action: "activate" })).toThrow(
      new TypeError("updateUserStatus: no pathVariables feature for its request"),
    );
    // Each of them is what featuresNeeded names: what the generated code passes.
    expect([op, withDefault, withVariable, withPathDefault].map((one) => featuresNeeded(one))).toEqual([
      // With a query, the call's extra pairs too (`extras`), which its error masks by name.
      ["headerArgs", "query", "extras", "sentSecrets"],
      ["defaults", "query", "extras", "sentSecrets"],
      ["pathVariables"],
      ["pathVariables"],
    ]);
    // Given them, each request is built.
    for (const [spec, args] of [
      [op, { userId: "me", action: "activate", "X-Trace": "t" }],
      [withDefault, { userId: "me", action: "activate" }],
      [withVariable, { userId: "me", action: "activate" }],
      [withPathDefault, { action: "activate" }],
    ] as const)
      expect(buildRequest(spec, args, { ...context, lookup }, encodeMultipart).url.pathname).toMatch(
        /\/users\/me\/status$/,
      );
  });

  it("writes the query only with the query feature, asked for where the request has one", () => {
    const seed = { ...op, args: op.args.slice(0, 2) };
    const withKey: OperationSpec = { ...seed, bareQuery: ["uploads"] };
    const args = { userId: "me", action: "activate" };
    const without = (spec: OperationSpec, given: object) => () => buildWith(spec, given, context, encodeMultipart, {});
    // An operation whose query arguments have no value sends no query, and needs no writer.
    expect(without(op, args)().url.search).toBe("");
    expect(without(op, { ...args, page_size: 30 })).toThrow(
      new TypeError("updateUserStatus: no query feature for its request"),
    );
    expect(without(withKey, args)).toThrow(new TypeError("updateUserStatus: no query feature for its request"));
    expect([seed, withKey].map((one) => featuresNeeded(one))).toEqual([[], ["query", "extras", "sentSecrets"]]);
    expect(buildRequest(withKey, args, context, encodeMultipart).url.search).toBe("?uploads");
    expect(buildRequest(op, { ...args, page_size: [30, "a b"] }, context, encodeMultipart).url.search).toBe(
      "?page_size=30&page_size=a%20b",
    );
  });

  it("reads a file argument only with the file feature, as a Blob, and refuses other values naming it", async () => {
    const upload: OperationSpec = {
      ...op,
      args: [...op.args.slice(0, 2), { arg: "doc", name: "doc", in: "body", required: true, type: "file" }],
    };
    const args = { userId: "me", action: "activate", doc: new Uint8Array([104, 105]) };
    expect(featuresNeeded(upload)).toEqual(["file"]);
    expect(featuresNeeded(op)).not.toContain("file");
    expect(() => buildWith(upload, args, context, encodeMultipart, {})).toThrow(
      new TypeError("updateUserStatus: no file feature for its request"),
    );
    // Given it, bytes go as a file part named as FormData names a Blob, and a list as the part repeated.
    const form = buildRequest(upload, { ...args, doc: [args.doc, new File(["x"], "a.txt")] }, context, encodeMultipart)
      .body as FormData;
    const [bytes, file] = form.getAll("doc") as File[];
    expect([bytes!.name, await bytes!.text(), file!.name, await file!.text()]).toEqual(["blob", "hi", "a.txt", "x"]);
    expect(() => buildRequest(upload, { ...args, doc: { name: "a.txt" } }, context, encodeMultipart)).toThrow(
      new ValidationError(
        "updateUserStatus",
        "doc",
        'argument "doc" (body field "doc") must be a Blob, File, ArrayBuffer or Uint8Array, got an object',
      ),
    );
  });

  it("names a file part's Blob after the collection's file, each of a list's too, a File keeping its own name", async () => {
    const upload: OperationSpec = {
      ...op,
      args: [
        ...op.args.slice(0, 2),
        {
          arg: "doc",
          name: "doc",
          in: "body",
          required: true,
          type: "file",
          contentType: "text/csv",
          fileName: "a.csv",
        },
      ],
    };
    const given = [
      new Blob(["x"]),
      new Uint8Array([104, 105]),
      new Blob(["y"], { type: "a/b" }),
      new File(["z"], "mine.txt"),
    ];
    const form = buildRequest(upload, { userId: "me", action: "activate", doc: given }, context, encodeMultipart)
      .body as FormData;
    const parts = form.getAll("doc") as File[];
    expect(await Promise.all(parts.map(async (part) => [part.name, part.type, await part.text()]))).toEqual([
      ["a.csv", "text/csv", "x"],
      ["a.csv", "text/csv", "hi"],
      ["a.csv", "a/b", "y"],
      ["mine.txt", "text/csv", "z"],
    ]);
  });

  it("sends header arguments of one name as the first replacing the client's value and the next adding to it", () => {
    const twice: OperationSpec = {
      ...op,
      args: [
        ...op.args.slice(0, 2),
        { arg: "trace", name: "X-Trace", in: "header", required: false },
        { arg: "trace2", name: "x-trace", in: "header", required: false },
      ],
    };
    const headers = { "x-trace": "client" };
    const sent = (args: object) =>
      buildRequest(
        twice,
        { userId: "me", action: "activate", ...args },
        { ...context, headers },
        encodeMultipart,
      ).headers.get("x-trace");
    expect(sent({ trace: "a", trace2: "b" })).toBe("a, b");
    expect(sent({ trace2: "b" })).toBe("b");
    expect(sent({})).toBe("client");
  });

  it("starts from the client's headers; a header argument replaces the client's value of that name", () => {
    const headers = { "x-trace": "client", "X-Other": "kept" };
    const request = buildRequest(
      op,
      { userId: "me", action: "activate", "X-Trace": "mine" },
      { ...context, headers },
      encodeMultipart,
    );
    expect([request.headers.get("x-trace"), request.headers.get("x-other")]).toEqual(["mine", "kept"]);
    expect(
      buildRequest(op, { userId: "me", action: "activate" }, { ...context, headers }, encodeMultipart).headers.get(
        "x-trace",
      ),
    ).toBe("client");
  });

  it("fills {{variables}} in the path and leaves braces that name no argument as they are", () => {
    const withVariable: OperationSpec = { ...op, path: "/{{version}}/users/{userId}/{other}/status" };
    const request = buildRequest(
      withVariable,
      { userId: "a/b", action: "activate" },
      { ...context, lookup: (name) => (name === "version" ? "v9" : undefined) },
      encodeMultipart,
    );
    expect(request.url.pathname).toBe("/v2/v9/users/a%2Fb/%7Bother%7D/status");
  });

  it("makes a base URL that names no scheme http, and leaves one that names no host invalid", () => {
    const build = (baseUrl: string) =>
      buildRequest(op, { userId: "me", action: "activate" }, { ...context, baseUrl }, encodeMultipart).url.href;
    expect(build("localhost:3000/api")).toBe("http://localhost:3000/api/users/me/status");
    expect(build("127.0.0.1:45999")).toBe("http://127.0.0.1:45999/users/me/status");
    expect(build("api.example.com/v2/")).toBe("http://api.example.com/v2/users/me/status");
    expect(build("HTTPS://api.example.com")).toBe("https://api.example.com/users/me/status");
    for (const baseUrl of ["", "/api"])
      expect(() => build(baseUrl)).toThrow(
        /is not an http\(s\) URL without user info: check the base URL and variables$/,
      );
  });

  it("refuses a base URL of another scheme than http(s), saying which is expected, before fetch does with no word of it", () => {
    const build = (baseUrl: string) =>
      buildRequest(op, { userId: "me", action: "activate" }, { ...context, baseUrl }, encodeMultipart).url.href;
    // `about:blank` names no `//`: read as a host and a port (joinUrl), which is no valid URL, and
    // quoted as given, not as the http URL it was read as.
    for (const [baseUrl, url] of [
      ["about:blank", "about:blank/users/me/status"],
      ["localhost:port/api", "localhost:port/api/users/me/status"],
      ["ftp://files.example.com", "ftp://files.example.com/users/me/status"],
      ["file:///tmp/api", "file:///tmp/api/users/me/status"],
      ["ws://api.example.com", "ws://api.example.com/users/me/status"],
    ] as const)
      expect(() => build(baseUrl), baseUrl).toThrow(
        new ValidationError(
          "updateUserStatus",
          undefined,
          `${JSON.stringify(url)} is not an http(s) URL without user info: check the base URL and variables`,
        ),
      );
  });

  it("quotes an invalid URL without its query and user info, which may hold credentials", () => {
    const withQuery: OperationSpec = {
      ...op,
      args: [...op.args, { arg: "access_token", name: "access_token", in: "query", required: true }],
    };
    let error: unknown;
    try {
      buildRequest(
        withQuery,
        { userId: "me", action: "activate", access_token: "s3cr3t-token" },
        { ...context, baseUrl: "https://admin:pa55word@api example.com/v2" },
        encodeMultipart,
      );
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe(
      'updateUserStatus: "https://api example.com/v2/users/me/status" is not an http(s) URL without user info: check the base URL and variables',
    );
  });

  it("refuses a valid URL with user info, which fetch would refuse quoting it whole", () => {
    // fetch's own TypeError would carry the password and the query into the error's message.
    for (const baseUrl of ["https://admin:pa55word@api.example.com/v2", "https://:pa55word@api.example.com"]) {
      let error: unknown;
      try {
        buildRequest(op, { userId: "me", action: "activate" }, { ...context, baseUrl }, encodeMultipart);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).not.toMatch(/pa55word|admin/);
      expect((error as Error).message).toMatch(/is not an http\(s\) URL without user info/);
    }
  });

  it("joins base URLs with and without a trailing slash", () => {
    expect(
      buildRequest(op, { userId: "me", action: "activate" }, { ...context, baseUrl: `${BASE}/` }, encodeMultipart).url
        .href,
    ).toBe(`${BASE}/users/me/status`);
  });
});
