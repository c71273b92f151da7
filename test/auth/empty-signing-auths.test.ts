// The auths the client computes (JWT, Digest, Hawk, AWS SigV4, EdgeGrid, OAuth 1.0a), declared by
// the collection with every credential field empty and given nothing by the caller, are refused
// before anything is sent, as an empty bearer token, API key or Basic pair is
// (left-out-credentials.test.ts): the old signers sent such a call unsigned, and the API answered
// 401. Each case loads a collection as generate does, builds the operation's spec as it is emitted,
// and calls the runtime against a recording server on 127.0.0.1.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { operationSpec } from "../../src/emit/client.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ApiModel } from "../../src/model/types.js";
import type { CredentialOption } from "../../src/runtime/auth.js";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import { startRecordingServer, type RecordingServer } from "../../src/testkit/recording-server.js";
import { runWith, testCommandLine } from "../command-line/helpers.js";
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
        item: [{ name: "Get thing", request: { method: "GET", url: "{{baseUrl}}/things" } }],
      },
    ],
  };
  return toModel(parseCollectionText("c.json", JSON.stringify(collection)));
}

function call(model: ApiModel, options: ClientOptions<object> = {}, headers?: Record<string, string>) {
  const core = testCore(options, { baseUrl: model.baseUrl, variables: { baseUrl: server.url } });
  return core.call(operationSpec(model.operations[0]!), {}, headers ? { headers } : undefined);
}

const refusal = (model: ApiModel, options: ClientOptions<object> = {}) =>
  call(model, options).then(
    () => undefined,
    (e: unknown) => e as ValidationError,
  );

/** What the old signers sent: each auth's own marks in a request that went out. */
const signed = () =>
  server.requests.map((r) => ({
    authorization: r.headers["authorization"],
    query: r.query.map(([k]) => k),
  }));

// Each auth with every credential field empty, the option that gives its credential, a credential
// for it, and the header the caller may send it in themselves (none where the parameters go in
// the query).
const RSA_KEY_TEXT = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----";
const EMPTY: Array<{
  type: string;
  fields: Record<string, string | boolean>;
  option: CredentialOption;
  given: ClientOptions<object>;
  header: boolean;
}> = [
  {
    type: "jwt",
    fields: { algorithm: "HS256", secret: "" },
    option: "jwt",
    given: { jwt: { secret: "s" } },
    header: true,
  },
  {
    type: "jwt",
    fields: { algorithm: "HS256", secret: "", addTokenTo: "queryParam", queryParamKey: "jwt" },
    option: "jwt",
    given: { jwt: { secret: "s" } },
    header: false,
  },
  // An RS algorithm's credential is the private key (the one given is never imported: refused first).
  {
    type: "jwt",
    fields: { algorithm: "RS256", privateKey: "" },
    option: "jwt",
    given: { jwt: { secret: "s" } },
    header: true,
  },
  {
    type: "digest",
    fields: { username: "", password: "" },
    option: "digest",
    given: { digest: { username: "u", password: "p" } },
    header: true,
  },
  {
    type: "hawk",
    fields: { authId: "", authKey: "" },
    option: "hawk",
    given: { hawk: { id: "i", key: "k" } },
    header: true,
  },
  {
    type: "awsv4",
    fields: { accessKey: "", secretKey: "" },
    option: "aws",
    given: { aws: { accessKeyId: "AKID", secretAccessKey: "s" } },
    header: true,
  },
  {
    type: "awsv4",
    fields: { accessKey: "", secretKey: "", addAuthDataToQuery: true },
    option: "aws",
    given: { aws: { accessKeyId: "AKID", secretAccessKey: "s" } },
    header: false,
  },
  {
    type: "edgegrid",
    fields: { accessToken: "", clientToken: "", clientSecret: "" },
    option: "edgegrid",
    given: { edgegrid: { accessToken: "a", clientToken: "c", clientSecret: "s" } },
    header: true,
  },
  {
    type: "oauth1",
    fields: { consumerKey: "", consumerSecret: "", addParamsToHeader: true },
    option: "oauth1",
    given: { oauth1: { consumerKey: "ck", consumerSecret: "cs" } },
    header: true,
  },
  {
    type: "oauth1",
    fields: { consumerKey: "", consumerSecret: "", addParamsToHeader: false },
    option: "oauth1",
    given: { oauth1: { consumerKey: "ck", consumerSecret: "cs" } },
    header: false,
  },
];

describe("a signing auth the collection declares and leaves empty", () => {
  for (const { type, fields, option, given, header } of EMPTY) {
    const name = `${type} ${JSON.stringify(fields)}`;

    it(`${name}: a call given no credential is refused, naming the option, and nothing is sent`, async () => {
      const model = load(type, fields);
      expect(model.warnings).toEqual([]);
      const error = await refusal(model);
      // On failure, what went out instead (the old signers sent the request unsigned).
      expect({ error: String(error), sent: signed() }).toEqual({
        error: `ValidationError: getThing: the collection's auth needs a credential: pass createClient({ ${option} }), or ${option}: null to send none`,
        sent: [],
      });
      expect(error).toBeInstanceOf(ValidationError);
      expect(error!.option).toBe(option);
      // The option gives it. The RS256 case's secret is no private key: still refused, for that.
      if (fields["algorithm"] === "RS256") return;
      await call(model, given);
      expect(server.requests).toHaveLength(1);
      if (type !== "digest") expect(JSON.stringify(signed())).not.toBe(JSON.stringify([{ query: [] }]));
    });

    it(`${name}: given as null, the call goes as it is, for an onRequest hook to sign`, async () => {
      await call(load(type, fields), {
        [option]: null,
        onRequest: (request: { headers: Headers }) => void request.headers.set("authorization", "from-hook"),
      });
      expect(signed()).toEqual([{ authorization: "from-hook", query: [] }]);
    });

    if (!header) continue;
    it(`${name}: the caller's own Authorization header (the client's, or the call's) is sent`, async () => {
      const model = load(type, fields);
      await call(model, { headers: { authorization: "client-given" } });
      await call(model, {}, { authorization: "call-given" });
      expect(signed()).toEqual([
        { authorization: "client-given", query: [] },
        { authorization: "call-given", query: [] },
      ]);
    });
  }
});

