// A command's --help lists the `{{variables}}` its request needs that have no value (Microsoft
// Graph's `{{GroupId}}` in `/groups/{{GroupId}}/owners`), how to give each and which environments
// have one, in the words of the error for a call without it (givingVariable in run.ts): the help
// listed only those read from environment variables, so the path's surfaced first as an error.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { runProgram } from "../helpers/program.js";

const collection = {
  info: { name: "Groups", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [
    { key: "baseUrl", value: "https://graph.example.test" },
    { key: "Version", value: "v1.0" },
  ],
  item: [
    {
      name: "Get Group Owners",
      request: {
        method: "GET",
        url: {
          raw: "{{baseUrl}}/{{Version}}/groups/{{GroupId}}/owners?since={{Since}}",
          host: ["{{baseUrl}}"],
          path: ["{{Version}}", "groups", "{{GroupId}}", "owners"],
          query: [{ key: "since", value: "{{Since}}" }],
        },
      },
    },
  ],
};

const environment = (name: string, values: Record<string, string>) => ({
  name,
  values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })),
});

describe("an operation's --help and the {{variables}} its request needs", () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-help-variables-"));
  writeFileSync(join(dir, "groups.json"), JSON.stringify(collection));
  writeFileSync(join(dir, "staging.json"), JSON.stringify(environment("staging", { GroupId: "g-1" })));
  writeFileSync(join(dir, "local.json"), JSON.stringify(environment("local", { GroupId: "", Since: "" })));
  const bin = join(dir, "out", "dist", "cli", "main.js");
  const run = (args: string[]) => runProgram(process.execPath, [bin, ...args], { cwd: dir, env: { ...process.env } });

  it("lists each without a value, with how to give it as the error says it", async () => {
    const generated = await runCli(
      ["generate", "groups.json", "--out", "out", "-e", "staging.json", "-e", "local.json", "--quiet"],
      dir,
    );
    expect(generated.stderr).toBe("");
    expect(generated.code).toBe(0);

    const help = await run(["get-group-owners", "--help"]);
    expect(help.code).toBe(0);
    const section = help.stdout.split("\n\n").find((s) => s.startsWith("Variables without a value"));
    expect(section).toBe(
      [
        "Variables without a value (the collection gives none):",
        "  {{GroupId}}  Give it with --variable 'GroupId=…'.",
        "               Or choose an environment that has it: --environment staging.",
        "  {{Since}}    Give it with --variable 'Since=…'.",
        "               Or give --since, whose default refers to it.",
        "               No environment has a value for it (local has it empty).",
      ].join("\n"),
    );

    // The same words as the refusal of a call without it, which sends nothing.
    const refused = await run(["get-group-owners", "--since", "2026-01-01"]);
    expect(refused.code).toBe(2);
    expect((await run(["get-group-owners", "--variable", "GroupId=g-2"])).stderr.split("\n").slice(1).join("\n")).toBe(
      [
        "Give it with --variable 'Since=…'.",
        "Or give --since, whose default refers to it.",
        "No environment has a value for it (local has it empty).",
        "",
      ].join("\n"),
    );
    expect(refused.stderr).toBe(
      [
        "groups: getGroupOwners: variable {{GroupId}} has no value",
        "Give it with --variable 'GroupId=…'.",
        "Or choose an environment that has it: --environment staging.",
        "",
      ].join("\n"),
    );
  });
});
