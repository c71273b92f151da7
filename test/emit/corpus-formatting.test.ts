// Real collections (the corpus in test/fixtures/collections) hold markdown and names of every kind:
// each emitted package's files must be what prettier makes of them, as the generator writes them
// without prettier (the printers in src/emit/printer/). test/generated-packages.test.ts checks the
// committed packages the same way.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { formatOnce } from "../helpers/format-once.js";
import { FIXTURES } from "../helpers/seed.js";

const dir = join(FIXTURES, "collections");
const collections = readdirSync(dir).filter(
  (name) => name.endsWith(".postman_collection.json") && !name.includes("-v1"),
);

describe.each(collections)("%s", (name) => {
  it("emits files prettier leaves as they are", { timeout: 300_000 }, async () => {
    const { files } = await emitTarget(
      { collection: join(dir, name), out: join(tmpdir(), "postman-codegen-corpus-formatting", name), name: "corpus" },
      { cache: false },
    );
    const checked = [...files].filter(
      ([path]) => /\.(ts|md|json)$/.test(path) && !path.startsWith("dist/") && !path.startsWith("."),
    );
    expect(checked.length).toBeGreaterThan(5);
    const unstable: string[] = [];
    for (const [path, text] of checked) {
      const formatted = await formatOnce(path, text);
      if (formatted !== text) {
        const a = text.split("\n");
        const b = formatted.split("\n");
        let line = 0;
        while (a[line] === b[line]) line++;
        unstable.push(`${path}:${line + 1}: ${JSON.stringify(a[line])} → ${JSON.stringify(b[line])}`);
      }
    }
    expect(unstable).toEqual([]);
  });
});
