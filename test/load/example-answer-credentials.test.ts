// A saved answer quotes what the call was sent ("Invalid API key sk_live_…", the key as a code, a
// header echoing it), and its name may too. The mocks serve the saved answers and the emitted
// tests expect them, so each is emitted with the package: a credential the collection writes out
// (its auth's, a secret variable's, a request's credential-named header, an environment's secret)
// is masked there wherever it is, whatever the field's name: a value that is the credential alone
// reads REDACTED (as a credential-named field's does), one quoted among other words `***` (as the
// client's docs of the error code read). The emitted package's own tests still pass.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-example-answer-credentials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const JSON_TYPE = { key: "Content-Type", value: "application/json" };

function apikey(value: string) {
  return {
    type: "apikey",
    apikey: [
      { key: "key", value: "X-Api-Key" },
      { key: "value", value },
      { key: "in", value: "header" },
    ],
  };
}

/** Each way a collection writes a credential out, as the request that the saved answers answer. */
const CASES: Array<{
  name: string;
  secret: string;
  collection: (secret: string) => object;
  request?: (secret: string) => object;
  environment?: object;
}> = [
  {
    name: "an apikey auth's literal key",
    secret: "sk_live_SECRET123456",
    collection: (secret) => ({ auth: apikey(secret) }),
  },
  {
    name: "a secret variable's value",
    secret: "hx93LocalVALUE17",
    collection: (secret) => ({ auth: apikey("{{key}}"), variable: [{ key: "key", value: secret, type: "secret" }] }),
  },
  {
    name: "a request's literal X-Api-Key header",
    secret: "Qm7plainKEY0042",
    collection: () => ({}),
    request: (secret) => ({ header: [{ key: "X-Api-Key", value: secret }] }),
  },
  {
    name: "an environment's secret",
    secret: "Env55secretVALUE",
    collection: () => ({ auth: apikey("{{key}}") }),
    environment: { name: "prod", values: [{ key: "key", value: "Env55secretVALUE", type: "secret", enabled: true }] },
  },
];

// Each case writes its own collection and package folder: the cases run side by side.
describe.concurrent("saved answers quoting a credential the collection writes out", () => {
  it.each(CASES)(
    "hold none of $name, in the mocks and the tests alike",
    async (c) => {
      const { secret } = c;
      const slug = c.name.replace(/\W+/g, "-");
      const file = join(dir, `${slug}.postman_collection.json`);
      writeFileSync(
        file,
        JSON.stringify({
          info: { name: "Keyed", schema: V21 },
          ...c.collection(secret),
          item: [
            {
              name: "Get thing",
              request: { method: "GET", url: "https://api.test/things", ...c.request?.(secret) },
              response: [
                {
                  name: "unauth",
                  code: 401,
                  header: [JSON_TYPE, { key: "X-Echo", value: `key=${secret}` }],
                  body: JSON.stringify({ error: { code: "invalid_key", message: `Invalid API key ${secret}` } }),
                },
                {
                  name: "forbidden",
                  code: 403,
                  header: [JSON_TYPE],
                  body: JSON.stringify({ code: secret, message: "nope" }),
                },
                { name: `ok with ${secret}`, code: 200, header: [JSON_TYPE], body: JSON.stringify({ id: 1 }) },
              ],
            },
          ],
        }),
      );
      let environments: Array<{ file: string }> | undefined;
      if (c.environment) {
        environments = [{ file: join(dir, `${slug}.postman_environment.json`) }];
        writeFileSync(environments[0]!.file, JSON.stringify(c.environment));
      }
      const out = join(dir, slug);
      const { files, warnings } = await emitTarget({
        collection: file,
        out,
        name: "keyed-api",
        ...(environments ? { environments } : {}),
      });
      // No emitted file holds it: the client, its README, the mocks (src and dist) and the test cases.
      expect([...files].flatMap(([path, text]) => (text.includes(secret) ? [path] : []))).toEqual([]);
      // The mocks and the tests read alike: a quoted key masked, a whole value REDACTED.
      const cases = files.get("test/cases/client.json")!;
      for (const text of [files.get("src/mocks/examples.ts")!, cases]) {
        expect(text).toContain("Invalid API key ***");
        expect(text).toMatch(/\\?"code\\?":\s*\\?"REDACTED\\?"/);
      }
      // The name selects an answer in the mocks (`x-mock-response-name`), and labels a test when its status has no description.
      expect(files.get("src/mocks/examples.ts")).toContain('"ok with ***"');
      expect(files.get("src/mocks/examples.ts")).toContain('["X-Echo", "key=***"]');
      // Warned of by place, never by value.
      const said = warnings.filter((w) => /in this example holds a credential/.test(w.message));
      expect(said.map((w) => `${w.source}: ${w.subject}`)).toEqual([
        "item[0].response[0].body: the answer's body field $.error.message",
        'item[0].response[0].header: the answer\'s header "X-Echo"',
        "item[0].response[1].body: the answer's body field $.code",
        "item[0].response[2].name: the name",
      ]);
      expect(JSON.stringify(warnings)).not.toContain(secret);

      // The package's own tests, which answer each call with its saved examples, still pass.
      const run = await runEmittedTests(out, files);
      expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    },
    60_000,
  );
});
