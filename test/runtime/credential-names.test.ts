// The rule a client's errors mask headers by (SECRET_NAME, src/runtime/sent-secrets.ts) is the
// command line's: the words credentialWords() and credentialLastWords() work out of the tables,
// written out as one pattern so that a bundle carries the pattern and not the tables.
import { describe, expect, it } from "vitest";
import {
  CREDENTIAL_NAMES,
  SECRET_NAME,
  credentialLastWords,
  credentialWords,
  namesSecret,
} from "../../src/runtime/credential-names.js";
import { bundle } from "../helpers/bundle.js";

describe("SECRET_NAME", () => {
  it("holds the words of credentialWords() anywhere and credentialLastWords() at the end, but for digits", () => {
    expect(SECRET_NAME.source).toBe(`${credentialWords().join("|")}|(?:${credentialLastWords().join("|")})\\d*$`);
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
