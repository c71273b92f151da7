// Requests on another base than the client's (a literal host, or `{{baseUrl}}` where the client's
// base is `{{authServer}}`, as DocuSign's): `--base-url` does not replace it, so a user who points
// the command at a test server is told, on standard error, before the request goes to its own
// host; `--base-url-for base=url` replaces it, as the client's `baseUrls` does. Two real servers on
// 127.0.0.1: one stands for the production host the collection names, one for the test server.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram } from "../helpers/program.js";
import { refusedPort } from "../helpers/refused-port.js";
import { createCore, type ClientOptions } from "../../src/runtime/core.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { useRecordingServer } from "../helpers/recording.js";
import { runWith, testCommandLine } from "./helpers.js";

const production = useRecordingServer();
const testServer = useRecordingServer();

const TOKEN = "other-base-token-123";

/** A GET on `base` (undefined: the client's own). */
function getThing(name: string, base: string | undefined): OperationSpec {
  return {
    name,
    namespace: [],
    item: name,
    folder: [],
    method: "GET",
    path: "/thing",
    args: [],
    ...(base === undefined ? {} : { base }),
    auth: { type: "bearer" },
    responses: [{ status: 200, description: "OK" }],
  };
}

/** A command line whose `get-other` goes to the production server's literal host, `get-own` to the client's base. */
function literalBase() {
  return testCommandLine([getThing("getOther", production.url), getThing("getOwn", undefined)]);
}

/** As DocuSign's: the client's base is `{{authServer}}`, and `get-other` goes to `{{baseUrl}}`. */
function variableBase() {
  return testCommandLine([getThing("getOther", "{{baseUrl}}")], [], {
    connect: (options: ClientOptions<object, string>) =>
      createCore(options, {
        baseUrl: "{{authServer}}",
        variables: { authServer: "http://auth.invalid", baseUrl: production.url },
      }),
  });
}

const env = { ZOOM_API_TOKEN: TOKEN };

function answer(status: number, value: unknown) {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(value) };
}

describe("--base-url and a request on another base", () => {
  it("says on standard error that --base-url does not replace the request's base, naming it and the flag that does", async () => {
    production.reply(answer(200, { from: "production" }));
    const run = await runWith(literalBase(), ["get-other", "--base-url", testServer.url], { env });
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `zoom-api: notice: this request goes to its own base, ${production.url}, which --base-url does not replace; --base-url-for '${production.url}=<url>' does.\n`,
    );
    expect(run.stderr).not.toContain(TOKEN);
    expect(production.requests).toHaveLength(1);
  });

  it("names the environment variable when the base URL came from it", async () => {
    production.reply(answer(200, {}));
    const run = await runWith(literalBase(), ["get-other"], { env: { ...env, ZOOM_API_BASE_URL: testServer.url } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`which $ZOOM_API_BASE_URL does not replace; --base-url-for '${production.url}=<url>'`);
  });

  it("says nothing for a request on the client's base, nor without --base-url", async () => {
    testServer.reply(answer(200, {}));
    const own = await runWith(literalBase(), ["get-own", "--base-url", testServer.url], { env });
    expect(own.stderr).toBe("");
    expect(testServer.requests).toHaveLength(1);
    production.reply(answer(200, {}));
    const other = await runWith(literalBase(), ["get-other"], { env });
    expect(other.stderr).toBe("");
  });

  it("--base-url-for sends the request to the URL given for its base, and says nothing", async () => {
    testServer.reply(answer(200, { from: "test" }));
    const run = await runWith(
      literalBase(),
      ["get-other", "--base-url", "http://unused.invalid", "--base-url-for", `${production.url}=${testServer.url}/v9`],
      { env },
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ from: "test" });
    expect(production.requests).toHaveLength(0);
    expect(testServer.requests.map((r) => r.path)).toEqual(["/v9/thing"]);
  });

  it("replaces {{baseUrl}} where the client's base is {{authServer}} (DocuSign's)", async () => {
    production.reply(answer(200, {}));
    const noticed = await runWith(variableBase(), ["get-other", "--base-url", testServer.url], { env });
    expect(noticed.stderr).toContain(
      "this request goes to its own base, {{baseUrl}}, which --base-url does not replace; --base-url-for '{{baseUrl}}=<url>' does.",
    );
    expect(production.requests).toHaveLength(1);
    testServer.reply(answer(200, {}));
    const run = await runWith(variableBase(), ["get-other", `--base-url-for={{baseUrl}}=${testServer.url}`], { env });
    expect(run.stderr).toBe("");
    expect(testServer.requests.map((r) => r.path)).toEqual(["/thing"]);
    expect(production.requests).toHaveLength(1);
  });

  it("--dry-run shows the URL --base-url-for gives", async () => {
    const run = await runWith(
      literalBase(),
      ["get-other", "--dry-run", "--base-url-for", `${production.url}=https://staging.example.test/api`],
      { env },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("https://staging.example.test/api/thing");
    expect(run.stdout).not.toContain(production.url);
    expect(production.requests).toHaveLength(0);
  });

  it("refuses a base no request goes to, and a pair without =, sending nothing", async () => {
    const typo = production.url.replace("http://", "http:/");
    const unknown = await runWith(literalBase(), ["get-other", "--base-url-for", `${typo}=${testServer.url}`], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`--base-url-for ${typo}=…: no request goes to ${JSON.stringify(typo)}`);
    expect(unknown.stderr).toContain(`the other bases: ${production.url}`);
    const bare = await runWith(literalBase(), ["get-other", "--base-url-for", testServer.url.slice(7)], { env });
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("--base-url-for takes base=url");
    const empty = await runWith(literalBase(), ["get-other", "--base-url-for", `${production.url}=`], { env });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`--base-url-for ${production.url}= needs a URL after =`);
    expect(production.requests).toHaveLength(0);
    expect(testServer.requests).toHaveLength(0);
  });

  it("--json keeps standard output one JSON object; the notice is on standard error", async () => {
    production.reply(answer(404, { code: 1001, message: "nope" }));
    const run = await runWith(literalBase(), ["get-other", "--json", "--base-url", testServer.url], { env });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, error: { kind: "api", status: 404 } });
    expect(run.stderr).toContain("notice: this request goes to its own base");
  });

  it("help names the base of a request on another one, and --base-url-for with the bases", async () => {
    const command = await runWith(literalBase(), ["get-other", "--help"]);
    expect(command.stdout).toContain(
      `Base: ${production.url}, not the client's: --base-url does not replace it; --base-url-for '${production.url}=<url>' does.`,
    );
    expect(command.stdout).toMatch(/--base-url-for <base=url>\s+A URL in place of another base/);
    expect(command.stdout).toContain(`(repeatable): ${production.url}.`);
    const own = await runWith(literalBase(), ["get-own", "--help"]);
    expect(own.stdout).not.toContain("Base:");
    // A package whose requests all go to the client's base has no such flag.
    const plain = await runWith(testCommandLine([getThing("getOwn", undefined)]), ["--help"]);
    expect(plain.stdout).not.toContain("--base-url-for");
  });
});

