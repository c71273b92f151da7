// The mock server on 127.0.0.1: called by the committed clients and by plain fetch, with open
// CORS and a log line per request; and as the CLI runs it, in its own process, stopped by Ctrl-C.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as seed from "../../generated/zoom-update-user-status/dist/index.js";
import * as zoom from "../../generated/zoom-api/dist/index.js";
import { loadCollection } from "../../src/load/collection.js";
import { mockApi } from "../../src/mocks/mock-data.js";
import { createMockFetch } from "../../src/mocks/mock-fetch.js";
import {
  loadMockApi,
  readEnvironments,
  runMockServer,
  startMockServer,
  type MockServer,
} from "../../src/mocks/server.js";
import { runCli } from "../helpers/cli.js";
import { generate } from "../../src/generate.js";
import { readManifest } from "../../src/cache/manifest.js";
import { readSurface, type OperationSurface } from "../../src/diff/surface.js";
import { inFolder, withNamesakeFolders } from "../diff/helpers.js";
import { mockCommand } from "./helpers.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";

const ZOOM_COLLECTION = `${ROOT}collections/zoom-api.postman_collection.json`;

let server: MockServer;
const log: string[] = [];
beforeAll(async () => {
  const { api } = await loadMockApi(ZOOM_COLLECTION);
  server = await startMockServer(api, { port: 0, log: (line) => void log.push(line) });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  log.length = 0;
});

