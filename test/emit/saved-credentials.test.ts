// Credentials a collection holds beyond a request's named fields: in the answers its examples saved.
// Generated into a scratch folder, they are in no emitted byte (the mocks and the generated tests
// included), while the types inferred from the answers stay, and the mock server still answers with
// a body of that type.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { mockApi } from "../../src/mocks/mock-data.js";
import { startMockServer, type MockServer } from "../../src/mocks/server.js";
import { shapeOf } from "../../src/model/shape.js";
import type { ApiModel } from "../../src/model/types.js";
import { writePackage } from "../../src/write/write-package.js";

const SECRETS = [
  "ANSWER-SECRET-1a",
  "ANSWER-SECRET-2b",
  "ANSWER-SECRET-3c",
  "ANSWER-SECRET-4d",
  "ANSWER-SECRET-5e",
  "ANSWER-SECRET-6f",
  "ANSWER-SECRET-7g",
  // Under a credential's name, in an object or a list of them: a credential in parts.
  "ANSWER-SECRET-8h",
  "ANSWER-SECRET-9i",
];
const RAW_SECRETS = [
  "RAW-SECRET-1a",
  "RAW-SECRET-2b",
  "RAW-SECRET-3c",
  "RAW-SECRET-4d",
  "RAW-SECRET-5e",
  "RAW-SECRET-6f",
  "RAW-SECRET-7g",
];
const DESC_SECRETS = [
  "DESC-SECRET-1a",
  "DESC-SECRET-2b",
  "DESC-SECRET-3c",
  "DESC-SECRET-4d",
  "DESC-SECRET-5e",
  "DESC-SECRET-6f",
  "DESC-SECRET-7g",
];
// A JWT's shape alone says what it is: written with no name before it, it goes too.
const DESC_JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJERVNDLVNFQ1JFVCJ9.c2lnbmF0dXJlLXNlY3JldA";
// Prose about credentials, with no credential in it: kept as written.
const PROSE =
  "Send your token as the Authorization: Bearer header (Basic authentication is refused); password: required.";
const raw = (name: string, text: string, language?: string, header: object[] = []) => ({
  name,
  request: {
    method: "POST",
    header,
    url: `https://api.example.com/${name.toLowerCase().replace(/ /g, "-")}`,
    body: { mode: "raw", raw: text, ...(language ? { options: { raw: { language } } } : {}) },
  },
});
const ANSWER_KEY = 774_120_993;
// A meeting's link holds its passcode (Zoom's `join_url …?pwd=`): whatever the field's name, it goes.
const answer = {
  access_token: SECRETS[0],
  expires_in: 3600,
  user: { id: "u-1", api_key: ANSWER_KEY },
  join_url: `https://meet.example.com/j/123?pwd=${SECRETS[5]}&tk=t1`,
  // A setting under such a name (a number, a flag) stays: Zoom's password requirements.
  client_secret: { value: SECRETS[7], parts: [{ part: SECRETS[8] }], length: 8, rotated: false },
};

