// The project's own code has one formatting: prettier, with the options in src/.prettierrc.json
// (test/ and bench/ hold the same file: a config at the repository's root would also apply to
// generated/, whose files follow the emitted packages' own formatting). `npm run format` writes it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import prettier from "prettier";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers/seed.js";

const FOLDERS = ["src", "test", "bench"];
const CONFIG = ".prettierrc.json";

function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts|mjs)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((file) => !/[/\\]node_modules[/\\]/.test(relative(ROOT, file)))
    .sort();
}

describe("the project's own code", () => {
  it("has one prettier config, the same in each folder", () => {
    const configs = FOLDERS.map((folder) => readFileSync(join(ROOT, folder, CONFIG), "utf8"));
    expect(new Set(configs).size).toBe(1);
  });

  it.each(FOLDERS)(
    "is formatted by prettier in %s/",
    async (folder) => {
      const unformatted: string[] = [];
      for (const file of sources(folder)) {
        const options = await prettier.resolveConfig(file, { editorconfig: true });
        if (!(await prettier.check(readFileSync(file, "utf8"), { ...options, filepath: file })))
          unformatted.push(relative(ROOT, file));
      }
      expect(unformatted, "run `npm run format`").toEqual([]);
    },
    120_000,
  );
});
