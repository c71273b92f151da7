// What `--dry-run` must never print: credentials in JSON bodies (by key, at any depth), values of
// variables that are secrets by the generator's rule, however the request encodes them. Nothing is
// sent, so no server: the base URL is never reached.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toCurl, type CapturedRequest, type CurlContext } from "../../src/command-line/curl.js";
import { emitCommandLine } from "../../src/command-line/emit-command-line.js";
import { loadCollection } from "../../src/load/collection.js";
import { credentialLastWords, credentialWords } from "../../src/runtime/credential-names.js";
import { HALF_CHARACTER } from "../../src/runtime/request.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { runWith, testCommandLine } from "./helpers.js";

const BASE = "http://127.0.0.1:1";
const NONE: CurlContext = {
  secrets: [],
  credentialWords: credentialWords(),
  credentialLastWords: credentialLastWords(),
  secretNames: [],
  files: new Map(),
};

function post(body: unknown, type?: string, url = `${BASE}/p`): CapturedRequest {
  return { url, method: "POST", headers: new Headers(type ? { "content-type": type } : {}), body };
}

/** Plaid's shape: the API's credentials are fields of the JSON body, filled from variables. */
const retrieveAuth: OperationSpec = {
  name: "retrieveAuth",
  namespace: ["auth"],
  item: "Retrieve Auth",
  folder: ["Auth"],
  method: "POST",
  path: "/auth/get",
  args: [
    { arg: "client_id", name: "client_id", in: "body", required: false, type: "json", default: "{{client_id}}" },
    { arg: "secret", name: "secret", in: "body", required: false, type: "json", default: "{{secret_key}}" },
    {
      arg: "access_token",
      name: "access_token",
      in: "body",
      required: false,
      type: "json",
      default: "{{access_token}}",
    },
    { arg: "options", name: "options", in: "body", required: false, type: "json" },
  ],
  body: "json",
  contentType: "application/json",
  responses: [{ status: 200 }],
};

describe("JSON bodies", () => {
  it("masks the values of secret-named keys at any depth, everything below them, the rest as written", () => {
    const text =
      '{"client_id":"c-1","secret":"s3cr3t","nested":{"access_token":"tok","list":[{"password":"pw","n":1}]},' +
      '"credentials":{"user":"u","pin":1234,"on":true},"amount":12345678901234567890,\n  "empty":null}';
    const out = toCurl(post(text, "application/json"), NONE);
    expect(out).toContain(
      `--data-raw '{"client_id":"c-1","secret":"***","nested":{"access_token":"***","list":[{"password":"***","n":1}]},` +
        `"credentials":{"user":"***","pin":"***","on":true},"amount":12345678901234567890,\n  "empty":null}'`,
    );
  });

  it("masks a short secret value without garbling the keys and words that hold its letters", () => {
    const text = '{"client_id":"local-client","access_token":"tok","note":"tokens left"}';
    const out = toCurl(post(text, "application/json"), { ...NONE, secrets: ["tok"] });
    expect(out).toContain(`--data-raw '{"client_id":"local-client","access_token":"***","note":"tokens left"}'`);
  });

  it("masks body credentials given by flag or filled from variables (Plaid's client_id, secret, access_token)", async () => {
    const cli = testCommandLine(
      [retrieveAuth],
      [{ path: ["auth", "retrieveAuth"], args: [{ arg: "options", kind: "json" }] }],
    );
    const byFlag = await runWith(cli, [
      "auth",
      "retrieve-auth",
      "--client-id",
      "client-1",
      "--secret",
      "SUPERSECRET",
      "--access-token",
      "access-sandbox-1",
      "--options",
      '{"account_ids":["a1"],"api_key":"K-9"}',
      "--dry-run",
      "--base-url",
      BASE,
    ]);
    expect(byFlag.stderr).toBe("");
    expect(byFlag.code).toBe(0);
    expect(byFlag.stdout).toContain(
      `--data-raw '{"client_id":"client-1","secret":"***","access_token":"***","options":{"account_ids":["a1"],"api_key":"***"}}'`,
    );
    const byVariable = await runWith(cli, [
      "auth",
      "retrieve-auth",
      "--variable",
      "secret_key=SUPERSECRET",
      "--variable",
      "client_id=c",
      "--variable",
      "access_token=a",
      "--dry-run",
      "--base-url",
      BASE,
    ]);
    expect(byVariable.code).toBe(0);
    expect(byVariable.stdout).toContain(`--data-raw '{"client_id":"c","secret":"***","access_token":"***"}'`);
    for (const out of [byFlag.stdout, byVariable.stdout]) {
      expect(out).not.toContain("SUPERSECRET");
      expect(out).not.toContain("K-9");
    }
  });

  it("leaves text that is not JSON, and a JSON body without secrets, as it is", () => {
    expect(toCurl(post('{"secret": oops', "application/json"), NONE)).toContain(`--data-raw '{"secret": oops'`);
    expect(toCurl(post('[1, {"a": "b"}]', "application/json"), NONE)).toContain(`--data-raw '[1, {"a": "b"}]'`);
  });
});

