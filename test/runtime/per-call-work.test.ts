// The per-call cost guard, without timers: a call of the emitted client creates no more promises
// than the raw fetch it stands for, with the same timeout (an AbortController and a timer, as the
// client sets per attempt). Both call the same stand-in fetch, so what is counted is the client's
// own work around it. Promises are what a call mostly allocates, and each await of a foreign
// thenable or an async layer shows up here as two or three more; the bench measures the time.
import { createHook } from "node:async_hooks";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { ApiPromise } from "../../src/runtime/api-promise.js";
import { testCore } from "../helpers/runtime.js";
import { ROOT } from "../helpers/seed.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";

interface SeedPackage {
  createBaseClient(options: { baseUrl: string; token: string; fetch: typeof fetch }): object;
  createClient(options: { baseUrl: string; token: string; fetch: typeof fetch }): {
    updateUserStatus(args: object): Promise<unknown>;
  };
  updateUserStatus(client: object, args: object): Promise<unknown>;
}

const BASE = "http://127.0.0.1:9/v2";
const ARGS = { userId: "me", action: "deactivate" };
const answer: typeof fetch = async () => new Response(null, { status: 204 });

/** Promises created while one call runs, after a first call has warmed everything lazy up. */
async function promisesPerCall(call: () => Promise<unknown>): Promise<number> {
  await call();
  let count = 0;
  const hook = createHook({
    init: (_id, type) => {
      if (type === "PROMISE") count++;
    },
  });
  hook.enable();
  try {
    await call();
  } finally {
    hook.disable();
  }
  return count;
}

/** The raw fetch with the client's default timeout, as the bench's baseline (bench/overhead.ts). */
async function rawFetchWithTimeout(): Promise<void> {
  const form = new FormData();
  form.append("action", "deactivate");
  const init: RequestInit = { method: "PUT", headers: { authorization: "Bearer t" }, body: form };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 60_000);
  init.signal = controller.signal;
  const response = await answer(`${BASE}/users/${encodeURIComponent("me")}/status`, init);
  await response.text();
  clearTimeout(timer);
}

describe("the work of one call", () => {
  it("creates no more promises than a raw fetch with the same timeout", async () => {
    const entry = pathToFileURL(join(ROOT, "generated/zoom-update-user-status/dist/index.js")).href;
    const pkg = (await import(entry)) as SeedPackage;
    const options = { baseUrl: BASE, token: "t", fetch: answer };
    const base = pkg.createBaseClient(options);
    const client = pkg.createClient(options);
    const raw = await promisesPerCall(rawFetchWithTimeout);
    expect(raw).toBeGreaterThan(0);
    expect(await promisesPerCall(() => pkg.updateUserStatus(base, ARGS))).toBeLessThanOrEqual(raw);
    expect(await promisesPerCall(() => client.updateUserStatus(ARGS))).toBeLessThanOrEqual(raw);
  });
});

describe("the work of one call of the runtime (src/runtime, as it stands)", () => {
  // An attempt is no async function of its own: that layer cost every call a promise, a job and an
  // object for its result. A call (no hooks, a token at hand, a 204) creates no more promises than
  // one async function awaiting its fetch, wrapped in an ApiPromise as the client returns it.
  it("creates no more promises than one async layer around its fetch", async () => {
    const core = testCore({ baseUrl: BASE, token: "t", fetch: answer }, { baseUrl: BASE, variables: {} });
    const oneLayer = async () => ({ data: undefined, response: await answer(BASE) });
    const wrapped = await promisesPerCall(() => new ApiPromise(oneLayer()));
    expect(await promisesPerCall(() => core.call(SEED_SPEC, ARGS))).toBeLessThanOrEqual(wrapped);
  });
});
