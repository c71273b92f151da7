// OAuth 1.0a as the client signs it: RFC 5849's published examples, and every method and placement
// checked on a real server by oauth-1.0a (an implementation written by others).
import { createHash, createHmac, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import type { OAuth1Spec, OperationSpec } from "../../src/runtime/spec.js";
import { testOperation } from "../helpers/operation.js";
import { received, useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";
import { authParams, header, verifyOAuth1 } from "./verify.js";

const server = useRecordingServer();

const base = testOperation({ method: "GET", path: "/photos" });
const SECRETS = { consumerKey: "key ü", consumerSecret: "secret&1", token: "tok", tokenSecret: "token/secret" };

/** Calls the operation on `url` (the recording server unless a fetch intercepts), returning what arrived or was sent. */
async function send(
  op: Partial<OperationSpec>,
  auth: Omit<OAuth1Spec, "type">,
  args: unknown = {},
  options: ClientOptions<object> = {},
) {
  return received(server, { ...base, ...op, auth: { type: "oauth1", ...auth } }, args, options);
}

/** What the client would send to `url`, captured by a fetch that answers 200 (for the RFC's hosts). */
async function captured(
  url: string,
  op: Partial<OperationSpec>,
  auth: Omit<OAuth1Spec, "type">,
  args: unknown,
  options: ClientOptions<object>,
) {
  let request: { url: string; headers: Headers; body: unknown } | undefined;
  const fetch = (async (input: string, init: RequestInit) => {
    request = { url: input, headers: new Headers(init.headers), body: init.body };
    return new Response("{}", { headers: { "content-type": "application/json" } });
  }) as typeof globalThis.fetch;
  await testCore({ baseUrl: url, fetch, ...options }, { baseUrl: url, variables: {} }).call(
    { ...base, ...op, auth: { type: "oauth1", ...auth } },
    args,
  );
  return request!;
}

describe("RFC 5849's examples", () => {
  // Section 1.2: the three signed requests of the photos example, with the credentials it gives.
  const client = { consumerKey: "dpf43f3p2l4k3l03", consumerSecret: "kd94hf93k423kf44" };
  it.each([
    [
      "temporary credentials",
      "https://photos.example.net",
      { method: "POST", path: "/initiate" },
      { timestamp: "137131200", nonce: "wIjqoS", callback: "http://printer.example.com/ready" },
      {},
      'OAuth realm="Photos",oauth_consumer_key="dpf43f3p2l4k3l03",oauth_signature_method="HMAC-SHA1",oauth_timestamp="137131200",oauth_nonce="wIjqoS",oauth_callback="http%3A%2F%2Fprinter.example.com%2Fready",oauth_signature="74KNZJeDHnMBp0EMJ9ZHt%2FXKycU%3D"',
    ],
    [
      "token credentials",
      "https://photos.example.net",
      { method: "POST", path: "/token" },
      { timestamp: "137131201", nonce: "walatlh", verifier: "hfdp7dh39dks9884" },
      { token: "hh5s93j4hdidpola", tokenSecret: "hdhd0244k9j7ao03" },
      'OAuth realm="Photos",oauth_consumer_key="dpf43f3p2l4k3l03",oauth_token="hh5s93j4hdidpola",oauth_signature_method="HMAC-SHA1",oauth_timestamp="137131201",oauth_nonce="walatlh",oauth_verifier="hfdp7dh39dks9884",oauth_signature="gKgrFCywp7rO0OXSjdot%2FIHF7IU%3D"',
    ],
    [
      "a protected resource (signed over http, as the RFC's errata notes)",
      "http://photos.example.net",
      {
        path: "/photos",
        args: [
          { arg: "file", name: "file", in: "query", required: true },
          { arg: "size", name: "size", in: "query", required: true },
        ],
      },
      { timestamp: "137131202", nonce: "chapoH" },
      { token: "nnch734d00sl2jdk", tokenSecret: "pfkkdhi9sl3r4s00" },
      'OAuth realm="Photos",oauth_consumer_key="dpf43f3p2l4k3l03",oauth_token="nnch734d00sl2jdk",oauth_signature_method="HMAC-SHA1",oauth_timestamp="137131202",oauth_nonce="chapoH",oauth_signature="MdpQcU8iPSUjWoN%2FUDMsK2sui9I%3D"',
    ],
  ] as const)(
    "signs the request for %s exactly as the RFC shows",
    async (_name, url, op, settings, token, expected) => {
      const args = op.path === "/photos" ? { file: "vacation.jpg", size: "original" } : {};
      const request = await captured(
        url,
        op as Partial<OperationSpec>,
        { realm: "Photos", addParamsToHeader: true, ...settings },
        args,
        { oauth1: { ...client, ...token } },
      );
      expect(request.headers.get("authorization")).toBe(expected);
    },
  );

  it("builds section 3.4.1.1's signature base string: query, urlencoded body and oauth parameters, decoded and sorted", async () => {
    const op: Partial<OperationSpec> = {
      method: "POST",
      path: "/request",
      body: "urlencoded",
      args: [
        { arg: "b5", name: "b5", in: "query", required: true },
        { arg: "a3", name: "a3", in: "query", required: true },
        { arg: "c@", name: "c@", in: "query", required: true },
        { arg: "a2", name: "a2", in: "query", required: true },
        { arg: "c2", name: "c2", in: "body", required: true },
        { arg: "body_a3", name: "a3", in: "body", required: true },
      ],
    };
    const args = { b5: "=%3D", a3: "a", "c@": "", a2: "r b", c2: "", body_a3: "2 q" };
    const request = await captured(
      "http://example.com",
      op,
      { realm: "Example", addParamsToHeader: true, timestamp: "137131201", nonce: "7d8f3e4a" },
      args,
      {
        oauth1: {
          consumerKey: "9djdj82h48djs9d2",
          consumerSecret: "j49sk3j29djd",
          token: "kkk9d7dh3k39sjv7",
          tokenSecret: "dh893hdasih9",
        },
      },
    );
    // The RFC's request writes `b5=%3D%253D&c%40=`; the client sends the same parameters as newman
    // writes them (a value's `=` and a key's `@` as they are: newman-wire.test.ts). The base
    // string below is made of the parameters decoded, then encoded as the RFC says, so it is the
    // RFC's either way: that is what this example checks.
    expect(request.url).toBe("http://example.com/request?b5==%253D&a3=a&c@=&a2=r%20b");
    const query = [...new URL(request.url).searchParams];
    expect(query).toEqual([...new URLSearchParams("b5=%3D%253D&a3=a&c%40=&a2=r%20b")]);
    // The RFC's base string, verbatim (its line breaks removed); the secrets are ours (the RFC gives none).
    const baseString =
      "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7";
    const signature = createHmac("sha1", "j49sk3j29djd&dh893hdasih9").update(baseString).digest("base64");
    expect(authParams(request.headers.get("authorization")!, "OAuth")["oauth_signature"]).toBe(signature);
  });
});

describe("checked by oauth-1.0a on the server", () => {
  const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const pkcs8 = rsa.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const pkcs1 = rsa.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  const query = [{ arg: "q", name: "q", in: "query" as const, required: false }];

  it.each(["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "PLAINTEXT"])(
    "%s in the header, with query parameters",
    async (signatureMethod) => {
      const request = await send(
        { args: query },
        { signatureMethod, addParamsToHeader: true, version: "1.0", realm: "r" },
        { q: ["a b", "ü!*'()", "a b"] },
        { oauth1: SECRETS },
      );
      const { ok, params } = verifyOAuth1(request, server.url, SECRETS);
      expect(ok).toBe(true);
      // The check can fail: another secret gives another signature.
      expect(verifyOAuth1(request, server.url, { ...SECRETS, tokenSecret: "wrong" }).ok).toBe(false);
      expect(params).toMatchObject({
        realm: "r",
        oauth_consumer_key: "key ü",
        oauth_token: "tok",
        oauth_signature_method: signatureMethod,
        oauth_version: "1.0",
      });
      expect(params["oauth_nonce"]).toMatch(/^[A-Za-z0-9]{11}$/);
      expect(Math.abs(Number(params["oauth_timestamp"]) - Date.now() / 1000)).toBeLessThan(5);
    },
  );

  it.each([
    ["RSA-SHA1", pkcs8],
    ["RSA-SHA256", pkcs1],
    ["RSA-SHA512", pkcs8],
  ])("%s with a PEM private key (PKCS #8 or #1), verified with the public key", async (signatureMethod, privateKey) => {
    const request = await send(
      {},
      { signatureMethod, addParamsToHeader: true },
      {},
      { oauth1: { consumerKey: "ck", privateKey } },
    );
    expect(
      verifyOAuth1(request, server.url, { consumerKey: "ck", consumerSecret: "", publicKey: rsa.publicKey }).ok,
    ).toBe(true);
  });

  it("in the urlencoded body of a POST, signing the body's fields", async () => {
    const op: Partial<OperationSpec> = {
      method: "POST",
      body: "urlencoded",
      args: [...query, { arg: "status", name: "status", in: "body", required: true }],
    };
    const request = await send(
      op,
      {},
      { q: "1", status: "Hello Ladies + Gentlemen, a signed OAuth request!" },
      { oauth1: SECRETS },
    );
    expect(header(request, "authorization")).toBeUndefined();
    expect(request.fields.map(([k]) => k)).toEqual([
      "status",
      "oauth_consumer_key",
      "oauth_token",
      "oauth_signature_method",
      "oauth_timestamp",
      "oauth_nonce",
      "oauth_signature",
    ]);
    expect(verifyOAuth1(request, server.url, SECRETS).ok).toBe(true);
  });

  it("a query value with a stray % beside escapes: each escape decoded on its own, as a form decodes", async () => {
    // Found by the command-line fuzz: `100%--x%C3%A9` was signed as written, its `é` escaped twice,
    // as one bad escape kept the whole value from decoding.
    const request = await send(
      { path: "/photos?bb=100%--x%C3%A9&c=%25&d=%C3" },
      { signatureMethod: "HMAC-SHA1", addParamsToHeader: true },
      {},
      { oauth1: SECRETS },
    );
    expect(request.target).toContain("100%--x%C3%A9");
    expect(verifyOAuth1(request, server.url, SECRETS).ok).toBe(true);
  });

  it("in the query of other requests, after the request's own parameters", async () => {
    const request = await send({ args: query }, { signatureMethod: "HMAC-SHA256" }, { q: "x y" }, { oauth1: SECRETS });
    expect(request.query.map(([k]) => k)).toEqual([
      "q",
      "oauth_consumer_key",
      "oauth_token",
      "oauth_signature_method",
      "oauth_timestamp",
      "oauth_nonce",
      "oauth_signature",
    ]);
    expect(verifyOAuth1(request, server.url, SECRETS).ok).toBe(true);
  });

  it("adds oauth_body_hash of a body that is not urlencoded when the collection asks, and signs it", async () => {
    const body = '{"text":"ü"}';
    const op: Partial<OperationSpec> = {
      method: "PUT",
      body: "raw",
      contentType: "application/json",
      args: [{ arg: "body", name: "body", in: "body", required: true }],
    };
    const request = await send(
      op,
      { includeBodyHash: true, signatureMethod: "HMAC-SHA256", addParamsToHeader: true },
      { body },
      { oauth1: SECRETS },
    );
    const { ok, params } = verifyOAuth1(request, server.url, SECRETS);
    expect(ok).toBe(true);
    expect(params["oauth_body_hash"]).toBe(createHashBase64("sha256", body));
    expect(request.raw.toString()).toBe(body);
  });
});

describe("credentials and settings", () => {
  it("fills the collection's {{variables}} as newman does; options win part by part", async () => {
    const auth = {
      consumerKey: "{{ck}}",
      consumerSecret: "{{cs}}",
      token: "{{t}}",
      tokenSecret: "{{ts}}",
      addParamsToHeader: true,
    };
    const variables = {
      ck: SECRETS.consumerKey,
      cs: SECRETS.consumerSecret,
      t: SECRETS.token,
      ts: SECRETS.tokenSecret,
    };
    const fromVariables = await send({}, auth, {}, { variables });
    expect(verifyOAuth1(fromVariables, server.url, SECRETS).ok).toBe(true);
    const overridden = await send({}, auth, {}, { variables, oauth1: { token: "other", tokenSecret: "other-secret" } });
    expect(authParams(header(overridden, "authorization"), "OAuth")["oauth_token"]).toBe("other");
    expect(verifyOAuth1(overridden, server.url, { ...SECRETS, tokenSecret: "other-secret" }).ok).toBe(true);
  });

  it("refuses a call without a consumer key and secret, where Postman sends it unsigned; oauth1: null sends it unsigned", async () => {
    await expect(send({}, { addParamsToHeader: true }, {}, {})).rejects.toThrow(
      "the collection's auth needs a credential: pass createClient({ oauth1 })",
    );
    const request = await send({}, { addParamsToHeader: true }, {}, { oauth1: null });
    expect(header(request, "authorization")).toBeUndefined();
    expect(request.query).toEqual([]);
  });

  it("leaves out empty parameters unless addEmptyParamsToSign, and then signs and sends them", async () => {
    const plain = await send(
      {},
      { addParamsToHeader: true },
      {},
      { oauth1: { consumerKey: "ck", consumerSecret: "cs" } },
    );
    expect(Object.keys(authParams(header(plain, "authorization"), "OAuth"))).not.toContain("oauth_token");
    const withEmpty = await send(
      {},
      { addParamsToHeader: true, addEmptyParamsToSign: true },
      {},
      { oauth1: { consumerKey: "ck", consumerSecret: "cs" } },
    );
    const { ok, params } = verifyOAuth1(withEmpty, server.url, { consumerKey: "ck", consumerSecret: "cs" });
    expect([ok, params["oauth_token"], params["oauth_version"]]).toEqual([true, "", ""]);
  });

  it("refuses an unknown signature method and a bad private key without quoting the key", async () => {
    await expect(send({}, { signatureMethod: "HMAC-MD5" }, {}, { oauth1: SECRETS })).rejects.toThrow(
      /signature method "HMAC-MD5" is not one of/,
    );
    const secret = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----";
    const error = (await send(
      {},
      { signatureMethod: "RSA-SHA256" },
      {},
      { oauth1: { consumerKey: "ck", privateKey: secret } },
    ).catch((e: unknown) => e)) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe("op: the oauth1 private key could not be imported for RSASSA-PKCS1-v1_5");
    for (const text of [error.message, String(error), JSON.stringify(error)]) expect(text).not.toContain("c2VjcmV0");
    expect(server.requests).toHaveLength(0);
  });

  it("signs each attempt afresh: a retry gets a new nonce and a valid signature", async () => {
    server.reply({ status: 503 }, { status: 200, body: "{}" });
    await testCore(
      { baseUrl: server.url, oauth1: SECRETS, maxRetries: 1 },
      { baseUrl: server.url, variables: {} },
    ).call({ ...base, auth: { type: "oauth1", addParamsToHeader: true } }, {});
    const [first, second] = server.requests.map((r) => verifyOAuth1(r, server.url, SECRETS));
    expect([first!.ok, second!.ok]).toEqual([true, true]);
    expect(first!.params["oauth_nonce"]).not.toBe(second!.params["oauth_nonce"]);
  });
});

function createHashBase64(algorithm: string, text: string): string {
  return createHash(algorithm).update(text).digest("base64");
}
