// A signing auth that lacks a part its signer needs (no field at all: a JWT's HS256 without its
// secret, Hawk without its key) made the emitted package's own test of the request fail: the client
// refuses every such call (runtime/auth.ts's noCredential), and no variable was there for the tests'
// placeholders to fill. The cases now give the missing part as the client's credential option, a
// private key made when the tests run, so that the request is still sent and checked.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-missing-credential-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

type Pair = { key: string; value: unknown };
const auth = (type: string, pairs: Pair[]) => ({ type, [type]: pairs });
const get = (name: string, path: string, auth: unknown) => ({
  name,
  request: { method: "GET", url: `https://api.example.com/${path}`, auth },
});

it("emits tests that pass when a signing auth lacks its secret", async () => {
  const file = join(dir, "missing.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "missing", schema: V21 },
      item: [
        get(
          "Jwt hs",
          "j",
          auth("jwt", [
            { key: "algorithm", value: "HS256" },
            { key: "payload", value: "{}" },
          ]),
        ),
        // HS256 when the collection names no algorithm, as the signer reads it.
        get("Jwt default", "d", auth("jwt", [{ key: "payload", value: "{}" }])),
        get(
          "Jwt rs",
          "r",
          auth("jwt", [
            { key: "algorithm", value: "RS256" },
            { key: "payload", value: "{}" },
          ]),
        ),
        // Its secret a variable: the tests' placeholder fills it, and no option is passed.
        get("Jwt secret variable", "v", auth("jwt", [{ key: "secret", value: "{{jwtSecret}}" }])),
        get("Hawk", "h", auth("hawk", [{ key: "authId", value: "{{hawkId}}" }])),
        get(
          "OAuth1",
          "o",
          auth("oauth1", [
            { key: "consumerKey", value: "{{ck}}" },
            { key: "addParamsToHeader", value: true },
          ]),
        ),
        get("OAuth1 in query", "q?a=1", auth("oauth1", [{ key: "signatureMethod", value: "HMAC-SHA256" }])),
        get(
          "OAuth1 rsa",
          "k",
          auth("oauth1", [
            { key: "consumerKey", value: "{{ck}}" },
            { key: "signatureMethod", value: "RSA-SHA256" },
            { key: "addParamsToHeader", value: true },
          ]),
        ),
        get(
          "Aws",
          "a",
          auth("awsv4", [
            { key: "accessKey", value: "{{ak}}" },
            { key: "sessionToken", value: "{{st}}" },
            { key: "service", value: "execute-api" },
          ]),
        ),
        get(
          "Edgegrid",
          "e",
          auth("edgegrid", [
            { key: "accessToken", value: "{{at}}" },
            { key: "clientToken", value: "{{ct}}" },
          ]),
        ),
        get("Digest", "g", auth("digest", [{ key: "password", value: "{{pw}}" }])),
      ],
    }),
  );
  const out = join(dir, "out");
  const { files } = await emitTarget({ collection: file, out, name: "missing-api" });
  const run = await runEmittedTests(out, files);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout).toMatch(/Tests\s+11 passed/);
  const cases = JSON.parse(files.get("test/cases/client.json")!) as Array<{ call: string[]; credential?: unknown }>;
  expect(cases.map((c) => [c.call.join("."), c.credential])).toEqual([
    ["jwtHs", { option: "jwt", parts: { secret: "test-secret" } }],
    ["jwtDefault", { option: "jwt", parts: { secret: "test-secret" } }],
    ["jwtRs", { option: "jwt", parts: {}, privateKey: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } }],
    ["jwtSecretVariable", undefined],
    ["hawk", { option: "hawk", parts: { id: "test-id", key: "test-key" } }],
    ["oAuth1", { option: "oauth1", parts: { consumerSecret: "test-consumerSecret" } }],
    [
      "oAuth1InQuery",
      { option: "oauth1", parts: { consumerKey: "test-consumerKey", consumerSecret: "test-consumerSecret" } },
    ],
    ["oAuth1Rsa", { option: "oauth1", parts: {}, privateKey: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" } }],
    [
      "aws",
      {
        option: "aws",
        parts: {
          accessKeyId: "test-accessKeyId",
          secretAccessKey: "test-secretAccessKey",
          sessionToken: "test-sessionToken",
        },
      },
    ],
    [
      "edgegrid",
      {
        option: "edgegrid",
        parts: { clientToken: "test-clientToken", clientSecret: "test-clientSecret", accessToken: "test-accessToken" },
      },
    ],
    ["digest", { option: "digest", parts: { username: "test-username", password: "test-password" } }],
  ]);
}, 120_000);
