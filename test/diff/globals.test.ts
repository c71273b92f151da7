// What a regeneration says when the values a globals file gives change: the globals' values, which
// the client takes where the collection gives a variable none (`fromGlobals`), are no values of
// the collection's.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareSurfaces } from "../../src/diff/compare.js";
import { readSurface } from "../../src/diff/surface.js";
import { scratch, surfaceOfFile, writeCollection } from "./helpers.js";

function project() {
  const dir = scratch();
  const globals = join(dir, "workspace.postman_globals.json");
  const surface = (region: string, tag: string) => {
    const collection = writeCollection(
      {
        info: { name: "Globals API", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        variable: [
          { key: "baseUrl", value: "https://api.example.com" },
          { key: "region", value: region },
        ],
        item: [
          { name: "List things", request: { method: "GET", url: "{{baseUrl}}/things?region={{region}}&tag={{tag}}" } },
        ],
      },
      dir,
    );
    writeFileSync(
      globals,
      JSON.stringify({
        name: "Globals",
        values: [{ key: "tag", value: tag, enabled: true }],
        _postman_variable_scope: "globals",
      }),
    );
    return surfaceOfFile(collection, { globals });
  };
  return surface;
}

describe("a variable's value from the globals", () => {
  it("changed is said of the globals, not of the collection; the collection's changed alone still of the collection", async () => {
    const surface = project();
    const before = await surface("eu", "red");
    const detail = async (region: string, tag: string) =>
      compareSurfaces(before, await surface(region, tag)).changes.map((c) => [c.level, c.kind, c.detail]);
    expect(await detail("eu", "blue")).toEqual([
      [
        "patch",
        "variable-value-changed",
        "the values of its variables changed, the globals' among them (where the collection gives none)",
      ],
    ]);
    expect(await detail("us", "red")).toEqual([
      ["patch", "variable-value-changed", "the collection's values of its variables changed"],
    ]);
    expect(await detail("us", "blue")).toEqual([
      [
        "patch",
        "variable-value-changed",
        "the values of its variables changed, the globals' among them (where the collection gives none)",
      ],
    ]);
    // Recorded in the manifest, and read back.
    expect(before.given?.globals).toMatch(/\S/);
    expect(readSurface(JSON.parse(JSON.stringify(before)))).toEqual(before);
  });
});
