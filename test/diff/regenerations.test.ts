// Successive regenerations of one output: the surface recorded in the manifest, the verdict on
// each change, `version: "auto"`, CHANGELOG.md kept newest first, --check with failOn, and
// outputs of a generator that recorded no surface.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandLineTarget, findConfig, type Target } from "../../src/config.js";
import { generate, loadTarget } from "../../src/generate.js";
import { CHANGELOG_FILE } from "../../src/diff/changelog.js";
import { packageSurface, readSurface } from "../../src/diff/surface.js";
import { MANIFEST_FILE, readManifest } from "../../src/cache/manifest.js";
import { CodegenError } from "../../src/errors.js";
import { SEED_COLLECTION } from "../helpers/seed.js";
import { scratch, seed, writeCollection, type Json } from "./helpers.js";

/** A project with the seed collection and a config target with `version: "auto"`. */
function project(): { dir: string; target: Target; edit: (change: (c: Json) => void) => void } {
  const dir = scratch("postman-codegen-regen-");
  const collection = seed();
  writeCollection(collection, dir, "seed.postman_collection.json");
  writeFileSync(
    join(dir, "postman-codegen.config.json"),
    JSON.stringify({
      targets: [{ collection: "seed.postman_collection.json", out: "out", name: "seed", version: "auto" }],
    }),
  );
  return {
    dir,
    target: findConfig(dir).targets[0]!,
    edit: (change) => {
      change(collection);
      writeCollection(collection, dir, "seed.postman_collection.json");
    },
  };
}

const action = (c: Json): Json => c.item[0].request.body.formdata[0];
const read = (dir: string, file: string) => readFileSync(join(dir, "out", file), "utf8");
const packageVersion = (dir: string) => (JSON.parse(read(dir, "package.json")) as { version: string }).version;

