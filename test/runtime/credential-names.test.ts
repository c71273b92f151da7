// The rule a client's errors mask headers by (SECRET_NAME, src/runtime/sent-secrets.ts) is the
// command line's words as parts: credentialParts() and credentialLastWords() work them out of the
// tables, written out as one pattern so that a bundle carries the pattern and not the tables.
import { describe, expect, it } from "vitest";
import {
  CREDENTIAL_NAMES,
  PLACE_NAME,
  SECRET_NAME,
  credentialLastWords,
  credentialParts,
  credentialWords,
  namesSecret,
  namesSentSecret,
} from "../../src/runtime/credential-names.js";
import { featuresNeeded } from "../../src/runtime/request.js";
import { IDEMPOTENCY_KEY } from "../../src/runtime/retry.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { bundle } from "../helpers/bundle.js";

describe("SECRET_NAME", () => {
  it("holds the parts of credentialParts() anywhere and credentialLastWords() at the end, but for digits", () => {
    expect(SECRET_NAME.source).toBe(`${credentialParts().join("|")}|(?:${credentialLastWords().join("|")})\\d*$`);
    expect(SECRET_NAME.flags).toBe("");
  });

  it("judges a name's letters and digits as namesSecret does", () => {
    const words = { credentialWords: credentialWords(), credentialLastWords: credentialLastWords() };
    for (const name of [
      "Authorization",
      "Cookie",
      "Set-Cookie",
      "X-Api-Key",
      "X-Auth-Token",
      "X-Hub-Signature-256",
      "X-Sig-2",
      "Leader-Pin",
      "X-Request-Id",
      "X-Amz-Date",
      "X-Amz-Content-Sha256",
      "Content-Type",
      "traceparent",
      "Pass_Word",
    ])
      expect(SECRET_NAME.test(name.toLowerCase().replace(/[^a-z\d]/g, "")), name).toBe(namesSecret(name, words));
  });

  it("leaves the tables out of a bundle that takes only it", async () => {
    const { code } = await bundle(
      `import { SECRET_NAME } from "./src/runtime/credential-names.ts"; export const pattern = SECRET_NAME;`,
      { minify: true },
    );
    expect(code).toContain("passphrase");
    // Words of the loader's exceptions, which the pattern has no need of.
    for (const word of [...CREDENTIAL_NAMES.describing, ...CREDENTIAL_NAMES.placeTokens].filter((w) => w.length > 5))
      expect(code, word).not.toContain(`"${word}"`);
  });
});

describe("namesSentSecret: a query parameter's or a form field's name, for a call's error", () => {
  it("takes out the runs of the tables' place tokens and keys", () => {
    const { placeTokens, placeKeys } = CREDENTIAL_NAMES;
    expect(PLACE_NAME.source).toBe(`(?:${placeTokens.join("|")})token|(?:${placeKeys.join("|")})key`);
    expect(PLACE_NAME.flags).toBe("g");
  });

  it("leaves readable the idempotency key a header's name is judged without (retry.ts's IDEMPOTENCY_KEY)", () => {
    // One fact, two readings: sent-secrets.ts takes that run alone out of a header's name, as
    // PLACE_NAME takes it out of a field's.
    expect(SECRET_NAME.test(IDEMPOTENCY_KEY.replace(/[^a-z\d]/g, ""))).toBe(true);
    expect(namesSentSecret(IDEMPOTENCY_KEY)).toBe(false);
  });

  it("judges by SECRET_NAME, but a name that says which page or which request", () => {
    for (const name of ["api_key", "API-KEY", "client_secret", "password", "access_token", "page_token_secret", "pin"])
      expect(namesSentSecret(name), name).toBe(true);
    // Each of these holds a word of SECRET_NAME (`key`, `token`), which masks it in a command line's output.
    for (const name of [
      "Idempotency-Key",
      "X-Page-Token",
      "next_page_token",
      "nextPageToken",
      "syncToken",
      "$skiptoken",
    ]) {
      expect(namesSentSecret(name), name).toBe(false);
      expect(SECRET_NAME.test(name.toLowerCase().replace(/[^a-z\d]/g, "")), name).toBe(true);
    }
    for (const name of ["page", "note", "user_id"]) expect(namesSentSecret(name), name).toBe(false);
  });

  it("gives its reading to an operation with such a field, and only to it (featuresNeeded)", () => {
    const op = (args: OperationSpec["args"], body?: OperationSpec["body"]): OperationSpec => ({
      name: "op",
      namespace: [],
      item: "Op",
      folder: [],
      method: "POST",
      path: "/x",
      args,
      responses: [],
      ...(body ? { body } : {}),
    });
    const arg = (name: string, where: "query" | "body" | "header") => ({ arg: name, name, in: where, required: false });
    expect(featuresNeeded(op([arg("api_key", "query")]))).toContain("sentSecrets");
    expect(featuresNeeded(op([arg("client_secret", "body")], "urlencoded"))).toContain("sentSecrets");
    expect(featuresNeeded(op([arg("password", "body")], "multipart"))).toContain("sentSecrets");
    // A JSON body's field, or a key at any depth of a JSON value the body sends (its shape's).
    expect(featuresNeeded(op([arg("password", "body")], "json"))).toContain("sentSecrets");
    expect(featuresNeeded(op([arg("nested", "body")], "json"), ["region", "api_key"])).toContain("sentSecrets");
    expect(featuresNeeded(op([arg("body", "body")], "raw"), ["access_token"])).toContain("sentSecrets");
    // A page's token, a client's id, a header (read in every bundle), a raw body's one argument: in
    // operations that take no extras (options.body and options.query), whose names only the call knows.
    expect(featuresNeeded(op([arg("next_page_token", "body")], "urlencoded"))).not.toContain("sentSecrets");
    expect(featuresNeeded(op([arg("client_id", "body")], "multipart"))).not.toContain("sentSecrets");
    expect(featuresNeeded(op([arg("X-Api-Key", "header")]))).not.toContain("sentSecrets");
    expect(featuresNeeded(op([arg("token", "body")], "raw"))).not.toContain("sentSecrets");
    // An operation that takes extras masks those named as a credential, whatever its own names.
    expect(featuresNeeded(op([arg("next_page_token", "query")]))).toEqual(["query", "extras", "sentSecrets"]);
    expect(featuresNeeded(op([arg("client_id", "body")], "json"), ["next_page_token"])).toContain("sentSecrets");
  });
});
