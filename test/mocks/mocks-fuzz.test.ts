// Property: the mocks of a random collection answer its generated client with the collection's own
// saved examples. Each operation is called, for each of its examples, with the arguments the
// example's saved request used, through the three mocks a package offers (createMockFetch, its
// MSW handlers under a real setupServer, and `postman-codegen mock` on 127.0.0.1), and must get
// the example the collection's JSON says Postman picks: by `x-mock-response-name`, by
// `x-mock-response-id`, by `x-mock-response-code`, and by the saved query alone; a route no
// operation has gets the not-found answer. The oracle reads the example JSON and docs/mocks.md's
// rules, never the mocks' own code. `npm run fuzz` runs many more cases.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import * as msw from "msw";
import { setupServer } from "msw/node";
import { expect, it } from "vitest";
import { emitTarget } from "../../src/generate.js";
import { loadCollection } from "../../src/load/collection.js";
import type { ApiModel, OperationModel } from "../../src/model/types.js";
import { writePackage } from "../../src/write/write-package.js";
import { fuzzRuns } from "../helpers/fuzz-runs.js";
import { ROOT } from "../helpers/seed.js";
import { BASE, REGION, isJson, mockCollection, routeKey } from "./example-arbitrary.js";
import { mockCommand } from "./helpers.js";

// CI replays the same few cases; MOCK_FUZZ_RUNS draws new ones. A failure prints its seed and
// path: MOCK_FUZZ_SEED=<seed> MOCK_FUZZ_PATH=<path> MOCK_FUZZ_RUNS=1 npx vitest run
// test/mocks/mocks-fuzz.test.ts replays that case.
// With MOCK_FUZZ_LOG=<file>, each case that fails goes to the file (its collection and what went
// wrong, a line each) and the run goes on past it to find the others.
// Seed 7 draws, in its first case, examples tied on their saved query that only the first-2xx
// rule tells apart (a mock that took the first example there fails it).
const { parameters } = fuzzRuns("MOCK_FUZZ", { runs: 2, seed: 7 });
const LOG = process.env["MOCK_FUZZ_LOG"];

/** What the caller gives the client and its mock alike: the `{{variable}}` the collection leaves empty. */
const VARIABLES = { [REGION.key]: REGION.value };

interface SavedExample {
  name: string;
  id?: string;
  code: number;
  header?: { key: string; value: string }[];
  body?: string;
  _postman_previewlanguage?: string;
  originalRequest: { url: SavedUrl | string };
}
interface SavedUrl {
  path?: string[];
  query?: { key: string; value: string; disabled?: boolean }[];
  variable?: { key: string; value: string }[];
}
interface SavedItem {
  request: { method: string; url: SavedUrl & { host: string[] } };
  response: SavedExample[];
}

/** One call to make and the answer the collection says it gets. */
interface Call {
  operation: OperationModel;
  how: string;
  args: Record<string, string | string[]>;
  headers: Record<string, string>;
  /** The example that answers, or a 501 for an operation without any. */
  expected: SavedExample | 501;
}

/** The error class docs/emitted-package.md gives a status (4xx and 5xx). */
const ERROR_CLASS: Record<number, string> = {
  400: "BadRequestError",
  401: "UnauthorizedError",
  403: "ForbiddenError",
  404: "NotFoundError",
  409: "ConflictError",
  422: "UnprocessableEntityError",
  429: "RateLimitedError",
};
const errorClass = (status: number) => ERROR_CLASS[status] ?? (status >= 500 ? "ServerError" : "ApiError");

type Pairs = readonly { key: string; value: string }[];
const sameQuery = (a: Pairs, b: Pairs) =>
  JSON.stringify(a.map((p) => [p.key, p.value]).sort()) === JSON.stringify(b.map((p) => [p.key, p.value]).sort());
const success = (e: SavedExample) => e.code >= 200 && e.code < 300;

