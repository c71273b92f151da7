// The seed package as an app installs it (by name, through its `exports`), loaded both ways in one
// Node process: `import` gets the ES modules in dist/, `require` the CommonJS in dist/cjs/, so the
// process holds two copies of every class. Each copy's client sends its request, and each error
// either copy really throws is an instance of its class and its ancestors in both copies, and of
// no other error class.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRecordingServer, type RecordingServer } from "../../src/testkit/recording-server.js";
import { runProgram } from "../helpers/program.js";
import { ROOT } from "../helpers/seed.js";
import { refusedPort } from "../helpers/refused-port.js";

const PACKAGE = "zoom-update-user-status";

const ERROR_CLASSES = [
  "ApiError",
  "BadRequestError",
  "UnauthorizedError",
  "ForbiddenError",
  "NotFoundError",
  "ConflictError",
  "UnprocessableEntityError",
  "RateLimitedError",
  "ServerError",
  "ConnectionError",
  "TimeoutError",
  "ValidationError",
];

// An app's module: the package imported and required; per copy, the errors its client throws (a
// documented 404, a refused argument, no connection, no answer in time) and, for each, the error
// classes of each copy it is an instance of.
const APP = `
import { createRequire } from "node:module";
import * as esm from ${JSON.stringify(PACKAGE)};
const require = createRequire(import.meta.url);
const cjs = require(${JSON.stringify(PACKAGE)});
const [base, closed] = process.argv.slice(2);
const copies = { esm, cjs };
const classes = ${JSON.stringify(ERROR_CLASSES)};
const out = {
  resolved: { import: import.meta.resolve(${JSON.stringify(PACKAGE)}), require: require.resolve(${JSON.stringify(PACKAGE)}) },
  required: Object.keys(require.cache).filter((file) => file.includes(${JSON.stringify(PACKAGE)})),
  distinct: esm.ApiError !== cjs.ApiError && esm.createClient !== cjs.createClient,
  sent: {},
  errors: {},
};
for (const [from, pkg] of Object.entries(copies)) {
  const client = pkg.createClient({ baseUrl: base, token: "t", maxRetries: 0 });
  out.sent[from] = (await client.updateUserStatus({ userId: "me", action: "deactivate" })) ?? "undefined";
  const attempts = {
    notFound: () => client.updateUserStatus({ userId: "nobody", action: "activate" }),
    refused: () => client.updateUserStatus({ userId: "me", action: "deactivated" }),
    timedOut: () => client.updateUserStatus({ userId: "me", action: "activate" }, { timeoutMs: 50 }),
    unreachable: () => pkg.createClient({ baseUrl: closed, token: "t", maxRetries: 0 }).updateUserStatus({ userId: "me", action: "activate" }),
  };
  for (const [what, attempt] of Object.entries(attempts)) {
    const error = await attempt().then(() => undefined, (e) => e);
    out.errors[from + " " + what] = Object.fromEntries(Object.entries(copies).map(([to, other]) => [to, classes.filter((name) => error instanceof other[name])]));
  }
}
console.log(JSON.stringify(out));
`;

// An app that holds both copies of the seed package and the full Zoom package, whose
// `updateUserStatus` has the same name: for each error, whether each package's isErrorOf takes it
// as one of its `updateUserStatusOperation`.
const OTHER = "zoom-api";
const GUARD_APP = `
import { createRequire } from "node:module";
import * as esm from ${JSON.stringify(PACKAGE)};
import * as other from ${JSON.stringify(OTHER)};
const require = createRequire(import.meta.url);
const cjs = require(${JSON.stringify(PACKAGE)});
const packages = { esm, cjs, other };
const options = { baseUrl: process.argv[2], token: "t", maxRetries: 0 };
const args = { userId: "nobody", action: "activate" };
const caught = (call) => call.then(() => undefined, (e) => e);
const errors = {
  esm: await caught(esm.createClient(options).updateUserStatus(args)),
  cjs: await caught(cjs.createClient(options).updateUserStatus(args)),
  other: await caught(other.createClient(options).users.userId.updateUserStatus(args)),
};
const out = { operations: {}, isErrorOf: {} };
for (const [from, error] of Object.entries(errors)) {
  out.operations[from] = error.operation;
  out.isErrorOf[from] = Object.fromEntries(
    Object.entries(packages).map(([to, pkg]) => [to, pkg.isErrorOf(pkg.updateUserStatusOperation, error)]),
  );
}
console.log(JSON.stringify(out));
`;