/** A small collection: a credential in a JSON body field and a header, filled from variables. */
const NOTES = {
  info: { name: "Notes", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  auth: {
    type: "apikey",
    apikey: [
      { key: "key", value: "X-Org" },
      { key: "value", value: "{{orgValue}}" },
      { key: "in", value: "header" },
    ],
  },
  variable: [
    { key: "baseUrl", value: "https://notes.test" },
    { key: "orgValue", value: "{{prod_org}}" },
  ],
  item: [
    {
      name: "Create note",
      request: {
        method: "POST",
        url: "{{baseUrl}}/notes",
        header: [
          { key: "X-Session", value: "{{session_token}}" },
          { key: "X-Trace", value: "{{trace_id}}" },
        ],
        body: {
          mode: "raw",
          raw: '{"note": "{{apiSecret}}", "client_id": "{{client_id}}"}',
          options: { raw: { language: "json" } },
        },
      },
    },
  ],
};

/** The variables the package's command line takes as secrets, as its data module holds them. */
async function emittedSecretVariables(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-dry-run-"));
  writeFileSync(join(dir, "notes.postman_collection.json"), JSON.stringify(NOTES));
  const model = await loadCollection(join(dir, "notes.postman_collection.json"));
  const identity = /^const identity = ([^;]*);$/m.exec(emitCommandLine(model, "notes-api").js.esm)![1]!;
  return (JSON.parse(identity) as { secretVariables?: string[] }).secretVariables ?? [];
}

const createNote: OperationSpec = {
  name: "createNote",
  namespace: [],
  item: "Create note",
  folder: [],
  method: "POST",
  path: "/notes",
  args: [
    { arg: "X-Session", name: "X-Session", in: "header", required: false, default: "{{session_token}}" },
    { arg: "X-Trace", name: "X-Trace", in: "header", required: false, default: "{{trace_id}}" },
    { arg: "note", name: "note", in: "body", required: false, type: "json", default: "{{apiSecret}}" },
    { arg: "client_id", name: "client_id", in: "body", required: false, type: "json", default: "{{client_id}}" },
  ],
  body: "json",
  contentType: "application/json",
  responses: [{ status: 201 }],
};

describe("variables that are secrets by the generator's rule", () => {
  it("are listed in the package: named as a credential, or taken by the auth (through references)", async () => {
    expect(await emittedSecretVariables()).toEqual(["apiSecret", "orgValue", "prod_org", "session_token"]);
  });

  it("mask what they fill, by value wherever it is sent and by field however short", async () => {
    const cli = testCommandLine([createNote], [], { secretVariables: await emittedSecretVariables() });
    const argv = (...variables: string[]) => [
      "create-note",
      ...variables.flatMap((v) => ["--variable", v]),
      "--dry-run",
      "--base-url",
      `${BASE}/NOTE-SECRET-1`,
    ];
    const long = await runWith(
      cli,
      argv("apiSecret=NOTE-SECRET-1", "session_token=SESSION-42", "trace_id=t-1", "client_id=cid"),
    );
    expect(long.stderr).toBe("");
    expect(long.stdout).toBe(
      `curl -X POST '${BASE}/***/notes' \\\n  -H 'content-type: application/json' \\\n  -H 'x-session: ***' \\\n` +
        `  -H 'x-trace: t-1' \\\n  --data-raw '{"note":"***","client_id":"cid"}'\n`,
    );
    // Two characters are too few to look for everywhere: the fields they fill are masked by name.
    const short = await runWith(cli, argv("apiSecret=ab", "session_token=st", "trace_id=t-1", "client_id=cid"));
    expect(short.stdout).toContain("-H 'x-session: ***'");
    expect(short.stdout).toContain(`--data-raw '{"note":"***","client_id":"cid"}'`);
    // So is a value a flag gives to such a field.
    const flag = await runWith(cli, [...argv("session_token=st", "trace_id=t-1", "client_id=cid"), "--note", "ab"]);
    expect(flag.stdout).toContain(`--data-raw '{"note":"***","client_id":"cid"}'`);
  });
});

describe("a secret value, however the request encodes it", () => {
  // A quote for the shell, JSON's escapes, a space, and what form and URL encodings treat apart.
  const SECRET = `it's "q" a+b!(zz9)`;
  const context: CurlContext = {
    secrets: [SECRET],
    credentialWords: credentialWords(),
    credentialLastWords: credentialLastWords(),
    secretNames: [],
    files: new Map(),
  };
  const without = (out: string) => {
    expect(out).toContain("***");
    expect(out).not.toContain("zz9");
  };

  it("in the path and the query (as the runtime encodes them, as the URL normalizes them)", () => {
    without(toCurl(post(undefined, undefined, `${BASE}/p/${encodeURIComponent(SECRET)}/x`), context));
    without(toCurl(post(undefined, undefined, `${BASE}/p?q=${encodeURIComponent(SECRET)}&n=1`), context));
  });

  it("in a header, a urlencoded form, a multipart text field, a JSON string", () => {
    without(toCurl({ ...post(undefined), headers: new Headers({ "x-note": `note ${SECRET}` }) }, context));
    without(toCurl(post(new URLSearchParams([["note", SECRET]])), context));
    without(
      toCurl(post(new URLSearchParams([["note", SECRET]]).toString(), "application/x-www-form-urlencoded"), context),
    );
    const form = new FormData();
    form.append("note", SECRET);
    without(toCurl(post(form), context));
    without(toCurl(post(JSON.stringify({ note: `a ${SECRET}` }), "application/json"), context));
    without(toCurl(post(`text ${SECRET}`, "text/plain"), context));
  });
});

describe("credentials the name rule missed", () => {
  it("a JWT sent in a query parameter of any name", async () => {
    const op: OperationSpec = {
      ...createNote,
      args: [],
      body: undefined,
      method: "GET",
      auth: { type: "jwt", algorithm: "HS256", addTokenTo: "queryParam", queryParamKey: "jwt", payload: '{"a":1}' },
    };
    const result = await runWith(testCommandLine([op]), [
      "create-note",
      "--jwt-secret",
      "jwt-signing-secret",
      "--dry-run",
      "--base-url",
      BASE,
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`curl -X GET '${BASE}/notes?jwt=***'\n`);
  });

  it("names the generator's rule takes for credentials: pwd, passwd, passphrase, jwt, bearer, cookie", () => {
    const out = toCurl(
      {
        ...post(
          '{"user":{"passwd":"p-1","passphrase":"p-2"},"page":2}',
          "application/json",
          `${BASE}/p?pwd=q-1&jwt=q-2&bearer=q-3&cookie_value=q-4&page=2`,
        ),
        headers: new Headers({ "content-type": "application/json", "x-passphrase": "h-1", cookie: "sid=h-2" }),
      },
      NONE,
    );
    expect(out).toContain(`'${BASE}/p?pwd=***&jwt=***&bearer=***&cookie_value=***&page=2'`);
    expect(out).toContain("-H 'x-passphrase: ***'");
    expect(out).toContain("-H 'cookie: ***'");
    expect(out).toContain(`--data-raw '{"user":{"passwd":"***","passphrase":"***"},"page":2}'`);
  });

  it("a secret-named key of JSON text sent as a string: in a JSON body, a form field, a multipart field", () => {
    const inner = '{"client_secret":"s-1","n":1}';
    expect(toCurl(post(JSON.stringify({ options: inner, note: "{not json" }), "application/json"), NONE)).toContain(
      `--data-raw '{"options":"{\\"client_secret\\":\\"***\\",\\"n\\":1}","note":"{not json"}'`,
    );
    const form = new FormData();
    form.append("metadata", inner);
    expect(toCurl(post(form), NONE)).toContain(`--form-string 'metadata={"client_secret":"***","n":1}'`);
    // Re-encoded only where masked.
    const query = `${BASE}/p?q=${encodeURIComponent('{"a": "b c"}')}`;
    expect(toCurl(post(undefined, undefined, query), NONE)).toContain(`'${query}'`);
    const urlencoded = toCurl(post(new URLSearchParams([["metadata", inner]])), NONE);
    expect(new URLSearchParams(/--data-raw '([^']*)'/.exec(urlencoded)![1]!).get("metadata")).toBe(
      '{"client_secret":"***","n":1}',
    );
  });
});

describe("the name rule the package's data holds", () => {
  /** A word no rule has today: a one-time password. */
  const WORD = "ticket";
  const op: OperationSpec = {
    name: "verify",
    namespace: [],
    item: "Verify",
    folder: [],
    method: "POST",
    path: "/verify/{ticket}",
    args: [
      { arg: "ticket", name: "ticket", in: "path", required: true },
      { arg: "X-Ticket-Code", name: "X-Ticket-Code", in: "header", required: false },
      { arg: "backup_ticket", name: "backup_ticket", in: "query", required: false },
      { arg: "ticketValue", name: "ticketValue", in: "body", required: false, type: "json" },
      { arg: "note", name: "note", in: "body", required: false, type: "json" },
    ],
    body: "json",
    contentType: "application/json",
    responses: [{ status: 200 }],
  };
  const argv = [
    "verify",
    ...[
      "--ticket",
      "v-1",
      "--x-ticket-code",
      "v-2",
      "--backup-ticket",
      "v-3",
      "--ticket-value",
      "v-4",
      "--note",
      "n-1",
    ],
    "--dry-run",
    "--base-url",
    BASE,
  ];

  it("is what the command line masks by: a word added there is masked in the path, a header, the query and a JSON body", async () => {
    expect(credentialWords()).not.toContain(WORD);
    const before = await runWith(testCommandLine([op]), argv);
    expect(before.stderr).toBe("");
    expect(before.stdout).toBe(
      `curl -X POST '${BASE}/verify/v-1?backup_ticket=v-3' \\\n  -H 'content-type: application/json' \\\n` +
        `  -H 'x-ticket-code: v-2' \\\n  --data-raw '{"ticketValue":"v-4","note":"n-1"}'\n`,
    );
    const cli = testCommandLine([op], [], { credentialWords: [...credentialWords(), WORD] });
    const after = await runWith(cli, argv);
    expect(after.stderr).toBe("");
    expect(after.stdout).toBe(
      `curl -X POST '${BASE}/verify/***?backup_ticket=***' \\\n  -H 'content-type: application/json' \\\n` +
        `  -H 'x-ticket-code: ***' \\\n  --data-raw '{"ticketValue":"***","note":"n-1"}'\n`,
    );
  });
});

describe("a name that the generator's last words end", () => {
  it("is masked (a signature, a PIN, a session), a name that only holds one is not (`design`, `shipping`, `sessionId`)", () => {
    const headers = new Headers({
      "X-Hub-Signature-256": "v-1",
      "X-Session": "v-2",
      "X-Design": "shown-1",
      "X-Shipping": "shown-2",
    });
    const url = `${BASE}/p?api_sig=v-3&leader_pin=v-4&passcode=v-5&otp=v-6&sessionId=shown-3&pin_code=shown-4`;
    const out = toCurl({ url, method: "GET", headers, body: undefined }, NONE);
    expect(out).toBe(
      `curl -X GET '${BASE}/p?api_sig=***&leader_pin=***&passcode=***&otp=***&sessionId=shown-3&pin_code=shown-4' \\\n` +
        `  -H 'x-design: shown-1' \\\n  -H 'x-hub-signature-256: ***' \\\n  -H 'x-session: ***' \\\n  -H 'x-shipping: shown-2'\n`,
    );
  });
});

describe("a name that holds a credential word within a word of its own", () => {
  it("is shown (`keyword`, `monkey`, `author`); one whose words are a credential's is masked, whatever it is written as", () => {
    const headers = new Headers({
      "X-Api-Key": "v-1",
      "X-Keyword": "shown-1",
      "X-OAuth-Nonce": "v-2",
      Authentication: "v-3",
    });
    const url =
      `${BASE}/p?keyword=shown-2&keywords=shown-3&monkey=shown-4&author=shown-5&footprint=shown-6` +
      `&api_key=v-4&apiKey=v-5&API_KEYS=v-6&card_token=v-7&apiKeyId=v-8&Pass_Word=v-9&userpassword=v-10`;
    const out = toCurl(
      { url, method: "POST", headers, body: JSON.stringify({ keyword: "shown-7", auth: { key: "v-11" } }) },
      NONE,
    );
    expect(out).toBe(
      `curl -X POST '${BASE}/p?keyword=shown-2&keywords=shown-3&monkey=shown-4&author=shown-5&footprint=shown-6` +
        `&api_key=***&apiKey=***&API_KEYS=***&card_token=***&apiKeyId=***&Pass_Word=***&userpassword=***' \\\n` +
        `  -H 'authentication: ***' \\\n  -H 'x-api-key: ***' \\\n` +
        `  -H 'x-keyword: shown-1' \\\n  -H 'x-oauth-nonce: ***' \\\n  --data-raw '{"keyword":"shown-7","auth":{"key":"***"}}'\n`,
    );
  });
});

describe("a path variable named as a credential", () => {
  it("is masked: the URL does not carry its name", async () => {
    const op: OperationSpec = {
      name: "resetPassword",
      namespace: [],
      item: "Reset password",
      folder: [],
      method: "GET",
      path: "/reset/{token}/{user}",
      args: [
        { arg: "token", name: "token", in: "path", required: true },
        { arg: "user", name: "user", in: "path", required: true },
      ],
      responses: [{ status: 200 }],
    };
    const result = await runWith(testCommandLine([op]), [
      "reset-password",
      "--token",
      "reset-7f3a",
      "--user",
      "ann",
      "--dry-run",
      "--base-url",
      BASE,
    ]);
    expect(result.stderr).toBe("");
    expect(result.stdout).toBe(`curl -X GET '${BASE}/reset/***/ann'\n`);
  });
});

describe("a secret holding half a character (a lone surrogate)", () => {
  const cli = async () => testCommandLine([createNote], [], { secretVariables: await emittedSecretVariables() });
  const argv = (...variables: string[]) => [
    "create-note",
    ...variables.flatMap((v) => ["--variable", v]),
    "--dry-run",
    "--base-url",
    BASE,
  ];

  it("is refused as the client refuses it, naming the argument it fills, never its value", async () => {
    const result = await runWith(
      await cli(),
      argv("session_token=SESSION\ud800VALUE", "apiSecret=NOTE-SECRET-1", "trace_id=t-1", "client_id=cid"),
    );
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`argument "X-Session" (header "X-Session") ${HALF_CHARACTER}`);
    expect(result.stderr).not.toMatch(/SESSION|VALUE/);
  });

  it("is masked in a JSON body, which escapes it (JSON text can carry half a character)", async () => {
    const result = await runWith(
      await cli(),
      argv("apiSecret=NOTE\ud800SECRET", "session_token=st", "trace_id=t-1", "client_id=cid"),
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`--data-raw '{"note":"***","client_id":"cid"}'`);
  });

  it("is refused naming the credential when it is the auth's", async () => {
    const op: OperationSpec = { ...createNote, auth: { type: "bearer" } };
    const result = await runWith(testCommandLine([op]), [
      ...argv("session_token=SESSION-42", "trace_id=t-1", "client_id=cid", "apiSecret=n"),
      "--token",
      "TOKEN\udc00VALUE",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^zoom-api: createNote: the token cannot be sent/);
    expect(result.stderr).not.toMatch(/TOKEN|VALUE/);
  });

  it("that the request does not use leaves the curl command as it is", async () => {
    const result = await runWith(
      await cli(),
      argv("orgValue=ORG\ud800VALUE", "apiSecret=NOTE-SECRET-1", "session_token=st", "trace_id=t-1", "client_id=cid"),
    );
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`--data-raw '{"note":"***","client_id":"cid"}'`);
  });
});

