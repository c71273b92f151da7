// `isErrorOf(operation, error)` narrows a caught error to the operation's documented `…Error` type
// without a cast, so that `e.code === 9999` (a code the operation does not document) fails to
// compile, and is true only for what that type says: an ApiError of that operation with a
// documented status and, when the API sent one, a documented code.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { runProgram } from "../helpers/program.js";
import { useRecordingServer } from "../helpers/recording.js";
import { SEED_COLLECTION } from "../helpers/seed.js";
import { childEnv, installApp, pack } from "./harness.js";

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-error-guard-"));
const PKG = join(OUT, "seed");

const APP = `import { isErrorOf, operations, updateUserStatusOperation, type ApiError } from "./seed/dist/index.js";

export function handle(e: unknown): string {
  if (isErrorOf(updateUserStatusOperation, e)) {
    const status: 400 | 404 = e.status;
    if (e.status === 404 && e.code === 1001) return "no such user";
    if (e.code === 200 || e.code === 300 || e.code === undefined) return "refused " + String(status);
    // @ts-expect-error 9999 is no code the operation documents
    if (e.code === 9999) return "never";
    // @ts-expect-error 500 is no status the operation documents
    if (e.status === 500) return "never";
  }
  // @ts-expect-error the guard takes an operation's metadata
  isErrorOf({ name: "x" }, e);
  // Any operation of the list: its errors are ApiError.
  if (isErrorOf(operations[0]!, e)) {
    const error: ApiError = e;
    return error.message;
  }
  return "other";
}
`;

const server = useRecordingServer({ resetEach: false });
let pkg: {
  createClient(options: { baseUrl: string; token: string; maxRetries: number }): {
    updateUserStatus(args: object): Promise<unknown>;
  };
  isErrorOf(operation: unknown, error: unknown): boolean;
  updateUserStatusOperation: { name: string };
  ApiError: new (init: object) => Error;
};

// Two requests of one name in two folders: one method name (`updateRegistrantStatus`, as Zoom's
// meetings and webinars have), two operations.
const TWINS = join(OUT, "twins");
const twin = (folder: string) => ({
  name: folder,
  item: [
    {
      name: "Update registrant status",
      request: { method: "PUT", url: `{{baseUrl}}/${folder}/status` },
      response: [{ name: "Not found", status: "Not Found", code: 404, body: "" }],
    },
  ],
});
type Twin = { name: string; member?: string };
type TwinCall = (args?: object) => Promise<unknown>;
let twins: {
  createClient(options: {
    baseUrl: string;
    maxRetries: number;
  }): Record<"meetings" | "webinars", { updateRegistrantStatus: TwinCall }>;
  createBaseClient(options: { baseUrl: string; maxRetries: number }): object;
  meetingsUpdateRegistrantStatus(baseClient: object, args?: object): Promise<unknown>;
  webinarsUpdateRegistrantStatus(baseClient: object, args?: object): Promise<unknown>;
  meetingsUpdateRegistrantStatusOperation: Twin;
  webinarsUpdateRegistrantStatusOperation: Twin;
  isErrorOf(operation: unknown, error: unknown): boolean;
  ApiError: new (init: object) => Error;
};

beforeAll(async () => {
  const emitted = await emitTarget({ collection: SEED_COLLECTION, out: PKG, name: "seed" }, { cache: false });
  await writePackage(PKG, emitted.files);
  pkg = (await import(pathToFileURL(join(PKG, "dist/index.js")).href)) as typeof pkg;
  const collection = join(OUT, "twins.postman_collection.json");
  writeFileSync(
    collection,
    JSON.stringify({
      info: { name: "Twins", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
      variable: [{ key: "baseUrl", value: "https://api.example.com" }],
      item: [twin("meetings"), twin("webinars")],
    }),
  );
  const twinsEmitted = await emitTarget({ collection, out: TWINS, name: "twins" }, { cache: false });
  await writePackage(TWINS, twinsEmitted.files);
  twins = (await import(pathToFileURL(join(TWINS, "dist/index.js")).href)) as typeof twins;
}, 120_000);
afterAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
});

