// Successive regenerations of one output: the surface recorded in the manifest, the verdict on
// each change, `version: "auto"`, CHANGELOG.md kept newest first, --check with failOn, and
// outputs of a generator that recorded no surface.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandLineTarget, findConfig, type Target } from "../../src/config.js";
import { generate, loadTarget } from "../../src/generate.js";
import { CHANGELOG_FILE } from "../../src/diff/changelog.js";
import { readSurface, surfaceOf } from "../../src/diff/surface.js";
import { MANIFEST_FILE, readManifest } from "../../src/cache/manifest.js";
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

  it("compares the names the client exports beside its operations, read from what was emitted", async () => {
    // Without its rate-limit label the seed's client no longer exports the RateLimitLabel type:
    // breaking, though the model alone says patch (a description), so the version is settled
    // after emitting.
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
        { level: "patch", kind: "docs-changed", operation: "client.updateUserStatus", detail: "descriptions changed" },
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
      /\n {4}"operations": \[\n {6}\{"op":"client\.updateUserStatus","export":"updateUserStatus","method":"PUT",[^\n]*\}\n {4}\]\n {2}\}\n\}\n$/,
    );
    const { exports, ...recorded } = readSurface(readManifest(target.out)!.surface)!;
    expect(recorded).toEqual(surfaceOf(await loadTarget(target)));
    expect(exports).toEqual(expect.arrayContaining(["Client", "createClient", "Variables", "ApiError", "toFile"]));
    expect(exports).not.toContain("updateUserStatus");
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
