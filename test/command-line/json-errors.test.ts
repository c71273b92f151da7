// `--json`: each kind of failure of a package's command line as one JSON object on standard
// output, for scripts. The built bin of a generated package, run as a child process against a
// server on 127.0.0.1 that quotes the token back (and sends terminal controls): every output is
// parsed, holds no secret, and keeps the exit code the text output has.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram, type ProgramResult } from "../helpers/program.js";
import { useRecordingServer } from "../helpers/recording.js";

const TOKEN = "json-secret-token-5e1d";
// What a hostile or careless API sends back: the token, an escape sequence, a C1 control, a bidi override.
const QUOTED = `invalid token ${TOKEN} \u001b[31mred\u009b\u202e`;

const COLLECTION = {
  info: {
    name: "Json Errors",
    schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  auth: { type: "bearer", bearer: [{ key: "token", value: "", type: "string" }] },
  variable: [{ key: "baseUrl", value: "https://example.invalid" }],
  item: [
    {
      name: "Get thing",
      request: {
        method: "GET",
        url: {
          raw: "{{baseUrl}}/things/:id",
          host: ["{{baseUrl}}"],
          path: ["things", ":id"],
          variable: [{ key: "id", value: "1" }],
        },
      },
    },
    {
      name: "Get region",
      request: {
        method: "GET",
        url: { raw: "{{baseUrl}}/regions/{{region}}", host: ["{{baseUrl}}"], path: ["regions", "{{region}}"] },
      },
    },
    {
      name: "Get versioned",
      request: {
        method: "GET",
        header: [{ key: "Plaid-Version", value: "{{plaid_version}}" }],
        url: { raw: "{{baseUrl}}/versioned", host: ["{{baseUrl}}"], path: ["versioned"] },
      },
    },
  ],
};

const server = useRecordingServer();
let pkg: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-json-"));
  const collection = join(dir, "json-errors.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  pkg = join(dir, "json-errors");
  await writePackage(pkg, (await emitTarget({ collection, out: pkg, name: "json-errors" })).files);
  chmodSync(join(pkg, "dist/cli/main.js"), 0o755);
}, 120_000);

function bin(args: string[], token = TOKEN): Promise<ProgramResult> {
  return runProgram(join(pkg, "dist/cli/main.js"), args, {
    env: { PATH: process.env.PATH ?? "", JSON_ERRORS_TOKEN: token },
  });
}

/** The one JSON object the bin printed, checked for what no output may hold. */
function failure(result: ProgramResult): { kind: string; message: string; [fact: string]: unknown } {
  expect(result.stderr).toBe("");
  expect(result.stdout.endsWith("\n")).toBe(true);
  expect(result.stdout.trimEnd()).not.toContain("\n");
  expect(result.stdout).not.toContain(TOKEN);
  // Raw controls and bidi marks nowhere; JSON escapes them.
  expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  const parsed = JSON.parse(result.stdout) as { ok: boolean; error: { kind: string; message: string } };
  expect(parsed.ok).toBe(false);
  return parsed.error;
}

