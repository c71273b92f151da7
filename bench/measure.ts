// Runs commands in fresh processes and reads their wall time and peak memory (the child reports its
// own maxRSS, which includes its worker threads).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPORTER = fileURLToPath(new URL("./report-usage.cjs", import.meta.url));

export interface Sample {
  seconds: number;
  peakMb: number;
}

export interface Summary {
  runs: number;
  medianSeconds: number;
  medianPeakMb: number;
}

/** Runs `node <args>` once, with the usage reporter preloaded. */
export function sample(args: string[], cwd: string): Sample {
  const dir = mkdtempSync(join(tmpdir(), "bench-usage-"));
  const usageFile = join(dir, "usage.json");
  const started = performance.now();
  const result = spawnSync(process.execPath, ["--require", REPORTER, ...args], {
    cwd,
    env: { ...process.env, BENCH_USAGE_FILE: usageFile },
    // Output is not read (some tools print a megabyte or more, past spawnSync's buffer); errors are.
    stdio: ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
    encoding: "utf8",
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  const usage = JSON.parse(readFileSync(usageFile, "utf8")) as { maxRssKb: number };
  rmSync(dir, { recursive: true, force: true });
  return { seconds, peakMb: usage.maxRssKb / 1024 };
}

/** Runs `node <args>` for each step in turn, as one command: the times add up, the peak is the larger. */
export function sampleSteps(steps: string[][], cwd: string): Sample {
  const samples = steps.map((args) => sample(args, cwd));
  return { seconds: samples.reduce((sum, s) => sum + s.seconds, 0), peakMb: Math.max(...samples.map((s) => s.peakMb)) };
}

export function summarize(samples: Sample[]): Summary {
  return {
    runs: samples.length,
    medianSeconds: median(samples.map((s) => s.seconds)),
    medianPeakMb: median(samples.map((s) => s.peakMb)),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