describe("the mock server", () => {
  it("listens on 127.0.0.1 and answers the Zoom client under its own URL, logging the example", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const client = zoom.createClient({ baseUrl: server.url, token: "t" });
    const user = await client.users.userId.getAUser({ userId: "me" });
    expect(user).toMatchObject({ created_at: "2018-11-15T01:10:08Z" });
    await client.users.userId.updateUserStatus({ userId: "me", action: "deactivate" });
    expect(server.calls.map((c) => [c.operation?.name, c.status])).toEqual([
      ["getAUser", 200],
      ["updateUserStatus", 200],
    ]);
    expect((server.calls[1]!.body as FormData).get("action")).toBe("deactivate");
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(
      /^GET \/users\/me → 200 users\.userId\.getAUser "\*\*HTTP Status Code:\*\* `200` \*\*OK\*\*<br> User object returned\." \(\d+ ms\)$/,
    );
    expect(log[1]).toMatch(
      /^PUT \/users\/me\/status → 200 users\.userId\.updateUserStatus "Untitled Example" \(\d+ ms\)$/,
    );
  });

  it("answers plain fetch: the example a header picks, the saved headers, and a 404 naming an unknown request", async () => {
    const chosen = await fetch(`${server.url}/users/nobody/status`, {
      method: "PUT",
      headers: { "x-mock-response-code": "404" },
    });
    expect([chosen.status, chosen.statusText, chosen.headers.get("content-type"), await chosen.text()]).toEqual([
      404,
      "Not Found",
      "text/plain",
      "",
    ]);
    const unknown = await fetch(`${server.url}/no/such/path?x=1`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      error: "mockRequestNotFoundError",
      request: { method: "GET", url: `${server.url}/no/such/path?x=1` },
    });
    expect(log[1]).toMatch(/^GET \/no\/such\/path\?x=1 → 404 no operation \(\d+ ms\)$/);
  });

  it("masks credentials sent in the query in its log and in the answers that echo the request", async () => {
    const headers = { authorization: "Bearer MOCKSECRET3", "x-api-key": "MOCKSECRET4" };
    await fetch(`${server.url}/users/me?api_key=MOCKSECRET1&token=MOCKSECRET2&page=2`, { headers });
    const unknown = await fetch(`${server.url}/no/such/path?x=1&pass%77ord=MOCKSECRET6&Client-Secret=MOCKSECRET7`, {
      headers,
    });
    const unknownBody = await unknown.text();
    expect(JSON.parse(unknownBody)).toMatchObject({
      error: "mockRequestNotFoundError",
      request: { method: "GET", url: `${server.url}/no/such/path?x=1&pass%77ord=***&Client-Secret=***` },
    });
    // A known operation without an example of the status asked for: its problem echoes the request too.
    const noExample = await fetch(`${server.url}/users/me?access_token=MOCKSECRET8`, {
      headers: { ...headers, "x-mock-response-code": "418" },
    });
    const noExampleBody = await noExample.text();
    expect(JSON.parse(noExampleBody)).toMatchObject({
      error: "mockResponseNotFoundError",
      request: { method: "GET", url: `${server.url}/users/me?access_token=***` },
    });
    expect(log[0]).toMatch(/^GET \/users\/me\?api_key=\*\*\*&token=\*\*\*&page=2 → 200 /);
    expect(log[1]).toMatch(/^GET \/no\/such\/path\?x=1&pass%77ord=\*\*\*&Client-Secret=\*\*\* → 404 no operation /);
    expect(log[2]).toMatch(/^GET \/users\/me\?access_token=\*\*\* → 404 /);
    expect([...log, unknownBody, noExampleBody].join("\n")).not.toMatch(/MOCKSECRET/);
  });

  it("keeps the query parameters that hold no credential in its log and answers, by the loader's rule", async () => {
    // A page's token, a search key and keywords are what a reader needs; a token written in one word is a token.
    const query =
      "next_page_token=PAGE2&search_key=color&keywords=red,blue&media_key=3_1&accesstoken=MOCKSECRET1&CLIENTSECRET=MOCKSECRET2&key=MOCKSECRET3";
    const shown =
      "next_page_token=PAGE2&search_key=color&keywords=red,blue&media_key=3_1&accesstoken=***&CLIENTSECRET=***&key=***";
    const unknown = await fetch(`${server.url}/no/such/path?${query}`);
    const body = await unknown.text();
    expect(JSON.parse(body)).toMatchObject({ request: { url: `${server.url}/no/such/path?${shown}` } });
    expect(log[0]).toContain(`GET /no/such/path?${shown} → 404`);
    expect([...log, body].join("\n")).not.toMatch(/MOCKSECRET/);
  });

  it("rejects with the client's error for a documented error status, as from the real API", async () => {
    server.use(zoom.updateUserStatusOperation, {
      status: 404,
      body: { code: 1001, message: "User does not exist: nobody." },
    });
    const client = zoom.createClient({ baseUrl: server.url, token: "t" });
    const error = await client.users.userId
      .updateUserStatus({ userId: "nobody", action: "activate" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(zoom.NotFoundError);
    expect(error).toMatchObject({ code: 1001, codeDescription: "User does not exist: $userId." });
    expect(log[0]).toContain("users.userId.updateUserStatus (override)");
  });

  it("is open to pages on other origins: preflights and answers carry CORS headers", async () => {
    const preflight = await fetch(`${server.url}/users/me/status`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "PUT",
        "access-control-request-headers": "authorization, x-mock-response-code",
      },
    });
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries([...preflight.headers].filter(([name]) => name.startsWith("access-control-")))).toEqual({
      "access-control-allow-origin": "http://localhost:5173",
      "access-control-allow-credentials": "true",
      "access-control-allow-methods": "PUT",
      "access-control-allow-headers": "authorization, x-mock-response-code",
      "access-control-expose-headers": "*",
      "access-control-max-age": "600",
    });
    const answer = await fetch(`${server.url}/users/me`, { headers: { origin: "http://localhost:5173" } });
    expect(answer.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(answer.headers.get("content-type")).toBe("application/json");
  });

  it("waits a delay, which trips the client's timeout, and keeps serving after the client goes", async () => {
    server.once(zoom.getAUserOperation, { delay: 2_000 });
    const client = zoom.createClient({ baseUrl: server.url, token: "t", timeoutMs: 100, maxRetries: 0 });
    await expect(client.users.userId.getAUser({ userId: "me" })).rejects.toBeInstanceOf(zoom.TimeoutError);
    // The next call's own timeout is generous: on a loaded machine 100 ms can pass before any answer.
    expect(await client.users.userId.getAUser({ userId: "me" }, { timeoutMs: 30_000 })).toMatchObject({
      created_at: "2018-11-15T01:10:08Z",
    });
  });

  it("answers a collection without examples with 501, saying so", async () => {
    const model = await loadCollection(SEED_COLLECTION);
    const bare = await startMockServer({ ...mockApi(model).api, examples: [] }, { port: 0 });
    try {
      const response = await seed
        .createClient({ baseUrl: bare.url, token: "t", maxRetries: 0 })
        .updateUserStatus({ userId: "me", action: "activate" })
        .catch((e: unknown) => e);
      expect(response).toMatchObject({
        status: 501,
        message: expect.stringContaining("Zoom API: Update user status has no saved example responses"),
      });
    } finally {
      await bare.close();
    }
  });

  it("masks the server's secrets in the message of a 500, as in its 404s and 501s", async () => {
    const secret = "s3cret-token-value";
    const model = await loadCollection(SEED_COLLECTION);
    const api = mockApi(model).api;
    const masked = await startMockServer(api, { port: 0, secrets: [secret] });
    try {
      // A header fetch cannot carry (a line break) fails the answer: a 500 whose message quotes it.
      masked.use(api.operations[0]!, { headers: { "x-echo": `Bearer ${secret}\nmore` } });
      const response = await fetch(`${masked.url}/users/me/status`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: '{"action":"activate"}',
      });
      expect(response.status).toBe(500);
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe("mockServerError");
      expect(body.message).toContain("invalid header value");
      expect(body.message).not.toContain(secret);
    } finally {
      await masked.close();
    }
  });

  it("masks the server's secrets in the bases it says it stands in for", async () => {
    // A base an environment's secret fills (`/bot{{bot_token}}`): named in the start-up line and
    // in the 404s, where the secret would be printed in full.
    const secret = "123456:s3cret-bot-token";
    const model = await loadCollection(SEED_COLLECTION);
    const api = { ...mockApi(model).api, baseUrl: "https://api.telegram.org/bot{{bot_token}}" };
    const masked = await startMockServer(api, { port: 0, variables: { bot_token: secret }, secrets: [secret] });
    try {
      expect(masked.bases).toEqual(["https://api.telegram.org/bot***"]);
      const response = await fetch(`${masked.url}/bot${secret}/users/me/status`, { method: "PUT" });
      const body = (await response.json()) as { message: string };
      expect(body.message).toContain("this server stands in for https://api.telegram.org/bot***, path included");
      expect(body.message).toContain("and ask for PUT /users/me/status");
      expect(body.message).not.toContain("s3cret");
    } finally {
      await masked.close();
    }
    // Nor any control character a collection's value holds: the start-up line goes to a terminal.
    const weird = await startMockServer(
      { ...api, baseUrl: "https://x.test/{{v}}", variables: { v: "a\u001b[31mred\nline" } },
      { port: 0 },
    );
    try {
      expect(weird.bases).toEqual(["https://x.test/a [31mred line"]);
    } finally {
      await weird.close();
    }
  });

  it("names the bases as the client fills them: a folder's variables, and http for a base without a scheme", async () => {
    // A folder that sets its own `{{baseUrl}}` sends its requests there, not to the collection's;
    // a base without a scheme (`api.example.com/v2`, as Postman takes it) goes out as http. Named
    // otherwise, the start-up line listed a base no request goes to, and a request that kept the
    // base's path got "check the method and the path" rather than the path it meant.
    const api = mockApi(await loadCollection(SEED_COLLECTION)).api;
    const folder = {
      ...api,
      operations: api.operations.map((op) => ({ ...op, variables: { baseUrl: "https://other.example/v3" } })),
    };
    for (const [served, variables, shown, path] of [
      [folder, {}, "https://other.example/v3", "/v3"],
      [api, { baseUrl: "api.example.com/v2" }, "http://api.example.com/v2", "/v2"],
    ] as const) {
      const mock = await startMockServer(served, { port: 0, variables });
      try {
        expect(mock.bases).toEqual([shown]);
        const body = (await (await fetch(`${mock.url}${path}/users/me/status`, { method: "PUT" })).json()) as {
          message: string;
        };
        expect(body.message).toContain(`this server stands in for ${shown}, path included`);
        expect(body.message).toContain("and ask for PUT /users/me/status");
      } finally {
        await mock.close();
      }
    }
  });

  it("leaves the credentials written into a base URL out of the bases it names", async () => {
    // An environment's base with a password in it (Elasticsearch's `https://elastic:…@host:9200`)
    // or a key in its query is no secret by its key's name (`baseUrl`): the start-up line and
    // every 404 printed it in full.
    const api = mockApi(await loadCollection(SEED_COLLECTION)).api;
    for (const [baseUrl, shown] of [
      ["https://elastic:changeme-hunter2@es.example:9200/v2", "https://es.example:9200/v2"],
      ["https://es.example/v2?api_key=changeme-hunter2", "https://es.example/v2?api_key=***"],
    ]) {
      const mock = await startMockServer(api, { port: 0, variables: { baseUrl: baseUrl! } });
      try {
        expect(mock.bases).toEqual([shown]);
        const body = await (await fetch(`${mock.url}/v2/users/me/status`, { method: "PUT" })).text();
        expect(body).toContain(`this server stands in for ${shown}, path included`);
        expect(body).toContain("and ask for PUT /users/me/status");
        expect(body).not.toContain("hunter2");
      } finally {
        await mock.close();
      }
    }
  });

  it("keeps control characters from the collection and the request out of its log", async () => {
    await fetch(`${server.url}/users/%1B%5B31m/status`, {
      method: "PUT",
      headers: { "x-mock-response-name": "Untitled Example" },
    });
    expect(log[0]).toMatch(/^PUT \/users\/%1B%5B31m\/status → 200 /);
    const weird = await startMockServer(
      {
        name: "W",
        baseUrl: "http://x.test",
        variables: {},
        operations: [zoom.getAUserOperation],
        examples: [
          {
            operation: ["users", "userId", "getAUser"],
            examples: [{ name: "a\u001b[31mred\nline", status: 200, headers: [], body: "" }],
          },
        ],
      },
      { port: 0, log: (line) => void log.push(line) },
    );
    try {
      await fetch(`${weird.url}/users/me`);
      expect(log[1]).toContain('"a [31mred line"');
      expect(log[1]).not.toMatch(/[\u0000-\u001f]/);
    } finally {
      await weird.close();
    }
  });
});

