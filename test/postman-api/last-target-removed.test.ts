// A team stops taking an API from Postman: its one target on the Postman API leaves the config.
// `pull` removes the stored copies no target takes, as it does while other targets still pull,
// rather than refusing with "nothing to pull" and leaving them and the lock behind. The built
// command in a child process, against the local stand-in of the Postman API.
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { apiProject } from "./project.js";
import { API_KEY, COLLECTION_UID, STAGING_UID, usePostmanApi } from "./server.js";

const api = usePostmanApi();

it("pull removes the stored copies of the last target on the Postman API, and the lock", async () => {
  const dir = apiProject(api.url, "postman-codegen-api-last-", { staging: STAGING_UID });
  const first = await runCli(["pull"], dir, { POSTMAN_API_KEY: API_KEY });
  expect(first.code, first.stderr).toBe(0);
  expect(existsSync(join(dir, "postman-codegen.lock.json"))).toBe(true);
  // The target now takes a file of the project's own.
  writeFileSync(
    join(dir, "own.postman_collection.json"),
    JSON.stringify({
      info: { name: "Own", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [],
    }),
  );
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({ targets: [{ collection: "own.postman_collection.json", out: "generated/own", name: "own" }] }),
  );
  // No key is needed to remove what was stored.
  const second = await runCli(["pull"], dir, { POSTMAN_API_KEY: undefined });
  expect(second.code, second.stderr).toBe(0);
  expect(second.stdout).toContain(`collection ${COLLECTION_UID} "Env API": removed`);
  expect(second.stdout).toContain(`environment ${STAGING_UID} "staging": removed`);
  expect(second.stdout).toContain("2 removed");
  expect(readdirSync(dir).sort()).toEqual(["own.postman_collection.json", "postman-codegen.config.json"]);
  // Then there is nothing to pull, as in a project that never pulled.
  const third = await runCli(["pull"], dir);
  expect(third.code).toBe(1);
  expect(third.stderr).toContain("there is nothing to pull");
});

it("pull without a target on the Postman API, in a project that never pulled: nothing to pull", async () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-api-none-"));
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({ targets: [{ collection: "own.postman_collection.json", out: "generated/own", name: "own" }] }),
  );
  const result = await runCli(["pull"], dir);
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("no target takes its collection from the Postman API");
});
