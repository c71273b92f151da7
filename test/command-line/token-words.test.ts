// A dry run masks a name by its words: `token` and `secret`, the parts of an OAuth token request's
// secret parameters, mask `access_token`, `client_secret` and `refreshToken`, and not an API's own
// `tokenizer` or `secretary`, which only hold the letters. The package as `generate` writes it, its
// built bin run as a child process; a dry run sends nothing.
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { runProgram } from "../helpers/program.js";

const COLLECTION = {
  info: {
    name: "Glossary API",
    schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  item: [
    {
      name: "Create entry",
      request: {
        method: "POST",
        url: {
          raw: "http://127.0.0.1:1/entries?tokenizer=&access_token=",
          protocol: "http",
          host: ["127", "0", "0", "1"],
          port: "1",
          path: ["entries"],
          query: [
            { key: "tokenizer", value: "" },
            { key: "access_token", value: "" },
          ],
        },
        header: [{ key: "Content-Type", value: "application/json" }],
        body: {
          mode: "raw",
          raw: '{"secretary": "", "client_secret": "", "refreshToken": ""}',
          options: { raw: { language: "json" } },
        },
      },
    },
  ],
};

let pkg: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-token-words-"));
  const collection = join(dir, "glossary.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  pkg = join(dir, "glossary");
  await writePackage(pkg, (await emitTarget({ collection, out: pkg, name: "glossary" })).files);
  // npm makes a bin executable when it links it; the shebang then runs it.
  chmodSync(join(pkg, "dist/cli/main.js"), 0o755);
}, 60_000);

describe("--dry-run of a package's command line", () => {
  it("shows tokenizer and secretary, and masks access_token, client_secret and refreshToken", async () => {
    const run = await runProgram(
      join(pkg, "dist/cli/main.js"),
      [
        "create-entry",
        "--tokenizer",
        "wordpiece",
        "--access-token",
        "at-1",
        "--secretary",
        "ann",
        "--client-secret",
        "cs-2",
        "--refresh-token",
        "rt-3",
        "--dry-run",
      ],
      { env: { PATH: process.env.PATH ?? "" } },
    );
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toContain("tokenizer=wordpiece&access_token=***");
    expect(run.stdout).toContain(`--data-raw '{"secretary":"ann","client_secret":"***","refreshToken":"***"}'`);
    for (const value of ["at-1", "cs-2", "rt-3"]) expect(run.stdout).not.toContain(value);
  });
});
