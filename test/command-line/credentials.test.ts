// The credential flags a package takes, by its auth's settings: only those its schemes use are
// accepted, and listed by --help and the README (an OAuth 1 HMAC-SHA1 auth takes no private key).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { credentialFlags } from "../../src/command-line/credentials.js";
import { commandLineReadme } from "../../src/command-line/readme.js";
import { loadCollection } from "../../src/load/collection.js";
import type { AuthSpec, OperationSpec } from "../../src/runtime/spec.js";
import { runWith, testCommandLine } from "./helpers.js";

function withAuth(auth: AuthSpec, name = "getStats"): OperationSpec {
  return {
    name,
    namespace: [],
    item: name,
    folder: [],
    method: "GET",
    path: "/stats",
    args: [],
    auth,
    responses: [{ status: 200 }],
  };
}

const flagsOf = (...auths: AuthSpec[]) =>
  credentialFlags(auths.map((a, i) => withAuth(a, `op${i}`))).map((c) => c.flag);

describe("credential flags by the auth's settings", () => {
  it("OAuth 1.0a: the secrets for HMAC and PLAINTEXT (the default HMAC-SHA1), the private key for RSA", () => {
    const secrets = ["consumer-key", "consumer-secret", "oauth1-token", "token-secret"];
    expect(flagsOf({ type: "oauth1", signatureMethod: "HMAC-SHA1" })).toEqual(secrets);
    expect(flagsOf({ type: "oauth1" })).toEqual(secrets);
    expect(flagsOf({ type: "oauth1", signatureMethod: "PLAINTEXT" })).toEqual(secrets);
    expect(flagsOf({ type: "oauth1", signatureMethod: "rsa-sha256" })).toEqual([
      "consumer-key",
      "oauth1-token",
      "private-key",
    ]);
    // Decided by a variable: whichever it is.
    expect(flagsOf({ type: "oauth1", signatureMethod: "{{method}}" })).toEqual([...secrets, "private-key"]);
  });

  it("JWT: the secret for HS algorithms (the default HS256), the private key for RS, PS and ES", () => {
    expect(flagsOf({ type: "jwt" })).toEqual(["jwt-secret"]);
    expect(flagsOf({ type: "jwt", algorithm: "HS512" })).toEqual(["jwt-secret"]);
    for (const algorithm of ["RS256", "PS384", "ES512"])
      expect(flagsOf({ type: "jwt", algorithm }), algorithm).toEqual(["private-key"]);
    expect(flagsOf({ type: "jwt", algorithm: "{{alg}}" })).toEqual(["private-key", "jwt-secret"]);
  });

  it("OAuth 2.0: the grant's inputs for the grants the command line runs, else the token alone", () => {
    expect(flagsOf({ type: "oauth2" })).toEqual(["token"]);
    expect(flagsOf({ type: "oauth2", grant: "authorization_code" })).toEqual(["token"]);
    expect(flagsOf({ type: "oauth2", grant: "client_credentials" })).toEqual([
      "token",
      "client-id",
      "client-secret",
      "scope",
    ]);
    expect(flagsOf({ type: "oauth2", grant: "password" })).toEqual([
      "token",
      "username",
      "password",
      "client-id",
      "client-secret",
      "scope",
    ]);
  });

  it("every scheme of the package together, each flag once", () => {
    expect(flagsOf({ type: "oauth1" }, { type: "jwt", algorithm: "RS256" }, { type: "basic" })).toEqual([
      "username",
      "password",
      "consumer-key",
      "consumer-secret",
      "oauth1-token",
      "token-secret",
      "private-key",
    ]);
  });

  it("help lists, and the command line takes, only the flags that apply", async () => {
    const cli = testCommandLine([withAuth({ type: "oauth1", signatureMethod: "HMAC-SHA1" })]);
    const root = await runWith(cli, ["--help"]);
    const command = await runWith(cli, ["get-stats", "--help"]);
    for (const help of [root.stdout, command.stdout]) {
      expect(help).toContain("--token-secret");
      expect(help).not.toContain("private-key");
      expect(help).not.toContain("PRIVATE_KEY");
    }
    expect(command.stdout).toContain(
      "Auth: oauth1 (--consumer-key, --consumer-secret, --oauth1-token, --token-secret)",
    );
    const given = await runWith(cli, ["get-stats", "--private-key", "k", "--dry-run"]);
    expect(given.code).toBe(2);
    expect(given.stderr).toContain("unknown flag --private-key");
  });

  it("the README lists them as the help does (Twitter Ads: OAuth 1 with HMAC-SHA1)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-credentials-"));
    const file = join(dir, "ads.postman_collection.json");
    writeFileSync(
      file,
      JSON.stringify({
        info: { name: "Ads", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        auth: {
          type: "oauth1",
          oauth1: [
            { key: "signatureMethod", value: "HMAC-SHA1" },
            { key: "consumerKey", value: "{{consumer_key}}" },
            { key: "consumerSecret", value: "{{consumer_secret}}" },
            { key: "token", value: "{{access_token}}" },
            { key: "tokenSecret", value: "{{token_secret}}" },
            { key: "addParamsToHeader", value: true },
          ],
        },
        item: [{ name: "Get accounts", request: { method: "GET", url: "https://ads.test/accounts" } }],
      }),
    );
    const model = await loadCollection(file);
    const readme = commandLineReadme(model, "ads-api", model.operations[0]);
    expect(readme?.credentials).toContain("`--token-secret` or `ADS_API_TOKEN_SECRET`");
    expect(readme?.credentials).not.toContain("private-key");
    expect(readme?.credentials).not.toContain("PRIVATE_KEY");
  });
});
