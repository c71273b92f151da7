// An unquoted `{{variable}}` in a raw JSON body (`"creds": {{client_secret}}`) is sent as Postman
// sends it: its own text pasted at its place, byte for byte, not read and written again. So a big
// number goes exact, and a secret variable whose text is a JSON object or `4321.0` goes as written,
// where the masker, which looks for a secret's text as written, finds it in a server's echo: a real
// server on 127.0.0.1 answers 400 quoting the body it got, and no reading of the client's error,
// nor of the package's command line's (text and `--json`), holds the secret.
import { describe, expect, it } from "vitest";
import { readings, rejection } from "../helpers/quoted-errors.js";
import { useQuotingServer } from "../helpers/quoting-server.js";

const OBJECT_SECRET = '{"account": "SUPERSECRET-7c1d9e", "n": 1.50}';
const NUMBER_SECRET = "4321.0";
const BIG = "12345678901234567891";
const VISIBLE = "region-visible-eu-41";

const collection = {
  info: { name: "Unquoted", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [
    { key: "baseUrl", value: "https://unquoted.test" },
    { key: "big", value: BIG },
    { key: "region", value: VISIBLE },
    { key: "client_secret", value: "", type: "secret" },
    { key: "pin_secret", value: "", type: "secret" },
  ],
  item: [
    {
      name: "Grant",
      request: {
        method: "POST",
        url: "{{baseUrl}}/grant",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: {
          mode: "raw",
          raw: '{\n  "region": "{{region}}",\n  "creds": {{client_secret}},\n  "pin": {{pin_secret}},\n  "big": {{big}}\n}',
          options: { raw: { language: "json" } },
        },
      },
    },
  ],
};

const bodies: string[] = [];

const server = useQuotingServer({
  prefix: "pcg-unquoted-as-written-",
  quote: (body) => {
    bodies.push(body);
    return { error_message: `bad request: ${body}`, request: { body } };
  },
  packages: [{ name: "unquoted", collection }],
  timeout: 120_000,
});

/** Each text holds neither secret, nor what either would read as parsed and written again. */
function expectMasked(texts: readonly string[]): void {
  for (const text of texts) {
    expect(text, text).not.toContain("SUPERSECRET");
    expect(text, text).not.toContain("4321");
    expect(text).toContain("***");
  }
  expect(texts[0]).toContain(VISIBLE);
}

const VARIABLES = { client_secret: OBJECT_SECRET, pin_secret: NUMBER_SECRET };

async function grant(): Promise<unknown> {
  const { createClient } = await server.load<{
    createClient: (options: object) => { grant: () => Promise<unknown> };
  }>("unquoted");
  return createClient({ baseUrl: server.base, maxRetries: 0, variables: VARIABLES }).grant();
}

describe("an unquoted variable is sent as its own text", () => {
  it("byte for byte: a big number exact, a secret object and 4321.0 as written", async () => {
    bodies.length = 0;
    await rejection(grant);
    expect(bodies).toEqual([`{"region":"${VISIBLE}","creds":${OBJECT_SECRET},"pin":${NUMBER_SECRET},"big":${BIG}}`]);
  });

  it("so a client's error masks a secret variable's echo in its message, body and JSON", async () => {
    const error = await rejection(grant);
    expectMasked(readings(error));
  });

  it("and the command line's error masks it, as text and as --json", async () => {
    const cli = (args: string[]) =>
      server.cli("unquoted", [
        "grant",
        ...Object.entries(VARIABLES).flatMap(([name, value]) => ["--variable", `${name}=${value}`]),
        ...["--base-url", server.base, "--max-retries", "0"],
        ...args,
      ]);
    const text = await cli([]);
    expect(text.code, text.stderr).toBe(1);
    expect(text.stderr).toContain("HTTP 400");
    const json = await cli(["--json"]);
    expect(json.code, json.stderr).toBe(1);
    const printed = JSON.parse(json.stdout) as { ok: boolean; error: { message: string } };
    expect(printed.ok).toBe(false);
    expect(printed.error.message).toContain("bad request: ");
    expectMasked([text.stderr + text.stdout, json.stdout + json.stderr]);
  });
});
