// A credential the collection writes out is left out of the client (a secret never reaches an
// emitted file), but the request must not then go out unauthenticated: the client asks the caller
// for it, and a call without it is refused before anything is sent, as for a `{{token}}` without a
// value. Each case loads a collection, builds the operation's spec as the generator emits it, and
// calls the runtime against a recording server; the command line is run on the same spec.
import { describe, expect, it } from "vitest";
import { AUTH_OPTIONS } from "../../src/emit/auth-options.js";
import { operationSpec } from "../../src/emit/client.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ApiModel } from "../../src/model/types.js";
import type { ClientOptions } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { runWith, testCommandLine } from "../command-line/helpers.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const SECRET = "sk_live_WRITTEN_OUT_4f2a";

const server = useRecordingServer();

const params = (values: Record<string, string>) => Object.entries(values).map(([key, value]) => ({ key, value }));

/** A collection whose folder holds `auth` and one request in it, loaded as generate loads it. */
function load(auth: object): ApiModel {
  const collection = {
    info: { name: "Keyed", schema: V21 },
    variable: [{ key: "baseUrl", value: server.url }],
    item: [
      { name: "Things", auth, item: [{ name: "Get thing", request: { method: "GET", url: "{{baseUrl}}/things" } }] },
    ],
  };
  return toModel(parseCollectionText("c.json", JSON.stringify(collection)));
}

function client(model: ApiModel, options: ClientOptions<object> = {}) {
  const variables = Object.fromEntries(
    model.variables.flatMap((v) => (v.default === undefined ? [] : [[v.name, v.default]])),
  );
  const spec = operationSpec(model.operations[0]!);
  const core = testCore(options, { baseUrl: model.baseUrl, variables });
  return { spec, call: () => core.call(spec, {}) };
}

/** Each auth type with a credential that can be written out, and the client option that gives it. */
const CASES: Array<{ type: string; auth: Record<string, string>; variable: string; option: ClientOptions<object> }> = [
  { type: "bearer", auth: { token: SECRET }, variable: "bearer.token", option: { token: "given" } },
  { type: "apikey", auth: { key: "X-Api-Key", value: SECRET }, variable: "apikey.value", option: { apiKey: "given" } },
  {
    type: "apikey",
    auth: { key: "api_key", value: SECRET, in: "query" },
    variable: "apikey.value",
    option: { apiKey: "given" },
  },
  {
    type: "basic",
    auth: { username: "bob", password: SECRET },
    variable: "basic.password",
    option: { basic: { username: "bob", password: "given" } },
  },
  { type: "oauth2", auth: { accessToken: SECRET }, variable: "oauth2.accessToken", option: { token: "given" } },
  {
    type: "oauth2",
    auth: { accessToken: SECRET, addTokenTo: "queryParams" },
    variable: "oauth2.accessToken",
    option: { token: "given" },
  },
  {
    type: "digest",
    auth: { username: "bob", password: SECRET },
    variable: "digest.password",
    option: { digest: { username: "bob", password: "given" } },
  },
  {
    type: "oauth1",
    auth: { consumerKey: "ck", consumerSecret: SECRET },
    variable: "oauth1.consumerSecret",
    option: { oauth1: { consumerSecret: "given" } },
  },
  {
    type: "hawk",
    auth: { authId: "id", authKey: SECRET },
    variable: "hawk.authKey",
    option: { hawk: { id: "id", key: "given" } },
  },
  {
    type: "awsv4",
    auth: { accessKey: "AKIDEXAMPLE", secretKey: SECRET, region: "us-east-1" },
    variable: "awsv4.accessKey",
    option: { aws: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "given" } },
  },
  { type: "jwt", auth: { secret: SECRET }, variable: "jwt.secret", option: { jwt: { secret: "given" } } },
  {
    type: "edgegrid",
    auth: { accessToken: SECRET, clientToken: SECRET, clientSecret: SECRET },
    variable: "edgegrid.accessToken",
    option: { edgegrid: { accessToken: "a", clientToken: "c", clientSecret: "given" } },
  },
];

