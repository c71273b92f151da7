// What every client method returns: a promise of the parsed body that can also give the response.
/**
 * A Promise of the parsed body, for `await client.x(args)`; `.withResponse()` gives `{ data,
 * response }` for callers who need the status or headers of a success. The request starts at once.
 */
export class ApiPromise extends Promise {
    #result;
    constructor(result) {
        // The base promise is never used: then/catch/finally read the data from `result`, so a caller
        // who only asks for withResponse() leaves no unhandled rejection behind.
        super((resolve) => resolve(undefined));
        this.#result = result;
    }
    withResponse() {
        return this.#result;
    }
    // `reason: any` as in Promise itself, so that `.catch((e: Error) => …)` type-checks as users expect.
    then(onfulfilled, onrejected) {
        return this.#result.then((r) => (onfulfilled ? onfulfilled(r.data) : r.data), onrejected);
    }
}
// Promises derived by then/catch/finally are plain promises, also when Promise's own methods are
// called on an ApiPromise (`Promise.prototype.then.call(p, …)`), which build their result with the
// species. Set here rather than as `static get [Symbol.species]()` in the class: TypeScript's
// per-file declaration emit (transpileDeclaration, see emit/compile.ts) writes a computed
// `Symbol.*` member twice, which TS 5.0-6.0 refuse in a .d.ts (TS2300, TS2718) for every consumer
// with `skipLibCheck: false`. The declaration needs no member: PromiseConstructor declares it.
Object.defineProperty(ApiPromise, Symbol.species, { get: () => Promise, configurable: true });
