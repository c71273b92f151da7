// A private key the collection gives no value (`{{rsaKey}}`, left for each user to set) made the
// emitted package's own tests fail: they gave it the placeholder every unset variable gets
// (`test-rsaKey`), which an RSA or EC signer refuses ("not a PEM private key"). The cases now mark
// such a variable as a private key of its algorithm, and the test kit makes one when the tests run.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-signing-keys-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

type Pair = { key: string; value: unknown };
const jwt = (algorithm: string, privateKey: string, more: Pair[] = []) => ({
  type: "jwt",
  jwt: [
    { key: "algorithm", value: algorithm },
    { key: "privateKey", value: privateKey },
    { key: "payload", value: '{"sub":"test"}' },
    ...more,
  ],
});
const get = (name: string, path: string, auth: unknown) => ({
  name,
  request: { method: "GET", url: `{{baseUrl}}/${path}`, auth },
});

it("emits tests that pass when a signer's private key has no value", async () => {
  // A key the collection gives: left out of the package as every secret is (the tests need one too).
  const given = await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: Uint8Array.of(1, 0, 1), hash: "SHA-256" },
    true,
    ["sign"],
  );
  const der = Buffer.from(await crypto.subtle.exportKey("pkcs8", given.privateKey));
  const givenPem = `-----BEGIN PRIVATE KEY-----\n${der.toString("base64")}\n-----END PRIVATE KEY-----`;
  const file = join(dir, "keys.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "keys", schema: V21 },
      variable: [
        { key: "baseUrl", value: "https://api.example.com" },
        { key: "givenKey", value: givenPem },
      ],
      item: [
        get("OAuth1 rsa", "o", {
          type: "oauth1",
          oauth1: [
            { key: "consumerKey", value: "{{ck}}" },
            { key: "privateKey", value: "{{rsaKey}}" },
            { key: "signatureMethod", value: "RSA-SHA256" },
            { key: "addParamsToHeader", value: true },
          ],
        }),
        get("OAuth1 rsa in query", "q", {
          type: "oauth1",
          oauth1: [
            { key: "consumerKey", value: "{{ck}}" },
            { key: "privateKey", value: "{{rsaKey}}" },
            { key: "signatureMethod", value: "RSA-SHA512" },
          ],
        }),
        get("Jwt rs", "r", jwt("RS256", "{{privateKey}}")),
        get("Jwt ps", "p", jwt("PS384", "{{privateKey}}")),
        // In the query, in place of the item's own parameter of its name.
        get(
          "Jwt ps in query",
          "p?a=1&jwt=old",
          jwt("PS256", "{{privateKey}}", [
            { key: "addTokenTo", value: "queryParam" },
            { key: "queryParamKey", value: "jwt" },
          ]),
        ),
        get("Jwt es", "e", jwt("ES384", "{{ecKey}}")),
        // Another curve for the same variable: each case makes the key its own algorithm needs.
        get("Jwt es other curve", "f", jwt("ES512", "{{ecKey}}")),
        get("Jwt given", "g", jwt("RS256", "{{givenKey}}")),
      ],
    }),
  );
  const out = join(dir, "out");
  const { files } = await emitTarget({ collection: file, out, name: "keys-api" });
  const run = await runEmittedTests(out, files);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout).toMatch(/Tests\s+8 passed/);
  // Each case says which key its signer needs; no emitted file holds one.
  const cases = JSON.parse(files.get("test/cases/client.json")!) as Array<{ call: string[]; keys?: unknown }>;
  expect(cases.map((c) => [c.call.join("."), c.keys])).toEqual([
    ["oAuth1Rsa", { rsaKey: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } }],
    ["oAuth1RsaInQuery", { rsaKey: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-512" } }],
    ["jwtRs", { privateKey: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } }],
    ["jwtPs", { privateKey: { name: "RSA-PSS", hash: "SHA-384" } }],
    ["jwtPsInQuery", { privateKey: { name: "RSA-PSS", hash: "SHA-256" } }],
    ["jwtEs", { ecKey: { name: "ECDSA", namedCurve: "P-384" } }],
    ["jwtEsOtherCurve", { ecKey: { name: "ECDSA", namedCurve: "P-521" } }],
    ["jwtGiven", { givenKey: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } }],
  ]);
  for (const [path, text] of files) {
    expect(text, path).not.toMatch(/-----BEGIN PRIVATE KEY-----\s*[A-Za-z0-9+/]{16}/);
    expect(text, path).not.toContain(der.toString("base64").slice(64, 128));
  }
}, 60_000);