describe("a credential written out in the collection", () => {
  for (const { type, auth, variable, option } of CASES) {
    const name = `${type} ${JSON.stringify(auth).replaceAll(SECRET, "…")}`;

    it(`${name}: a call without it is refused, naming the option and the variable to pass, and nothing is sent`, async () => {
      const model = load({ type, [type]: params(auth) });
      expect(JSON.stringify(model)).not.toContain(SECRET);
      const error = await client(model)
        .call()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ValidationError);
      // The client option that gives it, by its name in the README's options table.
      const named = Object.keys(option)[0] as keyof typeof AUTH_OPTIONS;
      expect(AUTH_OPTIONS[named].types).toContain(type);
      expect((error as Error).message).toBe(
        `getThing: variable {{${variable}}} has no value: pass it as createClient({ ${named} }) or createClient({ variables: { ${JSON.stringify(variable)}: … } })`,
      );
      expect(server.requests).toEqual([]);
      expect(model.warnings.map((w) => w.message)).toContain(
        `the ${type} auth holds a literal ${variable.split(".")[1]}; secrets are not copied into the client, which asks for it at run time: pass it as a client option or as variables: { ${JSON.stringify(variable)}: … }`,
      );
    });

    // Digest answers a challenge first; the others sign the first request.
    if (type === "digest") continue;
    it(`${name}: the client option gives it`, async () => {
      await client(load({ type, [type]: params(auth) }), option).call();
      expect(server.requests).toHaveLength(1);
      const { headers, query } = server.requests[0]!;
      const sent = JSON.stringify([headers["authorization"], headers["x-api-key"], query]);
      expect(sent).not.toContain(SECRET);
      expect(headers["authorization"] ?? headers["x-api-key"] ?? query.length).toBeTruthy();
    });
  }

  it("the variable named after it gives it too", async () => {
    const model = load({ type: "apikey", apikey: params({ key: "X-Api-Key", value: SECRET }) });
    await client(model, { variables: { "apikey.value": "by-variable" } }).call();
    expect(server.requests[0]!.headers["x-api-key"]).toBe("by-variable");
  });
});

describe("an auth the collection declares and leaves empty", () => {
  // The client option each takes (AuthOptions), the header it is sent in (none for the query).
  const EMPTY = [
    { auth: { type: "bearer", bearer: params({ token: "" }) }, option: "token", header: "authorization" },
    // Zoom's: an OAuth 2.0 auth with nothing filled in, a bearer token to the client.
    { auth: { type: "oauth2" }, option: "token", header: "authorization" },
    {
      auth: { type: "apikey", apikey: params({ key: "X-Api-Key", value: "" }) },
      option: "apiKey",
      header: "x-api-key",
    },
    { auth: { type: "apikey", apikey: params({ key: "api_key", value: "", in: "query" }) }, option: "apiKey" },
    // A Basic auth with neither part is no such auth: Postman sends `Basic Og==` (newman-wire.test.ts).
  ] as Array<{ auth: object; option: "token" | "apiKey" | "basic"; header?: string }>;
  const given = (option: string): ClientOptions<object> =>
    option === "basic" ? { basic: { username: "u", password: "p" } } : { [option]: "given" };

  for (const { auth, option, header } of EMPTY) {
    const name = JSON.stringify(auth);

    it(`${name}: a call given no credential is refused, naming the option, and nothing is sent`, async () => {
      const model = load(auth);
      expect(model.warnings).toEqual([]);
      const { spec, call } = client(model);
      expect(AUTH_OPTIONS[option].types).toContain(spec.auth!.type);
      const error = await call().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).option).toBe(option);
      expect((error as Error).message).toBe(
        `getThing: the collection's auth needs a credential: pass createClient({ ${option} }), or ${option}: null to send none`,
      );
      expect(server.requests).toEqual([]);
      // The option gives it.
      await client(model, given(option)).call();
      expect(server.requests).toHaveLength(1);
    });

    it(`${name}: given as null, the call goes as an onRequest hook signs it`, async () => {
      const sign = (request: { url: URL; headers: Headers }) => {
        if (header) request.headers.set(header, "from-hook");
        else request.url.search = "api_key=from-hook";
      };
      await client(load(auth), { [option]: null, onRequest: sign }).call();
      expect(server.requests).toHaveLength(1);
      const sent = server.requests[0]!;
      expect(header ? sent.headers[header] : sent.query).toEqual(header ? "from-hook" : [["api_key", "from-hook"]]);
    });

    if (!header) continue;
    it(`${name}: the caller's own ${header} header (the client's, or the call's) is sent`, async () => {
      const model = load(auth);
      await client(model, { headers: { [header]: "client-given" } }).call();
      const core = testCore({}, { baseUrl: model.baseUrl, variables: { baseUrl: server.url } });
      await core.call(client(model).spec, {}, { headers: { [header]: "call-given" } });
      expect(server.requests.map((r) => r.headers[header])).toEqual(["client-given", "call-given"]);
    });
  }
});

