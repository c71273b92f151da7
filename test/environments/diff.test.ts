// What a regeneration says of environments: their names are API (`createClient({ environment })`
// is typed with their union), their values are not (data the caller can override, as the
// collection's values are). An environment added is minor, one removed major, a value changed nothing.
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
  it("an environment added is minor, a value changed is nothing, one removed is major", async () => {
    const { dir, regenerate } = project();
    expect(await regenerate({ staging: FILES[1]! })).toMatchObject({ verdict: "initial" });

    // A value of an environment changed (its base URL, its region): the client's API is the same.
    const staging = join(dir, FILES[1]!);
    writeFileSync(
      staging,
      readFileSync(staging, "utf8")
        .replace("https://staging.example.com/v2", "https://staging2.example.com/v3")
        .replace("eu-staging", "us-staging"),
    );
    expect(await regenerate({ staging: FILES[1]! })).toEqual({ verdict: "none", changes: [], version: "0.1.0" });

    expect(await regenerate({ staging: FILES[1]!, production: FILES[2]! })).toEqual({
      verdict: "minor",
      changes: [{ level: "minor", kind: "export-added", detail: "export `environments.production` added" }],
      version: "0.1.1",
    });

    expect(await regenerate({ production: FILES[2]! })).toEqual({
      verdict: "major",
      changes: [{ level: "major", kind: "export-removed", detail: "export `environments.staging` removed" }],
      version: "0.2.0",
    });
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
