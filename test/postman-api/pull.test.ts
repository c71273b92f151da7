// `pull`: the lock (uid, updatedAt, sha256 per resource) and the stored copies beside the config,
// written only when every resource was fetched and checked; what changed since the last pull.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findConfig, type Target } from "../../src/config.js";
import { CodegenError } from "../../src/errors.js";
import { pull, pullTargets, readLock, resourcesOf, verifyStoredCopies } from "../../src/postman-api/pull.js";
import { LOCK_FILE } from "../../src/postman-api/store.js";
import { sha256 } from "../../src/cache/manifest.js";
import {
  API_KEY,
  apiCollection,
  apiEnvironment,
  COLLECTION_UID,
  PRODUCTION_UID,
  STAGING_UID,
  startPostmanApi,
  type FakePostmanApi,
} from "./server.js";

let api: FakePostmanApi;
beforeEach(async () => {
  api = await startPostmanApi();
});
afterEach(async () => {
  await api.close();
});

const env = { POSTMAN_API_KEY: API_KEY };

/** A project whose config's one target takes its collection and two environments from the API. */
function project(environments: Record<string, string> = { staging: STAGING_UID, production: PRODUCTION_UID }): {
  dir: string;
  targets: Target[];
} {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-pull-"));
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({
      targets: [
        {
          postman: { collection: COLLECTION_UID, environments, apiUrl: api.url },
          out: "generated/env-api",
          name: "env-api",
        },
      ],
    }),
  );
  return { dir, targets: findConfig(dir).targets };
}

/** Every file under `dir`, by path, with its text. */
function files(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [join(e.parentPath, e.name).slice(dir.length + 1), readFileSync(join(e.parentPath, e.name), "utf8")]),
  );
}

