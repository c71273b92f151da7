// What the command's help calls required is what the types require and what is refused before
// anything is sent. Twitter Ads writes "required" as the whole description of its query
// parameters: the help showed the word under the flag, the types made the parameter optional
// (`end_time?`), and `--dry-run` without it exited 0 as a real call was sent.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram } from "../helpers/program.js";
import { useRecordingServer } from "../helpers/recording.js";

const collection = {
  info: { name: "Stats API", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: [
    {
      name: "Active entities",
      request: {
        method: "GET",
        url: {
          raw: "https://ads-api.example.test/stats?end_time=&entity=&campaign_ids=",
          protocol: "https",
          host: ["ads-api", "example", "test"],
          path: ["stats"],
          query: [
            { key: "end_time", value: "", description: "required" },
            { key: "entity", value: "", description: "required" },
            { key: "campaign_ids", value: "", description: "optional", disabled: true },
          ],
        },
      },
    },
  ],
};

let dir: string;
let out: string;
const server = useRecordingServer({ resetEach: false });
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "postman-codegen-required-word-"));
  const file = join(dir, "stats.postman_collection.json");
  writeFileSync(file, JSON.stringify(collection));
  out = join(dir, "stats-api");
  await writePackage(out, (await emitTarget({ collection: file, out, name: "stats-api" })).files);
  chmodSync(join(out, "dist/cli/main.js"), 0o755);
}, 120_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
});

const bin = (args: string[]) =>
  runProgram(process.execPath, [join(out, "dist/cli/main.js"), ...args], { env: { PATH: process.env.PATH ?? "" } });

/** The flag's lines of a command's help: its own and the description lines under it. */
function flagHelp(help: string, flag: string): string {
  const lines = help.split("\n");
  const at = lines.findIndex((line) => line.startsWith(`  --${flag} `));
  const end = lines.findIndex((line, i) => i > at && !line.startsWith("    "));
  return lines.slice(at, end).join("\n");
}

describe("a parameter whose description is the word required", () => {
  it("is required in the help, the types and the checks alike", async () => {
    const help = await bin(["active-entities", "--help"]);
    expect(help.code).toBe(0);
    for (const flag of ["end-time", "entity"]) {
      expect(flagHelp(help.stdout, flag)).toMatch(/\[required(; [^\]]*)?\] Query parameter/);
      // The word is the mark, not a description under it.
      expect(flagHelp(help.stdout, flag)).not.toMatch(/^\s+required$/m);
    }
    expect(flagHelp(help.stdout, "campaign-ids")).not.toMatch(/required|optional$/m);
    // The disabled one is marked as the client's JSDoc says it.
    expect(flagHelp(help.stdout, "campaign-ids")).toMatch(
      /\[disabled in the collection: sent only when passed(; [^\]]*)?\] Query parameter/,
    );

    // The types: the argument without `?`, the disabled one with it.
    const sources = readdirSync(join(out, "src"), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => readFileSync(join(out, "src", f), "utf8"))
      .join("\n");
    expect(sources).toMatch(/\bend_time: /);
    expect(sources).not.toMatch(/\bend_time\?: /);
    expect(sources).toMatch(/\bcampaign_ids\?: /);
    expect(sources).toContain("Disabled in the collection: sent only when passed.");

    // The checks: refused before anything is sent, a dry run too.
    const dry = await bin(["active-entities", "--entity", "CAMPAIGN", "--dry-run"]);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain("end_time");
    const run = await bin(["active-entities", "--entity", "CAMPAIGN", "--base-url", server.url]);
    expect(run.code).toBe(2);
    expect(server.requests).toHaveLength(0);
    const given = await bin(["active-entities", "--entity", "CAMPAIGN", "--end-time", "2024-01-02", "--dry-run"]);
    expect(given.code).toBe(0);
  }, 60_000);
});
