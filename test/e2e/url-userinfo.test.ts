// A URL's user name and password (`http://ann:secret@host/…`), which Postman sends as Basic auth:
// generated with the built command (--json) into a scratch folder, the literal password is in no
// emitted byte and no output; the emitted client, its dist/ imported by Node, asks for it as for
// any Basic auth's password and sends the pair as newman does, the URL without it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { runNewman } from "../helpers/newman.js";
import { useRecordingServer } from "../helpers/recording.js";

const SECRET = "URL-SECRET-p4ss";
const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-url-userinfo-"));

const server = useRecordingServer({ resetEach: false });
const collection = (host: string) => ({
  info: { name: "Userinfo", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: [
    {
      name: "Me",
      request: { method: "GET", url: `http://ann:${SECRET}@${host}/me?page=1` },
      response: [
        {
          name: "Refused",
          code: 401,
          body: `{"error": "wrong password ${SECRET}"}`,
          originalRequest: { method: "GET", url: `http://ann:${SECRET}@${host}/me` },
        },
      ],
    },
  ],
});

let generated: Awaited<ReturnType<typeof runCli>>;
type Client = { me(args?: object, options?: object): Promise<unknown> };
let client: Client;
let given: Client;
beforeAll(async () => {
  writeFileSync(join(OUT, "api.postman_collection.json"), JSON.stringify(collection(new URL(server.url).host)));
  generated = await runCli(["generate", "api.postman_collection.json", "--out", "api", "--json"], OUT);
  const { createClient } = (await import(pathToFileURL(join(OUT, "api/dist/index.js")).href)) as {
    createClient(options: object): Client;
  };
  client = createClient({ maxRetries: 0 });
  given = createClient({ maxRetries: 0, basic: { username: "bob", password: "given" } });
}, 120_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe("a URL's literal user name and password", () => {
  it("are in no emitted byte and no output, the password's place said", () => {
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stdout + generated.stderr).not.toContain(SECRET);
    const files = readdirSync(join(OUT, "api"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(20);
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      expect(readFileSync(path, "latin1").includes(SECRET), relative(OUT, path)).toBe(false);
    }
    const warnings = (JSON.parse(generated.stdout) as { targets: Array<{ warnings: Array<{ source: string }> }> })
      .targets[0]!.warnings;
    expect(warnings.map((w) => w.source)).toContain("item[0].request.url");
  });

  it("are sent as newman sends them once the caller gives the password, the URL without them", async () => {
    await runNewman(collection(new URL(server.url).host), {});
    const sent = () => server.requests.slice(-1).map((r) => [r.path, r.headers["authorization"]]);
    const byNewman = sent();
    await client.me({}, { variables: { "basic.password": SECRET } });
    expect(sent()).toEqual(byNewman);
    expect(byNewman).toEqual([["/me", `Basic ${Buffer.from(`ann:${SECRET}`).toString("base64")}`]]);
    // The client option gives the pair as for any Basic auth.
    await given.me();
    expect(sent()).toEqual([["/me", `Basic ${Buffer.from("bob:given").toString("base64")}`]]);
  }, 60_000);

  it("are asked for: without the password no request goes out", async () => {
    const before = server.requests.length;
    await expect(client.me()).rejects.toMatchObject({ name: "ValidationError" });
    expect(server.requests.length).toBe(before);
  });
});
