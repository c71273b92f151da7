// What `--dry-run` must never print: credentials in JSON bodies (by key, at any depth), values of
// variables that are secrets by the generator's rule, however the request encodes them. Nothing is
// sent, so no server: the base URL is never reached.
import { describe, expect, it } from "vitest";
import { toCurl, type CapturedRequest, type CurlContext } from "../../src/command-line/curl.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { runWith, testCommandLine } from "./helpers.js";

const BASE = "http://127.0.0.1:1";
const NONE: CurlContext = { secrets: [], secretNames: [], files: new Map() };

function post(body: unknown, type?: string, url = `${BASE}/p`): CapturedRequest {
  return { url, method: "POST", headers: new Headers(type ? { "content-type": type } : {}), body };
}

/** Plaid's shape: the API's credentials are fields of the JSON body, filled from variables. */
const retrieveAuth: OperationSpec = {
  name: "retrieveAuth",
  namespace: ["auth"],
  item: "Retrieve Auth",
  folder: ["Auth"],
  method: "POST",
  path: "/auth/get",
  args: [
    { arg: "client_id", name: "client_id", in: "body", required: false, type: "json", default: "{{client_id}}" },
    { arg: "secret", name: "secret", in: "body", required: false, type: "json", default: "{{secret_key}}" },
    {
      arg: "access_token",
      name: "access_token",
      in: "body",
      required: false,
      type: "json",
      default: "{{access_token}}",
    },
    { arg: "options", name: "options", in: "body", required: false, type: "json" },
  ],
  body: "json",
  contentType: "application/json",
  responses: [{ status: 200 }],
};

describe("JSON bodies", () => {
  it("masks the values of secret-named keys at any depth, everything below them, the rest as written", () => {
    const text =
      '{"client_id":"c-1","secret":"s3cr3t","nested":{"access_token":"tok","list":[{"password":"pw","n":1}]},' +
      '"credentials":{"user":"u","pin":1234,"on":true},"amount":12345678901234567890,\n  "empty":null}';
    const out = toCurl(post(text, "application/json"), NONE);
    expect(out).toContain(
      `--data-raw '{"client_id":"c-1","secret":"***","nested":{"access_token":"***","list":[{"password":"***","n":1}]},` +
        `"credentials":{"user":"***","pin":"***","on":true},"amount":12345678901234567890,\n  "empty":null}'`,
    );
  });

  it("masks body credentials given by flag or filled from variables (Plaid's client_id, secret, access_token)", async () => {
    const cli = testCommandLine(
      [retrieveAuth],
      [{ path: ["auth", "retrieveAuth"], args: [{ arg: "options", kind: "json" }] }],
    );
    const byFlag = await runWith(cli, [
      "auth",
      "retrieve-auth",
      "--client-id",
      "client-1",
      "--secret",
      "SUPERSECRET",
      "--access-token",
      "access-sandbox-1",
      "--options",
      '{"account_ids":["a1"],"api_key":"K-9"}',
      "--dry-run",
      "--base-url",
      BASE,
    ]);
    expect(byFlag.stderr).toBe("");
    expect(byFlag.code).toBe(0);
    expect(byFlag.stdout).toContain(
      `--data-raw '{"client_id":"client-1","secret":"***","access_token":"***","options":{"account_ids":["a1"],"api_key":"***"}}'`,
    );
    const byVariable = await runWith(cli, [
      "auth",
      "retrieve-auth",
      "--variable",
      "secret_key=SUPERSECRET",
      "--variable",
      "client_id=c",
      "--variable",
      "access_token=a",
      "--dry-run",
      "--base-url",
      BASE,
    ]);
    expect(byVariable.code).toBe(0);
    expect(byVariable.stdout).toContain(`--data-raw '{"client_id":"c","secret":"***","access_token":"***"}'`);
    for (const out of [byFlag.stdout, byVariable.stdout]) {
      expect(out).not.toContain("SUPERSECRET");
      expect(out).not.toContain("K-9");
    }
  });

  it("leaves text that is not JSON, and a JSON body without secrets, as it is", () => {
    expect(toCurl(post('{"secret": oops', "application/json"), NONE)).toContain(`--data-raw '{"secret": oops'`);
    expect(toCurl(post('[1, {"a": "b"}]', "application/json"), NONE)).toContain(`--data-raw '[1, {"a": "b"}]'`);
  });
});
