// Every emitted source file goes through prettier once, so output is formatted and stable.
// Prettier is most of the time a large collection takes, so big files are formatted in worker
// threads (one per core) while the main thread compiles dist/.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import prettier from "prettier";

const PARSERS: Record<string, string> = {
  ".ts": "babel-ts",
  ".js": "babel",
  ".json": "json",
  ".md": "markdown",
};

const OPTIONS = { printWidth: 100 };

function parserFor(path: string): string | undefined {
  return PARSERS[/\.[^.]+$/.exec(path)?.[0] ?? ""];
}

export async function formatFile(path: string, text: string): Promise<string> {
  const parser = parserFor(path);
  return parser ? prettier.format(text, { ...OPTIONS, parser }) : text;
}

/** Below this many characters a file is formatted in the calling thread: a worker costs more to start. */
const WORKER_THRESHOLD = 200_000;

// The worker only needs prettier, found where this module finds it.
const WORKER_SOURCE = `
const { parentPort } = require("node:worker_threads");
const prettier = import(${JSON.stringify(import.meta.resolve("prettier"))});
parentPort.on("message", async ({ id, text, options }) => {
  try {
    parentPort.postMessage({ id, text: await (await prettier).format(text, options) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) });
  }
});
`;

interface Job {
  resolve: (text: string) => void;
  reject: (error: Error) => void;
}

/** Formats files, the big ones in a pool of worker threads; `close()` ends the pool. */
export class Formatter {
  private workers: Worker[] = [];
  private next = 0;
  private jobs = new Map<number, Job>();
  private ids = 0;

  format(path: string, text: string): Promise<string> {
    const parser = parserFor(path);
    if (!parser) return Promise.resolve(text);
    if (text.length < WORKER_THRESHOLD) return prettier.format(text, { ...OPTIONS, parser });
    const worker = this.worker();
    const id = this.ids++;
    return new Promise<string>((resolve, reject) => {
      this.jobs.set(id, { resolve, reject });
      worker.postMessage({ id, text, options: { ...OPTIONS, parser } });
    });
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private worker(): Worker {
    if (this.workers.length < Math.max(1, availableParallelism())) {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.on("message", ({ id, text, error }: { id: number; text?: string; error?: string }) => {
        const job = this.jobs.get(id);
        this.jobs.delete(id);
        if (error !== undefined) job?.reject(new Error(`prettier failed: ${error}`));
        else job?.resolve(text!);
      });
      worker.on("error", (error) => {
        for (const job of this.jobs.values()) job.reject(error);
        this.jobs.clear();
      });
      this.workers.push(worker);
      return worker;
    }
    return this.workers[this.next++ % this.workers.length]!;
  }
}
