// The command line's machinery in-process, against a real server on 127.0.0.1: commands and flags
// from the specs, typed values refused before anything is sent, bodies, uploads, credentials that
// are never printed, output and exit codes, --dry-run.
import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toCurl } from "../../src/command-line/curl.js";
import { runCommandLine } from "../../src/command-line/run.js";
import type { OperationHelp } from "../../src/command-line/types.js";
import { credentialLastWords, credentialWords } from "../../src/runtime/credential-names.js";
import { createCore, type ClientOptions } from "../../src/runtime/core.js";
import { environmentScopes } from "../../src/runtime/environments.js";
import { ValidationError } from "../../src/runtime/errors.js";
import { ApiPromise } from "../../src/runtime/api-promise.js";
import type { EnvironmentSpec, OAuth2Spec, OperationSpec } from "../../src/runtime/spec.js";
import { runWith, startDripServer, testCommandLine, type HostOptions } from "./helpers.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";
import { useRecordingServer } from "../helpers/recording.js";

const TOKEN = "zoom-secret-token-123";

// The seed operation where the full Zoom client has it, with a documented success.
const updateUserStatus: OperationSpec = {
  ...SEED_SPEC,
  namespace: ["users", "userId"],
  folder: ["users", "{user Id}"],
  responses: [
    { status: 204, description: "Status updated." },
    {
      status: 404,
      description: "Not Found",
      errorCodes: [{ code: 1001, description: "User does not exist: $userId." }],
    },
  ],
  scopes: ["user:write:admin"],
};

const createUser: OperationSpec = {
  name: "createUser",
  namespace: ["users"],
  item: "Create users",
  folder: ["users"],
  method: "POST",
  path: "/users",
  args: [
    { arg: "action", name: "action", in: "body", required: true, enum: ["create", "autoCreate"] },
    { arg: "user_info", name: "user_info", in: "body", required: false, type: "json" },
    { arg: "count", name: "count", in: "body", required: false, type: "json" },
    { arg: "note", name: "note", in: "body", required: false, type: "json" },
  ],
  body: "json",
  contentType: "application/json",
  auth: { type: "bearer" },
  responses: [{ status: 201, description: "User created." }],
};

const listUsers: OperationSpec = {
  name: "listUsers",
  namespace: ["users"],
  item: "List users",
  folder: ["users"],
  method: "GET",
  path: "/users",
  args: [
    { arg: "status", name: "status", in: "query", required: false, enum: ["active", "inactive", "pending"] },
    { arg: "page_size", name: "page_size", in: "query", required: false },
    { arg: "include_fields", name: "include_fields", in: "query", required: false },
    { arg: "timeout", name: "timeout", in: "query", required: false },
    { arg: "X-Trace", name: "X-Trace", in: "header", required: false },
  ],
  auth: { type: "bearer" },
  responses: [{ status: 200, description: "OK" }],
};

const uploadFile: OperationSpec = {
  name: "uploadFile",
  namespace: ["im"],
  item: "Upload a file",
  folder: ["im"],
  method: "POST",
  path: "/chat/users/me/files",
  args: [
    { arg: "file", name: "file", in: "body", required: true, type: "file" },
    { arg: "title", name: "title", in: "body", required: false },
  ],
  body: "multipart",
  auth: { type: "apikey", in: "query", name: "api_key" },
  responses: [{ status: 201 }],
};

const HELP: OperationHelp[] = [
  {
    path: ["users", "userId", "updateUserStatus"],
    description: "Use this API to deactivate an active user.",
    args: [{ arg: "userId", description: "The user ID or email address." }],
  },
  {
    path: ["users", "createUser"],
    args: [
      { arg: "user_info", kind: "json" },
      { arg: "count", kind: "number" },
    ],
  },
  {
    path: ["users", "listUsers"],
    args: [
      { arg: "page_size", kind: "number" },
      { arg: "include_fields", kind: "boolean" },
    ],
  },
];

/** `listUsers` with an OAuth 2.0 client-credentials grant, its token URL from `{{tokenUrl}}`, the client in the body. */
function withGrant(client: Pick<OAuth2Spec, "clientId" | "clientSecret">): OperationSpec {
  return {
    ...listUsers,
    args: [],
    auth: {
      type: "oauth2",
      grant: "client_credentials",
      accessTokenUrl: "{{tokenUrl}}",
      ...client,
      clientAuthentication: "body",
    },
  };
}

const CLI = testCommandLine([updateUserStatus, createUser, listUsers, uploadFile], HELP);

const server = useRecordingServer();

/** updateUserStatus called once, without retries (an error answer is the one to print). */
const ONCE = [
  "users",
  "user-id",
  "update-user-status",
  "--user-id",
  "me",
  "--action",
  "activate",
  "--max-retries",
  "0",
];

const run = (argv: string[], options: HostOptions = {}) =>
  runWith(CLI, [...argv, "--base-url", `${server.url}/v2`], {
    ...options,
    env: { ZOOM_API_TOKEN: TOKEN, ...options.env },
  });

function expectNoSecret(...texts: string[]) {
  for (const text of texts) expect(text).not.toContain(TOKEN);
}

describe("a form field of JSON text", () => {
  it("sends the text given as its flag, through the jsonText feature the command line passes", async () => {
    const updateProfile: OperationSpec = {
      ...SEED_SPEC,
      name: "updateProfile",
      item: "Update profile",
      method: "PATCH",
      path: "/rooms/profile",
      args: [{ arg: "basic", name: "basic", in: "body", required: true, type: "jsonText" }],
      body: "multipart",
    };
    server.reply({ status: 204 });
    const result = await runWith(
      testCommandLine([updateProfile]),
      ["update-profile", "--basic", '{"support_email":"a@b.c"}', "--base-url", server.url],
      { env: { ZOOM_API_TOKEN: TOKEN } },
    );
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(server.requests[0]).toMatchObject({ fields: [["basic", '{"support_email":"a@b.c"}']] });
  });
});

describe("a query parameter named as a credential", () => {
  it("is masked where the API quotes it, through the sentSecrets feature the command line passes", async () => {
    const key = "qk-4f1c9e2b7a";
    const search: OperationSpec = {
      ...SEED_SPEC,
      name: "searchFiles",
      item: "Search files",
      method: "GET",
      path: "/files",
      args: [{ arg: "api_key", name: "api_key", in: "query", required: true }],
      body: undefined,
    };
    server.reply({
      status: 403,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: `key ${key} revoked` }),
    });
    const result = await runWith(
      testCommandLine([search]),
      ["search-files", "--api_key", key, "--base-url", server.url],
      {
        env: { ZOOM_API_TOKEN: TOKEN },
      },
    );
    expect(server.requests[0]).toMatchObject({ path: "/files", query: [["api_key", key]] });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(key);
    expect(result.stderr).toContain("key *** revoked");
  });
});

