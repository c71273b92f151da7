// What the config says about where targets write: no output folder that would take the project, the
// config or an input with it when it is replaced.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig } from "../src/config.js";
import { CodegenError } from "../src/errors.js";
import { generate } from "../src/generate.js";

/** A project folder with a collection file and a config of `targets`. */
function project(targets: unknown[], file = "postman-codegen.config.json"): string {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-config-"));
  writeFileSync(join(dir, "api.postman_collection.json"), "{}");
  writeFileSync(
    join(dir, file),
    JSON.stringify(file === "package.json" ? { "postman-codegen": { targets } } : { targets }),
  );
  return dir;
}

function refusal(dir: string): CodegenError {
  try {
    findConfig(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(CodegenError);
    return error as CodegenError;
  }
  throw new Error("the config was accepted");
}

const target = (out: string, extra: Record<string, unknown> = {}) => ({
  collection: "api.postman_collection.json",
  out,
  ...extra,
});

describe("targets' output folders", () => {
  it.each([
    [".", /the output folder ".*" holds the config file ".*postman-codegen\.config\.json"/],
    ["..", /the output folder ".*" holds the config file/],
  ])("refuses an out of %j, which holds the config file", (out, message) => {
    const error = refusal(project([target(out)]));
    expect(error.where).toBe("targets[0].out");
    expect(error.problem).toMatch(message);
    expect(error.problem).toContain("give the package a folder of its own");
  });

  it("refuses an out that holds the collection, an environment or the globals file", () => {
    const dir = project([]);
    mkdirSync(join(dir, "in"));
    writeFileSync(join(dir, "in/env.json"), "{}");
    const config = (targets: unknown[]) =>
      writeFileSync(join(dir, "postman-codegen.config.json"), JSON.stringify({ targets }));
    config([target("gen/a"), { collection: "in/api.json", out: "in" }]);
    expect(refusal(dir)).toMatchObject({ where: "targets[1].out" });
    expect(refusal(dir).problem).toMatch(/^the output folder ".*in" holds the collection ".*in\/api\.json"/);
    config([target("in", { environments: { staging: "in/env.json" } })]);
    expect(refusal(dir).problem).toMatch(/holds the environment file ".*in\/env\.json"/);
    config([target("in", { globals: "in/env.json" })]);
    expect(refusal(dir).problem).toMatch(/holds the globals file/);
    // Another target's collection counts too: writing would carry it off.
    config([target("gen/a"), target("in", { name: "b" }), { collection: "in/api.json", out: "gen/c" }]);
    expect(refusal(dir)).toMatchObject({ where: "targets[1].out" });
  });

  it("refuses an out that is or holds the working directory", () => {
    const dir = project([target(process.cwd())]);
    expect(refusal(dir).problem).toMatch(/^the output folder "\." is the working directory/);
    const above = project([target(join(process.cwd(), ".."))]);
    expect(refusal(above).problem).toMatch(/^the output folder "\.\." holds the working directory/);
  });

  it("generate() refuses such targets too, before writing anything", async () => {
    const dir = project([]);
    const collection = join(dir, "api.postman_collection.json");
    await expect(generate([{ collection, out: dir, name: "api" }])).rejects.toThrow(
      /^targets at targets\[0\]\.out: the output folder ".*" holds the collection/,
    );
    expect(readdirSync(dir).sort()).toEqual(["api.postman_collection.json", "postman-codegen.config.json"]);
  });
});
