// Which private key a signer takes is decided once (runtime/signing-keys.ts's keyAlgorithm), and a
// key is made of it by one function (privateKeyPem) for each place that makes one: the emitted
// tests (testkit/test-keys.ts) and the command line's --dry-run. The dry run used to decide on its
// own from the JWT algorithm as written: an algorithm written as a {{variable}} (ES384 by its
// value) got an RSA key, which the signer refused ("could not be imported for ECDSA"). Each
// algorithm the spec types allow is asked of the signer itself (does it want a private key?), so
// that a signer that learns an algorithm the decision does not know fails here.
import { describe, expect, it } from "vitest";
import { operationSpec } from "../../src/emit/client.js";
import { toModel } from "../../src/load/collection.js";
import { parseCollectionText } from "../../src/load/read.js";
import type { ClientOptions } from "../../src/runtime/core.js";
import { createCore } from "../../src/runtime/core.js";
import { ValidationError } from "../../src/runtime/errors.js";
import { keyAlgorithm, privateKeyPem } from "../../src/runtime/signing-keys.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { runWith, testCommandLine } from "../command-line/helpers.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

const server = useRecordingServer();

/** Every setting the spec types name (JwtSpec's algorithm, OAuth1Spec's signatureMethod). */
const SETTINGS: Array<{ type: "jwt" | "oauth1"; value: string }> = [
  ...["HS", "RS", "PS", "ES"].flatMap((family) =>
    ["256", "384", "512"].map((bits) => ({ type: "jwt" as const, value: `${family}${bits}` })),
  ),
  ...["HMAC-SHA1", "HMAC-SHA256", "HMAC-SHA512", "RSA-SHA1", "RSA-SHA256", "RSA-SHA512", "PLAINTEXT"].map((value) => ({
    type: "oauth1" as const,
    value,
  })),
];

const SETTING = { jwt: "algorithm", oauth1: "signatureMethod" } as const;

function spec(
  type: "jwt" | "oauth1",
  fields: Record<string, string | boolean>,
  variables: Record<string, string> = {},
): OperationSpec {
  const collection = {
    info: { name: "Signed", schema: V21 },
    variable: [
      { key: "baseUrl", value: server.url },
      ...Object.entries(variables).map(([key, value]) => ({ key, value })),
    ],
    item: [
      {
        name: "Things",
        auth: {
          type,
          [type]: Object.entries({
            ...(type === "jwt" ? { payload: "{}" } : { consumerKey: "ck", addParamsToHeader: true }),
            ...fields,
          }).map(([key, value]) => ({ key, value })),
        },
        item: [{ name: "Get thing", request: { method: "GET", url: "{{baseUrl}}/things" } }],
      },
    ],
  };
  return operationSpec(toModel(parseCollectionText("c.json", JSON.stringify(collection))).operations[0]!);
}

const literal = (template: string | undefined) => template;

describe("the private key a signer takes, decided once", () => {
  for (const { type, value } of SETTINGS)
    it(`${type} ${value}: a key is made exactly where the signer asks for one, and it signs with it`, async () => {
      const op = spec(type, { [SETTING[type]]: value });
      const call = (options: ClientOptions<object>) =>
        testCore(options, { baseUrl: server.url, variables: { baseUrl: server.url } }).call(op, {});
      // The signer's own word: the credential parts it wants and was not given.
      const refused = await call({}).then(
        () => undefined,
        (e: unknown) => e as ValidationError,
      );
      expect(refused).toBeInstanceOf(ValidationError);
      const wantsKey = refused!.parts?.includes("privateKey") ?? false;
      const algorithm = keyAlgorithm(op.auth, literal);
      expect({ value, wantsKey, decided: algorithm !== undefined }).toEqual({ value, wantsKey, decided: wantsKey });
      if (!algorithm) return;
      const privateKey = await privateKeyPem(algorithm);
      await call(type === "jwt" ? { jwt: { privateKey } } : { oauth1: { consumerKey: "ck", privateKey } });
      const sent = String(server.requests[0]!.headers["authorization"]);
      if (type === "jwt") {
        const header = JSON.parse(Buffer.from(sent.split(" ")[1]!.split(".")[0]!, "base64url").toString()) as unknown;
        expect(header).toEqual({ alg: value });
      } else expect(sent).toContain(`oauth_signature_method="${value}"`);
    });
});

describe("--dry-run, on a signer whose private key was not given", () => {
  const keyed = SETTINGS.filter(({ type, value }) =>
    keyAlgorithm(type === "jwt" ? { type, algorithm: value } : { type, signatureMethod: value }, literal),
  );
  // Each shape the dry run fills a key into: the option's part (the collection's field empty), and
  // a {{variable}} without a value; the setting written as it is, and through a variable.
  for (const { type, value } of keyed)
    for (const through of [false, true])
      for (const key of ["", "{{signing_key}}"])
        it(`${type} ${through ? `{{setting}} = ${value}` : value}, privateKey ${JSON.stringify(key)}: signs with a key made for the run`, async () => {
          const op = spec(
            type,
            { [SETTING[type]]: through ? "{{setting}}" : value, privateKey: key },
            through ? { setting: value } : {},
          );
          const cli = testCommandLine([op], [], {
            name: "signed",
            envPrefix: "SIGNED",
            connect: (options: ClientOptions<object, string>) =>
              createCore(options, {
                baseUrl: "{{baseUrl}}",
                variables: { baseUrl: server.url, ...(through ? { setting: value } : {}) },
              }),
          });
          const ran = await runWith(cli, ["things", "get-thing", "--dry-run"]);
          expect({ code: ran.code, stderr: ran.stderr }).toEqual({ code: 0, stderr: "" });
          expect(ran.stdout).toMatch(/^curl /);
          expect(ran.stdout).toContain("-H 'authorization: ***'");
          expect(ran.stdout).not.toContain("PRIVATE KEY");
          expect(server.requests).toEqual([]);
        });
});