describe("a package's command line with --json", () => {
  const url = () => ["--base-url", server.url, "--max-retries", "0", "--json"];

  it("api: the status, the code, the operation, the attempts and the whole body, the token masked", async () => {
    server.reply({
      status: 401,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: 124, message: QUOTED, [TOKEN]: "as a key" }),
    });
    const result = await bin(["get-thing", "--id", "7", ...url()]);
    expect(result.code).toBe(1);
    const error = failure(result);
    expect(error).toMatchObject({ kind: "api", status: 401, code: 124, operation: "getThing", attempts: 1 });
    expect(error.message).toContain("401");
    const body = error.body as Record<string, string>;
    // The API's text kept, its controls as values, the token masked in values and keys alike.
    expect(body.message).toBe(QUOTED.replace(TOKEN, "***"));
    expect(body["***"]).toBe("as a key");
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("a short secret is masked in what the server said, never in the output's own keys and kind", async () => {
    // Mailgun's Basic user name is `api`; a secret may be a word the output itself writes too.
    for (const token of ["api", "message"]) {
      server.reset();
      server.reply({
        status: 401,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ detail: `${token} is not valid`, [token]: "as a key" }),
      });
      const result = await bin(["get-thing", "--id", "7", ...url()], token);
      expect(result.code).toBe(1);
      const { ok, error } = JSON.parse(result.stdout) as { ok: boolean; error: Record<string, unknown> };
      expect(ok).toBe(false);
      expect(error).toMatchObject({ kind: "api", status: 401, operation: "getThing", attempts: 1 });
      expect(error.message).toContain("401");
      expect(error.message).not.toMatch(new RegExp(`\\b${token}\\b`));
      expect(error.body).toEqual({ detail: "*** is not valid", "***": "as a key" });
      expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${token}`);
    }
  });

  it("parse: a 2xx whose JSON does not parse, its content type and body", async () => {
    server.reply({ status: 200, headers: { "content-type": "application/json" }, body: `{"not json": ${TOKEN}` });
    const result = await bin(["get-thing", "--id", "7", ...url()]);
    expect(result.code).toBe(1);
    const error = failure(result);
    expect(error).toMatchObject({ kind: "parse", status: 200, contentType: "application/json", operation: "getThing" });
    expect(error.body).toBe(`{"not json": ***`);
  });

  it("timeout: the attempt's limit and the attempts", async () => {
    server.reply({ action: "hang" });
    const result = await bin(["get-thing", "--id", "7", ...url(), "--timeout", "300"]);
    expect(result.code).toBe(1);
    expect(failure(result)).toMatchObject({ kind: "timeout", timeoutMs: 300, operation: "getThing", attempts: 1 });
  });

  it("connection: a connection closed without an answer", async () => {
    server.reply({ action: "drop" });
    const result = await bin(["get-thing", "--id", "7", ...url()]);
    expect(result.code).toBe(1);
    expect(failure(result)).toMatchObject({ kind: "connection", operation: "getThing", attempts: 1 });
  });

  it("validation: a variable without a value, named; nothing sent", async () => {
    const result = await bin(["get-region", ...url()]);
    expect(result.code).toBe(2);
    const error = failure(result);
    expect(error).toMatchObject({ kind: "validation", operation: "getRegion", variable: "region" });
    expect(error.message).toContain("--variable 'region=…'");
    expect(server.requests).toHaveLength(0);
  });

  it("validation: a value the client refuses names its argument and its flag; nothing sent", async () => {
    const result = await bin(["get-thing", "--id", "..", ...url()]);
    expect(result.code).toBe(2);
    const error = failure(result);
    expect(error).toMatchObject({ kind: "validation", operation: "getThing", field: "id" });
    expect(error.message).toContain('must not be ".."');
    expect(error.message).toContain("(flag --id)");
    expect(server.requests).toHaveLength(0);
  });

  it("usage: a flag refused before anything is read (--json after it too), the secret flag's value not quoted", async () => {
    const unknown = await bin(["get-thing", "--id", "7", "--frobnicate", ...url()]);
    expect(unknown.code).toBe(2);
    expect(failure(unknown)).toMatchObject({
      kind: "usage",
      message: "unknown flag --frobnicate",
      operation: "getThing",
      help: "json-errors get-thing --help",
    });
    // No command: the namespace's help is not printed on standard error either.
    const none = await bin(["--json", "--token", TOKEN]);
    expect(none.code).toBe(2);
    expect(failure(none)).toMatchObject({ kind: "usage", message: "give a command" });
    const stray = await bin(["get-thing", "--json", "--token=", TOKEN]);
    expect(stray.code).toBe(2);
    expect(failure(stray).kind).toBe("usage");
    expect(server.requests).toHaveLength(0);
  });

  it("off: --no-json and --json=false print the text; a success prints the body as without --json", async () => {
    const text = await bin(["get-thing", "--frobnicate", "--json", "--no-json"]);
    expect(text).toMatchObject({ code: 2, stdout: "" });
    expect(text.stderr).toContain("unknown flag --frobnicate");
    const off = await bin(["get-thing", "--json", "--frobnicate", "--json=false"]);
    expect(off).toMatchObject({ code: 2, stdout: "" });
    expect(off.stderr).toContain("unknown flag --frobnicate");
    server.reply({ status: 200, headers: { "content-type": "application/json" }, body: '{"id":7}' });
    expect(await bin(["get-thing", "--id", "7", ...url()])).toEqual({ code: 0, stdout: '{"id":7}\n', stderr: "" });
  });
});

describe("a variable that only an argument's default refers to", () => {
  it("its refusal names the argument's flag too, and the flag works", async () => {
    const args = ["get-versioned", "--base-url", server.url];
    const refused = await bin(args);
    expect(refused).toMatchObject({ code: 2, stdout: "" });
    expect(refused.stderr).toContain("variable {{plaid_version}} has no value");
    expect(refused.stderr).toContain("Or give --plaid-version, whose default refers to it.");
    const json = failure(await bin([...args, "--json"]));
    expect(json).toMatchObject({ kind: "validation", variable: "plaid_version" });
    expect(json.message).toContain("--plaid-version");
    expect(server.requests).toHaveLength(0);
    server.reply({ status: 204 });
    expect(await bin([...args, "--plaid-version", "2020-09-14"])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(server.requests[0]!.headers["plaid-version"]).toBe("2020-09-14");
  });
});
