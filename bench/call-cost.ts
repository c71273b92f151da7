// The per-call rows of `npm run bench` for this tool alone, without the peers: `npx tsx
// bench/call-cost.ts [generated-dir]` (default generated/, which holds zoom-api and
// zoom-update-user-status: run `npm run generate` first) times updateUserStatus against the raw
// fetch baselines on loopback in a process of its own, as the bench does, and prints µs per call
// and the ratios with the machine's load. A quick check while working on the client; the numbers
// that count are the bench's.
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { benchBase, CALLS, freePort, ourContenders, OUR_PROCESSES, timeGroup } from "./overhead.js";

const dir = resolve(process.argv[2] ?? "generated");
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
const loadAtStart = load();
const work = mkdtempSync(join(tmpdir(), "postman-codegen-call-cost-"));
const port = await freePort();
const contenders = await ourContenders(work, benchBase(port), dir, "zoom-api", "zoom-update-user-status");
const { timings, refused } = timeGroup({ port, contenders, calls: CALLS }, OUR_PROCESSES);
rmSync(work, { recursive: true, force: true });
if (refused.length) throw new Error(`sent another request: ${JSON.stringify(refused)}`);
console.log(`load average (1, 5, 15 min) ${loadAtStart} at the start, ${load()} at the end\n`);
console.log("| Client | µs per call | ÷ raw fetch | ÷ raw fetch + timeout |\n| --- | --- | --- | --- |");
for (const { name, usPerCall, vsRaw, vsRawTimeout } of timings)
  console.log(`| ${name} | ${usPerCall.toFixed(0)} | ${vsRaw.toFixed(3)} | ${vsRawTimeout.toFixed(3)} |`);
