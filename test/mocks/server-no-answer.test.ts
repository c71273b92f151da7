// The mock server's 501 for an operation without a saved example: its reader runs
// `postman-codegen mock`, not a test, so there is no `mock.use` to call; the fix it says is an
// example saved in Postman and the mock started again, which reads the collection when it starts.
// The built command in its own process, asked over HTTP.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { mockCommand } from "./helpers.js";

const COLLECTION = {
  info: { name: "Bare", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  item: [
    {
      name: "Get user",
      request: { method: "GET", url: { raw: "{{baseUrl}}/users/me", host: ["{{baseUrl}}"], path: ["users", "me"] } },
    },
  ],
};

it("says to save an example and start the mock again, not to call mock.use", async () => {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-mock-501-"));
  writeFileSync(join(dir, "bare.postman_collection.json"), JSON.stringify(COLLECTION));
  const mock = await mockCommand(["bare.postman_collection.json"], dir);
  let body: { error: string; message: string };
  try {
    const response = await fetch(`${mock.url}/users/me`);
    expect(response.status).toBe(501);
    body = (await response.json()) as typeof body;
  } finally {
    expect(await mock.stop()).toBe(0);
  }
  expect(body.error).toBe("mockNotImplemented");
  expect(body.message).toBe(
    'Bare has no saved example responses, so its mock cannot answer GET /users/me (getUser): save an example response to the Postman request "Get user", then start the mock again',
  );
});
