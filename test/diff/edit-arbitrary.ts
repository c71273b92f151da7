// Small collections of a team's API and the edits the team makes to them in Postman, for the API
// diff's property (edits-fuzz.test.ts). Unlike test/fuzz/collection-arbitrary.ts, whose hostile
// text mostly makes collections the generator refuses, these are collections the generator takes,
// with names and keys from a small vocabulary, so that edits collide, rename and move things the
// way real ones do. A collection is drawn as a plain model (requests in folders, parameters with the
// descriptions Postman's importer writes, JSON bodies and saved examples), edited, then written as
// v2.1 JSON.
import fc from "fast-check";
import type { Json } from "./helpers.js";

export interface Param {
  key: string;
  value: string;
  required: boolean;
  /** Unticked in Postman: not sent, an optional argument still. */
  disabled?: boolean;
  /** `(This can only be one of a,b)`: the importer's enum. */
  values?: string[];
}

export interface Example {
  name: string;
  code: number;
  body: Json;
}

export interface Request {
  kind: "request";
  name: string;
  method: string;
  /** Path segments; `:id` is a path variable. */
  path: string[];
  query: Param[];
  header: Param[];
  /** Form fields: the body is `urlencoded` (its JSON body then unsent), when the method sends one. */
  form?: Param[];
  /** A JSON body (raw, language json). */
  body?: Json;
  responses: Example[];
  auth?: Auth;
  /** Postman's rate-limit label in its description (`**[Rate Limit Label](…):** \`Light\``): the metadata's `rateLimit`. */
  rateLimit?: string;
}

export interface Folder {
  kind: "folder";
  name: string;
  item: Node[];
}

export type Node = Request | Folder;
export type Auth = "none" | "bearer" | "basic" | "apikey-header" | "apikey-query";

export interface Model {
  baseUrl: string;
  auth: Auth;
  /** Collection variables besides `baseUrl`. */
  variables: Array<{ key: string; value: string }>;
  item: Node[];
  /** Postman environments given with the collection (the target's `environments`), each a file. */
  environments?: Environment[];
}

export interface Environment {
  name: string;
  values: Array<{ key: string; value: string }>;
}

const NAMES = [
  "Get user",
  "Get User",
  "get-user",
  "List users",
  "Create user",
  "Update user",
  "Delete user",
  "Get order",
  "Search",
  "Stats",
];
const FOLDERS = ["Users", "Orders", "Admin", "Reports"];
const KEYS = ["page", "page_size", "pageSize", "status", "type", "search", "search_key", "limit", "id", "from"];
const FIELDS = ["id", "name", "email", "total", "tags", "meta", "items", "owner", "created_at", "active"];
const SEGMENTS = ["users", "orders", "v2", "stats", ":id", ":userId"];
const ENUM = ["active", "inactive", "banned", "all", "new"];
const BASES = ["https://api.example.com", "https://api.example.com/v2", "https://{{region}}.example.com"];
const AUTHS: Auth[] = ["none", "bearer", "basic", "apikey-header", "apikey-query"];
const SUCCESS = [200, 201, 204];
const ERRORS = [400, 401, 404, 422, 429, 500];
const RATE_LIMITS = ["Light", "Medium", "Heavy"];
/** Names of environments, two that differ only in case: the client takes them as written. */
const ENVIRONMENTS = ["staging", "production", "Staging", "dev"];
/** Keys an environment gives: the collection's variables, its base URL, and one no request refers to. */
const ENVIRONMENT_KEYS = ["baseUrl", "region", "version", "tenant", "token", "unused"];
const ENVIRONMENT_VALUES = ["eu", "https://staging.example.com", "2", ""];

const name = fc.constantFrom(...NAMES);
const folderName = fc.constantFrom(...FOLDERS);
const key = fc.constantFrom(...KEYS);
const field = fc.constantFrom(...FIELDS);
const enumValues = fc.uniqueArray(fc.constantFrom(...ENUM), { minLength: 1, maxLength: 3 });

/** JSON of varied shapes over a few field names: objects, arrays of objects, scalars of each type. */
export const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json; object: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.integer({ min: -5, max: 100 }),
    fc.constantFrom("a", "u1", "2024-01-01"),
    fc.boolean(),
    fc.constant(null),
    fc.double({ min: 0, max: 10, noNaN: true }),
    tie("object"),
    fc.array(tie("value"), { maxLength: 2 }),
  ),
  object: fc.dictionary(field, tie("value"), { maxKeys: 3 }),
})).object;

