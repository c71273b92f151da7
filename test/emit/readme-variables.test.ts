// The README says which `{{variables}}` a request needs that have no value (Microsoft Graph's
// `{{GroupId}}` in `/groups/{{GroupId}}/owners`) and where one can come from: the Variables table
// (with each environment's value, a secret's by name only) and each operation's section, from the
// definition the command's --help lists them by (help-unset-variables.test.ts). The README said
// only "none" in the table, and a reader learnt the rest from the error at run time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { runProgram } from "../helpers/program.js";

const SECRET = "STAGING-API-KEY-5f2c";

const get = (name: string, raw: string, extra: object = {}) => {
  const [, rest] = raw.split("{{baseUrl}}/");
  const [path, query] = rest!.split("?");
  return {
    name,
    request: {
      method: "GET",
      url: {
        raw,
        host: ["{{baseUrl}}"],
        path: path!.split("/"),
        ...(query
          ? { query: query.split("&").map((pair) => ({ key: pair.split("=")[0], value: pair.split("=")[1] })) }
          : {}),
      },
      ...extra,
    },
  };
};

const collection = {
  info: { name: "Groups", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [
    { key: "baseUrl", value: "https://graph.example.test" },
    { key: "itemPath", value: "items/{{itemId}}" },
  ],
  item: [
    get("Get Group Owners", "{{baseUrl}}/groups/{{GroupId}}/owners?since={{Since}}"),
    get("Get Team Channel", "{{baseUrl}}/teams/{{TeamId}}/channels/{{ChannelId}}"),
    get("Get Me", "{{baseUrl}}/me"),
    get("Get Keys", "{{baseUrl}}/keys", { header: [{ key: "X-Api-Key", value: "{{apiKey}}" }] }),
    // Needs `{{itemId}}` through the value of `{{itemPath}}`, as the client fills it.
    get("Get Item", "{{baseUrl}}/{{itemPath}}"),
  ],
};

const environment = (name: string, values: Record<string, string>, secrets: Record<string, string> = {}) => ({
  name,
  values: [
    ...Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })),
    ...Object.entries(secrets).map(([key, value]) => ({ key, value, type: "secret", enabled: true })),
  ],
});

/** The section of the README under `## heading`, up to the next. */
const section = (text: string, heading: string) => {
  const start = text.indexOf(`## ${heading}\n`);
  return text.slice(start, text.indexOf("\n## ", start + 1));
};
/** The facts paragraph of an operation's section (the one that starts with `Needs` or `Auth`). */
const needsLine = (text: string, method: string) => {
  const start = text.indexOf(`### \`client.${method}(args)\``);
  const end = text.indexOf("\n### ", start + 1);
  return (
    text
      .slice(start, end === -1 ? undefined : end)
      .split("\n\n")
      .find((p) => p.startsWith("Needs "))
      ?.trim() ?? ""
  );
};

