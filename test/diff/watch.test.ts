// `generate --watch` reports an API change as `generate` does: the verdict with the package's
// version after each regeneration that changed the API, and each change with `verbose`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import { watch } from "../../src/watch.js";
import { scratch, seed, writeCollection } from "./helpers.js";

describe("generate --watch", () => {
  it("prints the verdict of each regeneration, and the changes with verbose", async () => {
    const dir = scratch("postman-codegen-watch-");
    const collection = writeCollection(seed(), dir, "seed.postman_collection.json", 2);
    const lines: string[] = [];
    const stop = new AbortController();
    const waitFor = async (count: number) => {
      for (let i = 0; i < 300 && lines.filter((l) => l.includes("regenerated")).length < count; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(lines.filter((l) => l.includes("regenerated"))).toHaveLength(count);
    };
    const watching = watch([{ collection, out: join(dir, "out"), name: "seed", version: "auto" }], {
      report: (line) => lines.push(line),
      verbose: true,
      debounceMs: 20,
      signal: stop.signal,
    });
    try {
      await waitFor(1);
      writeFileSync(
        collection,
        readFileSync(collection, "utf8").replace('"name": "Update user status"', '"name": "Change user status"'),
      );
      await waitFor(2);
    } finally {
      stop.abort();
      await watching;
    }
    const second = lines.slice(lines.findLastIndex((l) => l.includes("regenerated")) + 1);
    expect(second).toEqual([
      "seed: major API change: 1 breaking (version 0.2.0)",
      "  client.updateUserStatus",
      "    major  renamed to `client.changeUserStatus`, its standalone function and types to `changeUserStatus`",
    ]);
  }, 60_000);

  it("names the target an error is about by its place in the config", async () => {
    const dir = scratch("postman-codegen-watch-");
    writeCollection(seed(), dir, "seed.postman_collection.json");
    const configFile = join(dir, "postman-codegen.config.json");
    const target = (name: string) => ({ collection: "seed.postman_collection.json", out: name, name });
    writeFileSync(configFile, JSON.stringify({ targets: [target("a"), { ...target("b"), include: ["nope"] }] }));
    const lines: string[] = [];
    const stop = new AbortController();
    const watching = watch(findConfig(dir).targets, {
      configFile,
      report: (line) => lines.push(line),
      debounceMs: 20,
      signal: stop.signal,
    });
    try {
      for (let i = 0; i < 300 && !lines.some((l) => l.startsWith("b: ")); i++)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      stop.abort();
      await watching;
    }
    expect(lines.find((l) => l.startsWith("b: "))).toMatch(
      /^b: error: .*postman-codegen\.config\.json at targets\[1\]\.include\[0\]: no request of seed\.postman_collection\.json is under "nope" /,
    );
  }, 60_000);
});
