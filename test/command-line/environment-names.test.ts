// The command line's environment variables never meet: two inputs (a credential flag, a
// `{{variable}}`, the base URL) whose names fold to one (`session_token` and `--session-token`,
// `apiKey` and `api_key`, `base_url` and `--base-url`) each read their own, so that a value meant
// for one is never sent as the other; a variable that IS the credential keeps the one name. Each
// name is taken from what the command's --help says, and what the server receives is checked.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import type { AuthSpec, OperationSpec } from "../../src/runtime/spec.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram } from "../helpers/program.js";
import { runWith, testCommandLine } from "./helpers.js";
import { useRecordingServer } from "../helpers/recording.js";

const server = useRecordingServer();

/** One GET whose headers are filled from `variables` (`X-One: {{apiKey}}`). */
function getThing(headers: Record<string, string>, auth?: AuthSpec): OperationSpec {
  return {
    name: "getThing",
    namespace: [],
    item: "Get thing",
    folder: [],
    method: "GET",
    path: "/thing",
    args: Object.entries(headers).map(([name, value]) => ({
      arg: name,
      name,
      in: "header" as const,
      required: false,
      default: value,
    })),
    ...(auth ? { auth } : {}),
    responses: [{ status: 200 }],
  };
}

/** The environment variables the command's --help names: by credential flag (`--token`) and by `{{variable}}`. */
async function namesInHelp(cli: ReturnType<typeof testCommandLine>): Promise<Map<string, string>> {
  const help = await runWith(cli, ["get-thing", "--help"]);
  expect(help.code).toBe(0);
  const names = new Map<string, string>();
  for (const match of help.stdout.matchAll(/^ {2}(--[a-z0-9-]+) <value>.*; \$([A-Z0-9_]+)$/gm))
    names.set(match[1]!, match[2]!);
  for (const match of help.stdout.matchAll(/^ {2}(\{\{[^}]+\}\})\s+\$([A-Z0-9_]+)$/gm)) names.set(match[1]!, match[2]!);
  return names;
}

const AWS: AuthSpec = {
  type: "awsv4",
  accessKey: "{{aws_key}}",
  secretKey: "{{aws_secret}}",
  region: "us-east-1",
  service: "execute-api",
};