const collection = {
  info: {
    name: "Saved secrets",
    schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    description: `Sign in first. Example token: ${DESC_JWT}. ${PROSE}`,
  },
  variable: [{ key: "region", value: "eu", description: `Region; the admin's password: ${DESC_SECRETS[6]}` }],
  item: [
    {
      name: "Log in",
      request: { method: "POST", url: "https://api.example.com/login" },
      response: [
        {
          name: "Logged in",
          code: 200,
          header: [
            { key: "Content-Type", value: "application/json" },
            { key: "Set-Cookie", value: `session=${SECRETS[1]}; HttpOnly` },
            { key: "X-Auth-Token", value: SECRETS[2] },
            { key: "X-Request-Id", value: "r-1" },
            // A redirect's URL holds a credential, as an answer's body's may.
            { key: "Location", value: `https://app.example.com/cb?state=s-1&access_token=${SECRETS[6]}` },
          ],
          body: JSON.stringify(answer, null, 2),
        },
        {
          name: "Refused",
          code: 401,
          header: [{ key: "Content-Type", value: "application/json" }],
          body: JSON.stringify({ error: "expired", refresh_token: SECRETS[3] }),
        },
        {
          // An OAuth token answer as GitHub gives it by default: form pairs, no JSON.
          name: "Form answer",
          code: 202,
          header: [{ key: "Content-Type", value: "application/x-www-form-urlencoded" }],
          body: `access_token=${SECRETS[4]}&scope=repo&token_type=bearer`,
        },
      ],
    },
    raw("Loose json", `{\n  // who\n  "user": "bob",\n  "password": "${RAW_SECRETS[0]}",\n}`, "json"),
    raw("Text json", JSON.stringify({ user: "bob", client_secret: RAW_SECRETS[1] }), "text"),
    raw("Form text", `grant_type=password&username=bob&password=${RAW_SECRETS[2]}`, undefined, [
      { key: "Content-Type", value: "application/x-www-form-urlencoded" },
    ]),
    raw("Xml", `<login><user>bob</user><ns:password>${RAW_SECRETS[3]}</ns:password></login>`, "xml"),
    {
      name: "Graphql",
      request: {
        method: "POST",
        url: "https://api.example.com/graphql",
        body: {
          mode: "graphql",
          graphql: { query: `mutation { login(user: "bob", password: "${RAW_SECRETS[4]}") { id } }` },
        },
      },
      response: [
        {
          name: "Saved",
          code: 200,
          body: "",
          originalRequest: {
            method: "POST",
            url: "https://api.example.com/graphql",
            body: { mode: "raw", raw: `<auth><api_key>${RAW_SECRETS[5]}</api_key></auth>` },
          },
        },
      ],
    },
    {
      name: "Described",
      request: {
        method: "GET",
        url: {
          raw: "https://api.example.com/described?page=2",
          host: ["api", "example", "com"],
          path: ["described"],
          query: [{ key: "page", value: "2", description: `Page; token=${DESC_SECRETS[4]} works too` }],
        },
        header: [{ key: "X-Trace", value: "t-1", description: `A trace id, "secret": "${DESC_SECRETS[5]}"` }],
        description: [
          `curl -H 'Authorization: Bearer ${DESC_SECRETS[0]}' -H "X-Api-Key: ${DESC_SECRETS[1]}" \\`,
          `  "https://api.example.com/described?api_key=${DESC_SECRETS[2]}&page=2"`,
          `or https://bob:${DESC_SECRETS[3]}@api.example.com, with Bearer {{token}} and password_policy=strict.`,
          PROSE,
        ].join("\n"),
      },
    },
    raw("Nested json", JSON.stringify({ user: "bob", access_token: { value: RAW_SECRETS[6] } }), "json"),
  ],
};

let out: string;
let model: ApiModel;

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "postman-codegen-saved-secrets-"));
  const file = join(work, "saved-secrets.postman_collection.json");
  writeFileSync(file, JSON.stringify(collection));
  out = join(work, "saved-secrets");
  const emitted = await emitTarget({ collection: file, out, name: "saved-secrets" });
  await writePackage(out, emitted.files);
  model = emitted.model;
}, 120_000);

function emittedText(): Array<[string, string]> {
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  expect(files.length).toBeGreaterThan(20);
  return files.map((e) => [
    relative(out, join(e.parentPath, e.name)),
    readFileSync(join(e.parentPath, e.name), "latin1"),
  ]);
}