describe("isErrorOf", () => {
  it("narrows to the operation's documented errors (declarations checked)", () => {
    expect(appTypeErrors(OUT, APP, strictConsumerOptions(false))).toEqual([]);
  }, 120_000);

  it("is true for a documented status and code only, of that operation", async () => {
    const client = pkg.createClient({ baseUrl: server.url, token: "t", maxRetries: 0 });
    const json = { "content-type": "application/json" };
    const caught = async (reply: { status: number; body?: string }) => {
      server.reply({ ...reply, headers: json });
      return client.updateUserStatus({ userId: "me", action: "activate" }).then(
        () => undefined,
        (e: unknown) => e,
      );
    };
    const op = pkg.updateUserStatusOperation;
    expect(pkg.isErrorOf(op, await caught({ status: 404, body: '{"code":1001}' }))).toBe(true);
    expect(pkg.isErrorOf(op, await caught({ status: 400, body: '{"code":300}' }))).toBe(true);
    // No code sent: the type allows it (`code: Code | undefined`).
    expect(pkg.isErrorOf(op, await caught({ status: 404, body: "{}" }))).toBe(true);
    // A code the status does not document, one another status documents, a status not documented.
    expect(pkg.isErrorOf(op, await caught({ status: 404, body: '{"code":9999}' }))).toBe(false);
    expect(pkg.isErrorOf(op, await caught({ status: 404, body: '{"code":300}' }))).toBe(false);
    expect(pkg.isErrorOf(op, await caught({ status: 409, body: '{"code":1001}' }))).toBe(false);
    // Not an ApiError, or another operation's.
    expect(pkg.isErrorOf(op, new Error("x"))).toBe(false);
    expect(pkg.isErrorOf(op, undefined)).toBe(false);
    const other = new pkg.ApiError({ operation: "listUsers", status: 404, headers: new Headers(), code: 1001 });
    expect(pkg.isErrorOf(op, other)).toBe(false);
    // An operation that documents no error status: every ApiError of it.
    const bare = { name: "listUsers", responses: [{ status: 200 }] };
    expect(pkg.isErrorOf(bare, other)).toBe(true);
  });

  it("tells apart operations of one method name by the call that failed", async () => {
    server.reply({ status: 404 });
    const options = { baseUrl: server.url, maxRetries: 0 };
    const client = twins.createClient(options);
    const baseClient = twins.createBaseClient(options);
    const caught = (call: Promise<unknown>) =>
      call.then(
        () => undefined,
        (e: unknown) => e,
      );
    const meetings = twins.meetingsUpdateRegistrantStatusOperation;
    const webinars = twins.webinarsUpdateRegistrantStatusOperation;
    // One method name, two names at run time: each its standalone function's.
    expect([meetings.name, webinars.name]).toEqual([
      twins.meetingsUpdateRegistrantStatus.name,
      twins.webinarsUpdateRegistrantStatus.name,
    ]);
    expect(meetings.name).not.toBe(webinars.name);
    expect([meetings.member, webinars.member]).toEqual(["updateRegistrantStatus", "updateRegistrantStatus"]);
    for (const errors of [
      {
        meetings: await caught(client.meetings.updateRegistrantStatus()),
        webinars: await caught(client.webinars.updateRegistrantStatus()),
      },
      {
        meetings: await caught(twins.meetingsUpdateRegistrantStatus(baseClient)),
        webinars: await caught(twins.webinarsUpdateRegistrantStatus(baseClient)),
      },
    ]) {
      expect(errors.meetings).toMatchObject({ status: 404, operation: meetings.name });
      expect(errors.webinars).toMatchObject({ status: 404, operation: webinars.name });
      expect(twins.isErrorOf(meetings, errors.meetings)).toBe(true);
      expect(twins.isErrorOf(webinars, errors.webinars)).toBe(true);
      expect(twins.isErrorOf(meetings, errors.webinars)).toBe(false);
      expect(twins.isErrorOf(webinars, errors.meetings)).toBe(false);
    }
    expect(server.requests.map((r) => r.path).slice(-4)).toEqual([
      "/meetings/status",
      "/webinars/status",
      "/meetings/status",
      "/webinars/status",
    ]);
    // An ApiError made outside a call (an app's, a mock's) has only its name to go by, which is
    // the operation's alone.
    const made = new twins.ApiError({ operation: meetings.name, status: 404, headers: new Headers() });
    expect(twins.isErrorOf(meetings, made)).toBe(true);
    expect(twins.isErrorOf(webinars, made)).toBe(false);
  });

  it("takes another installed version's error as the operation's only when that version's operation is the same", async () => {
    // An app installs v2 of a package and a dependency of it v1 (npm nests v1 under the
    // dependency): one package name, two versions in one process. A v1 error is one of v2's
    // operation of that name when v1's sends the same request and documents the same errors
    // (rewording a description is no change), not when v1 documents other codes: the app reading
    // `e.code` of v2's `…Error` type handles what v2 documents. With the package name alone,
    // v2's `isErrorOf` took every v1 error it documented the status and code of.
    const seed = JSON.parse(readFileSync(SEED_COLLECTION, "utf8")) as {
      item: Array<{ response: Array<{ code: number; name: string }> }>;
    };
    const notFound = (collection: typeof seed) => collection.item[0]!.response.find((r) => r.code === 404)!;
    const version = async (name: string, edit: (collection: typeof seed) => void) => {
      const collection = structuredClone(seed);
      edit(collection);
      const file = join(OUT, `${name}.postman_collection.json`);
      writeFileSync(file, JSON.stringify(collection));
      const dir = join(OUT, name);
      const { files } = await emitTarget({ collection: file, out: dir, name: "seed", version: name }, { cache: false });
      await writePackage(dir, files);
      return pack(dir, OUT);
    };
    // The dependency: its own client of v1, whose error it lets through.
    const packLib = async (v1: string) => {
      const lib = join(OUT, "lib");
      mkdirSync(lib);
      writeFileSync(
        join(lib, "package.json"),
        JSON.stringify({
          name: "lib",
          version: "1.0.0",
          type: "module",
          main: "index.js",
          dependencies: { seed: `file:${v1}` },
        }),
      );
      writeFileSync(
        join(lib, "index.js"),
        `import { createClient } from "seed";
export const updateStatus = (baseUrl) => createClient({ baseUrl, token: "t", maxRetries: 0 }).updateUserStatus({ userId: "nobody", action: "activate" });
`,
      );
      return pack(lib, OUT);
    };
    // 1.1.0 rewords the 404's code; 2.0.0 documents a second code of it. Each packed in a folder
    // of its own, so the npm processes run side by side.
    const [libTarball, reworded, v2] = await Promise.all([
      version("1.0.0", () => {}).then(packLib),
      version("1.1.0", (c) => {
        notFound(c).name = notFound(c).name.replace("User does not exist", "No such user");
      }),
      version("2.0.0", (c) => {
        notFound(c).name += "<br><br>\n**Error Code:** `1002`<br>\nUser is pending.";
      }),
    ]);
    const app = `import { isErrorOf, updateUserStatusOperation, createClient } from "seed";
import { updateStatus } from "lib";
const caught = (call) => call.then(() => undefined, (e) => e);
const fromLib = await caught(updateStatus(process.argv[2]));
const own = await caught(createClient({ baseUrl: process.argv[2], token: "t", maxRetries: 0 }).updateUserStatus({ userId: "nobody", action: "activate" }));
console.log(JSON.stringify({ fromLib: [fromLib.code, isErrorOf(updateUserStatusOperation, fromLib)], own: [own.code, isErrorOf(updateUserStatusOperation, own)] }));
`;
    const apps = [
      ["1.1.0", reworded],
      ["2.0.0", v2],
    ] as const;
    const appDir = (name: string) => join(OUT, `app-${name}`);
    // The two apps' installs, each in its own folder, side by side.
    await Promise.all(
      apps.map(async ([name, direct]) => {
        const dir = appDir(name);
        await installApp(dir, { "package.json": '{ "name": "app", "type": "module" }', "app.js": app }, direct, false);
        await installApp(dir, {}, libTarball, false);
      }),
    );
    const results: Record<string, unknown> = {};
    for (const [name] of apps) {
      const dir = appDir(name);
      // Installed as npm installs them: the app's version at the top, v1 under the dependency.
      const versionOf = (path: string) =>
        (JSON.parse(readFileSync(join(dir, path, "package.json"), "utf8")) as { version: string }).version;
      expect([versionOf("node_modules/seed"), versionOf("node_modules/lib/node_modules/seed")]).toEqual([
        name,
        "1.0.0",
      ]);
      server.reply(
        ...[1, 2].map(() => ({ status: 404, headers: { "content-type": "application/json" }, body: '{"code":1001}' })),
      );
      const { code, stdout, stderr } = await runProgram(process.execPath, [join(dir, "app.js"), server.url], {
        cwd: dir,
        env: childEnv(),
        timeout: 60_000,
      });
      expect(code, stderr).toBe(0);
      results[name] = JSON.parse(stdout);
    }
    expect(results).toEqual({
      "1.1.0": { fromLib: [1001, true], own: [1001, true] },
      "2.0.0": { fromLib: [1001, false], own: [1001, true] },
    });
  }, 180_000);
});
