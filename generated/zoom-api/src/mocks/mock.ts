// The mock itself: a fetch Request in, a fetch Response out, from the saved examples and the
// overrides. The mock fetch, the MSW handlers and the mock server are thin faces of this.
import { maskedPathAndQuery } from "../runtime/credential-names.js";
import { namedEnvironment } from "../runtime/environments.js";
import { shownRequestPath } from "../runtime/paths.js";
import type { Mask } from "../runtime/redact.js";
import { hasNoBody, isBinaryType, isJson } from "../runtime/response.js";
import type { EnvironmentSpec, OperationSpec } from "../runtime/spec.js";
import { createRouter, type Router } from "./routes.js";
import {
  RESPONSE_ID,
  RESPONSE_NAME,
  selectExample,
  type Selection,
  type SelectRequest,
} from "./select.js";
import { apartFacts, tellApart } from "./tell-apart.js";
import type {
  MockApi,
  MockCall,
  MockControls,
  MockExample,
  MockOptions,
  MockOverride,
  MockRequestFact,
} from "./types.js";

/** A loosely typed override, as the mock keeps it. */
type AnyOverride = MockOverride<OperationSpec, number>;

export interface MockCore {
  readonly calls: MockCall[];
  use(operation: OperationSpec, override: AnyOverride): void;
  once(operation: OperationSpec, override: AnyOverride): void;
  reset(): void;
  /** Which operation a request is for, and each operation's URL pattern. */
  readonly router: Router;
  /**
   * Answers one request and records it, after the delay; rejects with the abort reason if `signal`
   * (default: the request's) aborts meanwhile. The mock fetch passes the caller's own signal, whose
   * reason (the client's TimeoutError) is what fetch rejects with.
   */
  answer(request: Request, signal?: AbortSignal): Promise<MockAnswer>;
}

/** An answer, with what the mock server logs of it. */
export interface MockAnswer {
  readonly response: Response;
  readonly call: MockCall;
}

/**
 * The operation's namespace and name (`users.userId.updateUserStatus`): its name alone is unique in
 * the package, and is its method's unless another namespace has a method of that name too.
 */
export function operationKey(op: {
  readonly namespace: readonly string[];
  readonly name: string;
}): string {
  return [...op.namespace, op.name].join(".");
}

/**
 * `mask`: what the mock's own answers (a 404, a 501) leave out of the request they quote, as the
 * mock server's log does: the server's secrets, which a path can carry (`/bot{{bot_token}}/getMe`)
 * where no name says they are credentials. Those answers end up in a client's errors and logs.
 * `notFound`: what the 404 of a request no operation matches tells its reader to check; the mock
 * server's reader has no `baseUrl` of the mock to give. `noAnswer`: how the 501 of an operation
 * without an answer says to give it one; the mock server's reader has no `mock.use` to call.
 */
