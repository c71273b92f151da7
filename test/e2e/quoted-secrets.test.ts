// A secret quoted in free text: the collection's own secrets (a variable its API key auth and one
// its bearer auth send, a literal Basic password, a `"type": "secret"` variable, a URL's password)
// and an environment's, each quoted in every description the package documents (the collection's,
// a folder's, each request's, its query, header, path and body fields', each variable's), in a
// saved example's name, header and body, and in a script. Generated with the built command
// (--json, the environment given with -e) into a scratch folder: no secret is in any emitted byte,
// nor in stdout or stderr; each description that quoted one is named by a warning, never quoted.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runCli, type CliResult } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/seed.js";

const DIR = `${FIXTURES}secret-text/`;
const COLLECTION = `${DIR}quoted-secrets.postman_collection.json`;
const STAGING = `${DIR}staging.postman_environment.json`;
const SECRETS = {
  "API key variable (apikey auth)": "ApiKeyValue-quartz-4471",
  "token variable (bearer auth)": "tokenValue-mango-8812",
  "literal Basic password": "basicPw-heron-5530",
  '"type": "secret" variable': "secretVar-otter-2209",
  "URL password": "urlPw-falcon-6604",
  "environment secret": "envSecret-walnut-3318",
};

/** Every file under `dir` with its bytes as text. */
function everyFile(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name), "latin1")]),
  );
}

/** Each secret found, with the file and the `[place]` tag the fixture writes before each quote. */
function leaks(texts: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [path, text] of Object.entries(texts))
    for (const [what, secret] of Object.entries(SECRETS))
      for (const line of text.split("\n"))
        if (line.includes(secret)) found.push(`${what} in ${path}: ${/\[[a-z0-9 ]+\]/.exec(line)?.[0] ?? line.trim()}`);
  return found;
}

let out: string;
let result: CliResult;
beforeAll(async () => {
  out = join(mkdtempSync(join(tmpdir(), "postman-codegen-quoted-secrets-")), "out");
  result = await runCli(["generate", COLLECTION, "-e", STAGING, "--out", out, "--json"]);
}, 120_000);

describe("a secret quoted in a description", () => {
  it("is in no emitted byte, nor in stdout or stderr", () => {
    expect(result.code, result.stderr).toBe(0);
    expect(leaks({ stdout: result.stdout, stderr: result.stderr, ...everyFile(out) })).toEqual([]);
  });

  it("is masked as a saved answer's is, the rest of the text kept", () => {
    const client = readFileSync(join(out, "src/client.ts"), "utf8");
    expect(client.includes("[request 4] *** and ***")).toBe(true);
    expect(client.includes("[variable apiKey] e.g. ***")).toBe(true);
    const readme = readFileSync(join(out, "README.md"), "utf8");
    expect(readme.includes("\\[info\\] Try it with key \\*\\*\\*, token \\*\\*\\*")).toBe(true);
  });

  it("is warned of once per place, naming the place and never the value", () => {
    const json = JSON.parse(result.stdout) as {
      targets: Array<{ warnings: Array<{ file?: string; source: string; message: string }> }>;
    };
    const masked = json.targets[0]!.warnings.filter((w) => /description .*holds a secret/.test(w.message));
    const places = masked.map((w) => w.source);
    expect(new Set(places).size).toBe(places.length);
    // The environment's pass names no variable again that the collection's named at its place.
    expect(places).not.toContain("variable");
    expect(places).toEqual(
      expect.arrayContaining([
        "info.description",
        "item[0].item[0].request.description",
        "item[0].item[0].request.url.query[0].description",
        "item[0].item[0].request.header[0].description",
        "item[0].item[0].request.url.variable[0].description",
        "item[0].item[1].request.description",
        "item[0].item[1].request.body.urlencoded[0].description",
        "item[1].request.body.formdata[0].description",
        "item[2].request.description",
        "variable[0].description",
        "variable[1].description",
        "variable[2].description",
        "variable[3].description",
      ]),
    );
    expect(leaks({ warnings: JSON.stringify(masked) })).toEqual([]);
  });
});
