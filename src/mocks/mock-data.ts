// The generator's side of the mocks: the data they answer from, made from the model. The emitted
// package gets it as a module (emit-mocks.ts); the mock server (server.ts) uses it in memory.
import { operationSpec } from "../emit/client.js";
import { isJsonExample } from "../model/json-body.js";
import { clientPath, runtimeName } from "../model/naming.js";
import type { ApiModel, ExampleModel, OperationModel, Warning } from "../model/types.js";
import { endsDescribing, namesCredential, namesCredentialField } from "../runtime/credential-names.js";
import { shownRequestPath } from "../runtime/paths.js";
import type { OperationSpec } from "../runtime/spec.js";
import { withoutJsonComments } from "../load/json.js";
import { graphqlAsks } from "./graphql-asks.js";
import { mayShareRoute } from "./may-share-route.js";
import { sharedRoutes } from "./routes.js";
import { apartFacts, keysOf, union } from "./tell-apart.js";
import type {
  MockApi,
  MockExample,
  MockOperationExamples,
  MockOperationRequest,
  MockPair,
  MockRequestFact,
} from "./types.js";
import { withoutReferences } from "../model/references.js";

/**
 * Headers that describe how the saved answer travelled, not what it is: the body is served as
 * saved text, and the transport sets its own.
 */
const TRANSPORT_HEADERS = new Set([
  "content-length",
  "transfer-encoding",
  "content-encoding",
  "connection",
  "keep-alive",
]);

/** A name HTTP allows (a token), and a value fetch's Headers accepts. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export interface MockData {
  examples: MockOperationExamples[];
  /** What tells apart the requests of operations that share a method and path. */
  requests: MockOperationRequest[];
  warnings: Warning[];
}

/**
 * Every operation's saved examples, in collection order, as the mocks hold them. `specs`: the
 * operations as the client holds them (mockApi has them already), one per model operation.
 */
export function mockExamples(
  model: ApiModel,
  specs: readonly OperationSpec[] = model.operations.map((op) => operationSpec(op)),
): MockData {
  const warnings: Warning[] = [];
  const saved = model.operations.map((op) => operationExamples(op, warnings));
  const examples = model.operations.flatMap((op, i) =>
    saved[i]!.length ? [shareRequest([...op.namespace, runtimeName(op)], saved[i]!)] : [],
  );
  const groups = sharedRoutes({ baseUrl: model.baseUrl, variables: defaultVariables(model), operations: specs });
  const index = new Map(specs.map((spec, i) => [spec, i]));
  const members = (group: readonly OperationSpec[]) =>
    group.map((spec) => {
      const i = index.get(spec)!;
      return { op: model.operations[i]!, saved: saved[i]! };
    });
  warnAlike(groups.map(members), warnings);
  return { examples, requests: requestFacts(mayShareRoute(specs, groups).map(members)), warnings };
}

/** The collection's own values of its variables, as the package's `defaultVariables` holds them. */
function defaultVariables(model: ApiModel): Record<string, string> {
  return Object.fromEntries(model.variables.flatMap((v) => (v.default !== undefined ? [[v.name, v.default]] : [])));
}

/** One operation of a group that shares a route, with its saved examples as the mocks hold them. */
export interface RouteMember {
  op: OperationModel;
  saved: readonly MockExample[];
}

/**
 * What the requests of operations that may share a route send (may-share-route.ts's groups: with
 * the collection's values or any others a mock is given), for the mock to tell apart those that
 * share one with its own values (tell-apart.ts's apartFacts, at run time). Of each group, what all
 * of its requests send is left out: it tells none of them apart in any part of the group, and the
 * module is smaller without it. The facts of an operation's saved examples' requests (what every
 * one of them sends) are written for one whose request sends what another's of the group does,
 * the only case they are read in.
 */
