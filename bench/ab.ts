// A/B of the emitted client's per-call cost: the runtime of a git revision (default main) against
// the working tree's src/runtime, in the same processes, in alternating batches, as the bench's
// per-call rows (bench/overhead.ts). `npx tsx bench/ab.ts [--base <rev>] [--processes <n>] [--calls <n>]`
// copies generated/zoom-api and generated/zoom-update-user-status twice, replaces each copy's
// dist/runtime with that runtime transpiled as the generator does (ES2022, ESM), and prints
// new ÷ old and each ÷ the raw fetch with a timeout, pooled and per process. On a shared machine
// only the paired ratios mean anything: µs per call moves with the load.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import ts from "typescript";
import { fileURLToPath } from "node:url";
import type { ChildResult } from "./ab-child.js";
import { median } from "./measure.js";
import { benchBase, freePort, TOKEN, withBase } from "./overhead.js";
import { bundlePeer, ourCall } from "./peers.js";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "main" },
    processes: { type: "string", default: "3" },
    calls: { type: "string", default: "10000" },
    batch: { type: "string", default: "100" },
    mode: { type: "string", default: "time" },
  },
});
const processes = Number(values.processes);
const calls = Number(values.calls);
const mode = values.mode as "time" | "stub" | "alloc";
const batch = Number(values.batch);
const CHILD = fileURLToPath(new URL("./ab-child.ts", import.meta.url));
const root = resolve(".");
const work = mkdtempSync(join(tmpdir(), "postman-codegen-ab-"));

/** The runtime's sources, by file name: of a git revision, or of the working tree. */
function runtimeSources(rev: string | undefined): Map<string, string> {
  const dir = "src/runtime";
  const names = rev
    ? execFileSync("git", ["ls-tree", "--name-only", `${rev}:${dir}`], { encoding: "utf8" }).split("\n")
    : readdirSync(dir);
  return new Map(
    names
      .filter((name) => name.endsWith(".ts"))
      .map((name) => [
        name,
        rev
          ? execFileSync("git", ["show", `${rev}:${dir}/${name}`], { encoding: "utf8", maxBuffer: 1 << 26 })
          : readFileSync(join(dir, name), "utf8"),
      ]),
  );
}

/** generated/<name> copied under `side`, its dist/runtime that of `sources`. */
function packageWith(side: string, name: string, sources: Map<string, string>): void {
  const dir = join(work, side, name);
  mkdirSync(join(work, side), { recursive: true });
  cpSync(join(root, "generated", name), dir, { recursive: true, filter: (src) => !src.includes("node_modules") });
  for (const [file, text] of sources) {
    const { outputText } = ts.transpileModule(text, {
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        strict: true,
      },
      fileName: file,
    });
    writeFileSync(join(dir, "dist/runtime", file.replace(/\.ts$/, ".js")), outputText);
  }
}

const sides = { old: runtimeSources(values.base), new: runtimeSources(undefined) };
for (const [side, sources] of Object.entries(sides))
  for (const name of ["zoom-api", "zoom-update-user-status"]) packageWith(side, name, sources);

const port = await freePort();
const base = benchBase(port);
const module = (name: string, text: string) => {
  const file = join(work, `${name}.mjs`);
  writeFileSync(file, text);
  return file;
};
const contenders = [];
for (const side of ["old", "new"]) {
  const dir = join(work, side);
  contenders.push({
    name: `${side} base`,
    file: module(`${side}-base`, await bundlePeer(withBase(ourCall("zoom-api", TOKEN), base), dir, false)),
  });
  const seed = JSON.stringify(join(dir, "zoom-update-user-status/dist/index.js"));
  contenders.push({
    name: `${side} createClient`,
    file: module(
      `${side}-client`,
      `import { createClient } from ${seed};
const client = createClient({ baseUrl: ${JSON.stringify(base)}, token: ${JSON.stringify(TOKEN)} });
export const call = () => client.updateUserStatus({ userId: "me", action: "deactivate" });
`,
    ),
  });
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(", ");
const loadAtStart = load();
const runs: ChildResult[] = [];
for (let p = 0; p < processes; p++) {
  const flags = mode === "alloc" ? ["--expose-gc", "--min-semi-space-size=256", "--max-semi-space-size=256"] : [];
  const result = spawnSync(
    process.execPath,
    [...flags, ...process.execArgv, CHILD, JSON.stringify({ port, contenders, calls, batch, mode })],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (result.status !== 0) throw new Error(`bench/ab-child.ts failed (${result.status}):\n${result.stderr}`);
  runs.push(JSON.parse(result.stdout) as ChildResult);
}
rmSync(work, { recursive: true, force: true });
const refused = runs.flatMap((r) => r.refused);
if (refused.length) throw new Error(`sent another request: ${JSON.stringify(refused)}`);

/** Median over rounds of a's batch ÷ b's batch in the same round, over the given runs. */
const ratio = (a: string, b: string, metric: "wall" | "cpu", of: ChildResult[] = runs) =>
  median(
    of.flatMap((run) => {
      const x = run.timings.find((t) => t.name === a)![metric];
      const y = run.timings.find((t) => t.name === b)![metric];
      return x.map((v, i) => v / y[i]!);
    }),
  );
const names = runs[0]!.timings.map((t) => t.name);
const us = (name: string, metric: "wall" | "cpu") =>
  median(runs.flatMap((run) => run.timings.find((t) => t.name === name)![metric]));
const RAW = "raw fetch + timeout";
console.log(
  `load average ${loadAtStart} at the start, ${load()} at the end; ${processes} processes × ${calls / batch} rounds of ${batch} calls\n`,
);
if (mode === "alloc") {
  console.log("| Client | bytes allocated per call (each process) |\n| --- | --- |");
  for (const name of names)
    console.log(
      `| ${name} | ${runs.map((run) => median(run.timings.find((t) => t.name === name)!.wall).toFixed(0)).join(", ")} |`,
    );
  process.exit(0);
}
for (const metric of ["wall", "cpu"] as const) {
  console.log(`${metric === "wall" ? "Wall" : "CPU (user + system, whole process)"} time:\n`);
  console.log("| Client | µs per call | ÷ raw fetch + timeout | each process |\n| --- | --- | --- | --- |");
  for (const name of names)
    console.log(
      `| ${name} | ${us(name, metric).toFixed(us(name, metric) < 20 ? 2 : 0)} | ${ratio(name, RAW, metric).toFixed(3)} | ${runs.map((run) => ratio(name, RAW, metric, [run]).toFixed(3)).join(", ")} |`,
    );
  console.log("\n| new ÷ old | pooled | each process |\n| --- | --- | --- |");
  for (const kind of ["base", "createClient"])
    console.log(
      `| ${kind} | ${ratio(`new ${kind}`, `old ${kind}`, metric).toFixed(3)} | ${runs.map((run) => ratio(`new ${kind}`, `old ${kind}`, metric, [run]).toFixed(3)).join(", ")} |`,
    );
  console.log("");
}