it("says which option to change when the port is taken", async () => {
  const port = Number(new URL(server.url).port);
  await expect(runMockServer(SEED_COLLECTION, { port, log: () => {} })).rejects.toThrow(
    `command line at --port: port ${port} is in use: pass another with --port (0 picks a free one)`,
  );
});

describe("loading what to serve", () => {
  it("reads a Postman environment's enabled values", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
    const file = join(dir, "local.postman_environment.json");
    writeFileSync(
      file,
      JSON.stringify({
        name: "Local",
        values: [
          { key: "region", value: "eu", enabled: true },
          { key: "off", value: "x", enabled: false },
          { key: "__proto__", value: "p" },
          { key: "pin", value: "7531", type: "secret" },
          { key: "api_token", value: "tok-8642" },
        ],
      }),
    );
    const { variables, secrets } = await readEnvironments([file]);
    expect(Object.entries(variables)).toEqual([
      ["region", "eu"],
      ["__proto__", "p"],
      ["pin", "7531"],
      ["api_token", "tok-8642"],
    ]);
    // For the log to mask: a secret's type, or a key that names a credential.
    expect(secrets).toEqual(["7531", "tok-8642"]);
    writeFileSync(file, JSON.stringify({ info: { name: "C" }, item: [] }));
    await expect(readEnvironments([file])).rejects.toThrow(`${file} at $: this is a Postman collection, not`);
  });

  it("takes a config target by name, with its include and names", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          {
            collection: ZOOM_COLLECTION,
            out: "out",
            name: "zoom",
            include: ["users/**"],
            names: { "users/{user Id}/Update user status": "setUserStatus" },
          },
        ],
      }),
    );
    const { api } = await loadMockApi("zoom", { cwd: dir });
    expect(api.operations.every((op) => op.folder[0] === "users")).toBe(true);
    expect(api.operations.map((op) => op.name)).toContain("setUserStatus");
    expect(api.examples.map((e) => e.operation.join("."))).toContain("users.userId.setUserStatus");
    // Worded as `diff --target` words it (noTargetNamed), no longer "(targets: zoom)".
    await expect(loadMockApi("nope", { cwd: dir })).rejects.toThrow(/no target is named "nope"; the targets are zoom$/);
    // What was looked for, and what to give instead: the collection's path, or a target's name.
    await expect(loadMockApi("nope.json", { cwd: dir })).rejects.toThrow(
      /^nope\.json: no collection file ".*nope\.json" exists: give the path of the collection's file \(mock collections\/<name>\.postman_collection\.json\), or the name of a target of ".*postman-codegen\.config\.json" \(zoom\)$/,
    );
    // A package's output folder (`mock generated/plaid-api`) is its target.
    mkdirSync(join(dir, "out"));
    expect((await loadMockApi("out", { cwd: dir })).api.operations.map((op) => op.name)).toContain("setUserStatus");
    await expect(loadMockApi(".", { cwd: dir })).rejects.toThrow(
      /is a folder, not a collection file: give the path of the collection's file .*, or the name of a target of .* \(zoom\), whose output folder this is not$/,
    );
  });

  it("says what it looked for, and what to give, with neither a file nor a config", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
    mkdirSync(join(dir, ".git"));
    await expect(loadMockApi("plaid-api", { cwd: dir })).rejects.toThrow(
      /postman-codegen\.config\.json: no config: create postman-codegen\.config\.json .* in this folder \(the repository's root\), .*, or give the collection file's path \(no file ".*plaid-api" exists to serve; mock collections\/<name>\.postman_collection\.json\)$/,
    );
    mkdirSync(join(dir, "generated"));
    await expect(loadMockApi("generated", { cwd: dir })).rejects.toThrow(
      /"[^"]*generated" is a folder, not a collection file: give the path of the collection's file .*; a target's name is taken where a postman-codegen\.config\.json names it, and none is in this folder or above it$/,
    );
  });

  // A config that cannot be taken was taken for none: `mock <folder>` said that no config was in
  // this folder or above it, of a config right there. Now its error, as generate prints it.
  it.each([
    ["not JSON", '{ "targets": [{ "collection": "seed.json", "out": "out", "name": "seed", }] }'],
    ["not the schema's", '{ "targets": [{ "collection": "seed.json", "out": "out", "name": 5 }] }'],
  ])(
    "says what is wrong with a config that is %s, as generate does, for a folder: its file and place, exit 1",
    async (_, text) => {
      const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
      mkdirSync(join(dir, ".git"));
      mkdirSync(join(dir, "out"));
      copyFileSync(SEED_COLLECTION, join(dir, "seed.json"));
      writeFileSync(join(dir, "postman-codegen.config.json"), text);
      const generated = await runCli(["generate"], dir);
      expect(generated.code).toBe(1);
      expect(generated.stderr).toMatch(/^error: postman-codegen\.config\.json at [^:]+: /);
      for (const args of [["out"], ["nope.json"]]) {
        const mocked = await runCli(["mock", ...args, "--port", "0"], dir);
        expect([mocked.code, mocked.stderr]).toEqual([1, generated.stderr]);
      }
    },
  );

  /**
   * A project whose target `seed` was generated, its collection edited since: folders named like
   * `Users` and its request were added (each with a copy), so that named from the collection alone,
   * the newcomers would take `users` and `updateUserStatus`. With the operation the package has.
   */
  async function editedSinceGenerated(): Promise<{ dir: string; collection: string; published: OperationSurface }> {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
    const collection = join(dir, "api.postman_collection.json");
    writeFileSync(collection, JSON.stringify(inFolder()));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "api.postman_collection.json", out: "out", name: "seed" }] }),
    );
    await generate([{ collection, out: join(dir, "out"), name: "seed" }]);
    const [published] = readSurface(readManifest(join(dir, "out"))!.surface)!.operations;
    writeFileSync(collection, JSON.stringify(withNamesakeFolders()));
    return { dir, collection, published: published! };
  }

  it.each([
    ["a target's", () => "seed"],
    // No --config: the config found in the folder has a target for the file.
    ["a collection file's", (collection: string) => collection],
  ])("names %s operations as the package generated for it does", async (_, named) => {
    const { dir, collection, published } = await editedSinceGenerated();
    const { api } = await loadMockApi(named(collection), { cwd: dir });
    const op = api.operations.find((o) => o.method === published.method && o.path === published.path)!;
    expect(["client", ...op.namespace, op.member ?? op.name].join(".")).toBe(published.op);
    expect(op.name).toBe(published.name);
    expect(api.examples.map((e) => e.operation.join("."))).toContain([...op.namespace, op.name].join("."));
  });

  it("names a collection file by the rules where the config in its folder cannot be read", async () => {
    const { dir, collection, published } = await editedSinceGenerated();
    writeFileSync(join(dir, "postman-codegen.config.json"), "{ not json");
    const { api } = await loadMockApi(collection, { cwd: dir });
    const op = api.operations.find((o) => o.method === published.method && o.path === published.path)!;
    // Named as a first generation of the edited collection would: not as the package.
    expect(["client", ...op.namespace, op.member ?? op.name].join(".")).not.toBe(published.op);
  });

  it("takes a scoped target name as a target, and a path only when it is a file or ends in .json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: SEED_COLLECTION, out: "out", name: "@acme/zoom-seed" }] }),
    );
    const { api, collection } = await loadMockApi("@acme/zoom-seed", { cwd: dir });
    expect(collection).toBe(SEED_COLLECTION);
    expect(api.operations.map((op) => op.name)).toEqual(["updateUserStatus"]);
    // Worded as `diff --target` words it (noTargetNamed), no longer "(targets: …)".
    await expect(loadMockApi("@acme/nope", { cwd: dir })).rejects.toThrow(
      /no target is named "@acme\/nope"; the targets are @acme\/zoom-seed$/,
    );
    await expect(loadMockApi("collections/nope", { cwd: dir })).rejects.toThrow(
      /^collections\/nope: no collection file ".*collections\/nope" exists: .*, or the name of a target of .* \(@acme\/zoom-seed\)$/,
    );
    // A file of that name is read as the collection.
    mkdirSync(join(dir, "@acme"));
    copyFileSync(ZOOM_COLLECTION, join(dir, "@acme/zoom-seed"));
    expect((await loadMockApi("@acme/zoom-seed", { cwd: dir })).api.operations.length).toBeGreaterThan(1);
  });

  it("refuses a target's include that matches no request, as generate does", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          { collection: ZOOM_COLLECTION, out: "zoom", name: "zoom" },
          { collection: ZOOM_COLLECTION, out: "people", name: "people", include: ["users/**", "people/**"] },
        ],
      }),
    );
    await expect(loadMockApi("people", { cwd: dir })).rejects.toThrow(
      `${join(dir, "postman-codegen.config.json")} at targets[1].include[1]: no request of zoom-api.postman_collection.json is under "people/**"`,
    );
  });
});

