// Per-call cost of clients against a raw fetch of the same request, on loopback: each sends
// PUT /v2/users/me/status with a bearer token and a multipart body to a server that answers 204 at
// once. Before it is timed, each contender's request is captured and checked (method, path, token,
// the multipart field parsed by busboy), so that only clients that send the request are compared.
// Batches alternate between contenders so that drift hits all of them alike.
import busboy from "busboy";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { median } from "./measure.js";

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

export async function startBenchServer(): Promise<BenchServer> {
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
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2`,
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
 * The two baselines: a raw fetch, and one with a timeout as the client sets it per attempt (an
 * AbortController's signal, aborted by a timer that is cleared when the body has been read).
 */
export function rawContenders(base: string): Contender[] {
  const raw = (timeout: boolean) => async () => {
    const form = new FormData();
    form.append("action", "deactivate");
    const init: RequestInit = { method: "PUT", headers: { authorization: `Bearer ${TOKEN}` }, body: form };
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
  ];
}

export interface Timing {
  name: string;
  usPerCall: number;
}

/** Calls per contender, in alternating batches of CALL_BATCH (40 samples: at 16 the median moved by up to 4% between runs). */
export const CALLS = 10_000;
export const CALL_BATCH = 250;

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
  return contenders.map(({ name }, i) => ({ name, usPerCall: median(samples[i]!) }));
}
