// The command line: `postman-codegen diff`, and what `generate` prints of an API change
// (--verbose, --json, --check --fail-on).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import { generate } from "../../src/generate.js";
import { runCli } from "../helpers/cli.js";
import { scratch, seed, writeCollection, type Json } from "./helpers.js";

const action = (c: Json): Json => c.item[0].request.body.formdata[0];

describe("postman-codegen diff", () => {
  const dir = scratch("postman-codegen-diff-cli-");
  const before = writeCollection(seed(), dir, "before.json");
  const breaking = seed();
  action(breaking).description = action(breaking).description.replace(
    "one of activate,deactivate",
    "one of deactivate",
  );
  const after = writeCollection(breaking, dir, "after.json");
  const docs = seed();
  docs.item[0].request.description += " Edited.";
  const edited = writeCollection(docs, dir, "docs.json");

  it("prints { verdict, changes } with a config target's names, and exits 1 at --fail-on", async () => {
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [{ collection: "after.json", out: "out", name: "seed", names: { "Update user status": "setStatus" } }],
      }),
    );
    const result = await runCli(["diff", before, after, "--json", "--fail-on", "major", "--target", "seed"], dir);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      verdict: "major",
      changes: [
        {
          level: "major",
          kind: "enum-value-removed",
          operation: "client.setStatus",
          detail: 'argument `action`: value `"activate"` removed',
        },
      ],
    });
  });

  it("prints the verdict and each change, and exits 0 below --fail-on", async () => {
    const result = await runCli(["diff", before, edited, "--fail-on", "minor"], dir);
    expect(result).toMatchObject({
      code: 0,
      stdout: "patch API change: 1 docs\n  client.updateUserStatus\n    patch  descriptions changed\n",
    });
  });
});

describe("generate and API changes", () => {
  it("prints the verdict with --verbose and --json, fails --check only at --fail-on, and refuses --fail-on without --check", async () => {
    const dir = scratch("postman-codegen-generate-cli-");
    const collection = seed();
    writeCollection(collection, dir, "seed.json");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "seed.json", out: "out", name: "seed", version: "auto" }] }),
    );
    await generate(findConfig(dir).targets);
    collection.item[0].request.description += " Edited.";
    writeCollection(collection, dir, "seed.json");

    const check = await runCli(["generate", "--check", "--fail-on", "minor", "--json"], dir);
    expect(check.code).toBe(0);
    const target = (JSON.parse(check.stdout) as { targets: Array<Record<string, unknown>> }).targets[0]!;
    expect(target).toMatchObject({
      status: "drifted",
      version: "0.1.1",
      verdict: "patch",
      changes: [{ level: "patch", kind: "docs-changed", operation: "client.updateUserStatus" }],
    });
    expect(target["drift"]).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "CHANGELOG.md", change: "changed" })]),
    );

    const written = await runCli(["generate", "--verbose"], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(
      "seed: patch API change: 1 docs (version 0.1.1)\n  client.updateUserStatus\n    patch  descriptions changed\n",
    );

    // Up to date: the no-op path answers, with --fail-on too.
    expect(await runCli(["generate", "--check", "--fail-on=major", "--verbose"], dir)).toMatchObject({
      code: 0,
      stdout: "seed: up to date\n",
    });
    const usage = await runCli(["generate", "--fail-on", "major"], dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("--fail-on goes with --check");
  });
});
