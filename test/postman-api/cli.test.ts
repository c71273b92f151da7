// The Postman API as a source, through the command line, against the local stand-in: pull, the
// first generate fetching what was never pulled, --check offline, and the key in no file or output.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { pullSummary } from "../../src/cli-report.js";
import type { PullChange } from "../../src/postman-api/pull.js";
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

const SECRETS = ["STAGING-TOKEN-SECRET-4f2a", "STAGING-APIKEY-SECRET-9b1c", "PRODUCTION-TOKEN-SECRET-7d3e"];

const api = usePostmanApi();

const withKey = { POSTMAN_API_KEY: API_KEY };

const project = (environments?: Record<string, string>, dir?: string): string =>
  apiProject(api.url, "postman-codegen-api-cli-", environments, dir);

function everyFile(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), "latin1")]),
  );
}

function expectAbsent(needles: readonly string[], texts: Record<string, string>): void {
  for (const [where, text] of Object.entries(texts))
    for (const needle of needles) expect(text.includes(needle), `${needle} in ${where}`).toBe(false);
}

describe("postman-codegen pull", () => {
  it("stores the config's resources, prints what changed, and keeps the key out of every file and line", async () => {
    const dir = project();
    const first = await runCli(["pull"], dir, withKey);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout.split("\n")).toEqual([
      `collection ${COLLECTION_UID} "Env API": added (updated 2024-05-01T09:00:00.000Z) → postman-sources/collections/${COLLECTION_UID}.postman_collection.json`,
      `environment ${STAGING_UID} "staging": added (updated 2024-05-01T10:00:00.000Z) → postman-sources/environments/${STAGING_UID}.postman_environment.json`,
      `environment ${PRODUCTION_UID} "production": added (updated 2024-05-01T10:00:00.000Z) → postman-sources/environments/${PRODUCTION_UID}.postman_environment.json`,
      // What happened, not "3 of 3 changed": each was pulled for the first time.
      "3 added: run `postman-codegen generate` to regenerate",
      "",
    ]);
    api.collections.set(COLLECTION_UID, apiCollection("2024-06-01T09:00:00.000Z"));
    const second = await runCli(["pull", "--json"], dir, withKey);
    const json = JSON.parse(second.stdout) as {
      ok: boolean;
      resources: Array<{ uid: string; status: string; previousUpdatedAt?: string }>;
    };
    expect(json.resources.map((r) => r.status)).toEqual(["changed", "unchanged", "unchanged"]);
    expect(json.resources[0]!.previousUpdatedAt).toBe("2024-05-01T09:00:00.000Z");
    api.collections.set(COLLECTION_UID, apiCollection("2024-07-01T09:00:00.000Z"));
    const third = await runCli(["pull"], dir, withKey);
    expect(third.stdout.split("\n").slice(-2)).toEqual([
      "1 changed, 2 up to date: run `postman-codegen generate` to regenerate",
      "",
    ]);
    expectAbsent([API_KEY], {
      ...everyFile(dir),
      stdout: first.stdout + second.stdout + third.stdout,
      stderr: first.stderr + second.stderr + third.stderr,
    });
  });

  it('says a pull that changed nothing as up to date, "all N" only for several', () => {
    const unchanged = (uid: string): PullChange => ({
      kind: "collection",
      uid,
      file: `${uid}.json`,
      status: "unchanged",
    });
    expect(pullSummary([unchanged("a")], "x")).toBe("up to date");
    expect(pullSummary([unchanged("a"), unchanged("b")], "x")).toBe("all 2 up to date");
  });

  it("leaves a collection's literal credentials out of its stored copy, with a warning naming the place", async () => {
    api.collections.set(COLLECTION_UID, literalSecretsCollection());
    const dir = project({});
    const pulled = await runCli(["pull"], dir, withKey);
    expect(pulled.code, pulled.stderr).toBe(0);
    const file = `postman-sources/collections/${COLLECTION_UID}.postman_collection.json`;
    // The token the collection's auth and a saved request's write out: one problem, at two places.
    expect(pulled.stderr).toContain(
      `warning: ${file} at 2 places (auth.bearer[0].value, item[0].item[0].response[0].originalRequest.auth.bearer[0].value): the bearer auth's token, written out in the collection, is replaced by "REDACTED" in the stored copy`,
    );
    // The values left out: one problem, each said of its key and why.
    expect(pulled.stderr).toContain(
      `warning: ${file} at 3 places (variable[1].value, variable[2].value, item[0].variable[0].value): the value of "session" (its type is "secret") is left out of the stored copy: the client asks for it at run time (pass it in variables); the same for "phrase" (the collection sends it as a credential), "signingKey" (its name says it is a credential)\n`,
    );
    expect(pulled.stderr.split("\n").filter((l) => l.startsWith("warning: "))).toHaveLength(4);
    // generate reads the stored copy: no network, no key, and the client asks for what was left out.
    await api.close();
    const generated = await runCli(["generate"], dir, { POSTMAN_API_KEY: undefined });
    expect(generated.code, generated.stderr).toBe(0);
    expectAbsent(LITERAL_SECRETS, {
      ...everyFile(dir),
      stdout: pulled.stdout + generated.stdout,
      stderr: pulled.stderr + generated.stderr,
    });
  });

  it("401: exit 1 naming the uid, not the key; nothing written", async () => {
    const dir = project();
    const result = await runCli(["pull"], dir, { POSTMAN_API_KEY: "PMAK-not-the-right-key-1234" });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `error: ${api.url}/collections/${COLLECTION_UID}: the Postman API refused the API key in $POSTMAN_API_KEY (401: AuthenticationError: Invalid API Key. Every request requires a valid API Key to be sent.): check that it is a valid, unexpired key; the stored copy and the output are left as they were\n`,
    );
    expect(result.stderr + result.stdout).not.toContain("PMAK-not-the-right-key-1234");
    expect(readdirSync(dir)).toEqual(["postman-codegen.config.json"]);
  });

  it("--json on an error: the key is not in it either", async () => {
    const dir = project();
    api.forbidden.add(COLLECTION_UID);
    const result = await runCli(["pull", "--json"], dir, withKey);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      error: { file: `${api.url}/collections/${COLLECTION_UID}` },
    });
    expect(result.stdout).not.toContain(API_KEY);
  });

  it("pulls one collection named on the command line into the working directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-api-cli-one-"));
    const result = await runCli(
      ["pull", "--postman-collection", COLLECTION_UID, "--postman-api", api.url],
      dir,
      withKey,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(dir, `postman-sources/collections/${COLLECTION_UID}.postman_collection.json`))).toBe(true);
    expect(api.requests.map((r) => r.path)).toEqual([`/collections/${COLLECTION_UID}`]);
  });

  it("ends with the generate command that works without a config: the same flags and a package name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-api-cli-next-"));
    const pulled = await runCli(
      ["pull", "--postman-collection", COLLECTION_UID, "--postman-environment", STAGING_UID, "--postman-api", api.url],
      dir,
      withKey,
    );
    expect(pulled.code, pulled.stderr).toBe(0);
    const command = /run `postman-codegen (generate [^`]*)` to regenerate\n$/.exec(pulled.stdout)?.[1];
    expect(command, pulled.stdout).toBe(
      `generate --postman-collection ${COLLECTION_UID} --postman-environment ${STAGING_UID} --postman-api ${api.url} --name env-api`,
    );
    // Run as printed, from the stored copies: no request to the API, no key.
    const requests = api.requests.length;
    const generated = await runCli(command!.split(" "), dir, { POSTMAN_API_KEY: undefined });
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stdout).toContain("env-api: ");
    expect(api.requests).toHaveLength(requests);
  });

  it("refuses a --postman-api URL holding a credential without echoing it, in text and in --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-api-cli-url-"));
    const withUser = api.url.replace("://", "://someone:PMAK-FLAG-SECRET@");
    for (const [apiUrl, holds] of [
      [withUser, "a user name or password"],
      [`${api.url}/?apikey=PMAK-FLAG-SECRET`, "a query"],
    ] as const) {
      for (const json of [[], ["--json"]]) {
        const result = await runCli(
          ["pull", "--postman-collection", COLLECTION_UID, "--postman-api", apiUrl, ...json],
          dir,
          withKey,
        );
        // A command line's mistake: exit 2, as for any other flag refused.
        expect(result.code).toBe(2);
        expect(result.stdout + result.stderr).toContain(`--postman-api: the API URL holds ${holds}: it takes none`);
        expect(result.stdout + result.stderr).not.toContain("PMAK-FLAG-SECRET");
      }
    }
    const notHttp = await runCli(
      ["pull", "--postman-collection", COLLECTION_UID, "--postman-api", "ftp://me:PMAK-FLAG-SECRET@x"],
      dir,
      withKey,
    );
    expect(notHttp.stderr).toBe('error: command line at --postman-api: "ftp://***@x" is not an http(s) URL\n');
    expect(api.requests).toHaveLength(0);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("without a config, says that pull can take --postman-collection", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-api-cli-none-"));
    const result = await runCli(["pull"], dir, withKey);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: .*: no config: .*, or pull one collection without a config: --postman-collection <uid>\n$/,
    );
  });
});

describe("generate from the Postman API", () => {
  it("--check never calls the API: a source never pulled is exit 1", async () => {
    const dir = project();
    const result = await runCli(["generate", "--check"], dir, withKey);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^error: .*postman-codegen\\.lock\\.json: collection ${COLLECTION_UID} has not been pulled from the Postman API: run \`postman-codegen pull\``,
      ),
    );
    expect(api.requests).toHaveLength(0);
  });

  it("fetches what was never pulled, then runs from the stored copies without network or key: --check, CI", async () => {
    const dir = project();
    const first = await runCli(["generate"], dir, withKey);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`fetched collection ${COLLECTION_UID} "Env API": added`);
    expect(first.stdout).toMatch(/^env-api: 2 operations, \d+ files → generated\/env-api$/m);
    expect(api.requests).toHaveLength(3);
    await api.close();
    // No network, no key: the stored copies are enough.
    const check = await runCli(["generate", "--check"], dir, { POSTMAN_API_KEY: undefined });
    expect(check.code, check.stderr).toBe(0);
    const forced = await runCli(["generate", "--force"], dir, { POSTMAN_API_KEY: undefined });
    expect(forced.code, forced.stderr).toBe(0);
    expectAbsent([API_KEY, ...SECRETS], {
      ...everyFile(join(dir, "generated")),
      stdout: first.stdout + check.stdout + forced.stdout,
      stderr: first.stderr + check.stderr + forced.stderr,
    });
    // Neither in the stored copies, which are meant to be committed: their secrets are emptied.
    expectAbsent([API_KEY, ...SECRETS], everyFile(dir));
  });

  it("an environment added after the collection was pulled: its first fetch empties its credentials too", async () => {
    api.collections.set(COLLECTION_UID, {
      ...apiCollection(),
      auth: {
        type: "basic",
        basic: [
          { key: "username", value: "alice" },
          { key: "password", value: "{{phrase}}" },
        ],
      },
    });
    const staging = apiEnvironment("staging");
    api.environments.set(STAGING_UID, {
      ...staging,
      values: [...(staging["values"] as unknown[]), { key: "phrase", value: "ENV-PASS-SECRET", type: "default" }],
    });
    const dir = project({});
    expect((await runCli(["pull"], dir, withKey)).code).toBe(0);
    project({ staging: STAGING_UID }, dir);
    const generated = await runCli(["generate"], dir, withKey);
    expect(generated.code, generated.stderr).toBe(0);
    expect(generated.stderr).toContain(`fetched environment ${STAGING_UID} "staging": added`);
    expect(api.requests.map((r) => r.path)).toEqual([`/collections/${COLLECTION_UID}`, `/environments/${STAGING_UID}`]);
    expectAbsent(["ENV-PASS-SECRET"], everyFile(dir));
    // What a full pull then stores is what generate stored.
    const pulled = await runCli(["pull", "--json"], dir, withKey);
    const resources = (JSON.parse(pulled.stdout) as { resources: Array<{ status: string }> }).resources;
    expect(resources.map((r) => r.status)).toEqual(["unchanged", "unchanged"]);
  });

  it("--check fails on a stored copy edited by hand", async () => {
    const dir = project();
    expect((await runCli(["pull"], dir, withKey)).code).toBe(0);
    const copy = join(dir, `postman-sources/environments/${STAGING_UID}.postman_environment.json`);
    writeFileSync(copy, readFileSync(copy, "utf8").replace("eu-staging", "eu-edited"));
    const result = await runCli(["generate", "--check"], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the stored copy of environment ${STAGING_UID} is not what was pulled`);
  });

  it("takes --postman-collection and --postman-environment on the command line", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-api-cli-gen-"));
    const result = await runCli(
      [
        "generate",
        "--postman-collection",
        COLLECTION_UID,
        "--postman-environment",
        STAGING_UID,
        "--postman-api",
        api.url,
        "--name",
        "env-api",
        "--out",
        "out",
      ],
      dir,
      withKey,
    );
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(dir, "postman-sources/environments"))).toEqual([`${STAGING_UID}.postman_environment.json`]);
    expect(result.stderr).toContain(
      `warning: postman-sources/environments/${STAGING_UID}.postman_environment.json at 2 places (values[2].value, values[3].value): the value of "token" (its type is "secret") is left out of the stored copy: the client asks for it at run time (pass it in variables); the same for "apiKey" (its name says it is a credential)\n`,
    );
    expect(
      (await runCli(["generate", "--postman-collection", COLLECTION_UID, "--out", "out"], dir, withKey)).stderr,
    ).toMatch(/^error: command line at --name: name the package/);
  });
});
