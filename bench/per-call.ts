// One group of per-call contenders, timed in processes of their own by `npm run bench` (bench/run.ts):
// `tsx bench/per-call.ts '<json>'` with `{ "port", "contenders": [{ "name", "file" }], "calls" }`,
// where each file is a module exporting `call()` to the bench's server on that port (`benchBase`).
// A process per group keeps one group's garbage, heap growth and sockets off the other's clock
// (with the peers in the same process, this tool's ratio moved from run to run by more than the
// target's margin). Prints each contender's batch times as JSON on stdout (`timeGroup` pools them).
import { pathToFileURL } from "node:url";
import {
  rawContenders,
  startBenchServer,
  timeContenders,
  wrongRequest,
  type Contender,
  type Timing,
} from "./overhead.js";

export interface GroupInput {
  /** Where this process's server listens: the contenders were built to call it (`freePort`). */
  port: number;
  contenders: Array<{ name: string; file: string }>;
  calls: number;
}

export interface ProcessResult {
  /** The raw baselines first, then the contenders that sent the request asked for. */
  timings: Timing[];
  refused: Array<{ name: string; why: string }>;
}

const input = JSON.parse(process.argv[2]!) as GroupInput;
const server = await startBenchServer(input.port);
const contenders: Contender[] = [...rawContenders(server.base)];
const refused: ProcessResult["refused"] = [];
// Each contender's request is captured and checked first: only clients that send it are timed.
for (const { name, file } of input.contenders) {
  const { call } = (await import(pathToFileURL(file).href)) as { call: () => Promise<unknown> };
  const captured = server.capture();
  await call();
  const wrong = wrongRequest(await captured);
  if (wrong) refused.push({ name, why: wrong });
  else contenders.push({ name, call });
}
const result: ProcessResult = { timings: await timeContenders(contenders, input.calls), refused };
server.close();
process.stdout.write(JSON.stringify(result));
