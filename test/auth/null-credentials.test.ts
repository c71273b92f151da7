// A credential option given as `null` means no auth at all, for every auth that takes one: nothing
// is sent for it, not the collection's own credentials (`{{variables}}` with values), and no OAuth
// 2.0 grant is run. The signers (JWT, Digest, Hawk, AWS SigV4, EdgeGrid, OAuth 1.0a) once signed
// with the collection's credentials where the simple auths sent none, and `token: null` ran the
// collection's grant. Each case loads a collection as generate does, builds the operation's spec as
// it is emitted, and calls the runtime against a recording server on 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { operationSpec } from "../../src/emit/client.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ApiModel } from "../../src/model/types.js";
import type { CredentialOption } from "../../src/runtime/auth.js";
import type { ClientOptions } from "../../src/runtime/core.js";
import { startRecordingServer, type RecordingServer } from "../../src/testkit/recording-server.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(async () => {
  await server?.close();
});
beforeEach(() => server.reset());

const params = (values: Record<string, string | boolean>) =>
  Object.entries(values).map(([key, value]) => ({ key, value }));

function load(type: string, fields: Record<string, string | boolean>): ApiModel {
  const collection = {
    info: { name: "Signed", schema: V21 },
    variable: [{ key: "baseUrl", value: server.url }],
    item: [
      {
        name: "Things",
        auth: { type, [type]: params(fields) },
        item: [{ name: "Get thing", request: { method: "POST", url: "{{baseUrl}}/things" } }],
      },
    ],
  };
  return toModel(parseCollectionText("c.json", JSON.stringify(collection)));
}

/** The collection's credentials, as the app gives their `{{variables}}` (the generator keeps no secret). */
const VARIABLES = { cred_a: "collection-a", cred_b: "collection-b", cred_c: "collection-c" };

function call(model: ApiModel, options: ClientOptions<object>) {
  const core = testCore(options, {
    baseUrl: model.baseUrl,
    variables: { baseUrl: server.url, ...VARIABLES },
  });
  return core.call(operationSpec(model.operations[0]!), {});
}

/** What the server got: the method and path of each request, and every header or query pair an auth might set. */
const sent = () =>
  server.requests.map((r) => ({
    request: `${r.method} ${r.path}`,
    auth: Object.keys(r.headers).filter((name) => /^(authorization|x-amz-)/.test(name)),
    query: r.query.map(([k]) => k),
  }));

// Each auth with its credentials in the collection's variables (which have values), and the
// option that declines it.
const FILLED: Array<{ type: string; fields: Record<string, string | boolean>; option: CredentialOption }> = [
  { type: "bearer", fields: { token: "{{cred_a}}" }, option: "token" },
  { type: "apikey", fields: { key: "X-Api-Key", value: "{{cred_a}}", in: "query" }, option: "apiKey" },
  { type: "basic", fields: { username: "{{cred_a}}", password: "{{cred_b}}" }, option: "basic" },
  { type: "jwt", fields: { algorithm: "HS256", secret: "{{cred_a}}" }, option: "jwt" },
  { type: "jwt", fields: { algorithm: "HS256", secret: "{{cred_a}}", addTokenTo: "queryParam" }, option: "jwt" },
  { type: "digest", fields: { username: "{{cred_a}}", password: "{{cred_b}}" }, option: "digest" },
  { type: "hawk", fields: { authId: "{{cred_a}}", authKey: "{{cred_b}}" }, option: "hawk" },
  { type: "awsv4", fields: { accessKey: "{{cred_a}}", secretKey: "{{cred_b}}" }, option: "aws" },
  {
    type: "awsv4",
    fields: { accessKey: "{{cred_a}}", secretKey: "{{cred_b}}", addAuthDataToQuery: true },
    option: "aws",
  },
  {
    type: "edgegrid",
    fields: { accessToken: "{{cred_a}}", clientToken: "{{cred_b}}", clientSecret: "{{cred_c}}" },
    option: "edgegrid",
  },
  {
    type: "oauth1",
    fields: { consumerKey: "{{cred_a}}", consumerSecret: "{{cred_b}}", addParamsToHeader: true },
    option: "oauth1",
  },
  {
    type: "oauth1",
    fields: { consumerKey: "{{cred_a}}", consumerSecret: "{{cred_b}}", addParamsToHeader: false },
    option: "oauth1",
  },
];

describe("an auth whose credentials the collection has, its option given as null", () => {
  for (const { type, fields, option } of FILLED) {
    it(`${type} ${JSON.stringify(fields)}: sends no auth, the collection's credentials neither`, async () => {
      const model = load(type, fields);
      expect(model.warnings).toEqual([]);
      // Digest signs only in answer to the server's challenge: each call is asked for one.
      const challenge = () =>
        type === "digest" &&
        server.reply(
          { status: 401, headers: { "www-authenticate": 'Digest realm="r", nonce="n1", qop="auth"' } },
          // The last reply is the answer to every request after it.
          { status: 200, headers: { "content-type": "application/json" }, body: "{}" },
        );
      // Left out, the collection's credentials are used: what null must not send.
      challenge();
      await call(model, {});
      expect(JSON.stringify(sent())).not.toContain(
        JSON.stringify({ request: "POST /things", auth: [], query: [] }) + "]",
      );
      server.reset();
      challenge();
      // Digest's challenge is not answered: the 401 is the caller's.
      await call(model, { [option]: null }).catch((error: unknown) => {
        if (type !== "digest") throw error;
      });
      expect(sent()).toEqual([{ request: "POST /things", auth: [], query: [] }]);
    });
  }
});

describe("an OAuth 2.0 grant, token given as null", () => {
  const grant = (tokenUrl: string) =>
    load("oauth2", {
      grant_type: "client_credentials",
      accessTokenUrl: tokenUrl,
      clientId: "{{cred_a}}",
      clientSecret: "{{cred_b}}",
    });

  it("runs no grant and sends no token", async () => {
    const model = grant(`${server.url}/token`);
    expect(model.operations[0]!.auth).toMatchObject({ type: "oauth2", grant: "client_credentials" });
    await call(model, { token: null });
    // The old client asked the token endpoint (here the same server) before the call.
    expect(sent()).toEqual([{ request: "POST /things", auth: [], query: [] }]);
  });

  it("a hook sends the caller's own token instead", async () => {
    await call(grant(`${server.url}/token`), {
      token: null,
      onRequest: (request: { headers: Headers }) => void request.headers.set("authorization", "Bearer from-hook"),
    });
    expect(server.requests.map((r) => [r.path, r.headers["authorization"]])).toEqual([["/things", "Bearer from-hook"]]);
  });
});
