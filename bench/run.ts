// `npm run bench`: generation time and peak memory of the full Zoom client (cold), and how they grow
// with the number of requests. Prints a markdown report and writes it to bench/RESULTS.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sample, summarize, type Summary } from "./measure.js";
import { scaledCollection } from "./scaled-collection.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CLI = join(ROOT, "dist/cli.js");
const ZOOM = join(ROOT, "collections/zoom-api.postman_collection.json");
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [100, 300, 1000, 3000];

const work = mkdtempSync(join(tmpdir(), "postman-codegen-bench-"));
const generate = (collection: string, runs: number): Summary =>
  summarize(Array.from({ length: runs }, () => sample([CLI, "generate", collection, "--out", join(work, "out"), "--quiet"], work)));

console.error(`cold generation of the Zoom client, ${RUNS} runs…`);
const zoom = generate(ZOOM, RUNS);
const nodeStartup = summarize(Array.from({ length: RUNS }, () => sample(["-e", ""], work)));

const scaling: Array<{ requests: number } & Summary> = [];
for (const requests of SIZES) {
  console.error(`scaling: ${requests} requests…`);
  const file = join(work, `zoom-${requests}.postman_collection.json`);
  writeFileSync(file, scaledCollection(ZOOM, requests));
  scaling.push({ requests, ...generate(file, requests >= 1000 ? 1 : Math.min(RUNS, 3)) });
}
rmSync(work, { recursive: true, force: true });

const own = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const rows = scaling.map((s, i) => {
  const previous = scaling[i - 1];
  const marginal = previous ? (((s.medianSeconds - previous.medianSeconds) / (s.requests - previous.requests)) * 1000).toFixed(1) : "";
  return `| ${s.requests} | ${s.medianSeconds.toFixed(2)} | ${marginal} | ${s.medianPeakMb.toFixed(0)} |`;
});
const report = `# Benchmark results

Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}.
Date: ${new Date().toISOString().slice(0, 10)}. Dependencies: ${Object.entries(own.dependencies).map(([name, version]) => `${name} ${version}`).join(", ")}.
Each figure is the median over fresh processes (\`node dist/cli.js generate … --quiet\`); peak memory is the process's maxRSS (worker threads included).

## Full Zoom client (310 requests), cold

| Runs | Median time (s) | Median peak memory (MB) | Target |
| --- | --- | --- | --- |
| ${zoom.runs} | ${zoom.medianSeconds.toFixed(2)} | ${zoom.medianPeakMb.toFixed(0)} | under 5 s and under 500 MB: ${zoom.medianSeconds < 5 && zoom.medianPeakMb < 500 ? "met" : "**not met**"} |

For scale, \`node -e ""\` takes ${nodeStartup.medianSeconds.toFixed(3)} s here.

## Growth with the number of requests

Zoom's requests repeated under new names. Linear growth shows as a steady cost per added request
on top of a fixed start-up cost (loading TypeScript, prettier and the worker thread).

| Requests | Time (s) | ms per added request | Peak memory (MB) |
| --- | --- | --- | --- |
${rows.join("\n")}
`;
writeFileSync(join(ROOT, "bench/RESULTS.md"), report);
console.log(report);
