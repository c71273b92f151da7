// Per-call cost of clients against a raw fetch of the same request, on loopback: each sends
// PUT /v2/users/me/status with a bearer token and a multipart body to a server that answers 204 at
// once. Before it is timed, each contender's request is captured and checked (method, path, token,
// the multipart field parsed by busboy), so that only clients that send the request are compared.
// Batches alternate between contenders so that drift hits all of them alike.
import busboy from "busboy";
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { median } from "./measure.js";
import { bundlePeer, ourCall } from "./peers.js";
import type { GroupInput, ProcessResult } from "./per-call.js";

export const TOKEN = "bench-token";

export interface Contender {
  name: string;
  call: () => Promise<unknown>;
}

export interface Captured {
  method: string;
  path: string;
  authorization: string | undefined;
  fields: Array<[string, string]>;
  problem?: string;
}

export interface BenchServer {
  /** `http://127.0.0.1:<port>/v2` */
  base: string;
  /** The next request, parsed (only that one: the others are answered without reading more than needed). */
  capture(): Promise<Captured>;
  close(): void;
}

/** A port free on 127.0.0.1 now, for a server a child process starts (bench/per-call.ts). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The base URL of the bench's server on `port`. */
export const benchBase = (port: number) => `http://127.0.0.1:${port}/v2`;

