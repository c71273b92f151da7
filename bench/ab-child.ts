// One process of bench/ab.ts: `{ port, contenders: [{ name, file }], calls, batch, mode }` as its
// argument. Checks each contender's request against the bench's server, then, by mode:
// - "time": the raw baselines and the contenders in alternating batches (each round starts one
//   further on), each batch's wall and CPU µs per call. CPU time is the whole process's (client,
//   undici and the loopback server): on a shared machine it moves less with others' load.
// - "stub": the same with a global fetch that answers 204 at once: the clients' own JavaScript,
//   without undici's (the raw baselines do their part of the same work).
// - "alloc": bytes allocated per call, each contender alone (run with a young generation large
//   enough that no collection happens: bench/ab.ts passes --min-semi-space-size).
import { pathToFileURL } from "node:url";
import { rawContenders, startBenchServer, wrongRequest, type Contender } from "./overhead.js";

export interface ChildResult {
  timings: Array<{ name: string; wall: number[]; cpu: number[] }>;
  refused: Array<{ name: string; why: string }>;
}

const input = JSON.parse(process.argv[2]!) as {
  port: number;
  contenders: Array<{ name: string; file: string }>;
  calls: number;
  batch: number;
  mode: "time" | "stub" | "alloc";
};
const server = await startBenchServer(input.port);
const contenders: Contender[] = [...rawContenders(server.base)];
const refused: ChildResult["refused"] = [];
for (const { name, file } of input.contenders) {
  const { call } = (await import(pathToFileURL(file).href)) as { call: () => Promise<unknown> };
  const captured = server.capture();
  await call();
  const wrong = wrongRequest(await captured);
  if (wrong) refused.push({ name, why: wrong });
  else contenders.push({ name, call });
}
if (input.mode === "stub") {
  const answer = new Response(null, { status: 204 });
  globalThis.fetch = async () => answer;
}
const timings = contenders.map(({ name }) => ({ name, wall: [] as number[], cpu: [] as number[] }));
if (input.mode === "alloc") {
  for (let i = 0; i < contenders.length; i++) {
    const { call } = contenders[i]!;
    for (let k = 0; k < 500; k++) await call();
    for (let round = 0; round < 3; round++) {
      // A collection now, so that the young generation has room for the calls measured.
      (globalThis as { gc?: () => void }).gc?.();
      const before = process.memoryUsage().heapUsed;
      for (let k = 0; k < input.batch; k++) await call();
      timings[i]!.wall.push((process.memoryUsage().heapUsed - before) / input.batch);
    }
  }
} else {
  const time = async (fn: () => Promise<unknown>, n: number) => {
    const cpu = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < n; i++) await fn();
    const wall = ((performance.now() - started) / n) * 1000;
    const used = process.cpuUsage(cpu);
    return { wall, cpu: (used.user + used.system) / n };
  };
  // Warm-up: two batches each.
  for (let i = 0; i < 2; i++) for (const { call } of contenders) await time(call, input.batch);
  for (let done = 0, round = 0; done < input.calls; done += input.batch, round++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (round + k) % contenders.length;
      const { wall, cpu } = await time(contenders[i]!.call, input.batch);
      timings[i]!.wall.push(wall);
      timings[i]!.cpu.push(cpu);
    }
  }
}
server.close();
process.stdout.write(JSON.stringify({ timings, refused } satisfies ChildResult));