export function requestFacts(groups: readonly (readonly RouteMember[])[]): MockOperationRequest[] {
  const requests: MockOperationRequest[] = [];
  for (const group of groups) {
    const own = group.map(({ op }) => operationFacts(op));
    const keys = own.map(keysOf);
    const common = keys.slice(1).reduce((all, list) => {
      const present = new Set(list);
      return new Set([...all].filter((key) => present.has(key)));
    }, new Set(keys[0]));
    const facts = own.map((list, i) => list.filter((_, j) => !common.has(keys[i]![j]!)));
    const left = facts.map((list) => [...new Set(keysOf(list))].sort().join("\n"));
    group.forEach(({ op, saved }, i) => {
      const twin = left.some((other, j) => j !== i && other === left[i]);
      const fromSaved = twin ? savedRequestFacts(op, saved).filter((fact) => !common.has(JSON.stringify(fact))) : [];
      if (facts[i]!.length || fromSaved.length)
        requests.push({
          operation: [...op.namespace, runtimeName(op)],
          facts: facts[i]!,
          ...(fromSaved.length ? { saved: fromSaved } : {}),
        });
    });
  }
  return requests;
}

/**
 * Of the groups that share a route with the collection's own values (the package's defaults), the
 * operations the mock cannot tell apart, by the mock's own rule (apartFacts): they send the same,
 * and their saved examples' requests do. One warning per such set names them all (the first in
 * collection order answers for all).
 */
function warnAlike(groups: readonly (readonly RouteMember[])[], warnings: Warning[]): void {
  for (const group of groups) {
    const { alike } = apartFacts(
      group.map(({ op, saved }) => ({ facts: operationFacts(op), saved: savedRequestFacts(op, saved) })),
    );
    for (const set of alike) {
      const op = group[set[0]!]!.op;
      const names = set.map((j) => described(group[j]!.op));
      // At the second: the first operation that the mocks never reach.
      warnings.push({
        source: group[set[1]!]!.op.source,
        message: `the mocks cannot tell apart ${names.length} requests on ${op.method} ${shownRequestPath(op.path)}, which send the same fields and values, as do their saved examples' requests: ${names.join(", ")}; the mocks answer all of them as the first (mock.use of the others never applies): make their bodies, queries or headers differ in the collection, or save their examples with requests that do`,
      });
    }
  }
}

/**
 * The Postman request (its folders too: two may have the same name) and its client method, as a
 * user calls it (`client.users.getUser2`): the operation's runtime name (`usersGetUser2`) names no
 * method.
 */
function described(op: OperationModel): string {
  return `${JSON.stringify([...op.folder, op.item].join(" / "))} (${clientPath(op)})`;
}

/**
 * What every saved example's request sends (of those saved with one), as `operationFacts` reads a
 * request: each query parameter and body field (a JSON body's objects field by field), and its
 * value. The saved requests keep no credential's value (toMockExample's source, the loader, drops
 * them); a value of `{{variables}}` only counts as sent. A text body that is no JSON object is
 * one fact, as `bodyFacts` reads it.
 */
function savedRequestFacts(op: OperationModel, saved: readonly MockExample[]): MockRequestFact[] {
  const graphql = op.body?.encoding === "graphql";
  const each = saved.flatMap((example) => (example.request ? [exampleFacts(example.request, graphql)] : []));
  if (!each.length) return [];
  const rest = each.slice(1).map((facts) => new Set(keysOf(facts)));
  return each[0]!.filter((fact) => rest.every((keys) => keys.has(JSON.stringify(fact))));
}

function exampleFacts(request: NonNullable<MockExample["request"]>, graphql: boolean): MockRequestFact[] {
  const facts: MockRequestFact[] = [];
  const pairs = (where: "query" | "body", list: readonly MockPair[]) => {
    for (const [name, value] of list) {
      facts.push({ in: where, name: [name] });
      if (literal(value) && !namesCredential(name)) facts.push({ in: where, name: [name], value });
    }
  };
  pairs("query", request.query ?? []);
  const body = request.body;
  if (body?.mode === "form") pairs("body", body.fields);
  else if (body?.mode === "raw") {
    // Read as Postman sends it: without its comments (as the loader reads a request's, body.ts),
    // so that a saved body with a `// note` has its fields as facts, not only its text.
    const text = withoutJsonComments(body.text);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch {
      parsed = undefined;
    }
    bodyFacts(parsed ?? body.text, graphql, facts);
  }
  return union([], facts);
}

