// The per-call rows of `npm run bench` for this tool alone, without the peers: `npx tsx
// bench/call-cost.ts [generated-dir]` (default generated/, which holds zoom-api and
// zoom-update-user-status: run `npm run generate` first) times updateUserStatus against the raw
// fetch baselines on loopback, as the bench does, and prints µs per call and the ratios with the
// machine's load. A quick check while working on the client; the numbers that count are the bench's.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { rawContenders, startBenchServer, timeContenders, TOKEN, wrongRequest, type Contender } from "./overhead.js";
import { bundlePeer, ourCall } from "./peers.js";

const dir = resolve(process.argv[2] ?? "generated");
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
const loadAtStart = load();
const server = await startBenchServer();
const work = mkdtempSync(join(tmpdir(), "postman-codegen-call-cost-"));
const contenders: Contender[] = [...rawContenders(server.base)];

/** Checks that a contender sends the request every contender must send, then adds it. */
async function add(name: string, call: () => Promise<unknown>): Promise<void> {
  const captured = server.capture();
  await call();
  const wrong = wrongRequest(await captured);
  if (wrong) throw new Error(`${name} sent another request: ${wrong}`);
  contenders.push({ name, call });
}

// As the bench does: the standalone function with createBaseClient, bundled; createClient as an app imports it.
const file = join(work, "ours.bundle.mjs");
writeFileSync(
  file,
  await bundlePeer(`const BASE = ${JSON.stringify(server.base)};\n${ourCall("zoom-api", TOKEN)}`, dir, false),
);
await add("ours (createBaseClient + updateUserStatus, bundled)", (await import(pathToFileURL(file).href)).call);
const { createClient } = (await import(
  pathToFileURL(join(dir, "zoom-update-user-status/dist/index.js")).href
)) as typeof import("../generated/zoom-update-user-status/dist/index.js");
const seed = createClient({ baseUrl: server.base, token: TOKEN });
await add("ours (createClient)", () => seed.updateUserStatus({ userId: "me", action: "deactivate" }));
const unlimited = createClient({ baseUrl: server.base, token: TOKEN, timeoutMs: Infinity });
await add("ours (createClient, timeoutMs: Infinity)", () =>
  unlimited.updateUserStatus({ userId: "me", action: "deactivate" }),
);

const timings = await timeContenders(contenders);
server.close();
rmSync(work, { recursive: true, force: true });
const raw = timings[0]!.usPerCall;
const rawTimeout = timings[1]!.usPerCall;
console.log(`load average (1, 5, 15 min) ${loadAtStart} at the start, ${load()} at the end\n`);
console.log("| Client | µs per call | ÷ raw fetch | ÷ raw fetch + timeout |\n| --- | --- | --- | --- |");
for (const { name, usPerCall } of timings)
  console.log(
    `| ${name} | ${usPerCall.toFixed(0)} | ${(usPerCall / raw).toFixed(3)} | ${(usPerCall / rawTimeout).toFixed(3)} |`,
  );
