// What a regeneration says of environments: their names are API (`createClient({ environment })`
// is typed with their union), and what is inside one is judged as the collection's own values are
// (compareEnvironments in src/diff/compare.ts): an environment added is minor, one removed major;
// its base URL changed major (as the default base URL's), a variable the requests use left without
// a value (a secret now, or removed where the collection has none) major (calls that worked
// reject), given one again minor, its values changed a patch. No value is said.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import { generate } from "../../src/generate.js";
import { FIXTURES } from "../helpers/seed.js";

const DIR = `${FIXTURES}environments/`;
const FILES = [
  "env-api.postman_collection.json",
  "staging.postman_environment.json",
  "production.postman_environment.json",
];

/** A project whose one target has the given environments (config key → file). */
function project(): { dir: string; regenerate: (environments: Record<string, string>) => Promise<unknown> } {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-env-diff-"));
  for (const file of FILES) copyFileSync(`${DIR}${file}`, join(dir, file));
  const config = join(dir, "postman-codegen.config.json");
  return {
    dir,
    regenerate: async (environments) => {
      writeFileSync(
        config,
        JSON.stringify({
          targets: [{ collection: FILES[0], out: "out", name: "env-api", version: "auto", environments }],
        }),
      );
      return (await generate([findConfig(dir).targets[0]!])).targets[0]!.api;
    },
  };
}

