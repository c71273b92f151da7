// A secret is masked in the form it was sent, whatever characters it holds and wherever it goes: a
// property over an alphabet of awkward characters (every printable ASCII one, `%`, `+`, `/`, a
// space, `é`, an emoji, a control character). For each place a secret can be sent, a real request
// goes to a real server on 127.0.0.1 that answers 400 with the request echoed back as it arrived
// (URL, headers and body, each as sent, percent-encoding and all), and to a port that refuses (as
// a fetch that quotes the URL reports it) and a server that never answers; the secret must be in
// no error's message, body, String, JSON or inspection, and in no `--dry-run` command nor error of
// the command line, in any form: as written, JSON-escaped, with any percent-encoding undone, and
// (Basic) base64.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ClientDefaults, ClientOptions } from "../../src/runtime/core.js";
import type { ApiError } from "../../src/runtime/errors.js";
import type { ArgSpec, AuthSpec, OperationSpec } from "../../src/runtime/spec.js";
import { testCore } from "../helpers/runtime.js";
import { runWith, testCommandLine } from "../command-line/helpers.js";
import { refusedPort } from "../helpers/refused-port.js";

let echo: Server;
let silent: Server;
let base: string;
let silentBase: string;
/** A port nothing listens on: the server that had it is closed. */
let refusingBase: string;

beforeAll(async () => {
  echo = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += String(chunk);
    // The request as it arrived: the target as sent, each header as sent (Node reads its bytes
    // as Latin-1), the body's bytes as UTF-8.
    const headers: string[] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push(`${req.rawHeaders[i]}: ${req.rawHeaders[i + 1]}`);
    const got = `${req.method} ${req.url}\n${headers.join("\n")}\n\n${body}`;
    res.writeHead(400, { "content-type": "application/json" });
    res.end(JSON.stringify({ message: `bad request: ${got}`, echo: { url: req.url, headers, body } }));
  });
  // Takes the request and never answers.
  silent = createServer(() => {});
  for (const server of [echo, silent]) await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = (server: Server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [base, silentBase, refusingBase] = [url(echo), url(silent), `http://127.0.0.1:${await refusedPort()}`];
});
afterAll(async () => {
  silent.closeAllConnections();
  for (const server of [echo, silent]) await new Promise((resolve) => server.close(resolve));
});

/** The awkward characters: every printable ASCII one (space, `%`, `+`, `/` among them), `é`, an emoji, a control. */
const AWKWARD = [...Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)), "é", "😀", "\u0001"];

/** The characters a header can carry (Latin-1 without controls). */
const HEADER_SAFE = AWKWARD.filter((c) => /^[\x20-\x7e\xa0-\xff]$/.test(c));

/** A deterministic generator (mulberry32): the same secrets every run. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The secrets tried: each character of `alphabet` twice among a `/` and a space (the leak found:
 * a path's and a query's encodings, which leave `/` as it is and encode the space), then random
 * strings of the alphabet. A letter at each end: a header's value is sent trimmed, and a value
 * that starts with `.` may not be a whole path segment.
 */
function secretsOf(alphabet: readonly string[], seed: number): string[] {
  const next = random(seed);
  const pick = () => alphabet[Math.floor(next() * alphabet.length)]!;
  return [
    ...alphabet.map((c) => `Kx${c}/ ${c}q7`),
    ...Array.from({ length: 12 }, () => `R${Array.from({ length: 14 }, pick).join("")}z`),
  ];
}

