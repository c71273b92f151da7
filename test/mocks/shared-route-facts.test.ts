// What tells apart two requests on one route when what differs is hidden or implied: a body beside
// none, with the same Content-Type header (Okta's two `POST …/credentials/secrets`), and a field
// under a credential's name that only describes it (PayPal's `payment_source.token.type`). Each
// call is answered from its own operation's saved example, never the other's.
import { describe, expect, it } from "vitest";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { mockApi } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const BASE = "https://api.example.com";
const JSON_TYPE = [{ key: "Content-Type", value: "application/json" }];

/** A request on POST `path`, with a saved 201 example answering `answer`. */
function item(name: string, path: string, body: string | undefined, answer: unknown) {
  const request = {
    method: "POST",
    url: `${BASE}${path}`,
    header: JSON_TYPE,
    ...(body !== undefined ? { body: { mode: "raw", raw: body, options: { raw: { language: "json" } } } } : {}),
  };
  return {
    name,
    request,
    response: [
      { name: `${name} saved`, code: 201, header: JSON_TYPE, body: JSON.stringify(answer), originalRequest: request },
    ],
  };
}

function setUp(items: unknown[]) {
  const model = toModel(
    parseCollectionText("c.json", JSON.stringify({ info: { name: "Shared", schema: V21 }, item: items })),
  );
  const { api, warnings } = mockApi(model);
  const client = (fetch: typeof globalThis.fetch) =>
    testCore({ fetch, maxRetries: 0 }, { baseUrl: api.baseUrl, variables: api.variables });
  return { api, warnings, ops: api.operations as readonly OperationSpec[], client };
}

describe("POST /secrets with a JSON body, and without one, both sending Content-Type: application/json", () => {
  const { api, warnings, ops, client } = setUp([
    item("Bring your own secret", "/secrets", '{\n  "client_secret": "D0HxBn1FtTXeYC4cSBwWL"\n}', { made: "own" }),
    item("Auto-generated secret", "/secrets", undefined, { made: "auto" }),
  ]);
  const [own, auto] = ops as [OperationSpec, OperationSpec];

  it("answers each from its own saved example", async () => {
    const mock = createMockFetch(api);
    expect(await client(mock).call(own, { client_secret: "mine" })).toEqual({ made: "own" });
    expect(await client(mock).call(auto, {})).toEqual({ made: "auto" });
    expect(mock.calls.map((c) => c.operation)).toEqual([own, auto]);
  });

  it("tells the bodyless one by its sending no body, not by the header both send", () => {
    expect(api.requests?.find((r) => r.operation.at(-1) === auto.name)?.facts).toEqual([
      { in: "body", name: [], absent: true },
    ]);
    expect(warnings.filter((w) => /cannot tell apart/.test(w.message))).toEqual([]);
  });
});

describe("POST /v3/vault/payment-tokens told apart by payment_source.token.type", () => {
  const body = (type: string, id: string) =>
    JSON.stringify({ payment_source: { token: { id: `{{${id}}}`, type } } }, null, 2);
  const { api, warnings, ops, client } = setUp([
    item("Create payment token", "/v3/vault/payment-tokens", body("SETUP_TOKEN", "setup_token_id"), { made: "setup" }),
    item("Migrate billing agreement", "/v3/vault/payment-tokens", body("BILLING_AGREEMENT", "ba_id"), {
      made: "migrated",
    }),
  ]);
  const [create, migrate] = ops as [OperationSpec, OperationSpec];
  const args = (type: string) => ({ payment_source: { token: { id: "x1", type } } });

  it("answers each from its own saved example", async () => {
    const mock = createMockFetch(api);
    expect(await client(mock).call(migrate, args("BILLING_AGREEMENT"))).toEqual({ made: "migrated" });
    expect(await client(mock).call(create, args("SETUP_TOKEN"))).toEqual({ made: "setup" });
    expect(mock.calls.map((c) => c.operation)).toEqual([migrate, create]);
  });

  it("has the token's type as the facts' only value (its id is a {{variable}})", () => {
    const facts = api.requests?.flatMap((r) => r.facts) ?? [];
    expect(facts.filter((f) => "value" in f)).toEqual([
      { in: "body", name: ["payment_source", "token", "type"], value: "SETUP_TOKEN" },
      { in: "body", name: ["payment_source", "token", "type"], value: "BILLING_AGREEMENT" },
    ]);
    expect(warnings.filter((w) => /cannot tell apart/.test(w.message))).toEqual([]);
  });
});

describe("two requests alike, told apart by their saved requests, one saved with a `//` comment", () => {
  /** A request whose body's kind is a {{variable}}, saved with `saved` as its body. */
  const alike = (name: string, saved: string, answer: unknown) => {
    const request = (raw: string) => ({
      method: "POST",
      url: `${BASE}/orders`,
      header: JSON_TYPE,
      body: { mode: "raw", raw, options: { raw: { language: "json" } } },
    });
    return {
      name,
      request: request('{"kind": "{{kind}}"}'),
      response: [{ name, code: 201, header: JSON_TYPE, body: JSON.stringify(answer), originalRequest: request(saved) }],
    };
  };
  const { api, ops, client } = setUp([
    alike("Plain order", '{"kind": "plain"}', { made: "plain" }),
    alike("Gift order", '{\n  // wrapped, with a card\n  "kind": "gift"\n}', { made: "gift" }),
  ]);
  const [plain, gift] = ops as [OperationSpec, OperationSpec];

  it("answers each from its own saved example, the commented one by its saved fields", async () => {
    const mock = createMockFetch(api);
    expect(await client(mock).call(gift, { kind: "gift" })).toEqual({ made: "gift" });
    expect(await client(mock).call(plain, { kind: "plain" })).toEqual({ made: "plain" });
    expect(mock.calls.map((c) => c.operation)).toEqual([gift, plain]);
    expect(api.requests?.find((r) => r.operation.at(-1) === gift.name)?.saved).toEqual([
      { in: "body", name: ["kind"], value: "gift" },
    ]);
  });
});

