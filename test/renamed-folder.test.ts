// A folder renamed in the Postman workspace, as a team's day two brings it: the config's `names`,
// `bodyEncoding` and `include` still say the old path, and the run stops there. The built command
// in a child process: its error names the config's place and the renamed paths that hold the old
// one, so that the fix is a rename in the config, and nothing is written.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

const request = (name: string, method: string, path: string) => ({
  name,
  request: {
    method,
    header: [],
    body: { mode: "raw", raw: '{"a":1}', options: { raw: { language: "json" } } },
    url: { raw: `{{baseUrl}}/${path}`, host: ["{{baseUrl}}"], path: path.split("/") },
  },
});

/** Zoom's folder `tracking fields`, renamed `custom tracking fields` in the workspace. */
const COLLECTION = {
  info: { name: "Renamed", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  item: [
    { name: "users", item: [request("List users", "GET", "users"), request("Create users", "POST", "users")] },
    {
      name: "custom tracking fields",
      item: [
        request("List tracking fields", "GET", "tracking_fields"),
        request("Create a tracking field", "POST", "tracking_fields"),
      ],
    },
    { name: "meetings", item: [request("List meetings", "GET", "meetings")] },
  ],
};

async function generateWith(target: object): Promise<{ code: number | null; stderr: string; out: string }> {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-renamed-"));
  writeFileSync(join(dir, "api.postman_collection.json"), JSON.stringify(COLLECTION));
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({
      targets: [{ collection: "api.postman_collection.json", out: "gen/api", name: "api", ...target }],
    }),
  );
  const result = await runCli(["generate"], dir);
  return { code: result.code, stderr: result.stderr, out: join(dir, "gen/api") };
}

it("a names key of the old folder names the request under the renamed one", async () => {
  const result = await generateWith({ names: { "tracking fields/List tracking fields": "listFields" } });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain(
    'postman-codegen.config.json at targets[0].names["tracking fields/List tracking fields"]: no request has this Postman path',
  );
  expect(result.stderr).toContain('near it: "custom tracking fields/List tracking fields"');
  expect(existsSync(result.out)).toBe(false);
}, 60_000);

it("a bodyEncoding key of the old folder names the request under the renamed one", async () => {
  const result = await generateWith({ bodyEncoding: { "tracking fields/Create a tracking field": "urlencoded" } });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain('near it: "custom tracking fields/Create a tracking field"');
  expect(existsSync(result.out)).toBe(false);
}, 60_000);

it("an include of the old folder names the renamed folder", async () => {
  const result = await generateWith({ include: ["tracking fields/**"] });
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("targets[0].include[0]: no request of api.postman_collection.json is under");
  expect(result.stderr).toContain('near it: "custom tracking fields"');
  expect(existsSync(result.out)).toBe(false);
}, 60_000);