export const param: fc.Arbitrary<Param> = fc.record(
  {
    key,
    value: fc.constantFrom("1", "active", "a b", "", "{{tenant}}"),
    required: fc.boolean(),
    disabled: fc.boolean(),
    values: enumValues,
  },
  { requiredKeys: ["key", "value", "required"] },
);

const example = (codes: number[]): fc.Arbitrary<Example> =>
  fc.record({
    name: fc.constantFrom("OK", "Created", "Not found", "Invalid", "Example"),
    code: fc.constantFrom(...codes),
    body: fc.oneof(
      json,
      fc.array(json, { maxLength: 2 }),
      // Errors as APIs write them: a code the client types (`ApiError<404, "not_found">`).
      fc.record({ code: fc.constantFrom(1001, 1002, "not_found"), message: fc.constantFrom("No such thing") }),
    ),
  });

export const request: fc.Arbitrary<Request> = fc
  .record(
    {
      kind: fc.constant("request" as const),
      name,
      method: fc.constantFrom("GET", "POST", "PUT", "DELETE"),
      path: fc.array(fc.constantFrom(...SEGMENTS), { minLength: 1, maxLength: 3 }),
      query: fc.uniqueArray(param, { maxLength: 3, selector: (p) => p.key }),
      header: fc.uniqueArray(
        fc.oneof(
          param,
          param.map((p) => ({ ...p, key: `X-${p.key.replace("_", "-")}` })),
        ),
        { maxLength: 2, selector: (p) => p.key },
      ),
      form: fc.uniqueArray(param, { maxLength: 2, selector: (p) => p.key }),
      body: json,
      responses: fc.array(fc.oneof({ weight: 3, arbitrary: example(SUCCESS) }, example(ERRORS)), { maxLength: 3 }),
      auth: fc.constantFrom(...AUTHS),
      rateLimit: fc.constantFrom(...RATE_LIMITS),
    },
    { requiredKeys: ["kind", "name", "method", "path", "query", "header", "responses"] },
  )
  .map((r) =>
    // One body or the other, as Postman holds one mode.
    r.form && r.body !== undefined ? (({ body: _, ...rest }) => rest)(r) : r,
  );

const folder: fc.Arbitrary<Folder> = fc.record({
  kind: fc.constant("folder" as const),
  name: folderName,
  item: fc.array(request, { minLength: 1, maxLength: 2 }),
});

const environmentValue = fc.record({
  key: fc.constantFrom(...ENVIRONMENT_KEYS),
  value: fc.constantFrom(...ENVIRONMENT_VALUES),
});

const environment: fc.Arbitrary<Environment> = fc.record({
  name: fc.constantFrom(...ENVIRONMENTS),
  values: fc.uniqueArray(environmentValue, { maxLength: 3, selector: (v) => v.key }),
});

export const model: fc.Arbitrary<Model> = fc.record(
  {
    baseUrl: fc.constantFrom(...BASES),
    auth: fc.constantFrom(...AUTHS),
    variables: fc.uniqueArray(
      fc.record({ key: fc.constantFrom("region", "version", "tenant"), value: fc.constantFrom("eu", "2", "") }),
      { maxLength: 2, selector: (v) => v.key },
    ),
    item: fc.array(fc.oneof({ weight: 2, arbitrary: request }, folder), { minLength: 1, maxLength: 4 }),
    environments: fc.uniqueArray(environment, { maxLength: 2, selector: (e) => e.name }),
  },
  { requiredKeys: ["baseUrl", "auth", "variables", "item"] },
);

/** What a team does to a collection in Postman: a kind, where (`at`, taken modulo what there is), and what with. */
export interface Edit {
  kind: (typeof EDITS)[number];
  at: number;
  name: string;
  folder: string;
  key: string;
  values: string[];
  value: Json;
  code: number;
  request: Request;
  base: string;
  auth: Auth;
  rateLimit: string;
  environment: Environment;
  environmentValue: { key: string; value: string };
}

const EDITS = [
  "rename request",
  "move request",
  "remove request",
  "add request",
  "rename folder",
  "remove folder",
  "add folder",
  "add parameter",
  "remove parameter",
  "rename parameter",
  "toggle required",
  "toggle disabled",
  "change enum",
  "parameter to header",
  "parameter to form",
  "change example",
  "add example field",
  "copy example field",
  "remove example field",
  "change field type",
  "null field",
  "add example without a field",
  "add example",
  "remove example",
  "change status",
  "change body field",
  "remove body field",
  "change method",
  "change path",
  "change base URL",
  "change auth",
  "change request auth",
  "change variable",
  "add variable",
  "remove variable",
  "change rate limit",
  "remove rate limit",
  "add environment",
  "remove environment",
  "rename environment",
  "add environment variable",
  "remove environment variable",
  "change environment value",
] as const;

