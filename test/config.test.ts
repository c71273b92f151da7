// What the config says about where targets write: every output folder its own, apart from the
// others, and none that would take the project, the config or an input with it when it is replaced.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig, readConfig } from "../src/config.js";
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
    ["the same folder", "gen/x", "gen/x/", "is the same folder as"],
    ["the same folder, written otherwise", "gen/x", "./gen/../gen/x", "is the same folder as"],
    ["one inside the other", "gen/x", "gen/x/sub", "is inside"],
    ["one around the other", "gen/x/sub", "gen/x", "holds"],
  ])("refuses two targets writing to %s, naming both", (_case, first, second, relation) => {
    const error = refusal(project([target(first, { name: "a" }), target(second, { name: "b" })]));
    expect(error.where).toBe("targets[1].out");
    expect(error.problem).toMatch(`${JSON.stringify(second)} ${relation} targets[0].out (${JSON.stringify(first)})`);
    expect(error.problem).toContain("each target needs an output folder of its own");
  });

  it("accepts folders side by side, one name the prefix of the other", () => {
    const dir = project([target("gen/x", { name: "a" }), target("gen/xy", { name: "b" })]);
    expect(findConfig(dir).targets.map((t) => t.out)).toEqual([join(dir, "gen/x"), join(dir, "gen/xy")]);
  });

  it("names the targets under the package.json key", () => {
    const dir = project([target("gen", { name: "a" }), target("gen/b", { name: "b" })], "package.json");
    expect(refusal(dir).where).toBe("postman-codegen.targets[1].out");
  });

  it("reads a package.json named as the config (--config, --watch) as it finds one: its key's targets", () => {
    const dir = project([target("gen/a", { name: "a" })], "package.json");
    const found = findConfig(dir);
    expect(found.targets).toHaveLength(1);
    expect(readConfig(found.file)).toEqual(found.targets);
    expect(findConfig(tmpdir(), found.file)).toEqual(found);
  });

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
    // The folder above a working directory inside the project, which holds neither the config nor
    // the collection: wherever the checkout is (a temporary folder's parent would hold the config).
    const above = project([]);
    const work = join(above, "a", "b");
    mkdirSync(work, { recursive: true });
    writeFileSync(join(above, "postman-codegen.config.json"), JSON.stringify({ targets: [target(join(work, ".."))] }));
    const from = process.cwd();
    process.chdir(work);
    try {
      expect(refusal(above).problem).toMatch(/^the output folder "\.\." holds the working directory/);
    } finally {
      process.chdir(from);
    }
  });

  it("generate() refuses such targets too, before writing anything", async () => {
    const dir = project([]);
    const collection = join(dir, "api.postman_collection.json");
    await expect(generate([{ collection, out: dir, name: "api" }])).rejects.toThrow(
      /^targets at targets\[0\]\.out: the output folder ".*" holds the collection/,
    );
    const out = join(dir, "gen");
    await expect(
      generate([
        { collection, out, name: "a" },
        { collection, out: join(out, "b"), name: "b" },
      ]),
    ).rejects.toThrow(/^targets at targets\[1\]\.out: ".*" is inside targets\[0\]\.out/);
    expect(readdirSync(dir).sort()).toEqual(["api.postman_collection.json", "postman-codegen.config.json"]);
  });
});

describe("a config that is not JSON", () => {
  it.each([
    [
      "postman-codegen.config.json",
      '{\n  "targets": [\n    { "collection": "a.json", "out": "gen" },\n  ]\n}\n',
      "line 4, column 3",
    ],
    [
      "postman-codegen.config.json",
      '{\n  "targets": [\n    { "collection": "a.json" "out": "gen" }\n',
      "line 3, column 30",
    ],
    ["package.json", '{\n  "name": "app",\n  "postman-codegen": { targets: [] }\n}\n', "line 3, column 24"],
  ])("says where %s breaks, as for a collection", (file, text, place) => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-config-"));
    writeFileSync(join(dir, file), text);
    const error = refusal(dir);
    expect(error.where).toBe(place);
    expect(error.message).toMatch(new RegExp(`${file.replace(".", "\\.")} at ${place}: not valid JSON: `));
  });

  it("reads a config that starts with a byte-order mark", () => {
    const dir = project([target("gen")]);
    const file = join(dir, "postman-codegen.config.json");
    writeFileSync(file, `\ufeff${readFileSync(file, "utf8")}`);
    expect(findConfig(dir).targets).toHaveLength(1);
  });
});
