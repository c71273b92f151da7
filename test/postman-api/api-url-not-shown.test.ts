// `--postman-api` given something that is not a URL (the key itself, typed where the URL goes) is
// refused without quoting it, by `generate` and `pull`, in text and in --json; a URL of another
// scheme is still quoted as messages show a URL, its user name and password masked.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const KEY = "PMAK-0123456789abcdef-TYPED-WHERE-THE-URL-GOES";
const UID = "12345678-0c5d1b0e-aaaa-bbbb-cccc-1234567890ab";

describe("--postman-api given a value that is not a URL", () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-api-url-"));
  for (const [what, args] of [
    ["generate, the key", ["generate", "--postman-collection", UID, "--name", "x", "--postman-api", KEY]],
    ["generate, the key after =", ["generate", "--postman-collection", UID, "--name", "x", `--postman-api=${KEY} `]],
    ["pull, the key", ["pull", "--postman-collection", UID, "--postman-api", KEY]],
    [
      "pull, a URL then the key",
      ["pull", "--postman-collection", UID, "--postman-api", `https://api.example.com ${KEY}`],
    ],
  ] as const) {
    for (const json of [[], ["--json"]]) {
      it(`${what}${json.length ? " (--json)" : ""}: refused, exit 2, the value not shown`, async () => {
        const result = await runCli([...args, ...json], dir, { POSTMAN_API_KEY: undefined });
        expect(result.code).toBe(2);
        expect(result.stdout + result.stderr).toContain("--postman-api");
        expect(result.stdout + result.stderr).toContain("not an http(s) URL");
        expect(result.stdout + result.stderr).not.toContain("TYPED-WHERE");
      });
    }
  }

  it("a URL of another scheme is quoted as a URL is shown", async () => {
    const result = await runCli(["pull", "--postman-collection", UID, "--postman-api", "ftp://me:pw@x"], dir);
    expect(result.stderr).toBe('error: command line at --postman-api: "ftp://***@x" is not an http(s) URL\n');
  });
});
