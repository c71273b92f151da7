// A credential sent in a JSON body's field is masked in the call's error, as `--dry-run` masks it:
// a real server on 127.0.0.1 answers 400 quoting the whole request body back (in its message and
// its JSON), and packages generated from a small collection and from Plaid's (which sends its
// `access_token` and `secret` in every body) are called through their client and their command
// line. A field whose name says it holds a credential (`namesSentSecret`), at any depth, in a JSON
// body, a raw body's JSON text or a form field's JSON text, is in no reading of the error; a field
// the rule does not name (`client_id`, `next_page_token`) stays readable.
import { describe, expect, it } from "vitest";
import { readings, rejection } from "../helpers/quoted-errors.js";
import { useQuotingServer } from "../helpers/quoting-server.js";
import { FIXTURES } from "../helpers/seed.js";

const CLIENT_ID = "client-id-visible-41";
const PAGE = "page-token-visible-77";
const SECRET = "secret-value-5c1e9a";
const ACCESS = "bad-access-sandbox-de3c7f21";
const API_KEY = "nested-api-key-8b2d";
const CREDENTIALS = [SECRET, ACCESS, API_KEY];

/** A collection with a JSON body, a raw body whose example is a JSON list, a form field of JSON text and a text body. */
const collection = {
  info: { name: "Json secrets", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://json-secrets.test" }],
  item: [
    {
      name: "Send",
      request: {
        method: "POST",
        url: "{{baseUrl}}/send",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: {
          mode: "raw",
          raw: JSON.stringify({
            client_id: "cid",
            secret: "s",
            access_token: "t",
            nested: { api_key: "k", region: "eu" },
            next_page_token: "p",
          }),
          options: { raw: { language: "json" } },
        },
      },
    },
    {
      name: "Send list",
      request: {
        method: "POST",
        url: "{{baseUrl}}/list",
        body: {
          mode: "raw",
          raw: JSON.stringify([{ access_token: "t", next_page_token: "p" }]),
          options: { raw: { language: "json" } },
        },
      },
    },
    {
      name: "Send form",
      request: {
        method: "POST",
        url: "{{baseUrl}}/form",
        body: {
          mode: "urlencoded",
          urlencoded: [{ key: "payload", value: JSON.stringify({ api_key: "k", next_page_token: "p" }) }],
        },
      },
    },
    {
      name: "Send text",
      request: {
        method: "POST",
        url: "{{baseUrl}}/text",
        body: { mode: "raw", raw: "hello", options: { raw: { language: "text" } } },
      },
    },
  ],
};

const small = "json-secrets";
const plaid = "plaid";
const server = useQuotingServer({
  prefix: "pcg-json-secrets-",
  quote: (body) => ({ error_message: `bad request: ${body}`, request: body }),
  packages: [
    { name: small, collection },
    { name: plaid, collection: `${FIXTURES}collections/plaid-api.postman_collection.json` },
  ],
  timeout: 180_000,
});

function expectMasked(texts: readonly string[], readable: readonly string[]): void {
  for (const text of texts) {
    for (const secret of CREDENTIALS) expect(text).not.toContain(secret);
    expect(text).toContain("***");
  }
  for (const value of readable) expect(texts[0]).toContain(value);
}

type Client = Record<string, (args: unknown) => Promise<unknown>>;

async function clientOf(pkg: string, options: object): Promise<Record<string, unknown>> {
  const { createClient } = await server.load<{
    createClient: (options: object) => Record<string, unknown>;
  }>(pkg);
  return createClient({ baseUrl: server.base, maxRetries: 0, ...options });
}

describe("a client's error masks the credentials a JSON body sent", () => {
  it("its fields named as credentials, at any depth; client_id and next_page_token readable", async () => {
    const client = (await clientOf(small, {})) as Client;
    const error = await rejection(() =>
      client.send!({
        client_id: CLIENT_ID,
        secret: SECRET,
        access_token: ACCESS,
        nested: { api_key: API_KEY, region: "eu-west" },
        next_page_token: PAGE,
      }),
    );
    expectMasked(readings(error), [CLIENT_ID, PAGE, "eu-west"]);
  });

  it("a raw body's JSON, passed as an object or as its text, nested deeper than a call stack goes", async () => {
    const client = (await clientOf(small, {})) as Client;
    const deep = 50_000;
    for (const body of [
      [{ access_token: ACCESS, next_page_token: PAGE }],
      JSON.stringify([{ access_token: ACCESS, next_page_token: PAGE }]),
      `${"[".repeat(deep)}${JSON.stringify({ access_token: ACCESS, next_page_token: PAGE })}${"]".repeat(deep)}`,
    ]) {
      const error = await rejection(() => client.sendList!({ body }));
      expectMasked(readings(error), [PAGE]);
    }
  });

  it("a form field of an object's JSON text, passed as the object or as its text", async () => {
    const client = (await clientOf(small, {})) as Client;
    for (const payload of [
      { api_key: API_KEY, next_page_token: PAGE },
      JSON.stringify({ api_key: API_KEY, next_page_token: PAGE }),
    ]) {
      const error = await rejection(() => client.sendForm!({ payload }));
      expectMasked(readings(error), [PAGE]);
    }
  });

  it("Plaid's access_token passed to retrieveItem, as its secret variable's value is", async () => {
    const client = await clientOf(plaid, { variables: { secret_key: SECRET } });
    const items = client.items as Record<string, Client>;
    const error = await rejection(() =>
      items.itemManagement!.retrieveItem!({ access_token: ACCESS, client_id: CLIENT_ID }),
    );
    expectMasked(readings(error), [CLIENT_ID]);
  });
});

describe("a package's command line masks them in its error output", () => {
  const cli = (pkg: string, args: string[], env: Record<string, string> = {}) =>
    server.cli(pkg, [...args, "--base-url", server.base, "--max-retries", "0"], env);

  it("flags of a JSON body's fields, a nested one, a form field's JSON text and a text body's JSON", async () => {
    for (const [args, readable] of [
      [
        [
          "send",
          ...["--client-id", CLIENT_ID, "--secret", SECRET, "--access-token", ACCESS],
          ...["--nested", JSON.stringify({ api_key: API_KEY }), "--next-page-token", PAGE],
        ],
        [CLIENT_ID, PAGE],
      ],
      [["send-form", "--payload", JSON.stringify({ api_key: API_KEY, next_page_token: PAGE })], [PAGE]],
      [["send-text", "--body", JSON.stringify({ access_token: ACCESS, next_page_token: PAGE })], [PAGE]],
    ] as const) {
      const result = await cli(small, [...args]);
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toContain("HTTP 400");
      expectMasked([result.stderr + result.stdout], readable);
    }
  });

  it("Plaid's --access-token, as its --dry-run masks it", async () => {
    const args = ["items", "item-management", "retrieve-item", "--access-token", ACCESS, "--client-id", CLIENT_ID];
    const env = { PLAID_SECRET_KEY: SECRET };
    const dry = await cli(plaid, [...args, "--dry-run"], env);
    expect(dry.code).toBe(0);
    expect(dry.stdout).not.toContain(ACCESS);
    const result = await cli(plaid, args, env);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain("HTTP 400");
    expectMasked([result.stderr + result.stdout], [CLIENT_ID]);
  });
});