describe("an auth whose credential is a {{variable}} without a value", () => {
  // `null`: none, on purpose; the collection's variable is not asked for, nothing is sent for it.
  const NULLED = [
    { auth: { type: "bearer", bearer: params({ token: "{{token}}" }) }, option: { token: null } },
    { auth: { type: "oauth2", oauth2: params({ accessToken: "{{token}}" }) }, option: { token: null } },
    {
      auth: { type: "apikey", apikey: params({ key: "X-Api-Key", value: "{{key}}" }) },
      option: { apiKey: null },
    },
    {
      auth: { type: "basic", basic: params({ username: "{{user}}", password: "{{pass}}" }) },
      option: { basic: null },
    },
  ] as Array<{ auth: object; option: ClientOptions<object> }>;

  for (const { auth, option } of NULLED) {
    it(`${JSON.stringify(auth)}: given as null, the call goes without a credential`, async () => {
      await client(load(auth), option).call();
      expect(server.requests).toHaveLength(1);
      const { headers, query } = server.requests[0]!;
      expect([headers["authorization"], headers["x-api-key"], query]).toEqual([undefined, undefined, []]);
    });
  }
});

describe("an API key whose name is a {{variable}} without a value", () => {
  const auth = (value: string, where?: string) => ({
    type: "apikey",
    apikey: params({ key: "{{headerName}}", value, ...(where ? { in: where } : {}) }),
  });

  for (const where of [undefined, "query"]) {
    it(`in ${where ?? "a header"}, without a key: refused for the credential, not for the name's variable`, async () => {
      const error = await client(load(auth("", where)))
        .call()
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).option).toBe("apiKey");
      expect(server.requests).toEqual([]);
    });

    it(`in ${where ?? "a header"}, apiKey: null: sent without one, the name not asked for`, async () => {
      await client(load(auth("{{key}}", where)), { apiKey: null }).call();
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0]!.query).toEqual([]);
    });
  }

  it("with a key, the name's variable is still asked for", async () => {
    const error = await client(load(auth("")), { apiKey: "given" })
      .call()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect((error as ValidationError).missing?.variable).toBe("headerName");
    expect(server.requests).toEqual([]);
  });
});

describe("the command line, on an operation whose auth is declared and left empty", () => {
  const cli = (auth: object) =>
    testCommandLine([operationSpec(load(auth).operations[0]!)], [], { name: "keyed", envPrefix: "KEYED" });

  it("refuses a call without the credential, naming its environment variable and flag; the variable gives it", async () => {
    // Zoom's OAuth 2.0 auth with nothing in it: an unset token must fail here, not at the API.
    const argv = ["things", "get-thing", "--base-url", server.url];
    const refused = await runWith(cli({ type: "oauth2" }), argv);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      "keyed: getThing: the collection's auth needs a credential, and none was given\nGive it in the environment variable KEYED_TOKEN, or with --token (a flag other users of the machine can see); or --no-auth to send none.\n",
    );
    expect(server.requests).toEqual([]);
    const ran = await runWith(cli({ type: "oauth2" }), argv, { env: { KEYED_TOKEN: "from-env" } });
    expect(ran.code).toBe(0);
    expect(server.requests.map((r) => r.headers["authorization"])).toEqual(["Bearer from-env"]);
    // Basic takes two flags. (A spec's Basic auth without a username: the loader gives every
    // Basic auth one now, as Postman sends `Basic Og==` for a pair with neither part.)
    const spec = operationSpec(load({ type: "basic", basic: params({ username: "u" }) }).operations[0]!);
    const basicCli = testCommandLine([{ ...spec, auth: { type: "basic" } }], [], { name: "keyed", envPrefix: "KEYED" });
    const basic = await runWith(basicCli, argv);
    expect(basic.stderr).toContain(
      "Give them in the environment variables KEYED_USERNAME and KEYED_PASSWORD, or with --username and --password (flags other users of the machine can see); or --no-auth to send none.",
    );
  });
});

