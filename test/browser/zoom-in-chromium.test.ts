// The emitted Zoom client runs in a real browser: bundled by esbuild, loaded in headless Chromium
// (driven by playwright-core; see test/helpers/browser.ts for which Chromium), calling the
// recording server across origins.
import type { Server } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startRecordingServer, type RecordingServer } from "../../src/testkit/recording-server.js";
import { IN_CI, launchChromium, requireBrowser, serveSite, type BrowserChoice } from "../helpers/browser.js";
import { bundle } from "../helpers/bundle.js";

// The page loads the bundle as a module and keeps its exports; scripts below run as page code.
const PAGE =
  '<!doctype html><title>client</title><script type="module">import * as client from "/client.js"; window.client = client;</script>';

/** Runs `body` (JavaScript, with `client` the bundle's exports) in the page and returns its value. */
async function inPage(page: import("playwright-core").Page, body: string, arg: unknown): Promise<unknown> {
  await page.waitForFunction("window.client !== undefined");
  return page.evaluate(`(async (client, arg) => { ${body} })(window.client, ${JSON.stringify(arg)})`);
}

let api: RecordingServer;
let site: Server;
let siteUrl: string;
let choice: BrowserChoice | undefined;

beforeAll(async () => {
  // Chosen once for the run; both tests share the browser. With none, they skip or fail with the
  // reason (requireBrowser), and there is nothing to serve.
  choice = await launchChromium();
  // Printed whatever happens: vitest's default reporter lists a skipped test's note only in a
  // one-file run on a terminal, so this line is where a skip's reason always shows.
  if (choice.browser) console.log(`browser: ${choice.description}`);
  else {
    console.warn(`browser: none, so the browser tests ${IN_CI ? "fail (CI is set)" : "are skipped"}: ${choice.reason}`);
    return;
  }
  const { code } = await bundle('export { createClient, NotFoundError } from "./generated/zoom-api/dist/index.js";');
  api = await startRecordingServer();
  ({ server: site, url: siteUrl } = await serveSite({ "/client.js": code }, PAGE));
}, 180_000); // Each of up to five candidates may use its whole 30 s launch timeout.

afterAll(async () => {
  await choice?.browser?.close();
  await api?.close();
  site?.close();
});

it("sends the multipart updateUserStatus request from a page on another origin", async (ctx) => {
  const page = await requireBrowser(choice, ctx.skip).newPage();
  await page.goto(siteUrl);
  api.reply({ status: 204 });
  const result = (await inPage(
    page,
    `const value = await client.createClient({ baseUrl: arg, token: "browser-token" }).users.userId.updateUserStatus({ userId: "me", action: "deactivate" });
     return { value: value === undefined ? "undefined" : value, userAgent: navigator.userAgent };`,
    `${api.url}/v2`,
  )) as { value: unknown; userAgent: string };
  expect(result.value).toBe("undefined");
  expect(result.userAgent).toContain("Chrome");
  const sent = api.requests.find((r) => r.method === "PUT")!;
  expect(sent).toMatchObject({ path: "/v2/users/me/status", fields: [["action", "deactivate"]] });
  expect(sent.headers.authorization).toBe("Bearer browser-token");
  expect(sent.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(sent.headers.origin).toBe(siteUrl);
  await page.close();
}, 60_000);

it("rejects with the typed error in the browser too", async (ctx) => {
  const page = await requireBrowser(choice, ctx.skip).newPage();
  await page.goto(siteUrl);
  api.reply({
    status: 404,
    headers: { "content-type": "application/json" },
    body: '{"code":1001,"message":"User does not exist: x."}',
  });
  const error = await inPage(
    page,
    `try {
       await client.createClient({ baseUrl: arg, token: "t" }).users.userId.updateUserStatus({ userId: "x", action: "activate" });
       return "resolved";
     } catch (e) {
       return { notFound: e instanceof client.NotFoundError, code: e.code, codeDescription: e.codeDescription };
     }`,
    `${api.url}/v2`,
  );
  expect(error).toEqual({ notFound: true, code: 1001, codeDescription: "User does not exist: $userId." });
  await page.close();
}, 60_000);