export function createMock(
  api: MockApi,
  options: MockOptions<object, string> = {},
  mask: Mask = (text) => text,
  notFound: (method: string, url: URL) => string = clientAdvice(api, options),
  noAnswer: (op: OperationSpec) => string = testAdvice,
): MockCore {
  const router = createRouter(api, {
    ...options,
    environment: environmentOf(api, options.environment),
  });
  const known = new Set(api.operations.map(operationKey));
  const examples = new Map<string, readonly MockExample[]>();
  for (const entry of api.examples) {
    const key = entry.operation.join(".");
    if (!known.has(key))
      throw new TypeError(
        `the mock's examples name ${JSON.stringify(key)}, which is no operation of ${api.name}`,
      );
    const shared = entry.request;
    examples.set(
      key,
      shared
        ? entry.examples.map((e) => (e.request ? e : { ...e, request: shared }))
        : entry.examples,
    );
  }
  const noExamples = [...examples.values()].every((list) => list.length === 0);
  // What tells apart the operations that share a route, among the operations that share one with
  // this mock's values (its variables, environment and bases: a run-time value may make two routes
  // one, or one two): the routes are the router's, worked out here from those values in any case,
  // and grouping them and finding each group's facts is a pass over the few operations that share
  // one, so it is done for every mock rather than kept from generation, where the collection's
  // values grouped them. The generator wrote each one's facts against every operation it may share
  // a route with under any values (mock-data.ts), which holds what any of those groups needs.
  const sent = new Map((api.requests ?? []).map((entry) => [entry.operation.join("."), entry]));
  const facts = new Map<string, readonly MockRequestFact[]>();
  for (const group of router.shared) {
    const keys = group.map(operationKey);
    const apart = apartFacts(
      keys.map((key) => ({ facts: sent.get(key)?.facts ?? [], saved: sent.get(key)?.saved })),
    );
    keys.forEach((key, i) => facts.set(key, apart.facts[i]!));
  }
  const factsOf = (operation: OperationSpec) => facts.get(operationKey(operation)) ?? [];
  /** The operation whose saved example the request names by id or name, of those that share its route. */
  const namedOwner = (
    candidates: readonly OperationSpec[],
    select: SelectRequest,
  ): OperationSpec | undefined => {
    if (!select.headers.has(RESPONSE_ID) && !select.headers.has(RESPONSE_NAME)) return undefined;
    return candidates.find((op) => {
      const own = examples.get(operationKey(op)) ?? [];
      const selected = own.length ? selectExample(own, select) : undefined;
      return selected !== undefined && "example" in selected;
    });
  };
  const persistent = new Map<string, AnyOverride>();
  const queued = new Map<string, AnyOverride[]>();
  const calls: MockCall[] = [];
  /** Whether an operation has an answer to give: a saved example or an override. */
  const hasAnswer = (operation: OperationSpec): boolean => {
    const key = operationKey(operation);
    return (
      (examples.get(key)?.length ?? 0) > 0 ||
      persistent.has(key) ||
      (queued.get(key)?.length ?? 0) > 0
    );
  };

  const keyOf = (operation: OperationSpec): string => {
    const key = operationKey(operation);
    if (!known.has(key))
      throw new TypeError(
        `${JSON.stringify(key)} is not an operation of ${api.name}: pass one of its operations (e.g. from \`operations\`)`,
      );
    return key;
  };

  return {
    calls,
    use(operation, override) {
      persistent.set(keyOf(operation), override);
    },
    once(operation, override) {
      const key = keyOf(operation);
      queued.set(key, [...(queued.get(key) ?? []), override]);
    },
    reset() {
      persistent.clear();
      queued.clear();
      calls.length = 0;
    },
    router,
    async answer(request, signal = request.signal) {
      const url = new URL(request.url);
      const method = request.method;
      const body = await readBody(request);
      const match = router.match(method, url);
      const select: SelectRequest = { headers: request.headers, query: url.searchParams, body };
      let planned: Planned;
      let override: AnyOverride | undefined;
      let operation: OperationSpec | undefined;
      if (!match) {
        planned = problem(
          404,
          "mockRequestNotFoundError",
          `no operation of ${api.name} is ${method} ${url.origin}${url.pathname}: ${notFound(method, url)}`,
          request,
          mask,
        );
      } else {
        // Operations that share the method and path are told apart by what the request sends
        // (tell-apart.ts); an example named by the request (`x-mock-response-id`, `-name`) is looked
        // for among all of their examples, as Postman's mock servers look, and its operation answers.
        const candidates = match.operations;
        operation =
          candidates.length > 1
            ? (namedOwner(candidates, select) ?? tellApart(candidates, factsOf, select, hasAnswer))
            : match.operation;
        const key = operationKey(operation);
        const own = examples.get(key) ?? [];
        override = queued.get(key)?.shift() ?? persistent.get(key);
        if (override) planned = withOverride(operation, own, select, override);
        else {
          const selected = own.length ? selectExample(own, select) : undefined;
          const unfilled = selected ? [] : unfilledApart(candidates, router);
          planned = unfilled.length
            ? problem(
                501,
                "mockNotImplemented",
                cannotTell(
                  api,
                  options,
                  candidates,
                  unfilled,
                  `${method} ${url.origin}${url.pathname}`,
                ),
                request,
                mask,
              )
            : fromExamples(api.name, operation, selected, noExamples, request, mask, noAnswer);
        }
      }
      const delay = override?.delay ?? options.delay;
      if (delay !== undefined && delay > 0) await wait(delay, signal);
      const response = toResponse(planned, method);
      const call: MockCall = {
        operation,
        method,
        url,
        headers: request.headers,
        body,
        status: response.status,
        example: planned.example,
        overridden: override !== undefined,
      };
      calls.push(call);
      return { response, call };
    },
  };
}

/**
 * What the 404 of the mock fetch tells its reader to check (the MSW handlers leave a request that
 * no operation matches to msw's `onUnhandledRequest`). A client made for one of the package's
 * environments (`createClient({ environment: "staging" })`) sends to that environment's base, which
 * a mock given none, or another one, does not answer: said by name, as the fix is one option.
 * Worked out only for a request that no operation matched; each environment's routes once.
 */
/**
 * The fix a mock in a test says for an operation without an answer. The spec's export is the
 * operation's name and `Operation` (model/naming.ts), as the package's README passes it.
 */
function testAdvice(op: OperationSpec): string {
  return `give it an answer in a test with mock.use(${op.name}Operation, { status: 200, body: … }) (mock.once for one call), or save an example response to the Postman request ${JSON.stringify(op.item)} and generate again`;
}