/**
 * Postman's pick among examples all saved with the query sent (the best match there is): the first
 * 2xx, else the first (docs/mocks.md, step 2).
 */
function pick(examples: readonly SavedExample[]): SavedExample {
  return examples.find(success) ?? examples[0]!;
}

/** The calls of each operation: with each example's saved path values and query, three ways each. */
function calls(model: ApiModel, json: unknown): Call[] {
  const routes = model.operations.map((op) => route(nodeAt(json, op.source) as SavedItem));
  return model.operations.flatMap((op, at): Call[] => {
    const item = nodeAt(json, op.source) as SavedItem;
    const own = item.request.url;
    // Requests that share a route are told apart by what they send (docs/mocks.md, step 1), which
    // is not this oracle's to say: of those, only a call that names its example is checked.
    const shared = routes.filter((r) => r === routes[at]).length > 1;
    if (item.response.length === 0 && shared) return [];
    if (item.response.length === 0)
      return [{ operation: op, how: "no example", args: argsFor(op, own, own), headers: {}, expected: 501 as const }];
    return item.response.flatMap((example, index): Call[] => {
      const saved = example.originalRequest.url;
      const query = savedQuery(saved);
      const args = argsFor(op, own, typeof saved === "string" ? {} : saved, query);
      const withQuery = item.response.filter((e) => sameQuery(savedQuery(e.originalRequest.url), query));
      return [
        // A header carries Latin-1 only: a name beyond it is picked by id or status (docs/mocks.md).
        ...(/^[\x20-\xff]*$/.test(example.name)
          ? [
              {
                operation: op,
                how: `example ${index} by name`,
                args,
                headers: { "x-mock-response-name": example.name },
                expected: item.response.find((e) => e.name === example.name)!,
              },
            ]
          : []),
        ...(example.id !== undefined
          ? [
              {
                operation: op,
                how: `example ${index} by id`,
                args,
                headers: { "x-mock-response-id": example.id },
                expected: example,
              },
            ]
          : []),
        ...(shared
          ? []
          : [
              {
                operation: op,
                how: `example ${index} by code`,
                args,
                headers: { "x-mock-response-code": String(example.code) },
                expected: withQuery.find((e) => e.code === example.code)!,
              },
              { operation: op, how: `example ${index} by query`, args, headers: {}, expected: pick(withQuery) },
            ]),
      ];
    });
  });
}

/** The route of a request: its method and path, any path variable standing for any segment. */
function route(item: SavedItem): string {
  const { host, path = [] } = item.request.url;
  return routeKey(item.request.method, host[0] === "{{baseUrl}}" ? path : path.slice(1));
}

/**
 * What a saved request's query sends, as a server reads it: its entries but those unticked; of a
 * URL saved as text, its query's pairs. Each key and value is the text typed in Postman, which it
 * sends as written: read as a form's (URLSearchParams: `+` a space, `%XX` its character, a `%`
 * that starts none itself; an entry's `&` and `=` are its own, not a separator).
 */
function savedQuery(url: SavedUrl | string): Pairs {
  if (typeof url !== "string")
    return (url.query ?? [])
      .filter((p) => p.disabled !== true)
      .map((p) => ({ key: formText(p.key), value: formText(p.value) }));
  const at = url.indexOf("?");
  if (at === -1) return [];
  const query = url.slice(at + 1);
  return query.split("&").map((pair) => {
    const [key, ...value] = pair.split("=");
    return { key: formText(key!), value: formText(value.join("=")) };
  });
}

/** Text of a query as a form reads it. */
function formText(text: string): string {
  return new URLSearchParams(`v=${text.replaceAll("&", "%26")}`).get("v")!;
}