/**
 * What an operation's request sends, as the collection writes it: each query parameter, header
 * and body field it sends (a JSON body's objects field by field, down to their leaves), and its
 * value where the collection gives one. A value that refers to `{{variables}}`, or of a field that
 * names a credential, is no fact (the mocks are emitted with the package): only that it is sent.
 * The `body` argument of a `raw` or `graphql` body is the whole body: its fields are read from the
 * body's root, where the request has them (no request has a field named `body`).
 * A body's Content-Type is sent as a header (runtime/request.ts), as a bodyless request's own
 * Content-Type header is: so a header that both send tells neither apart (Okta's two
 * `POST /secrets`, one with a body, both `application/json`). A request without a body has that
 * as its fact, beside one on its route with a body (only then does the fact stay: requestFacts).
 * A raw body empty as written is none, and one of `{{variables}}` alone may be once filled: then
 * that it is sent is no fact, and the Content-Type only its language gives goes with no body
 * (runtime/bodies.ts's emptyIsNone), a fact of a request that sends one (`withBody`).
 */
function operationFacts(op: OperationModel): MockRequestFact[] {
  const facts: MockRequestFact[] = [];
  const encoding = op.body?.encoding;
  const empties = goesEmpty(op);
  if (!op.body) facts.push({ in: "body", name: [], absent: true });
  else if (op.body.contentType && !op.args.some((a) => !a.disabled && a.in === "header" && isContentType(a.name))) {
    // A type its language gives goes only with a body that is there (runtime/bodies.ts's emptyIsNone).
    const when = empties && op.body.languageType ? { withBody: true as const } : {};
    facts.push({ in: "header", name: ["Content-Type"], ...when });
    // A form's or GraphQL's encoder types its body itself (a boundary): only JSON's and raw text's go as written.
    if ((encoding === "json" || encoding === "raw") && literal(op.body.contentType))
      facts.push({ in: "header", name: ["Content-Type"], value: op.body.contentType, ...when });
  }
  for (const arg of op.args) {
    if (arg.disabled || arg.in === "path" || arg.type === "file") continue;
    const value = arg.example !== undefined ? arg.example : arg.default;
    if (arg.in === "body" && encoding === "json") jsonFacts([arg.name], value, facts);
    else if (arg.in === "body" && (encoding === "raw" || encoding === "graphql")) {
      // Of a body that may be empty once filled, that it is sent is no fact: the mock reads an empty one as none.
      if (!empties || value === "") bodyFacts(value, encoding === "graphql", facts);
    } else if (arg.in === "body" || arg.in === "query" || arg.in === "header") {
      facts.push({ in: arg.in, name: [arg.name] });
      if (literal(value) && !namesCredential(arg.name)) facts.push({ in: arg.in, name: [arg.name], value });
    }
  }
  return facts;
}

/**
 * A whole body's facts, as a request's body holds them: a JSON object's fields from its root; of a
 * GraphQL body, its query also by what it asks (graphql-asks.ts), which a caller's own query for
 * the same operation shares. Text, or a JSON list, is one fact: the body itself (`name: []`), or
 * only that it is sent when it holds a `{{variable}}`.
 */
function bodyFacts(value: unknown, graphql: boolean, facts: MockRequestFact[]): void {
  // An empty body is none, to the mock (mock.ts's readBody) as to a server.
  if (value === "") {
    facts.push({ in: "body", name: [], absent: true });
    return;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    // One with a `{{variable}}` counts as sent, as a JSON field's does: so that the mock tells it
    // from the requests whose bodies are JSON objects (none of whose fields it sends).
    if (literal(value)) facts.push({ in: "body", name: [], value });
    else if (value !== undefined) facts.push({ in: "body", name: [] });
    return;
  }
  for (const [field, inner] of Object.entries(value)) jsonFacts([field], inner, facts);
  const query = (value as Record<string, unknown>)["query"];
  const asks = graphql && typeof query === "string" && literal(query) ? graphqlAsks(query) : undefined;
  if (asks !== undefined) facts.push({ in: "body", name: ["query"], asks });
}

/**
 * A JSON field's facts, and its fields'. Under a credential's name (`within`), as the loader keeps
 * them (load/credentials.ts's jsonWithoutCredentials), only a field that describes the credential
 * has its value as a fact (credential-names.ts's `endsDescribing`: PayPal's `token.type`, `SETUP_TOKEN`
 * or `BILLING_AGREEMENT`, the one thing that tells its two `POST /v3/vault/payment-tokens` apart).
 */
