// newman and the generated client on the same collection, against the same server that checks
// Digest (its challenge answered, RFC 7616's formulas) and Hawk (@hapi/hawk's server): each item
// must be accepted from both, after the same number of requests. (OAuth 1.0a and AWS Signature are
// compared item by item in the conformance suite, whose server never challenges.)
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import newman from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { ROOT } from "../helpers/seed.js";
import { digestServer, hawkServer, type Answer } from "./servers.js";

const HAWK = { id: "hawk-id", key: "hawk-key-werxhqb98rpaxn39848", algorithm: "sha256" as const };
const VARIABLES = { user: "Mufasa", pass: "Circle of Life", hawk_id: HAWK.id, hawk_key: HAWK.key };
const MARKER = "x-item";

const digest = (algorithm: string) => ({
  type: "digest",
  digest: [
    { key: "username", value: "{{user}}" },
    { key: "password", value: "{{pass}}" },
    { key: "algorithm", value: algorithm },
  ],
});
const hawk = (extra: Record<string, unknown> = {}) => ({
  type: "hawk",
  hawk: Object.entries({ authId: "{{hawk_id}}", authKey: "{{hawk_key}}", algorithm: "sha256", ...extra }).map(
    ([key, value]) => ({ key, value }),
  ),
});

/** Items by path: the server checks each with the scheme its path names. */
const ITEMS = [
  { name: "Digest MD5", path: "digest-md5", method: "GET", auth: digest("MD5") },
  { name: "Digest SHA-256", path: "digest-sha256", method: "GET", auth: digest("SHA-256") },
  { name: "Digest MD5-sess", path: "digest-md5-sess", method: "GET", auth: digest("MD5-sess") },
  { name: "Hawk with ext", path: "hawk", method: "GET", auth: hawk({ extraData: "some-app-data" }), query: "q=a%20b" },
  {
    name: "Hawk with app and dlg",
    path: "hawk-app",
    method: "DELETE",
    auth: hawk({ app: "my-app", delegation: "their-app" }),
  },
  {
    name: "Hawk with a payload hash",
    path: "hawk-payload",
    method: "POST",
    auth: hawk({ includePayloadHash: true }),
    header: [{ key: "Content-Type", value: "application/json" }],
    body: { mode: "raw", raw: '{"name": "ü"}', options: { raw: { language: "json" } } },
  },
];

const CHECKS: Record<string, (req: IncomingMessage, body: Buffer) => Answer | Promise<Answer>> = {
  "digest-md5": digestServer({ algorithm: "MD5", qop: "auth", password: VARIABLES.pass }).handle,
  "digest-sha256": digestServer({ algorithm: "SHA-256", qop: "auth", password: VARIABLES.pass }).handle,
  "digest-md5-sess": digestServer({ algorithm: "MD5-sess", qop: "auth", password: VARIABLES.pass }).handle,
  hawk: hawkServer(HAWK),
  "hawk-app": hawkServer(HAWK),
  "hawk-payload": hawkServer(HAWK),
};

interface Seen {
  item: string;
  from: "newman" | "client";
  status: number;
}

let server: Server;
let url = "";
let sender: Seen["from"] = "newman";
const seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      const path = (req.url ?? "").split("?")[0]!.slice(1);
      const answer = await CHECKS[path]!(req, Buffer.concat(chunks));
      seen.push({ item: path, from: sender, status: answer.status });
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function collection() {
  return {
    info: { name: "Auth round trips", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: ITEMS.map((item) => ({
      name: item.name,
      request: {
        method: item.method,
        header: [...(item.header ?? []), { key: MARKER, value: item.path }],
        url: {
          raw: `{{baseUrl}}/${item.path}${item.query ? `?${item.query}` : ""}`,
          host: ["{{baseUrl}}"],
          path: [item.path],
          ...(item.query ? { query: [{ key: "q", value: "a b" }] } : {}),
        },
        auth: item.auth,
        ...(item.body ? { body: item.body } : {}),
      },
      response: [],
    })),
    variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  };
}

describe("newman and the client against one server checking Digest and Hawk", () => {
  it("every item is accepted from both, after the same requests", async () => {
    const out = join(ROOT, ".conformance", "auth-round-trips");
    mkdirSync(out, { recursive: true });
    const file = join(out, "auth-round-trips.postman_collection.json");
    writeFileSync(file, JSON.stringify(collection()));
    const variables = { ...VARIABLES, baseUrl: url };

    sender = "newman";
    await new Promise<void>((resolve, reject) =>
      newman.run(
        {
          collection: collection() as never,
          environment: {
            values: Object.entries(variables).map(([key, value]) => ({ key, value, enabled: true })),
          } as never,
          reporters: [],
        },
        (error) => (error ? reject(error) : resolve()),
      ),
    );

    sender = "client";
    const pkg = join(out, "client");
    await writePackage(pkg, (await emitTarget({ collection: file, out: pkg, name: "auth-round-trips" })).files);
    const { createClient } = (await import(pathToFileURL(join(pkg, "dist/index.js")).href)) as {
      createClient(options: object): Record<string, (args?: object) => Promise<unknown>>;
    };
    const client = createClient({ baseUrl: url, variables, maxRetries: 0 });
    const args: Record<string, object> = { hawkWithExt: { q: "a b" }, hawkWithAPayloadHash: { name: "ü" } };
    for (const [name, method] of Object.entries(client)) await method(args[name] ?? {});

    const trail = (from: Seen["from"]) =>
      ITEMS.map((item) => seen.filter((s) => s.from === from && s.item === item.path).map((s) => s.status));
    expect(trail("newman")).toEqual([[401, 200], [401, 200], [401, 200], [200], [200], [200]]);
    expect(trail("client")).toEqual(trail("newman"));
  }, 120_000);
});
