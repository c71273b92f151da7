// An environment's value holding half a character (a lone surrogate) is left out of the client, as
// a secret's is, and asked for in `variables` the same way; but it is no secret, and the package
// says what it is: in the error of a request that needs it, in the README, in the JSDoc and in the
// `environments` data.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { runProgram } from "../helpers/program.js";
import { FIXTURES } from "../helpers/seed.js";

const WHY = "holds half a character (a lone surrogate), which cannot be encoded";
let out: string;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-unencodable-"));
  const environment = join(dir, "half.postman_environment.json");
  writeFileSync(
    environment,
    JSON.stringify({
      name: "half",
      values: [
        { key: "baseUrl", value: "https://half.example.test/v2", type: "default", enabled: true },
        { key: "region", value: "eu-\ud800", type: "default", enabled: true },
        { key: "token", value: "HALF-TOKEN-SECRET", type: "secret", enabled: true },
      ],
    }),
  );
  out = join(dir, "out");
  const result = await generate([
    {
      collection: `${FIXTURES}environments/env-api.postman_collection.json`,
      out,
      name: "env-api",
      environments: [{ file: environment }],
    },
  ]);
  expect(result.targets.map((t) => t.status)).toEqual(["written"]);
}, 60_000);

describe("an environment's value with half a character", () => {
  it("is asked for with an error that says why it has no value, not that it is a secret", async () => {
    const script = join(out, "..", "script.mjs");
    writeFileSync(
      script,
      `import { createClient, environments } from ${JSON.stringify(pathToFileURL(join(out, "dist/index.js")).href)};
const results = { environments };
try {
  await createClient({ environment: "half", variables: { token: "t" } }).getUser({ id: "1" });
} catch (error) {
  results.error = { name: error.name, message: error.message };
}
console.log(JSON.stringify(results));`,
    );
    const run = await runProgram(process.execPath, [script]);
    expect(run.stderr).toBe("");
    const results = JSON.parse(run.stdout) as { environments: unknown; error: { name: string; message: string } };
    expect(results.error).toEqual({
      name: "ValidationError",
      message: `getUser: variable {{region}} has no value, as its value in environment "half" ${WHY}, and was left out: pass it as createClient({ variables: { "region": … } }). Or pass the argument "region", whose default refers to it`,
    });
    expect(results.environments).toEqual({
      half: { values: { baseUrl: "https://half.example.test/v2" }, secrets: ["token"], unencodable: ["region"] },
    });
  });

  it("is named for what it is in the README and the JSDoc, apart from the secrets", () => {
    const readme = readFileSync(join(out, "README.md"), "utf8");
    expect(readme).toContain(
      `Left out as well, though no secrets, as their values hold half a character (a lone surrogate), which cannot be encoded: \`region\` of \`half\`.`,
    );
    // The table's Secrets column lists the secret only.
    expect(readme).toMatch(/^\| `half` +\| `baseUrl`: `https:\/\/half\.example\.test\/v2` +\| `token` +\|$/m);
    // The example passes both.
    expect(readme).toContain('variables: { token: "…", region: "…" }');
    const client = readFileSync(join(out, "src/client.ts"), "utf8");
    const regionDoc = /\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*region\?: string;/.exec(client)?.[1];
    expect(regionDoc).toContain(`\`half\`: left out, as its value ${WHY}; pass it in \`variables\``);
    expect(regionDoc).not.toContain("secret");
  });
});
