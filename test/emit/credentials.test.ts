// Credentials a collection writes out in request bodies and in the requests its examples were saved
// with: generated into a scratch folder, they are in no emitted byte (the mocks included), and the
// values the README and the generated tests pass in their place type-check against the package as a
// strict user project would.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import ts from "typescript";
import { createProgram, preEmitDiagnostics } from "../helpers/type-check.js";
import { beforeAll, describe, expect, it } from "vitest";
import { strictConsumerOptions } from "../helpers/consumer-options.js";
import { emitTarget } from "../../src/generate.js";
import { exampleArgsLiteral } from "../../src/emit/examples.js";
import type { ApiModel } from "../../src/model/types.js";
import { writePackage } from "../../src/write/write-package.js";

const SECRETS = [
  "BODY-SECRET-1a",
  "BODY-SECRET-2b",
  "BODY-SECRET-3c",
  "BODY-SECRET-4d",
  "BODY-SECRET-5e",
  "SAVED-SECRET-6f",
  "SAVED-SECRET-7g",
  "SAVED-SECRET-8h",
];
const json = (value: unknown) => ({ mode: "raw", raw: JSON.stringify(value), options: { raw: { language: "json" } } });

const collection = {
  info: { name: "Body secrets", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: [
    {
      name: "Exchange token",
      request: {
        method: "POST",
        url: "https://api.example.com/exchange",
        body: json({ client_id: "cid-1", secret: SECRETS[0], count: 3 }),
      },
      response: [
        {
          name: "Exchanged",
          code: 200,
          header: [{ key: "Content-Type", value: "application/json" }],
          body: '{"item_id": "i-1"}',
          originalRequest: {
            method: "POST",
            url: `https://api.example.com/exchange?api_key=${SECRETS[5]}&page=2`,
            body: json({ client_id: "cid-1", secret: SECRETS[6] }),
          },
        },
        {
          name: "Refused",
          code: 401,
          body: "",
          originalRequest: {
            method: "POST",
            url: "https://api.example.com/exchange",
            body: { mode: "urlencoded", urlencoded: [{ key: "password", value: SECRETS[7] }] },
          },
        },
      ],
    },
    {
      name: "Create users",
      request: {
        method: "POST",
        url: "https://api.example.com/users",
        body: json([{ name: "ann", password: SECRETS[1], pin: 7, api_key: 991_357_113 }]),
      },
    },
    {
      name: "Create session",
      request: {
        method: "POST",
        url: "https://api.example.com/sessions",
        body: json({
          user: { name: "{{name}}", credentials: { username: "bob", passphrase: SECRETS[2] }, tokens: [SECRETS[3]] },
        }),
      },
    },
    {
      name: "Query",
      request: {
        method: "POST",
        url: "https://api.example.com/graphql",
        body: { mode: "graphql", graphql: { query: "{ me }", variables: JSON.stringify({ authToken: SECRETS[4] }) } },
      },
    },
  ],
};

let out: string;
let model: ApiModel;

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "postman-codegen-body-secrets-"));
  const file = join(work, "body-secrets.postman_collection.json");
  writeFileSync(file, JSON.stringify(collection));
  out = join(work, "body-secrets");
  const emitted = await emitTarget({ collection: file, out, name: "body-secrets" });
  await writePackage(out, emitted.files);
  model = emitted.model;
}, 120_000);

describe("a JSON body's literal credentials", () => {
  it("are in no emitted byte, each left out with a warning naming its place", () => {
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(20);
    for (const entry of files) {
      const path = join(entry.parentPath, entry.name);
      const text = readFileSync(path).toString("latin1");
      for (const secret of [...SECRETS, "991357113"])
        expect(text.includes(secret), `${secret} in ${relative(out, path)}`).toBe(false);
    }
    expect(model.warnings.map((w) => `${w.source}: ${w.message.slice(0, w.message.indexOf(" is left out"))}`)).toEqual([
      "item[0].request.body.raw: the value of body field $.secret",
      'item[0].response[0].originalRequest.url: the value of query parameter "api_key" in the request this example was saved with',
      "item[0].response[0].originalRequest.body.raw: the value of body field $.secret in the request this example was saved with",
      'item[0].response[1].originalRequest.body.urlencoded: the value of form field "password" in the request this example was saved with',
      "item[1].request.body.raw: the value of body field $[0].password",
      "item[1].request.body.raw: the value of body field $[0].pin",
      "item[1].request.body.raw: the value of body field $[0].api_key",
      "item[2].request.body.raw: the value of body field $.user.credentials.passphrase",
      "item[2].request.body.raw: the value of body field $.user.tokens[0]",
      "item[3].request.body.graphql.variables: the value of body field $.authToken",
    ]);
  });

  it("leave the values the README and the generated tests pass of the types the client takes", () => {
    const app = join(out, "app.mts");
    const calls = model.operations.map((op) => `void client.${op.name}(${exampleArgsLiteral(op)});`);
    writeFileSync(
      app,
      [
        `import { createClient } from ${JSON.stringify(join(out, "dist/index.js"))};`,
        "const client = createClient();",
        ...calls,
      ].join("\n"),
    );
    const program = createProgram({ rootNames: [app], options: strictConsumerOptions(false) });
    const problems = preEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    expect(problems).toEqual([]);
    // Each call passes a value in place of every credential: a string field stays a string.
    expect(calls.join("\n")).toMatch(/\bsecret"?: "example-secret"/);
    expect(calls.join("\n")).toMatch(/\bpassword"?: "example-password"/);
  });
});