describe("two inputs whose names fold to one each read their own", () => {
  it("a variable {{session_token}} sent in a header and AWS's --session-token", async () => {
    const cli = testCommandLine([getThing({ "X-Session-Token": "{{session_token}}" }, AWS)], [], {
      secretVariables: ["aws_key", "aws_secret", "session_token"],
    });
    const names = await namesInHelp(cli);
    // The flag's name is the documented one, as before: only the variable's moves.
    expect(names.get("--session-token")).toBe("ZOOM_API_SESSION_TOKEN");
    expect(names.get("{{session_token}}")).toBeDefined();
    expect(names.get("{{session_token}}")).not.toBe(names.get("--session-token"));
    server.reply({ status: 200 });
    const run = await runWith(cli, ["get-thing", "--base-url", server.url], {
      env: {
        ZOOM_API_ACCESS_KEY_ID: "AKIDEXAMPLE",
        ZOOM_API_SECRET_ACCESS_KEY: "aws-secret-1",
        [names.get("--session-token")!]: "aws-session-2",
        [names.get("{{session_token}}")!]: "header-session-3",
      },
    });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const headers = server.requests[0]!.headers;
    expect(headers["x-amz-security-token"]).toBe("aws-session-2");
    expect(headers["x-session-token"]).toBe("header-session-3");
  });

  it("two secret variables {{apiKey}} and {{api_key}}, and an API key", async () => {
    const cli = testCommandLine(
      [getThing({ "X-One": "{{apiKey}}", "X-Two": "{{api_key}}" }, { type: "apikey", in: "header", name: "X-Key" })],
      [],
      { secretVariables: ["apiKey", "api_key"] },
    );
    const names = await namesInHelp(cli);
    expect(names.get("--api-key")).toBe("ZOOM_API_KEY");
    const three = [names.get("--api-key"), names.get("{{apiKey}}"), names.get("{{api_key}}")];
    expect(three.every((name) => name !== undefined)).toBe(true);
    expect(new Set(three).size).toBe(3);
    server.reply({ status: 200 });
    const run = await runWith(cli, ["get-thing", "--base-url", server.url], {
      env: { [three[0]!]: "key-0", [three[1]!]: "one-1", [three[2]!]: "two-2" },
    });
    expect(run.stderr).toBe("");
    expect(server.requests[0]!.headers).toMatchObject({ "x-key": "key-0", "x-one": "one-1", "x-two": "two-2" });
  });

  it("a secret variable {{base_url}} and the base URL", async () => {
    const cli = testCommandLine([getThing({ "X-Upstream": "{{base_url}}" })], [], { secretVariables: ["base_url"] });
    const names = await namesInHelp(cli);
    const help = await runWith(cli, ["--help"]);
    const baseUrl = /Base URL in place of the collection's \(\$([A-Z0-9_]+)\)/.exec(help.stdout)?.[1];
    expect(baseUrl).toBe("ZOOM_API_BASE_URL");
    expect(names.get("{{base_url}}")).toBeDefined();
    expect(names.get("{{base_url}}")).not.toBe(baseUrl);
    // The global flags' help names it as it is read.
    expect(help.stdout).toContain(`base_url: $${names.get("{{base_url}}")!}`);
    server.reply({ status: 200 });
    const run = await runWith(cli, ["get-thing"], {
      env: { [baseUrl!]: server.url, [names.get("{{base_url}}")!]: "upstream-secret-4" },
    });
    expect(run.stderr).toBe("");
    expect(server.requests[0]!.headers["x-upstream"]).toBe("upstream-secret-4");
  });

  it("a variable named like a credential flag ({{password}}) beside Basic's --password", async () => {
    const cli = testCommandLine(
      [getThing({ "X-Pw": "{{password}}" }, { type: "basic", username: "{{user}}", password: "{{pass}}" })],
      [],
      { secretVariables: ["pass", "password"] },
    );
    const names = await namesInHelp(cli);
    expect(names.get("--password")).toBe("ZOOM_API_PASSWORD");
    expect(names.get("{{password}}")).toBeDefined();
    expect(names.get("{{password}}")).not.toBe(names.get("--password"));
    server.reply({ status: 200 });
    const run = await runWith(cli, ["get-thing", "--base-url", server.url], {
      env: { ZOOM_API_USERNAME: "ann", ZOOM_API_PASSWORD: "basic-pw-5", [names.get("{{password}}")!]: "header-pw-6" },
    });
    expect(run.stderr).toBe("");
    const headers = server.requests[0]!.headers;
    expect(headers.authorization).toBe(`Basic ${Buffer.from("ann:basic-pw-5").toString("base64")}`);
    expect(headers["x-pw"]).toBe("header-pw-6");
  });

  it("names a variable's own name in the refusal of a missing value", async () => {
    const cli = testCommandLine([getThing({ "X-Session-Token": "{{session_token}}" }, AWS)], [], {
      secretVariables: ["aws_key", "aws_secret", "session_token"],
    });
    const names = await namesInHelp(cli);
    const run = await runWith(cli, ["get-thing", "--base-url", server.url], {
      env: { ZOOM_API_ACCESS_KEY_ID: "AKIDEXAMPLE", ZOOM_API_SECRET_ACCESS_KEY: "aws-secret-1" },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Give it in the environment variable ${names.get("{{session_token}}")!},`);
    expect(run.stderr).not.toContain(`environment variable ${names.get("--session-token")!},`);
    expect(server.requests).toHaveLength(0);
  });
});

describe("a name given in place of one is no input's own", () => {
  it("{{session_token_var}} keeps its name; the {{session_token}} that meets --session-token takes another", async () => {
    const cli = testCommandLine(
      [getThing({ "X-Session-Token": "{{session_token}}", "X-Other": "{{session_token_var}}" }, AWS)],
      [],
      { secretVariables: ["aws_key", "aws_secret", "session_token", "session_token_var"] },
    );
    const names = await namesInHelp(cli);
    expect(names.get("{{session_token_var}}")).toBe("ZOOM_API_SESSION_TOKEN_VAR");
    const three = [names.get("--session-token"), names.get("{{session_token}}"), names.get("{{session_token_var}}")];
    expect(three.every((name) => name !== undefined)).toBe(true);
    expect(new Set(three).size).toBe(3);
  });

  it("two credential flags that meet through the prefix (`x-session`: --token, --session-token)", async () => {
    const bearer = { ...getThing({}, { type: "bearer" }), name: "getBearer", item: "Get bearer" };
    const cli = testCommandLine([bearer, getThing({}, AWS)], [], { name: "x-session", envPrefix: "X_SESSION" });
    const help = await runWith(cli, ["--help"]);
    const token = /--token <value>.*; \$([A-Z0-9_]+)$/m.exec(help.stdout)?.[1];
    const session = /--session-token <value>.*; \$([A-Z0-9_]+)$/m.exec(help.stdout)?.[1];
    expect(token).toBe("X_SESSION_TOKEN");
    expect(session).toBeDefined();
    expect(session).not.toBe(token);
    server.reply({ status: 200 });
    const run = await runWith(cli, ["get-thing", "--base-url", server.url], {
      env: {
        X_SESSION_ACCESS_KEY_ID: "AKIDEXAMPLE",
        X_SESSION_SECRET_ACCESS_KEY: "aws-secret-1",
        [token!]: "bearer-9",
        [session!]: "aws-session-10",
      },
    });
    expect(run.stderr).toBe("");
    expect(server.requests[0]!.headers["x-amz-security-token"]).toBe("aws-session-10");
  });
});

describe("a variable that IS the credential keeps the one name", () => {
  it("{{session_token}} as AWS's session token, sent in a header too", async () => {
    const cli = testCommandLine(
      [getThing({ "X-Session-Token": "{{session_token}}" }, { ...AWS, sessionToken: "{{session_token}}" })],
      [],
      { secretVariables: ["aws_key", "aws_secret", "session_token"] },
    );
    const names = await namesInHelp(cli);
    expect(names.get("{{session_token}}")).toBe("ZOOM_API_SESSION_TOKEN");
    expect(names.get("--session-token")).toBe("ZOOM_API_SESSION_TOKEN");
    server.reply({ status: 200 });
    const run = await runWith(cli, ["get-thing", "--base-url", server.url], {
      env: {
        ZOOM_API_ACCESS_KEY_ID: "AKIDEXAMPLE",
        ZOOM_API_SECRET_ACCESS_KEY: "aws-secret-1",
        ZOOM_API_SESSION_TOKEN: "one-session-7",
      },
    });
    expect(run.stderr).toBe("");
    const headers = server.requests[0]!.headers;
    expect(headers["x-amz-security-token"]).toBe("one-session-7");
    expect(headers["x-session-token"]).toBe("one-session-7");
  });

  it("{{token}} as the bearer token", async () => {
    const cli = testCommandLine([getThing({ "X-Token": "{{token}}" }, { type: "bearer", token: "{{token}}" })], [], {
      secretVariables: ["token"],
    });
    const names = await namesInHelp(cli);
    expect(names.get("{{token}}")).toBe("ZOOM_API_TOKEN");
    expect(names.get("--token")).toBe("ZOOM_API_TOKEN");
    server.reply({ status: 200 });
    await runWith(cli, ["get-thing", "--base-url", server.url], { env: { ZOOM_API_TOKEN: "tok-8" } });
    expect(server.requests[0]!.headers).toMatchObject({ authorization: "Bearer tok-8", "x-token": "tok-8" });
  });
});

describe("a variable that IS the credential, named otherwise, takes the flag's name", () => {
  // Twitter Ads: OAuth 1's token is {{access_token}}, which --oauth1-token gives. Its help named
  // $…_OAUTH1_TOKEN for the flag and $…_ACCESS_TOKEN for the variable, and both worked.
  const OAUTH1: AuthSpec = {
    type: "oauth1",
    consumerKey: "{{consumer_key}}",
    consumerSecret: "{{consumer_secret}}",
    token: "{{access_token}}",
    tokenSecret: "{{token_secret}}",
    signatureMethod: "HMAC-SHA1",
  };

  it("{{access_token}} as OAuth 1's token: one name, in the command's help and the global one", async () => {
    const cli = testCommandLine([getThing({}, OAUTH1)], [], { secretVariables: ["access_token"] });
    const names = await namesInHelp(cli);
    expect(names.get("--oauth1-token")).toBe("ZOOM_API_OAUTH1_TOKEN");
    expect(names.get("{{access_token}}")).toBe("ZOOM_API_OAUTH1_TOKEN");
    const help = await runWith(cli, ["--help"]);
    expect(help.stdout).not.toContain("ZOOM_API_ACCESS_TOKEN");
    expect(help.stdout).toContain("access_token: $ZOOM_API_OAUTH1_TOKEN");
    server.reply({ status: 200 });
    const run = await runWith(cli, ["get-thing", "--base-url", server.url], {
      env: {
        ZOOM_API_CONSUMER_KEY: "ck",
        ZOOM_API_CONSUMER_SECRET: "cs",
        ZOOM_API_TOKEN_SECRET: "ts",
        ZOOM_API_OAUTH1_TOKEN: "one-token-11",
      },
    });
    expect(run.stderr).toBe("");
    expect(server.requests[0]!.query).toContainEqual(["oauth_token", "one-token-11"]);
  });
});

describe("a generated package", () => {
  // The audit's collection: AWS's auth, and a header filled from {{session_token}}.
  const collection = {
    info: { name: "Sec API", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    auth: {
      type: "awsv4",
      awsv4: [
        { key: "accessKey", value: "{{aws_key}}" },
        { key: "secretKey", value: "{{aws_secret}}" },
        { key: "region", value: "us-east-1" },
        { key: "service", value: "execute-api" },
      ],
    },
    variable: [{ key: "baseUrl", value: "http://example.invalid" }],
    item: [
      {
        name: "Get thing",
        request: {
          method: "GET",
          url: "{{baseUrl}}/thing",
          header: [{ key: "X-Session-Token", value: "{{session_token}}" }],
        },
      },
    ],
  };

  it("its bin reads the names its README and --help give, each input its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-env-names-"));
    const file = join(dir, "sec-api.postman_collection.json");
    writeFileSync(file, JSON.stringify(collection));
    const out = join(dir, "sec-api");
    await writePackage(out, (await emitTarget({ collection: file, out, name: "sec-api" })).files);
    const bin = (args: string[], env: Record<string, string> = {}) =>
      runProgram(process.execPath, [join(out, "dist/cli/main.js"), ...args], {
        env: { PATH: process.env.PATH ?? "", ...env },
      });
    const help = await bin(["get-thing", "--help"]);
    const flag = /--session-token <value>.*; \$([A-Z0-9_]+)$/m.exec(help.stdout)?.[1];
    const variable = /^ {2}\{\{session_token\}\}\s+\$([A-Z0-9_]+)$/m.exec(help.stdout)?.[1];
    expect(flag).toBe("SEC_API_SESSION_TOKEN");
    expect(variable).toBeDefined();
    expect(variable).not.toBe(flag);
    const readme = readFileSync(join(out, "README.md"), "utf8");
    expect(readme).toContain(`\`--session-token\` or \`${flag}\``);
    expect(readme).toContain(`\`session_token\` (\`${variable!}\`)`);
    server.reply({ status: 200 });
    const run = await bin(["get-thing", "--base-url", server.url], {
      SEC_API_ACCESS_KEY_ID: "AKIDEXAMPLE",
      SEC_API_SECRET_ACCESS_KEY: "aws-secret-1",
      [flag!]: "aws-session-2",
      [variable!]: "header-session-3",
    });
    expect(run.stderr).toBe("");
    expect(server.requests[0]!.headers["x-amz-security-token"]).toBe("aws-session-2");
    expect(server.requests[0]!.headers["x-session-token"]).toBe("header-session-3");
  }, 60_000);
});