/** Edits that change what the client does, not its types: the diff calls each major. */
const BEHAVIOUR = new Set<Edit["kind"]>([
  "change method",
  "change path",
  "change base URL",
  "change auth",
  "change request auth",
]);

export const edit: fc.Arbitrary<Edit> = fc.record({
  // Edits of types (parameters, bodies, examples) drawn more often: they are where a verdict is
  // the checker's, and a case with a major edit of behaviour beside them is no test of them.
  kind: fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...EDITS.filter((k) => BEHAVIOUR.has(k))) },
    { weight: 8, arbitrary: fc.constantFrom(...EDITS.filter((k) => !BEHAVIOUR.has(k))) },
    // Seldom of use otherwise: only a request with two success statuses' objects takes it.
    { weight: 1, arbitrary: fc.constant("copy example field" as const) },
  ),
  at: fc.nat(20),
  name,
  folder: folderName,
  key,
  values: enumValues,
  value: json.chain((object) => fc.oneof(fc.constant(object), json, fc.integer(), fc.constant("x"), fc.boolean())),
  code: fc.constantFrom(...SUCCESS, ...ERRORS),
  request,
  base: fc.constantFrom(...BASES),
  auth: fc.constantFrom(...AUTHS),
  rateLimit: fc.constantFrom(...RATE_LIMITS),
  environment,
  environmentValue,
});

interface Place {
  node: Request;
  /** The list it is in. */
  list: Node[];
}

function requests(items: Node[]): Place[] {
  return items.flatMap((node) => (node.kind === "request" ? [{ node, list: items }] : requests(node.item)));
}

function folders(items: Node[]): Folder[] {
  return items.flatMap((node) => (node.kind === "folder" ? [node, ...folders(node.item)] : []));
}

const pick = <T>(list: readonly T[], at: number): T | undefined => (list.length ? list[at % list.length] : undefined);

/** The JSON object of a request's first example (or body) to edit a field of, if any. */
function objectOf(value: Json): Json | undefined {
  return value && typeof value === "object" && !Array.isArray(value) ? value : undefined;
}