describe("a saved answer's credentials", () => {
  it("are in no emitted byte, each replaced with a warning naming its place, the types kept", () => {
    for (const [path, text] of emittedText())
      for (const secret of [...SECRETS, String(ANSWER_KEY)])
        expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
    const answers = model.warnings.filter((w) => w.message.includes("example's answer"));
    expect(answers.map((w) => `${w.source}: ${w.message.slice(0, w.message.indexOf(" in this example's"))}`)).toEqual([
      "item[0].response[0].body: the value of body field $.access_token",
      "item[0].response[0].body: the value of body field $.user.api_key",
      "item[0].response[0].body: the value of body field $.client_secret.value",
      "item[0].response[0].body: the value of body field $.client_secret.parts[0].part",
      'item[0].response[0].body: the value of body field $.join_url (its URL\'s query parameter "pwd")',
      'item[0].response[0].body: the value of body field $.join_url (its URL\'s query parameter "tk")',
      'item[0].response[0].header: the value of header "Set-Cookie"',
      'item[0].response[0].header: the value of header "X-Auth-Token"',
      'item[0].response[0].header: the value of header "Location" (its URL\'s query parameter "access_token")',
      "item[0].response[1].body: the value of body field $.refresh_token",
      'item[0].response[2].body: the value of form field "access_token"',
    ]);
    const form = model.operations[0]!.responses.find((r) => r.status === 202)!;
    expect(form.examples[0]!.body).toBe("access_token=REDACTED&scope=repo&token_type=bearer");
    const ok = model.operations[0]!.responses.find((r) => r.status === 200)!;
    expect(ok.shape).toEqual(shapeOf(answer));
  });

  describe("the mock server", () => {
    let server: MockServer;
    beforeAll(async () => {
      server = await startMockServer(mockApi(model).api, { port: 0, log: () => {} });
    });
    afterAll(() => server?.close());

    it("answers with a body of the answer's type, and the other headers as saved", async () => {
      const res = await fetch(`${server.url}/login`, { method: "POST" });
      const text = await res.text();
      for (const secret of [...SECRETS, String(ANSWER_KEY)]) expect(text).not.toContain(secret);
      expect(shapeOf(JSON.parse(text))).toEqual(shapeOf(answer));
      expect(res.headers.get("x-request-id")).toBe("r-1");
      for (const name of ["set-cookie", "x-auth-token"]) {
        expect(res.headers.get(name)).not.toBeNull();
        for (const secret of SECRETS) expect(res.headers.get(name)).not.toContain(secret);
      }
    });
  });
});

describe("a raw body's credentials in text that is no JSON as it stands", () => {
  it("are in no emitted byte, each left out with a warning naming its place", () => {
    for (const [path, text] of emittedText())
      for (const secret of RAW_SECRETS) expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
    const raw = model.warnings.filter((w) => /^item\[[1-57]\]/.test(w.source) && w.message.includes(" is left out"));
    expect(raw.map((w) => `${w.source}: ${w.message.slice(0, w.message.indexOf(" is left out"))}`)).toEqual([
      "item[1].request.body.raw: the value of body field $.password",
      "item[2].request.body.raw: the value of body field $.client_secret",
      'item[3].request.body.raw: the value of form field "password"',
      "item[4].request.body.raw: the value of element <password>",
      'item[5].request.body.graphql.query: the value of field "password"',
      "item[5].response[0].originalRequest.body.raw: the value of element <api_key> in the request this example was saved with",
      "item[7].request.body.raw: the value of body field $.access_token.value",
    ]);
  });

  it("keep the rest of the text as written", () => {
    const body = (name: string) =>
      model.operations.find((op) => op.name === name)!.args.find((a) => a.name === "body")!;
    expect(body("formText").example).toBe("grant_type=password&username=bob&password=");
    expect(body("xml").example).toBe("<login><user>bob</user><ns:password></ns:password></login>");
    // A GraphQL body's query is sent when the caller passes none: its default.
    expect(body("graphql").default).toEqual({ query: 'mutation { login(user: "bob", password: "") { id } }' });
  });
});

describe("a credential written into a description", () => {
  it("is in no emitted byte, masked by what goes in its place", () => {
    for (const [path, text] of emittedText())
      for (const secret of [...DESC_SECRETS, DESC_JWT.split(".")[2]!])
        expect(text.includes(secret), `${secret} in ${path}`).toBe(false);
    const described = model.operations.find((op) => op.name === "described")!;
    expect(described.description).toBe(
      [
        `curl -H 'Authorization: Bearer <token>' -H "X-Api-Key: <X-Api-Key>" \\`,
        `  "https://api.example.com/described?api_key=<api_key>&page=2"`,
        "or https://bob:<password>@api.example.com, with Bearer {{token}} and password_policy=strict.",
        PROSE,
      ].join("\n"),
    );
    expect(model.description).toBe(`Sign in first. Example token: <token>. ${PROSE}`);
    expect(described.args.find((a) => a.name === "page")!.description).toBe("Page; token=<token> works too");
    expect(described.args.find((a) => a.name === "X-Trace")!.description).toBe('A trace id, "secret": "<secret>"');
    expect(model.variables.find((v) => v.name === "region")!.description).toBe(
      "Region; the admin's password: <password>",
    );
  });
});
