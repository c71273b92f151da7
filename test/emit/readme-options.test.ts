// What the README's options table says of the `token` option, from the definition each operation's
// auth line uses too: where the package's operations send it (an OAuth 2.0 token may go in the
// query, or with another prefix: the row once said `Authorization: Bearer` for every package).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { declinedText } from "../../src/emit/auth-options.js";
import { emitTarget } from "../../src/generate.js";
import { FIXTURES, SEED_COLLECTION } from "../helpers/seed.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-readme-options-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const kv = (o: Record<string, string>) => Object.entries(o).map(([key, value]) => ({ key, value, type: "string" }));

/** The README of a collection of one GET per auth (`null`: none), with these environment files. */
async function readme(name: string, auths: Array<object | null>, environments: string[] = []): Promise<string> {
  const collection = join(dir, `${name}.postman_collection.json`);
  writeFileSync(
    collection,
    JSON.stringify({
      info: { name, schema: V21 },
      variable: [{ key: "baseUrl", value: "https://api.example.test" }],
      item: auths.map((auth, i) => ({
        name: `Get thing ${i}`,
        request: {
          method: "GET",
          ...(auth ? { auth } : {}),
          url: { raw: `{{baseUrl}}/things/${i}`, host: ["{{baseUrl}}"], path: ["things", String(i)] },
          header: [],
        },
      })),
    }),
  );
  const emitted = await emitTarget(
    { collection, out: join(dir, name), name, environments: environments.map((file) => ({ file })) },
    { cache: false },
  );
  return new Map(emitted.files).get("README.md")!;
}

/** The meaning the options table gives an option (its row's second cell). */
const meaning = (text: string, option: string) =>
  text
    .split("\n")
    .find((line) => line.startsWith(`| \`${option}\` `))
    ?.split(/ *\| */)[2];

// Every row of an option that takes `null` ends with what `null` does (auth-options.ts).
const DECLINED = declinedText((text) => `\`${text}\``);

describe("the token option's row", () => {
  it("says where the operations send it: the query, another prefix, or Bearer", async () => {
    const query = { type: "oauth2", oauth2: kv({ accessToken: "{{token}}", addTokenTo: "queryParams" }) };
    const prefixed = { type: "oauth2", oauth2: kv({ accessToken: "{{token}}", headerPrefix: "Token" }) };
    const bearer = { type: "bearer", bearer: kv({ token: "{{token}}" }) };
    expect(meaning(await readme("query-token", [query]), "token")).toBe(
      "A string, or a function returning one per request (for expiring OAuth tokens), sent as the query parameter `access_token`. " +
        DECLINED,
    );
    expect(meaning(await readme("mixed-token", [query, prefixed, bearer]), "token")).toBe(
      "A string, or a function returning one per request (for expiring OAuth tokens), sent as the query parameter `access_token`, or as `Authorization: Token <token>`, or as `Authorization: Bearer <token>`, as each operation's auth says. " +
        DECLINED,
    );
    expect(meaning(await readme("bearer-token", [bearer]), "token")).toBe(
      "A string, or a function returning one per request (for expiring OAuth tokens), sent as `Authorization: Bearer <token>`. " +
        DECLINED,
    );
  });
});

describe("the mocks' section", () => {
  // MockOptions.environment, which only docs/mocks.md said: for the environment the README's
  // examples choose (example-inputs.ts's exampleEnvironment, the Environments section's too).
  it("says that the mocks take the client's environment, by the first environment's name", async () => {
    const text = await readme(
      "with-environments",
      [null],
      [
        `${FIXTURES}environments/staging.postman_environment.json`,
        `${FIXTURES}environments/production.postman_environment.json`,
      ],
    );
    const section = text.slice(text.indexOf("## Testing with mocks"), text.indexOf("## Command line"));
    expect(section.replace(/\s+/g, " ")).toContain(
      '`createClient({ environment: "staging" })` takes `createMockFetch({ environment: "staging" })`',
    );
  });

  it("says that reset() clears the recorded calls too, as it does (mock-fetch.test.ts)", async () => {
    const out = join(dir, "seed");
    const emitted = await emitTarget({ collection: SEED_COLLECTION, out, name: "seed" }, { cache: false });
    const text = new Map(emitted.files).get("README.md")!;
    const section = text.slice(text.indexOf("## Testing with mocks"), text.indexOf("## Command line"));
    expect(section.replace(/\s+/g, " ")).toContain("`mock.reset()` clears it too, with the overrides");
  });

  it("says nothing of environments for a package without any", async () => {
    const text = await readme("without-environments", [null]);
    expect(text).toContain("## Testing with mocks");
    expect(text).not.toContain("createMockFetch({ environment");
  });
});
