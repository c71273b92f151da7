// `npm run bench`: generation time and peak memory of the full Zoom client (cold), and how they grow
// with the number of requests. Prints a markdown report and writes it to bench/RESULTS.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sample, summarize, type Summary } from "./measure.js";
import { measureOverhead } from "./overhead.js";
import { bundle } from "../test/helpers/bundle.js";
import { scaledCollection } from "./scaled-collection.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CLI = join(ROOT, "dist/bin.js");
const ZOOM = join(ROOT, "collections/zoom-api.postman_collection.json");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [100, 300, 1000, 3000];

const work = mkdtempSync(join(tmpdir(), "postman-codegen-bench-"));
const generate = (collection: string, runs: number): Summary =>
  summarize(Array.from({ length: runs }, () => sample([CLI, "generate", collection, "--out", join(work, "out"), "--quiet", "--force"], work)));

console.error(`cold generation of the Zoom client, ${RUNS} runs…`);
const zoom = generate(ZOOM, RUNS);
const nodeStartup = summarize(Array.from({ length: RUNS * 4 }, () => sample(["-e", ""], work)));

// The no-op rerun: this repository's own targets, up to date, as `npm run generate` finds them.
console.error("no-op rerun…");
sample([CLI, "generate", "--quiet"], ROOT);
const noop = summarize(Array.from({ length: RUNS * 4 }, () => sample([CLI, "generate", "--quiet"], ROOT)));

const scaling: Array<{ requests: number } & Summary> = [];
for (const requests of SIZES) {
  console.error(`scaling: ${requests} requests…`);
  const file = join(work, `zoom-${requests}.postman_collection.json`);
  writeFileSync(file, scaledCollection(ZOOM, requests));
  scaling.push({ requests, ...generate(file, requests >= 1000 ? 1 : Math.min(RUNS, 3)) });
}
rmSync(work, { recursive: true, force: true });

console.error("per-call overhead against raw fetch…");
const overhead = await measureOverhead();
console.error("bundle sizes…");
const oneOperation = await bundle(
  `import { createBaseClient, updateUserStatus } from "./generated/zoom-api/dist/index.js";
export const run = (token) => updateUserStatus(createBaseClient({ token }), { userId: "me", action: "deactivate" });`,
  { minify: true },
);
const wholeClient = await bundle(`export { createClient } from "./generated/zoom-api/dist/index.js";`, { minify: true });
const kb = (bytes: number) => (bytes / 1024).toFixed(2);

const own = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const rows = scaling.map((s, i) => {
  const previous = scaling[i - 1];
  const marginal = previous ? (((s.medianSeconds - previous.medianSeconds) / (s.requests - previous.requests)) * 1000).toFixed(1) : "";
  return `| ${s.requests} | ${s.medianSeconds.toFixed(2)} | ${marginal} | ${s.medianPeakMb.toFixed(0)} |`;
});
const report = `# Benchmark results

Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.
Date: ${new Date().toISOString().slice(0, 10)}. Dependencies: ${Object.entries(own.dependencies).map(([name, version]) => `${name} ${version}`).join(", ")}.
Each figure is the median over fresh processes (\`node dist/bin.js generate … --quiet --force\`); peak memory is the process's maxRSS (worker threads included).

## Full Zoom client (310 requests), cold

| Runs | Median time (s) | Median peak memory (MB) | Target |
| --- | --- | --- | --- |
| ${zoom.runs} | ${zoom.medianSeconds.toFixed(2)} | ${zoom.medianPeakMb.toFixed(0)} | under 5 s and under 500 MB: ${zoom.medianSeconds < 5 && zoom.medianPeakMb < 500 ? "met" : "**not met**"} |

## No-op rerun

\`node dist/bin.js generate\` in this repository with every target up to date (the manifests match:
nothing is loaded, emitted or formatted), against \`node -e ""\` on the same machine, ${noop.runs} runs each.

| \`node -e ""\` (s) | No-op generate (s) | Ratio | Target |
| --- | --- | --- | --- |
| ${nodeStartup.medianSeconds.toFixed(3)} | ${noop.medianSeconds.toFixed(3)} | ${(noop.medianSeconds / nodeStartup.medianSeconds).toFixed(2)} | within 1.5×: ${noop.medianSeconds <= nodeStartup.medianSeconds * 1.5 ? "met" : "**not met**"} |

## Growth with the number of requests

Zoom's requests repeated under new names. Linear growth shows as a steady cost per added request
on top of a fixed start-up cost (loading TypeScript, prettier and the worker thread).

| Requests | Time (s) | ms per added request | Peak memory (MB) |
| --- | --- | --- | --- |
${rows.join("\n")}

## The emitted client

Per-call cost of \`updateUserStatus\` (PUT, bearer token, multipart body) to a loopback server that
answers 204 at once, against a raw \`fetch\` of the same request; median of ${overhead.calls / 250} alternating
batches of 250 calls. The client sets a per-attempt timeout signal (60 s by default); the second
baseline is a raw fetch with the same signal.

| Raw fetch (µs/call) | Raw fetch + timeout signal (µs/call) | Client (µs/call) | Client / raw | Client / raw + timeout | Target |
| --- | --- | --- | --- | --- | --- |
| ${(overhead.rawMsPerCall * 1000).toFixed(0)} | ${(overhead.rawWithTimeoutMsPerCall * 1000).toFixed(0)} | ${(overhead.clientMsPerCall * 1000).toFixed(0)} | ${overhead.ratio.toFixed(3)} | ${overhead.ratioToRawWithTimeout.toFixed(3)} | at most 1.05 against raw fetch: ${overhead.ratio <= 1.05 ? "met" : "**not met**"} |

Bundles made with esbuild (minified, then gzipped), importing from \`generated/zoom-api\`:

| Bundle | Minified (KB) | Minified + gzip (KB) | Target |
| --- | --- | --- | --- |
| \`createBaseClient\` + \`updateUserStatus\` only | ${kb(oneOperation.code.length)} | ${kb(oneOperation.gzipBytes)} | under 3 KB: ${oneOperation.gzipBytes < 3 * 1024 ? "met" : "**not met**"} |
| \`createClient\` (all 310 operations) | ${kb(wholeClient.code.length)} | ${kb(wholeClient.gzipBytes)} | |
`;
writeFileSync(join(ROOT, "bench/RESULTS.md"), report);
console.log(report);
