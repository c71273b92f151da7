// The SDK's faker and semver (src/load/sdk-deferred.ts): a generation never loads them, and they
// still work when something calls them. Each case runs the built command or module in a fresh
// process, where nothing else has loaded either package yet.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadedModules } from "../helpers/loaded-modules.js";
import { runProgram } from "../helpers/program.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";

/** A file of the real faker or semver, past the entry point the stand-in replaces. */
const DEFERRED_FILE = /[\\/](@faker-js[\\/]faker[\\/]lib|semver[\\/](classes|functions|internal))[\\/]/;

describe("the SDK's deferred packages", () => {
  it("a generation loads neither faker nor semver", async () => {
    const out = mkdtempSync(join(tmpdir(), "postman-codegen-deferred-"));
    const result = await loadedModules(["generate", SEED_COLLECTION, "--out", out, "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.loaded.some((file) => file.includes("postman-collection"))).toBe(true);
    expect(result.loaded.filter((file) => DEFERRED_FILE.test(file))).toEqual([]);
  });

  it("the real faker fills a dynamic variable and the real semver parses a version when the SDK asks", async () => {
    const script = `
      import ${JSON.stringify(`${ROOT}dist/load/sdk-deferred.js`)};
      import sdk from ${JSON.stringify(`${ROOT}dist/load/sdk.js`)};
      import { createRequire } from "node:module";
      const cache = createRequire(import.meta.url).cache;
      const deferred = () => Object.keys(cache).filter((file) => ${DEFERRED_FILE}.test(file)).length > 0;
      const before = deferred();
      const text = new sdk.VariableScope({}).replaceIn("{{$randomFirstName}}|{{$randomPhoneNumber}}|{{$randomCity}}");
      const version = new sdk.Collection({ info: { name: "c", version: "1.2.3-beta.1" } }).version;
      console.log(JSON.stringify({ before, text, version, after: deferred() }));
    `;
    const result = await runProgram(process.execPath, ["--input-type=module", "-e", script]);
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout) as { before: boolean; text: string; version: object; after: boolean };
    expect(out.before).toBe(false);
    const [firstName, phone, city] = out.text.split("|");
    expect(firstName).toMatch(/^[^{}|]+$/);
    expect(phone).toMatch(/^\d{3}-\d{3}-\d{4}$/);
    expect(city).toMatch(/^[^{}|]+$/);
    expect(out.version).toMatchObject({ raw: "1.2.3-beta.1", major: 1, minor: 2, patch: 3 });
    expect(out.after).toBe(true);
  });

  it("a program importing the package as a library gets the SDK's own faker and semver", async () => {
    // Only the command defers them: a program's own reads of faker (a locale string, say) must see faker.
    const script = `
      import { loadCollection } from ${JSON.stringify(`${ROOT}dist/index.js`)};
      import { createRequire } from "node:module";
      const cache = createRequire(import.meta.url).cache;
      await loadCollection(${JSON.stringify(SEED_COLLECTION)});
      console.log(JSON.stringify(Object.keys(cache).filter((file) => ${DEFERRED_FILE}.test(file)).length > 0));
    `;
    const result = await runProgram(process.execPath, ["--input-type=module", "-e", script]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toBe(true);
  });
});
