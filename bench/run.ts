// `npm run bench`: this generator side by side with the tools users would pick instead, on the full
// Zoom collection: generation time and memory (cold, no-op rerun, growth with size), what each
// emits (bytes per kind of file), the emitted client's per-call cost against raw fetch, and the
// size of a bundle that uses one operation. A Postman user's alternative is two commands,
// postman-to-openapi then an OpenAPI generator: each such route is timed as one command too.
// Prints a markdown report and writes it to bench/RESULTS.md.
import {
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { sample, sampleSteps, summarize, type Sample, type Summary } from "./measure.js";
import {
  benchBase,
  CALL_BATCH,
  CALLS,
  freePort,
  ourContenders,
  OUR_PROCESSES,
  timeGroup,
  type GroupResult,
  type GroupTiming,
  RAW_ONE_STRING,
  TOKEN,
  withBase,
} from "./overhead.js";
import { behaviourCosts, costsTable } from "./bundle-costs.js";
import { bundleInputs, bundlePeer, convertArgs, installPeers, ourCall, PEER_GENERATORS, peerVersion } from "./peers.js";
import type { GroupInput } from "./per-call.js";
import { renamedRequest, scaledCollection } from "./scaled-collection.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CLI = join(ROOT, "dist/bin.js");
const ZOOM = join(ROOT, "collections/zoom-api.postman_collection.json");
const SEED = join(ROOT, "collections/zoom-update-user-status.postman_collection.json");
const RUNS = Number(process.env["BENCH_RUNS"] ?? 5);
const SIZES = [100, 300, 1000, 3000];

installPeers();
// Other work on the machine slows every row alike but not every ratio: the report says how busy it was.
const loadAtStart = loadavg();
const work = mkdtempSync(join(tmpdir(), "postman-codegen-bench-"));
const runs = (n: number, args: () => string[], cwd = work): Summary =>
  summarize(Array.from({ length: n }, () => sample(args(), cwd)));
const generate = (collection: string, n: number, out = join(work, "out")): Summary =>
  runs(n, () => [CLI, "generate", collection, "--out", out, "--quiet", "--force"]);

// The cold generation and each route a Postman user runs instead (the conversion, then the
// generator, as one command) are sampled in turn, run after run: a change in the machine's load
// during the bench then weighs on both sides of each ratio alike.
console.error(`cold generation of the Zoom client and the peer routes, ${RUNS} rounds…`);
// Each cold run writes a folder of its own that does not exist yet, as each peer run does. A run
// forced over its last output (what a regeneration whose manifest was lost does) also reads that
// output, compares the APIs and swaps the folders: sampled in the same rounds, reported beside it.
const coldSamples: Sample[] = [];
const forcedSamples: Sample[] = [];
// Not counted: the output the first forced run is forced over.
sample([CLI, "generate", ZOOM, "--out", join(work, "out"), "--quiet"], work);
const routeSamples: Sample[][] = PEER_GENERATORS.map(() => []);
for (let round = 0; round < RUNS; round++) {
  coldSamples.push(sample([CLI, "generate", ZOOM, "--out", join(work, "cold", String(round)), "--quiet"], work));
  forcedSamples.push(sample([CLI, "generate", ZOOM, "--out", join(work, "out"), "--quiet", "--force"], work));
  PEER_GENERATORS.forEach((peer, p) => {
    const spec = join(work, `route-${p}-${round}.yml`);
    const out = join(work, "route", peer.package.replace(/\W/g, "-"), String(round));
    routeSamples[p]!.push(sampleSteps([convertArgs(ZOOM, spec), peer.args(spec, out)], work));
  });
}
const zoom = summarize(coldSamples);
const forced = summarize(forcedSamples);
const ourBytes = bytesByKind(join(work, "out"), ourKind);
// Counted now: the work folder is gone by the time the report is written.
const ourFiles = fileCount(join(work, "out"));
// What loading the packages the design fixes costs before any work: the floor under a cold run.
const floor = runs(RUNS * 2, () => [join(ROOT, "bench/load-floor.mjs")]);

// The no-op rerun: this repository's own targets, up to date, as `npm run generate` finds them, in
// a copy of the repository's config and collections (the bench never writes generated/).
console.error("no-op rerun…");
const repo = join(work, "repo");
mkdirSync(join(repo, "collections"), { recursive: true });
// A node_modules, as the repository has: the stat cache of the file hashes lives there.
mkdirSync(join(repo, "node_modules"));
for (const file of [
  "postman-codegen.config.json",
  "postman-codegen.schema.json",
  ...readdirSync(join(ROOT, "collections")).map((name) => `collections/${name}`),
]) {
  copyFileSync(join(ROOT, file), join(repo, file));
}
sample([CLI, "generate", "--quiet"], repo);
// The same, named on the command line as package.json scripts do: `generate <collection> --out <dir>`.
const singleFile = [
  CLI,
  "generate",
  "collections/zoom-api.postman_collection.json",
  "--out",
  "generated/zoom-api",
  "--quiet",
];
// In a copy of its own, so that each no-op row reruns one command alone. The two commands are one
// target to the no-op's check (a command line's version "auto" counts as the version the output
// has, which is the config's fixed one here: src/cache/fingerprint.ts unchangedVersion), so run in
// turn on one folder neither regenerates what the other wrote (test/cache/noop-stamp.test.ts).
const single = join(work, "repo-single");
cpSync(repo, single, { recursive: true });
sample(singleFile, single);
// Node's own start, the no-op's yardstick, is sampled in turn with both no-ops, round by round: it
// moved between two benches by more than the target's margin while the no-ops did not.
const startupSamples: Sample[] = [];
const noopSamples: Sample[] = [];
const noopSingleSamples: Sample[] = [];
for (let round = 0; round < RUNS * 4; round++) {
  startupSamples.push(sample(["-e", ""], work));
  noopSamples.push(sample([CLI, "generate", "--quiet"], repo));
  noopSingleSamples.push(sample(singleFile, single));
}
const nodeStartup = summarize(startupSamples);
const noop = summarize(noopSamples);
const noopSingle = summarize(noopSingleSamples);

// Regenerating after an edit, as a build step does: in a project with a node_modules (where the
// format cache lives), one request renamed before each run.
console.error("regeneration after one request changes…");
const project = join(work, "project");
mkdirSync(join(project, "node_modules"), { recursive: true });
const edited = (n: number) => {
  const file = join(project, "zoom-api.postman_collection.json");
  writeFileSync(file, renamedRequest(ZOOM, n));
  return file;
};
sample([CLI, "generate", edited(0), "--out", join(project, "out"), "--quiet"], project);
let edits = 0;
const afterEdit = runs(
  RUNS,
  () => [CLI, "generate", edited(++edits), "--out", join(project, "out"), "--quiet"],
  project,
);

console.error("the peers: postman-to-openapi, then each OpenAPI generator…");
const openapi = join(work, "zoom-api.openapi.yml");
const conversion = runs(RUNS, () => convertArgs(ZOOM, openapi));
const openapiOperations = (
  readFileSync(openapi, "utf8").match(/^ {4}(get|put|post|delete|patch|head|options|trace):$/gm) ?? []
).length;
const peers = PEER_GENERATORS.map((peer) => {
  const out = (n: number) => join(work, "peer", peer.package.replace(/\W/g, "-"), String(n));
  let n = 0;
  const summary = runs(RUNS, () => peer.args(openapi, out(n++)));
  const route = summarize(routeSamples[PEER_GENERATORS.indexOf(peer)]!);
  return {
    ...peer,
    out: out(0),
    version: peerVersion(peer.package),
    bytes: bytesByKind(out(0), peerKind),
    route,
    ...summary,
  };
});

const scaling: Array<{ requests: number } & Summary> = [];
for (const requests of SIZES) {
  console.error(`scaling: ${requests} requests…`);
  const file = join(work, `zoom-${requests}.postman_collection.json`);
  writeFileSync(file, scaledCollection(ZOOM, requests));
  // Three runs at every size: peak memory moves by ±30 MB from run to run with the garbage
  // collector's timing, and the 3,000-request row is a target.
  scaling.push({ requests, ...generate(file, Math.min(RUNS, 3)) });
}

console.error("per-call overhead against raw fetch…");
// The clients measured are the ones this build of the generator emits (generated/ may be older).
for (const [collection, out] of [
  [ZOOM, "zoom-api"],
  [SEED, "seed"],
] as const)
  sample([CLI, "generate", collection, "--out", join(work, "client", out), "--quiet"], work);
// Each group of contenders is timed in a process of its own (bench/per-call.ts), with its own raw
// baselines: this tool's clients first, then the peers'. Its server listens on a port chosen here,
// which every contender's module has built in.
const port = await freePort();
const base = benchBase(port);
const auth = { Authorization: `Bearer ${TOKEN}` };
// One module per peer that makes a client and calls updateUserStatus, as an app would write it.
// Bundled as is for the overhead, minified for the size. The orval client has its base URL built in.
const orvalOut = join(work, "orval-with-base");
mkdirSync(orvalOut);
writeFileSync(
  join(orvalOut, "orval.config.cjs"),
  `module.exports = { zoom: { input: { target: ${JSON.stringify(openapi)} }, output: { target: "./zoom.ts", client: "fetch", baseUrl: ${JSON.stringify(base)} } } };`,
);
sample([PEER_GENERATORS[0]!.args(openapi, orvalOut)[0]!, "--config", join(orvalOut, "orval.config.cjs")], orvalOut);
const heyApiOut = peers.find((p) => p.package === "@hey-api/openapi-ts")!.out;
const modules: Record<string, { dir: string; source: string }> = {
  ours: { dir: join(work, "client"), source: ourCall("zoom-api", TOKEN) },
  orval: {
    dir: orvalOut,
    source: `import { putUsersUserIdStatus } from "./zoom.ts";
export const call = async () => { await putUsersUserIdStatus("me", { action: "deactivate" }, { headers: ${JSON.stringify(auth)} }); };`,
  },
  "@hey-api/openapi-ts": {
    dir: heyApiOut,
    source: `import { createClient } from "./client/index.ts";
import { putUsersByUserIdStatus } from "./sdk.gen.ts";
const client = createClient({ baseUrl: BASE, headers: ${JSON.stringify(auth)} });
export const call = () => putUsersByUserIdStatus({ client, path: { userId: "me" }, body: { action: "deactivate" }, throwOnError: true });`,
  },
  "openapi-fetch": {
    dir: work,
    source: `import createClient from "openapi-fetch";
const client = createClient({ baseUrl: BASE, headers: ${JSON.stringify(auth)} });
const form = (body) => { const data = new FormData(); data.append("action", body.action); return data; };
export const call = async () => {
  const { error } = await client.PUT("/users/{userId}/status", { params: { path: { userId: "me" } }, body: { action: "deactivate" }, bodySerializer: form });
  if (error !== undefined) throw new Error(String(error));
};`,
  },
};
const sizes: Record<string, { minified: number; gzipped: number }> = {};
const ourInputs = await bundleInputs(withBase(modules["ours"]!.source, "https://api.zoom.us/v2"), modules["ours"]!.dir);
const costs = await behaviourCosts(
  join(work, "client", "zoom-api"),
  modules["ours"]!.dir,
  withBase(modules["ours"]!.source, "https://api.zoom.us/v2"),
  TOKEN,
);
const peerModules: GroupInput["contenders"] = [];
for (const [name, { dir, source }] of Object.entries(modules)) {
  const minified = await bundlePeer(withBase(source, "https://api.zoom.us/v2"), dir, true);
  sizes[name] = { minified: minified.length, gzipped: gzipSync(minified).length };
  if (name === "ours") continue;
  const file = join(work, `${name.replace(/\W/g, "-")}.bundle.mjs`);
  writeFileSync(file, await bundlePeer(withBase(source, base), dir, false));
  peerModules.push({ name, file });
}
const ourGroup = timeGroup(
  { port, contenders: await ourContenders(work, base, join(work, "client"), "zoom-api", "seed"), calls: CALLS },
  OUR_PROCESSES,
);
const peerGroup = timeGroup({ port, contenders: peerModules, calls: CALLS }, 1);
rmSync(work, { recursive: true, force: true });
const refused = [...ourGroup.refused, ...peerGroup.refused];
if (ourGroup.refused.length) throw new Error(`this tool's client sent another request: ${JSON.stringify(refused)}`);
const timing = (name: string) => ourGroup.timings.find((t) => t.name === name)!;
const ours = timing("ours");
const oursClient = timing("ours (createClient)");
const oursUnlimited = timing("ours (createClient, timeoutMs: Infinity)");
const rawOneString = timing(RAW_ONE_STRING);
function callTable({ timings }: GroupResult, byProcess: boolean): string {
  const label = (name: string) =>
    name === "ours" ? "**postman-codegen** (createBaseClient + updateUserStatus, bundled)" : name;
  const extra = (t: GroupTiming) =>
    byProcess ? ` ${t.byProcess.map((r) => r.toFixed(3)).join(", ")} | ${t.vsRawOneString.toFixed(3)} |` : "";
  return `| Client | µs per call | ÷ raw fetch | ÷ raw fetch + timeout |${byProcess ? " the same, each process alone | ÷ raw fetch + timeout, the form as one string |" : ""}
| --- | --- | --- | --- |${byProcess ? " --- | --- |" : ""}
${timings.map((t) => `| ${label(t.name)} | ${t.usPerCall.toFixed(0)} | ${t.vsRaw.toFixed(3)} | ${t.vsRawTimeout.toFixed(3)} |${extra(t)}`).join("\n")}`;
}
const heyApiSize = sizes["@hey-api/openapi-ts"]!.gzipped;
const kb = (bytes: number) => (bytes / 1024).toFixed(2);
const s = (seconds: number) => seconds.toFixed(2);
const orval = peers.find((p) => p.package === "orval")!;
const verdict = (ok: boolean) => (ok ? "met" : "**not met**");
const largest = scaling.at(-1)!;

const own = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies: Record<string, string> };
const KINDS = [
  "client sources",
  "runtime sources",
  "declarations",
  "JavaScript",
  "test code",
  "test data",
  "README",
  "other",
];
const total = (bytes: Map<string, number>) => [...bytes.values()].reduce((sum, n) => sum + n, 0);
const kbCell = (bytes: Map<string, number>, kind: string) =>
  bytes.has(kind) ? (bytes.get(kind)! / 1024).toFixed(0) : "";