describe("the README's variables without a value", () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-readme-variables-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let withEnvironments = "";
  let without = "";
  writeFileSync(join(dir, "groups.json"), JSON.stringify(collection));
  writeFileSync(
    join(dir, "staging.json"),
    JSON.stringify(environment("staging", { GroupId: "g-1", TeamId: "t-1" }, { apiKey: SECRET })),
  );
  writeFileSync(join(dir, "local.json"), JSON.stringify(environment("local", { GroupId: "", Since: "" })));

  beforeAll(async () => {
    const generated = await Promise.all([
      runCli(["generate", "groups.json", "--out", "out", "-e", "staging.json", "-e", "local.json", "--quiet"], dir),
      runCli(["generate", "groups.json", "--out", "plain", "--quiet"], dir),
    ]);
    for (const result of generated) expect([result.code, result.stderr]).toEqual([0, ""]);
    withEnvironments = readFileSync(join(dir, "out", "README.md"), "utf8");
    without = readFileSync(join(dir, "plain", "README.md"), "utf8");
  });

  it("the Variables table says how to give each and each environment's value, a secret's by name only", () => {
    expect(section(withEnvironments, "Variables")).toBe(
      [
        "## Variables",
        "",
        "| Variable    | Collection's value                                                                     | Environments                                 | Description |",
        "| ----------- | -------------------------------------------------------------------------------------- | -------------------------------------------- | ----------- |",
        "| `baseUrl`   | `https://graph.example.test`                                                           |                                              |             |",
        "| `GroupId`   | none: pass it in `variables`, or choose an environment that has it: `staging`          | `staging`: `g-1`, `local`: (empty)           |             |",
        "| `Since`     | none: pass it in `variables`; no environment has a value for it (`local` has it empty) | `local`: (empty)                             |             |",
        "| `TeamId`    | none: pass it in `variables`, or choose an environment that has it: `staging`          | `staging`: `t-1`                             |             |",
        "| `ChannelId` | none: pass it in `variables`; no environment has a value for it                        |                                              |             |",
        "| `apiKey`    | none: pass it in `variables`; no environment has a value for it                        | `staging`: a secret (pass it in `variables`) |             |",
        "| `itemPath`  | `items/{{itemId}}`                                                                     |                                              |             |",
        "| `itemId`    | none: pass it in `variables`; no environment has a value for it                        |                                              |             |",
        "",
      ].join("\n"),
    );
    expect(withEnvironments).not.toContain(SECRET);
  });

  it("each operation's section names those it needs, with how to give them", () => {
    expect(needsLine(withEnvironments, "getGroupOwners")).toBe(
      "Needs in `variables` (no value in the collection): `{{GroupId}}` (or choose an environment that has it: `staging`) and `{{Since}}` (no environment has a value for it, `local` has it empty; or give `since`, whose default refers to it).",
    );
    expect(needsLine(withEnvironments, "getTeamChannel")).toBe(
      "Needs in `variables` (no value in the collection): `{{TeamId}}` (or choose an environment that has it: `staging`) and `{{ChannelId}}` (no environment has a value for it).",
    );
    expect(needsLine(withEnvironments, "getKeys")).toBe(
      "Needs in `variables` (no value in the collection): `{{apiKey}}` (no environment has a value for it; or give `X-Api-Key`, whose default refers to it).",
    );
    expect(needsLine(withEnvironments, "getMe")).toBe("");
    expect(needsLine(withEnvironments, "getItem")).toBe(
      "Needs in `variables` (no value in the collection): `{{itemId}}` (no environment has a value for it).",
    );
  });

  it("without environments, says only to pass them, and the argument that takes one's place", () => {
    expect(needsLine(without, "getTeamChannel")).toBe(
      "Needs in `variables` (no value in the collection): `{{TeamId}}` and `{{ChannelId}}`.",
    );
    expect(needsLine(without, "getGroupOwners")).toBe(
      "Needs in `variables` (no value in the collection): `{{GroupId}}` and `{{Since}}` (or give `since`, whose default refers to it).",
    );
    // No Environments column, and no word of environments.
    const row = section(without, "Variables")
      .split("\n")
      .find((line) => line.startsWith("| `ChannelId` "))!;
    expect(row.split(/ *\| */).slice(1, -1)).toEqual(["`ChannelId`", "none: pass it in `variables`", ""]);
  });

  it("names the variables the command's --help lists", async () => {
    const bin = join(dir, "out", "dist", "cli", "main.js");
    for (const [command, method] of [
      ["get-group-owners", "getGroupOwners"],
      ["get-team-channel", "getTeamChannel"],
      ["get-item", "getItem"],
    ] as const) {
      const help = await runProgram(process.execPath, [bin, command, "--help"], { cwd: dir, env: { ...process.env } });
      const listed = help.stdout
        .split("\n\n")
        .find((s) => s.startsWith("Variables without a value"))!
        .split("\n")
        .flatMap((line) => /^ {2}(\{\{[^}]+\}\})/.exec(line)?.[1] ?? []);
      const said = [...needsLine(withEnvironments, method).matchAll(/`(\{\{[^}]+\}\})`/g)].map((m) => m[1]);
      expect(said).toEqual(listed);
    }
  });
});
