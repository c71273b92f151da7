// The README's list of what the client does not do says each problem once, with every place it is
// in, as the command's warnings do: a collection that repeats one problem (a credential form field
// in each of its saved requests) would otherwise bury the others under the same sentence.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";

const form = (password: string) => ({
  mode: "formdata",
  formdata: [
    { key: "name", value: "ann", type: "text" },
    { key: "password", value: password, type: "text" },
  ],
});
const collection = {
  info: { name: "Repeated problems", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  item: ["alpha", "beta", "gamma"].map((name, i) => ({
    name: `Create ${name}`,
    request: { method: "POST", url: `https://api.example.com/${name}`, body: form(`pw-${i}-x7`) },
  })),
};

/** The README's list of what the client does not do, one line per problem (its heading must be there). */
function warningList(readme: string): string[] {
  const start = readme.indexOf("## What the collection has that the client does not do");
  expect(start).toBeGreaterThan(0);
  return readme
    .slice(start)
    .split("\n")
    .filter((line) => line.startsWith("- "));
}

let section: string[];

beforeAll(async () => {
  const work = mkdtempSync(join(tmpdir(), "postman-codegen-readme-warnings-"));
  const file = join(work, "repeated.postman_collection.json");
  writeFileSync(file, JSON.stringify(collection));
  const { files, model } = await emitTarget({ collection: file, out: join(work, "out"), name: "repeated" });
  expect(model.warnings.length).toBe(3);
  section = warningList(String(files.get("README.md")));
}, 120_000);

describe("the README's list of what the client does not do", () => {
  it("says a problem found in three places once, naming the three", () => {
    expect(section).toHaveLength(1);
    for (const i of [0, 1, 2]) expect(section[0]).toContain(`\`item[${i}].request.body.formdata[1]\``);
    expect(section[0]!.match(/body field "password"/g)).toHaveLength(1);
  });
});

describe("the README's list, for one problem said of several fields", () => {
  // Each request's saved answer holds a different credential-named field: one problem, three fields.
  const fields = ["alpha_token", "beta_secret", "gamma_token"];
  let lines: string[];

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), "postman-codegen-readme-warnings-"));
    const file = join(work, "answers.postman_collection.json");
    writeFileSync(
      file,
      JSON.stringify({
        info: { name: "Answers", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        item: [...fields, fields[0]!].map((field, i) => ({
          name: `Get ${i}`,
          request: { method: "GET", url: `https://api.example.com/things/${i}` },
          response: [
            {
              name: "OK",
              code: 200,
              header: [{ key: "Content-Type", value: "application/json" }],
              body: JSON.stringify({ id: i, [field]: `pw-${i}-x7y8z9` }),
            },
          ],
        })),
      }),
    );
    const { files, model } = await emitTarget({ collection: file, out: join(work, "out"), name: "answers" });
    expect(model.warnings.length).toBe(4);
    lines = warningList(String(files.get("README.md")));
  }, 120_000);

  it("says it once, each field with every place it is in", () => {
    expect(lines).toHaveLength(1);
    const place = (i: number) => `\`item[${i}].response[0].body\``;
    expect(lines[0]).toBe(
      `- ${place(0)}, ${place(3)}: the value of body field $.alpha\\_token in this example's answer is replaced by "REDACTED" in the mocks and the tests (its name says it holds a credential); the same for body field $.beta\\_secret (${place(1)}), body field $.gamma\\_token (${place(2)})`,
    );
  });
});

describe("the README's list, for a problem in an environment or the globals", () => {
  // A team's staging environment keeps its token as a secret: the README listed that as
  // `values[1].value`, which reads as a place in the collection; it now says which file, by the
  // name the client knows it by (a path would name the generating machine's folders).
  let lines: string[];

  beforeAll(async () => {
    const work = mkdtempSync(join(tmpdir(), "postman-codegen-readme-warnings-"));
    const file = join(work, "api.postman_collection.json");
    writeFileSync(
      file,
      JSON.stringify({
        info: { name: "Scoped", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
        item: [{ name: "Get thing", request: { method: "GET", url: "{{baseUrl}}/thing" } }],
        variable: [{ key: "baseUrl", value: "https://api.example.com" }],
      }),
    );
    const values = (key: string) => [
      { key: "baseUrl", value: "http://127.0.0.1:4010", enabled: true },
      { key, value: "s3cr3t-x7y8z9", type: "secret", enabled: true },
    ];
    const staging = join(work, "staging.postman_environment.json");
    writeFileSync(staging, JSON.stringify({ name: "staging", values: values("stagingToken") }));
    const globals = join(work, "workspace.postman_globals.json");
    writeFileSync(globals, JSON.stringify({ name: "workspace", values: values("globalToken") }));
    const { files } = await emitTarget({
      collection: file,
      out: join(work, "out"),
      name: "scoped",
      environments: [{ name: "staging", file: staging }],
      globals,
    });
    lines = warningList(String(files.get("README.md")));
  }, 120_000);

  it("names the environment, and the globals, before the place", () => {
    expect(lines).toHaveLength(2);
    expect(lines.find((line) => line.includes('"globalToken"'))).toMatch(/^- globals, `values\[1\]\.value`: /);
    expect(lines.find((line) => line.includes('"stagingToken"'))).toMatch(
      /^- environment "staging", `values\[1\]\.value`: /,
    );
    for (const line of lines) expect(line).not.toContain("s3cr3t");
  });
});
