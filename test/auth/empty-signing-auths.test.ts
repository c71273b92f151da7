// The auths the client computes (JWT, Digest, Hawk, AWS SigV4, EdgeGrid, OAuth 1.0a), declared by
// the collection with every credential field empty and given nothing by the caller, are refused
// before anything is sent, as an empty bearer token, API key or Basic pair is
// (left-out-credentials.test.ts): the old signers sent such a call unsigned, and the API answered
// 401. Each case loads a collection as generate does, builds the operation's spec as it is emitted,
// and calls the runtime against a recording server on 127.0.0.1.
import { describe, expect, it } from "vitest";
import { authOptions } from "../../src/command-line/credentials.js";
import { operationSpec } from "../../src/emit/client.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ApiModel } from "../../src/model/types.js";
import type { CredentialOption } from "../../src/runtime/auth.js";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import { runWith, testCommandLine } from "../command-line/helpers.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

const server = useRecordingServer();

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

  // The same where the collection writes the credentials as {{variables}} left without values (a
  // team's collection, its environment variables unset): each variable takes the placeholder, a
  // private key one made for the run; an id (Hawk's) too, as the flags read it from the environment.
  const BY_VARIABLE: Array<[string, Record<string, string>]> = [
    ["hawk", { authId: "{{hawk_id}}", authKey: "{{hawk_key}}", algorithm: "sha256" }],
    ["jwt", { algorithm: "ES256", privateKey: "{{jwt_key}}", payload: "{}", addTokenTo: "header" }],
    ["oauth1", { signatureMethod: "RSA-SHA256", consumerKey: "{{ck}}", privateKey: "{{pk}}" }],
    ["digest", { username: "{{du}}", password: "{{dp}}" }],
    ["awsv4", { accessKey: "{{aws_key}}", secretKey: "{{aws_secret}}", region: "us-east-1", service: "s3" }],
    ["edgegrid", { accessToken: "{{at}}", clientToken: "{{ct}}", clientSecret: "{{cs}}" }],
  ];
  for (const [type, fields] of BY_VARIABLE)
    it(`${type} with {{variables}} without values: --dry-run prints the request with placeholders`, async () => {
      const cli = testCommandLine([operationSpec(load(type, fields).operations[0]!)], [], {
        name: "signed",
        envPrefix: "SIGNED",
      });
      const ran = await runWith(cli, ["things", "get-thing", "--dry-run", "--base-url", server.url]);
      expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 0, stderr: "" });
      expect(ran.stdout).toMatch(/^curl /);
      expect(ran.stdout).not.toContain("dry-run-credential");
      expect(server.requests).toEqual([]);
    });

  it("a secret variable written unquoted in a JSON body: --dry-run sends a JSON placeholder, masked", async () => {
    const collection = {
      info: { name: "Signed", schema: V21 },
      item: [
        {
          name: "Set pin",
          request: {
            method: "POST",
            url: `${server.url}/pin`,
            body: { mode: "raw", raw: '{"pin": {{secret_pin}}, "n": 3}', options: { raw: { language: "json" } } },
          },
        },
      ],
    };
    const model = toModel(parseCollectionText("c.json", JSON.stringify(collection)));
    const cli = testCommandLine([operationSpec(model.operations[0]!)], [], {
      name: "signed",
      envPrefix: "SIGNED",
      secretVariables: ["secret_pin"],
    });
    const ran = await runWith(cli, ["set-pin", "--dry-run"]);
    expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 0, stderr: "" });
    // The literal 3 is an example, sent only when passed; the pin goes as a JSON string placeholder.
    expect(ran.stdout).toContain(`--data-raw '{"pin":"***"}'`);
    expect(server.requests).toEqual([]);
  });

  // Some of a signing auth's flags (those a call needs together, CREDENTIAL_SETS): a call is refused
  // naming the rest, before anything is sent; a dry run signs with placeholders for the rest, the
  // flags' parts kept, as it does with none of them, and as OAuth 1.0a's --consumer-key alone.
  const SOME: Array<{ type: string; fields: Record<string, string | boolean>; flags: string[]; refusal: string }> = [
    {
      type: "hawk",
      fields: { authId: "", authKey: "" },
      flags: ["--hawk-id", "my-hawk-id"],
      refusal: "hawk needs --hawk-id, --hawk-key together; missing --hawk-key",
    },
    {
      type: "hawk",
      fields: { authId: "", authKey: "" },
      flags: ["--hawk-key", "my-hawk-key"],
      refusal: "hawk needs --hawk-id, --hawk-key together; missing --hawk-id",
    },
    {
      type: "awsv4",
      fields: { accessKey: "", secretKey: "" },
      flags: ["--access-key-id", "AKIDGIVEN"],
      refusal: "awsv4 needs --access-key-id, --secret-access-key together; missing --secret-access-key",
    },
    {
      type: "awsv4",
      fields: { accessKey: "", secretKey: "", addAuthDataToQuery: true },
      flags: ["--secret-access-key", "my-aws-secret"],
      refusal: "awsv4 needs --access-key-id, --secret-access-key together; missing --access-key-id",
    },
    {
      type: "edgegrid",
      fields: { accessToken: "", clientToken: "", clientSecret: "" },
      flags: ["--client-token", "my-client-token", "--client-secret", "my-client-secret"],
      refusal: "edgegrid needs --client-token, --client-secret, --access-token together; missing --access-token",
    },
  ];
  for (const { type, fields, flags, refusal } of SOME)
    it(`${type} given ${flags.filter((f) => f.startsWith("--")).join(", ")} only: a call is refused; --dry-run signs with placeholders`, async () => {
      const cli = testCommandLine([operationSpec(load(type, fields).operations[0]!)], [], {
        name: "signed",
        envPrefix: "SIGNED",
      });
      const argv = ["things", "get-thing", "--base-url", server.url, ...flags];
      const refused = await runWith(cli, argv);
      expect({ code: refused.code, stderr: refused.stderr }).toEqual({
        code: 2,
        stderr: `signed: ${refusal}\nRun 'signed things get-thing --help' for usage.\n`,
      });
      const ran = await runWith(cli, [...argv, "--dry-run"]);
      expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 0, stderr: "" });
      expect(ran.stdout).toMatch(/^curl /);
      expect(ran.stdout).not.toContain("dry-run-credential");
      // A secret given is masked; the request is signed (the header a signer sets, masked whole).
      for (const secret of ["my-hawk-key", "my-aws-secret", "my-client-token", "my-client-secret"])
        expect(ran.stdout).not.toContain(secret);
      if (fields["addAuthDataToQuery"]) expect(ran.stdout).toMatch(/X-Amz-Signature=/);
      else expect(ran.stdout).toContain("-H 'authorization: ***'");
      expect(server.requests).toEqual([]);
    });

  it("the flags' parts of a signing auth are passed as given, for a dry run to sign with beside placeholders", () => {
    const optionsOf = (type: string, given: Record<string, string>) =>
      authOptions(operationSpec(load(type, {}).operations[0]!), new Map(Object.entries(given)));
    expect(optionsOf("hawk", { "hawk-id": "i" })).toEqual({ hawk: { id: "i" } });
    expect(optionsOf("awsv4", { "access-key-id": "AKID" })).toEqual({ aws: { accessKeyId: "AKID" } });
    expect(optionsOf("edgegrid", { "client-token": "c" })).toEqual({ edgegrid: { clientToken: "c" } });
    // A session token alone is no part of the set: not passed, as before.
    expect(optionsOf("awsv4", { "session-token": "t" })).toEqual({});
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

// A credential option given as `null` means no auth at all, for every auth that takes one: nothing
// is sent for it, not the collection's own credentials (`{{variables}}` with values), and no OAuth
// 2.0 grant is run. The signers once signed with the collection's credentials where the simple
// auths (the control cases here) sent none, and `token: null` ran the collection's grant.

/** The collection's credentials, as the app gives their `{{variables}}` (the generator keeps no secret). */
const VARIABLES = { cred_a: "collection-a", cred_b: "collection-b", cred_c: "collection-c" };

/** What the server got: the method and path of each request, and every header or query pair an auth might set. */
const sentAuth = () =>
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
      await call(model, { variables: VARIABLES });
      expect(JSON.stringify(sentAuth())).not.toContain(
        JSON.stringify({ request: "GET /things", auth: [], query: [] }) + "]",
      );
      server.reset();
      challenge();
      // Digest's challenge is not answered: the 401 is the caller's.
      await call(model, { [option]: null, variables: VARIABLES }).catch((error: unknown) => {
        if (type !== "digest") throw error;
      });
      expect(sentAuth()).toEqual([{ request: "GET /things", auth: [], query: [] }]);
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
    await call(model, { token: null, variables: VARIABLES });
    // The old client asked the token endpoint (here the same server) before the call.
    expect(sentAuth()).toEqual([{ request: "GET /things", auth: [], query: [] }]);
  });

  it("a hook sends the caller's own token instead", async () => {
    await call(grant(`${server.url}/token`), {
      token: null,
      variables: VARIABLES,
      onRequest: (request: { headers: Headers }) => void request.headers.set("authorization", "Bearer from-hook"),
    });
    expect(server.requests.map((r) => [r.path, r.headers["authorization"]])).toEqual([["/things", "Bearer from-hook"]]);
  });
});
