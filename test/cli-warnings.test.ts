// What `generate` prints of its warnings: each problem once, with how many places and the first of
// them (all of them with --verbose), in the same order on every run; --json keeps every warning as
// an entry of its own, and --quiet prints none.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
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
      // A path of its own: six requests alike on one path would also be warned of, as requests the
      // mocks cannot tell apart.
      url: `https://api.example.test/users/${i}/password`,
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

// Each test runs the command in a folder of its own: the tests run side by side.
describe.concurrent("generate's warnings", () => {
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

    // The same lines, in the same order, when it runs again (into a new folder: a regeneration of
    // the same one prints those its last generation gave as one line, cli-known-warnings.test.ts).
    const again = await runCli(["generate", "api.postman_collection.json", "--out", "again"], dir);
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
    const result = JSON.parse(json.stdout) as {
      targets: Array<{ warnings: Array<Record<string, string | boolean>> }>;
    };
    const entries = result.targets[0]!.warnings;
    expect(entries).toHaveLength(REPEATED + 1);
    // A first generation: every warning is new.
    for (const entry of entries)
      expect(entry).toEqual({ source: expect.any(String), message: expect.any(String), new: true });
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

describe.concurrent("generate's warning about requests the mocks cannot tell apart", () => {
  it("is one for six requests alike on one path, naming all six: one line, one --json entry", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-warnings-"));
    const alike = (i: number) => ({
      name: `Create ${i}`,
      request: { method: "POST", url: "https://api.example.test/tokens", body: { mode: "raw", raw: "{}" } },
    });
    writeFileSync(
      join(dir, "alike.postman_collection.json"),
      JSON.stringify({
        info: { name: "Alike", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        item: Array.from({ length: REPEATED }, (_, i) => alike(i)),
      }),
    );
    const result = await runCli(["generate", "alike.postman_collection.json", "--out", "out"], dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = warnings(result.stderr).filter((line) => line.includes("cannot tell"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: alike\.postman_collection\.json at item\[1\]: the mocks cannot tell apart 6 /);
    for (let i = 0; i < REPEATED; i++) expect(lines[0]).toContain(`"Create ${i}" (`);

    const json = await runCli(["generate", "alike.postman_collection.json", "--out", "json", "--json"], dir);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { targets: Array<{ warnings: Array<Record<string, string>> }> };
    const entries = parsed.targets[0]!.warnings.filter((w) => w.message!.includes("cannot tell"));
    expect(entries.map((w) => w.source)).toEqual(["item[1]"]);
  }, 60_000);
});

describe.concurrent("generate's warnings about requests of one name", () => {
  it("name them by the methods the package has, for the repeat and for the mocks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-warnings-"));
    const getUser = { name: "Get user", request: { method: "GET", url: "https://api.example.test/users/:id" } };
    writeFileSync(
      join(dir, "twice.postman_collection.json"),
      JSON.stringify({
        info: { name: "Twice", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        // A `Get user` outside the folder too: the operations' runtime names are then
        // `usersGetUser` and `usersGetUser2`, which no user calls.
        item: [
          { name: "Users", item: [getUser, getUser] },
          { name: "Get user", request: { method: "GET", url: "https://api.example.test/me" } },
        ],
      }),
    );
    const result = await runCli(["generate", "twice.postman_collection.json", "--out", "out"], dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = warnings(result.stderr);
    const repeat = lines.filter((line) => line.includes("give one method name"));
    expect(repeat).toHaveLength(1);
    expect(repeat[0]).toMatch(/^warning: twice\.postman_collection\.json at item\[0\]\.item\[1\]: 2 requests /);
    expect(repeat[0]).toContain('"Users / Get user" at item[0].item[0] (');
    expect(repeat[0]).toContain('"Users / Get user" at item[0].item[1] (');
    const mocks = lines.filter((line) => line.includes("cannot tell apart"));
    expect(mocks).toHaveLength(1);
    // Each method either names is one the package's client has.
    const { createClient } = (await import(pathToFileURL(join(dir, "out", "dist", "index.js")).href)) as {
      createClient(options: object): Record<string, unknown>;
    };
    const client = createClient({ baseUrl: "https://api.example.test" });
    for (const line of [...repeat, ...mocks]) {
      const named = [...line.matchAll(/\((client\.[\w.]+)\)/g)].map((m) => m[1]!);
      expect(named, line).toHaveLength(2);
      expect(new Set(named).size).toBe(2);
      for (const path of named) {
        const method = path
          .split(".")
          .slice(1)
          .reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], client);
        expect(typeof method, path).toBe("function");
      }
    }
  }, 60_000);
});

/**
 * Requests whose saved answers each hold a different credential-named field written out (one
 * warning each, each message naming its own field): one problem said of many fields.
 */
const FIELDS = ["alpha_token", "beta_token", "gamma_secret", "delta_password", "epsilon_token", "zeta_api_key"];
function answersCollection(dir: string): string {
  const file = join(dir, "answers.postman_collection.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "Answers", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: FIELDS.map((field, i) => ({
        name: `Get ${i}`,
        request: { method: "GET", url: `https://api.example.test/things/${i}` },
        response: [
          {
            name: "OK",
            code: 200,
            header: [{ key: "Content-Type", value: "application/json" }],
            body: JSON.stringify({ id: i, [field]: `hunter2-answer-${i}` }),
          },
        ],
      })),
    }),
  );
  return file;
}
const answerPlace = (i: number) => `item[${i}].response[0].body`;