/** The model after `edit`, a copy (the model given is left as it was). */
export function applyEdit(before: Model, e: Edit): Model {
  const m = structuredClone(before);
  const place = pick(requests(m.item), e.at);
  const r = place?.node;
  const params = r ? [...r.query, ...r.header, ...(r.form ?? [])] : [];
  const p = pick(params, e.at);
  const ex = r && pick(r.responses, e.at);
  const exObject = objectOf(ex?.body);
  const bodyObject = objectOf(r?.body);
  const listOf = (param: Param) =>
    r!.query.includes(param) ? r!.query : r!.header.includes(param) ? r!.header : r!.form!;
  const fieldOf = (object: Json) => pick(Object.keys(object), e.at);
  const env = pick(m.environments ?? [], e.at);
  switch (e.kind) {
    case "rename request":
      if (r) r.name = e.name;
      break;
    case "move request": {
      if (!place) break;
      place.list.splice(place.list.indexOf(place.node), 1);
      const to = pick(folders(m.item), e.at);
      (to?.item ?? m.item).push(place.node);
      break;
    }
    case "remove request":
      if (place) place.list.splice(place.list.indexOf(place.node), 1);
      break;
    case "add request":
      (pick(folders(m.item), e.at)?.item ?? m.item).push(structuredClone(e.request));
      break;
    case "rename folder": {
      const f = pick(folders(m.item), e.at);
      if (f) f.name = e.folder;
      break;
    }
    case "remove folder": {
      const f = pick(folders(m.item), e.at);
      const remove = (items: Node[]) => {
        const i = items.indexOf(f!);
        if (i >= 0) items.splice(i, 1);
        else for (const n of items) if (n.kind === "folder") remove(n.item);
      };
      if (f) remove(m.item);
      break;
    }
    case "add folder":
      m.item.push({ kind: "folder", name: e.folder, item: [structuredClone(e.request)] });
      break;
    case "add parameter":
      if (r && !params.some((x) => x.key === e.key))
        r.query.push({ key: e.key, value: "1", required: e.at % 2 === 0, ...(e.at % 3 ? {} : { values: e.values }) });
      break;
    case "remove parameter":
      if (p) listOf(p).splice(listOf(p).indexOf(p), 1);
      break;
    case "rename parameter":
      if (p && !params.some((x) => x.key === e.key)) p.key = e.key;
      break;
    case "toggle required":
      if (p) p.required = !p.required;
      break;
    case "toggle disabled":
      if (p) p.disabled = !p.disabled;
      break;
    case "change enum":
      if (p) p.values = e.values;
      break;
    case "parameter to header":
      if (p && r!.query.includes(p) && !r!.header.some((x) => x.key === p.key)) {
        r!.query.splice(r!.query.indexOf(p), 1);
        r!.header.push(p);
      }
      break;
    case "parameter to form":
      if (p && !r!.form?.includes(p) && !r!.form?.some((x) => x.key === p.key)) {
        listOf(p).splice(listOf(p).indexOf(p), 1);
        (r!.form ??= []).push(p);
        delete r!.body;
      }
      break;
    case "change example":
      if (ex) ex.body = e.value;
      break;
    case "add example field":
      if (exObject) exObject[e.key] = e.value;
      break;
    case "copy example field": {
      // A field (or all) another success status's example has, with its value, in a request that has two:
      // code that tells the statuses apart by that key (`"name" in result`, and its `else`) then
      // narrows otherwise.
      const objects = (x: Request) => x.responses.filter((y) => SUCCESS.includes(y.code) && objectOf(y.body));
      const two = requests(m.item).filter(({ node }) => new Set(objects(node).map((y) => y.code)).size > 1);
      const target = pick(two, e.at)?.node;
      if (!target) break;
      const to = pick(objects(target), e.at)!;
      const from = objects(target).find((y) => y.code !== to.code)!;
      // One that the other has not, or all of them (the one status's answer now holds the other's).
      const missing = Object.keys(from.body).filter((k) => !Object.hasOwn(to.body, k));
      for (const f of e.at % 2 ? missing : missing.slice(0, 1)) to.body[f] = structuredClone(from.body[f]);
      break;
    }
    case "remove example field": {
      const f = exObject && fieldOf(exObject);
      if (f !== undefined) delete exObject[f];
      break;
    }
    case "change field type": {
      const f = exObject && fieldOf(exObject);
      if (f === undefined) break;
      const old = exObject[f];
      exObject[f] =
        typeof old === "number" ? String(old) : typeof old === "string" ? old.length : old === null ? 0 : [old];
      break;
    }
    case "null field": {
      const f = exObject && fieldOf(exObject);
      if (f !== undefined) exObject[f] = null;
      break;
    }
    case "add example without a field": {
      if (!ex || !exObject) break;
      const copy = structuredClone(exObject);
      const f = fieldOf(copy);
      if (f !== undefined) delete copy[f];
      r!.responses.push({ name: "Example", code: ex.code, body: copy });
      break;
    }
    case "add example":
      // Half the time beside an example of the same status: its type is then both's.
      r?.responses.push({ name: "Example", code: ex && e.at % 2 ? ex.code : e.code, body: e.value });
      break;
    case "remove example":
      if (ex) r!.responses.splice(r!.responses.indexOf(ex), 1);
      break;
    case "change status":
      if (ex) ex.code = e.code;
      break;
    case "change body field":
      if (bodyObject) bodyObject[fieldOf(bodyObject) ?? e.key] = e.value;
      else if (r) r.body = e.value;
      break;
    case "remove body field": {
      const f = bodyObject && fieldOf(bodyObject);
      if (f !== undefined) delete bodyObject[f];
      else if (r) delete r.body;
      break;
    }
    case "change method":
      if (r) r.method = r.method === "GET" ? "POST" : "GET";
      break;
    case "change path":
      if (r) r.path = [...r.path.slice(0, -1), e.at % 2 ? ":id" : "items"];
      break;
    case "change base URL":
      m.baseUrl = e.base;
      break;
    case "change auth":
      m.auth = e.auth;
      break;
    case "change request auth":
      if (r) r.auth = e.auth;
      break;
    case "change variable": {
      const v = pick(m.variables, e.at);
      if (v) v.value = v.value ? "" : "x";
      break;
    }
    case "add variable":
      if (!m.variables.some((v) => v.key === "tenant")) m.variables.push({ key: "tenant", value: "acme" });
      break;
    case "remove variable":
      if (m.variables.length) m.variables.splice(e.at % m.variables.length, 1);
      break;
    case "change rate limit":
      if (r) r.rateLimit = e.rateLimit;
      break;
    case "remove rate limit":
      if (r) delete r.rateLimit;
      break;
    case "add environment":
      if (!m.environments?.some((x) => x.name === e.environment.name))
        (m.environments ??= []).push(structuredClone(e.environment));
      break;
    case "remove environment":
      if (env) m.environments!.splice(m.environments!.indexOf(env), 1);
      break;
    case "rename environment":
      if (env && !m.environments!.some((x) => x.name === e.environment.name)) env.name = e.environment.name;
      break;
    case "add environment variable":
      if (env && !env.values.some((v) => v.key === e.environmentValue.key)) env.values.push({ ...e.environmentValue });
      break;
    case "remove environment variable":
      if (env?.values.length) env.values.splice(e.at % env.values.length, 1);
      break;
    case "change environment value": {
      const v = env && pick(env.values, e.at);
      if (v) v.value = v.value === e.environmentValue.value ? `${v.value}x` : e.environmentValue.value;
      break;
    }
  }
  return m;
}

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

