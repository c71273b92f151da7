// JWTs as the client makes them: every algorithm verified by jose (which Postman signs with), the
// same token as jose's SignJWT where the signature is deterministic, and Postman's placements.
import { generateKeyPairSync, type KeyObject } from "node:crypto";
import { compactVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import type { JwtSpec } from "../../src/runtime/spec.js";
import type { RecordedRequest } from "../../src/testkit/recording-server.js";
import { testOperation } from "../helpers/operation.js";
import { received, useRecordingServer } from "../helpers/recording.js";

const server = useRecordingServer();

const base = testOperation({
  method: "GET",
  path: "/",
  args: [{ arg: "token", name: "token", in: "query", required: false }],
});

async function send(
  auth: Omit<JwtSpec, "type">,
  options: ClientOptions<object> = {},
  args: unknown = {},
): Promise<RecordedRequest> {
  return received(server, { ...base, auth: { type: "jwt", ...auth } }, args, { maxRetries: 0, ...options });
}

const tokenOf = (request: RecordedRequest) => String(request.headers.authorization).replace(/^Bearer /, "");
const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 });
const curves: Record<string, { privateKey: KeyObject; publicKey: KeyObject }> = {
  "256": generateKeyPairSync("ec", { namedCurve: "P-256" }),
  "384": generateKeyPairSync("ec", { namedCurve: "P-384" }),
  "512": generateKeyPairSync("ec", { namedCurve: "P-521" }),
};
const pem = (key: KeyObject, type: "pkcs8" | "pkcs1" = "pkcs8") => key.export({ type, format: "pem" }).toString();
const PAYLOAD = '{"sub": "{{user}}", "admin": true, "n": 1}';

describe("verified by jose", () => {
  it.each(["HS256", "HS384", "HS512"])("%s with a secret", async (algorithm) => {
    const request = await send(
      { algorithm, secret: "{{jwt_secret}}", payload: PAYLOAD, header: '{"typ": "JWT", "kid": "k1"}' },
      { variables: { jwt_secret: "a-secret-of-32-bytes-or-more-....", user: "ü" } },
    );
    const { protectedHeader, payload } = await compactVerify(
      tokenOf(request),
      new TextEncoder().encode("a-secret-of-32-bytes-or-more-...."),
    );
    expect(protectedHeader).toEqual({ typ: "JWT", kid: "k1", alg: algorithm });
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual({ sub: "ü", admin: true, n: 1 });
  });

  it.each(["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"])("%s with a PEM private key", async (algorithm) => {
    const request = await send(
      { algorithm, payload: PAYLOAD },
      { jwt: { privateKey: pem(rsa.privateKey) }, variables: { user: "u" } },
    );
    const { protectedHeader } = await compactVerify(tokenOf(request), rsa.publicKey);
    expect(protectedHeader).toEqual({ alg: algorithm });
  });

  it.each(["256", "384", "512"])("ES%s with a PEM private key", async (bits) => {
    const request = await send(
      { algorithm: `ES${bits}`, payload: "{}" },
      { jwt: { privateKey: pem(curves[bits]!.privateKey) } },
    );
    expect((await compactVerify(tokenOf(request), curves[bits]!.publicKey)).protectedHeader).toEqual({
      alg: `ES${bits}`,
    });
  });

  it("can fail: a token signed with another secret is refused", async () => {
    const request = await send({ algorithm: "HS256", secret: "right-secret" });
    await expect(compactVerify(tokenOf(request), new TextEncoder().encode("wrong-secret"))).rejects.toThrow(
      /signature verification failed/,
    );
  });
});

describe("as Postman makes it", () => {
  it("HS256 and RS256 give the very token jose's SignJWT gives (PKCS #1 keys too)", async () => {
    const header = { typ: "JWT", alg: "HS256" };
    const claims = { sub: "u", admin: true, n: 1 };
    const hs = await send(
      { algorithm: "HS256", secret: "s3cret", payload: PAYLOAD, header: '{"typ": "JWT"}' },
      { variables: { user: "u" } },
    );
    expect(tokenOf(hs)).toBe(
      await new SignJWT(claims).setProtectedHeader(header).sign(new TextEncoder().encode("s3cret")),
    );
    const rs = await send(
      { algorithm: "RS256", payload: PAYLOAD },
      { jwt: { privateKey: pem(rsa.privateKey, "pkcs1") }, variables: { user: "u" } },
    );
    expect(tokenOf(rs)).toBe(await new SignJWT(claims).setProtectedHeader({ alg: "RS256" }).sign(rsa.privateKey));
  });

  it("a base64 secret is decoded first", async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252]);
    const request = await send({ algorithm: "HS256", secret: bytes.toString("base64"), isSecretBase64Encoded: true });
    await compactVerify(tokenOf(request), bytes);
  });

  it("refuses a secret marked base64 that is not, with a ValidationError quoting none of it", async () => {
    const secret = "not*base64*s3cr3t";
    const error: unknown = await send({ secret, isSecretBase64Encoded: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toBe("op: the JWT secret is marked base64-encoded but is not base64");
    for (const text of [String(error), JSON.stringify(error)]) expect(text).not.toContain("s3cr3t");
  });

  it("in a query parameter (replacing one of that name), or with another or no prefix", async () => {
    const query = await send({ secret: "s", addTokenTo: "queryParam", queryParamKey: "token" }, {}, { token: "stale" });
    expect(query.query.map(([k]) => k)).toEqual(["token"]);
    await compactVerify(query.query[0]![1], new TextEncoder().encode("s"));
    expect((await send({ secret: "s", headerPrefix: "JWT" })).headers.authorization).toMatch(/^JWT ey/);
    expect((await send({ secret: "s", headerPrefix: "" })).headers.authorization).toMatch(/^ey[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("without a secret or key, refuses the call or (jwt: null) goes unsigned; refuses a bad algorithm, payload or key without quoting secrets", async () => {
    await expect(send({ algorithm: "HS256" })).rejects.toThrow("the collection's auth needs a credential");
    expect((await send({ algorithm: "HS256" }, { jwt: null })).headers.authorization).toBeUndefined();
    await expect(send({ algorithm: "none", secret: "s" })).rejects.toThrow(
      'op: the JWT algorithm "none" is not one of',
    );
    await expect(send({ secret: "s", payload: "{not json" })).rejects.toThrow(
      "op: the JWT payload is not a JSON object",
    );
    const secret = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----";
    const error = (await send({ algorithm: "ES256" }, { jwt: { privateKey: secret } }).catch(
      (e: unknown) => e,
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    for (const text of [error.message, String(error), JSON.stringify(error)]) expect(text).not.toContain("c2VjcmV0");
  });
});
