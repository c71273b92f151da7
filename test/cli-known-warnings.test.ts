// A regeneration prints in full only the warnings its last generation did not give: those it gave
// are recorded in the package's manifest (`warnings`, committed with it) and printed as one line,
// so that the warning a collection's change brings is not lost among the ones it always had.
// --verbose prints them all, --json says of each whether it is new, and no value is recorded.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/cli.js";

const SECRET = "sk_live_5bZ9qQ8cXoL2mN4pR7tV";

interface Shape {
  /** Form fields of the upload request, beside `password` (a credential-named one warns). */
  fields?: string[];
  /** Requests of the collection beyond the two every shape has. */
  extra?: number;
  /** The upload request's name. */
  name?: string;
}

/** Two requests, each with one warning (a `password` form field written out, a header without a name). */
function writeCollection(dir: string, { fields = [], extra = 0, name = "Upload" }: Shape = {}): void {
  const more = Array.from({ length: extra }, (_, i) => ({
    name: `Set password ${i}`,
    request: {
      method: "POST",
      url: `https://api.example.test/users/${i}/password`,
      body: { mode: "formdata", formdata: [{ key: "password", value: "hunter2", type: "text" }] },
    },
  }));
  writeFileSync(
    join(dir, "api.postman_collection.json"),
    JSON.stringify({
      info: { name: "Api", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [
        // A request added before the others moves their places: their warnings are still known.
        ...more,
        {
          name,
          request: {
            method: "POST",
            // A credential whose text is not UTF-8 percent-encoding: the warning about its encoding
            // must name the parameter, not quote the value.
            url: {
              raw: `https://api.example.test/upload?api_key=${SECRET}%FF`,
              host: ["api", "example", "test"],
              path: ["upload"],
              query: [{ key: "api_key", value: `${SECRET}%FF` }],
            },
            body: {
              mode: "formdata",
              formdata: [
                { key: "password", value: SECRET, type: "text" },
                ...fields.map((key) => ({ key, value: SECRET, type: "text" })),
              ],
            },
          },
        },
        {
          name: "Ping",
          request: { method: "GET", url: "https://api.example.test/ping", header: [{ key: "", value: "x" }] },
        },
      ],
    }),
  );
}

const warningLines = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("warning: "));
const knownLine = (stderr: string) => stderr.split("\n").filter((line) => line.includes("as at the last generation"));
const record = (dir: string, out = "out") =>
  (JSON.parse(readFileSync(join(dir, out, ".postman-codegen.json"), "utf8")) as { warnings?: string[] }).warnings;

function project(shape?: Shape): string {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-known-warnings-"));
  writeCollection(dir, shape);
  return dir;
}

const GENERATE = ["generate", "api.postman_collection.json", "--out", "out"];

