// The command line of emitted packages as `generate` writes them: the built bin (dist/cli/main.js,
// run through its shebang as npm links it) of the seed package, of the Zoom package, and of two of
// Postman's code-generator fixtures (a JSON body, file uploads), as child processes against the
// recording server, which parses what arrives (multipart with busboy).
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { kebab } from "../../src/command-line/names.js";
import { formatOnce } from "../helpers/format-once.js";
import { CREDENTIAL_NAMES } from "../../src/runtime/credential-names.js";
import type { EnvironmentSource } from "../../src/config.js";
import { emitTarget } from "../../src/generate.js";
import { loadMockApi } from "../../src/mocks/server.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram, type ProgramResult } from "../helpers/program.js";
import { useRecordingServer } from "../helpers/recording.js";
import { FIXTURES, ROOT, SEED_COLLECTION } from "../helpers/seed.js";
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createHash } from "node:crypto";
import { startDripServer } from "./helpers.js";

const TOKEN = "cli-secret-token-7f3a";
const server = useRecordingServer();
let dir: string;

async function generate(collection: string, name: string, withEnvironments?: EnvironmentSource[]): Promise<string> {
  const out = join(dir, name);
  await writePackage(
    out,
    (await emitTarget({ collection, out, name, ...(withEnvironments ? { environments: withEnvironments } : {}) }))
      .files,
  );
  // npm makes a bin executable when it links it; the shebang then runs it.
  chmodSync(join(out, "dist/cli/main.js"), 0o755);
  return out;
}

/** The package's bin, run as a shell would run it (no `node` in front), with `stdin` written to it. */
function bin(
  pkg: string,
  args: string[],
  options: { env?: Record<string, string>; stdin?: string } = {},
): Promise<ProgramResult> {
  const env = { PATH: process.env.PATH ?? "", ...options.env };
  return runProgram(join(pkg, "dist/cli/main.js"), args, {
    env,
    ...(options.stdin === undefined ? {} : { stdin: options.stdin }),
  });
}

let seed: string;
let zoom: string;
let basic: string;
let files: string;
let environments: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "postman-codegen-cli-packages-"));
  [seed, zoom, basic, files, environments] = await Promise.all([
    generate(SEED_COLLECTION, "zoom-update-user-status"),
    generate(join(ROOT, "collections/zoom-api.postman_collection.json"), "zoom-api"),
    generate(`${FIXTURES}collections/pcg-basic.postman_collection.json`, "pcg-basic"),
    generate(`${FIXTURES}collections/pcg-formdata-file.postman_collection.json`, "@acme/pcg-files"),
    generate(`${FIXTURES}environments/precedence.postman_collection.json`, "precedence", [
      { file: `${FIXTURES}environments/precedence.postman_environment.json` },
    ]),
  ]);
}, 120_000);

