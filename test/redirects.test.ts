// Postman's `followRedirects: false`: newman and the generated client against one server that
// redirects, each item sending the same requests and ending at the same status; the client's
// operation that follows no redirect resolves with the 3xx, whose Location it can read.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import newman from "newman";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../src/generate.js";
import { writePackage } from "../src/write/write-package.js";
import { ROOT } from "./helpers/seed.js";

/** Where each path sends the caller, with which status. */
const REDIRECTS: Record<string, [number, string]> = {
  "/login": [302, "/home"],
  "/submit": [303, "/done"],
};

const NO_FOLLOW = { followRedirects: false };
const ITEMS = [
  { name: "Login without following", method: "GET", path: "login", behavior: NO_FOLLOW, documented: true },
  { name: "Login", method: "GET", path: "login" },
  { name: "Submit without following", method: "POST", path: "submit", behavior: NO_FOLLOW },
  { name: "Submit", method: "POST", path: "submit" },
];

let server: Server;
let url = "";
let arrived: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      arrived.push(`${req.method} ${req.url}`);
      const redirect = REDIRECTS[req.url ?? ""];
      if (redirect) res.writeHead(redirect[0], { location: redirect[1] }).end();
      else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ at: req.url }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function collection() {
  return {
    info: { name: "Redirects", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
    item: ITEMS.map((item) => ({
      name: item.name,
      ...(item.behavior ? { protocolProfileBehavior: item.behavior } : {}),
      request: {
        method: item.method,
        url: { raw: `{{baseUrl}}/${item.path}`, host: ["{{baseUrl}}"], path: [item.path] },
        ...(item.method === "POST" ? { body: { mode: "raw", raw: "x" } } : {}),
      },
      response: item.documented
        ? [
            {
              name: "Found",
              code: 302,
              status: "Found",
              header: [{ key: "Location", value: "/home" }],
              body: "",
            },
          ]
        : [],
    })),
    variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  };
}

describe("followRedirects: false", () => {
  it("sends what newman sends and ends at the same status; a 3xx not followed resolves", async () => {
    const out = join(ROOT, ".conformance", "redirects");
    mkdirSync(out, { recursive: true });
    const file = join(out, "redirects.postman_collection.json");
    writeFileSync(file, JSON.stringify(collection()));

    arrived = [];
    const newmanTrail: string[][] = [];
    const newmanStatus: number[] = [];
    let before = 0;
    await new Promise<void>((resolve, reject) =>
      newman
        .run(
          {
            collection: collection() as never,
            environment: { values: [{ key: "baseUrl", value: url, enabled: true }] } as never,
            reporters: [],
          },
          (error) => (error ? reject(error) : resolve()),
        )
        .on("request", (error, args) => {
          if (error) return reject(error);
          newmanStatus.push(args.response.code);
          newmanTrail.push(arrived.slice(before));
          before = arrived.length;
        }),
    );

    const pkg = join(out, "client");
    const { files, warnings } = await emitTarget({ collection: file, out: pkg, name: "redirects" });
    expect(warnings.filter((w) => w.source.includes("protocolProfileBehavior"))).toEqual([]);
    await writePackage(pkg, files);
    const { createClient } = (await import(pathToFileURL(join(pkg, "dist/index.js")).href)) as {
      createClient(
        options: object,
      ): Record<
        string,
        (args?: object) => Promise<unknown> & { withResponse(): Promise<{ data: unknown; response: Response }> }
      >;
    };
    const client = createClient({ baseUrl: url, maxRetries: 0 });
    const clientTrail: string[][] = [];
    const clientStatus: number[] = [];
    const results: Array<{ data: unknown; location: string | null }> = [];
    const calls: Array<[string, object]> = [
      ["loginWithoutFollowing", {}],
      ["login", {}],
      ["submitWithoutFollowing", { body: "x" }],
      ["submit", { body: "x" }],
    ];
    for (const [name, args] of calls) {
      arrived = [];
      const { data, response } = await client[name]!(args).withResponse();
      clientTrail.push(arrived);
      clientStatus.push(response.status);
      results.push({ data, location: response.headers.get("location") });
    }

    expect(newmanTrail).toEqual([
      ["GET /login"],
      ["GET /login", "GET /home"],
      ["POST /submit"],
      ["POST /submit", "GET /done"],
    ]);
    expect(newmanStatus).toEqual([302, 200, 303, 200]);
    expect(clientTrail).toEqual(newmanTrail);
    expect(clientStatus).toEqual(newmanStatus);
    expect(results).toEqual([
      { data: undefined, location: "/home" },
      { data: { at: "/home" }, location: null },
      { data: undefined, location: "/done" },
      { data: { at: "/done" }, location: null },
    ]);
    // The documented 302 is a result the types know, not an error.
    const types = readFileSync(join(pkg, "src/client.ts"), "utf8");
    expect(types).toMatch(/interface LoginWithoutFollowingResponses \{[^}]*\b302: /);
    expect(types).not.toMatch(/LoginWithoutFollowingError = [^;]*302/);
  }, 120_000);
});