describe("regenerations", () => {
  it("version and changelog across three successive regenerations", async () => {
    const { dir, target, edit } = project();
    const first = (await generate([target])).targets[0]!;
    expect(first.api).toEqual({ verdict: "initial", changes: [], version: "0.1.0" });
    expect(packageVersion(dir)).toBe("0.1.0");

    // An enum value added: minor, which below 1.0.0 raises the patch.
    edit(
      (c) =>
        (action(c).description = action(c).description.replace(
          "one of activate,deactivate",
          "one of activate,deactivate,suspend",
        )),
    );
    const second = (await generate([target])).targets[0]!;
    expect(second.api).toEqual({
      verdict: "minor",
      changes: [
        {
          level: "minor",
          kind: "enum-value-added",
          operation: "client.updateUserStatus",
          detail: 'argument `action`: value `"suspend"` added',
        },
      ],
      version: "0.1.1",
    });

    // An enum value removed: breaking, which below 1.0.0 raises the minor.
    edit(
      (c) =>
        (action(c).description = action(c).description.replace(
          "one of activate,deactivate,suspend",
          "one of deactivate,suspend",
        )),
    );
    const third = (await generate([target])).targets[0]!;
    expect(third.api).toMatchObject({ verdict: "major", version: "0.2.0" });
    expect(packageVersion(dir)).toBe("0.2.0");
    expect(readManifest(target.out)!.version).toBe("0.2.0");
    // No date or time anywhere: the same bytes on any machine.
    expect(read(dir, CHANGELOG_FILE)).toBe(
      [
        "# Changelog",
        "What each regeneration by postman-codegen changed in this client's public API, newest first. Breaking changes call for a new major version (a new minor one below 1.0.0).",
        "## 0.2.0",
        "### Breaking",
        '- `client.updateUserStatus`: argument `action`: value `"activate"` removed',
        "## 0.1.1",
        "### Added",
        '- `client.updateUserStatus`: argument `action`: value `"suspend"` added',
        "## 0.1.0",
        "First generation: 1 operation.\n",
      ].join("\n\n"),
    );
    expect(Object.keys(readManifest(target.out)!.files)).toContain(CHANGELOG_FILE);

    // Regenerating an unchanged collection changes nothing: no entry, the same version.
    const changelog = read(dir, CHANGELOG_FILE);
    const again = (await generate([target], { force: true })).targets[0]!;
    expect(again.api).toEqual({ verdict: "none", changes: [], version: "0.2.0" });
    expect(read(dir, CHANGELOG_FILE)).toBe(changelog);
    expect((await generate([target], { check: true })).ok).toBe(true);
  });

  it("numbers a return to an earlier API as a new version, raised by what the return itself changes", async () => {
    // Compared with the last output, not with the earlier one: that version may have been published
    // since, and versions only go up. Going back re-adds what the last removed (minor) or removes
    // what it added (major).
    const { dir, target, edit } = project();
    const original = action(seed()).description as string;
    const values = (list: string) =>
      edit((c) => (action(c).description = original.replace("activate,deactivate", list)));
    await generate([{ ...target, version: "1.0.0" }]);
    const regenerate = async () => {
      const { api } = (await generate([target])).targets[0]!;
      expect(packageVersion(dir)).toBe(api.version);
      return [api.verdict, api.changes.map((change) => change.kind), api.version];
    };
    values("deactivate");
    expect(await regenerate()).toEqual(["major", ["enum-value-removed"], "2.0.0"]);
    values("activate,deactivate");
    expect(await regenerate()).toEqual(["minor", ["enum-value-added"], "2.1.0"]);
    values("activate,deactivate,suspend");
    expect(await regenerate()).toEqual(["minor", ["enum-value-added"], "2.2.0"]);
    values("activate,deactivate");
    expect(await regenerate()).toEqual(["major", ["enum-value-removed"], "3.0.0"]);
    expect(read(dir, CHANGELOG_FILE).match(/^## .*$/gm)).toEqual([
      "## 3.0.0",
      "## 2.2.0",
      "## 2.1.0",
      "## 2.0.0",
      "## 1.0.0",
    ]);
  });

  it("compares the names the client exports beside its operations, read from what was emitted", async () => {
    // Without its rate-limit label the seed's client no longer exports the RateLimitLabel type,
    // which only what was emitted tells (the model tells the operation's label removed).
    const { dir, target, edit } = project();
    await generate([target]);
    edit(
      (c) =>
        (c.item[0].request.description = c.item[0].request.description.replace(
          /<br>\*\*\[Rate Limit Label\][^\n]*$/,
          "",
        )),
    );
    const result = (await generate([target])).targets[0]!;
    expect(result.api).toEqual({
      verdict: "major",
      changes: [
        { level: "major", kind: "export-removed", detail: "export `RateLimitLabel` removed" },
        {
          level: "major",
          kind: "rate-limit-changed",
          operation: "client.updateUserStatus",
          detail:
            "rate-limit label `Light` removed: its metadata has no `rateLimit` any more, and code that reads it does not compile",
        },
      ],
      version: "0.2.0",
    });
    expect(packageVersion(dir)).toBe("0.2.0");
  });

  it("records the surface in the manifest, one operation to a line, as the model gives it", async () => {
    const { dir, target } = project();
    await generate([target]);
    const text = read(dir, MANIFEST_FILE);
    expect(text).toMatch(
      /\n {4}"operations": \[\n {6}\{"op":"client\.updateUserStatus","export":"updateUserStatus","name":"updateUserStatus","method":"PUT",[^\n]*\}\n {4}\]\n {2}\}\n\}\n$/,
    );
    const recorded = readSurface(readManifest(target.out)!.surface)!;
    expect(recorded).toEqual(packageSurface(await loadTarget(target)));
    const { exports } = recorded;
    expect(exports).toEqual(expect.arrayContaining(["Client", "createClient", "Variables", "ApiError", "toFile"]));
    expect(exports).not.toContain("updateUserStatus");
  });

  it("reports no `Text` added to a package without text arguments whose manifest an older generator wrote", async () => {
    // Older generators exported `Text` only where some argument took plain text; every package
    // exports it now, which is no change of its API.
    const { dir, target, edit } = project();
    edit((c) => (c.item[0].request = { method: "GET", url: "{{baseUrl}}/ping", description: "Ping." }));
    await generate([target]);
    const manifest = readManifest(target.out)!;
    const recorded = manifest.surface as { exports: string[]; types: Record<string, string> };
    expect(recorded.exports).toContain("Text");
    recorded.exports = recorded.exports.filter((name) => name !== "Text");
    delete recorded.types["Text"];
    writeFileSync(join(dir, "out", MANIFEST_FILE), JSON.stringify(manifest));
    edit((c) => (c.item[0].request.description = "Ping the API."));
    const result = (await generate([target])).targets[0]!;
    expect(result.api.changes.map((change) => change.kind)).toEqual(["docs-changed"]);
  });

  it("says a test script added as a script, not as a description changed", async () => {
    const { dir, target, edit } = project();
    await generate([target]);
    const script = { listen: "test", script: { exec: ["pm.test('ok', () => pm.response.to.have.status(200));"] } };
    edit((c) => (c.item[0].event = [script]));
    const result = (await generate([target])).targets[0]!;
    expect(result.api.changes.map((change) => [change.kind, change.detail])).toEqual([
      ["scripts-changed", "Postman scripts changed: the client does not run them; its docs list them"],
    ]);
    expect(read(dir, CHANGELOG_FILE)).toContain("Postman scripts changed");
    expect(read(dir, CHANGELOG_FILE)).not.toContain("descriptions changed");
    // A manifest of an older generator, with one digest of both, is compared as before.
    const manifest = readManifest(target.out)!;
    for (const op of (manifest.surface as { operations: Json[] }).operations) delete op.notes;
    writeFileSync(join(dir, "out", MANIFEST_FILE), JSON.stringify(manifest));
    edit((c) => delete c.item[0].event);
    const older = (await generate([target])).targets[0]!;
    expect(older.api.changes.map((change) => change.kind)).toEqual(["docs-changed"]);
  });

  it("fails --check only at or above failOn, and says what the change is", async () => {
    const { target, edit } = project();
    await generate([target]);
    edit((c) => (c.item[0].request.description += " Edited."));
    const check = async (failOn?: "major" | "minor" | "patch") => {
      const result = await generate([target], { check: true, ...(failOn ? { failOn } : {}) });
      return [result.ok, result.targets[0]!.status, result.targets[0]!.api.verdict];
    };
    expect(await check()).toEqual([false, "drifted", "patch"]);
    expect(await check("minor")).toEqual([true, "drifted", "patch"]);
    expect(await check("patch")).toEqual([false, "drifted", "patch"]);
  });

  it("takes an output whose manifest has no surface (an older generator) for a first generation", async () => {
    const { dir, target, edit } = project();
    await generate([{ ...target, version: "1.4.0" }]);
    const manifest = readManifest(target.out)!;
    const { surface: _surface, version: _version, ...older } = manifest;
    delete older.files[CHANGELOG_FILE];
    rmSync(join(dir, "out", CHANGELOG_FILE));
    writeFileSync(join(dir, "out", MANIFEST_FILE), JSON.stringify(older));
    edit((c) => (c.item[0].request.method = "POST"));
    const result = (await generate([target])).targets[0]!;
    expect(result.api).toEqual({ verdict: "initial", changes: [], version: "1.4.0" });
    expect(read(dir, CHANGELOG_FILE)).toContain(
      "## 1.4.0\n\nAPI first recorded: 1 operation (the output was written by a generator that did not record it; earlier changes are not listed).\n",
    );
  });

  it("refuses a released package whose manifest cannot be read (a merge conflict); --force takes the change as breaking", async () => {
    const { dir, target, edit } = project();
    await generate([target]);
    const enumValues = (values: string) => (c: Json) =>
      (action(c).description = action(c).description.replace(/one of [a-z,]+/, `one of ${values}`));
    edit(enumValues("activate"));
    await generate([target]);
    expect(packageVersion(dir)).toBe("0.2.0");
    const released = read(dir, CHANGELOG_FILE);

    // Released; then a merge leaves its markers in the manifest, and the collection drops a value.
    edit(enumValues("deactivate"));
    const file = join(dir, "out", MANIFEST_FILE);
    const lines = read(dir, MANIFEST_FILE).split("\n");
    lines.splice(2, 0, "<<<<<<< HEAD");
    writeFileSync(file, lines.join("\n"));
    const conflicted = read(dir, MANIFEST_FILE);
    await expect(generate([target])).rejects.toThrow(
      `${file} at line 3: it holds a merge conflict's markers. The file records the API this regeneration compares with, which decides the version (\`version: "auto"\`) and the entry of CHANGELOG.md: restore it from version control (after a merge conflict, either side's version of the file will do) and run again, or run with --force to regenerate without it, the API change then taken as breaking`,
    );
    await expect(generate([target], { check: true })).rejects.toThrow(CodegenError);
    // Nothing written, nothing merged into the released entry.
    expect([read(dir, MANIFEST_FILE), read(dir, CHANGELOG_FILE), packageVersion(dir)]).toEqual([
      conflicted,
      released,
      "0.2.0",
    ]);

    const forced = (await generate([target], { force: true })).targets[0]!;
    expect(forced.api).toEqual({
      verdict: "major",
      changes: [
        {
          level: "major",
          kind: "api-not-compared",
          detail:
            "the API recorded in `.postman-codegen.json` could not be read (it holds a merge conflict's markers), so what changed is not known: taken as breaking",
        },
      ],
      version: "0.3.0",
    });
    expect(packageVersion(dir)).toBe("0.3.0");
    expect(read(dir, CHANGELOG_FILE)).toBe(
      released.replace("## 0.2.0", `## 0.3.0\n\n### Breaking\n\n- ${forced.api.changes[0]!.detail}\n\n## 0.2.0`),
    );
    // The manifest is whole again: the next change is compared.
    edit(enumValues("activate,deactivate"));
    expect((await generate([target])).targets[0]!.api).toMatchObject({ verdict: "minor", version: "0.3.1" });
  });

  it("refuses a manifest that is not one, or whose API another version of the generator recorded", async () => {
    const { dir, target, edit } = project();
    await generate([target]);
    // A change to regenerate (an output that is up to date is not read beyond the manifest's head).
    edit((c) => (c.item[0].request.description += " Edited."));
    const file = join(dir, "out", MANIFEST_FILE);
    const manifest = JSON.parse(read(dir, MANIFEST_FILE)) as Json;
    writeFileSync(file, JSON.stringify({ ...manifest, surface: { ...manifest.surface, format: 2 } }));
    await expect(generate([target])).rejects.toThrow(
      `${file} at surface.format: its API is recorded in format 2, and this version of postman-codegen reads format 1 (another version wrote it). The file records`,
    );
    writeFileSync(file, JSON.stringify({ ...manifest, surface: { ...manifest.surface, operations: [{}] } }));
    await expect(generate([target])).rejects.toThrow(`${file} at surface: the API it records is not whole`);
    const { surface: _surface, ...withoutSurface } = manifest;
    writeFileSync(file, JSON.stringify(withoutSurface));
    await expect(generate([target])).rejects.toThrow(
      `${file} at surface: it records no API, though it lists CHANGELOG.md. The file records`,
    );
    writeFileSync(file, "[]");
    await expect(generate([target])).rejects.toThrow(
      `${file}: it is not a manifest postman-codegen wrote (its generator, input or files are missing). The file records`,
    );
    writeFileSync(file, '{ "generator": ');
    await expect(generate([target])).rejects.toThrow(`${file} at line 1, column 16: not valid JSON: `);
    // Without a package in the folder there is nothing to lose: a first generation.
    rmSync(join(dir, "out"), { recursive: true });
    mkdirSync(join(dir, "out"));
    writeFileSync(file, "<<<<<<< HEAD\n");
    expect((await generate([target])).targets[0]!.api.verdict).toBe("initial");
  });

  it("refuses to write CHANGELOG.md anew when it was deleted; --force starts a new one, with a warning", async () => {
    const { dir, target, edit } = project();
    await generate([target]);
    edit((c) => (c.item[0].request.description += " Edited."));
    await generate([target]);
    const history = read(dir, CHANGELOG_FILE);
    expect(history).toContain("## 0.1.1");
    rmSync(join(dir, "out", CHANGELOG_FILE));
    const file = join(dir, "out", CHANGELOG_FILE);
    const refusal = `${file}: deleted, and the package's history of API changes, which this regeneration adds an entry to, went with it: restore it from version control and run again, or run with --force to start a new one`;
    await expect(generate([target])).rejects.toThrow(refusal);
    expect(existsSync(file)).toBe(false);
    // Restored, it is added to as before.
    writeFileSync(file, history);
    edit((c) => (c.item[0].request.description += " Again."));
    await generate([target]);
    expect(read(dir, CHANGELOG_FILE)).toMatch(/^# Changelog\n[^]*\n## 0\.1\.2\n[^]*\n## 0\.1\.1\n[^]*\n## 0\.1\.0\n/);

    rmSync(file);
    const forced = (await generate([target], { force: true })).targets[0]!;
    expect(forced.warnings).toEqual([
      {
        source: CHANGELOG_FILE,
        file: target.out,
        message: "missing: a new one was started (--force), without the entries the old one had",
      },
    ]);
    expect(read(dir, CHANGELOG_FILE)).not.toContain("## 0.1.1");
  });

  it('takes "auto" for a version from the config and the command line, and names it when refusing a version', () => {
    expect(commandLineTarget(SEED_COLLECTION, "out", "seed", "auto").version).toBe("auto");
    expect(() => commandLineTarget(SEED_COLLECTION, "out", "seed", "automatic")).toThrow(
      /at --package-version: "automatic" is not a semantic version .*, or "auto"$/,
    );
    const dir = scratch("postman-codegen-auto-");
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "c.json", out: "o", version: "Auto" }] }),
    );
    expect(() => findConfig(dir)).toThrow(/at targets\[0\]\.version: "Auto" is not a semantic version .*, or "auto"$/);
  });
});