describe("the command line, on an operation whose API key was written out", () => {
  const cli = () => {
    const model = load({ type: "apikey", apikey: params({ key: "X-Api-Key", value: SECRET }) });
    const spec: OperationSpec = operationSpec(model.operations[0]!);
    return testCommandLine([spec], [], { name: "keyed", envPrefix: "KEYED" });
  };

  it("without the key a call fails and says how to give it; --dry-run prints *** where it goes", async () => {
    // A dry run shows the request, a credential not given as `***` (its help says so), as for an
    // empty auth; the call itself is refused before anything is sent.
    const dry = await runWith(cli(), ["things", "get-thing", "--dry-run", "--base-url", server.url]);
    expect({ code: dry.code, stderr: dry.stderr }).toEqual({ code: 0, stderr: "" });
    expect(dry.stdout).toContain("-H 'x-api-key: ***'");
    expect(dry.stdout).not.toContain("dry-run-credential");
    const ran = await runWith(cli(), ["things", "get-thing", "--base-url", server.url]);
    expect(ran.code).toBe(2);
    expect(ran.stdout).toBe("");
    expect(ran.stderr).toContain("variable {{apikey.value}} has no value");
    expect(ran.stderr).toContain(
      "Give it in the environment variable KEYED_API_KEY, or with --api-key or --variable 'apikey.value=…'",
    );
    expect(server.requests).toEqual([]);
  });

  it("--api-key gives it, masked in --dry-run", async () => {
    const ran = await runWith(cli(), [
      "things",
      "get-thing",
      "--dry-run",
      "--base-url",
      server.url,
      "--api-key",
      "given-key-123",
    ]);
    expect(ran.stderr).toBe("");
    expect(ran.code).toBe(0);
    expect(ran.stdout).toContain("-H 'x-api-key: ***'");
    expect(ran.stdout).not.toContain("given-key-123");
  });
});

describe("a JWT auth's header or payload field written out as a credential", () => {
  // The field's value is signed into every token: it is a secret as a credential parameter is.
  const jwt = (payload: string, header = '{"typ": "JWT", "kid": "k1"}') =>
    load({
      type: "jwt",
      jwt: params({ algorithm: "HS256", secret: "{{jwt_secret}}", payload, header }),
    });
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString("utf8")) as Record<string, unknown>;

  it("is left out of the client, which refuses a call without it, and is asked for by its place", async () => {
    const model = jwt(
      `{"sub": "bob", "api_secret": "${SECRET}", "exp": {{exp}}}`,
      `{"kid": "k1", "x-api-key": "${SECRET}"}`,
    );
    expect(JSON.stringify(model)).not.toContain(SECRET);
    expect(model.warnings.map((w) => w.message)).toEqual([
      'the jwt auth\'s header holds a literal credential ($["x-api-key"]); secrets are not copied into the client, which asks for it at run time: pass variables: { "jwt.header.x-api-key": … }',
      'the jwt auth\'s payload holds a literal credential ($.api_secret); secrets are not copied into the client, which asks for it at run time: pass variables: { "jwt.payload.api_secret": … }',
    ]);
    const refused = await client(model, { variables: { jwt_secret: "s", exp: "1700000000" } })
      .call()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(refused).toBeInstanceOf(ValidationError);
    // The header is made first.
    expect((refused as Error).message).toContain("variable {{jwt.header.x-api-key}} has no value");
    expect(server.requests).toEqual([]);
  });

  it("given as a variable, is signed in; the other claims are kept, an unquoted variable's JSON type too", async () => {
    const model = jwt(`{"sub": "bob", "api_secret": "${SECRET}", "exp": {{exp}}}`);
    await client(model, {
      variables: { jwt_secret: "s", exp: "1700000000", "jwt.payload.api_secret": "given-secret" },
    }).call();
    expect(server.requests).toHaveLength(1);
    const token = String(server.requests[0]!.headers["authorization"]).replace(/^Bearer /, "");
    expect(claimsOf(token)).toEqual({ sub: "bob", api_secret: "given-secret", exp: 1700000000 });
  });
});
