// What every client method returns: a promise of the parsed body that can also give the response.

export interface WithResponse<T> {
  data: T;
  response: Response;
}

/**
 * A Promise of the parsed body, for `await client.x(args)`; `.withResponse()` gives `{ data,
 * response }` for callers who need the status or headers of a success. The request starts at once.
 */
export class ApiPromise<T> extends Promise<T> {
  readonly #result: Promise<WithResponse<T>>;

  constructor(result: Promise<WithResponse<T>>) {
    // The base promise is never used: then/catch/finally read the data from `result`, so a caller
    // who only asks for withResponse() leaves no unhandled rejection behind.
    super((resolve) => resolve(undefined as T));
    this.#result = result;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  // `reason: any` as in Promise itself, so that `.catch((e: Error) => …)` type-checks as users expect.
  override then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: any) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result.then(
      (r) => (onfulfilled ? onfulfilled(r.data) : (r.data as unknown as A)),
      onrejected,
    );
  }

  // `catch` and `finally` are Promise's own: each calls `then` above.
}

// Promises derived by then/catch/finally are plain promises, also when Promise's own methods are
// called on an ApiPromise (`Promise.prototype.then.call(p, …)`), which build their result with the
// species. Set here rather than as `static get [Symbol.species]()` in the class: TypeScript's
// per-file declaration emit (transpileDeclaration, see emit/compile.ts) writes a computed
// `Symbol.*` member twice, which TS 5.0-6.0 refuse in a .d.ts (TS2300, TS2718) for every consumer
// with `skipLibCheck: false`. The declaration needs no member: PromiseConstructor declares it.
Object.defineProperty(ApiPromise, Symbol.species, { get: () => Promise, configurable: true });
