// The conformance harness gives newman the collection with its credentials replaced by the test
// ones (test/conformance/newman-collection.ts). It used to rewrite every other v2.1 auth entry as
// type "string" too, so that a boolean false reached newman as the text "false", which is true:
// addAuthDataToQuery false made newman presign the URL, includeBodyHash false made it add an
// oauth_body_hash, and the client, which reads false, looked different from newman.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runConformance } from "../conformance/harness.js";
import { newmanCollection, type Credentials } from "../conformance/newman-collection.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-newman-auth-entries-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const off = (key: string) => ({ key, value: false, type: "boolean" });
const collection = {
  info: { name: "auth-entries", schema: V21 },
  variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  item: [
    {
      name: "AWS not presigned",
      request: {
        method: "GET",
        url: "{{baseUrl}}/aws?a=1",
        auth: {
          type: "awsv4",
          awsv4: [
            { key: "accessKey", value: "{{ak}}", type: "string" },
            { key: "secretKey", value: "{{sk}}", type: "string" },
            { key: "service", value: "execute-api", type: "string" },
            off("addAuthDataToQuery"),
          ],
        },
      },
    },
    {
      name: "OAuth 1 without a body hash",
      request: {
        method: "POST",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: { mode: "raw", raw: '{"a":1}' },
        url: "{{baseUrl}}/oauth1",
        auth: {
          type: "oauth1",
          oauth1: [
            { key: "consumerKey", value: "{{ck}}", type: "string" },
            { key: "consumerSecret", value: "{{cs}}", type: "string" },
            { key: "signatureMethod", value: "HMAC-SHA1", type: "string" },
            { key: "addParamsToHeader", value: true, type: "boolean" },
            off("includeBodyHash"),
          ],
        },
      },
    },
  ],
};

describe("the collection newman runs", () => {
  it("keeps each auth entry's own type and value, replacing the credentials alone", () => {
    const credentials = {
      token: "t",
      apiKey: "k",
      username: "u",
      password: "p",
      oauth1: { consumerKey: "ck", consumerSecret: "cs", token: "ot", tokenSecret: "ots", privateKey: "pk" },
      aws: { accessKeyId: "ak", secretAccessKey: "sk", sessionToken: "st" },
    } satisfies Credentials;
    const copy = newmanCollection(structuredClone(collection), "http://127.0.0.1:1", credentials);
    const auth = (i: number) => {
      const request = (copy["item"] as Array<{ request: { auth: Record<string, unknown> } }>)[i]!.request.auth;
      return request[request["type"] as string];
    };
    expect(auth(0)).toEqual([
      { key: "accessKey", value: "ak", type: "string" },
      { key: "secretKey", value: "sk", type: "string" },
      { key: "service", value: "execute-api", type: "string" },
      off("addAuthDataToQuery"),
      { key: "sessionToken", value: "st", type: "string" },
    ]);
    expect(auth(1)).toContainEqual(off("includeBodyHash"));
    expect(auth(1)).toContainEqual({ key: "addParamsToHeader", value: true, type: "boolean" });
  });

  it("sends what the client sends with those entries false", async () => {
    const file = join(dir, "auth-entries.postman_collection.json");
    writeFileSync(file, JSON.stringify(collection));
    const out = join(dir, "pkg");
    await writePackage(out, (await emitTarget({ collection: file, out, name: "auth-entries" })).files);
    const report = await runConformance(file, out);
    expect(report.items.map((item) => [item.source, item.outcome, item.differences])).toEqual(
      report.items.map((item) => [item.source, "identical", undefined]),
    );
    expect(report.items).toHaveLength(2);
  }, 120_000);
});