describe("the seed package", () => {
  const env = { ZOOM_UPDATE_USER_STATUS_TOKEN: TOKEN };

  it("names its bin after the package, an ES module with a shebang; its sources, package.json and README as prettier writes them", async () => {
    const manifest = JSON.parse(readFileSync(join(seed, "package.json"), "utf8")) as { bin: unknown; files: string[] };
    expect(manifest.bin).toEqual({ "zoom-update-user-status": "dist/cli/main.js" });
    expect(manifest.files).toContain("dist");
    expect(readFileSync(join(seed, "dist/cli/main.js"), "utf8")).toMatch(/^#!\/usr\/bin\/env node\n/);
    for (const path of ["src/cli/main.ts", "src/cli/commands.ts", "src/cli/run.ts", "package.json", "README.md"]) {
      const text = readFileSync(join(seed, path), "utf8");
      expect(await formatOnce(path, text), path).toBe(text);
    }
    const readme = readFileSync(join(seed, "README.md"), "utf8");
    expect(readme).toContain("## Command line");
    expect(readme).toContain(
      "npx zoom-update-user-status update-user-status --user-id 'quis officia in reprehenderit' --action deactivate",
    );
    expect(readme).toContain("`--token` or `ZOOM_UPDATE_USER_STATUS_TOKEN`");
  });

  it("sends the seed request: PUT /v2/users/me/status, action=deactivate as multipart, the token from the environment", async () => {
    server.reply({ status: 204 });
    const result = await bin(
      seed,
      ["update-user-status", "--user-id", "me", "--action", "deactivate", "--base-url", `${server.url}/v2`],
      { env },
    );
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

  it("a 404 with code 1001: exit 1, the status, the code and its documented description on stderr, the token nowhere", async () => {
    server.reply({
      status: 404,
      headers: { "content-type": "application/json" },
      body: '{"code":1001,"message":"User does not exist: nobody@example.com."}',
    });
    const result = await bin(
      seed,
      [
        "update-user-status",
        "--userId",
        "nobody@example.com",
        "--action",
        "activate",
        "--base-url",
        `${server.url}/v2`,
        "--max-retries",
        "0",
      ],
      { env },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("HTTP 404 Not Found (updateUserStatus)");
    expect(result.stderr).toContain("error code 1001: User does not exist: $userId.");
    expect(result.stderr).toContain("message: User does not exist: nobody@example.com.");
    expect(result.stderr).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1);
  });

  it("a bad enum: exit 2 naming the allowed values, nothing sent", async () => {
    const result = await bin(
      seed,
      ["update-user-status", "--user-id", "me", "--action", "deactivated", "--base-url", `${server.url}/v2`],
      { env },
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("--action must be one of: activate, deactivate");
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    // Dropped, `basUrl` would leave {{baseUrl}} the collection's: the request would go to Zoom.
    ["a typo", "basUrl"],
    // One letter left out and two in other case: three edits when case counted, too far for six
    // letters; case is no part of a typo (runtime/did-you-mean.ts), so it is one.
    ["a typo and other case", "basURL"],
  ])(
    "--variable with a name the collection has not (%s): exit 2 naming the near one, nothing sent",
    async (_, name) => {
      const result = await bin(
        seed,
        ["update-user-status", "--user-id", "me", "--action", "activate", "--variable", `${name}=${server.url}/v2`],
        { env },
      );
      expect(result).toEqual({
        code: 2,
        stdout: "",
        stderr: `zoom-update-user-status: --variable ${name}=…: the collection has no {{${name}}} (did you mean baseUrl?); its variables: baseUrl\nRun 'zoom-update-user-status update-user-status --help' for usage.\n`,
      });
      expect(server.requests).toHaveLength(0);
    },
  );

  it("--help at the root and for the command", async () => {
    const root = await bin(seed, ["--help"]);
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(
      /Commands:\n {2}update-user-status\s+Update user status \(PUT \/users\/\{userId\}\/status\)/,
    );
    const command = await bin(seed, ["update-user-status", "--help"]);
    expect(command.code).toBe(0);
    expect(command.stdout).toContain("Use this API to [deactivate]");
    expect(command.stdout).toContain("PUT /users/{userId}/status");
    expect(command.stdout).toMatch(/--action <activate\|deactivate>\s+\[required; repeatable\] Body field "action"\./);
    expect(command.stdout).toMatch(
      /400\s+Bad Request\n\s+error code 200\s+Zoom Room and Admin users' status cannot be activated or deactivated\.\n\s+error code 300/,
    );
    expect(command.stdout).toMatch(/404\s+Not Found\n\s+error code 1001\s+User does not exist: \$userId\./);
    expect(server.requests).toHaveLength(0);
  });

  it("pipes a download of several MiB to standard output as it comes: the server sends a chunk only once the last is out", async () => {
    const drip = await startDripServer(64);
    try {
      const child = spawn(
        join(seed, "dist/cli/main.js"),
        ["update-user-status", "--user-id", "me", "--action", "activate", "--base-url", drip.url],
        { env: { PATH: process.env.PATH ?? "", ...env } },
      );
      const hash = createHash("sha256");
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        hash.update(chunk);
        drip.written(chunk.length);
      });
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise((resolve, reject) => child.on("error", reject).on("close", resolve));
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(hash.digest("hex")).toBe(await drip.sent);
      expect(drip.stalled).toBe(false);
    } finally {
      await drip.close();
    }
  });

  it("| head: an event stream that never ends, its reader gone after a few bytes, ends the command with 0", async () => {
    // A server on 127.0.0.1 whose event stream goes on until its connection closes.
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const events = createServer((_, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const timer = setInterval(() => res.write("data: tick\n\n"), 5);
      res.on("close", () => {
        clearInterval(timer);
        closed();
      });
    });
    await new Promise<void>((resolve) => events.listen(0, "127.0.0.1", resolve));
    try {
      const child = spawn(
        join(seed, "dist/cli/main.js"),
        [
          "update-user-status",
          "--user-id",
          "me",
          "--action",
          "activate",
          "--base-url",
          `http://127.0.0.1:${(events.address() as AddressInfo).port}`,
        ],
        { env: { PATH: process.env.PATH ?? "", ...env } },
      );
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = new Promise((resolve, reject) => child.on("error", reject).on("close", resolve));
      // As `head -c 30` does: read a few bytes, then close the pipe.
      const first = await new Promise<string>((resolve) =>
        child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString())),
      );
      expect(first).toMatch(/^data: tick/);
      child.stdout.destroy();
      expect({ code: await code, stderr }).toEqual({ code: 0, stderr: "" });
      // The command let go of the answer rather than reading it on.
      await connectionClosed;
    } finally {
      events.closeAllConnections();
      await new Promise<void>((resolve) => events.close(() => resolve()));
    }
  }, 30_000);

  it("--dry-run prints curl with the token masked and sends nothing", async () => {
    const result = await bin(seed, [
      "update-user-status",
      "--user-id",
      "me",
      "--action",
      "deactivate",
      "--dry-run",
      "--token",
      TOKEN,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      "curl -X PUT https://api.zoom.us/v2/users/me/status \\\n  -H 'authorization: ***' \\\n  --form-string action=deactivate\n",
    );
    expect(result.stderr).toBe("");
    expect(server.requests).toHaveLength(0);
  });

  // Its OAuth 2.0 auth is declared and left empty: a call given no token is refused, but for these.
  const command = ["update-user-status", "--user-id", "me", "--action", "deactivate"];

  it("--no-auth sends the request without a credential, the environment's token too; --help lists it", async () => {
    server.reply({ status: 204 });
    const base = ["--base-url", `${server.url}/v2`];
    expect(await bin(seed, [...command, "--no-auth", ...base])).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(await bin(seed, ["--no-auth", ...command, ...base], { env })).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    expect((await bin(seed, [...command, "--help"])).stdout).toMatch(/--no-auth\s+Send the request without/);
  });

  it("--no-auth with a credential's flag is refused, the credential not quoted; an empty token is no --no-auth", async () => {
    const both = await bin(seed, [...command, "--no-auth", "--token", TOKEN]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("--no-auth sends no credential: give it without --token");
    expect(both.stderr).not.toContain(TOKEN);
    // `--token "$UNSET"` is a mistake as likely as a wish: refused, naming --no-auth.
    for (const empty of [
      await bin(seed, [...command, "--token", ""]),
      await bin(seed, command, { env: { ZOOM_UPDATE_USER_STATUS_TOKEN: "" } }),
    ]) {
      expect(empty.code).toBe(2);
      expect(empty.stderr).toContain("the collection's auth needs a credential, and none was given");
      expect(empty.stderr).toContain("or --no-auth to send none");
    }
    expect(server.requests).toHaveLength(0);
  });

  it("--dry-run without a credential prints the request with its place masked, as with one given", async () => {
    const given = await bin(seed, [...command, "--dry-run", "--token", TOKEN]);
    const none = await bin(seed, [...command, "--dry-run"]);
    expect(none).toEqual({ code: 0, stdout: given.stdout, stderr: "" });
    expect(none.stdout).toContain("-H 'authorization: ***'");
    // With --no-auth, none at all.
    const without = await bin(seed, [...command, "--dry-run", "--no-auth"]);
    expect(without.code).toBe(0);
    expect(without.stdout).toBe(given.stdout.replace(" \\\n  -H 'authorization: ***'", ""));
    expect(server.requests).toHaveLength(0);
  });
});

describe("the Zoom package", () => {
  const env = { ZOOM_API_TOKEN: TOKEN };

  it("--help at each level: namespaces, a namespace's namespaces and commands, a command", async () => {
    const root = await bin(zoom, ["--help"]);
    expect(root.code).toBe(0);
    expect(root.stdout).toMatch(/Namespaces:\n(?: {2}.*\n)* {2}users\s+41 commands\n/);
    expect(root.stdout).toMatch(
      /Commands:\n(?: {2}.*\n)* {2}list-archived-files\s+List archived files \(GET \/archive_files\)/,
    );
    const users = await bin(zoom, ["users", "user-id", "--help"]);
    expect(users.code).toBe(0);
    expect(users.stdout).toMatch(/ {2}update-user-status\s+Update user status \(PUT \/users\/\{userId\}\/status\)/);
    const command = await bin(zoom, ["users", "user-id", "update-user-status", "--help"]);
    expect(command.stdout).toMatch(/--user-id <string>, --userId\s+\[required\] Path variable "userId"\./);
  });

  it("sends the seed request from the full client's namespaces", async () => {
    server.reply({ status: 204 });
    const result = await bin(
      zoom,
      [
        "users",
        "user-id",
        "update-user-status",
        "--user-id",
        "me",
        "--action",
        "deactivate",
        "--base-url",
        `${server.url}/v2`,
      ],
      { env },
    );
    expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
    expect(server.requests[0]).toMatchObject({
      method: "PUT",
      path: "/v2/users/me/status",
      fields: [["action", "deactivate"]],
    });
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("a 404 with code 1001, a bad enum, --dry-run", async () => {
    server.reply({
      status: 404,
      headers: { "content-type": "application/json" },
      body: '{"code":1001,"message":"User does not exist."}',
    });
    const missing = await bin(
      zoom,
      [
        "users",
        "user-id",
        "update-user-status",
        "--user-id",
        "x",
        "--action",
        "activate",
        "--base-url",
        `${server.url}/v2`,
        "--max-retries",
        "0",
      ],
      { env },
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error code 1001: User does not exist: $userId.");
    const bad = await bin(
      zoom,
      ["users", "user-id", "update-user-status", "--user-id", "x", "--action", "on", "--base-url", `${server.url}/v2`],
      { env },
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--action must be one of: activate, deactivate");
    expect(server.requests).toHaveLength(1);
    const dry = await bin(
      zoom,
      ["users", "user-id", "update-user-status", "--user-id", "x", "--action", "activate", "--dry-run"],
      { env },
    );
    expect(dry.stdout).toContain("-H 'authorization: ***'");
    expect(dry.stdout).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(1);
  });

  it("a method name that other namespaces share keeps its command; the error names its operation", async () => {
    const help = await bin(zoom, ["meetings-meeting-id", "registrants", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/ {2}update-registrant-status\s+Update registrant's status \(PUT /);
    server.reply({ status: 404 });
    const failed = await bin(
      zoom,
      [
        ...["meetings-meeting-id", "registrants", "update-registrant-status"],
        ...["--meeting-id", "1", "--action", "approve", "--base-url", `${server.url}/v2`, "--max-retries", "0"],
      ],
      { env },
    );
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["PUT /v2/meetings/1/registrants/status"]);
    expect(failed.code).toBe(1);
    // The operation's name at run time: its standalone function's, which the webinars' differs from.
    const names = (await import(join(zoom, "dist/index.js"))) as Record<string, { name: string }>;
    const name = names["meetingsMeetingIdRegistrantsUpdateRegistrantStatusOperation"]!.name;
    expect(name).not.toBe(names["webinarsWebinarIdRegistrantsUpdateRegistrantStatusOperation"]!.name);
    expect(failed.stderr).toMatch(new RegExp(`^zoom-api: HTTP 404 [^\\n]* \\(${name}\\)\\n`));
  });

  it("a form's fields as JSON from standard input, a field's flag over its key, JSON output compact when piped", async () => {
    server.reply({
      status: 201,
      headers: { "content-type": "application/json" },
      body: '{"id":85746065,"topic":"Standup"}',
    });
    const result = await bin(
      zoom,
      [
        "users",
        "user-id",
        "meetings",
        "create-a-meeting",
        "--user-id",
        "me",
        "--body",
        "-",
        "--type",
        "2",
        "--base-url",
        `${server.url}/v2`,
      ],
      {
        env,
        stdin: '{"topic":"Standup","type":1,"duration":30}',
      },
    );
    expect(result).toEqual({ code: 0, stdout: '{"id":85746065,"topic":"Standup"}\n', stderr: "" });
    expect(server.requests[0]).toMatchObject({ method: "POST", path: "/v2/users/me/meetings" });
    expect(server.requests[0]!.fields).toEqual([
      ["topic", "Standup"],
      ["type", "2"],
      ["duration", "30"],
    ]);
  });
});

describe("a package with environments", () => {
  it("--environment takes an environment's values over the folders' and the collection's; an unknown one is refused", async () => {
    const readme = readFileSync(join(environments, "README.md"), "utf8");
    expect(readme).toContain("- `--environment <name>` takes a Postman environment's values: `local`.");
    expect(await formatOnce("README.md", readme)).toBe(readme);
    const help = await bin(environments, ["--help"]);
    expect(help.stdout).toMatch(/--environment <name>\s+The Postman environment whose values to use: local\./);
    server.reply({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    const chosen = await bin(environments, [
      "scoped",
      "echo",
      "--environment",
      "local",
      "--variable",
      "g=given",
      "--base-url",
      server.url,
    ]);
    expect(chosen).toEqual({ code: 0, stdout: "{}\n", stderr: "" });
    // Without the environment, its own variable has no value but the one given.
    const plain = await bin(environments, [
      "scoped",
      "echo",
      "--variable",
      "g=given",
      "--variable",
      "i=given",
      "--base-url",
      server.url,
    ]);
    expect(plain.stderr).toBe("");
    expect(plain.code).toBe(0);
    const value = (i: number, key: string) => server.requests[i]!.query.find(([k]) => k === key)?.[1];
    expect([value(0, "c"), value(1, "c"), value(0, "i"), value(1, "i")]).toEqual([
      "environment",
      "folder",
      "environment",
      "given",
    ]);
    const unknown = await bin(environments, [
      "scoped",
      "echo",
      "--environment",
      "staging",
      "--variable",
      "g=given",
      "--base-url",
      server.url,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown environment "staging"; one of: local');
    expect(server.requests).toHaveLength(2);
  });
});

describe("a package's --dry-run", () => {
  // A header for each word of the generator's rule, given by a flag (no secret: masked by its name
  // alone), names the command line masks beyond it, and names it must print, filled from a variable
  // that is no secret (X-Trace shows it). `plain`, sent as a credential, is a secret by the rule.
  const rule = [...CREDENTIAL_NAMES.words, ...CREDENTIAL_NAMES.lastWords, ...CREDENTIAL_NAMES.runs];
  const collection = {
    info: { name: "Credential names", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    variable: [{ key: "baseUrl", value: "https://names.test" }],
    item: [
      {
        name: "Send",
        request: {
          method: "POST",
          url:
            "{{baseUrl}}/send?client_secret={{plain}}&oauth_nonce={{shown}}&password_policy={{shown}}" +
            "&next_page_token={{shown}}&q={{search}}&trace={{shown}}",
          header: [
            ...rule.map((word) => ({ key: `X-${word}`, value: "{{plain}}" })),
            { key: "X-Secret-Thing", value: "{{plain}}" },
            { key: "X-Context", value: "{{session_token}}" },
            { key: "X-Ticket", value: "{{shown}}" },
            { key: "X-Trace", value: "{{shown}}" },
          ],
          body: {
            mode: "raw",
            raw: '{"client_secret": "{{plain}}", "note": "{{session_token}}", "memo": "{{shown}}"}',
            options: { raw: { language: "json" } },
          },
        },
      },
    ],
  };
  const JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
  const SESSION = "SESSION-SECRET-42";
  const PLAIN = "PLAIN-SECRET-7";
  let names: string;

  beforeAll(async () => {
    const file = join(dir, "names.postman_collection.json");
    writeFileSync(file, JSON.stringify(collection));
    names = await generate(file, "credential-names");
  }, 60_000);

  const send = () =>
    bin(names, [
      "send",
      ...["--variable", `plain=${PLAIN}`, "--variable", "shown=visible-1", "--variable", `search=${JWT}`],
      ...["--variable", `session_token=${SESSION}`],
      ...rule.flatMap((word) => [`--${kebab(`X-${word}`)}`, "by-flag-3"]),
      "--dry-run",
      "--base-url",
      `http://127.0.0.1:1/${SESSION}`,
    ]);

  it("masks by the generator's words its data holds (a word added there too), its own, JWTs and secrets' values", async () => {
    const result = await send();
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const out = result.stdout;
    expect(out).toContain(
      "'http://127.0.0.1:1/***/send?client_secret=***&oauth_nonce=***&password_policy=***&next_page_token=***&q=***&trace=visible-1'",
    );
    for (const word of rule) expect(out).toContain(`-H 'x-${word}: ***'`);
    for (const header of ["x-secret-thing: ***", "x-context: ***", "x-ticket: visible-1", "x-trace: visible-1"])
      expect(out).toContain(`-H '${header}'`);
    expect(out).toContain(`--data-raw '{"client_secret":"***","note":"***","memo":"visible-1"}'`);
    expect(out).not.toContain(SESSION);
    expect(out).not.toContain(PLAIN);
    expect(out).not.toContain("by-flag-3");
    expect(out).not.toContain("eyJ");
    expect(server.requests).toHaveLength(0);

    // The rule's words are data the command line reads: one added to the package's data is masked.
    const data = join(names, "dist/cli/commands.js");
    const text = readFileSync(data, "utf8");
    expect(text).toContain('"credentialWords": [');
    writeFileSync(data, text.replace('"credentialWords": [', '"credentialWords": [\n    "ticket",'));
    const more = await send();
    expect(more.stderr).toBe("");
    expect(more.stdout).toBe(out.replace("-H 'x-ticket: visible-1'", "-H 'x-ticket: ***'"));
  });
});

describe("Postman's code-generator fixtures", () => {
  it("a JSON body from standard input, sent with the collection's content type", async () => {
    const help = await bin(basic, ["--help"]);
    const command = /^ {2}(post-json-with-raw)\s/m.exec(help.stdout)?.[1];
    expect(command).toBe("post-json-with-raw");
    server.reply({ status: 200, headers: { "content-type": "application/json" }, body: '{"ok":true}' });
    const result = await bin(basic, [command!, "--body", "-", "--base-url", server.url], {
      stdin: '{"json":"from stdin"}',
    });
    expect(result).toEqual({ code: 0, stdout: '{"ok":true}\n', stderr: "" });
    expect(server.requests[0]).toMatchObject({ method: "POST", json: { json: "from stdin" } });
    expect(server.requests[0]!.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("uploads: @path sends each file's bytes and name, a repeated flag sends several", async () => {
    const upload = mkdtempSync(join(tmpdir(), "postman-codegen-cli-upload-"));
    writeFileSync(join(upload, "one.txt"), "first file\n");
    writeFileSync(join(upload, "two.bin"), Buffer.from([0, 1, 2, 255]));
    const help = await bin(files, ["--help"]);
    expect(help.stdout.startsWith("pcg-files: ")).toBe(true);
    const command = /^ {2}(single-multiple-file-upload-via-form-data)\s/m.exec(help.stdout)?.[1];
    expect(command).toBeDefined();
    const flags = await bin(files, [command!, "--help"]);
    expect(flags.stdout).toMatch(/--single-file <@path>/);
    server.reply({ status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    const result = await bin(files, [
      command!,
      "--single-file",
      `@${join(upload, "one.txt")}`,
      "--multiple-files",
      `@${join(upload, "one.txt")}`,
      "--multiple-files",
      `@${join(upload, "two.bin")}`,
      "--base-url",
      server.url,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(server.requests[0]!.files.map((f) => [f.field, f.filename, f.content.toString("hex")])).toEqual([
      ["single file", "one.txt", Buffer.from("first file\n").toString("hex")],
      ["multiple files", "one.txt", Buffer.from("first file\n").toString("hex")],
      ["multiple files", "two.bin", "000102ff"],
    ]);
  });
});

describe("Plaid, with an environment: secrets in JSON body fields, a scoped package name", () => {
  const SECRET = "plaid-secret-5150";
  let plaid: string;
  beforeAll(async () => {
    const file = join(dir, "sandbox.postman_environment.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "sandbox",
        values: [
          { key: "env_url", value: "sandbox.plaid.com", type: "default", enabled: true },
          { key: "client_id", value: "client-abc", type: "default", enabled: true },
          { key: "secret_key", value: "", type: "secret", enabled: true },
        ],
      }),
    );
    plaid = await generate(`${FIXTURES}collections/plaid-api.postman_collection.json`, "@acme/plaid-api", [{ file }]);
  }, 120_000);
  const command = ["link-tokens", "income-link-tokens", "create-link-token-payroll-income"];

  it("takes a secret variable from its environment variable, masked in --dry-run; a missing one names it first", async () => {
    const env = { PLAID_API_SECRET_KEY: SECRET, PLAID_API_USER_TOKEN: "user-tok-5150" };
    const dry = await bin(plaid, [...command, "--environment", "sandbox", "--dry-run"], { env });
    expect(dry.stderr).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`"client_id":"client-abc","secret":"***","user_token":"***"`);
    expect(dry.stdout).not.toContain(SECRET);
    // Not given, a dry run shows `***` where it goes (its help says so); the call is refused.
    const placeholder = await bin(plaid, [...command, "--environment", "sandbox", "--dry-run"], {
      env: { PLAID_API_USER_TOKEN: "user-tok-5150" },
    });
    expect({ code: placeholder.code, stderr: placeholder.stderr }).toEqual({ code: 0, stderr: "" });
    expect(placeholder.stdout).toContain(`"client_id":"client-abc","secret":"***","user_token":"***"`);
    const missing = await bin(plaid, [...command, "--environment", "sandbox"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(
      'variable {{secret_key}} has no value, as it is a secret of environment "sandbox"\nGive it in the environment variable PLAID_API_SECRET_KEY, or with --variable',
    );
    expect(missing.stderr).not.toContain("createClient");
    const help = await bin(plaid, [...command, "--help"]);
    expect(help.stdout).toMatch(/\n {2}\{\{secret_key\}\} +\$PLAID_API_SECRET_KEY\n/);
  });

  it("its README: each secret variable's environment variable, and a mock command that works", async () => {
    const readme = readFileSync(join(plaid, "README.md"), "utf8");
    expect(await formatOnce("README.md", readme)).toBe(readme);
    expect(readme).toContain("export PLAID_API_SECRET_KEY=…\n");
    expect(readme).toContain("  `secret_key` (`PLAID_API_SECRET_KEY`),\n");
    // The target's name, which `mock` resolves from the generating project's config.
    expect(readme).toContain("```sh\nnpx postman-codegen mock @acme/plaid-api --port 4010\n```");
    expect(readme).not.toContain("mock plaid-api.postman_collection.json");
    const project = mkdtempSync(join(dir, "project-"));
    const config = join(project, "postman-codegen.config.json");
    writeFileSync(
      config,
      JSON.stringify({
        targets: [
          { collection: `${FIXTURES}collections/plaid-api.postman_collection.json`, out: "p", name: "@acme/plaid-api" },
        ],
      }),
    );
    const { api } = await loadMockApi("@acme/plaid-api", { cwd: project });
    expect(api.operations).toHaveLength(112);
  });
});
