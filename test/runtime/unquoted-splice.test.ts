// A variable written unquoted where a JSON body's text takes several values: as a list's elements
// (`{"ids":[{{ids}}]}` with `ids` = `"a", "b"`), or as an object's members in a body the loader
// cannot read as JSON (`{"user": "{{user}}", {{fields}}}`, sent as text). Postman pastes the text
// in, which is valid JSON there: a real server on 127.0.0.1 gets from the client the bytes newman
// sends, and where the server quotes each string and number it read, no reading of the error of a
// call, the client's or the command line's, holds what a secret variable's text sent.
import { describe, expect, it } from "vitest";
import { runNewman } from "../helpers/newman.js";
import { readings, rejection } from "../helpers/quoted-errors.js";
import { jsonValues, useQuotingServer } from "../helpers/quoting-server.js";

const VISIBLE = "bob-the-visible-user";

const item = (name: string, raw: string) => ({
  name,
  request: {
    method: "POST",
    url: `{{baseUrl}}/${name.toLowerCase().replace(" ", "-")}`,
    header: [{ key: "Content-Type", value: "application/json" }],
    body: { mode: "raw", raw, options: { raw: { language: "json" } } },
  },
});

const collection = {
  info: { name: "Unquoted splice", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [
    { key: "baseUrl", value: "https://unquoted-splice.test" },
    { key: "user", value: VISIBLE },
  ],
  item: [
    // An object: each field an argument, the list's place one of `ids`'s.
    item("Send ids", '{"ids":[{{ids}}]}'),
    // Elements beside the list's own, whose places the collection's indices still name.
    item("Send mixed", '{"ids":[0,{{ids}},{{ids}},9],"n":{{n}}}'),
    // A list: the raw body whole.
    item("Send list", "[{{ids}}]"),
    // No JSON as written (a variable in a key's place): the text, its variables filled.
    item("Send fields", '{"user": "{{user}}", {{fields}}}'),
  ],
};

const environment = {
  name: "prod",
  _postman_variable_scope: "environment",
  values: [
    { key: "ids", value: "", type: "default", enabled: true },
    { key: "n", value: "7", type: "default", enabled: true },
    { key: "fields", value: "", type: "secret", enabled: true },
  ],
};

/** Each body the server got, with the path it was sent to. */
const got: Array<[string, string]> = [];

const server = useQuotingServer({
  prefix: "pcg-unquoted-splice-",
  quote: (body, req) => {
    got.push([req.url!, body]);
    let read: unknown;
    try {
      read = JSON.parse(body);
    } catch {
      return { error_message: "bad request: no JSON" };
    }
    return { error_message: `bad request: ${jsonValues(read).join(" ")}` };
  },
  packages: [{ name: "splice", collection, environments: [environment] }],
  timeout: 120_000,
});

type Operation = "sendIds" | "sendMixed" | "sendList" | "sendFields";

async function call(operation: Operation, variables: object): Promise<unknown> {
  const { createClient } = await server.load<{
    createClient: (options: object) => Record<Operation, () => Promise<unknown>>;
  }>("splice");
  return createClient({ baseUrl: server.base, environment: "prod", maxRetries: 0, variables })[operation]();
}

/** The bodies newman sends with `variables`, by path. */
async function newmanBodies(variables: Record<string, string>): Promise<Map<string, string>> {
  got.length = 0;
  await runNewman(collection, { baseUrl: server.base, n: "7", ...variables });
  const bodies = new Map(got);
  got.length = 0;
  return bodies;
}

describe("a variable unquoted at a list's element, whose text is the list's elements", () => {
  it.each([['"ids-a", "ids-b"'], ["1, 2.50"], ['[1, 2], {"k": 3}'], [" "]])(
    "is sent as newman sends it: ids = %s",
    async (ids) => {
      const newman = await newmanBodies({ ids, fields: '"k": "v"' });
      for (const [operation, path] of [
        ["sendIds", "/send-ids"],
        ["sendList", "/send-list"],
      ] as const) {
        await rejection(() => call(operation, { ids }));
        expect(got, operation).toEqual([[path, newman.get(path)]]);
        got.length = 0;
      }
      // A list's elements in place of each, the elements around them kept.
      if (ids.trim()) {
        await rejection(() => call("sendMixed", { ids }));
        expect(got).toEqual([["/send-mixed", newman.get("/send-mixed")]]);
        expect(JSON.parse(newman.get("/send-mixed")!)).toEqual({
          ids: [0, ...(JSON.parse(`[${ids}]`) as unknown[]), ...(JSON.parse(`[${ids}]`) as unknown[]), 9],
          n: 7,
        });
        got.length = 0;
      }
      // Sent as written: the text newman pastes in.
      expect(newman.get("/send-ids")).toBe(`{"ids":[${ids}]}`);
    },
    60_000,
  );

  it("is refused where the text is none and other elements stand beside it: newman sends broken JSON", async () => {
    const newman = await newmanBodies({ ids: "", fields: '"k": "v"' });
    expect(newman.get("/send-mixed")).toBe('{"ids":[0,,,9],"n":7}');
    expect(newman.get("/send-ids")).toBe('{"ids":[]}');
    const error = await call("sendMixed", { ids: "" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: "ValidationError" });
    expect(String(error)).toContain(
      "the value of {{ids}}, written unquoted in the JSON body, is no JSON value nor a list's elements",
    );
    // Nor text whose own brackets end the list (`1], "x": [2`): no list's elements.
    await expect(call("sendIds", { ids: '1], "x": [2' })).rejects.toMatchObject({ name: "ValidationError" });
    expect(got).toEqual([]);
  });
});

describe("a secret variable in a JSON body sent as text, whose text is an object's members", () => {
  const FIELD = "fields-s3cret-b41d";
  const fields = `"k": "${FIELD}", "list": ["fields-s3cret-list"], "n": 98765.0`;
  const hidden = [FIELD, "fields-s3cret-list", "98765"];

  function expectMasked(texts: readonly string[]): void {
    for (const text of texts) {
      for (const secret of hidden) expect(text, text).not.toContain(secret);
      expect(text, text).toContain("***");
    }
    expect(texts.join("\n")).toContain(VISIBLE);
  }

  it("is sent as newman sends it, and masked in the client's error and its fields", async () => {
    const newman = await newmanBodies({ ids: "1", fields });
    expect(newman.get("/send-fields")).toBe(`{"user": "${VISIBLE}", ${fields}}`);
    const error = await rejection(() => call("sendFields", { fields }));
    expect(got).toEqual([["/send-fields", newman.get("/send-fields")]]);
    got.length = 0;
    expectMasked(readings(error));
    for (const [field, value] of Object.entries(error as object))
      for (const secret of hidden) expect(JSON.stringify(value) ?? String(value), field).not.toContain(secret);
  }, 60_000);

  it("is masked by the command line, as text and --json", async () => {
    const cli = (args: string[]) =>
      server.cli("splice", [
        "send-fields",
        ...["--environment", "prod", "--variable", `fields=${fields}`],
        ...["--base-url", server.base, "--max-retries", "0"],
        ...args,
      ]);
    const text = await cli([]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stderr).toContain("HTTP 400");
    const json = await cli(["--json"]);
    expect(json.code, json.stderr).toBe(1);
    expectMasked([text.stderr + text.stdout, json.stdout + json.stderr]);
    got.length = 0;
  }, 60_000);
});