describe("a generated package with a request on another base", () => {
  it("its README and its bin say what --base-url-for replaces, and its bin sends there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-other-bases-"));
    const file = join(dir, "two-api.postman_collection.json");
    writeFileSync(
      file,
      JSON.stringify({
        info: { name: "Two API", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        variable: [{ key: "baseUrl", value: "http://example.invalid" }],
        item: [
          { name: "Get thing", request: { method: "GET", url: "{{baseUrl}}/thing" } },
          { name: "Get more", request: { method: "GET", url: "{{baseUrl}}/more" } },
          { name: "Get token", request: { method: "GET", url: `${production.url}/token` } },
        ],
      }),
    );
    const out = join(dir, "two-api");
    await writePackage(out, (await emitTarget({ collection: file, out, name: "two-api" })).files);
    const readme = readFileSync(join(out, "README.md"), "utf8");
    expect(readme).toContain(`Some requests go to another base than the client's: \`${production.url}\`.`);
    expect(readme).toContain("`--base-url-for '<base>=<url>'` (repeatable)");
    const bin = (args: string[]) =>
      runProgram(process.execPath, [join(out, "dist/cli/main.js"), ...args], { env: { PATH: process.env.PATH ?? "" } });
    production.reply(answer(200, {}));
    const noticed = await bin(["get-token", "--base-url", testServer.url]);
    expect(noticed.stderr).toContain(`--base-url-for '${production.url}=<url>' does.`);
    expect(production.requests).toHaveLength(1);
    testServer.reply(answer(200, { from: "test" }));
    const run = await bin(["get-token", "--base-url-for", `${production.url}=${testServer.url}`]);
    expect(run.stderr).toBe("");
    expect(testServer.requests.map((r) => r.path)).toEqual(["/token"]);
    expect(production.requests).toHaveLength(1);
  }, 60_000);
});