describe.concurrent("warnings as at the last generation", () => {
  it("prints all at a first generation, then the known ones as one line, and a new one in full", async () => {
    const dir = project();
    const first = await runCli(GENERATE, dir);
    expect(first.code, first.stderr).toBe(0);
    const lines = warningLines(first.stderr);
    expect(lines).toHaveLength(3);
    expect(knownLine(first.stderr)).toEqual([]);
    // Recorded in the package: each message once, sorted, no place and no value.
    const recorded = record(dir);
    expect(recorded).toEqual([...recorded!].sort());
    expect(recorded).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the value of body field "password" is left out of the client/),
        expect.stringMatching(/^header without a name: left out/),
      ]),
    );
    expect(JSON.stringify(recorded)).not.toMatch(/item\[/);

    // An edit that keeps the problems (a request added before the others moves their places, one
    // renamed): no warning in full, one line for them.
    writeCollection(dir, { extra: 1, name: "Upload a file" });
    const kept = await runCli(GENERATE, dir);
    expect(kept.code, kept.stderr).toBe(0);
    expect(warningLines(kept.stderr)).toEqual([]);
    expect(knownLine(kept.stderr)).toEqual(["api: 3 warnings as at the last generation (--verbose lists them)"]);
    expect(record(dir)).toEqual(recorded);

    // A new credential-named field is a new problem: in full, the others as one line, and recorded.
    writeCollection(dir, { extra: 1, name: "Upload a file", fields: ["client_secret"] });
    const added = await runCli(GENERATE, dir);
    expect(added.code, added.stderr).toBe(0);
    expect(warningLines(added.stderr)).toEqual([
      expect.stringMatching(
        /^warning: api\.postman_collection\.json at item\[1\]\.request\.body\.formdata\[1\]: the value of body field "client_secret" is left out/,
      ),
    ]);
    expect(knownLine(added.stderr)).toEqual(["api: 3 warnings as at the last generation (--verbose lists them)"]);
    const now = record(dir)!;
    expect(now.filter((entry) => !recorded!.includes(entry))).toEqual([
      expect.stringMatching(/^the value of body field "client_secret" is left out of the client/),
    ]);
    expect(now).toEqual(expect.arrayContaining(recorded!));
    expect(now).toEqual([...now].sort());

    // Nothing changed: up to date, and nothing printed of the warnings.
    const noop = await runCli(GENERATE, dir);
    expect(noop.stderr).toBe("");
    expect(noop.stdout).toMatch(/^api: up to date/);
  }, 60_000);

  it("prints every warning with --verbose, and says in --json which are new", async () => {
    const dir = project();
    expect((await runCli(GENERATE, dir)).code).toBe(0);
    writeCollection(dir, { fields: ["client_secret"] });

    const verbose = await runCli([...GENERATE, "--force", "--verbose"], dir);
    expect(verbose.code, verbose.stderr).toBe(0);
    expect(warningLines(verbose.stderr)).toHaveLength(3);
    expect(verbose.stderr).toMatch(
      /"api_key" is left out .*; the same for body field "password", body field "client_secret"\n/,
    );
    expect(knownLine(verbose.stderr)).toEqual([]);

    // Against the record as the verbose run left it: known, all of them.
    writeCollection(dir, { fields: ["client_secret", "signing_key"] });
    const json = await runCli([...GENERATE, "--json"], dir);
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toBe("");
    const entries = (
      JSON.parse(json.stdout) as {
        targets: Array<{ warnings: Array<{ source: string; message: string; new: boolean }> }>;
      }
    ).targets[0]!.warnings;
    const fresh = entries.filter((entry) => entry.new).map((entry) => entry.message);
    expect(fresh).toEqual([expect.stringMatching(/^the value of body field "signing_key"/)]);
    expect(entries.filter((entry) => !entry.new)).toHaveLength(entries.length - 1);
  }, 60_000);

  it("does the same from a config, and --check prints the new ones and the drift of the record", async () => {
    const dir = project();
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "api.postman_collection.json", out: "out", name: "api" }] }),
    );
    const first = await runCli(["generate"], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(warningLines(first.stderr)).toHaveLength(3);

    writeCollection(dir, { fields: ["client_secret"] });
    const check = await runCli(["generate", "--check"], dir);
    expect(check.code).toBe(1);
    expect(warningLines(check.stderr)).toEqual([expect.stringMatching(/"client_secret"/)]);
    expect(knownLine(check.stderr)).toEqual(["api: 3 warnings as at the last generation (--verbose lists them)"]);
    expect(check.stderr).toMatch(/changed .postman-codegen\.json/);

    const again = await runCli(["generate"], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(warningLines(again.stderr)).toEqual(warningLines(check.stderr));
    const clean = await runCli(["generate", "--check", "--force"], dir);
    expect(clean.code, clean.stderr).toBe(0);
    expect(warningLines(clean.stderr)).toEqual([]);
    // The new field joined a known problem's line: still three problems.
    expect(knownLine(clean.stderr)).toEqual(["api: 3 warnings as at the last generation (--verbose lists them)"]);
  }, 60_000);

  it("records no value: a credential's text is in no warning, the record or --json", async () => {
    const dir = project({ fields: ["client_secret"] });
    const result = await runCli([...GENERATE, "--json"], dir);
    expect(result.code, result.stderr).toBe(0);
    const entries = (JSON.parse(result.stdout) as { targets: Array<{ warnings: Array<{ message: string }> }> })
      .targets[0]!.warnings;
    // The encoding's warning names the parameter.
    expect(entries.map((entry) => entry.message)).toContainEqual(
      expect.stringMatching(/^the value of query parameter "api_key" holds percent-encoding that is not UTF-8/),
    );
    expect(result.stdout).not.toContain(SECRET);
    expect(readFileSync(join(dir, "out", ".postman-codegen.json"), "utf8")).not.toContain(SECRET);
    const printed = await runCli([...GENERATE, "--force", "--verbose"], dir);
    expect(printed.stderr).not.toContain(SECRET);
  }, 60_000);
});
