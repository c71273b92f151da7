// The "done when": the committed client, imported by a plain Node script (no build step,
// no TypeScript), sends the seed request to a local server that really parses it.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";
import { runProgram, type ProgramResult } from "../helpers/program.js";
import { ROOT } from "../helpers/seed.js";
import { useRecordingServer } from "../helpers/recording.js";

const server = useRecordingServer({ resetEach: false });

function runNode(script: string, ...args: string[]): Promise<ProgramResult> {
  const dir = mkdtempSync(join(tmpdir(), "postman-codegen-e2e-"));
  writeFileSync(join(dir, "script.mjs"), script);
  return runProgram(process.execPath, [join(dir, "script.mjs"), ...args]);
}

const entry = pathToFileURL(join(ROOT, "generated/zoom-update-user-status/dist/index.js")).href;

it("sends action=deactivate as multipart to /v2/users/me/status with the bearer token", async () => {
  server.reply({ status: 204 });
  const result = await runNode(
    `import { createClient } from ${JSON.stringify(entry)};
const client = createClient({ baseUrl: process.argv[2], token: "zoom-access-token" });
const result = await client.updateUserStatus({ userId: "me", action: "deactivate" });
console.log(JSON.stringify({ result: result === undefined ? "undefined" : result }));`,
    `${server.url}/v2`,
  );
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({ result: "undefined" });
  const [request] = server.requests;
  expect(request).toMatchObject({
    method: "PUT",
    path: "/v2/users/me/status",
    fields: [["action", "deactivate"]],
    files: [],
  });
  expect(request!.headers.authorization).toBe("Bearer zoom-access-token");
  expect(request!.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
});

it("rejects a Zoom error with its code and documented description, and a bad action before sending", async () => {
  server.reset();
  server.reply({
    status: 404,
    headers: { "content-type": "application/json" },
    body: '{"code":1001,"message":"User does not exist: a+b@example.com."}',
  });
  const result = await runNode(
    `import { createClient, ApiError, ValidationError } from ${JSON.stringify(entry)};
const client = createClient({ baseUrl: process.argv[2], token: "zoom-access-token" });
const out = {};
try { await client.updateUserStatus({ userId: "a+b@example.com", action: "activate" }); } catch (e) {
  out.api = { isApiError: e instanceof ApiError, status: e.status, code: e.code, description: e.description, codeDescription: e.codeDescription };
}
try { await client.updateUserStatus({ userId: "me", action: "deactivated" }); } catch (e) {
  out.validation = { isValidationError: e instanceof ValidationError, field: e.field, message: e.message };
}
console.log(JSON.stringify(out));`,
    `${server.url}/v2`,
  );
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toEqual({
    api: {
      isApiError: true,
      status: 404,
      code: 1001,
      description: "Not Found",
      codeDescription: "User does not exist: $userId.",
    },
    validation: {
      isValidationError: true,
      field: "action",
      message:
        'updateUserStatus: argument "action" (body field "action") must be one of "activate", "deactivate", got "deactivated"',
    },
  });
  expect(server.requests.map((r) => r.path)).toEqual(["/v2/users/a%2Bb%40example.com/status"]);
});