function jsonFacts(name: string[], value: unknown, facts: MockRequestFact[], within = false): void {
  facts.push({ in: "body", name });
  const key = name[name.length - 1]!;
  const credential = namesCredentialField(key);
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [field, inner] of Object.entries(value)) jsonFacts([...name, field], inner, facts, within || credential);
  } else if (literal(value) && !credential && (!within || endsDescribing(key))) facts.push({ in: "body", name, value });
}

/**
 * Whether a raw body's text is empty, as written or once its `{{variables}}` are filled with empty
 * values: it may then go as none (and, typed by its language, without its Content-Type).
 */
function goesEmpty(op: OperationModel): boolean {
  if (op.body?.encoding !== "raw") return false;
  const arg = op.args.find((a) => a.in === "body");
  const value = arg?.example !== undefined ? arg.example : arg?.default;
  return typeof value === "string" && withoutReferences(value) === "";
}

function isContentType(name: string): boolean {
  return name.toLowerCase() === "content-type";
}

/** A value the collection writes out: no `{{variable}}` in it, nothing unknown. */
function literal(value: unknown): boolean {
  return value !== undefined && !JSON.stringify(value).includes("{{");
}

/** The API as the mock server sees it: the operations as the client's `operations` holds them. */
export function mockApi(model: ApiModel): { api: MockApi; warnings: Warning[] } {
  const operations = model.operations.map((op) => operationSpec(op));
  const { examples, requests, warnings } = mockExamples(model, operations);
  return {
    api: {
      name: model.name,
      baseUrl: model.baseUrl,
      variables: defaultVariables(model),
      operations,
      examples,
      requests,
    },
    warnings,
  };
}

function operationExamples(op: OperationModel, warnings: Warning[]): MockExample[] {
  const saved = op.responses.flatMap((response) =>
    response.examples.map((example) => ({ status: response.status, example })),
  );
  // The model groups examples by status; the mocks want the collection's order (`…response[3]`).
  saved.sort((a, b) => indexOf(a.example) - indexOf(b.example));
  return saved.map(({ status, example }) => toMockExample(status, example, warnings));
}

/** The saved request once for the operation, when every example was saved with the same one (the module is then a third smaller for Zoom). */
function shareRequest(operation: string[], examples: MockExample[]): MockOperationExamples {
  const first = JSON.stringify(examples[0]!.request);
  if (examples[0]!.request === undefined || examples.some((e) => JSON.stringify(e.request) !== first))
    return { operation, examples };
  return { operation, examples: examples.map(({ request: _request, ...rest }) => rest), request: examples[0]!.request };
}

function indexOf(example: ExampleModel): number {
  const match = /\.response\[(\d+)\]$/.exec(example.source);
  return match ? Number(match[1]) : 0;
}

function toMockExample(status: number, example: ExampleModel, warnings: Warning[]): MockExample {
  const headers: MockPair[] = [];
  for (const [name, value] of example.headers ??
    (example.contentType ? [["Content-Type", example.contentType] as [string, string]] : [])) {
    if (TRANSPORT_HEADERS.has(name.toLowerCase())) continue;
    if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) {
      warnings.push({
        source: example.source,
        message: `the mocks leave out the example's header ${JSON.stringify(name)}: HTTP cannot carry it`,
      });
      continue;
    }
    headers.push([name, value]);
  }
  // The types take a body saved without a content type as JSON when it is; served as saved it would
  // be text (fetch's default), and the client would resolve with a string its type does not hold.
  if (isJsonExample(example) && !headers.some(([name]) => isContentType(name)))
    headers.push(["Content-Type", "application/json"]);
  const request = example.request;
  return {
    name: example.name,
    ...(example.id !== undefined ? { id: example.id } : {}),
    status,
    headers,
    body: example.body,
    ...(request && (request.query || request.body)
      ? {
          request: {
            ...(request.query ? { query: request.query } : {}),
            ...(request.body ? { body: request.body } : {}),
          },
        }
      : {}),
  };
}
