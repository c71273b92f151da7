// A target name the config has not is a usage error (README: exit 2), as an unknown option or a
// refused option value is: the config is right, the name typed is not. It exited 1, the code of
// bad input and drift, so a script could not tell a typo from a broken collection.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { scratch, seed, writeCollection } from "./diff/helpers.js";

describe("a target name the config has not", () => {
  const dir = scratch("postman-codegen-unknown-target-");
  const collection = writeCollection(seed(), dir, "seed.json");
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({ targets: [{ collection: "seed.json", out: "out", name: "seed" }] }),
  );
  const said = `postman-codegen.config.json at targets: no target is named "nope"; the targets are seed`;

  it.each([
    ["diff --target", ["diff", "--target", "nope"]],
    ["diff --target with a collection", ["diff", "--target", "nope", collection]],
    ["mock", ["mock", "nope"]],
  ])("%s exits 2 with the name and the targets", async (_, args) => {
    const result = await runCli(args, dir);
    expect(result.stderr.trim()).toBe(`error: ${said}`);
    expect(result.code).toBe(2);
  });

  it("with --json prints the error on stdout and exits 2", async () => {
    const result = await runCli(["diff", "--target", "nope", "--json"], dir);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: false, error: { where: "targets", message: said } });
    expect(result.code).toBe(2);
  });

  it("a collection file that does not exist is still bad input (exit 1)", async () => {
    const result = await runCli(["mock", "missing.json"], dir);
    expect(result.stderr).toContain(`no collection file "missing.json" exists`);
    expect(result.code).toBe(1);
  });
});