const scalingRows = scaling.map((row, i) => {
  const previous = scaling[i - 1];
  const marginal = previous
    ? (((row.medianSeconds - previous.medianSeconds) / (row.requests - previous.requests)) * 1000).toFixed(1)
    : "";
  return `| ${row.requests} | ${s(row.medianSeconds)} | ${marginal} | ${row.medianPeakMb.toFixed(0)} |`;
});
const report = `# Benchmark results

Machine: ${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; Node ${process.version}; load average (1, 5, 15 min) ${loadAtStart.map((l) => l.toFixed(1)).join(", ")} at the start, ${loadavg()
  .map((l) => l.toFixed(1))
  .join(", ")} at the end.
Date: ${new Date().toISOString().slice(0, 10)}. This tool's dependencies: ${Object.entries(own.dependencies)
  .map(([name, version]) => `${name} ${version}`)
  .join(", ")}.
Peers (pinned in \`bench/package.json\`): postman-to-openapi ${peerVersion("postman-to-openapi")}, ${peers.map((p) => `${p.package} ${p.version}`).join(", ")}, openapi-fetch ${peerVersion("openapi-fetch")}.
Each time is the median over fresh processes; peak memory is the process's maxRSS (worker threads included).

## Generating the full Zoom client (310 requests)

This tool reads the collection; the peers read it converted once to OpenAPI by postman-to-openapi
(${openapiOperations} operations, the same requests), and the route rows run the conversion and then the
generator, as a Postman user does (sampled in turn with this tool's cold run, round by round, so
that the machine's load weighs on both alike). This tool emits a package as prettier formats it (its printers
write prettier's layout: nothing is formatted afterwards): TypeScript sources, compiled \`dist/\`
(JavaScript and declarations), tests (their cases as JSON) and a README; the peers emit TypeScript
sources only, unformatted. ${RUNS} runs each.

| Tool | Emits | Median time (s) | Median peak memory (MB) | Ours ÷ theirs (time) |
| --- | --- | --- | --- | --- |
| **postman-codegen** (cold: a new folder, no format cache) | package: formatted sources, \`dist/\`, tests, README | ${s(zoom.medianSeconds)} | ${zoom.medianPeakMb.toFixed(0)} | |
| postman-codegen, forced over its last output (\`--force\`) | package, the API compared with the last one's | ${s(forced.medianSeconds)} | ${forced.medianPeakMb.toFixed(0)} | |
| postman-codegen, after one request changes | package (nothing to format: no cache needed) | ${s(afterEdit.medianSeconds)} | ${afterEdit.medianPeakMb.toFixed(0)} | |
| postman-codegen, no-op rerun | nothing (up to date) | ${noop.medianSeconds.toFixed(3)} | ${noop.medianPeakMb.toFixed(0)} | |
| postman-codegen, no-op rerun of \`generate <collection> --out <dir>\` | nothing (up to date) | ${noopSingle.medianSeconds.toFixed(3)} | ${noopSingle.medianPeakMb.toFixed(0)} | |
| its packages, loaded (\`bench/load-floor.mjs\`) | nothing: postman-collection, ajv, handlebars, prettier's document printer and yargs each do a token amount of work (TypeScript and prettier's parsers load only when needed: \`--typecheck\`, a prettier config, an API diff whose types changed) | ${s(floor.medianSeconds)} | ${floor.medianPeakMb.toFixed(0)} | |
| postman-to-openapi (conversion, paid once per change) | OpenAPI YAML | ${s(conversion.medianSeconds)} | ${conversion.medianPeakMb.toFixed(0)} | |
${peers.map((p) => `| ${p.name} | ${p.emits} | ${s(p.medianSeconds)} | ${p.medianPeakMb.toFixed(0)} | ${(zoom.medianSeconds / p.medianSeconds).toFixed(2)} |`).join("\n")}
${peers.map((p) => `| **route:** postman-to-openapi + ${p.name} (one command) | ${p.emits}, from the collection | ${s(p.route.medianSeconds)} | ${p.route.medianPeakMb.toFixed(0)} | ${(zoom.medianSeconds / p.route.medianSeconds).toFixed(2)} |`).join("\n")}

Peak memory of a route is its larger step's. What each emits, in KB (this tool's cold Zoom output; the
generators' from the converted collection):

| Tool | ${KINDS.join(" | ")} | Total |
| --- | ${KINDS.map(() => "---").join(" | ")} | --- |
| **postman-codegen** | ${KINDS.map((k) => kbCell(ourBytes, k)).join(" | ")} | ${(total(ourBytes) / 1024).toFixed(0)} |
${peers.map((p) => `| ${p.name} | ${KINDS.map((k) => kbCell(p.bytes, k)).join(" | ")} | ${(total(p.bytes) / 1024).toFixed(0)} |`).join("\n")}

This tool's Zoom package is ${ourFiles} files; it holds only the runtime modules its code imports (issue 19).

| Target | Measured | |
| --- | --- | --- |
| Cold generation at most 1.0× postman-to-openapi + orval ${orval.version}, run the same way | ${(zoom.medianSeconds / orval.route.medianSeconds).toFixed(2)}× (${s(zoom.medianSeconds)} s against ${s(orval.route.medianSeconds)} s; loading this tool's packages alone is ${(floor.medianSeconds / orval.route.medianSeconds).toFixed(2)}×) | ${verdict(zoom.medianSeconds <= orval.route.medianSeconds)} |
| Peak memory at ${largest.requests} requests at most 600 MB | ${largest.medianPeakMb.toFixed(0)} MB | ${verdict(largest.medianPeakMb <= 600)} |
| No-op rerun within 1.5× of \`node -e ""\` (${nodeStartup.medianSeconds.toFixed(3)} s) | ${(noop.medianSeconds / nodeStartup.medianSeconds).toFixed(2)}× | ${verdict(noop.medianSeconds <= 1.5 * nodeStartup.medianSeconds)} |
| No-op rerun of one collection file (\`generate <collection> --out <dir>\`) within 1.5× of \`node -e ""\` | ${(noopSingle.medianSeconds / nodeStartup.medianSeconds).toFixed(2)}× | ${verdict(noopSingle.medianSeconds <= 1.5 * nodeStartup.medianSeconds)} |

## Growth with the number of requests

Zoom's requests repeated under new names. Linear growth shows as a steady cost per added request
on top of a fixed start-up cost (loading the packages, reading the collection).

| Requests | Time (s) | ms per added request | Peak memory (MB) |
| --- | --- | --- | --- |
${scalingRows.join("\n")}

## The emitted client

Per-call cost of updateUserStatus (PUT, bearer token, multipart body) to a loopback server that
answers 204 at once. Every contender's request was first captured and checked (method, path, token,
multipart field parsed by busboy). This tool's client sets a timeout per attempt (60 s by default: an
abort signal and a timer) and retries; the peers set neither, so the second baseline is a raw fetch
with the same timeout. Each group below ran in a process of its own, with its own raw baselines,
in alternating batches of ${CALL_BATCH} calls (each round starts one contender further on). µs per call is
the median over batches; a ratio is the median over rounds of the contender's batch ÷ the
baseline's batch in the same round.
${refused.length ? `\nLeft out, because the request they sent was not the one asked for: ${refused.map((r) => `${r.name} (${r.why})`).join("; ")}.\n` : ""}
This tool's clients (${OUR_PROCESSES} processes of ${CALLS / CALL_BATCH} rounds, pooled):

${callTable(ourGroup, true)}

The peers (one process of ${CALLS / CALL_BATCH} rounds):

${callTable(peerGroup, false)}

Target: at most 1.05× a raw fetch with the same timeout, with the default options (a 60 s timeout
per attempt), both ways of calling: ${ours.vsRawTimeout.toFixed(3)}× with createBaseClient and the standalone function,
${oursClient.vsRawTimeout.toFixed(3)}× with createClient, ${verdict(Math.max(ours.vsRawTimeout, oursClient.vsRawTimeout) <= 1.05)} (${ours.vsRaw.toFixed(3)}× and ${oursClient.vsRaw.toFixed(3)}× a raw fetch without a
timeout; with \`timeoutMs: Infinity\`, no timer and no abort signal, ${oursUnlimited.vsRaw.toFixed(3)}× it). These rows are the guard: tests never assert timings.
The client sends a form of text parts written out as one string, which Node's fetch sends faster
than the FormData that the first two raw baselines send (the row "${RAW_ONE_STRING}": ${rawOneString.vsRawTimeout.toFixed(3)}× the raw fetch with a timeout); against
that row, which is what the client's own work costs on top of the same request, it is ${ours.vsRawOneString.toFixed(3)}× and ${oursClient.vsRawOneString.toFixed(3)}×.

Bundles that make a client and call updateUserStatus, made with esbuild (minified, then gzipped):

| Bundle | Minified (KB) | Minified + gzip (KB) |
| --- | --- | --- |
${Object.entries(sizes)
  .map(
    ([name, size]) =>
      `| ${name === "ours" ? "**postman-codegen**" : name} | ${kb(size.minified)} | ${kb(size.gzipped)} |`,
  )
  .join("\n")}

Where this tool's bundle's minified bytes come from, by module:

| Module | Minified (bytes) |
| --- | --- |
${ourInputs.map(([path, bytes]) => `| \`${path.replace(/^.*\/zoom-api\/dist\//, "")}\` | ${bytes} |`).join("\n")}