/** `text` with each run of `%XX` decoded where it is UTF-8, `+` read as a space or not: every percent-encoding undone. */
function decodings(text: string): string[] {
  const decode = (t: string) =>
    t.replace(/(?:%[\dA-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  return [text, decode(text), decode(text.replace(/\+/g, " "))];
}

/** The secret in none of `texts`, in any form; `extra` are forms a place sends it in (Basic's base64). */
function expectNowhere(texts: readonly string[], secret: string, extra: readonly string[] = []): void {
  // Each (form, text) found, said once at the end: an expect() and a message built for each of the
  // thousands of pairs that pass were most of this file's CPU.
  const found: string[] = [];
  for (const text of texts)
    for (const read of decodings(text))
      for (const form of [secret, JSON.stringify(secret).slice(1, -1), ...extra])
        if (read.includes(form)) found.push(`${JSON.stringify(form)} in ${JSON.stringify(read)}`);
  expect(found).toEqual([]);
}

/** Every way an error is read and printed. */
function readings(error: Error): string[] {
  return [
    error.message,
    String(error),
    JSON.stringify(error),
    inspect(error, { depth: Infinity }),
    JSON.stringify((error as ApiError).body ?? null),
  ];
}

const op = (extra: Partial<OperationSpec>): OperationSpec => ({
  name: "getMe",
  namespace: [],
  item: "Get me",
  folder: [],
  method: "GET",
  path: "/echo",
  args: [],
  responses: [],
  ...extra,
});

/** An argument sent from the secret variable `{{tok}}` (the collection's value). */
const fromTok = (name: string, where: ArgSpec["in"], extra: Partial<ArgSpec> = {}): ArgSpec => ({
  arg: name,
  name,
  in: where,
  required: false,
  default: "{{tok}}",
  ...extra,
});
const given = (name: string, where: ArgSpec["in"]): ArgSpec => ({ arg: name, name, in: where, required: true });

interface Place {
  readonly spec: OperationSpec;
  /** The client's options that send the secret (its credentials, the `{{tok}}` variable's value). */
  readonly options?: (secret: string) => ClientOptions<object>;
  readonly args?: (secret: string) => object;
  /** The secret goes in a header: only characters a header can carry. */
  readonly header?: boolean;
  /** Other forms it is sent in (Basic's base64). */
  readonly forms?: (secret: string) => string[];
}

const tok = (secret: string) => ({ variables: { tok: secret } });
const post = (body: OperationSpec["body"], args: ArgSpec[]) => op({ method: "POST", body, args });
const auth = (spec: AuthSpec, extra: Partial<OperationSpec> = {}) => op({ auth: spec, ...extra });

const PLACES: Record<string, Place> = {
  "a path's {{variable}}": { spec: op({ path: "/echo/bot{{tok}}/getMe" }), options: tok },
  "a path variable's default from a {{variable}}": {
    spec: op({ path: "/echo/{id}/x", args: [fromTok("id", "path")] }),
    options: tok,
  },
  "a query value of the collection's": { spec: op({ args: [fromTok("q", "query")] }), options: tok },
  "a query value the caller gives, under a credential's name": {
    spec: op({ args: [given("api_key", "query")] }),
    args: (secret) => ({ api_key: secret }),
  },
  "a header of the collection's": { spec: op({ args: [fromTok("X-Ref", "header")] }), options: tok, header: true },
  "the app's header named as a credential": {
    spec: op({}),
    options: (secret) => ({ headers: { "X-Api-Key": secret } }),
    header: true,
  },
  "a urlencoded field of the collection's": { spec: post("urlencoded", [fromTok("note", "body")]), options: tok },
  "a urlencoded field the caller gives, under a credential's name": {
    spec: post("urlencoded", [given("client_secret", "body")]),
    args: (secret) => ({ client_secret: secret }),
  },
  "a multipart field of the collection's": { spec: post("multipart", [fromTok("note", "body")]), options: tok },
  "a multipart field the caller gives, under a credential's name": {
    spec: post("multipart", [given("password", "body")]),
    args: (secret) => ({ password: secret }),
  },
  "a JSON body's field of the collection's": {
    spec: { ...post("json", [fromTok("secret", "body", { type: "json" })]), contentType: "application/json" },
    options: tok,
  },
  "an API key in the query": {
    spec: auth({ type: "apikey", in: "query", name: "key" }),
    options: (secret) => ({ apiKey: secret }),
  },
  "an API key in a header": {
    spec: auth({ type: "apikey", in: "header", name: "X-Org" }),
    options: (secret) => ({ apiKey: secret }),
    header: true,
  },
  "a bearer token": { spec: auth({ type: "bearer" }), options: (secret) => ({ token: secret }), header: true },
  "Basic's password": {
    spec: auth({ type: "basic" }),
    options: (password) => ({ basic: { username: "ana", password } }),
    forms: (password) => [Buffer.from(`ana:${password}`).toString("base64")],
  },
  "an OAuth 2 token in the query": {
    spec: auth({ type: "oauth2", addTokenTo: "queryParams" }),
    options: (secret) => ({ token: secret }),
  },
  "OAuth 1's token and PLAINTEXT signature in the header": {
    spec: auth({ type: "oauth1", signatureMethod: "PLAINTEXT", addParamsToHeader: true }),
    options: (secret) => ({ oauth1: { consumerKey: "ck", consumerSecret: secret, token: secret, tokenSecret: "ts" } }),
  },
  "OAuth 1's token and PLAINTEXT signature in the query": {
    spec: auth({ type: "oauth1", signatureMethod: "PLAINTEXT", addParamsToHeader: false }),
    options: (secret) => ({ oauth1: { consumerKey: "ck", consumerSecret: secret, token: secret, tokenSecret: "ts" } }),
  },
  "OAuth 1's token and PLAINTEXT signature in a urlencoded body": {
    spec: auth(
      { type: "oauth1", signatureMethod: "PLAINTEXT", addParamsToHeader: false },
      {
        method: "POST",
        body: "urlencoded",
        args: [{ arg: "q", name: "q", in: "body", required: false, default: "x" }],
      },
    ),
    options: (secret) => ({ oauth1: { consumerKey: "ck", consumerSecret: secret, token: secret, tokenSecret: "ts" } }),
  },
  "AWS's session token in a header": {
    spec: auth({ type: "awsv4", service: "s3", region: "us-east-1" }),
    options: (secret) => ({ aws: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: secret } }),
    header: true,
  },
  "AWS's session token in the query": {
    spec: auth({ type: "awsv4", service: "s3", region: "us-east-1", addAuthDataToQuery: true }),
    options: (secret) => ({ aws: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: secret, sessionToken: secret } }),
  },
  "EdgeGrid's tokens": {
    spec: auth({ type: "edgegrid" }),
    options: (secret) => ({ edgegrid: { clientToken: secret, clientSecret: secret, accessToken: secret } }),
    header: true,
  },
  "Hawk's key": {
    spec: auth({ type: "hawk" }),
    options: (key) => ({ hawk: { id: "dh37fgj492je", key } }),
  },
  "a JWT's secret and the token in the query": {
    spec: auth({ type: "jwt", algorithm: "HS256", addTokenTo: "queryParam", payload: "{}" }),
    options: (secret) => ({ jwt: { secret } }),
  },
};

/** The secret variable `{{tok}}`'s being secret, as every package with one says. */
const DEFAULTS: ClientDefaults = { baseUrl: "", variables: {}, secrets: ["tok"] };

/** What the call rejects with. */
async function failure(place: Place, secret: string, options: ClientOptions<object>): Promise<Error> {
  const error = await testCore({ maxRetries: 0, ...place.options?.(secret), ...options }, DEFAULTS)
    .call(place.spec, place.args?.(secret) ?? {})
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

/** fetch, but a failure reported as node-fetch and other fetches report one: quoting the URL. */
const quotingFetch: typeof fetch = async (url, init) => {
  try {
    return await fetch(url, init);
  } catch (error) {
    throw new TypeError(`request to ${String(url)} failed, reason: ${String((error as Error).cause ?? error)}`, {
      cause: error,
    });
  }
};

describe("an error masks a secret in the form it was sent, whatever it holds", () => {
  for (const [name, place] of Object.entries(PLACES)) {
    const secrets = secretsOf(place.header ? HEADER_SAFE : AWKWARD, name.length);

    it(`${name}: an answer that echoes the request`, async () => {
      for (const secret of secrets) {
        const error = await failure(place, secret, { baseUrl: base });
        expectNowhere(readings(error), secret, place.forms?.(secret));
      }
    });

    it(`${name}: a connection refused, by a fetch that quotes the URL, and a timeout`, async () => {
      // Each call has a client of its own, and most of the time is the wait for the timeout: the
      // calls wait together.
      await Promise.all(
        secrets.slice(-4).map(async (secret) => {
          const [refused, timedOut] = await Promise.all([
            failure(place, secret, { baseUrl: refusingBase, fetch: quotingFetch }),
            failure(place, secret, { baseUrl: silentBase, timeoutMs: 50 }),
          ]);
          expectNowhere(readings(refused), secret, place.forms?.(secret));
          expectNowhere(readings(timedOut), secret, place.forms?.(secret));
        }),
      );
    });
  }
});

describe("the command line masks a secret in the form it was sent, whatever it holds", () => {
  /** Each place the command line sends a secret variable's value or a credential flag's. */
  const COMMANDS: Record<string, { spec: OperationSpec; flags: (secret: string) => string[]; header?: boolean }> = {
    "a path's {{variable}}": { spec: op({ path: "/echo/bot{{tok}}/getMe" }), flags: (s) => ["--variable", `tok=${s}`] },
    "a query value of the collection's": {
      spec: op({ args: [fromTok("q", "query")] }),
      flags: (s) => ["--variable", `tok=${s}`],
    },
    "a urlencoded field of the collection's": {
      spec: post("urlencoded", [fromTok("note", "body")]),
      flags: (s) => ["--variable", `tok=${s}`],
    },
    "a JSON body's field of the collection's": {
      spec: { ...post("json", [fromTok("secret", "body", { type: "json" })]), contentType: "application/json" },
      flags: (s) => ["--variable", `tok=${s}`],
    },
    "an API key in the query": {
      spec: auth({ type: "apikey", in: "query", name: "key" }),
      flags: (s) => ["--api-key", s],
    },
    "a bearer token": { spec: auth({ type: "bearer" }), flags: (s) => ["--token", s], header: true },
  };
  for (const [name, { spec, flags, header }] of Object.entries(COMMANDS)) {
    it(`${name}: --dry-run and the error`, async () => {
      const cli = testCommandLine([spec], [], { secretVariables: ["tok"] });
      for (const secret of secretsOf(header ? HEADER_SAFE : AWKWARD, name.length)) {
        const argv = ["get-me", ...flags(secret), "--base-url", base, "--max-retries", "0"];
        const dry = await runWith(cli, [...argv, "--dry-run"]);
        expect(dry.code, dry.stderr).toBe(0);
        const sent = await runWith(cli, argv);
        expect(sent.code, sent.stderr).toBe(1);
        expectNowhere([dry.stdout, dry.stderr, sent.stdout, sent.stderr], secret);
      }
    });
  }
});