describe("--help", () => {
  it("masks the default of a flag whose name the command line masks, as a dry run masks its value", async () => {
    const op: OperationSpec = {
      name: "getThing",
      namespace: [],
      item: "Get thing",
      folder: [],
      method: "GET",
      path: "/thing",
      args: [
        { arg: "X-Org-Key", name: "X-Org-Key", in: "header", required: false, default: "ORG-KEY-SECRET-1" },
        { arg: "X-Auth-User", name: "X-Auth-User", in: "header", required: false, default: "AUTH-USER-2" },
        { arg: "X-Trace", name: "X-Trace", in: "header", required: false, default: "trace-3" },
      ],
      responses: [{ status: 200 }],
    };
    const help = await runWith(testCommandLine([op]), ["get-thing", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).not.toContain("ORG-KEY-SECRET-1");
    expect(help.stdout).not.toContain("AUTH-USER-2");
    expect(help.stdout).toContain("default: trace-3");
    expect(help.stdout.match(/default: \*\*\*/g)).toHaveLength(2);
  });
});

describe("a header whose value is an auth scheme and its credential", () => {
  it("is masked whatever the header's name, as the loader judges a header (given by flag, or filled from a variable)", async () => {
    const op: OperationSpec = {
      name: "headers",
      namespace: [],
      item: "Headers",
      folder: [],
      method: "POST",
      path: "/headers",
      args: [
        { arg: "X-Custom", name: "X-Custom", in: "header", required: false },
        { arg: "X-Signed", name: "X-Signed", in: "header", required: false, default: "Bearer {{tok}}-tail" },
        { arg: "X-Note", name: "X-Note", in: "header", required: false },
      ],
      responses: [{ status: 200 }],
    };
    const argv = ["headers", "--x-custom", "Token S", "--x-note", "Tokens are fine", "--variable", "tok=S"];
    const ran = await runWith(testCommandLine([op]), [...argv, "--dry-run", "--base-url", BASE]);
    expect(ran.stderr).toBe("");
    expect(ran.stdout).toBe(
      `curl -X POST ${BASE}/headers \\\n  -H 'x-custom: ***' \\\n  -H 'x-note: Tokens are fine' \\\n  -H 'x-signed: ***'\n`,
    );
  });
});