function clientAdvice(
  api: MockApi,
  options: MockOptions<object, string>,
): (method: string, url: URL) => string {
  const environments = api.environments ?? {};
  const given = environmentOf(api, options.environment);
  // Each environment's routes, made at the first 404 that asks, for the next ones.
  const routers = new Map<string, Router>();
  const routerOf = (name: string) => {
    let router = routers.get(name);
    if (!router)
      routers.set(
        name,
        (router = createRouter(api, { ...options, environment: environments[name] })),
      );
    return router;
  };
  return (method, url) => {
    const meant = Object.keys(environments).find(
      (name) => environments[name] !== given && routerOf(name).match(method, url),
    );
    if (meant === undefined)
      return "check the method, the path and the mock's baseUrl (the client's)";
    const option = `{ environment: ${JSON.stringify(meant)} }`;
    return given === undefined
      ? `it is the request of a client made for environment ${JSON.stringify(meant)}: give the mock that environment too (${option}), as the client was given it`
      : `it is the request of a client made for environment ${JSON.stringify(meant)}, not the mock's: give the mock the client's environment (${option})`;
  };
}

/**
 * The environment `option` names (`"staging"`, as `createClient` takes it, by the client's own
 * rule; data is taken as it is), refused as the client refuses a name it does not have.
 */
function environmentOf(
  api: MockApi,
  option: string | EnvironmentSpec | undefined,
): EnvironmentSpec | undefined {
  if (typeof option !== "string") return option;
  return namedEnvironment(
    api.environments ?? {},
    option,
    { theirs: `${api.name}'s`, none: `${api.name} was generated without environments` },
    (message) => new TypeError(message),
  );
}

/**
 * The `{{variables}}` without a value for the mock that tell operations of one method and path
 * apart (`/groups/{{GroupId}}/members`, `/groups/{{TeamId}}/members`): each matched any text, so
 * the request matched them alike where the client, given their values, called one. Those all
 * share (a host without a value, requests told apart by their bodies) tell nothing apart.
 */
function unfilledApart(candidates: readonly OperationSpec[], router: Router): string[] {
  if (candidates.length < 2) return [];
  const lists = candidates.map((op) => router.unfilled.get(op) ?? []);
  const all = [...new Set(lists.flat())];
  return all.filter((name) => !lists.every((list) => list.includes(name)));
}

/** Why the mock cannot say which operation a request is for, and what to give it. */
function cannotTell(
  api: MockApi,
  options: MockOptions<object, string>,
  candidates: readonly OperationSpec[],
  unfilled: readonly string[],
  request: string,
): string {
  const ops = candidates.map(
    (op) =>
      `${[...op.namespace, op.member ?? op.name].join(".")} (${op.method} ${shownRequestPath(op.path)})`,
  );
  const vars = unfilled.map((name) => `{{${name}}}`);
  const names = Object.keys(api.environments ?? {});
  const give =
    options.environment === undefined && names.length
      ? `give the mock the environment the client is made for, as createClient takes it ({ environment: ${JSON.stringify(names[0])} }; ${api.name}'s are ${names.map((n) => JSON.stringify(n)).join(", ")}), or their values in variables`
      : `give the mock their values as the client has them (the client's variables, or the environment it is made for)`;
  return `${request} matches ${ops.join(" and ")} alike, as ${vars.join(" and ")} ${vars.length > 1 ? "have" : "has"} no value in the mock, so it cannot tell which operation this is: ${give}`;
}

/** What to answer, before it becomes a Response. */
interface Planned {
  status: number;
  headers: Headers;
  body: string;
  /** The saved example whose body this is. */
  example?: string;
}

/** The answer an override gives for `op`: its body, or `op`'s saved example of its status. */
function withOverride(
  op: OperationSpec,
  examples: readonly MockExample[],
  request: SelectRequest,
  override: AnyOverride,
): Planned {
  const selected = examples.length ? selectExample(examples, request, override.status) : undefined;
  const example = selected && "example" in selected ? selected.example : undefined;
  let planned: Planned;
  if (override.body !== undefined) {
    const text = typeof override.body === "string" ? override.body : JSON.stringify(override.body);
    const type =
      typeof override.body === "string" ? "text/plain; charset=utf-8" : "application/json";
    // Without a status, the status of the answer the mock would give, unless that one has no body.
    const status =
      override.status ?? (example && !hasNoBody(example.status, op.method) ? example.status : 200);
    planned = { status, headers: new Headers({ "content-type": type }), body: text };
  } else if (example) {
    planned = fromExample(example, override.status);
  } else {
    planned = { status: override.status ?? 200, headers: new Headers(), body: "" };
  }
  for (const [name, value] of Object.entries(override.headers ?? {}))
    planned.headers.set(name, value);
  return planned;
}

