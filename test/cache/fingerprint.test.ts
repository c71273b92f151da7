// The formatting part of the input hash against prettier itself: every config file prettier would
// take for an output is hashed, and a file it would not read (one of lower rank, or an
// .editorconfig beyond the project's root) leaves the hash, and so the committed manifests, alone.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import prettier from "prettier";
import { describe, expect, it } from "vitest";
import { formattingInputs, inputHash } from "../../src/cache/fingerprint.js";
import { SEED_COLLECTION } from "../helpers/seed.js";

const scratch = () => mkdtempSync(join(tmpdir(), "postman-codegen-fingerprint-"));

/** Every name prettier's documentation lists for a config file, in no particular order. */
const CONFIG_NAMES = [
  ".prettierrc.toml",
  "prettier.config.cts",
  ".prettierrc.cts",
  "prettier.config.cjs",
  ".prettierrc.cjs",
  "prettier.config.mts",
  ".prettierrc.mts",
  "prettier.config.mjs",
  ".prettierrc.mjs",
  "prettier.config.ts",
  ".prettierrc.ts",
  "prettier.config.js",
  ".prettierrc.js",
  ".prettierrc.json5",
  ".prettierrc.yaml",
  ".prettierrc.yml",
  ".prettierrc.json",
  ".prettierrc",
  "package.yaml",
  "package.json",
];

/** A config file whose text carries `marker`, in the form prettier's search accepts for its name. */
function configText(name: string, marker: string): string {
  if (name === "package.json") return JSON.stringify({ name: "app", prettier: { semi: false, [marker]: true } });
  if (name === "package.yaml") return `name: app\nprettier:\n  semi: false\n  ${marker}: true\n`;
  return `# ${marker}\n`;
}

/** The config file prettier takes for files in `dir`. */
const prettierPicks = (dir: string) => prettier.resolveConfigFile(join(dir, "index.ts"));

describe("the prettier config", () => {
  it.each(CONFIG_NAMES)("hashes %s where prettier takes it", async (name) => {
    const dir = scratch();
    const out = join(dir, "gen", "api");
    writeFileSync(join(dir, name), configText(name, "marker-of-the-config"));
    expect(await prettierPicks(out)).toBe(join(dir, name));
    expect(formattingInputs(out).join("\n")).toContain("marker-of-the-config");
  });

  it("hashes the one prettier takes, not the ones below it in rank or above it in the tree", async () => {
    const dir = scratch();
    const project = join(dir, "project");
    const out = join(project, "gen");
    mkdirSync(out, { recursive: true });
    writeFileSync(join(dir, ".prettierrc"), configText(".prettierrc", "marker-of-the-outer-config"));
    const left = new Map(CONFIG_NAMES.map((name, i) => [join(project, name), `marker-${i}-${name}`]));
    for (const [file, marker] of left) writeFileSync(file, configText(file.slice(project.length + 1), marker));
    while (left.size > 0) {
      const picked = await prettierPicks(out);
      const inputs = formattingInputs(out).join("\n");
      expect(picked).not.toBeNull();
      expect(inputs).toContain(left.get(picked!));
      // A package.yaml is hashed without knowing whether prettier takes it: the search goes on.
      if (!picked!.endsWith("package.yaml")) {
        for (const [file, marker] of left) if (file !== picked) expect(inputs, file).not.toContain(marker);
        expect(inputs).not.toContain("marker-of-the-outer-config");
      }
      rmSync(picked!);
      left.delete(picked!);
    }
    expect(await prettierPicks(out)).toBe(join(dir, ".prettierrc"));
    expect(formattingInputs(out).join("\n")).toContain("marker-of-the-outer-config");
  });

  it("passes over a package.json without a prettier value, as prettier does", async () => {
    const dir = scratch();
    const project = join(dir, "project");
    mkdirSync(project);
    writeFileSync(join(dir, ".prettierrc"), configText(".prettierrc", "marker-of-the-outer-config"));
    for (const text of ['{ "name": "app" }', '{ "name": "app", "prettier": null }', "not json", "\ufeff{}"]) {
      writeFileSync(join(project, "package.json"), text);
      expect(await prettierPicks(project)).toBe(join(dir, ".prettierrc"));
      expect(formattingInputs(project).join("\n")).toContain("marker-of-the-outer-config");
    }
  });
});

describe(".editorconfig", () => {
  /** An .editorconfig above a project folder that sets the indentation; which marker says where the root is. */
  function layout(marker: { name: string; folder: boolean } | undefined, inner?: string) {
    const dir = scratch();
    const project = join(dir, "project");
    const out = join(project, "gen", "api");
    mkdirSync(out, { recursive: true });
    writeFileSync(
      join(dir, ".editorconfig"),
      "# marker-of-the-outer-file\n[*]\nindent_style = space\nindent_size = 8\n",
    );
    if (marker?.folder) mkdirSync(join(project, marker.name));
    else if (marker) writeFileSync(join(project, marker.name), "gitdir: elsewhere\n");
    if (inner !== undefined) writeFileSync(join(project, ".editorconfig"), inner);
    return { dir, out };
  }

  /** Whether prettier applies the outer file's indentation to a file in `out`. */
  async function outerApplies(out: string): Promise<boolean> {
    const options = await prettier.resolveConfig(join(out, "index.ts"), { editorconfig: true, useCache: false });
    return options?.tabWidth === 8;
  }

  it.each([
    ["no project root", undefined],
    ["a .git folder", { name: ".git", folder: true }],
    ["a .git file (a worktree, a submodule)", { name: ".git", folder: false }],
    ["a .hg folder", { name: ".hg", folder: true }],
    ["a .hg file", { name: ".hg", folder: false }],
  ])("hashes the outer .editorconfig as prettier reads it, with %s", async (_case, marker) => {
    const { out } = layout(marker);
    expect(formattingInputs(out).join("\n").includes("marker-of-the-outer-file")).toBe(await outerApplies(out));
  });

  it.each([
    "root = true\n[*.md]\nindent_size = 3\n",
    "ROOT = TRUE\n[*.md]\nindent_size = 3\n",
    "root = false\n[*.md]\nindent_size = 3\n",
    "root =\n[*.md]\nindent_size = 3\n",
    "root = null\n",
    "root = 0\n",
    "root = true\nRoot = false\n",
    "root = true\n[root]\nindent_size = 3\n",
    "root = true\nthis line is not ini\n",
    "root = true\n[*.md\n",
    "; comment\n\n  root = true  \n",
    "[*]\nroot = true\n",
  ])("stops where prettier stops: inner file %j", async (inner) => {
    const { out } = layout(undefined, inner);
    const inputs = formattingInputs(out).join("\n");
    expect(inputs).toContain(inner);
    expect(inputs.includes("marker-of-the-outer-file")).toBe(await outerApplies(out));
  });

  it("keeps the input hash of a project under git when an .editorconfig beyond it changes", () => {
    const { dir, out } = layout({ name: ".git", folder: true });
    const target = { collection: SEED_COLLECTION, out, name: "api" };
    const before = inputHash(target, undefined);
    writeFileSync(join(dir, ".editorconfig"), "root = true\n[*]\nindent_style = tab\n");
    expect(inputHash(target, undefined)).toBe(before);
  });
});
