// ApiPromise resolves with the data, gives the response on request, and every promise derived from
// it is a plain Promise, also when Promise's own methods are called on it (they build their result
// with the species).
import { describe, expect, it } from "vitest";
import { ApiPromise, type Answer } from "../../src/runtime/api-promise.js";
import { unhandledDuring } from "../helpers/unhandled.js";

const response = new Response(null, { status: 204 });
const resolved = () => new ApiPromise(Promise.resolve({ data: 7, response }));

describe("ApiPromise", () => {
  it("resolves with the data, and withResponse() with data and response", async () => {
    await expect(resolved()).resolves.toBe(7);
    await expect(resolved().withResponse()).resolves.toEqual({ data: 7, response });
  });

  it("has Promise as its species, so derived promises are plain", async () => {
    expect(ApiPromise[Symbol.species]).toBe(Promise);
    const p = resolved();
    const derived = [
      p.then((x) => x),
      p.catch(() => 0),
      p.finally(() => undefined),
      Promise.prototype.then.call(p, () => 1),
      Promise.prototype.finally.call(p, () => undefined),
    ];
    for (const promise of derived) {
      expect(promise.constructor).toBe(Promise);
      expect(promise).not.toBeInstanceOf(ApiPromise);
    }
    await Promise.all(derived);
  });

  it("is awaited as a plain promise is, one promise job after its result", async () => {
    // Jobs that run before `await promise` resumes: `await` takes an ApiPromise as it is (its
    // constructor is Promise), rather than as a foreign thenable, which costs two jobs more.
    const jobsUntil = async (make: () => PromiseLike<unknown>) => {
      let jobs = 0;
      let done = false;
      const tick = () => {
        if (done) return;
        jobs++;
        queueMicrotask(tick);
      };
      queueMicrotask(tick);
      await make();
      done = true;
      return jobs;
    };
    const plain = await jobsUntil(() => Promise.resolve(7));
    expect(await jobsUntil(resolved)).toBe(plain + 1);
    expect(resolved()).toBeInstanceOf(ApiPromise);
    expect(resolved()).toBeInstanceOf(Promise);
  });

  it("gives the same promise from every withResponse(), so that handling one handles them all", async () => {
    const p = new ApiPromise<number>(Promise.reject(new Error("nope")));
    const first = p.withResponse();
    expect(p.withResponse()).toBe(first);
    expect(await unhandledDuring(() => expect(p.withResponse()).rejects.toThrow("nope"))).toEqual([]);
  });

  it("rejects then/catch with the result's error and leaves none unhandled with withResponse() alone", async () => {
    const failed = () => new ApiPromise<number>(Promise.reject(new Error("nope")));
    await expect(failed()).rejects.toThrow("nope");
    await expect(failed().catch((e: Error) => e.message)).resolves.toBe("nope");
    await expect(failed().withResponse()).rejects.toThrow("nope");
  });

  it("asResponse() marks the answer its core fills, before the answer comes, and resolves with its response", async () => {
    // The core reads the mark when the headers come (test/runtime/streaming.test.ts): it must be
    // set at once, by the call of asResponse() itself.
    let fill!: () => void;
    const answer: Answer<number> = {};
    const p = new ApiPromise<number>(
      new Promise((resolve) => (fill = () => resolve(Object.assign(answer, { data: 7, response })))),
      answer,
    );
    const asked = p.asResponse();
    expect(answer.unread).toBe(true);
    fill();
    await expect(asked).resolves.toBe(response);
  });

  it("asResponse() of an ApiPromise made without an answer (a stand-in) resolves with its result's response", async () => {
    await expect(resolved().asResponse()).resolves.toBe(response);
  });

  it("asResponse() rejects with the result's error, and leaves none unhandled", async () => {
    const p = new ApiPromise<number>(Promise.reject(new Error("nope")));
    expect(await unhandledDuring(() => expect(p.asResponse()).rejects.toThrow("nope"))).toEqual([]);
  });
});