describe("-e with a target: an environment by the name its client knows it by", () => {
  // The seed under a `{{tenant}}` segment, which the staging environment gives: without its value
  // the mock takes any text there, with it only the environment's.
  const project = () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-env-"));
    const collection = JSON.parse(readFileSync(SEED_COLLECTION, "utf8"));
    const url = collection.item[0].request.url;
    url.raw = url.raw.replace("{{baseUrl}}/", "{{baseUrl}}/{{tenant}}/");
    url.path.unshift("{{tenant}}");
    writeFileSync(join(dir, "api.postman_collection.json"), JSON.stringify(collection));
    writeFileSync(
      join(dir, "staging.postman_environment.json"),
      JSON.stringify({ name: "Staging", values: [{ key: "tenant", value: "acme", enabled: true }] }),
    );
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          {
            collection: "api.postman_collection.json",
            out: "out",
            name: "api",
            environments: { staging: "staging.postman_environment.json" },
          },
        ],
      }),
    );
    return dir;
  };

  it("serves with that environment's values", async () => {
    const mock = await mockCommand(["api", "-e", "staging"], project());
    try {
      expect((await fetch(`${mock.url}/acme/users/me/status`, { method: "PUT" })).status).toBe(200);
      expect((await fetch(`${mock.url}/other/users/me/status`, { method: "PUT" })).status).toBe(404);
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  });

  it("reads the environment it names once: one a named pipe gives (kept off the disk) serves too", async () => {
    const dir = project();
    const pipe = join(dir, "staging.pipe");
    execFileSync("mkfifo", [pipe]);
    const config = join(dir, "postman-codegen.config.json");
    writeFileSync(config, readFileSync(config, "utf8").replace("staging.postman_environment.json", "staging.pipe"));
    // One writer, as such a pipe has: a second read of it would wait for another, and the mock never start.
    const written = writeFile(pipe, readFileSync(join(dir, "staging.postman_environment.json")));
    const mock = await mockCommand(["api", "-e", "staging"], dir);
    try {
      await written;
      expect((await fetch(`${mock.url}/acme/users/me/status`, { method: "PUT" })).status).toBe(200);
      expect((await fetch(`${mock.url}/other/users/me/status`, { method: "PUT" })).status).toBe(404);
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  }, 20_000);

  it("never logs an environment's secret that fills a path, however the request encodes it", async () => {
    const dir = project();
    const secret = "tenant secret/é-8642";
    writeFileSync(
      join(dir, "vault.postman_environment.json"),
      JSON.stringify({ name: "Vault", values: [{ key: "tenant", value: secret, type: "secret" }] }),
    );
    const mock = await mockCommand(["api", "-e", "vault.postman_environment.json"], dir);
    try {
      const sent = `${mock.url}/${encodeURI(secret)}/users/me/status`;
      expect((await fetch(sent, { method: "PUT" })).status).toBe(200);
      expect((await fetch(`${mock.url}/${encodeURIComponent(secret)}/no/such/path`)).status).toBe(404);
    } finally {
      expect(await mock.stop()).toBe(0);
    }
    expect(mock.stderr()).toMatch(/\nPUT \/\*\*\*\/users\/me\/status → 200 updateUserStatus /);
    expect(mock.stderr()).toMatch(/\nGET \/\*\*\*\/no\/such\/path → 404 no operation /);
    for (const form of [secret, encodeURI(secret), encodeURIComponent(secret), "8642"])
      expect(mock.stderr()).not.toContain(form);
  });

  // The log masked it; the 404 and 501 answers quoted the path whole (`no operation of api is GET
  // http://127.0.0.1:…/tenant%20secret…/no/such/path`), into the client's errors and the test's output.
  it("never answers with an environment's secret that fills a path, in a 404 or a 501", async () => {
    const dir = project();
    const file = join(dir, "api.postman_collection.json");
    const collection = JSON.parse(readFileSync(file, "utf8"));
    // The same request by POST, with no saved example: the mock answers it 501.
    collection.item.push({ ...structuredClone(collection.item[0]), name: "Post status", response: [] });
    collection.item[1].request.method = "POST";
    writeFileSync(file, JSON.stringify(collection));
    const secret = "tenant secret/é-8642";
    writeFileSync(
      join(dir, "vault.postman_environment.json"),
      JSON.stringify({ name: "Vault", values: [{ key: "tenant", value: secret, type: "secret" }] }),
    );
    const mock = await mockCommand(["api", "-e", "vault.postman_environment.json"], dir);
    const bodies: string[] = [];
    try {
      const notFound = await fetch(`${mock.url}/${encodeURIComponent(secret)}/no/such/path`);
      expect(notFound.status).toBe(404);
      bodies.push(await notFound.text());
      const notImplemented = await fetch(`${mock.url}/${encodeURI(secret)}/users/me/status`, { method: "POST" });
      expect(notImplemented.status).toBe(501);
      bodies.push(await notImplemented.text());
    } finally {
      expect(await mock.stop()).toBe(0);
    }
    expect(JSON.parse(bodies[0]!)).toMatchObject({
      error: "mockRequestNotFoundError",
      message: expect.stringContaining(`/***/no/such/path: check the method`),
      request: { method: "GET", url: `${mock.url}/***/no/such/path` },
    });
    expect(JSON.parse(bodies[1]!)).toMatchObject({
      error: "mockNotImplemented",
      request: { method: "POST", url: `${mock.url}/***/users/me/status` },
    });
    for (const form of [secret, encodeURI(secret), encodeURIComponent(secret), "8642"])
      for (const body of bodies) expect(body).not.toContain(form);
  });

  it("takes the name for the collection file a target generates from, as for the target", async () => {
    const mock = await mockCommand(["api.postman_collection.json", "-e", "staging"], project());
    try {
      expect((await fetch(`${mock.url}/acme/users/me/status`, { method: "PUT" })).status).toBe(200);
      expect((await fetch(`${mock.url}/other/users/me/status`, { method: "PUT" })).status).toBe(404);
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  });

  // The mock server said `"Staging" is no file, nor an environment of out ("staging")`: its own
  // words (the folder as given for the target's name), where the mocks and the client refuse a name
  // with the one meant. Now by their rule, the target named whichever way it was given.
  it("refuses a name that is neither a file nor one of the target's environments as the mocks do, naming them", async () => {
    const dir = project();
    mkdirSync(join(dir, "out"));
    const { api } = await loadMockApi("api", { cwd: dir });
    const environments = { staging: { values: { tenant: "acme" }, secrets: [] } };
    let mocks = "";
    try {
      createMockFetch({ ...api, environments }, { environment: "Staging" });
    } catch (error) {
      mocks = (error as Error).message;
    }
    expect(mocks).toMatch(/^unknown environment "Staging" \(did you mean "staging"\?\): .*'s are "staging"$/);
    for (const served of ["api", "out", "api.postman_collection.json"])
      await expect(
        runMockServer(served, { cwd: dir, environments: ["Staging"], port: 0, log: () => {} }),
      ).rejects.toThrow(
        `command line at --environment: ${mocks.replace(/: .*'s are/, ": api's are")}; nor is it a file`,
      );
  });

  it("refuses a name for a collection file no target generates from, saying why it has none", async () => {
    const dir = project();
    rmSync(join(dir, "postman-codegen.config.json"));
    mkdirSync(join(dir, ".git"));
    await expect(
      runMockServer("api.postman_collection.json", { cwd: dir, environments: ["staging"], port: 0, log: () => {} }),
    ).rejects.toThrow(
      `command line at --environment: unknown environment "staging": no target of a config generates from ${JSON.stringify(join(dir, "api.postman_collection.json"))}, whose environments its names would be; nor is it a file`,
    );
  });
});

it("runs from the command line (postman-codegen mock), in its own process, and stops cleanly on Ctrl-C (SIGINT)", async () => {
  const mock = await mockCommand([SEED_COLLECTION]);
  expect(mock.stderr()).toContain("mock of Zoom API: Update user status: 1 operation, 4 saved examples, on ");
  const response = await fetch(`${mock.url}/users/me/status`, { method: "PUT" });
  expect(response.status).toBe(200);
  expect(await mock.stop()).toBe(0);
  expect(mock.stderr()).toMatch(
    /PUT \/users\/me\/status → 200 updateUserStatus "Untitled Example" \(\d+ ms\)\nSIGINT: stopping the mock server\n$/,
  );
});

it("says which base URLs it stands in for, and answers a request that kept a base's path with the path it answers", async () => {
  // A client of the real API sends to https://api.zoom.us/v2/users/me/status: pointed at the
  // server with the base's path kept, it asked for /v2/… and was told to check "the mock's
  // baseUrl", which a server has none of to give.
  const mock = await mockCommand([SEED_COLLECTION]);
  try {
    const kept = await fetch(`${mock.url}/v2/users/me/status`, { method: "PUT" });
    expect(kept.status).toBe(404);
    expect(await kept.json()).toMatchObject({
      error: "mockRequestNotFoundError",
      message: `no operation of Zoom API: Update user status is PUT ${mock.url}/v2/users/me/status: this server stands in for https://api.zoom.us/v2, path included: give clients baseUrl ${mock.url}, and ask for PUT /users/me/status`,
    });
    const unknown = await fetch(`${mock.url}/v2/no/such/path`);
    expect(((await unknown.json()) as { message: string }).message).toBe(
      `no operation of Zoom API: Update user status is GET ${mock.url}/v2/no/such/path: check the method and the path; this server stands in for https://api.zoom.us/v2, path included: give clients baseUrl ${mock.url}`,
    );
    expect((await fetch(`${mock.url}/users/me/status`, { method: "PUT" })).status).toBe(200);
    // The line after the one the URL is read from, written before the first answer.
    expect(mock.stderr()).toContain(
      `(Ctrl-C stops it)\nit stands in for https://api.zoom.us/v2, path included: give clients baseUrl ${mock.url}\n`,
    );
  } finally {
    await mock.stop();
  }
  // A base without a path has none to leave out: not said.
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
  const collection = JSON.parse(readFileSync(SEED_COLLECTION, "utf8"));
  collection.variable = [{ key: "baseUrl", value: "https://zoom.example" }];
  writeFileSync(join(dir, "api.postman_collection.json"), JSON.stringify(collection));
  const bare = await mockCommand(["api.postman_collection.json"], dir);
  try {
    expect((await fetch(`${bare.url}/users/me/status`, { method: "PUT" })).status).toBe(200);
    expect(bare.stderr()).toContain(`\nit stands in for https://zoom.example: give clients baseUrl ${bare.url}\n`);
  } finally {
    await bare.stop();
  }
});

it("says to give clients baseUrls too where requests go to bases of their own", async () => {
  // Graph's token request goes to https://login.microsoftonline.com: a client given only the
  // server's URL as baseUrl sent it there, for real.
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
  const collection = JSON.parse(readFileSync(SEED_COLLECTION, "utf8"));
  collection.item.push({
    name: "Get a token",
    request: {
      method: "POST",
      url: {
        raw: "https://auth.example.com/oauth/token",
        protocol: "https",
        host: ["auth", "example", "com"],
        path: ["oauth", "token"],
      },
    },
    response: [
      {
        name: "ok",
        code: 200,
        header: [{ key: "Content-Type", value: "application/json" }],
        body: '{"access_token":"x"}',
      },
    ],
  });
  writeFileSync(join(dir, "api.postman_collection.json"), JSON.stringify(collection));
  const mock = await mockCommand(["api.postman_collection.json"], dir);
  try {
    expect((await fetch(`${mock.url}/oauth/token`, { method: "POST" })).status).toBe(200);
    expect(mock.stderr()).toContain(
      `\nit stands in for https://api.zoom.us/v2 and https://auth.example.com, path included: give clients baseUrl ${mock.url}, and baseUrls: { "https://auth.example.com": "${mock.url}" }\n`,
    );
  } finally {
    await mock.stop();
  }
});

it("names no base for a collection without requests", async () => {
  // It has no base to stand in for: the start-up line and every 404 said "it stands in for : give
  // clients baseUrl …".
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
  const collection = JSON.parse(readFileSync(SEED_COLLECTION, "utf8"));
  collection.item = [];
  writeFileSync(join(dir, "api.postman_collection.json"), JSON.stringify(collection));
  const mock = await mockCommand(["api.postman_collection.json"], dir);
  try {
    const body = (await (await fetch(`${mock.url}/users/me/status`)).json()) as { message: string };
    expect(body.message).toBe(
      `no operation of Zoom API: Update user status is GET ${mock.url}/users/me/status: check the method and the path`,
    );
    expect(mock.stderr()).not.toContain("stands in for");
  } finally {
    await mock.stop();
  }
});

it("names the collection in its warnings as generate does: relative to the working directory", async () => {
  // The same request in two folders: a warning the mock prints itself (it cannot tell them apart).
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
  const collection = JSON.parse(readFileSync(SEED_COLLECTION, "utf8"));
  collection.item = [
    { name: "one", item: collection.item },
    { name: "two", item: collection.item },
  ];
  writeFileSync(join(dir, "api.postman_collection.json"), JSON.stringify(collection));
  const mock = await mockCommand(["api.postman_collection.json"], dir);
  await mock.stop();
  expect(mock.stderr()).toMatch(
    /^warning: api\.postman_collection\.json at item\[1\]\.item\[0\]: the mocks cannot tell apart/,
  );
});

it("runs in a package's own folder, by the target's name or as `.`: the config is found upward and only read", async () => {
  // generate refuses an output folder that is the working directory (it replaces it whole); the
  // mock writes nothing there, and was refused by that check, with "no config" for `.`.
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
  copyFileSync(SEED_COLLECTION, join(dir, "seed.postman_collection.json"));
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({ targets: [{ collection: "seed.postman_collection.json", out: "generated/seed", name: "seed" }] }),
  );
  const own = join(dir, "generated", "seed");
  mkdirSync(own, { recursive: true });
  for (const args of [["seed"], ["."]]) {
    const mock = await mockCommand(args, own);
    try {
      expect(mock.stderr()).toContain("mock of Zoom API: Update user status: 1 operation, ");
      expect((await fetch(`${mock.url}/users/me/status`, { method: "PUT" })).status).toBe(200);
    } finally {
      expect(await mock.stop()).toBe(0);
    }
  }
});

it("takes -e/--environment as generate does, repeated: of a key in several files, the last file's value", async () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-"));
  writeFileSync(
    join(dir, "api.json"),
    JSON.stringify({
      info: { name: "m", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [{ key: "baseUrl", value: "https://x.test" }],
      item: [
        {
          name: "status",
          request: { method: "GET", url: "{{baseUrl}}/{{region}}/{{tier}}/status" },
          response: [{ name: "ok", code: 200, header: [{ key: "Content-Type", value: "text/plain" }], body: "ok" }],
        },
      ],
    }),
  );
  const environment = (file: string, values: Record<string, string>) =>
    writeFileSync(
      join(dir, file),
      JSON.stringify({ name: file, values: Object.entries(values).map(([key, value]) => ({ key, value })) }),
    );
  environment("sandbox.json", { region: "eu", tier: "free" });
  environment("local.json", { tier: "pro" });
  const mock = await mockCommand(["api.json", "-e", "sandbox.json", "--environment", "local.json"], dir);
  try {
    const status = async (path: string) => (await fetch(`${mock.url}${path}`)).status;
    expect(await status("/eu/pro/status")).toBe(200);
    expect(await status("/eu/free/status")).toBe(404);
    expect(await status("/us/pro/status")).toBe(404);
  } finally {
    expect(await mock.stop()).toBe(0);
  }
});
