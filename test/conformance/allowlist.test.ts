// The allowlist's entry for a path that Postman cuts at a `?` reads newman's query exactly: the
// rest of the path, the `?` Postman wrote, the item's own query, the auth's pair last. A query that
// differs from that in one pair is a difference the entry does not cover (conformance.test.ts runs
// the fixed cases of wire-fuzz-findings through newman; here, the queries newman does not send).
import { describe, expect, it } from "vitest";
import type { OperationModel } from "../../src/model/types.js";
import { allowed } from "./allowlist.js";
import { queryMeaning, type Difference } from "./compare.js";

const op = {
  method: "GET",
  path: "/files/{name}",
  args: [
    { arg: "page", name: "page", in: "query", required: false, example: "2", source: "item[0].request.url.query[0]" },
  ],
  auth: { type: "none" },
  source: "item[0]",
} as unknown as OperationModel;

/** The cut entry's verdict on newman's target, for the client's `/v1/files/q1%3Fv%26w?page=2` (the path variable `q1?v&w`). */
function cutAllowed(newman: string, client = "/v1/files/q1%3Fv%26w?page=2", on = op): string | undefined {
  const path: Difference = { aspect: "path", newman: newman.split("?")[0], client: client.split("?")[0] };
  const query: Difference = { aspect: "query", newman: queryMeaning(newman), client: queryMeaning(client) };
  return allowed("wire.postman_collection.json", on, query, [], [path, query], { newman, client })?.reason;
}

it("allows the query newman sends for the rest of a cut path and the item's own", () => {
  expect(cutAllowed("/v1/files/q1?v&w?page=2")).toMatch(/^The query of a request whose path/);
  // A `?` of the rest's own, then the one Postman wrote.
  expect(cutAllowed("/v1/files/a?b?c?page=2", "/v1/files/a%3Fb%3Fc?page=2")).toMatch(/^The query of a request/);
});

it("allows none of the queries that differ from it by a pair", () => {
  // The item's own pair, joined to the rest, missing.
  expect(cutAllowed("/v1/files/q1?v&w")).toBeUndefined();
  // A pair of the rest missing.
  expect(cutAllowed("/v1/files/q1?w?page=2")).toBeUndefined();
  // A pair neither gives.
  expect(cutAllowed("/v1/files/q1?v&w?page=2&x=1")).toBeUndefined();
  expect(cutAllowed("/v1/files/q1?v&x&w?page=2")).toBeUndefined();
  // The item's pair with another value.
  expect(cutAllowed("/v1/files/q1?v&w?page=3")).toBeUndefined();
});

it("allows after a # in the rest only the rest before it, and the auth's pair after a &", () => {
  const keyed = { ...op, auth: { type: "apikey", in: "query", name: "api_key" } } as OperationModel;
  const client = "/v1/files/q1%3Fv%3D1%23x?page=2&api_key=k";
  expect(cutAllowed("/v1/files/q1?v=1&api_key=k", client, keyed)).toMatch(/^The query of a request/);
  // The item's pair, which went after the #, sent.
  expect(cutAllowed("/v1/files/q1?v=1&page=2&api_key=k", client, keyed)).toBeUndefined();
  // The auth's pair missing.
  expect(cutAllowed("/v1/files/q1?v=1", client, keyed)).toBeUndefined();
});

describe("a file on the collection author's disk", () => {
  const photo = {
    arg: "photo",
    name: "photo",
    in: "body",
    type: "file",
    required: true,
    fileNames: ["photo.png"],
    source: "item[0].request.body.formdata[1]",
  };
  const caption = {
    arg: "caption",
    name: "caption",
    in: "body",
    required: true,
    source: "item[0].request.body.formdata[0]",
  };
  const form = (...args: object[]) =>
    ({ ...op, method: "POST", path: "/photos", args, body: { encoding: "multipart" } }) as unknown as OperationModel;
  const refused = (on: OperationModel, arg: string): string | undefined => {
    const d: Difference = {
      aspect: "sent",
      newman: "a request",
      client: `ValidationError: upload: argument "${arg}" (body field "${arg}") is required`,
    };
    return allowed("local-paths.postman_collection.json", on, d, [], [d], { newman: "/photos", client: "" })?.reason;
  };

  it("allows the refusal of a call without a form file field or file body that names a file", () => {
    expect(refused(form(caption, photo), "photo")).toMatch(/^A form file field or file body whose `src`/);
    const binary = {
      ...op,
      method: "PUT",
      args: [{ arg: "body", name: "body", in: "body", type: "file", required: true, source: "item[1].request.body" }],
      body: { encoding: "binary" },
    } as unknown as OperationModel;
    expect(refused(binary, "body")).toMatch(/^A form file field or file body whose `src`/);
  });

  it("allows no refusal of another argument, nor of a file field that names no file", () => {
    expect(refused(form(caption, photo), "caption")).toBeUndefined();
    // No file chosen: the client sends an empty part, as newman does; a refusal is a difference.
    const { fileNames: _none, ...unchosen } = photo;
    expect(refused(form(caption, unchosen), "photo")).toBeUndefined();
    // The file sent, but otherwise than newman sends it.
    const body: Difference = { aspect: "body", newman: { files: [] }, client: { files: [["photo", "AA=="]] } };
    expect(
      allowed("local-paths.postman_collection.json", form(photo), body, [], [body], { newman: "", client: "" }),
    ).toBeUndefined();
  });
});

describe("a literal `.` path segment", () => {
  const at = (path: string) => ({ ...op, path }) as OperationModel;
  const dropped = (on: OperationModel, newman: string, client: string): string | undefined => {
    const d: Difference = { aspect: "path", newman, client };
    return allowed("local-paths.postman_collection.json", on, d, [], [d], { newman, client })?.reason;
  };

  it("allows the path fetch sends without it, as the URL standard reads it", () => {
    expect(dropped(at("/a/./b"), "/v1/a/./b", "/v1/a/b")).toMatch(/^A literal `\.` segment/);
    expect(dropped(at("/a/."), "/v1/a/.", "/v1/a/")).toMatch(/^A literal `\.` segment/);
  });

  it("allows no other path, nor a `.` the item does not write, nor `..`", () => {
    expect(dropped(at("/a/./b"), "/v1/a/./b", "/v1/a/c")).toBeUndefined();
    expect(dropped(at("/a/./b"), "/v1/a/./b", "/v1/a/./b/")).toBeUndefined();
    expect(dropped(at("/a/{x}/b"), "/v1/a/./b", "/v1/a/b")).toBeUndefined();
    expect(dropped(at("/a/../b"), "/v1/a/../b", "/v1/b")).toBeUndefined();
  });
});