describe("a generated package whose OAuth 2.0 token URL is on another host", () => {
  it("its bin says where the token request goes, which --base-url does not replace, before sending it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-token-host-"));
    const file = join(dir, "grant-api.postman_collection.json");
    const grant = (tokenUrl: string) => ({
      type: "oauth2",
      oauth2: [
        { key: "grant_type", value: "client_credentials" },
        { key: "accessTokenUrl", value: tokenUrl },
        { key: "clientId", value: "app-1" },
        { key: "client_authentication", value: "body" },
      ],
    });
    writeFileSync(
      file,
      JSON.stringify({
        info: { name: "Grant API", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        variable: [
          { key: "baseUrl", value: "http://example.invalid" },
          { key: "authUrl", value: production.url },
        ],
        item: [
          // The token URL from a variable, and one the collection writes as it is, with a query not shown.
          {
            name: "Get thing",
            request: { method: "GET", url: "{{baseUrl}}/thing", auth: grant("{{authUrl}}/oauth/token") },
          },
          {
            name: "Get more",
            request: { method: "GET", url: "{{baseUrl}}/more", auth: grant(`${production.url}/token?tenant=acme`) },
          },
          // On another base, which --base-url-for points elsewhere.
          {
            name: "Get file",
            request: {
              method: "GET",
              url: "http://files.example.invalid/file",
              auth: grant("{{authUrl}}/oauth/token"),
            },
          },
        ],
      }),
    );
    const out = join(dir, "grant-api");
    await writePackage(out, (await emitTarget({ collection: file, out, name: "grant-api" })).files);
    const secret = "token-host-secret-9f2";
    const bin = (args: string[], env: Record<string, string> = {}) =>
      runProgram(process.execPath, [join(out, "dist/cli/main.js"), ...args], {
        env: { PATH: process.env.PATH ?? "", GRANT_API_CLIENT_SECRET: secret, ...env },
      });
    const token = answer(200, { access_token: "granted", token_type: "Bearer", expires_in: 3600 });

    production.reply(token);
    testServer.reply(answer(200, { from: "test" }));
    const noticed = await bin(["get-thing", "--base-url", testServer.url]);
    expect(noticed.code).toBe(0);
    expect(noticed.stderr).toBe(
      `grant-api: notice: the OAuth 2.0 token request goes to ${production.url}/oauth/token, which --base-url does not replace; --variable 'authUrl=…' changes it.\n`,
    );
    expect(production.requests.map((r) => r.path)).toEqual(["/oauth/token"]);
    expect(testServer.requests.map((r) => [r.path, r.headers.authorization])).toEqual([["/thing", "Bearer granted"]]);

    // Said before the token request is sent: a token endpoint that refuses the connection still has it said.
    const refused = `http://127.0.0.1:${await refusedPort()}`;
    const unsent = await bin(["get-thing", "--base-url", testServer.url, "--variable", `authUrl=${refused}`]);
    expect(unsent.code).toBe(1);
    expect(unsent.stderr).toMatch(
      new RegExp(
        `^grant-api: notice: the OAuth 2\\.0 token request goes to ${refused}/oauth/token, .*\\n.*could not be reached`,
      ),
    );

    // A literal token URL: shown without its query; the base from the environment is named so.
    production.reply(token);
    testServer.reply(answer(200, {}));
    const literal = await bin(["get-more"], { GRANT_API_BASE_URL: testServer.url });
    expect(literal.stderr).toBe(
      `grant-api: notice: the OAuth 2.0 token request goes to ${production.url}/token, which $GRANT_API_BASE_URL does not replace; no flag changes it (--token sends a token without one).\n`,
    );
    expect(literal.stderr).not.toContain(secret);
    expect(production.requests.map((r) => r.path)).toEqual(["/oauth/token", "/token"]);

    // A request on another base sent elsewhere by --base-url-for: its token request is said too.
    production.reply(token);
    testServer.reply(answer(200, {}));
    const other = await bin(["get-file", "--base-url-for", `http://files.example.invalid=${testServer.url}`]);
    expect([other.code, other.stderr]).toEqual([
      0,
      `grant-api: notice: the OAuth 2.0 token request goes to ${production.url}/oauth/token, which --base-url-for does not replace; --variable 'authUrl=…' changes it.\n`,
    ]);
    expect(testServer.requests.at(-1)?.path).toBe("/file");

    // The token URL on the given base's host, no token request (--token), or no --base-url: nothing said.
    testServer.reply(token, answer(200, {}));
    const same = await bin(["get-thing", "--base-url", testServer.url, "--variable", `authUrl=${testServer.url}`]);
    expect([same.code, same.stderr]).toEqual([0, ""]);
    testServer.reply(answer(200, {}));
    const given = await bin(["get-thing", "--base-url", testServer.url, "--token", "t-1"]);
    expect([given.code, given.stderr]).toEqual([0, ""]);
    production.reply(token);
    testServer.reply(answer(200, {}));
    const plain = await bin(["get-thing", "--variable", `baseUrl=${testServer.url}`]);
    expect([plain.code, plain.stderr]).toEqual([0, ""]);
    expect(production.requests).toHaveLength(4);
  }, 60_000);
});
