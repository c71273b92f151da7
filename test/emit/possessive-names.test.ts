// A request named with a possessive ("Get user's ZAK") gives one name everywhere the package
// shows it: the method, its standalone function and types, the CLI command, the README and the
// generated tests, none with the stray `S` the apostrophe used to split off (`getUserSZak`).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";

let files: Map<string, string>;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "possessive-names-"));
  const collection = join(dir, "possessive.postman_collection.json");
  writeFileSync(
    collection,
    JSON.stringify({
      info: { name: "Possessive", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [{ key: "baseUrl", value: "https://api.example.com" }],
      item: [
        {
          name: "users",
          item: [
            {
              name: "Get user’s ZAK",
              request: {
                method: "GET",
                url: {
                  raw: "{{baseUrl}}/users/:userId/token",
                  host: ["{{baseUrl}}"],
                  path: ["users", ":userId", "token"],
                },
              },
            },
          ],
        },
      ],
    }),
  );
  ({ files } = await emitTarget({ collection, out: join(dir, "pkg"), name: "possessive" }));
}, 120_000);

it("names the method, its exports, the CLI command and the README from the word without its 's", () => {
  const all = [...files.values()].join("\n");
  expect(all).not.toMatch(/getUserSZak|GetUserSZak|get-user-s-zak/);
  const sources = [...files]
    .filter(([path]) => path.startsWith("src/"))
    .map(([, text]) => text)
    .join("\n");
  expect(sources).toMatch(/\bgetUserZak\(/);
  expect(sources).toMatch(/\bGetUserZakArgs\b/);
  expect(all).toMatch(/\bget-user-zak\b/);
  expect(files.get("README.md")).toContain("client.users.getUserZak(");
});