describe("the seed operation", () => {
  it("sends the seed request: PUT, path variable, multipart field, bearer token from the environment", async () => {
    server.reply({ status: 204 });
    const result = await run(["users", "user-id", "update-user-status", "--user-id", "me", "--action", "deactivate"]);
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request).toMatchObject({
      method: "PUT",
      path: "/v2/users/me/status",
      fields: [["action", "deactivate"]],
      files: [],
    });
    expect(request!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  });

  it("takes the collection's own key as a flag, --flag=value, and global flags before the command", async () => {
    server.reply({ status: 204 });
    const result = await runWith(CLI, [
      "--base-url",
      `${server.url}/v2`,
      "--token",
      TOKEN,
      "users",
      "user-id",
      "update-user-status",
      "--userId=a+b@example.com",
      "--action=activate",
    ]);
    expect(result.code).toBe(0);
    expect(server.requests[0]).toMatchObject({
      path: "/v2/users/a%2Bb%40example.com/status",
      fields: [["action", "activate"]],
    });
  });

  it("a 404 with code 1001: exit 1, status, code and its documented description on stderr, the token nowhere", async () => {
    server.reply({
      status: 404,
      headers: { "content-type": "application/json" },
      body: '{"code":1001,"message":"User does not exist: nobody."}',
    });
    const result = await run([
      "users",
      "user-id",
      "update-user-status",
      "--user-id",
      "nobody",
      "--action",
      "activate",
      "--max-retries",
      "0",
    ]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("HTTP 404 Not Found");
    expect(result.stderr).toContain("error code 1001: User does not exist: $userId.");
    expect(result.stderr).toContain("message: User does not exist: nobody.");
    expectNoSecret(result.stdout, result.stderr);
  });

  it("a documented description of several lines (a markdown list): its later lines under its own", async () => {
    // Zoom's createAMeeting documents code 3000 as a list of two items, one blank line apart.
    const listed = testCommandLine(
      [
        {
          ...updateUserStatus,
          responses: [
            {
              status: 400,
              description: "Bad Request",
              errorCodes: [
                {
                  code: 3000,
                  description:
                    "* Instant meetings do not support the schedule_for parameter.\n\n* Users in '{0}' have been blocked from joining meetings",
                },
              ],
            },
          ],
        },
      ],
      HELP,
    );
    server.reply({
      status: 400,
      headers: { "content-type": "application/json" },
      body: '{"code":3000,"message":"Instant meetings\\nare not for others."}',
    });
    const result = await runWith(
      listed,
      [
        "users",
        "user-id",
        "update-user-status",
        "--user-id",
        "me",
        "--action",
        "activate",
        "--base-url",
        `${server.url}/v2`,
      ],
      { env: { ZOOM_API_TOKEN: TOKEN } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        "zoom-api: HTTP 400 Bad Request (updateUserStatus)",
        "  error code 3000: * Instant meetings do not support the schedule_for parameter.",
        "    * Users in '{0}' have been blocked from joining meetings",
        "  message: Instant meetings",
        "    are not for others.",
        "",
      ].join("\n"),
    );
  });

  it("an answer that is text of several lines (a proxy's error page): its later lines under its label", async () => {
    server.reply({
      status: 502,
      headers: { "content-type": "text/html" },
      body: "<html>\n<head><title>502 Bad Gateway</title></head>\n\n<body>nginx</body>\n</html>\n",
    });
    const result = await run(ONCE);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        "zoom-api: HTTP 502 Bad Gateway (updateUserStatus)",
        "  body: <html>",
        "    <head><title>502 Bad Gateway</title></head>",
        "    <body>nginx</body>",
        "    </html>",
        "",
      ].join("\n"),
    );
  });

  it("an error status retried until retries ran out: how many attempts were made", async () => {
    server.reply({ status: 503, headers: { "retry-after": "0" }, body: "down" });
    const result = await run([...ONCE.slice(0, -1), "1"]);
    expect(result.code).toBe(1);
    expect(server.requests).toHaveLength(2);
    expect(result.stderr).toBe(
      ["zoom-api: HTTP 503 Service Unavailable (updateUserStatus) after 2 attempts", "  body: down", ""].join("\n"),
    );
  });

  it("a 2xx whose JSON does not parse: an error (exit 1) that says so, with the body's text", async () => {
    server.reply({
      status: 200,
      headers: { "content-type": "application/json" },
      body: "<html>\n<body>Sign in</body>\n</html>\n",
    });
    const result = await run(ONCE);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      [
        "zoom-api: HTTP 200 OK (updateUserStatus)",
        "  body is not JSON (application/json): <html>",
        "    <body>Sign in</body>",
        "    </html>",
        "",
      ].join("\n"),
    );
  });

  // The client's error takes the API's words from these places too (runtime/response.ts): the
  // command line printed the whole body for them, with no `message:` line.
  for (const [shape, body] of [
    ["RFC 9457's detail", { type: "about:blank", title: "Bad Request", detail: "action is not allowed now" }],
    [
      "Microsoft Graph's error.message",
      { error: { code: "Request_BadRequest", message: "action is not allowed now" } },
    ],
    ["Twitter's errors[0].message", { errors: [{ code: 214, message: "action is not allowed now" }] }],
  ] as const)
    it(`an error's message where the client finds it: ${shape}`, async () => {
      server.reply({ status: 400, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const result = await run(["users", "user-id", "update-user-status", "--user-id", "me", "--action", "activate"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain("  message: action is not allowed now\n");
      expect(result.stderr).not.toContain("body:");
    });

  it("a long text answer is cut at a whole character", async () => {
    // 1,999 units, then an emoji (two units) across the 2,000th.
    server.reply({ status: 502, headers: { "content-type": "text/plain" }, body: `${"x".repeat(1999)}😀 and more` });
    const result = await run(ONCE);
    expect(result.code).toBe(1);
    const body = /body: (.*)\n/.exec(result.stderr)?.[1] ?? "";
    expect(body).toBe(`${"x".repeat(1999)}…`);
    expect(body).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it("a bad enum value: exit 2 naming the allowed values, nothing sent", async () => {
    const result = await run(["users", "user-id", "update-user-status", "--user-id", "me", "--action", "deactivated"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--action must be one of: activate, deactivate");
    expect(server.requests).toHaveLength(0);
  });

  it("a missing required flag, an unknown flag, a flag given twice: exit 2, nothing sent", async () => {
    const missing = await run(["users", "user-id", "update-user-status", "--action", "activate"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing --user-id");
    const unknown = await run([
      "users",
      "user-id",
      "update-user-status",
      "--user-id",
      "me",
      "--action",
      "activate",
      "--colour",
      "red",
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown flag --colour");
    const twice = await run([
      "users",
      "user-id",
      "update-user-status",
      "--user-id",
      "me",
      "--user-id",
      "you",
      "--action",
      "activate",
    ]);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain("--user-id is given 2 times");
    expect(server.requests).toHaveLength(0);
  });

  it("a flag where a value should be (a value forgotten before --dry-run): exit 2, nothing sent", async () => {
    // Read as the value, `--dry-run` would be lost and the request sent for real.
    const forgotten = await run([
      "users",
      "user-id",
      "update-user-status",
      "--user-id",
      "--dry-run",
      "--action",
      "activate",
    ]);
    expect(forgotten).toMatchObject({ code: 2, stdout: "" });
    expect(forgotten.stderr).toContain("--user-id needs a value; --dry-run came where it goes");
    // A credential's flag, before the command: what came after it is not quoted (it may be the secret).
    const credential = await run(["--token", "--not-a-flag-secret", "users", "user-id", "update-user-status"]);
    expect(credential.code).toBe(2);
    expect(credential.stderr).toContain("--token needs a value");
    expect(credential.stderr).not.toContain("not-a-flag-secret");
    expect(server.requests).toHaveLength(0);
    // A value that begins with -- is given after =.
    const dashed = await run([
      "users",
      "user-id",
      "update-user-status",
      "--user-id=--me",
      "--action",
      "activate",
      "--dry-run",
    ]);
    expect(dashed.code).toBe(0);
    expect(dashed.stdout).toContain("/users/--me/status");
  });

  it("a secret with its = mistyped (`--token= abc`, `--variable token:abc`) is not quoted back: exit 2, nothing sent", async () => {
    const secret = "typo-secret-token-4321";
    const seed = ["users", "user-id", "update-user-status"];
    for (const argv of [
      // A space after =: the flag has no value, the secret is a word of its own, before the command or after.
      ["--token=", secret, ...seed, "--user-id", "me", "--action", "activate"],
      [...seed, "--token=", secret, "--user-id", "me", "--action", "activate"],
      // A variable's value: `:` or a space for =, or no name.
      [...seed, "--variable", `token:${secret}`, "--user-id", "me", "--action", "activate"],
      [...seed, `--variable=${secret}`, "--user-id", "me", "--action", "activate"],
      [...seed, "--variable", `=${secret}`, "--user-id", "me", "--action", "activate"],
    ]) {
      const result = await run(argv);
      expect(result.code).toBe(2);
      expect(result.stderr).not.toContain(secret);
      expect(result.stderr).not.toContain(secret.slice(0, 11));
    }
    const spaced = await run(["--token=", secret, ...seed]);
    expect(spaced.stderr).toContain("unexpected word after --token=, which gave it no value");
    expect(server.requests).toHaveLength(0);
    // A word after a flag that names no secret is quoted, as any stray word is.
    expect((await run([...seed, "--user-id=", "stray"])).stderr).toContain('unexpected "stray"');
  });

  it("an API's message reaches the terminal without its control characters", async () => {
    server.reply({
      status: 400,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ code: 300, message: "bad \u001b]0;pwned\u0007 \u009b31m value" }),
    });
    const result = await run(ONCE);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("message: bad ]0;pwned 31m value");
    expect(result.stderr).not.toMatch(/[\u001b\u0007\u009b]/);
  });

  it("a value the client refuses names its flag: exit 2, nothing sent", async () => {
    const result = await run(["users", "user-id", "update-user-status", "--user-id", "..", "--action", "activate"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('argument "userId" (path variable "userId") must not be ".."');
    expect(result.stderr).toContain("(flag --user-id)");
    expect(server.requests).toHaveLength(0);
  });

  it("a typo of a command or a flag: exit 2 with the name meant, nothing sent", async () => {
    const flag = await run(["users", "list-users", "--page-sise", "2"]);
    expect(flag.code).toBe(2);
    expect(flag.stderr).toContain("unknown flag --page-sise (did you mean --page-size?)");
    const command = await run(["users", "list-user", "--page-size", "2"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain(
      `unknown command "list-user" under 'zoom-api users' (did you mean list-users?); one of:`,
    );
    const global = await run(["--max-retry", "0", "users", "list-users"]);
    expect(global.code).toBe(2);
    expect(global.stderr).toContain("unknown flag --max-retry (did you mean --max-retries?)");
    // A name cut short: the one flag it begins, in any of its spellings (`--page` begins
    // `--page-size` and `--page_size`); `--incl` begins two flags (the global `--include`): no guess.
    const short = await run(["users", "list-users", "--stat", "active"]);
    expect(short.stderr).toContain("unknown flag --stat (did you mean --status?)");
    expect((await run(["users", "list-users", "--page", "2"])).stderr).toContain("(did you mean --page-size?)");
    expect((await run(["users", "list-users", "--incl", "x"])).stderr).toContain("unknown flag --incl\n");
    // Nothing near: no guess.
    const far = await run(["users", "list-users", "--colour", "red"]);
    expect(far.stderr).toContain("unknown flag --colour\n");
    expect(server.requests).toHaveLength(0);
  });

  it("an unknown command: exit 2 with what there is", async () => {
    const result = await run(["users", "nobody"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "nobody"');
    expect(result.stderr).toContain("user-id");
    expect(result.stderr).toContain("create-user");
  });
});

describe("a download", () => {
  it("writes the answer's bytes to standard output as they came (a Blob), not its JSON text", async () => {
    // Bytes that are no UTF-8 (0xff, 0x80, NUL): the recording server answers text only.
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0x80, 0x00, 0x0a]);
    const files = createServer((_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(png));
    await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
    const chunks: Array<string | Uint8Array> = [];
    try {
      const code = await runCommandLine(CLI, {
        argv: ["users", "list-users", "--base-url", `http://127.0.0.1:${(files.address() as AddressInfo).port}`],
        env: { ZOOM_API_TOKEN: TOKEN },
        stdoutIsTTY: false,
        write: (stream, text) => void (stream === "stdout" && chunks.push(text)),
        readFile: () => Promise.reject(new Error("no file")),
        readStdin: () => Promise.reject(new Error("no input")),
      });
      expect(code).toBe(0);
    } finally {
      await new Promise((resolve) => files.close(resolve));
    }
    expect(chunks.map((chunk) => Buffer.from(chunk))).toEqual([png]);
  });
});

describe("a download of several MiB", () => {
  it("is written as it comes, each write awaited before the next read: the server sends a chunk only once the last is written", async () => {
    const drip = await startDripServer(64);
    const hash = createHash("sha256");
    let pending = false;
    let overlapping = 0;
    try {
      const code = await runCommandLine(CLI, {
        argv: ["users", "list-users", "--base-url", drip.url],
        env: { ZOOM_API_TOKEN: TOKEN },
        stdoutIsTTY: false,
        write: (stream, text) => {
          if (stream !== "stdout") return;
          if (pending) overlapping++;
          hash.update(text);
          drip.written(text.length);
          // A stream that is always full: the next write must wait for this one to drain.
          pending = true;
          return new Promise<void>((resolve) =>
            setImmediate(() => {
              pending = false;
              resolve();
            }),
          );
        },
        readFile: () => Promise.reject(new Error("no file")),
        readStdin: () => Promise.reject(new Error("no input")),
      });
      expect(code).toBe(0);
      expect(hash.digest("hex")).toBe(await drip.sent);
      expect(drip.stalled).toBe(false);
      expect(overlapping).toBe(0);
    } finally {
      await drip.close();
    }
  });

  it("a text answer is decoded as it streams, a character split between chunks included, and ends with a line break", async () => {
    const text = "café crème";
    const bytes = Buffer.from(text);
    const files = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      // Between the two bytes of "é".
      res.write(bytes.subarray(0, 4));
      setImmediate(() => res.end(bytes.subarray(4)));
    });
    await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
    try {
      const result = await runWith(
        CLI,
        ["users", "list-users", "--base-url", `http://127.0.0.1:${(files.address() as AddressInfo).port}`],
        { env: { ZOOM_API_TOKEN: TOKEN } },
      );
      expect(result).toEqual({ code: 0, stdout: `${text}\n`, stderr: "" });
    } finally {
      await new Promise((resolve) => files.close(resolve));
    }
  });

  it("cut off halfway: exit 1 with a connection error, as the client reports one", async () => {
    const files = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": "1000" });
      res.write(Buffer.alloc(100));
      setImmediate(() => res.destroy());
    });
    await new Promise<void>((resolve) => files.listen(0, "127.0.0.1", resolve));
    try {
      const result = await runWith(
        CLI,
        ["users", "list-users", "--json", "--base-url", `http://127.0.0.1:${(files.address() as AddressInfo).port}`],
        { env: { ZOOM_API_TOKEN: TOKEN } },
      );
      expect(result.code).toBe(1);
      const failure = JSON.parse(result.stdout.slice(result.stdout.indexOf('{"ok"'))) as {
        error: { kind: string; message: string };
      };
      expect(failure.error.kind).toBe("connection");
      expect(failure.error.message).toMatch(/^listUsers: the answer was cut off: /);
    } finally {
      await new Promise((resolve) => files.close(resolve));
    }
  });

  it("a JSON answer that stalls halfway: exit 1 with a timeout after --timeout, not a hang", async () => {
    const sockets = new Set<import("node:net").Socket>();
    const stalling = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      // Half a JSON value, then nothing: the server neither ends nor closes.
      res.write('{"users": [');
    });
    stalling.on("connection", (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => stalling.listen(0, "127.0.0.1", resolve));
    try {
      const result = await runWith(
        CLI,
        [
          "users",
          "list-users",
          "--json",
          "--timeout",
          "300",
          "--base-url",
          `http://127.0.0.1:${(stalling.address() as AddressInfo).port}`,
        ],
        { env: { ZOOM_API_TOKEN: TOKEN } },
      );
      expect(result.code).toBe(1);
      const failure = JSON.parse(result.stdout.slice(result.stdout.indexOf('{"ok"'))) as {
        error: { kind: string; message: string };
      };
      expect(failure.error.kind).toBe("timeout");
      expect(failure.error.message).toMatch(/^listUsers: /);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => stalling.close(resolve));
    }
  }, 20_000);
});

describe("--help", () => {
  it("at the root: the namespaces and the global flags; without a command it is a usage error", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Namespaces:\n {2}users\s+3 commands\n {2}im\s+1 command\n/);
    expect(result.stdout).toContain("--dry-run");
    expect(result.stdout).toMatch(
      /Credentials \(flag, or the environment variable\):\n {2}--token <value>\s+access token.*; \$ZOOM_API_TOKEN\n {2}--api-key <value>\s+API key.*; \$ZOOM_API_KEY\n/,
    );
    const bare = await runWith(CLI, []);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("Namespaces:");
  });

  it("of a namespace: its namespaces and commands", async () => {
    const result = await run(["users", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("zoom-api users: requests of the Postman folder");
    expect(result.stdout).toMatch(/ {2}user-id\s+1 command/);
    expect(result.stdout).toMatch(/ {2}create-user\s+Create users \(POST \/users\)/);
  });

  it("of a command: description, method and path, each flag with type, enum, required mark and description, responses with error codes", async () => {
    const result = await run(["users", "user-id", "update-user-status", "-h"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("zoom-api users user-id update-user-status: Update user status");
    expect(result.stdout).toContain("Use this API to deactivate an active user.");
    expect(result.stdout).toContain("PUT /users/{userId}/status");
    expect(result.stdout).toMatch(
      /--user-id <string>, --userId\s+\[required\] Path variable "userId"\.\n\s+The user ID or email address\./,
    );
    expect(result.stdout).toMatch(/--action <activate\|deactivate>\s+\[required; repeatable\] Body field "action"\./);
    expect(result.stdout).toMatch(/404\s+Not Found\n\s+error code 1001\s+User does not exist: \$userId\./);
    expect(result.stdout).toContain("$ZOOM_API_TOKEN");
    expect(server.requests).toHaveLength(0);
  });

  it("of a request to the base URL itself (a URL of `{{url}}` alone): its path is `/`, as the README says, not nothing", async () => {
    const ping: OperationSpec = {
      name: "ping",
      namespace: [],
      item: "Ping",
      folder: [],
      method: "GET",
      path: "",
      args: [],
      responses: [{ status: 200, description: "OK" }],
    };
    const cli = testCommandLine([ping]);
    const root = await runWith(cli, ["--help"]);
    expect(root.stdout).toMatch(/ {2}ping\s+Ping \(GET \/\)\n/);
    const command = await runWith(cli, ["ping", "--help"]);
    expect(command.stdout).toContain("\n\nGET /\n");
  });
});

describe("values", () => {
  it("numbers and booleans are parsed, enums checked, repeated flags make a list; a global's name goes to the global", async () => {
    const result = await run([
      "users",
      "list-users",
      "--status",
      "active",
      "--status",
      "pending",
      "--page-size",
      "30",
      "--include-fields",
      "--query-timeout",
      "5",
      "--timeout",
      "5000",
      "--X-Trace",
      "t1",
    ]);
    expect(result.code).toBe(0);
    expect(server.requests[0]!.query).toEqual([
      ["status", "active"],
      ["status", "pending"],
      ["page_size", "30"],
      ["include_fields", "true"],
      ["timeout", "5"],
    ]);
    expect(server.requests[0]!.headers["x-trace"]).toBe("t1");
  });

  it("a number that is not one, a boolean that is not one, a bad --timeout: exit 2, nothing sent", async () => {
    for (const argv of [
      ["users", "list-users", "--page-size", "thirty"],
      ["users", "list-users", "--include-fields=yes"],
      ["users", "list-users", "--timeout", "0"],
      ["users", "list-users", "--max-retries", "-1"],
      ["users", "list-users", "--status", "gone"],
    ]) {
      const result = await run(argv);
      expect(result.code, argv.join(" ")).toBe(2);
    }
    expect(server.requests).toHaveLength(0);
  });

  it("a JSON body from standard input, a field's flag over its key, a number field typed", async () => {
    server.reply({ status: 201, headers: { "content-type": "application/json" }, body: '{"id":"u1"}' });
    const result = await run(["users", "create-user", "--body", "-", "--count", "3"], {
      stdin: '{"action":"create","user_info":{"email":"a@example.com","type":1},"count":1}',
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('{"id":"u1"}\n');
    expect(server.requests[0]!.json).toEqual({
      action: "create",
      user_info: { email: "a@example.com", type: 1 },
      count: 3,
    });
  });

  it("a form's fields as one JSON object from standard input; a file field is refused there", async () => {
    server.reply({ status: 204 });
    const result = await run(["users", "user-id", "update-user-status", "--user-id", "me", "--body", "-"], {
      stdin: '{"action":"deactivate"}',
    });
    expect(result.code).toBe(0);
    expect(server.requests[0]!.fields).toEqual([["action", "deactivate"]]);
    const refused = await run(["im", "upload-file", "--body", "-"], { stdin: '{"file":"x"}' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--body cannot hold the file field "file": give it with --file @path');
    expect(server.requests).toHaveLength(1);
  });

  it("a JSON body from top-level flags and from @file; a key that is no field is refused", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-"));
    writeFileSync(join(dir, "info.json"), '{"email":"b@example.com"}');
    const result = await run([
      "users",
      "create-user",
      "--action",
      "autoCreate",
      "--user-info",
      `@${join(dir, "info.json")}`,
      "--note",
      "hello",
    ]);
    expect(result.code).toBe(0);
    expect(server.requests[0]!.json).toEqual({
      action: "autoCreate",
      user_info: { email: "b@example.com" },
      note: "hello",
    });
    writeFileSync(join(dir, "body.json"), '{"action":"create","colour":"red"}');
    const refused = await run(["users", "create-user", "--body", `@${join(dir, "body.json")}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--body has the key "colour"');
    const bad = await run(["users", "create-user", "--action", "create", "--user-info", "{not json"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--user-info is not JSON");
    expect(server.requests).toHaveLength(1);
  });

  it("a raw body is sent as written (text, @file, -); a GraphQL body is JSON { query, variables }", async () => {
    const raw: OperationSpec = {
      ...listUsers,
      name: "putNote",
      namespace: [],
      folder: [],
      method: "PUT",
      path: "/note",
      args: [{ arg: "body", name: "body", in: "body", required: true }],
      body: "raw",
      contentType: "text/plain",
    };
    const json: OperationSpec = {
      ...raw,
      name: "putJson",
      path: "/json",
      args: [{ arg: "body", name: "body", in: "body", required: true, type: "json" }],
      contentType: "application/json",
    };
    const graphql: OperationSpec = {
      ...raw,
      name: "query",
      method: "POST",
      path: "/graphql",
      args: [{ arg: "body", name: "body", in: "body", required: true, type: "json" }],
      body: "graphql",
      contentType: "application/json",
    };
    const cli = testCommandLine([raw, json, graphql], [{ path: ["query"], args: [{ arg: "body", kind: "json" }] }]);
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-"));
    writeFileSync(join(dir, "note.txt"), "line one\nline two");
    const go = (argv: string[], stdin?: string) =>
      runWith(cli, [...argv, "--base-url", server.url], {
        env: { ZOOM_API_TOKEN: TOKEN },
        ...(stdin === undefined ? {} : { stdin }),
      });
    expect((await go(["put-note", "--body", "@not-a-path-but-text"])).code).toBe(2);
    expect((await go(["put-note", "--body", `@${join(dir, "note.txt")}`])).code).toBe(0);
    expect((await go(["put-note", "--body", "plain text"])).code).toBe(0);
    expect((await go(["put-json", "--body", "-"], '{ "kept": "as written" }')).code).toBe(0);
    expect((await go(["query", "--body", '{"query":"{ me { id } }","variables":{"n":1}}'])).code).toBe(0);
    expect(server.requests.map((r) => [r.path, r.raw.toString()])).toEqual([
      ["/note", "line one\nline two"],
      ["/note", "plain text"],
      ["/json", '{ "kept": "as written" }'],
      ["/graphql", '{"query":"{ me { id } }","variables":{"n":1}}'],
    ]);
  });

  it("an upload: --file @path sends the file's bytes and name as a multipart file; the API key from the environment", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-"));
    writeFileSync(join(dir, "notes.txt"), "hello\u0000bytes");
    server.reply({ status: 201 });
    const result = await run(["im", "upload-file", "--file", `@${join(dir, "notes.txt")}`, "--title", "@not-a-file"], {
      env: { ZOOM_API_KEY: "key-secret-456" },
    });
    expect(result.code).toBe(0);
    const [request] = server.requests;
    expect(request!.files).toEqual([
      {
        field: "file",
        filename: "notes.txt",
        contentType: "application/octet-stream",
        content: Buffer.from("hello\u0000bytes"),
      },
    ]);
    expect(request!.fields).toEqual([["title", "@not-a-file"]]);
    expect(request!.query).toEqual([["api_key", "key-secret-456"]]);
  });

  it("a file that cannot be read: exit 2 naming the flag, nothing sent", async () => {
    const result = await run(["im", "upload-file", "--file", "@/nonexistent/file.bin"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--file: cannot read "/nonexistent/file.bin" (ENOENT)');
    expect(server.requests).toHaveLength(0);
  });
});

describe("a refused value of a flag that names a credential", () => {
  const op: OperationSpec = {
    name: "login",
    namespace: [],
    item: "Login",
    folder: [],
    method: "POST",
    path: "/login",
    args: [
      { arg: "pin", name: "pin", in: "query", required: false },
      { arg: "otp_enabled", name: "otp_enabled", in: "query", required: false },
      { arg: "page", name: "page", in: "query", required: false },
      { arg: "X-Api-Key", name: "X-Api-Key", in: "header", required: false },
      { arg: "X-Org", name: "X-Org", in: "header", required: false, default: "{{org_secret}}" },
      { arg: "password", name: "password", in: "body", required: false, type: "json" },
      { arg: "passcode", name: "passcode", in: "body", required: false, type: "json" },
      { arg: "session_token", name: "session_token", in: "body", required: false, type: "json" },
      { arg: "mode", name: "mode", in: "body", required: false, type: "json", enum: ["a", "b"] },
      { arg: "auth_mode", name: "auth_mode", in: "body", required: false, type: "json", enum: ["a", "b"] },
    ],
    body: "json",
    contentType: "application/json",
    responses: [{ status: 200 }],
  };
  const help: OperationHelp[] = [
    {
      path: ["login"],
      args: [
        { arg: "pin", kind: "number" },
        { arg: "otp_enabled", kind: "boolean" },
        { arg: "page", kind: "number" },
        { arg: "X-Api-Key", kind: "number" },
        { arg: "X-Org", kind: "number" },
        { arg: "password", kind: "number" },
        { arg: "passcode", kind: "boolean" },
        { arg: "session_token", kind: "json" },
      ],
    },
  ];
  const cli = testCommandLine([op], help, { secretVariables: ["org_secret"] });
  const SECRET = "PWleak42";

  it("is not quoted back: a number, a boolean, JSON, an enum, a switch's value, a stray word after a switch", async () => {
    for (const argv of [
      ["--pin", SECRET],
      ["--x-api-key", SECRET],
      ["--x-org", SECRET],
      ["--password", SECRET],
      ["--passcode", SECRET],
      ["--session-token", `{"x": ${SECRET}}`],
      ["--auth-mode", SECRET],
      ["--otp-enabled=" + SECRET],
      ["--otp-enabled", SECRET],
      ["--body", `{"password": ${SECRET}}`],
    ]) {
      const result = await runWith(cli, ["login", ...argv, "--dry-run"]);
      expect([argv, result.code, result.stdout], result.stderr).toEqual([argv, 2, ""]);
      expect(result.stderr, argv.join(" ")).not.toContain(SECRET);
      expect(result.stderr).toContain(argv[0]!.split("=")[0]);
    }
  });

  it("of any other flag is quoted back, to show what was wrong", async () => {
    const result = await runWith(cli, ["login", "--page", "next", "--dry-run"]);
    expect(result.stderr).toContain(`--page must be a number, got "next"`);
    const mode = await runWith(cli, ["login", "--mode", "c", "--dry-run"]);
    expect(mode.stderr).toContain(`--mode must be one of: a, b (got "c")`);
  });
});

describe("output", () => {
  it("JSON compact when not a terminal, indented on one; --include adds the status line and headers", async () => {
    server.reply({
      status: 200,
      headers: { "content-type": "application/json", "x-rate": "9" },
      body: '{"users":[{"id":1}]}',
    });
    const compact = await run(["users", "list-users"]);
    expect(compact.stdout).toBe('{"users":[{"id":1}]}\n');
    const off = await run(["--include", "--no-include", "users", "list-users"]);
    expect(off.stdout).toBe('{"users":[{"id":1}]}\n');
    const pretty = await run(["users", "list-users", "--include"], { tty: true });
    expect(pretty.stdout).toMatch(/^HTTP 200 OK\n(?:.*\n)*x-rate: 9\n\n\{\n {2}"users": \[/);
  });

  it("a switch before the command takes true or false after it, as after the command", async () => {
    // `--include false` before the command read `false` as the command (unknown command), while
    // after it, and for --json anywhere, the word is the switch's value.
    server.reply({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    const off = await run(["--include", "false", "users", "list-users"]);
    expect(off.stderr).toBe("");
    expect(off.stdout).toBe("{}\n");
    const on = await run(["--include", "true", "users", "list-users"]);
    expect(on.stdout).toMatch(/^HTTP 200 OK\n/);
    const json = await run(["--json", "true", "users", "list-users", "--page-size", "x"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, error: { kind: "usage" } });
  });

  it("a connection error: exit 1", async () => {
    const result = await runWith(
      CLI,
      ["users", "list-users", "--base-url", "http://127.0.0.1:9/v2", "--max-retries", "0"],
      { env: { ZOOM_API_TOKEN: TOKEN } },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("connection failed");
  });

  it("an API error that quotes a credential sent, the token of a grant it never saw too: masked, message and body", async () => {
    const op = withGrant({ clientId: "app-1" });
    const accessToken = "grant-access-token-5a7c";
    const argv = ["users", "list-users", "--base-url", server.url, "--variable", `tokenUrl=${server.url}/token`];
    const env = { ZOOM_API_CLIENT_SECRET: "grant-secret-321" };
    const token = {
      status: 200,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ access_token: accessToken }),
    };
    // The API quotes the Authorization header it got: in its message, then in a body without one.
    // A 401 renews the token once, so each answer comes twice (no retry: the error counts one attempt).
    const refused = {
      status: 401,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: `token Bearer ${accessToken} refused` }),
    };
    server.reply(token, refused, token, refused);
    const quoted = await runWith(testCommandLine([op]), argv, { env });
    expect(server.requests[1]!.headers.authorization).toBe(`Bearer ${accessToken}`);
    expect(quoted.code).toBe(1);
    expect(quoted.stderr).toBe(`zoom-api: HTTP 401 Unauthorized (listUsers)\n  message: token *** refused\n`);
    server.reset();
    const quoting = {
      status: 401,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ received: { authorization: `Bearer ${accessToken}` } }),
    };
    server.reply(token, quoting, token, quoting);
    const body = await runWith(testCommandLine([op]), argv, { env });
    expect(body.stderr).toBe(
      `zoom-api: HTTP 401 Unauthorized (listUsers)\n  body: {"received":{"authorization":"***"}}\n`,
    );
  });

  it("--dry-run shows *** for a credential variable without a value; another variable is still refused", async () => {
    // The help promises `***` where a credential is not given: a bearer token written as a
    // {{variable}} (a team's collection, its token left unset) is one, as an empty auth is.
    const op = {
      ...listUsers,
      auth: { type: "bearer" as const, token: "{{access_token}}" },
      args: [
        ...listUsers.args,
        { arg: "X-Team", name: "X-Team", in: "header" as const, required: false, default: "{{team}}" },
      ],
    };
    const cli = testCommandLine([op], [], { secretVariables: ["session_token"] });
    const argv = ["users", "list-users", "--base-url", server.url, "--dry-run"];
    const refused = await runWith(cli, argv);
    // {{team}} is no credential: its value is what the dry run should show, so it is asked for.
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("{{team}}");
    expect(refused.stderr).not.toContain("{{access_token}}");
    const dry = await runWith(cli, [...argv, "--variable", "team=blue"]);
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("-H 'authorization: ***'");
    expect(dry.stdout).toContain("-H 'x-team: blue'");
    expect(dry.stdout).not.toContain("dry-run-credential");
    expect(server.requests).toHaveLength(0);
  });

  it("a variable without a value is a usage error that says how to give it", async () => {
    const cli = testCommandLine([{ ...listUsers, auth: { type: "bearer", token: "{{access_token}}" } }]);
    const missing = await runWith(cli, ["users", "list-users", "--base-url", server.url]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("{{access_token}}");
    // The command line's ways, the environment variable first; not the library's. The variable is
    // the bearer token itself: it is read under --token's name, one name for one credential.
    expect(missing.stderr).toContain(
      "Give it in the environment variable ZOOM_API_TOKEN, or with --token or --variable 'access_token=…'",
    );
    expect(missing.stderr).not.toContain("createClient");
    server.reply({ status: 200 });
    const given = await runWith(cli, ["users", "list-users", "--base-url", server.url], {
      env: { ZOOM_API_TOKEN: "var-secret-789" },
    });
    expect(given.code).toBe(0);
    expect(server.requests[0]!.headers.authorization).toBe("Bearer var-secret-789");
    const flag = await runWith(cli, [
      "users",
      "list-users",
      "--base-url",
      server.url,
      "--variable",
      "access_token=var-secret-000",
    ]);
    expect(flag.code).toBe(0);
    expect(server.requests[1]!.headers.authorization).toBe("Bearer var-secret-000");
  });
});

describe("a header named by a {{variable}}", () => {
  // Sent under its name filled (`{{authHeaderName}}` → `X-Org-Id`), which says nothing of a credential:
  // the collection fills its value from a secret variable, and its flag names one.
  const getReport: OperationSpec = {
    name: "getReport",
    namespace: [],
    item: "Get report",
    folder: [],
    method: "GET",
    path: "/report",
    args: [
      { arg: "authHeaderName", name: "{{authHeaderName}}", in: "header", required: false, default: "{{org_secret}}" },
    ],
    responses: [{ status: 200 }],
  };
  const cli = testCommandLine([getReport], [], { secretVariables: ["org_secret"] });

  it("masks the value its flag gives, in --dry-run and in an error that quotes it", async () => {
    const secret = "named-header-secret-77";
    const argv = ["get-report", "--auth-header-name", secret, "--variable", "authHeaderName=X-Org-Id"];
    const dry = await runWith(cli, [...argv, "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("-H 'x-org-id: ***'");
    expect(dry.stdout).not.toContain(secret);
    server.reply({
      status: 401,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ message: `header ${secret} refused` }),
    });
    const sent = await runWith(cli, [...argv, "--base-url", server.url, "--max-retries", "0"]);
    expect(server.requests[0]!.headers["x-org-id"]).toBe(secret);
    expect(sent.code).toBe(1);
    expect(sent.stderr).toContain("header *** refused");
    expect(sent.stderr).not.toContain(secret);
  });
});

describe("secret variables", () => {
  // Plaid's shape: credentials in JSON body fields filled from variables, no auth.
  const createLinkToken: OperationSpec = {
    name: "createLinkToken",
    namespace: ["link"],
    item: "Create link token",
    folder: ["link"],
    method: "POST",
    path: "/link/token/create/{{region}}",
    args: [
      { arg: "secret", name: "secret", in: "body", required: false, type: "json", default: "{{secret_key}}" },
      { arg: "user_token", name: "user_token", in: "body", required: false, type: "json", default: "{{user_token}}" },
    ],
    body: "json",
    contentType: "application/json",
    responses: [{ status: 200 }],
  };
  const SECRET = "plaid-secret-4242";
  const cli = testCommandLine([createLinkToken], [], { secretVariables: ["secret_key", "user_token"] });
  // The server's URL is known once it listens.
  const link = () => ["link", "create-link-token", "--base-url", server.url];
  const argv = () => [...link(), "--variable", "region=eu"];

  it("each comes from its environment variable too, sent as given and masked in --dry-run", async () => {
    const env = { ZOOM_API_SECRET_KEY: SECRET, ZOOM_API_USER_TOKEN: "user-tok-777" };
    const dry = await runWith(cli, [...argv(), "--dry-run"], { env });
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`--data-raw '{"secret":"***","user_token":"***"}'`);
    expect(dry.stdout).not.toContain(SECRET);
    expect(server.requests).toHaveLength(0);
    server.reply({ status: 200 });
    const sent = await runWith(cli, argv(), { env });
    expect(sent.code).toBe(0);
    expect(server.requests[0]!.json).toEqual({ secret: SECRET, user_token: "user-tok-777" });
    expect(sent.stdout + sent.stderr).not.toContain(SECRET);
    // --variable still wins over the environment.
    server.reply({ status: 200 });
    await runWith(cli, [...argv(), "--variable", "secret_key=from-flag"], { env });
    expect(server.requests[1]!.json).toMatchObject({ secret: "from-flag" });
  });

  it("a missing one names its environment variable first; a variable that is no secret, the flag", async () => {
    const missing = await runWith(cli, argv(), { env: { ZOOM_API_USER_TOKEN: "user-tok-777" } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      "zoom-api: createLinkToken: variable {{secret_key}} has no value\n" +
        "Give it in the environment variable ZOOM_API_SECRET_KEY, or with --variable 'secret_key=…' (a flag other users of the machine can see).\n",
    );
    // Only secrets are read from the environment: {{region}} is not.
    const plain = await runWith(cli, link(), {
      env: { ZOOM_API_REGION: "eu", ZOOM_API_SECRET_KEY: SECRET, ZOOM_API_USER_TOKEN: "user-tok-777" },
    });
    expect(plain.code).toBe(2);
    expect(plain.stderr).toBe(
      "zoom-api: createLinkToken: variable {{region}} has no value\nGive it with --variable 'region=…'.\n",
    );
    expect(server.requests).toHaveLength(0);
  });

  /** The command run without {{region}}, by a client made with `environments` (none chosen): its refusal. */
  const withoutRegion = async (environments: Record<string, EnvironmentSpec>) => {
    const withEnvironments = {
      ...cli,
      environments: Object.keys(environments),
      connect: (options: ClientOptions<object, string>) =>
        createCore(options, { baseUrl: "{{baseUrl}}", variables: {}, environments: environmentScopes(environments) }),
    };
    const missing = await runWith(withEnvironments, link(), {
      env: { ZOOM_API_SECRET_KEY: SECRET, ZOOM_API_USER_TOKEN: "user-tok-777" },
    });
    expect(missing.code).toBe(2);
    expect(server.requests).toHaveLength(0);
    return missing.stderr;
  };
  const REFUSED = "zoom-api: createLinkToken: variable {{region}} has no value\nGive it with --variable 'region=…'.\n";

  it("a variable an environment has: --environment, not createClient", async () => {
    expect(
      await withoutRegion({ "eu west": { values: { region: "eu" }, secrets: [] }, us: { values: {}, secrets: [] } }),
    ).toBe(`${REFUSED}Or choose an environment that has it: --environment 'eu west'.\n`);
  });

  it("names only environments whose value is not empty, and says so when none has one", async () => {
    // Plaid's sandbox export leaves a value empty: choosing it would send "".
    const sandbox = { values: { region: "" }, secrets: [] };
    expect(await withoutRegion({ sandbox, "eu west": { values: { region: "eu" }, secrets: [] } })).toBe(
      `${REFUSED}Or choose an environment that has it: --environment 'eu west'.\n`,
    );
    expect(await withoutRegion({ sandbox, us: { values: {}, secrets: [] } })).toBe(
      `${REFUSED}No environment has a value for it (sandbox has it empty).\n`,
    );
  });

  it("writes its lines from the error's `missing`, never from its message's words", async () => {
    /** The command's refusal by a client whose call rejects with `error`. */
    const refusedWith = async (error: ValidationError) => {
      const rejecting = {
        ...cli,
        connect: () => ({ call: () => new ApiPromise<never>(Promise.reject(error)) }),
      };
      const ran = await runWith(rejecting, argv(), { env: { ZOOM_API_SECRET_KEY: SECRET } });
      expect(ran.code).toBe(2);
      return ran.stderr;
    };
    // A refusal that quotes a value reading like the runtime's words is printed as it is.
    const quoted = 'createLinkToken: refused "variable {{region}} has no value", a value taken as text';
    expect(await refusedWith(new ValidationError("createLinkToken", undefined, quoted.slice(17)))).toBe(
      `zoom-api: ${quoted}\n`,
    );
    // A variable without a value is told from what the runtime found, in whatever words its message has.
    const missing = Object.assign(new ValidationError("createLinkToken", undefined, "{{region}}: unset"), {
      missing: { variable: "region", environments: ["eu west"] },
    });
    expect(await refusedWith(missing)).toBe(
      `${REFUSED}Or choose an environment that has it: --environment 'eu west'.\n`,
    );
  });

  it("starts as the runtime's message does, up to what that tells a library user", async () => {
    // Each writes its first words from `missing`, the runtime its own in template.ts: they agree.
    const environments = { sandbox: { values: { region: "eu" }, secrets: ["secret_key"] } };
    for (const [environment, env] of [
      [undefined, { ZOOM_API_SECRET_KEY: SECRET }],
      ["sandbox", {}],
    ] as const) {
      let message = "";
      const recording = {
        ...cli,
        environments: Object.keys(environments),
        connect: (options: ClientOptions<object, string>) => {
          const core = createCore(options, {
            baseUrl: "{{baseUrl}}",
            variables: {},
            environments: environmentScopes(environments),
          });
          return {
            call: (...given: Parameters<typeof core.call>) => {
              const call = core.call(...given);
              call.catch((error: Error) => (message = error.message));
              return call;
            },
          };
        },
      };
      const ran = await runWith(recording, [...link(), ...(environment ? ["--environment", environment] : [])], {
        env: { ...env, ZOOM_API_USER_TOKEN: "user-tok-777" },
      });
      expect(message).toContain(" has no value");
      expect(ran.stderr.split("\n")[0]).toBe(
        `zoom-api: ${message.slice(0, message.indexOf(": pass it as createClient"))}`,
      );
    }
    expect(server.requests).toHaveLength(0);
  });

  it("--help lists those the command reads, each with its environment variable, and the rule", async () => {
    const help = await runWith(cli, ["link", "create-link-token", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /\n {2}\{\{secret_key\}\} {2}\$ZOOM_API_SECRET_KEY\n {2}\{\{user_token\}\} {2}\$ZOOM_API_USER_TOKEN\n/,
    );
    expect(help.stdout).not.toContain("$ZOOM_API_REGION");
    expect((await runWith(cli, ["--help"])).stdout).toContain(
      "A secret one is read from $ZOOM_API_<NAME> too (secret_key: $ZOOM_API_SECRET_KEY).",
    );
  });
});

describe("--environment", () => {
  it("is offered where the client has environments, passed to the client, and checked by name first", async () => {
    const made: Array<string | undefined> = [];
    const base = testCommandLine([listUsers]);
    const environments = { staging: { values: {}, secrets: [] }, production: { values: {}, secrets: [] } };
    const connect = (options: ClientOptions<object, string>) => {
      made.push(options.environment);
      return createCore(options, {
        baseUrl: "{{baseUrl}}",
        variables: {},
        environments: environmentScopes(environments),
      });
    };
    const cli = { ...base, environments: Object.keys(environments), connect };
    server.reply({ status: 200 });
    const given = await runWith(
      cli,
      ["users", "list-users", "--environment", "staging", "--base-url", server.url],
      // The operation's auth is left empty: a call needs a token.
      { env: { ZOOM_API_TOKEN: "t" } },
    );
    expect(given.code).toBe(0);
    expect(made).toEqual(["staging"]);
    const unknown = await runWith(cli, ["users", "list-users", "--environment", "dev", "--base-url", server.url]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown environment "dev"; one of: staging, production');
    // Matched as the client matches it, case included, naming the one meant.
    const cased = await runWith(cli, ["users", "list-users", "--environment", "Staging", "--base-url", server.url]);
    expect(cased.code).toBe(2);
    expect(cased.stderr).toContain(
      'unknown environment "Staging" (did you mean --environment staging?); one of: staging, production',
    );
    expect((await runWith(cli, ["--help"])).stdout).toContain("--environment <name>");
    const without = await run(["users", "list-users", "--environment", "staging"]);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain("unknown flag --environment");
    expect(made).toEqual(["staging"]);
  });
});

describe("--dry-run", () => {
  it("prints the request as curl with the token masked and sends nothing", async () => {
    const result = await run([
      "users",
      "user-id",
      "update-user-status",
      "--user-id",
      "me",
      "--action",
      "deactivate",
      "--dry-run",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      `curl -X PUT ${server.url}/v2/users/me/status \\\n  -H 'authorization: ***' \\\n  --form-string action=deactivate\n`,
    );
    expect(server.requests).toHaveLength(0);
    expectNoSecret(result.stdout, result.stderr);
  });

  it("masks a secret of an environment or of the globals given with --variable, wherever it is sent", async () => {
    const { auth: _auth, ...unauthenticated } = listUsers;
    const op: OperationSpec = {
      ...unauthenticated,
      args: [{ arg: "x-tenant", name: "x-tenant", in: "header", required: false, default: "{{sessionSecret}}" }],
    };
    const argv = [
      "users",
      "list-users",
      "--variable",
      "sessionSecret=SESS999-abc",
      "--dry-run",
      "--base-url",
      server.url,
    ];
    const masked = await runWith(testCommandLine([op], [], { secretVariables: ["sessionSecret"] }), argv);
    expect(masked.stderr).toBe("");
    expect(masked.code).toBe(0);
    expect(masked.stdout).toContain("x-tenant: ***");
    expect(masked.stdout).not.toContain("SESS999-abc");
    // Not a secret anywhere: printed as given.
    const plain = await runWith(testCommandLine([op]), argv);
    expect(plain.stdout).toContain("x-tenant: SESS999-abc");
    expect(server.requests).toHaveLength(0);
  });

  it("masks an API key in the query, names an uploaded file by its path, quotes for the shell", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-"));
    writeFileSync(join(dir, "a b.txt"), "x");
    const result = await run([
      "im",
      "upload-file",
      "--file",
      `@${join(dir, "a b.txt")}`,
      "--title",
      "it's",
      "--dry-run",
      "--api-key",
      "key-secret-456",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`'${server.url}/v2/chat/users/me/files?api_key=***'`);
    expect(result.stdout).toContain(`-F 'file=@${join(dir, "a b.txt")}'`);
    expect(result.stdout).toContain(`--form-string 'title=it'\\''s'`);
    expect(result.stdout).not.toContain("key-secret-456");
    expect(server.requests).toHaveLength(0);
  });

  it("names by its path a file the client types as the collection's file: a typed file field, a typed binary body with its type", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-"));
    writeFileSync(join(dir, "notes.txt"), "some notes");
    const typedField: OperationSpec = {
      ...uploadFile,
      auth: undefined,
      args: [{ arg: "file", name: "file", in: "body", required: true, type: "file", contentType: "text/plain" }],
    };
    const binary: OperationSpec = {
      name: "putBlob",
      namespace: [],
      item: "Put blob",
      folder: [],
      method: "POST",
      path: "/blobs",
      args: [
        {
          arg: "body",
          name: "body",
          in: "body",
          required: true,
          type: "file",
          contentType: "application/octet-stream",
        },
      ],
      body: "binary",
      responses: [{ status: 201 }],
    };
    const cli = testCommandLine([typedField, binary]);
    const path = join(dir, "notes.txt");
    const form = await runWith(cli, ["im", "upload-file", "--file", `@${path}`, "--dry-run"]);
    expect(form.code).toBe(0);
    expect(form.stdout).toContain(`-F 'file=@${path};type=text/plain'`);
    const body = await runWith(cli, ["put-blob", "--body", `@${path}`, "--dry-run"]);
    expect(body.code).toBe(0);
    expect(body.stdout).toContain(`-H 'content-type: application/octet-stream' \\\n  --data-binary @${path}\n`);
    expect(server.requests).toHaveLength(0);
  });

  it("masks an API key sent under a name the collection keeps in a {{variable}}", async () => {
    const { auth: _auth, ...unauthenticated } = listUsers;
    const op: OperationSpec = {
      ...unauthenticated,
      args: [],
      auth: { type: "apikey", in: "header", name: "{{keyHeader}}", value: "literal-secret-789" },
    };
    const result = await runWith(testCommandLine([op]), [
      "users",
      "list-users",
      "--variable",
      "keyHeader=X-Org",
      "--dry-run",
      "--base-url",
      server.url,
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("-H 'x-org: ***'");
    expect(result.stdout).not.toContain("literal-secret-789");
    expect(server.requests).toHaveLength(0);
  });

  it("with an OAuth 2.0 grant: the token request and the call, the client secret masked in both", async () => {
    const op = withGrant({ clientId: "{{clientId}}", clientSecret: "{{clientSecret}}" });
    const cli = testCommandLine([op]);
    const result = await runWith(
      cli,
      [
        "users",
        "list-users",
        "--dry-run",
        "--base-url",
        server.url,
        "--variable",
        "tokenUrl=https://auth.example.com/token",
        "--client-id",
        "app-1",
      ],
      {
        env: { ZOOM_API_CLIENT_SECRET: "grant-secret-321" },
      },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [token, call] = result.stdout.split(/\n(?=curl )/);
    expect(token).toMatch(/^curl -X POST https:\/\/auth\.example\.com\/token/);
    expect(token).toContain("client_id=app-1");
    expect(token).toContain("client_secret=***");
    expect(call).toMatch(/^curl -X GET http:\/\/127\.0\.0\.1:\d+\/users \\\n {2}-H 'authorization: \*\*\*'/);
    expect(result.stdout).not.toContain("grant-secret-321");
    expect(server.requests).toHaveLength(0);
  });

  it("masks OAuth 1.0a parameters sent in a urlencoded body by name, the PLAINTEXT signature (the secrets, encoded twice) too", async () => {
    const op: OperationSpec = {
      name: "postNote",
      namespace: ["notes"],
      item: "Post a note",
      folder: ["notes"],
      method: "POST",
      path: "/notes",
      args: [
        { arg: "text", name: "text", in: "body", required: true },
        { arg: "password", name: "password", in: "body", required: false },
      ],
      body: "urlencoded",
      contentType: "application/x-www-form-urlencoded",
      auth: { type: "oauth1", signatureMethod: "PLAINTEXT", addParamsToHeader: false, version: "1.0" },
      responses: [{ status: 200, description: "OK" }],
    };
    const secrets = ["c s&cret", "t s&cret"];
    const result = await runWith(testCommandLine([op]), [
      "notes",
      "post-note",
      "--text",
      "hello there",
      "--password",
      "hunter22",
      "--dry-run",
      "--base-url",
      server.url,
      "--consumer-key",
      "ck-1",
      "--consumer-secret",
      secrets[0]!,
      "--oauth1-token",
      "tok-1",
      "--token-secret",
      secrets[1]!,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const data = /--data-raw '([^']*)'/.exec(result.stdout)![1]!;
    const body = new URLSearchParams(data);
    expect(body.get("text")).toBe("hello there");
    for (const name of ["oauth_signature", "oauth_nonce", "oauth_token", "oauth_consumer_key", "password"])
      expect(body.get(name), name).toBe("***");
    // However many times a secret was encoded, it is not there.
    for (const secret of secrets) {
      let form = secret;
      for (let i = 0; i < 3; i++, form = encodeURIComponent(form)) expect(result.stdout).not.toContain(form);
    }
    expect(result.stdout).not.toContain("hunter22");
    expect(server.requests).toHaveLength(0);
  });

  it("masks secret-named fields of a urlencoded text body and of a multipart form, not of other bodies", () => {
    const context = {
      secrets: [],
      credentialWords: credentialWords(),
      credentialLastWords: credentialLastWords(),
      secretNames: [],
      files: new Map<Blob, string>(),
    };
    const request = (body: unknown, type?: string) => ({
      url: "http://x.test/p",
      method: "POST",
      headers: new Headers(type ? { "content-type": type } : {}),
      body,
    });
    expect(
      toCurl(request("a=1&oauth_signature=s%252B&Api-Key=k", "application/x-www-form-urlencoded"), context),
    ).toContain("--data-raw 'a=1&oauth_signature=***&Api-Key=***'");
    expect(toCurl(request("oauth_signature=s", "text/plain"), context)).toContain("--data-raw oauth_signature=s");
    const form = new FormData();
    form.append("name", "n");
    form.append("client_secret", "s");
    expect(toCurl(request(form), context)).toContain("--form-string name=n \\\n  --form-string 'client_secret=***'");
  });

  it("a JSON body as --data-raw", async () => {
    const result = await run(["users", "create-user", "--action", "create", "--count", "2", "--dry-run"]);
    expect(result.stdout).toContain(`-H 'content-type: application/json'`);
    expect(result.stdout).toContain(`--data-raw '{"action":"create","count":2}'`);
  });
});

describe("a 2xx whose JSON does not parse, quoting the Authorization header the client made", () => {
  // A server on 127.0.0.1 that echoes the Authorization header it got in a body that is not JSON,
  // and answers a grant's token request with a token only the client knows.
  const GRANTED = "granted-token-from-the-server-8c1e";
  let echo: import("node:http").Server;
  let url: string;
  beforeAll(async () => {
    echo = createServer((req, res) => {
      if (req.url === "/token") {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ access_token: GRANTED, token_type: "Bearer", expires_in: 3600 }));
        return;
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"you sent": "${req.headers.authorization ?? ""}`);
    });
    await new Promise<void>((resolve) => echo.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => echo.close(() => resolve())));

  const cases: Array<[string, OperationSpec, string[], Record<string, string>, string]> = [
    [
      "Basic: its base64",
      { ...listUsers, args: [], auth: { type: "basic" } },
      [],
      { ZOOM_API_USERNAME: "alice", ZOOM_API_PASSWORD: "s3cretpassword" },
      `Basic ${btoa("alice:s3cretpassword")}`,
    ],
    [
      "an OAuth 2.0 grant: the bearer token it was given",
      withGrant({ clientId: "app-1", clientSecret: "{{clientSecret}}" }),
      ["--variable", "tokenUrl=TOKEN_URL"],
      { ZOOM_API_CLIENT_SECRET: "grant-secret-321" },
      GRANTED,
    ],
    ["a bearer token", { ...listUsers, args: [] }, [], { ZOOM_API_TOKEN: TOKEN }, TOKEN],
  ];
  for (const [name, op, extra, env, sent] of cases) {
    it(`${name}: masked in the text output and in --json, as the client masks it`, async () => {
      const argv = [
        "users",
        "list-users",
        "--base-url",
        url,
        ...extra.map((a) => a.replace("TOKEN_URL", `${url}/token`)),
      ];
      const text = await runWith(testCommandLine([op]), argv, { env });
      expect(text.code).toBe(1);
      expect(text.stdout).toBe("");
      // The server did quote it, and the client's error says where the body went wrong.
      expect(text.stderr).toContain("you sent");
      expect(text.stderr).toContain("***");
      expect(text.stderr).not.toContain(sent);
      const json = await runWith(testCommandLine([op]), [...argv, "--json"], { env });
      expect(json.code).toBe(1);
      const failure = JSON.parse(json.stdout) as { error: { kind: string; message: string; body: unknown } };
      expect(failure.error.kind).toBe("parse");
      expect(String(failure.error.body)).toContain('{"you sent": "');
      expect(json.stdout).toContain("***");
      expect(json.stdout).not.toContain(sent);
    });
  }
});
