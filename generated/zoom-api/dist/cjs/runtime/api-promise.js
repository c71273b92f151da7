"use strict";
// What every client method returns: a promise of the parsed body that can also give the response.
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiPromise = void 0;
/**
 * A Promise of the parsed body, for `await client.x(args)`; `.withResponse()` gives `{ data,
 * response }` for callers who need the status or headers of a success. The request starts at once.
 */
class ApiPromise extends Promise {
    #result;
    #withResponse;
    constructor(result) {
        // Settles with the data as `result` settles, so that then/catch/finally and `await` are
        // Promise's own (see `constructor` below for what that saves each call).
        super((resolve, reject) => void result.then((r) => resolve(r.data), reject));
        this.#result = result;
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