describe.concurrent("generate's warnings about many fields", () => {
  it("prints one problem said of several fields once, with the first fields and how many others; --json keeps each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-warnings-"));
    answersCollection(dir);
    const result = await runCli(["generate", "answers.postman_collection.json", "--out", "out"], dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = warnings(result.stderr);
    expect(lines).toHaveLength(1);
    const grouped =
      /^warning: \S+ at (\d+) places \((.*) and (\d+) more\): (.*); the same for (.*) and (\d+) others$/.exec(
        lines[0]!,
      );
    expect(grouped, lines[0]).not.toBeNull();
    const [, count, places, more, message, others, otherCount] = grouped!;
    expect(Number(count)).toBe(FIELDS.length);
    expect(places!.split(", ")).toEqual([0, 1, 2].map(answerPlace));
    expect(Number(more)).toBe(FIELDS.length - PLACES_SHOWN);
    expect(message).toBe(
      `the value of body field $.${FIELDS[0]} in this example's answer is replaced by "REDACTED" in the mocks and the tests (its name says it holds a credential)`,
    );
    expect(others!.split(", ")).toEqual(FIELDS.slice(1, 1 + PLACES_SHOWN).map((field) => `body field $.${field}`));
    expect(Number(otherCount)).toBe(FIELDS.length - 1 - PLACES_SHOWN);
    expect(result.stderr).not.toContain("hunter2-answer");

    // --json keeps each field's warning, with its place and its own message.
    const json = await runCli(["generate", "answers.postman_collection.json", "--out", "json", "--json"], dir);
    expect(json.code, json.stderr).toBe(0);
    const parsed = JSON.parse(json.stdout) as { targets: Array<{ warnings: Array<Record<string, string>> }> };
    const entries = parsed.targets[0]!.warnings;
    // `new`: a first generation's warnings are all new (cli-known-warnings.test.ts).
    for (const entry of entries) expect(Object.keys(entry).sort()).toEqual(["message", "new", "source"]);
    expect(entries.map((w) => w.source)).toEqual(FIELDS.map((_, i) => answerPlace(i)));
    expect(entries.map((w) => /body field \$\.(\w+)/.exec(w.message!)?.[1])).toEqual(FIELDS);
  }, 60_000);

  it("names every place and every field with --verbose", async () => {
    const dir = mkdtempSync(join(tmpdir(), "postman-codegen-warnings-"));
    answersCollection(dir);
    const result = await runCli(["generate", "answers.postman_collection.json", "--out", "out", "--verbose"], dir);
    expect(result.code, result.stderr).toBe(0);
    const lines = warnings(result.stderr);
    expect(lines).toHaveLength(1);
    const [, places, others] = /^warning: \S+ at \d+ places \((.*)\): .*; the same for (.*)$/.exec(lines[0]!) ?? [];
    expect(places?.split(", ")).toEqual(FIELDS.map((_, i) => answerPlace(i)));
    expect(others?.split(", ")).toEqual(FIELDS.slice(1).map((field) => `body field $.${field}`));
  }, 60_000);
});

describe("warningLines", () => {
  const file = () => "api.json";
  it("names four places rather than three and 1 more, and a place given twice once", () => {
    const at = (source: string) => ({ source, message: "m" });
    expect(warningLines(["a", "b", "c", "d"].map(at), file)).toEqual(["warning: api.json at 4 places (a, b, c, d): m"]);
    expect(warningLines(["a", "a"].map(at), file)).toEqual(["warning: api.json at a: m"]);
  });

  it("says a problem said of several subjects once: its first message, then the others' subjects", () => {
    const about = (source: string, subject: string) => ({ source, subject, message: `the ${subject} is odd` });
    const lines = warningLines(
      [about("a", "x"), about("b", "y"), about("c", "x"), { source: "d", message: "other" }, about("e", "z")],
      file,
    );
    expect(lines).toEqual([
      "warning: api.json at 4 places (a, c, b, e): the x is odd; the same for y, z",
      "warning: api.json at d: other",
    ]);
    // Without a subject, messages that differ are different problems.
    const plain = (source: string, message: string) => ({ source, message });
    expect(warningLines([plain("a", "the x is odd"), plain("b", "the y is odd")], file)).toHaveLength(2);
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
