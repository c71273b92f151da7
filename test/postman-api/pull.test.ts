// `pull`: the lock (uid, updatedAt, sha256 per resource) and the stored copies beside the config,
// written only when every resource was fetched and checked; what changed since the last pull.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig, type Target } from "../../src/config.js";
import { CodegenError } from "../../src/errors.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import { pull, pullTargets, readLock, resourcesOf, unpulled, verifyStoredCopies } from "../../src/postman-api/pull.js";
import { LOCK_FILE } from "../../src/postman-api/store.js";
import { sha256 } from "../../src/cache/manifest.js";
import {
  API_KEY,
  apiCollection,
  apiEnvironment,
  COLLECTION_UID,
  LITERAL_SECRETS,
  literalSecretsCollection,
  PRODUCTION_UID,
  STAGING_UID,
  usePostmanApi,
} from "./server.js";
import { apiProject } from "./project.js";

const api = usePostmanApi();

const env = { POSTMAN_API_KEY: API_KEY };

/** A project whose config's one target takes its collection and two environments from the API (`dir`: rewrite its config). */
function project(environments?: Record<string, string>, at?: string): { dir: string; targets: Target[] } {
  const dir = apiProject(api.url, "postman-codegen-pull-", environments, at);
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

  it("called with an API URL holding a password (no config checked it): names the resource without it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-pull-url-"));
    const apiUrl = api.url.replace("://", "://someone:PMAK-PULL-SECRET@");
    const shown = `${api.url.replace("://", "://***@")}/collections/${COLLECTION_UID}`;
    for (const options of [{ env: {} }, { env }]) {
      const error = (await pull(dir, [{ kind: "collection", uid: COLLECTION_UID, apiUrl }], options).catch(
        (e: unknown) => e,
      )) as CodegenError;
      expect(error).toBeInstanceOf(CodegenError);
      expect(error.file).toBe(shown);
      expect(error.message).not.toContain("PMAK-PULL-SECRET");
    }
    expect(api.requests).toHaveLength(0);
    expect(readdirSync(dir)).toEqual([]);
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

  it("empties an environment's credential when it is pulled after its collection, as generate's first run does", async () => {
    // The collection's basic auth takes {{phrase}}; the environment's `phrase` has an ordinary key and type.
    api.collections.set(COLLECTION_UID, {
      ...apiCollection(),
      auth: {
        type: "basic",
        basic: [
          { key: "username", value: "alice", type: "string" },
          { key: "password", value: "{{phrase}}", type: "string" },
        ],
      },
    });
    const staging = apiEnvironment("staging");
    api.environments.set(STAGING_UID, {
      ...staging,
      values: [...(staging["values"] as unknown[]), { key: "phrase", value: "ENV-PASS-SECRET", type: "default" }],
    });
    // Pulled with no environment first; then the environment is added to the config.
    const { dir, targets: before } = project({});
    await pullTargets(before, { env, prune: true });
    const { targets } = project({ staging: STAGING_UID }, dir);
    const added = unpulled(targets);
    expect([...added.values()].flat().map((r) => [r.kind, r.uid])).toEqual([["environment", STAGING_UID]]);
    // generate's way: only what was never pulled is fetched, into the config's folder.
    const { root } = targets[0]!.postman!;
    const changes = await pull(dir, [...added.get(root)!], { env });
    expect(changes.map((c) => [c.uid, c.status])).toEqual([[STAGING_UID, "added"]]);
    expect(api.requests.at(-1)!.path).toBe(`/environments/${STAGING_UID}`);
    const copy = join(dir, `postman-sources/environments/${STAGING_UID}.postman_environment.json`);
    const stored = JSON.parse(readFileSync(copy, "utf8")) as { values: Array<Record<string, unknown>> };
    expect(stored.values.at(-1)).toEqual({ key: "phrase", value: "", type: "default" });
    for (const [path, text] of Object.entries(files(dir))) expect(text, path).not.toContain("ENV-PASS-SECRET");
    // A full pull stores the same bytes: nothing changed at the API, and nothing is reported changed.
    const again = await pullTargets(findConfig(dir).targets, { env, prune: true });
    expect(again.map((c) => c.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("an environment two targets share: the credentials of both their collections are emptied", async () => {
    const other = `${COLLECTION_UID.slice(0, -1)}f`;
    api.collections.set(COLLECTION_UID, {
      ...apiCollection(),
      auth: { type: "apikey", apikey: [{ key: "value", value: "{{first}}" }] },
    });
    api.collections.set(other, {
      ...apiCollection(),
      auth: { type: "bearer", bearer: [{ key: "token", value: "{{second}}" }] },
    });
    const staging = apiEnvironment("staging");
    api.environments.set(STAGING_UID, {
      ...staging,
      values: [
        { key: "first", value: "FIRST-SECRET", type: "default" },
        { key: "second", value: "SECOND-SECRET", type: "default" },
      ],
    });
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-pull-shared-"));
    const target = (collection: string, name: string) => ({
      postman: { collection, environments: { staging: STAGING_UID }, apiUrl: api.url },
      out: `generated/${name}`,
      name,
    });
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [target(COLLECTION_UID, "one"), target(other, "two")] }),
    );
    const { targets } = findConfig(dir);
    await pull(dir, resourcesOf(targets[0]!.postman!).slice(0, 1), { env });
    await pull(dir, resourcesOf(targets[1]!.postman!).slice(0, 1), { env });
    const added = unpulled(targets).get(dir)!;
    expect(added).toEqual([
      { kind: "environment", uid: STAGING_UID, apiUrl: api.url, collections: [COLLECTION_UID, other] },
    ]);
    await pull(dir, added, { env });
    for (const [path, text] of Object.entries(files(dir)))
      for (const secret of ["FIRST-SECRET", "SECOND-SECRET"]) expect(text, path).not.toContain(secret);
  });

  it("stores no environment whose collection it cannot read, as it cannot tell its credentials", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-pull-alone-"));
    const environment = {
      kind: "environment" as const,
      uid: STAGING_UID,
      apiUrl: api.url,
      collections: [COLLECTION_UID],
    };
    const error = (await pull(dir, [environment], { env }).catch((e: unknown) => e)) as CodegenError;
    expect(error.message).toBe(
      `${api.url}/environments/${STAGING_UID}: cannot tell which of its values are credentials: its collection ${COLLECTION_UID} is neither pulled with it nor stored (postman-sources/collections/${COLLECTION_UID}.postman_collection.json): pull them together`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it("stores a collection without its literal credentials and secret variables, saying where, never what", async () => {
    const original = literalSecretsCollection();
    api.collections.set(COLLECTION_UID, original);
    const { dir, targets } = project({});
    const changes = await pullTargets(targets, { env, prune: true });
    const file = `postman-sources/collections/${COLLECTION_UID}.postman_collection.json`;
    const text = readFileSync(join(dir, file), "utf8");
    for (const [path, written] of Object.entries(files(dir)))
      for (const secret of LITERAL_SECRETS) expect(written, path).not.toContain(secret);
    const stored = JSON.parse(text) as Record<string, any>;
    expect(stored["auth"]).toEqual({ type: "bearer", bearer: [{ key: "token", value: "REDACTED", type: "string" }] });
    const admin = stored["item"][0];
    expect(admin.auth.apikey).toEqual([
      { key: "key", value: "X-Admin-Key", type: "string" },
      { key: "value", value: "REDACTED", type: "string" },
      { key: "in", value: "header", type: "string" },
    ]);
    expect(admin.item[0].request.auth.basic).toEqual([
      { key: "username", value: "alice" },
      { key: "password", value: "REDACTED" },
    ]);
    expect(admin.item[0].response[0].originalRequest.auth.bearer).toEqual([{ key: "token", value: "REDACTED" }]);
    expect(admin.item[1].request.auth.bearer).toEqual([{ key: "token", value: "{{phrase}}" }]);
    // A secret variable keeps its key and type, not its value: generate then has none, and the client asks for it.
    expect(admin.variable).toEqual([{ key: "signingKey" }]);
    expect(stored["variable"]).toEqual([
      { key: "region", value: "collection-region" },
      { key: "session", type: "secret", description: "a session" },
      { key: "phrase" },
      { key: "bearerAlias", value: "{{phrase}}" },
    ]);
    // Everything else is as the API gave it.
    const redacted = structuredClone(original) as Record<string, any>;
    redacted["auth"].bearer[0].value = "REDACTED";
    redacted["item"][0].auth.apikey[1].value = "REDACTED";
    redacted["item"][0].item[0].request.auth.basic[1].value = "REDACTED";
    redacted["item"][0].item[0].response[0].originalRequest.auth.bearer[0].value = "REDACTED";
    delete redacted["item"][0].variable[0].value;
    for (const i of [1, 2]) delete redacted["variable"][i].value;
    expect(stored).toEqual(redacted);
    expect(changes[0]!.warnings).toEqual(
      [
        ["variable[1].value", 'the value of "session" (its type is "secret") is left out of the stored copy'],
        [
          "variable[2].value",
          `the value of "phrase" (the collection sends it as a credential) is left out of the stored copy`,
        ],
        [
          "auth.bearer[0].value",
          'the bearer auth\'s token, written out in the collection, is replaced by "REDACTED" in the stored copy',
        ],
        [
          "item[0].variable[0].value",
          'the value of "signingKey" (its name says it is a credential) is left out of the stored copy',
        ],
        [
          "item[0].auth.apikey[1].value",
          'the apikey auth\'s value, written out in the collection, is replaced by "REDACTED" in the stored copy',
        ],
        [
          "item[0].item[0].request.auth.basic[1].value",
          'the basic auth\'s password, written out in the collection, is replaced by "REDACTED" in the stored copy',
        ],
        [
          "item[0].item[0].response[0].originalRequest.auth.bearer[0].value",
          'the bearer auth\'s token, written out in the collection, is replaced by "REDACTED" in the stored copy',
        ],
      ].map(([source, message]) => ({
        file,
        source,
        message: expect.stringMatching(`^${escape(message!)}`),
        // A value left out is said of its key and why: one file's read as one problem (warning-lines.ts).
        ...(/^the value of (".*\)) is left out/.test(message!)
          ? { subject: /^the value of (".*\)) is left out/.exec(message!)![1] }
          : {}),
      })),
    );
    expect(JSON.stringify(changes)).not.toMatch(new RegExp(LITERAL_SECRETS.join("|")));
    // The generator reads the same auth from the stored copy as from the API's: it never uses a literal credential.
    const auth = (json: unknown) =>
      toModel(parseCollectionText("c.json", JSON.stringify(json))).operations.map((op) => [op.source, op.auth]);
    expect(auth(stored)).toEqual(auth(original));
    // Stored the same way each time: a second pull changes nothing.
    expect((await pullTargets(targets, { env, prune: true })).map((c) => c.status)).toEqual(["unchanged"]);
    expect(readFileSync(join(dir, file), "utf8")).toBe(text);
  });

  it("keeps every auth setting the generator reads, and each credential that only refers to variables", async () => {
    const params = (entries: Record<string, unknown>) =>
      Object.entries(entries).map(([key, value]) => ({
        key,
        value,
        type: typeof value === "boolean" ? "boolean" : "string",
      }));
    const schemes: Record<string, Record<string, unknown>> = {
      oauth2: {
        grant_type: "password_credentials",
        accessTokenUrl: "https://auth.example.com/token",
        refreshTokenUrl: "https://auth.example.com/refresh",
        authUrl: "https://auth.example.com/authorize",
        redirect_uri: "https://app.example.com/cb",
        clientId: "client-1",
        clientSecret: "{{clientSecret}}",
        username: "{{user}}",
        password: "{{password}}",
        scope: "read write",
        audience: "api",
        resource: "https://api.example.com",
        client_authentication: "body",
        addTokenTo: "header",
        headerPrefix: "Token",
        challengeAlgorithm: "S256",
        tokenName: "main",
        tokenRequestParams: [
          { key: "client_assertion", value: "{{assertion}}", enabled: true, send_as: "request_body" },
        ],
      },
      oauth1: {
        consumerKey: "ck",
        consumerSecret: "{{cs}}",
        token: "{{t}}",
        tokenSecret: "{{ts}}",
        signatureMethod: "HMAC-SHA256",
        version: "1.0",
        realm: "r",
        callback: "https://app.example.com/cb",
        verifier: "v",
        addParamsToHeader: true,
        includeBodyHash: "true",
      },
      awsv4: {
        accessKey: "{{ak}}",
        secretKey: "{{sk}}",
        sessionToken: "{{st}}",
        service: "s3",
        region: "eu-west-1",
        addAuthDataToQuery: true,
      },
      digest: { username: "{{u}}", password: "{{p}}", algorithm: "SHA-256", qop: "auth", realm: "r", nonce: "n" },
      hawk: {
        authId: "id",
        authKey: "{{hk}}",
        algorithm: "sha256",
        user: "u",
        extraData: "x",
        app: "a",
        delegation: "d",
        includePayloadHash: true,
      },
      jwt: {
        secret: "{{jwtSecret}}",
        algorithm: "HS256",
        header: '{"kid":"1"}',
        payload: '{"sub":"x"}',
        addTokenTo: "queryParam",
        headerPrefix: "JWT",
        queryParamKey: "jwt",
        isSecretBase64Encoded: false,
      },
      edgegrid: {
        accessToken: "{{at}}",
        clientToken: "{{ct}}",
        clientSecret: "{{ecs}}",
        baseURL: "https://akab.example.com",
        headersToSign: "x-a",
        maxBodySize: "131072",
      },
      apikey: { key: "X-Key", value: "{{k}}", in: "query" },
    };
    const collection = {
      ...apiCollection(),
      item: Object.entries(schemes).map(([type, entries]) => ({
        name: type,
        request: { method: "GET", url: `{{baseUrl}}/${type}`, auth: { type, [type]: params(entries) } },
      })),
    };
    api.collections.set(COLLECTION_UID, collection);
    const { dir, targets } = project({});
    const [change] = await pullTargets(targets, { env });
    expect(change!.warnings ?? []).toEqual([]);
    const file = join(dir, `postman-sources/collections/${COLLECTION_UID}.postman_collection.json`);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual(collection);
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

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
