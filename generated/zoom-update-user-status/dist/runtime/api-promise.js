// What every client method returns: a promise of the parsed body that can also give the response.
/**
 * A Promise of the parsed body, for `await client.x(args)`; `.withResponse()` gives `{ data,
 * response }` for callers who need the status or headers of a success. The request starts at once.
 */
export class ApiPromise extends Promise {
    // Promises derived by then/catch/finally are plain promises.
    static get [Symbol.species]() {
        return Promise;
    }
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
    catch(onrejected) {
        return this.then(undefined, onrejected);
    }
    finally(onfinally) {
        return this.then().finally(onfinally);
    }
}
