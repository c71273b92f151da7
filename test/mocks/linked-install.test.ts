// The mocks in a package an app installs as a link, as a team does while it works on the client
// beside the app (`npm install ../generated/<package>`, a workspace): npm links the folder, and Node
// resolves the package's own imports from its real folder, where the app's msw is not. The `./mocks`
// entry's `createMockHandlers(msw)` takes the app's msw, so its handlers work there and are that msw's
// own. The app is a folder of its own in the system's temporary folder, its msw its own
// node_modules entry (this repository's, linked in after npm ran: the registry is not used).
import { mkdtempSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { writePackage } from "../../src/write/write-package.js";
import { childEnv, installApp } from "../consumers/harness.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { runProgram } from "../helpers/program.js";
import { ROOT, SEED_COLLECTION } from "../helpers/seed.js";

const NAME = "zoom-update-user-status";

/** How the app uses them: the README's way, in ES modules and CommonJS. */
const APP_ESM = `import * as msw from "msw";
import { setupServer } from "msw/node";
import { createClient, updateUserStatusOperation } from "${NAME}";
import { createMockHandlers } from "${NAME}/mocks";

const mock = createMockHandlers(msw);
const server = setupServer(...mock.handlers);
server.listen({ onUnhandledRequest: "error" });
const client = createClient({ token: "t" });
const { response } = await client.updateUserStatus({ userId: "me", action: "activate" }).withResponse();
mock.use(updateUserStatusOperation, { status: 404, body: { code: 1001, message: "no" } });
const failed = await client.updateUserStatus({ userId: "nobody", action: "activate" }).catch((e) => e);
server.close();
console.log(JSON.stringify({
  status: response.status,
  overridden: [failed.status, failed.code],
  calls: mock.calls.map((c) => [c.operation?.name, c.example ?? null, c.overridden]),
  ownHandlers: mock.handlers.every((h) => h instanceof msw.HttpHandler),
}));
`;

const APP_CJS = `const msw = require("msw");
const { createMockHandlers } = require("${NAME}/mocks");
const mock = createMockHandlers(msw, { baseUrl: "https://zoom.test/v2" });
console.log(JSON.stringify({ handlers: mock.handlers.length, ownHandlers: mock.handlers.every((h) => h instanceof msw.HttpHandler) }));
`;

/** Type-checked against the linked package's declarations and the app's msw: the handlers are its `HttpHandler`s. */
const APP_TYPES = `import * as msw from "msw";
import type { HttpHandler } from "msw";
import { updateUserStatusOperation } from "${NAME}";
import { createMockHandlers, type MockHandlers } from "${NAME}/mocks";

const mock: MockHandlers<HttpHandler> = createMockHandlers(msw, { baseUrl: "https://zoom.test/v2" });
export const handlers: HttpHandler[] = mock.handlers;
mock.use(updateUserStatusOperation, { status: 200, body: "ok" });
// @ts-expect-error msw comes first
createMockHandlers({ baseUrl: "https://zoom.test/v2" });
`;

describe("the mocks in a package the app links (npm install <folder>)", () => {
  let dir: string;
  let app: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "postman-codegen-linked-"));
    const out = join(dir, "generated", NAME);
    await writePackage(out, (await emitTarget({ collection: SEED_COLLECTION, out, name: NAME })).files);
    app = join(dir, "app");
    // As the README's reader does: npm links a folder it is given (offline: nothing to fetch).
    await installApp(
      app,
      {
        "package.json": JSON.stringify({ name: "app", private: true, type: "module" }),
        "app.mjs": APP_ESM,
        "app.cjs": APP_CJS,
      },
      relative(app, out),
      false,
    );
    // The app's own msw, beside the link (after npm ran: it would prune what it did not install).
    symlinkSync(join(ROOT, "node_modules/msw"), join(app, "node_modules/msw"), "dir");
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is a link: the package's real folder is outside the app, where no msw is found", () => {
    const real = realpathSync(join(app, "node_modules", NAME));
    expect(real).toBe(realpathSync(join(dir, "generated", NAME)));
    expect(() => createRequire(join(real, "package.json")).resolve("msw")).toThrow(/Cannot find module 'msw'/);
  });

  it("answers the client through the app's setupServer with handlers made from the app's msw (ES modules)", async () => {
    const result = await runProgram(process.execPath, ["app.mjs"], { cwd: app, env: childEnv(), timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({
      status: 200,
      overridden: [404, 1001],
      calls: [
        ["updateUserStatus", "Untitled Example", false],
        ["updateUserStatus", null, true],
      ],
      ownHandlers: true,
    });
  }, 60_000);

  it("makes them from the app's msw in CommonJS too", async () => {
    const result = await runProgram(process.execPath, ["app.cjs"], { cwd: app, env: childEnv(), timeout: 60_000 });
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout)).toEqual({ handlers: 1, ownHandlers: true });
  }, 60_000);

  it("types them as the app's msw's HttpHandlers, with the package's declarations as they are (no msw in them)", () => {
    expect(appTypeErrors(app, APP_TYPES, strictConsumerOptions(false))).toEqual([]);
  }, 60_000);
});
