"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiPromise = exports.UNREAD = void 0;
/**
 * What a call resolves with in place of a body left unread for asResponse(), which the core puts
 * there: a thenable, which the call's own promise follows, so that `await` of the call (or of
 * `withResponse()`'s `data`) rejects with a TypeError naming the misuse, rather than resolving with
 * `undefined` typed as the body. Nothing is reported unhandled: asResponse() handled the call's
 * failure (withResponse). One object for every call, made once.
 */
exports.UNREAD = {
    then: (_, reject) => reject(new TypeError("asResponse() took the body: await its Response")),
};
/**
 * A Promise of the parsed body, for `await client.x(args)`; `.withResponse()` gives `{ data,
 * response }` for callers who need the status or headers of a success; `.asResponse()` gives the
 * response of a success with its body unread, for a download or an event stream to read as it comes.
 * The request starts at once.
 */
class ApiPromise extends Promise {
    #result;
    #answer;
    #withResponse;
    /**
     * `answer`: the object `result` resolves with, which `asResponse()` marks; the client's core
     * passes it. An ApiPromise made without one (a test's stand-in) gives `asResponse()` the response
     * `result` holds, as it is.
     */
    constructor(result, answer = {}) {
        // Settles with the data as `result` settles, so that then/catch/finally and `await` are
        // Promise's own (see `constructor` below for what that saves each call).
        super((resolve, reject) => void result.then((r) => resolve(r.data), reject));
        this.#result = result;
        this.#answer = answer;
    }
    withResponse() {
        // A caller who reads only the response has handled this promise's failure too: it is reported
        // once, by the promise returned here, if that one is left unhandled (`result` itself is handled
        // by the constructor). The same promise on every call, so that handling one handles them all.
        if (!this.#withResponse) {
            this.catch(() => { });
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
    asResponse() {
        this.#answer.unread = true;
        return this.withResponse().then((r) => r.response);
    }
}
exports.ApiPromise = ApiPromise;
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