export async function startBenchServer(port = 0): Promise<BenchServer> {
  let waiting: ((captured: Captured) => void) | undefined;
  const server = createServer((req, res) => {
    const answer = () => res.writeHead(204).end();
    const take = waiting;
    waiting = undefined;
    if (!take) {
      req.resume();
      req.on("end", answer);
      return;
    }
    parse(req).then((captured) => {
      take(captured);
      answer();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    base: benchBase((server.address() as AddressInfo).port),
    capture: () => new Promise((resolve) => (waiting = resolve)),
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

function parse(req: IncomingMessage): Promise<Captured> {
  const captured: Captured = {
    method: req.method ?? "",
    path: req.url ?? "",
    authorization: req.headers.authorization,
    fields: [],
  };
  return new Promise((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({ headers: req.headers });
    } catch (error) {
      captured.problem = `body not parsable as multipart (content-type ${req.headers["content-type"] ?? "none"}): ${(error as Error).message}`;
      req.resume();
      req.on("end", () => resolve(captured));
      return;
    }
    parser.on("field", (name, value) => captured.fields.push([name, value]));
    parser.on("file", (_name, stream) => stream.resume());
    parser.on("close", () => resolve(captured));
    parser.on("error", (error) => {
      captured.problem = String(error);
      resolve(captured);
    });
    req.pipe(parser);
  });
}

/** Why a captured request is not the one every contender must send, or undefined when it is. */
export function wrongRequest(captured: Captured): string | undefined {
  const problems: string[] = [];
  if (captured.problem) problems.push(captured.problem);
  if (captured.method !== "PUT") problems.push(`method ${captured.method}`);
  if (captured.path !== "/v2/users/me/status") problems.push(`path ${captured.path}`);
  if (captured.authorization !== `Bearer ${TOKEN}`)
    problems.push(`authorization ${captured.authorization ?? "missing"}`);
  if (JSON.stringify(captured.fields) !== JSON.stringify([["action", "deactivate"]]))
    problems.push(`fields ${JSON.stringify(captured.fields)}`);
  return problems.length ? problems.join("; ") : undefined;
}

/**
 * The baselines: a raw fetch, and one with a timeout as the client sets it per attempt (an
 * AbortController's signal, aborted by a timer that is cleared when the body has been read); then
 * the same with the form written out as one string, as this tool's client sends a form of text
 * parts (runtime/bodies.ts's sendMultipart), which Node's fetch sends faster than a FormData: the
 * client's own cost is its time ÷ that one's.
 */
export const RAW_ONE_STRING = "raw fetch + timeout, the form as one string";

export function rawContenders(base: string): Contender[] {
  const raw =
    (timeout: boolean, oneString = false) =>
    async () => {
      const init: RequestInit = oneString
        ? {
            method: "PUT",
            headers: { authorization: `Bearer ${TOKEN}`, "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
            body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="action"\r\n\r\ndeactivate\r\n--${BOUNDARY}--\r\n`,
          }
        : { method: "PUT", headers: { authorization: `Bearer ${TOKEN}` }, body: formData() };
      const controller = timeout ? new AbortController() : undefined;
      const timer = controller ? setTimeout(() => controller.abort(), 60_000) : undefined;
      if (controller) init.signal = controller.signal;
      const response = await fetch(`${base}/users/${encodeURIComponent("me")}/status`, init);
      await response.text();
      clearTimeout(timer);
    };
  return [
    { name: "raw fetch", call: raw(false) },
    { name: "raw fetch + timeout", call: raw(true) },
    { name: RAW_ONE_STRING, call: raw(true, true) },
  ];
}

const BOUNDARY = "raw-baseline-form";

/** The seed's form, as a raw fetch sends it. */
function formData(): FormData {
  const form = new FormData();
  form.append("action", "deactivate");
  return form;
}

export interface Timing {
  name: string;
  /** Median of the batches' µs per call. */
  usPerCall: number;
  /** µs per call of each batch, by round. */
  samples: number[];
}

/** Calls per contender, in alternating batches of CALL_BATCH (40 samples: at 16 the median moved by up to 4% between runs). */
export const CALLS = 10_000;
export const CALL_BATCH = 250;
/**
 * Processes that time this tool's group, whose ratio is a target: one process's ratio against the
 * raw fetch with a timeout moved from run to run by more than the target's margin.
 */
export const OUR_PROCESSES = 3;

/**
 * Median µs per call of each contender, over `calls` calls in alternating batches. Each round
 * starts one contender further on, so that none always runs after the same one (whose garbage,
 * timers or sockets it would otherwise pay for in every batch).
 */
export async function timeContenders(contenders: Contender[], calls = CALLS, batch = CALL_BATCH): Promise<Timing[]> {
  const time = async (fn: () => Promise<unknown>, n: number) => {
    const started = performance.now();
    for (let i = 0; i < n; i++) await fn();
    return ((performance.now() - started) / n) * 1000;
  };
  for (const { call } of contenders) await time(call, batch);
  const samples = contenders.map(() => [] as number[]);
  for (let done = 0, round = 0; done < calls; done += batch, round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      samples[i]!.push(await time(contenders[i]!.call, batch));
    }
  }
  return contenders.map(({ name }, i) => ({ name, usPerCall: median(samples[i]!), samples: samples[i]! }));
}

/**
 * A contender's time against a baseline's, as the median over rounds of the ratio of their batches
 * in the same round: each pair ran within a second of each other, so a change in the machine's load
 * during the run weighs on both sides of every ratio alike.
 */
export function pairedRatio(timing: Timing, baseline: Timing): number {
  return median(timing.samples.map((us, round) => us / baseline.samples[round]!));
}

/**
 * This tool's contenders as modules in `work`: createBaseClient with the standalone function from the
 * Zoom package, bundled as an app ships it; createClient from the seed package as an app imports it;
 * and the same without a time limit (no timer, no abort signal). Each calls `base`.
 */
export async function ourContenders(
  work: string,
  base: string,
  packagesDir: string,
  zoomPackage: string,
  seedPackage: string,
): Promise<GroupInput["contenders"]> {
  const module = (name: string, text: string) => {
    const file = join(work, `${name}.mjs`);
    writeFileSync(file, text);
    return file;
  };
  const seed = JSON.stringify(pathToFileURL(join(packagesDir, seedPackage, "dist/index.js")).href);
  const client = (options: string) => `import { createClient } from ${seed};
const client = createClient({ baseUrl: ${JSON.stringify(base)}, token: ${JSON.stringify(TOKEN)}${options} });
export const call = () => client.updateUserStatus({ userId: "me", action: "deactivate" });
`;
  return [
    {
      name: "ours",
      file: module("ours", await bundlePeer(withBase(ourCall(zoomPackage, TOKEN), base), packagesDir, false)),
    },
    { name: "ours (createClient)", file: module("ours-client", client("")) },
    {
      name: "ours (createClient, timeoutMs: Infinity)",
      file: module("ours-client-unlimited", client(", timeoutMs: Infinity")),
    },
  ];
}

/** A contender module's source with `BASE` defined before it. */
export const withBase = (source: string, base: string) => `const BASE = ${JSON.stringify(base)};\n${source}`;

const GROUP_SCRIPT = fileURLToPath(new URL("./per-call.ts", import.meta.url));

export interface GroupTiming extends Timing {
  /** {@link pairedRatio} against the raw fetch, against the raw fetch with a timeout, and against that with the form as one string. */
  vsRaw: number;
  vsRawTimeout: number;
  vsRawOneString: number;
  /** vsRawTimeout in each process alone. */
  byProcess: number[];
}

export interface GroupResult {
  timings: GroupTiming[];
  refused: ProcessResult["refused"];
}

/**
 * Times a group of contenders, with the three raw baselines first, in `processes` fresh processes in
 * turn (bench/per-call.ts), and pools their rounds: how fast the same code runs moves from one
 * process to the next (heap layout, garbage collection) by more than the margins measured.
 * `byProcess` keeps each process's ratios against the raw fetch with a timeout, to show that spread.
 */
export function timeGroup(input: GroupInput, processes: number): GroupResult {
  const runs = Array.from({ length: processes }, () => {
    const result = spawnSync(process.execPath, [...process.execArgv, GROUP_SCRIPT, JSON.stringify(input)], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (result.status !== 0) throw new Error(`bench/per-call.ts failed (${result.status}):\n${result.stderr}`);
    return JSON.parse(result.stdout) as ProcessResult;
  });
  // A contender refused in any process is left out of all (each process checks every request).
  const refused = [...new Map(runs.flatMap((run) => run.refused).map((r) => [r.name, r])).values()];
  const pooled: Timing[] = runs[0]!.timings
    .filter(({ name }) => !refused.some((r) => r.name === name))
    .map(({ name }) => {
      const samples = runs.flatMap((run) => run.timings.find((t) => t.name === name)!.samples);
      return { name, usPerCall: median(samples), samples };
    });
  const [raw, rawTimeout, rawOneString] = pooled;
  const byProcess = (name: string) =>
    runs.map((run) =>
      pairedRatio(
        run.timings.find((t) => t.name === name)!,
        run.timings[1]!,
      ),
    );
  return {
    timings: pooled.map((t) => ({
      ...t,
      vsRaw: pairedRatio(t, raw!),
      vsRawTimeout: pairedRatio(t, rawTimeout!),
      vsRawOneString: pairedRatio(t, rawOneString!),
      byProcess: byProcess(t.name),
    })),
    refused,
  };
}