describe("environments in the API diff", () => {
  it("an environment added is minor, a value changed a patch, its base URL changed major, one removed major", async () => {
    const { dir, regenerate } = project();
    expect(await regenerate({ staging: FILES[1]! })).toMatchObject({ verdict: "initial" });
    const staging = join(dir, FILES[1]!);
    const edit = (from: string, to: string) => writeFileSync(staging, readFileSync(staging, "utf8").replace(from, to));

    // Changed on purpose (it was "none"): the value is compiled into the package and sent by every
    // call made with `environment: "staging"`, as the collection's own values are (a patch).
    edit("eu-staging", "us-staging");
    const values = {
      level: "patch",
      kind: "environment-values-changed",
      detail: "the values of environment `staging` changed",
    };
    expect(await regenerate({ staging: FILES[1]! })).toEqual({ verdict: "patch", changes: [values], version: "0.1.1" });

    // Changed on purpose (it was "none"): every call made with the environment goes elsewhere, as
    // every call made without does when the default base URL changes (major).
    edit("https://staging.example.com/v2", "https://staging2.example.com/v3");
    expect(await regenerate({ staging: FILES[1]! })).toEqual({
      verdict: "major",
      changes: [
        {
          level: "major",
          kind: "environment-base-url-changed",
          detail: "the base URL calls go to with environment `staging` changed (from its values or the collection's)",
        },
        values,
      ],
      version: "0.2.0",
    });

    expect(await regenerate({ staging: FILES[1]!, production: FILES[2]! })).toEqual({
      verdict: "minor",
      changes: [{ level: "minor", kind: "export-added", detail: "export `environments.production` added" }],
      version: "0.2.1",
    });

    expect(await regenerate({ production: FILES[2]! })).toEqual({
      verdict: "major",
      changes: [{ level: "major", kind: "export-removed", detail: "export `environments.staging` removed" }],
      version: "0.3.0",
    });
  }, 60_000);

  it("a variable become a secret is major, a secret become a value minor, and no value is said", async () => {
    const { dir, regenerate } = project();
    const staging = join(dir, FILES[1]!);
    const text = readFileSync(staging, "utf8");
    const timeout = (type: string) =>
      `{ "key": "timeout", "value": "TIMEOUT-VALUE-30", "type": "${type}", "enabled": true },`;
    const region = (type: string) => `{ "key": "region", "value": "eu-staging", "type": "${type}", "enabled": true },`;
    writeFileSync(staging, text.replace(region("default"), `${region("default")}\n${timeout("secret")}`));
    await regenerate({ staging: FILES[1]! });
    // `region` (which a request sends) now a secret, `timeout` (which one sends too) no longer one.
    writeFileSync(staging, text.replace(region("default"), `${region("secret")}\n${timeout("default")}`));
    const api = await regenerate({ staging: FILES[1]! });
    expect(api).toEqual({
      verdict: "major",
      changes: [
        {
          level: "major",
          kind: "environment-variable-secret",
          detail:
            "variable `region` of environment `staging` is now a secret (or a value left out): the client asks the caller for it, and calls that do not pass it reject",
        },
        {
          level: "minor",
          kind: "environment-variable-given",
          detail:
            "variable `timeout` of environment `staging` is no longer a secret: its value is in the package, and callers need not pass it",
        },
        { level: "patch", kind: "environment-values-changed", detail: "the values of environment `staging` changed" },
      ],
      version: "0.2.0",
    });
    expect(JSON.stringify(api)).not.toMatch(/eu-staging|TIMEOUT-VALUE/);
  }, 60_000);

  it("a variable the requests use left without a value in an environment is major, given one minor", async () => {
    const { dir, regenerate } = project();
    const staging = join(dir, FILES[1]!);
    const text = readFileSync(staging, "utf8");
    const region = `{ "key": "region", "value": "eu-staging", "type": "default", "enabled": true },`;
    const entry = (key: string) =>
      `{ "key": "${key}", "value": "${key.toUpperCase()}-VALUE", "type": "default", "enabled": true },`;
    const withKeys = (...keys: string[]) =>
      writeFileSync(staging, text.replace(region, [region, ...keys.map(entry)].join("\n")));
    const values = {
      level: "patch",
      kind: "environment-values-changed",
      detail: "the values of environment `staging` changed",
    };
    // `timeout` is sent by a request's header and has no value in the collection; `unused` is
    // referred to by no request.
    withKeys("timeout", "unused");
    await regenerate({ staging: FILES[1]! });

    // A key no request refers to removed: what calls send is the same, only the values changed.
    withKeys("timeout");
    expect(await regenerate({ staging: FILES[1]! })).toEqual({ verdict: "patch", changes: [values], version: "0.1.1" });

    // Changed on purpose (it was a patch): a call made with `environment: "staging"` now has no
    // value for `{{timeout}}` and rejects with a ValidationError naming it, unless the caller passes it.
    withKeys();
    const removed = await regenerate({ staging: FILES[1]! });
    expect(removed).toEqual({
      verdict: "major",
      changes: [
        {
          level: "major",
          kind: "environment-variable-unset",
          detail:
            "variable `timeout` has no value with environment `staging` any more (neither it nor the collection gives one): calls made with it that do not pass it reject",
        },
        values,
      ],
      version: "0.2.0",
    });
    expect(JSON.stringify(removed)).not.toMatch(/TIMEOUT-VALUE|eu-staging/);

    // Given back: calls that rejected now work, as when an argument becomes optional.
    withKeys("timeout");
    expect(await regenerate({ staging: FILES[1]! })).toEqual({
      verdict: "minor",
      changes: [
        {
          level: "minor",
          kind: "environment-variable-set",
          detail: "variable `timeout` now has a value with environment `staging`: calls made with it need not pass it",
        },
        values,
      ],
      version: "0.2.1",
    });
  }, 60_000);

  it("a variable the requests use left without a value in the collection is major, given one minor", async () => {
    const { dir, regenerate } = project();
    const collection = join(dir, FILES[0]!);
    const text = readFileSync(collection, "utf8");
    const edit = (value: string) => writeFileSync(collection, text.replace('"value": "collection-region"', value));
    const environments = { staging: FILES[1]!, production: FILES[2]! };
    await regenerate(environments);

    // Changed on purpose (it was a patch): a call made without an environment, or with
    // `production` (which has no `region`), now rejects unless the caller passes `region`; one made
    // with `staging`, which gives it, sends what it sent, so nothing is said of `staging`. (The
    // entry is disabled: one left without a `value` key holds "", as newman sends it.)
    edit('"disabled": true');
    const removed = {
      level: "major",
      kind: "variable-value-removed",
      detail:
        "variable `region` has no value in the collection any more: calls that do not pass it (nor choose an environment that gives it) reject",
    };
    const values = {
      level: "patch",
      kind: "variable-value-changed",
      detail: "the collection's values of its variables changed",
    };
    expect(await regenerate(environments)).toEqual({ verdict: "major", changes: [removed, values], version: "0.2.0" });

    edit('"value": "collection-region"');
    expect(await regenerate(environments)).toEqual({
      verdict: "minor",
      changes: [
        {
          level: "minor",
          kind: "variable-value-given",
          detail: "variable `region` now has a value in the collection: calls need not pass it",
        },
        values,
      ],
      version: "0.2.1",
    });

    // A value added to an environment where the collection has one already: calls made with it
    // worked and still do, only what they send changed.
    const production = join(dir, FILES[2]!);
    const token = `{ "key": "token",`;
    writeFileSync(
      production,
      readFileSync(production, "utf8").replace(
        token,
        `{ "key": "region", "value": "us-production", "type": "default", "enabled": true },\n    ${token}`,
      ),
    );
    expect(await regenerate(environments)).toEqual({
      verdict: "patch",
      changes: [
        {
          level: "patch",
          kind: "environment-values-changed",
          detail: "the values of environment `production` changed",
        },
      ],
      version: "0.2.2",
    });
  }, 60_000);

  it("an older manifest, without environments' digests, is compared by their names only", async () => {
    const { dir, regenerate } = project();
    await regenerate({ staging: FILES[1]! });
    const manifest = join(dir, "out", ".postman-codegen.json");
    const recorded = JSON.parse(readFileSync(manifest, "utf8"));
    expect(recorded.surface.environments).toBeDefined();
    delete recorded.surface.environments;
    writeFileSync(manifest, JSON.stringify(recorded));
    const staging = join(dir, FILES[1]!);
    writeFileSync(staging, readFileSync(staging, "utf8").replace("eu-staging", "us-staging"));
    expect(await regenerate({ staging: FILES[1]! })).toEqual({ verdict: "none", changes: [], version: "0.1.0" });
  }, 60_000);

  it("names an environment that is no identifier as code does", async () => {
    const { regenerate } = project();
    await regenerate({ staging: FILES[1]! });
    expect(await regenerate({ staging: FILES[1]!, "eu prod": FILES[2]! })).toMatchObject({
      verdict: "minor",
      changes: [{ level: "minor", kind: "export-added", detail: 'export `environments["eu prod"]` added' }],
    });
  }, 60_000);
});