/** The client's arguments for what a saved request sent: its path variables' values and its query (read). */
function argsFor(
  op: OperationModel,
  own: SavedUrl,
  saved: SavedUrl,
  query: Pairs = savedQuery(saved),
): Record<string, string | string[]> {
  const args: Record<string, string | string[]> = {};
  for (const arg of op.args) {
    let value: string | string[] | undefined;
    if (arg.in === "path") {
      const at = own.path!.indexOf(`:${arg.name}`);
      const written = saved.path?.[at];
      value =
        written !== undefined && written !== `:${arg.name}`
          ? decodeURIComponent(written)
          : (saved.variable ?? own.variable)?.find((v) => v.key === arg.name)?.value;
    } else if (arg.in === "query") {
      // A key saved more than once is a list, sent as the key repeated in order.
      const values = query.flatMap((p) => (p.key === arg.name ? [p.value] : []));
      value = values.length > 1 ? values : values[0];
    }
    if (value !== undefined) args[arg.arg] = value;
  }
  return args;
}

function nodeAt(json: unknown, source: string): unknown {
  let node = json;
  for (const [, key, index] of source.matchAll(/(\w+)(?:\[(\d+)\])?/g)) {
    node = (node as Record<string, unknown>)[key!];
    if (index !== undefined) node = (node as unknown[])[Number(index)];
  }
  return node;
}

/** The body as the client reads it: none for a 204, JSON when saved as JSON (a type, a preview, or text that parses), text otherwise. */
function expectedBody(example: SavedExample, method: string): unknown {
  const text = example.body ?? "";
  if (method === "HEAD" || [204, 205, 304].includes(example.code) || text === "") return undefined;
  const type = example.header?.find((h) => h.key.toLowerCase() === "content-type")?.value;
  const json = type === undefined ? example._postman_previewlanguage === "json" || isJson(text) : /json/.test(type);
  return json ? JSON.parse(text) : text;
}

type Client = Record<string, unknown>;
type Method = (args: object, options: object) => { withResponse(): Promise<{ data: unknown; response: Response }> };

/** What the call got, in the terms of what the collection says it gets; `undefined` when it is that. */
async function answer(client: Client, call: Call): Promise<unknown> {
  const method = [...call.operation.namespace, call.operation.name].reduce<unknown>(
    (node, key) => (node as Record<string, unknown>)[key],
    client,
  ) as Method;
  const expected = call.expected;
  const got = await method(call.args, { headers: call.headers })
    .withResponse()
    .then(
      ({ data, response }) => ({
        status: response.status,
        class: "resolved",
        body: data,
        requestId: response.headers.get("x-request-id") ?? undefined,
      }),
      (error: {
        status?: number;
        body?: unknown;
        constructor: { name: string };
        message: string;
        headers?: Headers;
      }) => ({
        status: error.status,
        class: error.constructor.name,
        body: expected === 501 ? undefined : error.body,
        requestId: error.headers?.get("x-request-id") ?? undefined,
        ...(error.status === undefined ? { message: error.message } : {}),
      }),
    );
  const want =
    expected === 501
      ? { status: 501, class: "ServerError", body: undefined, requestId: undefined }
      : {
          status: expected.code,
          class: success(expected) ? "resolved" : errorClass(expected.code),
          body: expectedBody(expected, call.operation.method),
          requestId: expected.header?.find((h) => h.key === "X-Request-Id")?.value,
        };
  return JSON.stringify(got) === JSON.stringify(want) ? undefined : { got, want };
}

async function mismatches(channel: string, client: Client, all: Call[]): Promise<unknown[]> {
  const found: unknown[] = [];
  for (const call of all) {
    const wrong = await answer(client, call);
    if (wrong !== undefined)
      found.push({ channel, operation: call.operation.source, how: call.how, args: call.args, ...(wrong as object) });
  }
  return found;
}

/** An app's own base for the client, given to the MSW handlers as well. */
const OWN_BASE = "https://staging.example.test/api";

/** A path no operation has: deeper than any route the arbitrary draws. */
const NOWHERE = "/nowhere/at/all/in/this/api";

interface PackageMocks {
  createMockFetch(options: object): typeof fetch;
  createMockHandlers(m: typeof msw, options: object): { handlers: msw.HttpHandler[] };
}
interface PackageIndex {
  createClient(options: object): Client;
  defaultBaseUrl: string;
}

