// The command line: `postman-codegen diff`, and what `generate` prints of an API change
// (--verbose, --json, --check --fail-on).
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import { generate } from "../../src/generate.js";
import { runCli } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/seed.js";
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

describe("a target the config has not", () => {
  it("is said alike by diff --target and mock, with the one meant", async () => {
    const dir = scratch("postman-codegen-diff-cli-");
    const collection = writeCollection(seed(), dir, "seed.json");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "seed.json", out: "out", name: "seed" }] }),
    );
    // One wording from one place (noTargetNamed in src/config.ts): the two commands said it two ways.
    const said = `no target is named "sed" (did you mean seed?); the targets are seed`;
    const diff = await runCli(["diff", collection, collection, "--target", "sed"], dir);
    const mock = await runCli(["mock", "sed"], dir);
    for (const result of [diff, mock]) {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(`postman-codegen.config.json at targets: ${said}`);
    }
  });
});

describe("postman-codegen diff of a rewritten type", () => {
  it("names its first members in the printed line and all of them in --json", async () => {
    const dir = scratch("postman-codegen-diff-cli-");
    const fields = Array.from({ length: 20 }, (_, i) => `field${i}`);
    const answering = (value: unknown): string => {
      const collection = seed();
      const ok = collection.item[0].response.find((r: Json) => r.code === 200);
      ok.body = JSON.stringify(Object.fromEntries(fields.map((f) => [f, value])));
      ok.header = [{ key: "Content-Type", value: "application/json" }];
      return writeCollection(collection, dir, `answers-${typeof value}.json`);
    };
    const [numbers, strings] = [answering(1), answering("one")];
    const json = JSON.parse((await runCli(["diff", numbers, strings, "--json"], dir)).stdout);
    const change = json.changes.find((c: Json) => c.kind === "result-type-changed");
    expect(change.members).toEqual(fields.map((path) => ({ path, change: "`number` → `string`", level: "major" })));
    const printed = await runCli(["diff", numbers, strings], dir);
    const line = printed.stdout.split("\n").find((l) => l.includes("result type of 200 (from examples only) changed"))!;
    expect(line).toMatch(/`field4`: `number` → `string` \(major\); and 15 more$/);
    expect(line).not.toContain("field5");
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

describe("postman-codegen diff --target, without two collections", () => {
  // A target with an environment: the API its output recorded holds the environment's, so the
  // collection as it is now is loaded with it, as a regeneration loads it.
  const project = () => {
    const dir = scratch("postman-codegen-diff-target-");
    for (const file of ["env-api.postman_collection.json", "staging.postman_environment.json"])
      copyFileSync(`${FIXTURES}environments/${file}`, join(dir, file));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          {
            collection: "env-api.postman_collection.json",
            out: "out",
            name: "env-api",
            environments: { staging: "staging.postman_environment.json" },
          },
        ],
      }),
    );
    return dir;
  };

  it("compares the target's output as generated with its collection now, or with the one named", async () => {
    const dir = project();
    const file = join(dir, "env-api.postman_collection.json");
    const original = readFileSync(file, "utf8");
    writeFileSync(join(dir, "before.json"), original);
    await generate(findConfig(dir).targets);
    for (const args of [["diff", "--target", "env-api"], ["diff"]])
      expect(await runCli(args, dir)).toMatchObject({ code: 0, stdout: "no API change\n", stderr: "" });

    // A request removed: what generate --check says of the change, diff --target says.
    const collection = JSON.parse(original) as Json;
    collection.item = collection.item.filter((i: Json) => i.name !== "Ping");
    writeFileSync(file, JSON.stringify(collection));
    const check = JSON.parse((await runCli(["generate", "--check", "--json"], dir)).stdout) as {
      targets: Array<{ verdict: string; changes: unknown[] }>;
    };
    expect(check.targets[0]).toMatchObject({
      verdict: "major",
      changes: expect.arrayContaining([
        expect.objectContaining({ kind: "operation-removed", operation: "client.ping" }),
      ]),
    });
    const diff = await runCli(["diff", "--target", "env-api", "--json", "--fail-on", "major"], dir);
    expect(diff.code).toBe(1);
    expect(JSON.parse(diff.stdout)).toEqual({ verdict: "major", changes: check.targets[0]!.changes });

    // A collection named: compared with the output instead of the target's own.
    expect(await runCli(["diff", "--target", "env-api", "before.json"], dir)).toMatchObject({
      code: 0,
      stdout: "no API change\n",
    });
  });

  it("says what it needs without a target, and which file lacks an output", async () => {
    const dir = scratch("postman-codegen-diff-usage-");
    const needs = (given: string) =>
      `error: command line: diff compares two collections (diff <old> <new>) or a target's output with its collection (diff --target <name> [<new>]): ${given}`;
    expect(await runCli(["diff"], dir)).toMatchObject({
      code: 2,
      stdout: "",
      stderr: `${needs("no collection was given")}, and no config was found\n`,
    });
    expect(await runCli(["diff", "a.json"], dir)).toMatchObject({
      code: 2,
      stderr: `${needs("one collection was given")}, and no config was found\n`,
    });
    writeCollection(seed(), dir, "seed.json");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({
        targets: [
          { collection: "seed.json", out: "a", name: "a" },
          { collection: "seed.json", out: "b", name: "b" },
        ],
      }),
    );
    expect(await runCli(["diff", "seed.json"], dir)).toMatchObject({
      code: 2,
      stderr: `${needs("one collection was given")}, and postman-codegen.config.json has several targets (a, b): name one with --target\n`,
    });
    expect(await runCli(["diff", "--target", "a"], dir)).toMatchObject({
      code: 1,
      stderr: `error: ${join("a", ".postman-codegen.json")}: no output to compare with: run postman-codegen generate first, or name the old collection: diff <old> <new>\n`,
    });
  });
});

