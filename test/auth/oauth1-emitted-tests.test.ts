// OAuth 1 without its header (addParamsToHeader off, Postman's default) sends its oauth_* parameters
// after the query's, or after the urlencoded body's fields of a POST or PUT (postman-runtime's
// authorizer, which runtime/oauth1.ts follows). The emitted package's own tests expected the query
// or the form without them, so a collection signed that way got a package whose tests failed; an
// empty form the parameters fill went typed text/plain, where newman types it as a form.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-oauth1-emitted-tests-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

it("emits tests that pass for OAuth 1 signed in the query and in the form", async () => {
  const file = join(dir, "oauth1.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "oauth1", schema: V21 },
      variable: [{ key: "baseUrl", value: "https://api.example.com" }],
      auth: {
        type: "oauth1",
        oauth1: [
          { key: "consumerKey", value: "{{ck}}" },
          { key: "consumerSecret", value: "{{cs}}" },
          { key: "signatureMethod", value: "HMAC-SHA1" },
          { key: "version", value: "1.0" },
        ],
      },
      item: [
        {
          name: "Get",
          request: {
            method: "GET",
            url: {
              raw: "{{baseUrl}}/g?a=1&oauth_x=2",
              host: ["{{baseUrl}}"],
              path: ["g"],
              query: [
                { key: "a", value: "1" },
                { key: "oauth_x", value: "2" },
              ],
            },
          },
        },
        {
          name: "Post form",
          request: {
            method: "POST",
            url: "{{baseUrl}}/p",
            body: { mode: "urlencoded", urlencoded: [{ key: "a", value: "1" }] },
          },
        },
        {
          name: "Put empty form",
          request: { method: "PUT", url: "{{baseUrl}}/e", body: { mode: "urlencoded", urlencoded: [] } },
        },
        {
          name: "Post json",
          request: {
            method: "POST",
            url: "{{baseUrl}}/j",
            body: { mode: "raw", raw: '{"a":1}', options: { raw: { language: "json" } } },
          },
        },
        {
          name: "In the header",
          request: {
            method: "GET",
            url: "{{baseUrl}}/h",
            auth: {
              type: "oauth1",
              oauth1: [
                { key: "consumerKey", value: "{{ck}}" },
                { key: "consumerSecret", value: "{{cs}}" },
                { key: "addParamsToHeader", value: true },
              ],
            },
          },
        },
      ],
    }),
  );
  const out = join(dir, "out");
  const { files } = await emitTarget({ collection: file, out, name: "oauth1-api" });
  const run = await runEmittedTests(out, files);
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  expect(run.stdout).toMatch(/Tests\s+5 passed/);
  // Where each case says the parameters go.
  const cases = JSON.parse(files.get("test/cases/client.json")!) as Array<{
    call: string[];
    expected: { oauth1?: string };
  }>;
  expect(cases.map((c) => [c.call.join("."), c.expected.oauth1])).toEqual([
    ["get", "query"],
    ["postForm", "body"],
    ["putEmptyForm", "body"],
    ["postJson", "query"],
    ["inTheHeader", undefined],
  ]);
}, 60_000);
