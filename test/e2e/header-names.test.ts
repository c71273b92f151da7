// A header whose name is a `{{variable}}` (`{{authHeaderName}}: abc`), which Postman fills when it
// sends: the emitted client sends it as newman does, its name filled when called from the call's
// variables, then the environment's, then the collection's. Generated into a scratch folder with an
// environment, its built dist/ imported by Node, and called beside newman on one recording server.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runNewman } from "../helpers/newman.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { useRecordingServer } from "../helpers/recording.js";

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-header-names-"));
const PKG = join(OUT, "named");

const url = (path: string) => ({ raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: [path] });
const get = (name: string, path: string, header: object[]) => ({
  name,
  request: { method: "GET", header, url: url(path) },
});

const COLLECTION = {
  info: { name: "Named", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [
    { key: "baseUrl", value: "https://api.example.com" },
    { key: "authHeaderName", value: "X-Collection" },
    { key: "tag", value: "X-Tag" },
    { key: "bad", value: "X Bad" },
  ],
  item: [
    get("Named header", "named", [{ key: "{{authHeaderName}}", value: "abc" }]),
    // Entries that come to one name are one header, in order, as newman sends them.
    get("Joined", "joined", [
      { key: "{{tag}}", value: "one" },
      { key: "X-Tag", value: "two" },
    ]),
    get("Part named", "part", [{ key: "X-{{authHeaderName}}-Id", value: "7" }]),
    get("Plain", "plain", [{ key: "X-Plain", value: "p" }]),
  ],
};

const ENVIRONMENT = { authHeaderName: "X-Environment" };

const server = useRecordingServer({ resetEach: false });
let client: Record<string, (args?: object, options?: object) => Promise<unknown>>;
let clientModule: string;
beforeAll(async () => {
  const collection = join(OUT, "named.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  const environment = join(OUT, "staging.postman_environment.json");
  writeFileSync(
    environment,
    JSON.stringify({
      name: "staging",
      values: Object.entries(ENVIRONMENT).map(([key, value]) => ({ key, value, type: "default", enabled: true })),
    }),
  );
  const emitted = await emitTarget(
    { collection, out: PKG, name: "named", environments: [{ file: environment }] },
    { cache: false },
  );
  clientModule = new Map(emitted.files).get("src/client.ts")!;
  await writePackage(PKG, emitted.files);
  const { createClient } = (await import(pathToFileURL(join(PKG, "dist/index.js")).href)) as {
    createClient(options: object): typeof client;
  };
  client = createClient({ baseUrl: server.url, environment: "staging", maxRetries: 0 });
}, 120_000);
afterAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
});

/** The headers newman or the client sent that Postman's own and the transport's are not. */
const sentHeaders = (from: number) =>
  server.requests.slice(from).map((r) => [r.path, Object.entries(r.headers).filter(([name]) => name.startsWith("x-"))]);

describe("a header whose name refers to variables", () => {
  it("is sent as newman sends it: the name filled from the environment over the collection", async () => {
    await runNewman(COLLECTION, { ...ENVIRONMENT, baseUrl: server.url });
    const byNewman = sentHeaders(0);
    const from = server.requests.length;
    for (const method of ["namedHeader", "joined", "partNamed", "plain"]) await client[method]!();
    expect(sentHeaders(from)).toEqual(byNewman);
    // What newman was seen sending, so that a change in newman shows here too.
    expect(byNewman).toEqual([
      ["/named", [["x-environment", "abc"]]],
      ["/joined", [["x-tag", "one, two"]]],
      ["/part", [["x-x-environment-id", "7"]]],
      ["/plain", [["x-plain", "p"]]],
    ]);
  }, 60_000);

  it("takes the call's variables first, and its value as any header argument's", async () => {
    const from = server.requests.length;
    await client["namedHeader"]!({ "{{authHeaderName}}": "xyz" }, { variables: { authHeaderName: "X-Call" } });
    expect(sentHeaders(from)).toEqual([["/named", [["x-call", "xyz"]]]]);
  });

  it("is refused when its filled name is none, before anything is sent, quoting no value", async () => {
    const from = server.requests.length;
    const refusal = client["namedHeader"]!({}, { variables: { authHeaderName: "X Bad\r\nInjected: 1" } });
    await expect(refusal).rejects.toMatchObject({
      name: "ValidationError",
      field: "{{authHeaderName}}",
      message:
        'namedHeader: argument "{{authHeaderName}}" (header "{{authHeaderName}}") cannot be sent: its name, its variables filled, is not a valid header name',
    });
    expect(server.requests.length).toBe(from);
  });

  it("is filled by code only the operations with one import", () => {
    // The other operations are given the sender of names as the collection writes them.
    expect(clientModule).toMatch(
      /import \{[^}]*\bsendNamedHeaderArg\b[^}]*\} from "\.\/runtime\/request-features\.js"/,
    );
    expect(clientModule.match(/headerArgs: sendNamedHeaderArg\b/g)).toHaveLength(3);
    expect(clientModule.match(/headerArgs: sendHeaderArg\b/g)).toHaveLength(1);
  });
});