describe("a target whose version is fixed", () => {
  it("says that a change kept its version, and how to have it raised", async () => {
    const dir = scratch("postman-codegen-kept-version-");
    const collection = seed();
    writeCollection(collection, dir, "seed.json");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "seed.json", out: "out", name: "seed", version: "0.1.0" }] }),
    );
    await generate(findConfig(dir).targets);
    action(collection).description = action(collection).description.replace(
      "one of activate,deactivate",
      "one of deactivate",
    );
    writeCollection(collection, dir, "seed.json");
    const line = 'seed: major API change: 1 breaking (version 0.1.0, not raised: version "auto" raises it)\n';
    const check = await runCli(["generate", "--check"], dir);
    expect(check.stdout).toContain(line);
    const written = await runCli(["generate"], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain(line);
    expect(JSON.parse(readFileSync(join(dir, "out/package.json"), "utf8"))).toMatchObject({ version: "0.1.0" });
  });
});

describe("a config target with no version", () => {
  it('raises the version by the API change, as version "auto" does, and is up to date when nothing changed', async () => {
    const dir = scratch("postman-codegen-config-no-version-");
    const collection = seed();
    collection.item.push({ name: "Get user", request: { method: "GET", url: "https://api.zoom.us/v2/users/me" } });
    writeCollection(collection, dir, "seed.json");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "seed.json", out: "out", name: "seed" }] }),
    );
    const read = (file: string) => readFileSync(join(dir, "out", file), "utf8");
    const version = () => (JSON.parse(read("package.json")) as { version: string }).version;
    expect((await runCli(["generate"], dir)).code).toBe(0);
    expect(version()).toBe("0.1.0");
    // Nothing changed: the no-op path and --check both find it up to date, and nothing is written.
    const manifest = read(".postman-codegen.json");
    expect(await runCli(["generate", "--check"], dir)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    expect(await runCli(["generate"], dir)).toMatchObject({ code: 0, stdout: "seed: up to date\n" });
    expect(read(".postman-codegen.json")).toBe(manifest);

    // A request removed: breaking, which below 1.0.0 raises the minor, under an entry of its own.
    collection.item.pop();
    writeCollection(collection, dir, "seed.json");
    const written = await runCli(["generate"], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain("seed: major API change: 1 breaking (version 0.2.0)\n");
    expect(version()).toBe("0.2.0");
    expect(read("CHANGELOG.md")).toContain(
      [
        "## 0.2.0",
        "### Breaking",
        "- `client.getUser`: GET `https://api.zoom.us/v2/users/me` removed",
        "## 0.1.0",
        "First generation: 2 operations.",
      ].join("\n\n"),
    );
  });
});

