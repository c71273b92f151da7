// The README's examples of a package whose collection signs with OAuth 1.0a (as Twitter Ads'
// does), run as written by an app that installed it: the client's, which gave the credentials
// as `variables` (placeholders in a plain object) rather than the `oauth1` option read from the
// environment variables the command line reads; the mocks', which called the operation without
// the variables its path needs and rejected; and the command line's, which exported the secret
// variables but not the consumer key, nor the path's values, and exited 2.
import { createHmac } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram } from "../helpers/program.js";
import { FIXTURES, ROOT } from "../helpers/seed.js";
import { useRecordingServer } from "../helpers/recording.js";

const NAME = "oauth1-api";
const CREDENTIALS = {
  OAUTH1_API_CONSUMER_KEY: "ck-from-env",
  OAUTH1_API_CONSUMER_SECRET: "cs-from-env",
  OAUTH1_API_OAUTH1_TOKEN: "at-from-env",
  OAUTH1_API_TOKEN_SECRET: "ts-from-env",
};

let dir: string;
let app: string;
let pkg: string;
let readme: string;
const server = useRecordingServer({ resetEach: false });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "postman-codegen-readme-oauth1-"));
  app = join(dir, "app");
  pkg = join(app, "node_modules", NAME);
  const { files } = await emitTarget({
    collection: `${FIXTURES}oauth1-readme.postman_collection.json`,
    out: pkg,
    name: NAME,
  });
  await writePackage(pkg, files);
  chmodSync(join(pkg, "dist/cli/main.js"), 0o755);
  readme = files.get("README.md")!;
  symlinkSync(join(ROOT, "node_modules/msw"), join(app, "node_modules/msw"), "dir");
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  // Sends what goes to the collection's host to the local server instead.
  writeFileSync(
    join(app, "local.mjs"),
    `const send = globalThis.fetch;\nglobalThis.fetch = (url, init) => send(String(url).replace("https://api.example.test", ${JSON.stringify(server.url)}), init);\n`,
  );
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

/** The ```ts blocks of a README, in order. */
function typeScriptBlocks(text: string): string[] {
  return [...text.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** Runs a README block as a module of the app; its exit code and output. */
async function runBlock(block: string, file: string, env: Record<string, string> = {}) {
  mkdirSync(app, { recursive: true });
  writeFileSync(join(app, file), block);
  return runProgram(process.execPath, ["--import", "./local.mjs", file], {
    cwd: app,
    env: { PATH: process.env.PATH ?? "", ...env },
    timeout: 30_000,
  });
}

/** An OAuth 1.0a HMAC-SHA1 signature of a request as sent, computed here (RFC 5849, section 3.4). */
function signatureValid(
  method: string,
  url: string,
  authorization: string,
  consumerSecret: string,
  tokenSecret: string,
) {
  const enc = (s: string) =>
    encodeURIComponent(s).replace(/[!*()']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  const params = Object.fromEntries(
    [...authorization.slice("OAuth ".length).matchAll(/(\w+)="([^"]*)"/g)].map((m) => [
      m[1]!,
      decodeURIComponent(m[2]!),
    ]),
  );
  const { oauth_signature: signature, ...rest } = params;
  const target = new URL(url);
  const pairs = [...Object.entries(rest), ...target.searchParams].map(([k, v]) => `${enc(k)}=${enc(v)}`).sort();
  const base = [method, enc(`${target.origin}${target.pathname}`), enc(pairs.join("&"))].join("&");
  return (
    createHmac("sha1", `${enc(consumerSecret)}&${enc(tokenSecret)}`)
      .update(base)
      .digest("base64") === signature
  );
}

describe("the README of a package signed with OAuth 1.0a", () => {
  it("the client's example signs with the oauth1 option, read from the command line's environment variables", async () => {
    const [use] = typeScriptBlocks(readme);
    expect(use).toContain("oauth1: {");
    expect(use).not.toContain("consumer_secret");
    server.reset();
    const result = await runBlock(use!, "use.mjs", CREDENTIALS);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const [request] = server.requests;
    const authorization = String(request!.headers.authorization);
    expect(authorization).toContain(`oauth_consumer_key="${CREDENTIALS.OAUTH1_API_CONSUMER_KEY}"`);
    expect(authorization).toContain(`oauth_token="${CREDENTIALS.OAUTH1_API_OAUTH1_TOKEN}"`);
    expect(
      signatureValid(
        "GET",
        // As signed: the app sent it to the collection's host.
        `https://api.example.test${request!.target}`,
        authorization,
        CREDENTIALS.OAUTH1_API_CONSUMER_SECRET,
        CREDENTIALS.OAUTH1_API_TOKEN_SECRET,
      ),
    ).toBe(true);
  });

  it("says what the mocks' override answers with: no 500 answer was saved", () => {
    expect(readme).toContain("every later call rejects with a 500 answer, as an");
  });

  it("the mocks' examples answer from the saved example, as written", async () => {
    const blocks = typeScriptBlocks(readme).filter((b) => b.includes(`${NAME}/mocks`));
    expect(blocks).toHaveLength(2);
    for (const [i, block] of blocks.entries()) {
      const result = await runBlock(`${block}\nprocess.exit(0);\n`, `mocks-${i}.mjs`);
      expect(result.stderr, block).toBe("");
      expect(result.code).toBe(0);
    }
  });

  it("the command line's example runs as written, with the credentials it exports", async () => {
    const [, sh] = readme.match(/^```sh\n(export [\s\S]*?)^```$/m)!;
    const lines = sh!.trim().split("\n");
    const exported = lines.filter((l) => l.startsWith("export ")).map((l) => l.slice("export ".length, l.indexOf("=")));
    expect(exported.sort()).toEqual(Object.keys(CREDENTIALS).sort());
    const command = lines.find((l) => l.startsWith(`npx ${NAME} `) && !l.endsWith("--help"))!;
    const args = command
      .slice(`npx ${NAME} `.length)
      .split(" ")
      .map((a) => a.replace(/^'(.*)'$/, "$1"));
    server.reset();
    const result = await runProgram(join(pkg, "dist/cli/main.js"), args, {
      env: { PATH: process.env.PATH ?? "", ...CREDENTIALS, OAUTH1_API_BASE_URL: server.url },
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(String(server.requests[0]!.headers.authorization)).toContain(
      `oauth_consumer_key="${CREDENTIALS.OAUTH1_API_CONSUMER_KEY}"`,
    );
  });
});