What each behaviour costs in it: the bundle made again with the behaviour cut out of the package's
compiled runtime (bench/bundle-costs.ts's edits, made as esbuild loads the files), each variant run
against a stand-in fetch (the seed's request sent, a 404 rejected); rows overlap, so they do not
add up (\`npx tsx bench/bundle-costs.ts\` for generated/zoom-api):

${costsTable(costs)}

Target: at most @hey-api/openapi-ts's bundle for the same call, min+gz: ${kb(sizes["ours"]!.gzipped)} KB against ${kb(heyApiSize)} KB, ${verdict(sizes["ours"]!.gzipped <= heyApiSize)}.
`;
writeFileSync(join(ROOT, "bench/RESULTS.md"), report);
console.log(report);

// -- Bytes per kind of file ------------------------------------------------------------------------

function bytesByKind(dir: string, kind: (path: string) => string): Map<string, number> {
  const bytes = new Map<string, number>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(join(folder, entry.name), `${path}/`);
      else bytes.set(kind(path), (bytes.get(kind(path)) ?? 0) + statSync(join(folder, entry.name)).size);
    }
  };
  walk(dir, "");
  return bytes;
}

/** How many files are under `dir`: what a package's size is in files (each copied three times, src/ and dist/'s two formats). */
function fileCount(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/** Kinds of emitted file, as the report's columns. */
function ourKind(path: string): string {
  if (/^src\/runtime\//.test(path)) return "runtime sources";
  if (/^src\/.*\.ts$/.test(path)) return "client sources";
  if (/^dist\/.*\.d\.ts$/.test(path)) return "declarations";
  if (/^dist\/.*\.js$/.test(path)) return "JavaScript";
  if (/^test\/.*\.json$/.test(path)) return "test data";
  if (/^test\//.test(path)) return "test code";
  if (path === "README.md") return "README";
  return "other";
}

/** The peers emit TypeScript sources (their own client runtime among them) and nothing else. */
function peerKind(path: string): string {
  if (/\.d\.ts$/.test(path)) return "declarations";
  if (/(^|\/)(client|core)\//.test(path)) return "runtime sources";
  return /\.ts$/.test(path) ? "client sources" : "other";
}
