// Finds a Chromium the browser test can drive with playwright-core, without downloading one: first
// the build `npm ci` brings (@sparticuz/chromium), then a Chromium installed on the machine.
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";

/**
 * Switches for every candidate. The machine running the tests may have no network beyond loopback,
 * so anything that phones home (component updates, sync, background fetches, QUIC probes) is off;
 * there is no display and no GPU; tests often run as root in a container, where the sandbox cannot
 * start. Playwright adds a fresh, empty temporary --user-data-dir of its own (and refuses one in
 * `args`), so no profile state leaks between runs.
 *
 * Of @sparticuz/chromium's own `args` (tuned for AWS Lambda) only the two that also keep the browser
 * quiet on a closed network are taken. The rest are left out on purpose:
 * - --disable-web-security, --allow-running-insecure-content, --disable-site-isolation-trials and
 *   --disable-features=IsolateOrigins,site-per-process switch off CORS and origin isolation: the
 *   cross-origin call would then succeed even if the client or the server got CORS wrong, which is
 *   what the test is there to catch. Its --disable-features would also replace Playwright's own
 *   --disable-features list rather than add to it.
 * - --single-process and --no-zygote work around Lambda's prctl restrictions. Chromium supports
 *   --single-process for debugging only; on a desktop Linux it just lets a renderer crash take the
 *   whole browser, and every later test, down with it.
 * - --in-process-gpu, --ignore-gpu-blocklist, --use-gl=angle, --use-angle=swiftshader,
 *   --enable-unsafe-swiftshader and --disable-webgl concern graphics, which --disable-gpu settles.
 * - --headless='shell' passes the quotes through literally (no shell runs); Playwright's headless
 *   option and --headless below already pick headless mode. --disable-setuid-sandbox is implied by
 *   --no-sandbox, and --no-default-browser-check is a Playwright default.
 * - --disk-cache-size, --font-render-hinting=none, --disable-print-preview, --ash-no-nudges and
 *   --enable-features=SharedArrayBuffer do not matter to a test that only calls fetch.
 */
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // From @sparticuz/chromium's list: no Domain Reliability reports, no hyperlink-auditing pings.
  "--disable-domain-reliability",
  "--no-pings",
];

/** Chromium installed by the system package manager, at the paths Debian, Ubuntu and Google use. */
const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** A browser that started, or why none did: every candidate tried, with the reason it failed. */
export type BrowserChoice =
  { browser: Browser; description: string } | { browser: undefined; reason: string; failures: string[] };

interface Candidate {
  name: string;
  /** Resolves to the executable, or rejects with why this candidate has none. */
  executablePath(): Promise<string>;
}

function systemCandidate(name: string, path: string): Candidate {
  return {
    name,
    async executablePath() {
      if (!existsSync(path)) throw new Error("not found");
      return path;
    },
  };
}

function candidates(): Candidate[] {
  const list: Candidate[] = [
    {
      name: "@sparticuz/chromium",
      // Imported only here so a machine without the package still reaches the system candidates.
      // executablePath() unpacks the brotli-packed build to $TMPDIR/chromium once and reuses it.
      executablePath: async () => (await import("@sparticuz/chromium")).default.executablePath(),
    },
  ];
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) list.push(systemCandidate(`CHROMIUM_PATH=${fromEnv}`, fromEnv));
  for (const path of SYSTEM_PATHS) list.push(systemCandidate(path, path));
  return list;
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.trim().split("\n", 1)[0] ?? "";
}

/**
 * Why a launch failed, in one line. Playwright's first line is often generic ("Target page, context
 * or browser has been closed" when the process exits at once); the browser's own words (a missing
 * shared library, no display) and its exit code are in the log that follows, so those are added.
 */
function launchFailure(error: unknown): string {
  // The call log is coloured with ANSI escapes.
  const lines = (error instanceof Error ? error.message : String(error)).replace(/\x1b\[[0-9;]*m/g, "").split("\n");
  // Of the browser's stderr the last line is the fatal one; Chromium often warns (D-Bus, fonts) first.
  const stderr = lines.map((line) => /\[pid=\d+\]\[err\] (.+)/.exec(line)?.[1]?.trim()).filter(Boolean);
  const exit = lines.map((line) => /<process did exit: (exitCode=[^,]*, signal=[^>]*)>/.exec(line)?.[1]).find(Boolean);
  return [firstLine(error), stderr.at(-1), exit].filter(Boolean).join(" | ");
}

/**
 * Launches the first candidate that actually starts. A path that exists but cannot start (wrong
 * architecture, missing shared libraries, a snap stub) counts as failed, so the choice is made
 * by launching rather than by looking at the file system. Call it once per run and share the browser.
 */
export async function launchChromium(): Promise<BrowserChoice> {
  const failures: string[] = [];
  for (const candidate of candidates()) {
    let executablePath: string;
    try {
      executablePath = await candidate.executablePath();
    } catch (error) {
      failures.push(`${candidate.name}: ${firstLine(error)}`);
      continue;
    }
    try {
      const browser = await chromium.launch({ executablePath, args: ARGS, headless: true, timeout: 30_000 });
      const after = failures.length > 0 ? `; not used: ${failures.join("; ")}` : "";
      return { browser, description: `${candidate.name} → Chromium ${browser.version()} (${executablePath})${after}` };
    } catch (error) {
      failures.push(`${candidate.name} (${executablePath}): ${launchFailure(error)}`);
    }
  }
  return { browser: undefined, reason: `no Chromium could start: ${failures.join("; ")}`, failures };
}

/** CI sets CI (GitHub, GitLab and .ci/run use "true"); "0" or "false" mean a local run. */
export const IN_CI = !["", "0", "false"].includes((process.env.CI ?? "").toLowerCase());

/**
 * The chosen browser, or the end of the calling test: on CI a missing browser is a failure, since
 * the browser test would otherwise silently stop running; locally the test is skipped, with the
 * reason as its note (the test file also prints it, since the reporter seldom shows notes).
 */
export function requireBrowser(choice: BrowserChoice | undefined, skip: (note: string) => never): Browser {
  if (choice === undefined) throw new Error("launchChromium() has not run (did beforeAll fail?)");
  if (choice.browser) return choice.browser;
  if (IN_CI)
    throw new Error(
      `no Chromium could start, and CI is set, so this fails rather than skips:\n${choice.failures.map((f) => `  - ${f}`).join("\n")}`,
    );
  return skip(choice.reason);
}

/** A site on 127.0.0.1: each path's script (served as JavaScript), and `page` (HTML) at any other path. */
export async function serveSite(
  scripts: Record<string, string>,
  page: string,
): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const script = Object.hasOwn(scripts, req.url ?? "") ? scripts[req.url!] : undefined;
    if (script !== undefined) res.writeHead(200, { "content-type": "text/javascript" }).end(script);
    else res.writeHead(200, { "content-type": "text/html" }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