function description(p: Param): string {
  return `${p.required ? "(Required) " : ""}The ${p.key}.${p.values ? ` (This can only be one of ${p.values.join(",")})` : ""}`;
}

function auth(a: Auth): Json {
  switch (a) {
    case "none":
      return { type: "noauth" };
    case "bearer":
      return { type: "bearer", bearer: [{ key: "token", value: "{{token}}" }] };
    case "basic":
      return {
        type: "basic",
        basic: [
          { key: "username", value: "{{user}}" },
          { key: "password", value: "{{password}}" },
        ],
      };
    default:
      return {
        type: "apikey",
        apikey: [
          { key: "key", value: "X-Api-Key" },
          { key: "value", value: "{{apiKey}}" },
          { key: "in", value: a === "apikey-header" ? "header" : "query" },
        ],
      };
  }
}

function requestJson(r: Request): Json {
  const query = r.query.map((p) => ({
    key: p.key,
    value: p.value,
    description: description(p),
    ...(p.disabled ? { disabled: true } : {}),
  }));
  const path = r.path.map((s) => s);
  const sent = query.filter((q) => !q.disabled);
  const raw = `{{baseUrl}}/${path.join("/")}${sent.length ? `?${sent.map((q) => `${q.key}=${q.value}`).join("&")}` : ""}`;
  const variables = path.filter((s) => s.startsWith(":")).map((s) => ({ key: s.slice(1), value: "1" }));
  return {
    name: r.name,
    request: {
      method: r.method,
      ...(r.rateLimit
        ? { description: `Does it.\n\n**[Rate Limit Label](https://example.com/rate-limits):** \`${r.rateLimit}\`` }
        : {}),
      ...(r.auth ? { auth: auth(r.auth) } : {}),
      header: r.header.map((p) => ({
        key: p.key,
        value: p.value,
        description: description(p),
        ...(p.disabled ? { disabled: true } : {}),
      })),
      ...(r.form && r.method !== "GET"
        ? {
            body: {
              mode: "urlencoded",
              urlencoded: r.form.map((p) => ({
                key: p.key,
                value: p.value,
                description: description(p),
                ...(p.disabled ? { disabled: true } : {}),
              })),
            },
          }
        : {}),
      ...(r.body !== undefined && !r.form && r.method !== "GET"
        ? { body: { mode: "raw", raw: JSON.stringify(r.body), options: { raw: { language: "json" } } } }
        : {}),
      url: { raw, host: ["{{baseUrl}}"], path, query, ...(variables.length ? { variable: variables } : {}) },
    },
    response: r.responses.map((x) => ({
      name: x.name,
      status: x.name,
      code: x.code,
      header: [{ key: "Content-Type", value: "application/json" }],
      body: JSON.stringify(x.body),
    })),
  };
}

function nodeJson(n: Node): Json {
  return n.kind === "request" ? requestJson(n) : { name: n.name, item: n.item.map(nodeJson) };
}

/** The model as a Postman v2.1 collection. */
export function collectionOf(m: Model): Json {
  return {
    info: { name: "Team API", schema: V21 },
    auth: auth(m.auth),
    variable: [{ key: "baseUrl", value: m.baseUrl }, ...m.variables],
    item: m.item.map(nodeJson),
  };
}

/** An environment as Postman exports it. */
export function environmentOf(e: Environment): Json {
  return {
    name: e.name,
    values: e.values.map((v) => ({ key: v.key, value: v.value, type: "default", enabled: true })),
    _postman_variable_scope: "environment",
  };
}
