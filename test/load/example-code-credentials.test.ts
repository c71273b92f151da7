// A saved error example's body documents its error code and message (example-error-codes.test.ts),
// but a server's answer quotes what it was sent: "Invalid API key sk_live_…", or the key as its
// code. The client, its types and its README never hold a credential the collection writes out (its
// auth's, a secret variable's, a request's literal header, query parameter or body field named as a
// credential, an environment's secret), so a code holding one is left out and a message has it
// masked; a code that holds none is still documented.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-example-code-credentials-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const JSON_TYPE = { key: "Content-Type", value: "application/json" };

/** The saved answers of a call made with `secret`: a 401 whose message quotes it, a 403 whose code is it. */
const saved = (secret: string) => [
  {
    name: "unauth",
    code: 401,
    header: [JSON_TYPE],
    body: JSON.stringify({ error: { code: "invalid_key", message: `Invalid API key ${secret}` } }),
  },
  { name: "forbidden", code: 403, header: [JSON_TYPE], body: JSON.stringify({ code: secret, message: "nope" }) },
];

/**
 * Each way a collection writes a credential out: an auth's literal key (Stripe's shape, which a
 * description's prose masks too, and one of no known shape), a secret variable's value, a request's
 * literal header, query parameter or JSON body field named as a credential (as the client leaves
 * it out), and an environment's secret (the collection's own auth refers to it).
 */
const CASES: Array<{
  name: string;
  secret: string;
  collection: (secret: string) => object;
  request?: (secret: string) => object;
  environment?: object;
}> = [
  {
    name: "an apikey auth's literal key of a known shape",
    secret: "sk_live_SECRET123456",
    collection: (secret) => ({ auth: apikey(secret) }),
  },
  {
    name: "an apikey auth's literal key of no known shape",
    secret: "Qm7plainKEY0042",
    collection: (secret) => ({ auth: apikey(secret) }),
  },
  {
    name: "a secret variable's value",
    secret: "hx93LocalVALUE17",
    collection: (secret) => ({
      auth: apikey("{{key}}"),
      variable: [{ key: "key", value: secret, type: "secret" }],
    }),
  },
  {
    name: "a request's literal header named as a credential",
    secret: "Qm7plainKEY0042",
    collection: () => ({}),
    request: (secret) => ({ header: [{ key: "X-Api-Key", value: secret }] }),
  },
  {
    name: "a request's literal query parameter named as a credential",
    secret: "qp8plainKEY0043",
    collection: () => ({}),
    request: (secret) => ({ url: `https://api.test/things?api_key=${secret}` }),
  },
  {
    name: "a request's literal JSON body field named as a credential",
    secret: "bd9plainKEY0044",
    collection: () => ({}),
    request: (secret) => ({
      method: "POST",
      header: [JSON_TYPE],
      body: { mode: "raw", raw: JSON.stringify({ name: "x", auth: { client_secret: secret } }) },
    }),
  },
  {
    name: "an environment's secret",
    secret: "Env55secretVALUE",
    collection: () => ({ auth: apikey("{{key}}") }),
    environment: { name: "prod", values: [{ key: "key", value: "Env55secretVALUE", type: "secret", enabled: true }] },
  },
];

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

describe("error codes read from saved examples", () => {
  it.each(CASES)(
    "leave out $name, and keep a code that holds none",
    async ({ name, secret, collection, request, environment }) => {
      const slug = name.replace(/\W+/g, "-");
      const file = join(dir, `${slug}.postman_collection.json`);
      writeFileSync(
        file,
        JSON.stringify({
          info: { name: "Keyed", schema: V21 },
          ...collection(secret),
          item: [
            {
              name: "Get thing",
              request: { method: "GET", url: "https://api.test/things", ...request?.(secret) },
              response: saved(secret),
            },
          ],
        }),
      );
      let environments: Array<{ file: string }> | undefined;
      if (environment) {
        environments = [{ file: join(dir, `${slug}.postman_environment.json`) }];
        writeFileSync(environments[0]!.file, JSON.stringify(environment));
      }
      const { files, warnings } = await emitTarget({
        collection: file,
        out: join(dir, slug),
        name: "keyed-api",
        ...(environments ? { environments } : {}),
      });
      // The client's code, its types (src and dist, ESM and CommonJS), its README, and the saved
      // answers its mocks serve and its tests expect: none holds it.
      const holding = [...files].flatMap(([path, text]) => (text.includes(secret) ? [path] : []));
      expect(holding).toEqual([]);
      for (const path of ["src/client.ts", "dist/client.js", "dist/client.d.ts", "dist/cjs/client.d.ts"])
        expect(files.has(path), path).toBe(true);
      // The code that is no credential is still named, in the types and the README; the 403's is gone.
      const types = files.get("dist/client.d.ts")!;
      expect(types).toContain(`ApiError<401, "invalid_key">`);
      expect(types).toMatch(/ApiError<403>/);
      expect(files.get("src/client.ts")).toContain(`code: "invalid_key"`);
      expect(files.get("README.md")).toMatch(
        /error code `invalid_key`: Invalid API key (\\\*\\\*\\\*|&lt;token&gt;)\n/,
      );
      // Each left out or masked with a warning that names the status, never the value.
      const said = warnings.filter((w) => /read from the saved examples holds a credential/.test(w.message));
      expect(said.map((w) => w.message)).toEqual([
        'the description of error code "invalid_key" of status 401 read from the saved examples holds a credential: it is masked in the client',
        "an error code of status 403 read from the saved examples holds a credential: it is left out of the client",
      ]);
      expect(JSON.stringify(warnings)).not.toContain(secret);
    },
  );
});
