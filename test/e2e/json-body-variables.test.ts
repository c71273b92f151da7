// `{{variables}}` written unquoted in a raw JSON body (`"n": {{count}}`), and a GraphQL body's saved
// query. Postman pastes an unquoted variable's text into the body, so `{{count}}` = `3` goes as the
// number 3; and newman sends a GraphQL body's query and variables as `{"query":…,"variables":…}`.
// The client sends both as newman does (newman on the same server on 127.0.0.1 is the reference),
// types each unquoted field by what its variable's text is, and its command line parses a flag for a
// number field as a number.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runNewman } from "../helpers/newman.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { runProgram } from "../helpers/program.js";
import { useRecordingServer } from "../helpers/recording.js";

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-body-variables-"));
const PKG = join(OUT, "shop");

const RAW = `{
  "tenant": "{{tenant}}",
  "at": {{$timestamp}},
  "lucky": {{$randomInt}},
  "n": {{count}},
  "open": {{open}},
  "nested": { "c": {{count}}, "list": [{{count}}, 2] }
}`;
const QUERY = "query Q($id: ID!, $n: Int) { user(id: $id) { name(first: $n) } }";

const COLLECTION = {
  info: { name: "Shop", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [
    { key: "baseUrl", value: "https://api.example.com" },
    { key: "tenant", value: "acme" },
    { key: "count", value: "3" },
    { key: "open", value: "true" },
  ],
  item: [
    {
      name: "Create user",
      request: {
        method: "POST",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: { mode: "raw", raw: RAW, options: { raw: { language: "json" } } },
        url: { raw: "{{baseUrl}}/users", host: ["{{baseUrl}}"], path: ["users"] },
      },
    },
    {
      name: "GraphQL query",
      request: {
        method: "POST",
        body: { mode: "graphql", graphql: { query: QUERY, variables: '{"id": "{{tenant}}", "n": {{count}}}' } },
        url: { raw: "{{baseUrl}}/graphql", host: ["{{baseUrl}}"], path: ["graphql"] },
      },
    },
  ],
};

type Client = Record<string, (args?: object) => Promise<unknown>>;

const server = useRecordingServer();
let files: Map<string, string>;
let client: Client;
beforeAll(async () => {
  const collection = join(OUT, "shop.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  const emitted = await emitTarget({ collection, out: PKG, name: "shop" }, { cache: false });
  files = new Map(emitted.files);
  await writePackage(PKG, emitted.files);
  chmodSync(join(PKG, "dist/cli/main.js"), 0o755);
  const { createClient } = (await import(pathToFileURL(join(PKG, "dist/index.js")).href)) as {
    createClient(options: object): Client;
  };
  client = createClient({ baseUrl: server.url, maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
});

/** The JSON bodies newman sends for the collection, in its order. */
async function newmanBodies(): Promise<unknown[]> {
  await runNewman(COLLECTION, { baseUrl: server.url });
  const bodies = server.requests.map((r) => r.json);
  server.reset();
  return bodies;
}

/** A body with its dynamic values (new at each send) replaced by their JSON types. */
const withDynamicTypes = (body: unknown) => {
  const { at, lucky, ...rest } = body as Record<string, unknown>;
  return { ...rest, at: typeof at, lucky: typeof lucky };
};

describe("unquoted {{variables}} in a raw JSON body", () => {
  it("are sent as the JSON values their text is, as newman sends them", async () => {
    const [sent] = await newmanBodies();
    expect(withDynamicTypes(sent)).toEqual({
      tenant: "acme",
      n: 3,
      open: true,
      nested: { c: 3, list: [3, 2] },
      at: "number",
      lucky: "number",
    });
    await client["createUser"]!();
    expect(server.requests[0]!.jsonError).toBeUndefined();
    expect(withDynamicTypes(server.requests[0]!.json)).toEqual(withDynamicTypes(sent));
  }, 60_000);

  it("take the caller's value of their variable, and of their field, as JSON", async () => {
    await client["createUser"]!({ n: 5, at: 1700000000 });
    await (client as unknown as Record<string, (args: object, options: object) => Promise<unknown>>)["createUser"]!(
      {},
      { variables: { count: "[1]" } },
    );
    const [fields, variables] = server.requests.map((r) => r.json as Record<string, unknown>);
    expect(fields).toMatchObject({ n: 5, at: 1700000000, open: true, nested: { c: 3 } });
    expect(variables).toMatchObject({ n: [1], nested: { c: [1], list: [[1], 2] } });
  });

  it("refuse a variable whose text is no JSON value, naming the reference and not the value", async () => {
    const call = (client as unknown as Record<string, (args: object, options: object) => Promise<unknown>>)[
      "createUser"
    ]!({}, { variables: { count: "s3cr3t-text" } });
    await expect(call).rejects.toMatchObject({ name: "ValidationError" });
    await expect(call).rejects.toThrow(/\{\{count\}\}, written unquoted/);
    await expect(call).rejects.not.toThrow(/s3cr3t/);
    expect(server.requests).toEqual([]);
  });

  it("are typed by what their variable's text is: numbers, booleans; a quoted one stays a string", () => {
    const source = files.get("src/client.ts")!;
    for (const line of [
      "  tenant?: string | undefined;",
      "  at?: number | undefined;",
      "  lucky?: number | undefined;",
      "  n?: number | undefined;",
      "  open?: boolean | undefined;",
    ])
      expect(source).toContain(line);
    expect(source).not.toContain("sent as JSON strings");
  });

  it("type-check in a strict app: numbers where the collection sends numbers", () => {
    const app = `import { createClient } from "./shop/dist/index.js";

export async function run(baseUrl: string): Promise<void> {
  const client = createClient({ baseUrl });
  await client.createUser({ at: 1700000000, lucky: 7, n: 3, open: false, tenant: "acme" });
  // @ts-expect-error the collection sends a number
  await client.createUser({ n: "3" });
  await client.graphQLQuery();
  await client.graphQLQuery({ body: { query: "{ me { id } }", variables: { n: 1 } } });
}
`;
    expect(appTypeErrors(OUT, app, strictConsumerOptions(false))).toEqual([]);
  });

  it("are flags of their type on the command line: --n 5 sends the number 5", async () => {
    const result = await runProgram(
      join(PKG, "dist/cli/main.js"),
      ["create-user", "--base-url", server.url, "--n", "5", "--at", "1700000000"],
      { env: { PATH: process.env.PATH ?? "" } },
    );
    expect(result.stderr).toBe("");
    expect(server.requests[0]!.json).toMatchObject({ n: 5, at: 1700000000 });
  });
});

describe("a GraphQL body", () => {
  it("sends the collection's query and variables when the caller passes none, as newman does", async () => {
    const [, sent] = await newmanBodies();
    expect(sent).toEqual({ query: QUERY, variables: { id: "acme", n: 3 } });
    await client["graphQLQuery"]!();
    expect(server.requests[0]!.json).toEqual(sent);
    expect(server.requests[0]!.headers["content-type"]).toBe("application/json");
  }, 60_000);

  it("sends the caller's own query and variables instead", async () => {
    await client["graphQLQuery"]!({ body: { query: "{ me { id } }", variables: { n: 1 } } });
    expect(server.requests[0]!.json).toEqual({ query: "{ me { id } }", variables: { n: 1 } });
  });

  it("is documented with the collection's query, and sent by the command line without a flag", async () => {
    expect(files.get("src/client.ts")).toContain("the collection's when left out");
    const result = await runProgram(join(PKG, "dist/cli/main.js"), ["graph-ql-query", "--base-url", server.url], {
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(result.stderr).toBe("");
    expect(server.requests[0]!.json).toEqual({ query: QUERY, variables: { id: "acme", n: 3 } });
  });
});
