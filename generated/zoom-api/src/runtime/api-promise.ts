// What every client method returns: a promise of the parsed body that can also give the response.
import type { Unparsed } from "./response.js";

export interface WithResponse<T> {
  data: T;
  response: Response;
}

/**
 * What a call's `result` resolves with, made before its request is sent, so that `asResponse()`
 * can mark it (`unread`) while the request is under way: the core reads the mark when the answer's
 * headers come and leaves a success's body unread. The object the result would hold anyway, so
 * the mark costs a call no allocation.
 */
export interface Answer<T> extends Partial<WithResponse<T>> {
  unread?: boolean;
  /**
   * Set by the core on a success left unread: the call's own error for its body read whole and
   * found to be JSON that does not parse (`raw`, an `Unparsed`), masked with what the call sent
   * (see readUnread in core.ts).
   */
  unparsed?: (raw: Unparsed) => Promise<Error>;
}

/**
 * What a call resolves with in place of a body left unread for asResponse(), which the core puts
 * there: a thenable, which the call's own promise follows, so that `await` of the call (or of
 * `withResponse()`'s `data`) rejects with a TypeError naming the misuse, rather than resolving with
 * `undefined` typed as the body. Nothing is reported unhandled: asResponse() handled the call's
 * failure (withResponse). One object for every call, made once.
 */
export const UNREAD: { then(resolve: unknown, reject: (error: TypeError) => void): void } = {
  then: (_, reject) => reject(new TypeError("asResponse() took the body: await its Response")),
};

/**
 * A Promise of the parsed body, for `await client.x(args)`; `.withResponse()` gives `{ data,
 * response }` for callers who need the status or headers of a success; `.asResponse()` gives the
 * response of a success with its body unread, for a download or an event stream to read as it comes.
 * The request starts at once.
 */
export class ApiPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;
  readonly #answer: Answer<T>;
  #withResponse: Promise<WithResponse<T>> | undefined;

  /**
   * `answer`: the object `result` resolves with, which `asResponse()` marks; the client's core
   * passes it. An ApiPromise made without one (a test's stand-in) gives `asResponse()` the response
   * `result` holds, as it is.
   */
  constructor(result: Promise<WithResponse<T>>, answer: Answer<T> = {}) {
    // Settles with the data as `result` settles, so that then/catch/finally and `await` are
    // Promise's own (see `constructor` below for what that saves each call).
    super((resolve, reject) => void result.then((r) => resolve(r.data), reject));
    this.#result = result;
    this.#answer = answer;
  }

  withResponse(): Promise<WithResponse<T>> {
    // A caller who reads only the response has handled this promise's failure too: it is reported
    // once, by the promise returned here, if that one is left unhandled (`result` itself is handled
    // by the constructor). The same promise on every call, so that handling one handles them all.
    if (!this.#withResponse) {
      this.catch(() => {});
      this.#withResponse = this.#result.then();
    }
    return this.#withResponse;
  }

  /**
   * The response of a success (a 2xx; a 3xx where the operation follows no redirect) with its
   * body unread, to read as a stream (`response.body`): a download, an event stream. Call it at
   * once (`await client.x(args).asResponse()`): the body is left unread only if it is asked for
   * before the answer comes. Any other answer rejects with its typed error, as `await` does; the
   * timeout and retries cover the call until the headers come, and then no longer: the caller's
   * `signal` still aborts the body. The call's own promise then has no data to give: awaited, it
   * rejects with a TypeError that says so (as does `withResponse()`'s `data`, a thenable), rather
   * than resolving with `undefined` typed as the body. Take one of the three.
   */
  asResponse(): Promise<Response> {
    this.#answer.unread = true;
    return this.withResponse().then((r) => r.response);
  }
}
// Promises derived by then/catch/finally are plain promises, also when Promise's own methods are
// called on an ApiPromise (`Promise.prototype.then.call(p, …)`), which build their result with the
// species. Set here rather than as `static get [Symbol.species]()` in the class: TypeScript's
// per-file declaration emit (transpileDeclaration, see emit/compile.ts) writes a computed
// `Symbol.*` member twice, which TS 5.0-6.0 refuse in a .d.ts (TS2300, TS2718) for every consumer
// with `skipLibCheck: false`. The declaration needs no member: PromiseConstructor declares it. A
// value rather than Promise's getter: the same read, in fewer bytes in every bundle.
Object.defineProperty(ApiPromise, Symbol.species, { value: Promise });
// `await` takes a promise as it is only when its `constructor` is Promise; any other promise it
// treats as a foreign thenable, which costs every `await client.x()` two more promise jobs and a
// promise. Instances stay `instanceof ApiPromise` (that reads the prototype chain), and the
// species above is then read from Promise itself.
ApiPromise.prototype.constructor = Promise;