describe("generate <collection> without a config", () => {
  it('raises the version the output has by the API change, as version "auto" does; --package-version fixes it', async () => {
    const dir = scratch("postman-codegen-no-config-version-");
    const collection = seed();
    writeCollection(collection, dir, "seed.json");
    const version = () =>
      (JSON.parse(readFileSync(join(dir, "out/package.json"), "utf8")) as { version: string }).version;
    expect((await runCli(["generate", "seed.json", "--out", "out"], dir)).code).toBe(0);
    expect(version()).toBe("0.1.0");
    action(collection).description = action(collection).description.replace(
      "one of activate,deactivate",
      "one of deactivate",
    );
    writeCollection(collection, dir, "seed.json");
    // Breaking, below 1.0.0: the minor.
    const breaking = await runCli(["generate", "seed.json", "--out", "out"], dir);
    expect(breaking.code).toBe(0);
    expect(breaking.stdout).toContain("seed: major API change: 1 breaking (version 0.2.0)\n");
    expect(version()).toBe("0.2.0");
    // A version given on the command line is the package's; a run without one goes on from it,
    // never back to 0.1.0.
    expect((await runCli(["generate", "seed.json", "--out", "out", "--package-version", "2.0.0"], dir)).code).toBe(0);
    expect(version()).toBe("2.0.0");
    collection.item[0].request.description += " Edited.";
    writeCollection(collection, dir, "seed.json");
    expect((await runCli(["generate", "seed.json", "--out", "out"], dir)).code).toBe(0);
    expect(version()).toBe("2.0.1");
  });
});

describe("text from a collection that would drive a terminal", () => {
  // A variable and a request whose names and path carry escape sequences (a new window title, a
  // cleared screen, red), a C1 control and the marks that reorder text.
  const codes = "\u001b]0;OWNED\u0007\u001b[2J\u001b[31m\u009b31m\u202e\u2066evil\u2069";
  const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const hostile = () => {
    const collection = seed();
    collection.variable = [...(collection.variable ?? []), { key: `a${codes}X`, value: "1" }];
    collection.item.push({
      name: `n${codes}RED`,
      request: { method: `GET`, url: `https://api.example.com/${codes}/y` },
    });
    return collection;
  };

  it("is left out of diff's lines, and of --json's texts", async () => {
    const dir = scratch("postman-codegen-diff-codes-");
    const before = writeCollection(seed(), dir, "before.json");
    const after = writeCollection(hostile(), dir, "after.json");
    const text = await runCli(["diff", before, after], dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("]0;OWNED[2J[31m31mevil");
    expect(text.stdout).not.toMatch(UNPRINTABLE);
    const json = await runCli(["diff", before, after, "--json"], dir);
    const changes = (JSON.parse(json.stdout) as { changes: Array<{ operation?: string; detail: string }> }).changes;
    expect(changes.length).toBeGreaterThan(1);
    for (const change of changes) expect(`${change.operation ?? ""} ${change.detail}`).not.toMatch(UNPRINTABLE);
  });

  it("is left out of generate --verbose and of CHANGELOG.md", async () => {
    const dir = scratch("postman-codegen-generate-codes-");
    writeCollection(seed(), dir, "api.json");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "api.json", out: "out", name: "api", version: "auto" }] }),
    );
    await generate(findConfig(dir).targets);
    writeCollection(hostile(), dir, "api.json");
    const written = await runCli(["generate", "--verbose"], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain("minor API change");
    expect(written.stdout).toContain("]0;OWNED[2J[31m31mevil");
    expect(written.stdout).not.toMatch(UNPRINTABLE);
    const changelog = readFileSync(join(dir, "out", "CHANGELOG.md"), "utf8");
    expect(changelog).toContain("]0;OWNED[2J[31m31mevil");
    expect(changelog).not.toMatch(UNPRINTABLE);
  });
});