let server: RecordingServer;
let dir: string;

beforeAll(async () => {
  server = await startRecordingServer();
  dir = mkdtempSync(join(tmpdir(), "postman-codegen-dual-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(join(ROOT, "generated", PACKAGE), join(dir, "node_modules", PACKAGE), "dir");
  symlinkSync(join(ROOT, "generated", OTHER), join(dir, "node_modules", OTHER), "dir");
  writeFileSync(join(dir, "app.mjs"), APP);
  writeFileSync(join(dir, "guard.mjs"), GUARD_APP);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("loads as ES modules by import and as CommonJS by require, and errors stay instanceof across the two copies", async () => {
  const notFound = {
    status: 404,
    headers: { "content-type": "application/json" },
    body: '{"code":1001,"message":"User does not exist."}',
  };
  // Per copy: the success, the 404, then no answer for the timeout.
  server.reply({ status: 204 }, notFound, { action: "hang" }, { status: 204 }, notFound, { action: "hang" });
  const refused = `http://127.0.0.1:${await refusedPort()}`;
  const { code, stdout, stderr } = await runProgram(
    process.execPath,
    [join(dir, "app.mjs"), `${server.url}/v2`, refused],
    { cwd: dir, timeout: 60_000 },
  );
  expect(code, stderr).toBe(0);
  const out = JSON.parse(stdout) as {
    resolved: Record<string, string>;
    required: string[];
    distinct: boolean;
    sent: Record<string, unknown>;
    errors: Record<string, Record<string, string[]>>;
  };

  const dist = `/generated/${PACKAGE}/dist/`;
  expect(out.resolved["import"]).toMatch(new RegExp(`${dist}index\\.js$`));
  expect(out.resolved["require"]).toMatch(new RegExp(`${dist}cjs/index\\.js$`));
  // require loaded the CommonJS files only, each of them CommonJS.
  expect(out.required.length).toBeGreaterThan(5);
  expect(out.required.filter((file) => !file.includes(`${dist}cjs/`))).toEqual([]);
  expect(out.distinct).toBe(true);
  expect(out.sent).toEqual({ esm: "undefined", cjs: "undefined" });
  expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
    ["esm", "cjs"].flatMap(() => ["PUT /v2/users/me/status", "PUT /v2/users/nobody/status", "PUT /v2/users/me/status"]),
  );

  const both = (classes: string[]) => ({ esm: classes, cjs: classes });
  for (const from of ["esm", "cjs"]) {
    expect(out.errors[`${from} notFound`], from).toEqual(both(["ApiError", "NotFoundError"]));
    expect(out.errors[`${from} refused`], from).toEqual(both(["ValidationError"]));
    expect(out.errors[`${from} timedOut`], from).toEqual(both(["ConnectionError", "TimeoutError"]));
    expect(out.errors[`${from} unreachable`], from).toEqual(both(["ConnectionError"]));
  }
}, 60_000);

it("narrows with isErrorOf across the two copies, and not another package's operation of that name", async () => {
  server.reply({
    status: 404,
    headers: { "content-type": "application/json" },
    body: '{"code":1001,"message":"User does not exist."}',
  });
  const { code, stdout, stderr } = await runProgram(process.execPath, [join(dir, "guard.mjs"), `${server.url}/v2`], {
    cwd: dir,
    timeout: 60_000,
  });
  expect(code, stderr).toBe(0);
  const out = JSON.parse(stdout) as {
    operations: Record<string, string>;
    isErrorOf: Record<string, Record<string, boolean>>;
  };
  expect(server.requests.slice(-3).map((r) => `${r.method} ${r.path}`)).toEqual([
    "PUT /v2/users/nobody/status",
    "PUT /v2/users/nobody/status",
    "PUT /v2/users/nobody/status",
  ]);
  // One name in both packages: only the package tells the errors apart.
  expect(new Set(Object.values(out.operations)).size).toBe(1);
  expect(out.isErrorOf).toEqual({
    esm: { esm: true, cjs: true, other: false },
    cjs: { esm: true, cjs: true, other: false },
    other: { esm: false, cjs: false, other: true },
  });
}, 60_000);
