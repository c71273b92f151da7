// Environment and globals files are checked before anything reads them: each problem names the file
// and the JSON path, as for a collection; disabled values are ignored and secrets marked.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import newman from "newman";
import { describe, expect, it } from "vitest";
import { namesCredential, namesCredentialField } from "../../src/runtime/credential-names.js";
import { jsonWithoutCredentials } from "../../src/load/credentials.js";
import { parseScopeText, readScopeFile, type ScopeKind } from "../../src/load/environment.js";
import { CodegenError } from "../../src/errors.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { applyScopes } from "../../src/load/scopes.js";
import { startRecordingServer } from "../../src/testkit/recording-server.js";
import { FIXTURES } from "../helpers/seed.js";

const DIR = `${FIXTURES}environments/`;

function refusal(text: string, kind: ScopeKind = "environment"): CodegenError {
  try {
    parseScopeText("staging.json", text, kind);
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return error as CodegenError;
  }
  return expect.fail("the file was accepted");
}

describe("reading an environment file", () => {
  it("keeps enabled values in file order, the last of a key, and marks secrets", async () => {
    const staging = await readScopeFile(`${DIR}staging.postman_environment.json`, "environment");
    expect(staging.name).toBe("staging");
    expect(staging.values).toEqual([
      { key: "baseUrl", value: "https://staging.example.com/v2", source: "values[0]" },
      { key: "region", value: "eu-staging", source: "values[1]" },
      { key: "token", value: "STAGING-TOKEN-SECRET-4f2a", secret: "type", source: "values[2]" },
      { key: "apiKey", value: "STAGING-APIKEY-SECRET-9b1c", secret: "name", source: "values[3]" },
    ]);
  });

  it("takes the last enabled value of a key given twice, and numbers and booleans as text", () => {
    const scope = parseScopeText(
      "e.json",
      JSON.stringify({
        name: "e",
        values: [
          { key: "a", value: "1" },
          { key: "b", value: 2 },
          { key: "a", value: true },
          { key: "c" },
          { key: "", value: "x" },
        ],
      }),
      "environment",
    );
    expect(scope.values.map((v) => [v.key, v.value])).toEqual([
      ["b", "2"],
      ["a", "true"],
      ["c", ""],
    ]);
  });

  it("takes a null value as the text null and a missing one as empty, as newman sends them", async () => {
    // An export holds nulls where a script set one (`pm.environment.set("size", null)`).
    const values = [{ key: "size", value: null }, { key: "missing" }, { key: "secret", value: null, type: "secret" }];
    const server = await startRecordingServer();
    try {
      await new Promise<void>((resolve, reject) =>
        newman.run(
          {
            collection: {
              info: { name: "n", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
              item: [
                { name: "get", request: { method: "GET", url: `${server.url}/?size={{size}}&missing={{missing}}` } },
              ],
            } as never,
            environment: { name: "e", values } as never,
            reporters: [],
          },
          (error) => (error ? reject(error) : resolve()),
        ),
      );
      expect(server.requests[0]!.query).toEqual([
        ["size", "null"],
        ["missing", ""],
      ]);
    } finally {
      await server.close();
    }
    const scope = parseScopeText("e.json", JSON.stringify({ name: "e", values }), "environment");
    expect(scope.values.map((v) => [v.key, v.value, v.secret])).toEqual([
      ["size", "null", undefined],
      ["missing", "", undefined],
      ["secret", "", "type"],
    ]);
    // The globals are read by the same rule.
    expect(parseScopeText("g.json", JSON.stringify({ name: "g", values }), "globals").values[0]!.value).toBe("null");
  });

  it("reads a globals export as globals", async () => {
    const globals = await readScopeFile(`${DIR}workspace.postman_globals.json`, "globals");
    expect(globals.values.map((v) => v.key)).toEqual(["region", "timeout", "sessionSecret", "unused"]);
  });

  it("names the line and column of a JSON syntax error", () => {
    const error = refusal('{\n  "name": "staging",\n  "values": [,]\n}');
    expect(error.message).toMatch(/^staging\.json at line 3, column 14: not valid JSON: /);
  });

  it.each([
    ["[]", "$", "not a Postman environment: the top level must be an object with `name` and `values`"],
    [JSON.stringify({ info: { name: "x" }, item: [] }), "$", "this is a Postman collection, not a Postman environment"],
    [
      JSON.stringify({ name: "g", values: [], _postman_variable_scope: "globals" }),
      "_postman_variable_scope",
      "this file holds Postman globals: pass it with --globals (config: globals), not --environment",
    ],
    [JSON.stringify({ environment: { name: "s", values: [] } }), "environment", "this is a Postman API answer"],
    [JSON.stringify({ name: "s", values: {} }), "values", "must be array"],
  ])("refuses %s at its JSON path", (text, where, problem) => {
    const error = refusal(text);
    expect(error.file).toBe("staging.json");
    expect(error.where).toBe(where);
    expect(error.problem).toContain(problem);
  });

  it("reads a file without `values` as holding none, as newman runs it, with a warning naming the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "no-values-"));
    const server = await startRecordingServer();
    try {
      writeFileSync(join(dir, "dev.json"), JSON.stringify({ name: "dev" }));
      const collection = {
        info: { name: "n", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        variable: [{ key: "size", value: "1" }],
        item: [{ name: "get", request: { method: "GET", url: `${server.url}/?size={{size}}` } }],
      };
      // As `newman run -e dev.json`: the file path, read by newman. It runs, the collection's value sent.
      await new Promise<void>((resolve, reject) =>
        newman.run(
          { collection: collection as never, environment: join(dir, "dev.json"), reporters: [] },
          (error, summary) => (error ? reject(error) : (expect(summary.run.failures).toEqual([]), resolve())),
        ),
      );
      expect(server.requests.map((r) => r.target)).toEqual(["/?size=1"]);
      const scope = await readScopeFile(join(dir, "dev.json"), "environment");
      expect(scope).toEqual({
        file: join(dir, "dev.json"),
        kind: "environment",
        name: "dev",
        values: [],
        noValues: true,
      });
      const globals = parseScopeText("g.json", "{}", "globals");
      const model = toModel(parseCollectionText("c.json", JSON.stringify(collection)));
      const applied = applyScopes(model, { globals, environments: [{ name: "dev", scope }] });
      expect(applied.warnings).toEqual([
        {
          file: "g.json",
          source: "values",
          message: "the globals file has no `values`: read as holding none, as newman reads it",
          scope: "globals",
        },
        {
          file: join(dir, "dev.json"),
          source: "values",
          message: "the environment has no `values`: read as holding none, as newman reads it",
          scope: 'environment "dev"',
        },
      ]);
      expect(applied.environments).toEqual([{ name: "dev", values: {}, secrets: [] }]);
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists every problem of a wrong shape, each with its path", () => {
    const error = refusal(
      JSON.stringify({
        name: "s",
        values: [{ key: "a", value: "1" }, { value: "x" }, { key: 3, value: {}, enabled: "yes" }],
      }),
    );
    expect(error.where).toBe("values[1].key");
    // The object value is none of them: newman sends it as `[object Object]` (variable-values.test.ts).
    expect(error.problem.split("\n")).toEqual([
      "does not match the format of a Postman environment (3 problems):",
      "  - values[1].key: missing",
      "  - values[2].enabled: must be boolean",
      "  - values[2].key: must be string",
    ]);
  });

  it("refuses an environment given as globals", () => {
    const error = refusal(JSON.stringify({ name: "s", values: [], _postman_variable_scope: "environment" }), "globals");
    expect(error.message).toBe(
      "staging.json at _postman_variable_scope: this file holds a Postman environment: pass it with --environment (config: environments), not --globals",
    );
  });

  it("names a file it cannot read", async () => {
    await expect(readScopeFile(`${DIR}missing.json`, "environment")).rejects.toThrow(
      /missing\.json: cannot read the environment file \(ENOENT\)/,
    );
  });
});

describe("keys that name a credential", () => {
  it.each([
    "token",
    "accessToken",
    "access_token",
    "x-auth-token",
    "refresh_token",
    "apiKey",
    "API_KEY",
    "x-api-key",
    "clientSecret",
    "client_secret",
    "password",
    "db_password",
    "secret",
    "privateKey",
    "aws_secret_access_key",
    "AWS_ACCESS_KEY_ID",
    "jwt",
    "Authorization",
    "passphrase",
    "subscriptionKey",
    "refresh_token",
    "password_hash",
    "sessionSecretKeyId",
    "xapikey",
    "XAPIKEY",
  ])("%s is a credential", (key) => expect(namesCredential(key)).toBe(true));

  it.each([
    "baseUrl",
    "host",
    "userId",
    "tokenUrl",
    "token_endpoint",
    "monkey",
    "passport",
    "secretary",
    "region",
    "keyword",
    "timeout",
    "next_page_token",
    "pageToken",
    "continuationToken",
    "authorization_name",
    "passwordPolicy",
    "secret_type",
    "require_password_for_pmi_meetings",
    "force_pmi_jbh_password",
    "allow_passcode",
    "authorization_decision",
    "password_status",
    // What a credential reaches: AWS's credential scope (date/region/service), a Databricks secret scope's name.
    "credential_scope",
    "secret_scope",
  ])("%s is not", (key) => expect(namesCredential(key)).toBe(false));

  it("takes secrets that only their names tell (signatures, HMACs, PINs, passcodes, sessions), not their look-alikes", () => {
    const secrets = [
      "X-Signature",
      "signature",
      "X-Hub-Signature",
      "X-Hub-Signature-256",
      "XHubSignature256",
      "X-Amz-Signature",
      "oauth_signature",
      "sig",
      "api_sig",
      "hmac",
      "X-Shopify-Hmac-Sha256",
      "otp",
      "otp_code",
      "passcode",
      "meeting_passcode",
      "pin",
      "leader_pin",
      "session",
      "X-Session",
      "client_assertion",
      "stream_key",
      "host_key",
      "access_token_2",
      "hmac_key",
      "hmac_secret",
      "X-Hmac-Digest",
      "meeting_host_key",
      "myApiKey",
      "apikeys",
      // Run together, in one case: read as written apart.
      "accesstoken",
      "ACCESSTOKEN",
      "clientsecret",
      "CLIENTSECRETS",
      "userpassword",
      "meetingpasscode",
      "xsignature",
    ];
    const lookAlikes = [
      "signature_method",
      "oauth_signature_method",
      "SignatureVersion",
      "Signature-Input",
      "design",
      "digest",
      "otp_enabled",
      "passcode_required",
      "pin_code",
      "shipping",
      "session_id",
      "sessionId",
      "client_assertion_type",
      "media_key",
      "next_page_token_2",
      // A run inside another word, and a word naming how a secret is made.
      "ghost_key",
      "upstream_key",
      "hmac_algorithm",
      "jwt_alg",
      "otp_method",
      // A place's token run together stays one; a short word's end, or one another word ends with, is none.
      "nexttoken",
      "pagetoken",
      "bypass",
      "spin",
      "config",
      "cupbearer",
      "preauthorization",
      "tokenurl",
    ];
    expect(secrets.filter((key) => !namesCredential(key))).toEqual([]);
    expect(lookAlikes.filter(namesCredential)).toEqual([]);
  });

  it("takes `key` and `auth` as whole names, but not as a field of a JSON value, where they name an entry", () => {
    expect(["key", "X-Key", "auth", "X-Auth"].filter((name) => namesCredential(name))).toEqual([
      "key",
      "X-Key",
      "auth",
      "X-Auth",
    ]);
    expect(["key", "auth"].filter(namesCredentialField)).toEqual([]);
    // Zoom's access key and a registrant's join token, as a query parameter, not as a JSON field.
    expect(["zak", "tk", "X-Zak"].filter((name) => namesCredential(name))).toEqual(["zak", "tk", "X-Zak"]);
    expect(["zak", "tk", "zakat", "atk", "tk_id"].filter(namesCredentialField)).toEqual([]);
    expect(["zakat", "atk", "tk_id"].filter((name) => namesCredential(name))).toEqual([]);
    const body = {
      custom_attributes: [{ key: "cb3674544gexq", name: "Country of Citizenship" }],
      api_key: "sk8f3k2j4h5",
    };
    expect(jsonWithoutCredentials(body).leftOut).toEqual(["$.api_key"]);
  });

  it("takes a type's name written as a value for a placeholder, not a credential (Zoom's saved answers)", () => {
    const answer = { token: "string", settings: { practice_session: "boolean" }, access_token: "abc123XYZ" };
    expect(jsonWithoutCredentials(answer).leftOut).toEqual(["$.access_token"]);
  });

  it("keeps a credential's value that only refers to other variables, and never a secret's", () => {
    const scope = parseScopeText(
      "e.json",
      JSON.stringify({
        name: "e",
        values: [
          { key: "token", value: "{{vaultToken}}" },
          { key: "password", value: "" },
          { key: "region", value: "{{r}}", type: "secret" },
        ],
      }),
      "environment",
    );
    expect(scope.values.map((v) => [v.key, v.secret])).toEqual([
      ["token", undefined],
      ["password", "name"],
      ["region", "type"],
    ]);
  });
});

describe("fields under a credential's name", () => {
  it("keeps those whose key describes the credential, as the same word does in a flat name (token_type)", () => {
    // PayPal's Checkout Flows: the API refuses a payment source without the token's type.
    const paypal = { payment_source: { token: { type: "SETUP_TOKEN", id: "5C991763VB2781612" } } };
    expect(jsonWithoutCredentials(paypal)).toEqual({ value: paypal, leftOut: [] });
    // Okta's identity provider: how requests are signed and which, no signature.
    const okta = { protocol: { algorithms: { request: { signature: { algorithm: "SHA-256", scope: "REQUEST" } } } } };
    expect(jsonWithoutCredentials(okta)).toEqual({ value: okta, leftOut: [] });
    const bearer = { access_token: { value: "abc123XYZ", type: "bearer", tokenName: "main" } };
    expect(jsonWithoutCredentials(bearer)).toEqual({
      value: { access_token: { type: "bearer", tokenName: "main" } },
      leftOut: ["$.access_token.value"],
    });
  });

  it("leaves out the others, at any depth, and a describing key's own credential", () => {
    const body = {
      password: { value: "hunter2" },
      // Okta's user with a password.
      credentials: { password: { value: "tlpWENT2m" }, recovery_question: { question: "Who?" } },
      token: { value: "x", meta: { value: "y" }, api_key_id: "sk_live_1" },
      client_secret: [{ part: "p1", type: "half" }],
    };
    expect(jsonWithoutCredentials(body).leftOut).toEqual([
      "$.password.value",
      "$.credentials.password.value",
      "$.token.value",
      "$.token.meta.value",
      "$.token.api_key_id",
      "$.client_secret[0].part",
    ]);
  });
});

describe("keys that name a credential by an abbreviation or a whole name", () => {
  it("take Google's key, Firebase's auth, Azure Functions', Datadog's and a database's pass; not their look-alikes", () => {
    const secrets = [
      "key",
      "X-Key",
      "auth",
      "X-Auth",
      "X-Functions-Key",
      "DD-Application-Key",
      "app_key",
      "appKey",
      "dbpass",
      "DB_PASS",
      "smtp_pass",
    ];
    const lookAlikes = [
      "keyword",
      "monkey",
      "sort_key",
      "primary_key",
      "author",
      "authority",
      "oauth",
      "auth_type",
      "x-auth-user",
      "sign_in_with_two_factor_auth",
      "passport",
      "bypass",
      "compass",
    ];
    expect(secrets.filter((key) => !namesCredential(key))).toEqual([]);
    expect(lookAlikes.filter(namesCredential)).toEqual([]);
  });
});
