// A secret variable written unquoted in a raw JSON body (`"creds": {{creds}}`) is sent as its own
// text, which is JSON: `"hunter2…"` sends the string hunter2… (its quotes are JSON's), an object
// sends the strings in it. A server that quotes what it read, not the body's text, quotes those
// values alone, without the quotes the caller wrote: a real server on 127.0.0.1 answers 400 quoting
// each string and number of the JSON it got, and no reading of the client's error, nor of the
// package's command line's (text and `--json`), holds the secret. So too where a collection's
// value spliced unquoted (`{{wrapped}}` = `{"c": {{creds}}}`) splices the secret in, whose text
// may then be a list's elements or an object's members as well as JSON alone.
import { describe, expect, it } from "vitest";
import { readings, rejection } from "../helpers/quoted-errors.js";
import { jsonValues, useQuotingServer } from "../helpers/quoting-server.js";

const SECRET = "hunter2-secret-value";
const VISIBLE = "bob-the-visible-user";

const collection = {
  info: { name: "Unquoted echo", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [
    { key: "baseUrl", value: "https://unquoted-echo.test" },
    { key: "user", value: VISIBLE },
    // A collection's value that splices the secret in, unquoted itself.
    { key: "wrapped", value: '{"c": {{creds}}}' },
    // Collection values that splice a secret in as a list's elements or an object's members.
    { key: "wrappedIds", value: '{"ids": [{{ids}}]}' },
    { key: "wrappedFields", value: '{"a": 1, {{fields}}}' },
  ],
  item: [
    {
      name: "Login",
      request: {
        method: "POST",
        url: "{{baseUrl}}/login",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: {
          mode: "raw",
          raw: '{"user": "{{user}}", "creds": {{creds}}, "pin": {{pin}}}',
          options: { raw: { language: "json" } },
        },
      },
    },
    {
      name: "Wrapped",
      request: {
        method: "POST",
        url: "{{baseUrl}}/wrapped",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: {
          mode: "raw",
          raw: '{"user": "{{user}}", "w": {{wrapped}}}',
          options: { raw: { language: "json" } },
        },
      },
    },
    ...Object.entries({
      "Wrapped ids": '{"user": "{{user}}", "w": {{wrappedIds}}}',
      "Wrapped fields": '{"user": "{{user}}", "w": {{wrappedFields}}}',
    }).map(([name, raw]) => ({
      name,
      request: {
        method: "POST",
        url: `{{baseUrl}}/${name.toLowerCase().replace(" ", "-")}`,
        header: [{ key: "Content-Type", value: "application/json" }],
        body: { mode: "raw", raw, options: { raw: { language: "json" } } },
      },
    })),
  ],
};

const environment = {
  name: "prod",
  _postman_variable_scope: "environment",
  values: [
    { key: "creds", value: "", type: "secret", enabled: true },
    { key: "pin", value: "", type: "secret", enabled: true },
    { key: "ids", value: "", type: "secret", enabled: true },
    { key: "fields", value: "", type: "secret", enabled: true },
  ],
};

const bodies: string[] = [];

const server = useQuotingServer({
  prefix: "pcg-unquoted-secret-echo-",
  quote: (body) => {
    bodies.push(body);
    return { error_message: `bad request: ${jsonValues(JSON.parse(body)).join(" ")}` };
  },
  packages: [{ name: "echo", collection, environments: [environment] }],
  timeout: 120_000,
});

/** The secret's values, each as a caller writes it: a JSON string, an object, and a number. */
const CASES: Array<{ creds: string; pin: string; hidden: string[] }> = [
  { creds: JSON.stringify(SECRET), pin: "1", hidden: [SECRET] },
  { creds: JSON.stringify({ v: SECRET }), pin: "1", hidden: [SECRET] },
  { creds: JSON.stringify({ password: [SECRET] }), pin: "4321.0", hidden: [SECRET, "4321"] },
];

function expectMasked(texts: readonly string[], hidden: readonly string[]): void {
  for (const text of texts) {
    for (const secret of hidden) expect(text, text).not.toContain(secret);
    expect(text, text).toContain("***");
  }
  expect(texts.join("\n")).toContain(VISIBLE);
}

type Operation = "login" | "wrapped" | "wrappedIds" | "wrappedFields";

async function call(operation: Operation, variables: object): Promise<unknown> {
  const { createClient } = await server.load<{
    createClient: (options: object) => Record<Operation, () => Promise<unknown>>;
  }>("echo");
  return createClient({ baseUrl: server.base, environment: "prod", maxRetries: 0, variables })[operation]();
}

describe("a secret variable spliced unquoted, echoed as the value it sends", () => {
  it.each(CASES)("is masked in the client's error: creds $creds, pin $pin", async ({ creds, pin, hidden }) => {
    bodies.length = 0;
    const error = await rejection(() => call("login", { creds, pin }));
    // Sent as written: the caller's text, quotes and all, is the JSON the server reads.
    expect(bodies).toEqual([`{"user":"${VISIBLE}","creds":${creds},"pin":${pin}}`]);
    expectMasked(readings(error), hidden);
  });

  it.each(CASES)("and through a collection's value that splices it: creds $creds", async ({ creds }) => {
    bodies.length = 0;
    const error = await rejection(() => call("wrapped", { creds }));
    expect(bodies).toEqual([`{"user":"${VISIBLE}","w":{"c": ${creds}}}`]);
    expectMasked(readings(error), [SECRET]);
  });

  it.each(CASES)("is masked by the command line, as text and --json: creds $creds", async ({ creds, pin, hidden }) => {
    const cli = (args: string[]) =>
      server.cli("echo", [
        "login",
        ...["--environment", "prod", "--variable", `creds=${creds}`, "--variable", `pin=${pin}`],
        ...["--base-url", server.base, "--max-retries", "0"],
        ...args,
      ]);
    const text = await cli([]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stderr).toContain("HTTP 400");
    const json = await cli(["--json"]);
    expect(json.code, json.stderr).toBe(1);
    expect((JSON.parse(json.stdout) as { ok: boolean }).ok).toBe(false);
    expectMasked([text.stderr + text.stdout, json.stdout + json.stderr], hidden);
  });
});

// A secret's text need not be JSON alone where a collection's value splices it: as a list's
// elements (`"abc", "def"` in `{"ids": [{{ids}}]}`) or an object's members (`"k": "…"` in
// `{"a": 1, {{fields}}}`). Each string and number in it is sent as such, and a server quotes it alone.
describe("a secret variable a collection's value splices as a list's elements or an object's members", () => {
  const IDS = ["ids-s3cret-1f9a", "ids-s3cret-7c2e"];
  const FIELD = "fields-s3cret-b41d";
  const variables = { ids: IDS.map((id) => JSON.stringify(id)).join(", "), fields: `"k": "${FIELD}", "n": 98765.0` };
  const hidden = [...IDS, FIELD, "98765"];

  it.each<[Operation, string]>([
    ["wrappedIds", `{"user":"${VISIBLE}","w":{"ids": [${variables.ids}]}}`],
    ["wrappedFields", `{"user":"${VISIBLE}","w":{"a": 1, ${variables.fields}}}`],
  ])("is masked in the client's error and its fields: %s", async (operation, sent) => {
    bodies.length = 0;
    const error = await rejection(() => call(operation, variables));
    expect(bodies).toEqual([sent]);
    expectMasked(readings(error), hidden);
    for (const [field, value] of Object.entries(error as object))
      for (const secret of hidden) expect(JSON.stringify(value) ?? String(value), field).not.toContain(secret);
  });

  it("is masked by the command line, as text and --json", async () => {
    const cli = (args: string[]) =>
      server.cli("echo", [
        "wrapped-fields",
        ...["--environment", "prod", "--variable", `fields=${variables.fields}`],
        ...["--base-url", server.base, "--max-retries", "0"],
        ...args,
      ]);
    const text = await cli([]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stderr).toContain("HTTP 400");
    const json = await cli(["--json"]);
    expect(json.code, json.stderr).toBe(1);
    expectMasked([text.stderr + text.stdout, json.stdout + json.stderr], hidden);
  });
});
