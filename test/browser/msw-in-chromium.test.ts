// The package's MSW handlers (`<package>/mocks/msw`) in a real browser: msw's setupWorker registers
// its service worker in headless Chromium, and the emitted client's own fetch calls, to the
// collection's real base URL, are answered by the handlers from the saved examples. A request no
// handler answers is an error (onUnhandledRequest), never sent on to the network.
import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { afterAll, beforeAll, expect, it } from "vitest";
import { IN_CI, launchChromium, requireBrowser, serveSite, type BrowserChoice } from "../helpers/browser.js";
import { bundle } from "../helpers/bundle.js";

const PAGE =
  '<!doctype html><title>mocks</title><script type="module">import * as app from "/app.js"; window.app = app;</script>';

/**
 * Both majors of the peer range: the devDependency (msw 2), and msw 3 (`msw3`, an npm alias) with
 * esbuild resolving the package's `msw` imports to it. msw 3's Node entry asks for Node ≥ 22.12,
 * so on this project's Node 20 it runs here, in the browser, only.
 */
const VERSIONS = [
  { name: "msw 2", from: "msw" },
  { name: "msw 3", from: "msw3" },
];

/** One origin per version: a page, its bundle and that version's worker script. */
const sites = new Map<string, { server: Server; url: string }>();
let choice: BrowserChoice | undefined;

beforeAll(async () => {
  choice = await launchChromium();
  if (!choice.browser) {
    console.warn(
      `browser: none, so the MSW browser test ${IN_CI ? "fails (CI is set)" : "is skipped"}: ${choice.reason}`,
    );
    return;
  }
  for (const { name, from } of VERSIONS) {
    // As an app's bundler resolves them: msw's browser entry and the package's subpaths by their files.
    const { code } = await bundle(
      [
        'export { setupWorker } from "msw/browser";',
        'export { createClient, NotFoundError, updateUserStatusOperation } from "./generated/zoom-update-user-status/dist/index.js";',
        'export { createMockHandlers } from "./generated/zoom-update-user-status/dist/mocks/msw.js";',
      ].join("\n"),
      from === "msw" ? {} : { alias: { msw: from } },
    );
    // esbuild names each bundled file in a comment: this is the version asked for.
    expect(code).toContain(`// node_modules/${from}/lib/browser/`);
    // The worker script msw ships, served from the page's origin as its docs say (`npx msw init`).
    const worker = readFileSync(createRequire(import.meta.url).resolve(`${from}/mockServiceWorker.js`), "utf8");
    sites.set(name, await serveSite({ "/app.js": code, "/mockServiceWorker.js": worker }, PAGE));
  }
}, 180_000);

afterAll(async () => {
  await choice?.browser?.close();
  for (const { server } of sites.values()) server.close();
});

for (const { name } of VERSIONS)
  it(`answers the client's calls in Chromium through setupWorker of ${name}`, async (ctx) => {
    const page = await requireBrowser(choice, ctx.skip).newPage();
    await page.goto(sites.get(name)!.url);
    await page.waitForFunction("window.app !== undefined");
    const result = await page.evaluate(`(async () => {
    const { setupWorker, createClient, NotFoundError, updateUserStatusOperation, createMockHandlers } = window.app;
    const mock = createMockHandlers();
    const worker = setupWorker(...mock.handlers);
    await worker.start({ serviceWorker: { url: "/mockServiceWorker.js" }, onUnhandledRequest: "error", quiet: true });
    const client = createClient({ token: "browser-token" });
    const failure = (e) => ({ typed: e instanceof NotFoundError, status: e.status, code: e.code });
    const ok = await client.updateUserStatus({ userId: "me", action: "deactivate" }).withResponse();
    // The saved 404 example, chosen by header as a Postman mock server does (its body is empty).
    const saved = await client
      .updateUserStatus({ userId: "nobody", action: "activate" }, { headers: { "x-mock-response-code": "404" } })
      .then(() => "resolved", failure);
    mock.use(updateUserStatusOperation, { status: 404, body: { code: 1001, message: "User does not exist: nobody." } });
    const overridden = await client.updateUserStatus({ userId: "nobody", action: "activate" }).then(() => "resolved", failure);
    await worker.stop();
    return {
      ok: ok.response.status,
      saved,
      overridden,
      calls: mock.calls.map((c) => [
        c.url.href,
        c.body instanceof FormData ? c.body.get("action") : null,
        c.overridden ? "override" : /Error Code:\\*\\* .(\\d+)./.exec(c.example)?.[1] ?? c.example,
      ]),
    };
  })()`);
    expect(result).toEqual({
      ok: 200,
      saved: { typed: true, status: 404, code: undefined },
      overridden: { typed: true, status: 404, code: 1001 },
      calls: [
        ["https://api.zoom.us/v2/users/me/status", "deactivate", "Untitled Example"],
        ["https://api.zoom.us/v2/users/nobody/status", "activate", "1001"],
        ["https://api.zoom.us/v2/users/nobody/status", "activate", "override"],
      ],
    });
    await page.close();
  }, 60_000);