describe("a signing auth the collection fills partly", () => {
  // The collection's part (an id, a key: no secret; a variable) is kept; what is missing is named.
  const PARTLY: Array<{
    type: string;
    fields: Record<string, string | boolean>;
    option: CredentialOption;
    what: string;
  }> = [
    { type: "hawk", fields: { authId: "hawk-id", authKey: "" }, option: "hawk", what: "hawk: { key }" },
    {
      type: "awsv4",
      fields: { accessKey: "{{aws_key}}", secretKey: "" },
      option: "aws",
      what: "aws: { secretAccessKey }",
    },
    {
      type: "oauth1",
      fields: { consumerKey: "ck", consumerSecret: "", addParamsToHeader: true },
      option: "oauth1",
      what: "oauth1: { consumerSecret }",
    },
    {
      type: "edgegrid",
      fields: { accessToken: "", clientToken: "", clientSecret: "{{edgegrid_secret}}" },
      option: "edgegrid",
      what: "edgegrid: { clientToken, accessToken }",
    },
  ];
  for (const { type, fields, option, what } of PARTLY) {
    it(`${type} ${JSON.stringify(fields)}: refused, naming what is missing; nothing is sent`, async () => {
      const model = load(type, fields);
      const error = await refusal(model, { variables: { edgegrid_secret: "s", aws_key: "id" } });
      expect({ error: String(error), sent: signed() }).toEqual({
        error: `ValidationError: getThing: the collection's auth needs a credential: pass createClient({ ${what} }), or ${option}: null to send none`,
        sent: [],
      });
    });
  }

  it("a part given by the caller completes the collection's", async () => {
    const model = load("oauth1", { consumerKey: "ck", consumerSecret: "", addParamsToHeader: true });
    await call(model, { oauth1: { consumerSecret: "cs" } });
    expect(String(server.requests[0]!.headers["authorization"])).toMatch(/^OAuth .*oauth_consumer_key="ck"/);
  });
});

describe("the command line, on an operation whose signing auth is declared and left empty", () => {
  it("refuses a call without the credential, naming its environment variables and flags; they give it", async () => {
    const cli = testCommandLine([operationSpec(load("hawk", { authId: "", authKey: "" }).operations[0]!)], [], {
      name: "signed",
      envPrefix: "SIGNED",
    });
    const argv = ["things", "get-thing", "--base-url", server.url];
    const refused = await runWith(cli, argv);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "signed: getThing: the collection's auth needs a credential, and none was given\nGive them in the environment variables SIGNED_HAWK_ID and SIGNED_HAWK_KEY, or with --hawk-id and --hawk-key (flags other users of the machine can see); or --no-auth to send none.\n",
    );
    expect(server.requests).toEqual([]);
    const ran = await runWith(cli, argv, { env: { SIGNED_HAWK_ID: "i", SIGNED_HAWK_KEY: "k" } });
    expect(ran.code).toBe(0);
    expect(String(server.requests[0]!.headers["authorization"])).toMatch(/^Hawk id="i", /);
  });

  // A dry run shows what would be sent: the simple auths print a placeholder where the credential
  // goes; a signing auth was refused instead, where it can sign with placeholders as well.
  for (const { type, fields } of EMPTY)
    it(`${type} ${JSON.stringify(fields)}: --dry-run prints the request, signed with placeholders, masked`, async () => {
      const cli = testCommandLine([operationSpec(load(type, fields).operations[0]!)], [], {
        name: "signed",
        envPrefix: "SIGNED",
      });
      const ran = await runWith(cli, ["things", "get-thing", "--dry-run", "--base-url", server.url]);
      expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 0, stderr: "" });
      expect(ran.stdout).toMatch(/^curl /);
      expect(ran.stdout).not.toContain("dry-run-credential");
      // The header a signer sets is masked whole, as one signed with the credentials given is.
      if (type === "hawk") expect(ran.stdout).toContain("-H 'authorization: ***'");
      expect(server.requests).toEqual([]);
    });

  it("OAuth 1.0a refused names the flags of the parts missing only, not those given nor the optional ones", async () => {
    const cli = testCommandLine(
      [operationSpec(load("oauth1", { consumerKey: "", consumerSecret: "", addParamsToHeader: true }).operations[0]!)],
      [],
      { name: "signed", envPrefix: "SIGNED" },
    );
    const argv = ["things", "get-thing", "--base-url", server.url];
    const some = await runWith(cli, [...argv, "--consumer-key", "ck"]);
    expect(some.code).toBe(2);
    expect(some.stderr).toBe(
      "signed: getThing: the collection's auth needs a credential, and none was given\nGive it in the environment variable SIGNED_CONSUMER_SECRET, or with --consumer-secret (a flag other users of the machine can see); or --no-auth to send none.\n",
    );
    // None given: the two it needs, not --oauth1-token and --token-secret, which it signs without.
    const none = await runWith(cli, argv);
    expect(none.stderr).toContain(
      "Give them in the environment variables SIGNED_CONSUMER_KEY and SIGNED_CONSUMER_SECRET, or with --consumer-key and --consumer-secret (flags",
    );
    expect(server.requests).toEqual([]);
  });
});
