// Hawk as the client signs it: the same header as @hapi/hawk's client for the same inputs, and each
// request on a real server accepted by @hapi/hawk's server (MAC, payload hash, time, nonce).
import Hawk from "@hapi/hawk";
import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import type { HawkSpec, OperationSpec } from "../../src/runtime/spec.js";
import type { RecordedRequest } from "../../src/testkit/recording-server.js";
import { testOperation } from "../helpers/operation.js";
import { received, useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const server = useRecordingServer();

const CREDENTIALS = {
  id: "dh37fgj492je",
  key: "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn",
  algorithm: "sha256" as const,
};
const base = testOperation({ method: "GET", path: "/resource/1" });
const query = [{ arg: "b", name: "b", in: "query" as const, required: false }];

async function send(
  op: Partial<OperationSpec>,
  auth: Omit<HawkSpec, "type">,
  args: unknown = {},
  options: ClientOptions<object> = { hawk: CREDENTIALS },
): Promise<RecordedRequest> {
  return received(server, { ...base, ...op, auth: { type: "hawk", ...auth } }, args, { maxRetries: 0, ...options });
}

/** @hapi/hawk's server over what arrived; with the payload when the request carried a hash. */
function authenticate(
  request: RecordedRequest,
  credentials: { id: string; key: string; algorithm: "sha256" | "sha1" } = CREDENTIALS,
) {
  const hashed = /hash="/.test(String(request.headers.authorization));
  return Hawk.server.authenticate(
    { method: request.method, url: request.target, headers: request.headers },
    (id) => (id === credentials.id ? credentials : undefined),
    hashed ? { payload: request.raw } : {},
  );
}

describe("the header @hapi/hawk's client writes for the same inputs", () => {
  it.each([
    ["a GET", {}, { ext: "some-app-data" }],
    ["app and dlg", {}, { ext: "x", app: "my-app", dlg: "their-app" }],
    ["sha1", { algorithm: "sha1" }, {}],
  ] as const)("%s", async (_name, settings, extra) => {
    let sent: { url: string; headers: Headers } | undefined;
    const fetch = (async (url: string, init: RequestInit) => {
      sent = { url, headers: new Headers(init.headers) };
      return new Response("{}", { headers: { "content-type": "application/json" } });
    }) as typeof globalThis.fetch;
    const auth = {
      timestamp: "1353832234",
      nonce: "j4h3g2",
      ...settings,
      ...("ext" in extra ? { extraData: extra.ext } : {}),
      ...("app" in extra ? { app: extra.app, delegation: extra.dlg } : {}),
    };
    const algorithm = ("algorithm" in settings ? settings.algorithm : "sha256") as "sha256" | "sha1";
    await testCore(
      { baseUrl: "http://example.com:8000", fetch, hawk: { id: CREDENTIALS.id, key: CREDENTIALS.key } },
      { baseUrl: "http://example.com:8000", variables: {} },
    ).call({ ...base, args: query, auth: { type: "hawk", ...auth } }, { b: "1 2" });
    const expected = Hawk.client.header("http://example.com:8000/resource/1?b=1%202", "GET", {
      credentials: { ...CREDENTIALS, algorithm },
      timestamp: 1353832234,
      nonce: "j4h3g2",
      ...extra,
    });
    expect(sent!.headers.get("authorization")).toBe(expected.header);
  });
});

describe("accepted by @hapi/hawk's server", () => {
  it("sha256 and sha1, with fresh times and nonces", async () => {
    const first = await send({ args: query }, {}, { b: "x y" });
    const { artifacts } = await authenticate(first);
    expect(Math.abs(Number(artifacts.ts) - Date.now() / 1000)).toBeLessThan(5);
    const second = await send({}, { algorithm: "sha1" }, {}, { hawk: { id: CREDENTIALS.id, key: CREDENTIALS.key } });
    await authenticate(second, { ...CREDENTIALS, algorithm: "sha1" });
    expect(String(second.headers.authorization)).not.toContain(artifacts.nonce);
    // The check can fail: another key gives another MAC.
    await expect(authenticate(first, { ...CREDENTIALS, key: "other" })).rejects.toThrow(/Bad mac/);
  });

  it("the payload hash of a JSON, text, urlencoded or multipart body, over the bytes and type sent", async () => {
    const json = await send(
      {
        method: "POST",
        body: "json",
        contentType: "application/json; charset=utf-8",
        args: [{ arg: "a", name: "a", in: "body", required: true, type: "json" }],
      },
      { includePayloadHash: true },
      { a: "ü" },
    );
    const text = await send(
      { method: "PUT", body: "raw", args: [{ arg: "body", name: "body", in: "body", required: true }] },
      { includePayloadHash: true },
      { body: "Thank you for flying Hawk" },
    );
    const form = await send(
      { method: "POST", body: "urlencoded", args: [{ arg: "f", name: "f", in: "body", required: true }] },
      { includePayloadHash: true },
      { f: ["1", "2 3"] },
    );
    const multipart = await send(
      { method: "POST", body: "multipart", args: [{ arg: "f", name: "f", in: "body", required: true }] },
      { includePayloadHash: true },
      { f: "v" },
    );
    for (const request of [json, text, form, multipart]) {
      expect(String(request.headers.authorization)).toContain('hash="');
      await authenticate(request);
    }
    expect(multipart.fields).toEqual([["f", "v"]]);
    // The server catches a body that is not what was hashed.
    await expect(authenticate({ ...text, raw: Buffer.from("Thank you for flying Hawk!") })).rejects.toThrow(
      /Bad payload hash/,
    );
  });

  it("ext, app and dlg", async () => {
    const request = await send({}, { extraData: "some-app-data", app: "my-app", delegation: "their-app" });
    const { artifacts } = await authenticate(request);
    expect(artifacts).toMatchObject({ ext: "some-app-data", app: "my-app", dlg: "their-app" });
  });

  it("fills the collection's {{variables}}, and without credentials, refuses the call, or (hawk: null) sends nothing signed", async () => {
    const request = await send(
      {},
      { authId: "{{hawk_id}}", authKey: "{{hawk_key}}", algorithm: "{{hawk_algorithm}}" },
      {},
      { variables: { hawk_id: CREDENTIALS.id, hawk_key: CREDENTIALS.key, hawk_algorithm: "sha256" } },
    );
    await authenticate(request);
    await expect(send({}, {}, {}, {})).rejects.toThrow("the collection's auth needs a credential");
    const unsigned = await send({}, {}, {}, { hawk: null });
    expect(unsigned.headers.authorization).toBeUndefined();
  });

  it("refuses an unknown algorithm and an id fetch cannot send, quoting no key", async () => {
    await expect(
      send({}, { algorithm: "md5" }, {}, { hawk: { id: CREDENTIALS.id, key: CREDENTIALS.key } }),
    ).rejects.toThrow('op: the hawk algorithm "md5" is not sha256 or sha1');
    const error = (await send({}, {}, {}, { hawk: { id: "line\nbreak", key: "secret-key" } }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    for (const text of [error.message, String(error), JSON.stringify(error)]) expect(text).not.toContain("secret-key");
  });
});