describe("POST /notes with a text body of one variable that may be empty, beside one without a body that sends Content-Type", () => {
  // A raw body typed only by its language goes, once filled empty, with neither a body nor the
  // language's type (runtime/bodies.ts's emptyIsNone): the other sends its own Content-Type always.
  const TEXT_TYPE = [{ key: "Content-Type", value: "text/plain" }];
  const answered = (name: string, request: object, answer: unknown) => ({
    name,
    request,
    response: [{ name, code: 201, header: JSON_TYPE, body: JSON.stringify(answer), originalRequest: request }],
  });
  const url = `${BASE}/notes`;
  const { api, warnings, ops, client } = setUp([
    answered(
      "Post a note",
      { method: "POST", url, body: { mode: "raw", raw: "{{note}}", options: { raw: { language: "text" } } } },
      { made: "note" },
    ),
    answered("Touch the notes", { method: "POST", url, header: TEXT_TYPE }, { made: "touched" }),
  ]);
  const [note, touch] = ops as [OperationSpec, OperationSpec];

  it("answers each from its own saved example, the note with its text and without", async () => {
    const mock = createMockFetch(api);
    expect(await client(mock).call(note, {}, { variables: { note: "" } })).toEqual({ made: "note" });
    expect(await client(mock).call(note, {}, { variables: { note: "hi" } })).toEqual({ made: "note" });
    expect(await client(mock).call(touch, {})).toEqual({ made: "touched" });
    expect(mock.calls.map((c) => [c.operation, c.body, c.headers.get("content-type")])).toEqual([
      [note, undefined, null],
      [note, "hi", "text/plain"],
      [touch, undefined, "text/plain"],
    ]);
    expect(warnings.filter((w) => /cannot tell apart/.test(w.message))).toEqual([]);
  });

  it("has the note's Content-Type as a fact of a request with a body, and no fact that it sends one", () => {
    const facts = (op: OperationSpec) => api.requests?.find((r) => r.operation.at(-1) === op.name)?.facts;
    expect(facts(note)).toEqual([
      { in: "header", name: ["Content-Type"], withBody: true },
      { in: "header", name: ["Content-Type"], value: "text/plain", withBody: true },
    ]);
    expect(facts(touch)).toEqual([
      { in: "body", name: [], absent: true },
      { in: "header", name: ["Content-Type"] },
      { in: "header", name: ["Content-Type"], value: "text/plain" },
    ]);
  });
});

describe("POST /notes with a text body of `{{}}`, which no variable fills, beside one without a body", () => {
  // `{{}}` names no variable (runtime/template.ts's REFERENCE needs a name): the body is always
  // sent as written, so that it is sent is a fact, and its language's Content-Type no fact of a
  // body that may go empty (the Content-Type both send tells neither apart: no fact at all).
  const request = (raw?: string) => ({
    method: "POST",
    url: `${BASE}/notes`,
    ...(raw === undefined
      ? { header: [{ key: "Content-Type", value: "text/plain" }] }
      : { body: { mode: "raw", raw, options: { raw: { language: "text" } } } }),
  });
  const { api, ops } = setUp([
    { name: "Post braces", request: request("{{}}") },
    { name: "Touch the notes", request: request() },
  ]);

  it("has the body's being sent as a fact, and nothing only with a body", () => {
    const facts = api.requests?.find((r) => r.operation.at(-1) === ops[0]!.name)?.facts ?? [];
    expect(facts).toContainEqual({ in: "body", name: [] });
    expect(facts.filter((f) => f.withBody)).toEqual([]);
  });
});

describe("POST /drafts alone, with a JSON body of one variable that may be empty", () => {
  const request = {
    method: "POST",
    url: `${BASE}/drafts`,
    body: { mode: "raw", raw: "{{draft}}", options: { raw: { language: "json" } } },
  };
  const { api, ops, client } = setUp([
    {
      name: "Post a draft",
      request,
      response: [{ name: "Drafted", code: 201, header: JSON_TYPE, body: '{"made":"draft"}', originalRequest: request }],
    },
  ]);

  it("is answered from its saved example, with its body and without", async () => {
    const mock = createMockFetch(api);
    expect(await client(mock).call(ops[0]!, {}, { variables: { draft: "" } })).toEqual({ made: "draft" });
    expect(await client(mock).call(ops[0]!, {}, { variables: { draft: '{"a": 1}' } })).toEqual({ made: "draft" });
    expect(mock.calls.map((c) => [c.body, c.headers.get("content-type")])).toEqual([
      [undefined, null],
      [{ a: 1 }, "application/json"],
    ]);
    // Alone on its route: nothing to tell apart, no facts written.
    expect(api.requests ?? []).toEqual([]);
  });
});
