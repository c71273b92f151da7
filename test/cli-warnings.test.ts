// What `generate` prints of its warnings: each problem once, with how many places and the first of
// them (all of them with --verbose), in the same order on every run; --json keeps every warning as
// an entry of its own, and --quiet prints none.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";
import { PLACES_SHOWN, warningLines } from "../src/warning-lines.js";

/** Requests sending a `password` form field written out (one warning each), and one header without a name. */
const REPEATED = 6;
function collection(dir: string): string {
  const form = (i: number) => ({
    name: `Set password ${i}`,
    request: {
      method: "POST",
      url: "https://api.example.test/users",
      body: { mode: "formdata", formdata: [{ key: "password", value: "hunter2-form", type: "text" }] },
    },
  });
  const file = join(dir, "api.postman_collection.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "Api", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [
        ...Array.from({ length: REPEATED }, (_, i) => form(i)),
        {
          name: "Ping",
          request: { method: "GET", url: "https://api.example.test/ping", header: [{ key: "", value: "x" }] },
        },
      ],
    }),
  );
  return file;
}

const formPlace = (i: number) => `item[${i}].request.body.formdata[0]`;
const warnings = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("warning: "));

describe("generate's warnings", () => {
  it("prints a problem found at several places once, with the count and the first places", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-warnings-"));
    collection(dir);
    const args = ["generate", "api.postman_collection.json", "--out", "out"];
    const first = await runCli(args, dir);
    expect(first.code, first.stderr).toBe(0);
    const lines = warnings(first.stderr);
    expect(lines).toHaveLength(2);

    const grouped = /^warning: (\S+) at (\d+) places \((.*) and (\d+) more\): (.*)$/.exec(lines[0]!);
    expect(grouped, lines[0]).not.toBeNull();
    const [, file, count, places, more, message] = grouped!;
    expect(file).toBe("api.postman_collection.json");
    expect(Number(count)).toBe(REPEATED);
    expect(places!.split(", ")).toEqual([0, 1, 2].map(formPlace));
    expect(Number(more)).toBe(REPEATED - PLACES_SHOWN);
    expect(message).toMatch(/^the value of body field "password" is left out of the client/);
    expect(lines[1]).toMatch(
      /^warning: api\.postman_collection\.json at item\[6\]\.request\.header\[0\]: header without a name/,
    );
    expect(first.stderr).not.toContain("hunter2-form");

    // The same lines, in the same order, when it runs again.
    const again = await runCli([...args, "--force"], dir);
    expect(warnings(again.stderr)).toEqual(lines);
  }, 60_000);

  it("names every place with --verbose", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-warnings-"));
    collection(dir);
    const result = await runCli(["generate", "api.postman_collection.json", "--out", "out", "--verbose"], dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = warnings(result.stderr);
    expect(lines).toHaveLength(2);
    const places = /^warning: \S+ at 6 places \((.*)\): the value of body field "password"/.exec(lines[0]!)?.[1];
    expect(places?.split(", ")).toEqual(Array.from({ length: REPEATED }, (_, i) => formPlace(i)));
  }, 60_000);

  it("keeps each warning as an entry of its own in --json, and prints none with --quiet", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-warnings-"));
    collection(dir);
    const json = await runCli(["generate", "api.postman_collection.json", "--out", "out", "--json"], dir);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toBe("");
    const result = JSON.parse(json.stdout) as { targets: Array<{ warnings: Array<Record<string, string>> }> };
    const entries = result.targets[0]!.warnings;
    expect(entries).toHaveLength(REPEATED + 1);
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(["message", "source"]);
    expect(entries.map((w) => w.source)).toEqual([
      ...Array.from({ length: REPEATED }, (_, i) => formPlace(i)),
      "item[6].request.header[0]",
    ]);
    expect(new Set(entries.slice(0, REPEATED).map((w) => w.message)).size).toBe(1);

    const quiet = await runCli(["generate", "api.postman_collection.json", "--out", "quiet", "--quiet"], dir);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe("");
    expect(quiet.stdout).toBe("");
  }, 60_000);
});

describe("warningLines", () => {
  const file = () => "api.json";
  it("names four places rather than three and 1 more, and a place given twice once", () => {
    const at = (source: string) => ({ source, message: "m" });
    expect(warningLines(["a", "b", "c", "d"].map(at), file)).toEqual(["warning: api.json at 4 places (a, b, c, d): m"]);
    expect(warningLines(["a", "a"].map(at), file)).toEqual(["warning: api.json at a: m"]);
  });

  it("keeps apart the same message about two files, each where it is first found", () => {
    const lines = warningLines(
      [
        { file: "staging.json", source: "values[1].value", message: "m" },
        { file: "production.json", source: "values[0].value", message: "m" },
        { file: "staging.json", source: "values[2].value", message: "m" },
      ],
      (w) => w.file ?? "api.json",
    );
    expect(lines).toEqual([
      "warning: staging.json at 2 places (values[1].value, values[2].value): m",
      "warning: production.json at values[0].value: m",
    ]);
  });
});
