// An error masks every credential its call sent (runtime/sent-secrets.ts), read widely: a JSON
// field named like one (`assertionId`) is one. Collections converted from OpenAPI write the same
// placeholder (`<string>`) for such a field's example and for a documented error code, so the
// client's error reads that code masked (`***`), and the emitted test of the code must expect what
// the client gives, as the generator works it out with the runtime's own reading, rather than fail.
// An operation that sends the placeholder under no credential's name keeps expecting the code.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { runEmittedTests } from "../helpers/emitted-tests.js";

const dir = mkdtempSync(join(tmpdir(), "postman-codegen-masked-error-codes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";
const JSON_TYPE = { key: "Content-Type", value: "application/json" };

/** A POST of `body` whose 400 documents the code `<string>` and whose 404 documents `NOT_FOUND`. */
function item(name: string, body: object) {
  const answer = (code: number, errorCode: string, message: string) => ({
    name: message,
    code,
    header: [JSON_TYPE],
    body: JSON.stringify({ errorCode, message }),
  });
  return {
    name,
    request: {
      method: "POST",
      url: "https://api.test/forms",
      header: [JSON_TYPE],
      body: { mode: "raw", raw: JSON.stringify(body), options: { raw: { language: "json" } } },
    },
    response: [answer(400, "<string>", "Bad form"), answer(404, "NOT_FOUND", "No such form")],
  };
}

it("expects a documented code that holds a credential the call sends as the client reads it, masked", async () => {
  const file = join(dir, "forms.postman_collection.json");
  writeFileSync(
    file,
    JSON.stringify({
      info: { name: "Forms", schema: V21 },
      item: [
        item("Create signed form", { assertionId: "<string>", title: "<string>" }),
        item("Create form", { title: "<string>" }),
      ],
    }),
  );
  const out = join(dir, "forms");
  const { files } = await emitTarget({ collection: file, out, name: "forms-api" });
  const cases = JSON.parse(files.get("test/cases/client.json")!) as Array<{
    call: string[];
    responses: Array<{ status: number; codes?: unknown[] }>;
  }>;
  const codes = (name: string) =>
    Object.fromEntries(cases.find((c) => c.call.at(-1) === name)!.responses.map((r) => [r.status, r.codes]));
  expect(codes("createSignedForm")).toEqual({
    400: [{ code: "<string>", description: "Bad form", maskedBy: ["<string>"] }],
    404: [{ code: "NOT_FOUND", description: "No such form" }],
  });
  expect(codes("createForm")).toEqual({
    400: [{ code: "<string>", description: "Bad form" }],
    404: [{ code: "NOT_FOUND", description: "No such form" }],
  });
  // The package's own tests pass: the masked code's, the others'.
  const run = await runEmittedTests(out, files);
  expect(run.status, run.stdout + run.stderr).toBe(0);
}, 120_000);