/** The answer from the operation's saved examples: the one selected, or why none. */
function fromExamples(
  collection: string,
  op: OperationSpec,
  selected: Selection | undefined,
  noExamples: boolean,
  original: Request,
  mask: Mask,
  noAnswer: (op: OperationSpec) => string,
): Planned {
  // Where the reader finds it: its client method (`member` where the export name differs; Twitter
  // Ads' said `analytics.asynchronousAnalytics.analyticsAsynchronousAnalyticsStatsJobsAccountsAccountId`, no method).
  const method = [...op.namespace, op.member ?? op.name].join(".");
  const what = `${op.method} ${shownRequestPath(op.path)} (${method})`;
  if (!selected) {
    // A 501 is no answer a retry changes: it says which operation and the fix.
    const fix = noAnswer(op);
    const why = noExamples
      ? `${collection} has no saved example responses, so its mock cannot answer ${what}: ${fix}`
      : `${what} has no saved example response in ${collection}: ${fix}`;
    return problem(501, "mockNotImplemented", why, original, mask, method);
  }
  if ("problem" in selected)
    return problem(
      404,
      "mockResponseNotFoundError",
      `${what}: ${selected.problem}`,
      original,
      mask,
    );
  return fromExample(selected.example);
}

function fromExample(example: MockExample, status?: number): Planned {
  const headers = new Headers();
  for (const [name, value] of example.headers) {
    try {
      headers.append(name, value);
    } catch {
      // A header fetch cannot carry is left out (the generator already leaves out those it sees).
    }
  }
  return { status: status ?? example.status, headers, body: example.body, example: example.name };
}

/** `operation`: the client method of the operation the answer is about, when there is one. */
function problem(
  status: number,
  error: string,
  message: string,
  request: Request,
  mask: Mask,
  operation?: string,
): Planned {
  // The answer ends up in errors and logs: a credential sent in the query is not echoed, nor a
  // secret `mask` knows anywhere in the URL (the message quotes its path).
  const url = new URL(request.url);
  return {
    status,
    headers: new Headers({ "content-type": "application/json" }),
    body: JSON.stringify({
      error,
      message: mask(message),
      ...(operation !== undefined ? { operation } : {}),
      request: { method: request.method, url: mask(url.origin + maskedPathAndQuery(url)) },
    }),
  };
}

const REASONS: Readonly<Record<number, string>> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  422: "Unprocessable Entity",
  429: "Too Many Requests",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

function toResponse(planned: Planned, method: string): Response {
  // A fetch Response can only have a status from 200 to 599.
  if (!(Number.isInteger(planned.status) && planned.status >= 200 && planned.status <= 599)) {
    return toResponse(
      {
        status: 501,
        headers: new Headers({ "content-type": "application/json" }),
        body: JSON.stringify({
          error: "mockNotImplemented",
          message: `the answer's status ${planned.status} cannot be given by fetch (200 to 599)`,
        }),
      },
      method,
    );
  }
  // An empty body goes as none: a Response made with the text "" is typed text/plain by fetch,
  // which an example saved with no headers and no body does not say.
  const empty = hasNoBody(planned.status, method.toUpperCase()) || planned.body === "";
  return new Response(empty ? null : planned.body, {
    status: planned.status,
    statusText: REASONS[planned.status] ?? "",
    headers: planned.headers,
  });
}

/**
 * The request body for the records and for body matching: JSON parsed, forms as FormData, bytes as
 * a Blob, else text; an empty one is none (undefined). fetch sends a POST without a body and one
 * with `body: ""` alike (`Content-Length: 0`, no bytes; the second typed text/plain), and HTTP has
 * no body of no bytes: the mock server, reading the request off the wire, could not tell them apart.
 */
export async function readBody(request: Request): Promise<unknown> {
  if (request.body === null) return undefined;
  const type = request.headers.get("content-type") ?? "";
  if (/^multipart\/form-data/i.test(type)) {
    try {
      return await request.clone().formData();
    } catch {
      // Not parseable as it says: kept as text below.
    }
  }
  if (isBinaryType(type)) {
    const blob = await request.blob();
    return blob.size ? blob : undefined;
  }
  const text = await request.text();
  if (text === "") return undefined;
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    const form = new FormData();
    for (const [key, value] of new URLSearchParams(text)) form.append(key, value);
    return form;
  }
  if (isJson(type)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

/** Waits `ms`; rejects with the signal's reason if it aborts first. */
export function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Adds the controls to a face of the mock (the fetch function, the MSW handler set), each returning that face. */
export function withControls<T extends object>(face: T, core: MockCore): T & MockControls {
  const controls = {
    get calls(): readonly MockCall[] {
      return core.calls;
    },
    use(operation: OperationSpec, override: AnyOverride) {
      core.use(operation, override);
      return face;
    },
    once(operation: OperationSpec, override: AnyOverride) {
      core.once(operation, override);
      return face;
    },
    reset() {
      core.reset();
    },
  };
  Object.defineProperties(face, Object.getOwnPropertyDescriptors(controls));
  return face as T & MockControls;
}
