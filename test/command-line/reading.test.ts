// What `--help` says a flag takes is what the flag is read as: a collection loaded by the generator,
// its help read back, each value written as the help says, and the request the server gets holds
// the collection's values (a string field's value is not sent quoted twice).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { operationHelp } from "../../src/command-line/emit-command-line.js";
import { operationSpec } from "../../src/emit/client.js";
import { loadCollection } from "../../src/load/collection.js";
import { runWith, testCommandLine } from "./helpers.js";
import { useRecordingServer } from "../helpers/recording.js";

const FIELDS = {
  start_date: "2023-01-01",
  options: { count: 250, offset: 0 },
  account_ids: ["a1", "a2"],
  count: 3,
  include_original: true,
  note: "true",
};

const server = useRecordingServer();

async function commandLine() {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-reading-"));
  const file = join(dir, "api.postman_collection.json");
  const raw = (name: string, path: string, text: string, language: string) => ({
    name,
    request: {
      method: "POST",
      url: `https://api.test${path}`,
      body: { mode: "raw", raw: text, options: { raw: { language } } },
    },
  });
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "Reading", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      item: [
        raw("Get transactions", "/transactions", JSON.stringify(FIELDS), "json"),
        raw("Put note", "/note", "line one", "text"),
        {
          name: "Query",
          request: {
            method: "POST",
            url: "https://api.test/graphql",
            body: { mode: "graphql", graphql: { query: "{ me { id } }", variables: "" } },
          },
        },
      ],
    }),
  );
  const model = await loadCollection(file);
  return testCommandLine(
    model.operations.map((op) => operationSpec(op)),
    model.operations.map(operationHelp),
  );
}

/** `--flag <label>` of each flag in a command's help. */
function labels(help: string): Map<string, string> {
  return new Map([...help.matchAll(/^ {2}--([\w-]+) <([^>]+)>/gm)].map((m) => [m[1]!, m[2]!]));
}

describe("a flag's value, as --help says", () => {
  it("a JSON body field takes JSON where its value is an object, array, number or boolean, and text where a string", async () => {
    const cli = await commandLine();
    const help = await runWith(cli, ["get-transactions", "--help"]);
    expect(help.code).toBe(0);
    const said = labels(help.stdout);
    expect(Object.fromEntries(said)).toMatchObject({
      "start-date": "string",
      options: "json",
      "account-ids": "json",
      count: "number",
      "include-original": "boolean",
      note: "string",
    });
    const argv = ["get-transactions", "--base-url", server.url];
    for (const [key, value] of Object.entries(FIELDS)) {
      const flag = key.replace(/_/g, "-");
      const label = said.get(flag);
      argv.push(`--${flag}`, label === "json" ? JSON.stringify(value) : String(value));
    }
    const sent = await runWith(cli, argv);
    expect(sent.stderr).toBe("");
    expect(sent.code).toBe(0);
    expect(server.requests[0]!.json).toEqual(FIELDS);
  });

  it("a JSON body field of a boolean is a switch, as a query parameter's is: --flag, --no-flag", async () => {
    // It took a value, refusing `--include-original` alone ("needs a value") and `--no-…`, while
    // --help labels it <boolean> as it labels a switch, and the docs read booleans so.
    const cli = await commandLine();
    const argv = ["get-transactions", "--base-url", server.url, "--start-date", "2023-01-01"];
    for (const words of [
      ["--include-original"],
      ["--no-include-original"],
      ["--include-original", "false"],
      ["--include_original=true"],
    ]) {
      const sent = await runWith(cli, [...argv, ...words]);
      expect(sent.stderr, words.join(" ")).toBe("");
      expect(sent.code).toBe(0);
    }
    expect(server.requests.map((r) => (r.json as { include_original?: unknown }).include_original)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    const stray = await runWith(cli, [...argv, "--include-original", "yes"]);
    expect(stray.code).toBe(2);
    expect(server.requests).toHaveLength(4);
  });

  it("a raw body takes its text as written, a GraphQL body JSON; both also from @file or -", async () => {
    const cli = await commandLine();
    const note = labels((await runWith(cli, ["put-note", "--help"])).stdout);
    const query = labels((await runWith(cli, ["query", "--help"])).stdout);
    expect(note.get("body")).toBe("text|@file|-");
    expect(query.get("body")).toBe("json|@file|-");
    const go = (argv: string[], stdin: string) => runWith(cli, [...argv, "--base-url", server.url], { stdin });
    expect((await go(["put-note", "--body", '"as written"'], "")).code).toBe(0);
    expect((await go(["put-note", "--body", "-"], "from stdin")).code).toBe(0);
    expect((await go(["query", "--body", "-"], '{"query":"{ me { id } }"}')).code).toBe(0);
    expect(server.requests.map((r) => r.raw.toString())).toEqual([
      '"as written"',
      "from stdin",
      '{"query":"{ me { id } }"}',
    ]);
  });
});

describe("a flag left out, as --help names it", () => {
  it("a raw body is the request's body, not a body field called body", async () => {
    const cli = await commandLine();
    const help = await runWith(cli, ["put-note", "--help"]);
    // The collection's text has no variable, so the body is required.
    const line = /^ {2}--body <[^>]+> +\[required\] (.*)$/m.exec(help.stdout)?.[1];
    expect(line).toBe("The request's raw body.");
    const missing = await runWith(cli, ["put-note", "--base-url", server.url]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing --body (required: the request's raw body)");
    expect(missing.stderr).not.toContain("body field");
    expect(server.requests).toHaveLength(0);
  });
});