it("the mocks answer each operation's calls with the example the collection says", async () => {
  let checked = 0;
  await fc.assert(
    fc.asyncProperty(mockCollection, async (json) => {
      const dir = mkdtempSync(join(ROOT, ".mock-fuzz-"));
      try {
        const file = join(dir, "mock.postman_collection.json");
        writeFileSync(file, JSON.stringify(json));
        const out = join(dir, "out");
        await writePackage(out, (await emitTarget({ collection: file, out, name: "mock-fuzz" })).files);
        const model = await loadCollection(file);
        const all = calls(model, json);
        if (all.length === 0) return;
        const pkg = (await import(pathToFileURL(join(out, "dist/index.js")).href)) as PackageIndex;
        const mocks = (await import(pathToFileURL(join(out, "dist/mocks/index.js")).href)) as PackageMocks;
        const found: unknown[] = [];
        const base = pkg.defaultBaseUrl.replace("{{baseUrl}}", BASE);

        // The mock fetch, as docs/mocks.md has an app pass it to createClient.
        const mockFetch = mocks.createMockFetch({ variables: VARIABLES });
        const viaFetch = pkg.createClient({ fetch: mockFetch, variables: VARIABLES, maxRetries: 0 });
        found.push(...(await mismatches("createMockFetch", viaFetch, all)));
        const missing = await mockFetch(`${BASE}${NOWHERE}`);
        const missingBody = (await missing.json()) as { message?: string };
        if (missing.status !== 404 || !JSON.stringify(missingBody).includes(NOWHERE))
          found.push({ channel: "createMockFetch", notFound: { status: missing.status, body: missingBody } });

        // MSW's setupServer, intercepting the client's own fetch; the client given a base of its
        // own (a staging host), which the handlers are given too, as docs/mocks.md says.
        const server = setupServer(
          ...mocks.createMockHandlers(msw, { baseUrl: OWN_BASE, variables: VARIABLES }).handlers,
        );
        const unhandled: string[] = [];
        server.events.on("request:unhandled", ({ request }) => void unhandled.push(request.url));
        server.listen({ onUnhandledRequest: "error" });
        try {
          const viaMsw = pkg.createClient({ baseUrl: OWN_BASE, variables: VARIABLES, maxRetries: 0 });
          found.push(...(await mismatches("msw", viaMsw, all)));
          const error = await fetch(`${OWN_BASE}${NOWHERE}`).then(
            (r) => `answered ${r.status}`,
            () => undefined,
          );
          if (error !== undefined || !unhandled.includes(`${OWN_BASE}${NOWHERE}`))
            found.push({ channel: "msw", notFound: { error, unhandled } });
        } finally {
          server.close();
        }

        // The mock server command, on 127.0.0.1, given the environment the client is given.
        const env = join(dir, "env.json");
        writeFileSync(
          env,
          JSON.stringify({ name: "fuzz", values: [{ key: REGION.key, value: REGION.value, enabled: true }] }),
        );
        const command = await mockCommand([file, "-e", env], dir);
        try {
          const viaServer = pkg.createClient({ baseUrl: command.url, variables: VARIABLES, maxRetries: 0 });
          found.push(...(await mismatches("mock server", viaServer, all)));
          const missing = await fetch(`${command.url}${NOWHERE}`);
          const body = await missing.text();
          if (missing.status !== 404 || !body.includes(NOWHERE))
            found.push({ channel: "mock server", notFound: { status: missing.status, body } });
        } finally {
          await command.stop();
        }
        if (LOG !== undefined && found.length > 0) appendFileSync(LOG, `${JSON.stringify({ json, found })}\n`);
        else expect(found, base).toEqual([]);
        checked += all.length;
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }),
    parameters,
  );
  expect(checked).toBeGreaterThan(0);
}, 600_000);
