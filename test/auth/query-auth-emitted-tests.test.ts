// OAuth 2 with its token in the query (addTokenTo queryParams: `access_token`) and AWS Signature
// with a presigned URL (addAuthDataToQuery: X-Amz-Date, X-Amz-Credential, … X-Amz-Signature) put
// their parameters after the query's own, as newman does; the emitted package's own tests expected
// the query without them, so a collection signed that way got a package whose tests failed. Either
// auth also drops the item's own pairs of the names it sets (runtime/oauth2.ts, runtime/aws-sigv4.ts),
// which the tests expected to arrive.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-query-auth-emitted-tests-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

const aws = (more: Array<{ key: string; value: unknown; type?: string }>) => ({
  type: "awsv4",
  awsv4: [{ key: "accessKey", value: "{{ak}}" }, { key: "secretKey", value: "{{sk}}" }, ...more],
});
const presign = { key: "addAuthDataToQuery", value: true, type: "boolean" };
const oauth2 = (addTokenTo: string) => ({
  type: "oauth2",
  oauth2: [
    { key: "accessToken", value: "{{tok}}" },
    { key: "addTokenTo", value: addTokenTo },
  ],
});

it("emits tests that pass for OAuth 2 and AWS Signature in the query", async () => {
  const file = join(dir, "query-auth.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "query-auth", schema: V21 },
      variable: [{ key: "region", value: "eu-west-1" }],
      item: [
        {
          name: "S3 presigned",
          request: {
            method: "GET",
            url: "https://b.s3.amazonaws.com/k?x=1&X-Amz-Signature=old",
            auth: aws([
              { key: "sessionToken", value: "{{st}}" },
              { key: "service", value: "s3" },
              { key: "region", value: "{{region}}" },
              presign,
            ]),
          },
        },
        {
          name: "API Gateway presigned",
          request: {
            method: "POST",
            header: [{ key: "Content-Type", value: "application/json" }],
            body: { mode: "raw", raw: '{"a":1}' },
            url: "https://api.example.com/p?q=2",
            auth: aws([presign]),
          },
        },
        {
          name: "AWS in the header",
          request: { method: "GET", url: "https://api.example.com/h?X-Amz-Date=1&y=2", auth: aws([]) },
        },
        {
          name: "OAuth 2 in the query",
          request: {
            method: "GET",
            url: "https://api.example.com/o?access_token=old&b=2",
            auth: oauth2("queryParams"),
          },
        },
        {
          name: "OAuth 2 in the header",
          request: { method: "GET", url: "https://api.example.com/o?access_token=old&b=2", auth: oauth2("header") },
        },
        {
          // No secret key: the tests pass the `aws` option (test-credentials.ts), whose keys and
          // session token the URL then carries, not the collection's.
          name: "S3 presigned without a secret key",
          request: {
            method: "GET",
            url: "https://b.s3.amazonaws.com/n",
            auth: {
              type: "awsv4",
              awsv4: [
                { key: "accessKey", value: "{{ak}}" },
                { key: "sessionToken", value: "{{st}}" },
                { key: "service", value: "s3" },
                presign,
              ],
            },
          },
        },
      ],
    }),
  );
  const out = join(dir, "out");
  const { files } = await emitTarget({ collection: file, out, name: "query-auth-api" });
  const run = await runEmittedTests(out, files);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout).toMatch(/Tests\s+6 passed/);
  // What each case expects after the query's own: the token by value, the presigned URL's parameters
  // each by value or, where each call's differs, by pattern.
  const cases = JSON.parse(files.get("test/cases/client.json")!) as Array<{
    call: string[];
    expected: { query: Array<[string, string]>; presigned?: Array<[string, unknown]> };
  }>;
  const names = (c: (typeof cases)[number]) => c.expected.presigned?.map(([name]) => name);
  expect(cases.map((c) => [c.call.join("."), c.expected.query, names(c)])).toEqual([
    [
      "s3Presigned",
      [["x", "1"]],
      [
        "X-Amz-Security-Token",
        "X-Amz-Expires",
        "X-Amz-Date",
        "X-Amz-Algorithm",
        "X-Amz-Credential",
        "X-Amz-SignedHeaders",
        "X-Amz-Signature",
      ],
    ],
    [
      "apiGatewayPresigned",
      [["q", "2"]],
      ["X-Amz-Date", "X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-SignedHeaders", "X-Amz-Signature"],
    ],
    ["awsInTheHeader", [["y", "2"]], undefined],
    [
      "oAuth2InTheQuery",
      [
        ["b", "2"],
        ["access_token", "test-token"],
      ],
      undefined,
    ],
    ["oAuth2InTheHeader", [["b", "2"]], undefined],
    [
      "s3PresignedWithoutASecretKey",
      [],
      [
        "X-Amz-Security-Token",
        "X-Amz-Expires",
        "X-Amz-Date",
        "X-Amz-Algorithm",
        "X-Amz-Credential",
        "X-Amz-SignedHeaders",
        "X-Amz-Signature",
      ],
    ],
  ]);
  expect(cases[5]!.expected.presigned![0]).toEqual(["X-Amz-Security-Token", "test-sessionToken"]);
  expect(cases[5]!.expected.presigned![4]).toEqual([
    "X-Amz-Credential",
    { pattern: "^test-accessKeyId/\\d{8}/us-east-1/s3/aws4_request$" },
  ]);
  expect(cases[0]!.expected.presigned!.slice(0, 2)).toEqual([
    ["X-Amz-Security-Token", "test-st"],
    ["X-Amz-Expires", "86400"],
  ]);
  expect(cases[0]!.expected.presigned![4]).toEqual([
    "X-Amz-Credential",
    { pattern: "^test-ak/\\d{8}/eu-west-1/s3/aws4_request$" },
  ]);
}, 60_000);
