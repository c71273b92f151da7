// A credential a call sent is masked however a server echoes it: a real server on 127.0.0.1
// answers 400 quoting the URL it got with its percent-encoding in lower case (as a proxy that
// normalizes it writes it), the whole body it got, and each string of a form field's JSON text,
// in its message and its JSON. A package
// generated from a small collection is called through its client and its command line (text and
// `--json`), and no reading of the error holds the credential:
// - a query parameter named as one, its percent-encoding echoed in lower case (`%c3%a9`);
// - a multipart part typed as JSON (the field's own `application/json`) whose fields name one;
// - an object or a list under a credential's name (`{"access_token": {"value": …}}`,
//   `{"client_secret": [{"part": …}]}`), and a form field named as one whose value is JSON text:
//   every string under such a name is a credential, whatever the keys under it say.
import { describe, expect, it } from "vitest";
import { readings, rejection } from "../helpers/quoted-errors.js";
import { useQuotingServer } from "../helpers/quoting-server.js";

/** A key whose characters percent-encode to hex letters (`ü` is `%C3%BC`, `é` `%C3%A9`). */
const QUERY_KEY = "qk-üé-7f3a9c";
const PART_SECRET = "part-secret-4e8d1b";
const TOKEN_VALUE = "token-value-a61f0c";
const SECRET_PART = "split-secret-93be27";
const FORM_VALUE = "form-json-value-5d72";
const REGION = "region-visible-eu-west";
const CLIENT_ID = "client-id-visible-41";
const CREDENTIALS = [QUERY_KEY, PART_SECRET, TOKEN_VALUE, SECRET_PART, FORM_VALUE];

const collection = {
  info: { name: "Masked echoes", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://masked-echoes.test" }],
  item: [
    {
      name: "Search",
      request: {
        method: "GET",
        url: {
          raw: "{{baseUrl}}/search?api_key=k&q=x",
          host: ["{{baseUrl}}"],
          path: ["search"],
          query: [
            { key: "api_key", value: "k" },
            { key: "q", value: "x" },
          ],
        },
      },
    },
    {
      name: "Upload",
      request: {
        method: "POST",
        url: "{{baseUrl}}/upload",
        body: {
          mode: "formdata",
          formdata: [
            {
              key: "metadata",
              value: JSON.stringify({ client_secret: "s", region: "eu" }),
              type: "text",
              contentType: "application/json",
            },
          ],
        },
      },
    },
    {
      name: "Grant",
      request: {
        method: "POST",
        url: "{{baseUrl}}/grant",
        header: [{ key: "Content-Type", value: "application/json" }],
        body: {
          mode: "raw",
          raw: JSON.stringify({ client_id: "c", access_token: { value: "t" }, client_secret: [{ part: "p" }] }),
          options: { raw: { language: "json" } },
        },
      },
    },
    {
      name: "Form grant",
      request: {
        method: "POST",
        url: "{{baseUrl}}/form-grant",
        body: {
          mode: "urlencoded",
          urlencoded: [
            { key: "client_id", value: "c" },
            { key: "client_secret", value: JSON.stringify({ value: "v" }) },
          ],
        },
      },
    },
  ],
};

const server = useQuotingServer({
  prefix: "pcg-masked-echoes-",
  quote: (body, req) => {
    const url = (req.url ?? "").replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
    // Each string of JSON text in a form field, as a server that read it quotes what it refused.
    const values: string[] = [];
    const collect = (value: unknown): unknown =>
      typeof value === "string" ? values.push(value) : value && Object.values(value).forEach(collect);
    if (/urlencoded/.test(String(req.headers["content-type"])))
      for (const [, field] of new URLSearchParams(body))
        try {
          collect(JSON.parse(field));
        } catch {
          // Not JSON: quoted with the body only.
        }
    return { error_message: `bad request: ${url} ${body} (${values.join(", ")})`, request: { url, body } };
  },
  packages: [{ name: "masked-echoes", collection }],
  timeout: 120_000,
});

/** A credential as it is, and percent-encoded in either case, as the server may echo it. */
function forms(secret: string): string[] {
  const upper = encodeURIComponent(secret);
  return [secret, upper, upper.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase())];
}

/** Each text holds no credential in any of its forms and holds the mask; `readable` stays in the first. */
function expectMasked(texts: readonly string[], readable: readonly string[]): void {
  for (const text of texts) {
    for (const secret of CREDENTIALS) for (const form of forms(secret)) expect(text, text).not.toContain(form);
    expect(text).toContain("***");
  }
  for (const value of readable) expect(texts[0]).toContain(value);
}

type Client = Record<string, (args: unknown) => Promise<unknown>>;

async function client(): Promise<Client> {
  const { createClient } = await server.load<{ createClient: (options: object) => Client }>("masked-echoes");
  return createClient({ baseUrl: server.base, maxRetries: 0 });
}

/** The calls, with what each echo keeps readable, through the client and as the command line's flags. */
const CALLS: ReadonlyArray<{ what: string; method: string; args: object; flags: string[]; readable: string[] }> = [
  {
    what: "a query parameter named as one, echoed with lower-case hex",
    method: "search",
    args: { api_key: QUERY_KEY, q: "plain" },
    flags: ["search", "--api-key", QUERY_KEY, "--q", "plain"],
    readable: ["q=plain"],
  },
  {
    what: "a multipart part typed as JSON whose field names one",
    method: "upload",
    args: { metadata: { client_secret: PART_SECRET, region: REGION } },
    flags: ["upload", "--metadata", JSON.stringify({ client_secret: PART_SECRET, region: REGION })],
    readable: [REGION, "application/json"],
  },
  {
    what: "an object and a list of objects under a credential's name in a JSON body",
    method: "grant",
    args: { client_id: CLIENT_ID, access_token: { value: TOKEN_VALUE }, client_secret: [{ part: SECRET_PART }] },
    flags: [
      "grant",
      ...["--client-id", CLIENT_ID, "--access-token", JSON.stringify({ value: TOKEN_VALUE })],
      ...["--client-secret", JSON.stringify([{ part: SECRET_PART }])],
    ],
    readable: [CLIENT_ID],
  },
  {
    what: "a form field named as one whose value is JSON text",
    method: "formGrant",
    args: { client_id: CLIENT_ID, client_secret: JSON.stringify({ value: FORM_VALUE }) },
    flags: ["form-grant", ...["--client-id", CLIENT_ID, "--client-secret", JSON.stringify({ value: FORM_VALUE })]],
    readable: [CLIENT_ID],
  },
];

describe("a client's error masks a credential however the server echoes it", () => {
  for (const { what, method, args, readable } of CALLS)
    it(what, async () => {
      const calls = await client();
      const error = await rejection(() => calls[method]!(args));
      expectMasked(readings(error), readable);
    });
});

describe("a package's command line masks it in its error output, as text and as --json", () => {
  const cli = (args: string[]) =>
    server.cli("masked-echoes", [...args, "--base-url", server.base, "--max-retries", "0"]);

  for (const { what, flags, readable } of CALLS)
    it(what, async () => {
      const text = await cli(flags);
      expect(text.code, text.stderr).toBe(1);
      expect(text.stderr).toContain("HTTP 400");
      const json = await cli([...flags, "--json"]);
      expect(json.code, json.stderr).toBe(1);
      const printed = JSON.parse(json.stdout) as { ok: boolean; error: { message: string } };
      expect(printed.ok).toBe(false);
      expect(printed.error.message).toContain("bad request: ");
      expectMasked([text.stderr + text.stdout, json.stdout + json.stderr], readable);
    });
});
