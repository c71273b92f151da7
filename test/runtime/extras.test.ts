// A call's `options.body` and `options.query`: fields and query pairs beyond the collection's
// arguments, as a real HTTP server on 127.0.0.1 receives them, and their refusals.
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/runtime/errors.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";

const server = useRecordingServer();

const json: OperationSpec = {
  ...SEED_SPEC,
  name: "createThing",
  method: "POST",
  path: "/things",
  body: "json",
  contentType: "application/json",
  args: [
    { arg: "name", name: "name", in: "body", required: true },
    { arg: "kind", name: "kind", in: "body", required: false, enum: ["a", "b"] },
    { arg: "q", name: "q", in: "query", required: false },
  ],
};

const jsonOnly: OperationSpec = { ...json, name: "createOnly", args: json.args.filter((a) => a.in === "body") };

/** An operation without the extras feature refuses either option (a TypeError: its type takes neither). */
const NO_EXTRAS = new TypeError("updateUserStatus: no extras feature for its request");

const client = () => testCore({ baseUrl: server.url, token: "t0k3n" }, { baseUrl: server.url, variables: {} });

describe("options.body", () => {
  it("joins a JSON body's fields after the arguments'", async () => {
    await client().call(jsonOnly, { name: "n" }, { body: { flag: true, nested: { a: [1, null] } } });
    const [request] = server.requests;
    expect(request!.raw.toString()).toBe('{"name":"n","flag":true,"nested":{"a":[1,null]}}');
  });

  it("overrides a field an argument sends, in its place, past the argument's enum", async () => {
    await client().call(
      jsonOnly,
      { name: "n", kind: "a" },
      { body: { kind: "c", name: { first: "x" }, skipped: undefined } },
    );
    expect(server.requests[0]!.raw.toString()).toBe('{"name":{"first":"x"},"kind":"c"}');
  });

  it("keeps a key such as __proto__ an own field", async () => {
    await client().call(jsonOnly, { name: "n" }, { body: JSON.parse('{"__proto__":{"x":1}}') });
    expect(server.requests[0]!.raw.toString()).toBe('{"name":"n","__proto__":{"x":1}}');
  });

  it("refuses a value without JSON, a non-object, and a body that is not a JSON object, before sending", async () => {
    const c = client();
    await expect(c.call(jsonOnly, { name: "n" }, { body: { big: 1n } })).rejects.toThrow(
      new ValidationError("createOnly", undefined, 'options.body "big" cannot be sent as JSON (bigint)'),
    );
    await expect(c.call(jsonOnly, { name: "n" }, { body: { f: () => 1 } })).rejects.toThrow(
      /options\.body "f" cannot be sent as JSON/,
    );
    await expect(c.call(jsonOnly, { name: "n" }, { body: [1] as never })).rejects.toThrow(
      "createOnly: options.body must be an object of the fields to add, got an array",
    );
    // The seed's multipart form, without the feature (its options' type takes no body: a JavaScript
    // caller's is refused by the feature missing, in the fewest bytes), and a query-only operation
    // with it.
    await expect(c.call(SEED_SPEC, { userId: "me", action: "activate" }, { body: { extra: "1" } })).rejects.toThrow(
      NO_EXTRAS,
    );
    await expect(
      c.call(SEED_SPEC, { userId: "me", action: "activate" }, { body: { extra: "1" } }),
    ).rejects.toBeInstanceOf(TypeError);
    const get: OperationSpec = {
      ...json,
      name: "listThings",
      method: "GET",
      body: undefined,
      contentType: undefined,
      args: [json.args[2]!],
    };
    await expect(c.call(get, {}, { body: { extra: "1" } })).rejects.toThrow(
      "listThings: options.body cannot be sent: extra fields need a JSON object body, extra pairs a query",
    );
    expect(server.requests).toEqual([]);
  });
});

describe("an extra named as a credential", () => {
  it("is masked where the API quotes it, as an argument of its name is", async () => {
    const key = "extra-key-5d1f0b93";
    const secret = "extra-secret-8c2e7a41";
    server.reply({
      status: 400,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: `bad ${key} and ${secret}` }),
    });
    const error = (await client()
      .call(json, { name: "n" }, { query: { api_key: key }, body: { client_secret: secret } })
      .catch((thrown: unknown) => thrown)) as Error;
    expect(server.requests[0]!.target).toBe(`/things?api_key=${key}`);
    expect(error.message).toContain("bad");
    expect(JSON.stringify(error) + error.message).not.toContain(key);
    expect(JSON.stringify(error) + error.message).not.toContain(secret);
  });
});

describe("options.query", () => {
  it("appends pairs after the operation's own, encoded as its own values, a list repeating the key", async () => {
    const value = "a b&c=d/é%+";
    await client().call(
      json,
      { name: "n", q: value },
      { query: { q: "again", "x y": [value, 2, true], none: undefined } },
    );
    const [request] = server.requests;
    // The argument q's value as the client encodes its own query values.
    const own = request!.target.slice("/things?q=".length).split("&")[0];
    expect(request!.target).toBe(`/things?q=${own}&q=again&x%20y=${own}&x%20y=2&x%20y=true`);
    expect(request!.query).toEqual([
      ["q", value],
      ["q", "again"],
      ["x y", value],
      ["x y", "2"],
      ["x y", "true"],
    ]);
  });

  it("is sent where the operation's query parameters are all left out", async () => {
    await client().call(json, { name: "n" }, { query: { page: "2" } });
    expect(server.requests[0]!.target).toBe("/things?page=2");
  });

  it("refuses a value that is not text, half a character, and an operation without a query", async () => {
    const c = client();
    await expect(c.call(json, { name: "n" }, { query: { a: { b: 1 } } as never })).rejects.toThrow(
      'createThing: options.query "a" must be a string, number or boolean, or a list of them, got an object',
    );
    await expect(c.call(json, { name: "n" }, { query: { a: "\ud800" } })).rejects.toThrow(
      'createThing: options.query "a" cannot be sent: it holds half a character (a lone surrogate)',
    );
    await expect(c.call(jsonOnly, { name: "n" }, { query: { a: "1" } })).rejects.toThrow(
      new ValidationError(
        "createOnly",
        undefined,
        "options.query cannot be sent: extra fields need a JSON object body, extra pairs a query",
      ),
    );
    await expect(c.call(SEED_SPEC, { userId: "me", action: "activate" }, { query: { a: "1" } })).rejects.toThrow(
      NO_EXTRAS,
    );
    expect(server.requests).toEqual([]);
  });
});