describe("pull", () => {
  it("stores each resource beside the config and records uid, updatedAt and sha256 in the lock", async () => {
    const { dir, targets } = project();
    const changes = await pullTargets(targets, { env, prune: true });
    expect(changes.map((c) => [c.kind, c.uid, c.name, c.status])).toEqual([
      ["collection", COLLECTION_UID, "Env API", "added"],
      ["environment", STAGING_UID, "staging", "added"],
      ["environment", PRODUCTION_UID, "production", "added"],
    ]);
    const stored = `postman-sources/collections/${COLLECTION_UID}.postman_collection.json`;
    expect(Object.keys(files(dir)).sort()).toEqual(
      [
        "postman-codegen.config.json",
        LOCK_FILE,
        stored,
        `postman-sources/environments/${PRODUCTION_UID}.postman_environment.json`,
        `postman-sources/environments/${STAGING_UID}.postman_environment.json`,
      ].sort(),
    );
    const lock = JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8")) as {
      lockfileVersion: number;
      resources: Array<Record<string, string>>;
    };
    expect(lock.lockfileVersion).toBe(1);
    expect(lock.resources[0]).toEqual({
      kind: "collection",
      uid: COLLECTION_UID,
      name: "Env API",
      updatedAt: "2024-05-01T09:00:00.000Z",
      sha256: sha256(readFileSync(join(dir, stored))),
      file: stored,
    });
    expect(lock.resources.map((r) => r["uid"])).toEqual([COLLECTION_UID, PRODUCTION_UID, STAGING_UID]);
    // The copy is the API's `collection` object as it came; generate reads it as a collection file.
    expect(JSON.parse(readFileSync(join(dir, stored), "utf8"))).toEqual(apiCollection());
    expect(() => verifyStoredCopies(targets[0]!.postman!)).not.toThrow();
    expect(api.requests.every((r) => r.apiKey === API_KEY)).toBe(true);
  });

  it("says what changed since the last pull, and writes nothing that did not", async () => {
    const { dir, targets } = project();
    await pullTargets(targets, { env, prune: true });
    const before = files(dir);
    expect((await pullTargets(targets, { env, prune: true })).map((c) => c.status)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
    expect(files(dir)).toEqual(before);
    api.collections.set(COLLECTION_UID, apiCollection("2024-06-01T09:00:00.000Z", "Env API v2"));
    const changes = await pullTargets(targets, { env, prune: true });
    expect(changes[0]).toMatchObject({
      kind: "collection",
      status: "changed",
      name: "Env API v2",
      previousUpdatedAt: "2024-05-01T09:00:00.000Z",
      updatedAt: "2024-06-01T09:00:00.000Z",
    });
    expect(readLock(dir).find((e) => e.kind === "collection")!.updatedAt).toBe("2024-06-01T09:00:00.000Z");
  });

  it("drops what the config no longer names, with its stored copy", async () => {
    const first = project();
    await pullTargets(first.targets, { env, prune: true });
    writeFileSync(
      join(first.dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          {
            postman: { collection: COLLECTION_UID, environments: { staging: STAGING_UID }, apiUrl: api.url },
            out: "o",
            name: "env-api",
          },
        ],
      }),
    );
    const changes = await pullTargets(findConfig(first.dir).targets, { env, prune: true });
    expect(changes.find((c) => c.uid === PRODUCTION_UID)).toMatchObject({ status: "removed" });
    expect(existsSync(join(first.dir, `postman-sources/environments/${PRODUCTION_UID}.postman_environment.json`))).toBe(
      false,
    );
    expect(readLock(first.dir).map((e) => e.uid)).toEqual([COLLECTION_UID, STAGING_UID]);
  });

  it("writes nothing when one resource fails: the lock and the stored copies stay as they were", async () => {
    const { dir, targets } = project();
    await pullTargets(targets, { env, prune: true });
    const before = files(dir);
    api.collections.set(COLLECTION_UID, apiCollection("2024-06-01T09:00:00.000Z"));
    api.environments.delete(PRODUCTION_UID);
    const error = await pullTargets(targets, { env, prune: true }).catch((e: unknown) => e);
    expect((error as CodegenError).message).toContain(`the Postman API has no environment ${PRODUCTION_UID} (404`);
    expect(files(dir)).toEqual(before);
  });

  it("stores nothing the generator could not read, naming the uid and the JSON path", async () => {
    const { dir, targets } = project({});
    api.collections.set(COLLECTION_UID, {
      ...apiCollection(),
      item: [{ name: "x", request: { method: "GET", url: 3 } }],
    });
    const error = (await pullTargets(targets, { env }).catch((e: unknown) => e)) as CodegenError;
    expect(error.file).toBe(`${api.url}/collections/${COLLECTION_UID}`);
    expect(error.where).toBe("item[0].request.url");
    expect(Object.keys(files(dir))).toEqual(["postman-codegen.config.json"]);
  });

  it("without a key: says which variable to set, and fetches nothing", async () => {
    const { targets } = project();
    const error = (await pullTargets(targets, { env: {} }).catch((e: unknown) => e)) as CodegenError;
    expect(error.problem).toMatch(/^no Postman API key: set \$POSTMAN_API_KEY to a key/);
    expect(api.requests).toHaveLength(0);
  });

  it("keeps the key out of every file it writes", async () => {
    const { dir, targets } = project();
    await pullTargets(targets, { env, prune: true });
    for (const [path, text] of Object.entries(files(dir))) expect(text, path).not.toContain(API_KEY);
  });

  it("stores an environment with its secrets emptied, keeping their keys and types", async () => {
    const { dir, targets } = project();
    await pullTargets(targets, { env });
    const stored = JSON.parse(
      readFileSync(join(dir, `postman-sources/environments/${STAGING_UID}.postman_environment.json`), "utf8"),
    ) as { values: Array<Record<string, unknown>> };
    expect(stored.values.map((v) => [v["key"], v["value"], v["type"]])).toEqual([
      ["baseUrl", "https://staging.example.com/v2", "default"],
      ["region", "eu-staging", "default"],
      ["token", "", "secret"],
      ["apiKey", "", "default"],
      ["region", "disabled-region", "default"],
    ]);
    for (const [path, text] of Object.entries(files(dir)))
      for (const secret of ["STAGING-TOKEN-SECRET-4f2a", "STAGING-APIKEY-SECRET-9b1c", "PRODUCTION-TOKEN-SECRET-7d3e"])
        expect(text, path).not.toContain(secret);
  });

  it("empties a value the collection's auth takes as a credential, whatever its key, as generate leaves it out", async () => {
    const collection = apiCollection();
    const staging = apiEnvironment("staging");
    const values = staging["values"] as Array<Record<string, unknown>>;
    api.environments.set(STAGING_UID, {
      ...staging,
      values: [
        ...values,
        { key: "accessCode", value: "STAGING-ACCESS-CODE-77aa", type: "default", enabled: true },
        { key: "accessCode2", value: "{{accessCode}}", type: "default", enabled: true },
      ],
    });
    api.collections.set(COLLECTION_UID, {
      ...collection,
      auth: { type: "bearer", bearer: [{ key: "token", value: "{{accessCode}}{{accessCode2}}" }] },
    });
    const { dir, targets } = project();
    await pullTargets(targets, { env });
    const stored = JSON.parse(
      readFileSync(join(dir, `postman-sources/environments/${STAGING_UID}.postman_environment.json`), "utf8"),
    ) as { values: Array<Record<string, unknown>> };
    expect(stored.values.slice(-2).map((v) => [v["key"], v["value"]])).toEqual([
      ["accessCode", ""],
      ["accessCode2", "{{accessCode}}"],
    ]);
    for (const [path, text] of Object.entries(files(dir))) expect(text, path).not.toContain("STAGING-ACCESS-CODE-77aa");
  });

  it("pulls single resources into a folder, keeping the lock's others", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-pull-one-"));
    await pull(dir, [{ kind: "environment", uid: STAGING_UID, apiUrl: api.url }], { env });
    await pull(dir, [{ kind: "collection", uid: COLLECTION_UID, apiUrl: api.url }], { env });
    expect(readLock(dir).map((e) => e.uid)).toEqual([COLLECTION_UID, STAGING_UID]);
  });
});

describe("the stored copies generate reads", () => {
  it("must be the ones the lock records", async () => {
    const { dir, targets } = project();
    const postman = targets[0]!.postman!;
    expect(() => verifyStoredCopies(postman)).toThrow(
      new RegExp(`collection ${COLLECTION_UID} has not been pulled from the Postman API: run \`postman-codegen pull\``),
    );
    await pullTargets(targets, { env });
    const copy = join(dir, `postman-sources/environments/${STAGING_UID}.postman_environment.json`);
    writeFileSync(copy, readFileSync(copy, "utf8").replace("eu-staging", "eu-edited"));
    expect(() => verifyStoredCopies(postman)).toThrow(
      `${copy}: the stored copy of environment ${STAGING_UID} is not what was pulled`,
    );
    expect(resourcesOf(postman).map((r) => r.uid)).toEqual([COLLECTION_UID, STAGING_UID, PRODUCTION_UID]);
  });

  it("a broken lock is an error naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-lock-"));
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ resources: [{ kind: "collection" }] }));
    expect(() => readLock(dir)).toThrow(
      `${join(dir, LOCK_FILE)} at resources[0]: an entry needs kind, uid, sha256 and file: run \`postman-codegen pull\` to write it again`,
    );
    expect(readLock(dir, true)).toEqual([]);
  });
});
