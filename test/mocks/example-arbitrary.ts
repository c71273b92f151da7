// Random collections as teams keep them for Postman's mock servers: requests in folders under one
// base, path variables (`:id`) and `{{variable}}` segments, query parameters, and several saved
// examples per request (2xx, 4xx and 5xx; JSON, text and empty bodies; headers), each saved with a
// request of its own that differs from the item's in its path variables' values and its query.
// Routes are each their own (no two requests of one method whose paths can be the same text), so
// that which operation answers is the collection's to say; now and then a request shares the route
// of an earlier one, and only the names and ids of their examples tell them apart.
import fc from "fast-check";
import { V21, tree } from "../fuzz/collection-arbitrary.js";

export const BASE = "https://api.example.com/v1";
/** A `{{variable}}` the collection gives a value, and one it leaves to the caller (and the mock). */
export const TENANT = { key: "tenant", value: "acme" } as const;
export const REGION = { key: "region", value: "eu" } as const;
const LITERALS = ["users", "Users", "items", "my items", "orders", "search", "v2", "名前", "a:b", "x.json"];
/** Path variables' values: never a literal segment's text, so that a call goes to its own route. */
const PATH_VALUES = ["a1", "b2", "42", "x y", "é", "a+b", "a/b", "50%", "%41", "a?b", "a#b"];
const QUERY_KEYS = ["page", "limit", "sort", "fields", "filter", "page[size]", "a b"];
const QUERY_VALUES = ["1", "2", "asc", "desc", "a b", "x&y", "é", "", "=", "1,2", "a/b?"];
// A saved value is the text the user typed in Postman, which Postman sends as it is written: its
// `+`, a `%XX` and a `%` that starts none mean what they mean to a server that reads the query as
// a form (a space, the character, a `%`), as URLSearchParams reads it. Drawn often, so that two
// examples of a request are saved with two of them: the same value written two ways, or two values.
const TYPED_VALUES = ["a+b", "a%2Bb", "a%20b", "+", "%2B", "50%", "50%25", "100%", "%41"];
const queryValue = fc.oneof(fc.constantFrom(...QUERY_VALUES), fc.constantFrom(...TYPED_VALUES));
export const STATUSES = [200, 201, 202, 204, 206, 400, 401, 403, 404, 409, 418, 422, 429, 500, 502, 503];
const NAMES = ["OK", "Created", "Not found", "Bad  request", "Server error", "Empty", "名前"];

type Pair = { key: string; value: string };

const segment = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...LITERALS) },
  { weight: 3, arbitrary: fc.constantFrom(":id", ":slug") },
  { weight: 1, arbitrary: fc.constantFrom(`{{${TENANT.key}}}`, `{{${REGION.key}}}`) },
  // A `{{variable}}` within a segment.
  { weight: 1, arbitrary: fc.constantFrom(`item-{{${TENANT.key}}}`, `{{${REGION.key}}}.json`) },
);

const JSON_TYPES = [
  "application/json",
  "application/json; charset=utf-8",
  "application/problem+json",
  "application/vnd.api+json",
];

const jsonBody = fc.oneof(
  fc.dictionary(fc.constantFrom("id", "name", "count", "items", "ok", "note", "名前"), fc.jsonValue({ maxDepth: 2 }), {
    maxKeys: 4,
  }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 0 }),
);

/** How a body is saved: JSON with its type, or told by Postman's preview language, or bare; text; none. */
const responseBody = fc.oneof(
  fc.tuple(jsonBody, fc.constantFrom(...JSON_TYPES), fc.constantFrom("", "\n", "  ")).map(([value, type, around]) => ({
    kind: "json" as const,
    text: `${around}${JSON.stringify(value, null, 2)}${around}`,
    saved: "type" as const,
    type,
  })),
  jsonBody.map((value) => ({ kind: "json" as const, text: JSON.stringify(value), saved: "preview" as const })),
  jsonBody.map((value) => ({ kind: "json" as const, text: JSON.stringify(value), saved: "bare" as const })),
  fc
    .tuple(fc.constantFrom("plain", "html"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }))
    .filter(([, t]) => t.trim() !== "" && !isJson(t))
    .map(([type, text]) => ({ kind: "text" as const, text, saved: type })),
  // Saved by hand, with the header's name in lower case.
  fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((t) => t.trim() !== "" && !isJson(t))
    .map((text) => ({ kind: "text" as const, text, saved: "lower" as const })),
  fc.constant({ kind: "empty" as const, text: "", saved: "none" as const }),
);

/** Whether a text parses as JSON (a text body drawn must not; the oracle reads one that does as JSON). */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A saved example; its request sends some of the item's query parameters, with values of its own. */
const example = (own: readonly Pair[]) =>
  fc.record({
    name: fc.constantFrom(...NAMES),
    status: fc.constantFrom(...STATUSES),
    body: responseBody,
    requestId: fc.option(fc.constantFrom("r-1", "r-2", "abc"), { nil: undefined }),
    // The values of the saved request's path variables: written in its path, or as `:id` with a
    // `variable` entry, as Postman saves them.
    pathValues: fc.record({ id: fc.constantFrom(...PATH_VALUES), slug: fc.constantFrom(...PATH_VALUES) }),
    pathWritten: fc.boolean(),
    /** Postman exports give each example an id (`x-mock-response-id`); hand-written ones may not. */
    withId: fc.boolean(),
    /** Named as the example before it of its request: `x-mock-response-name` picks the first. */
    namesake: fc.nat(4).map((n) => n === 0),
    // As importers save it (none, or the item's own, the same for every example: a tie the first
    // 2xx breaks), or some of the item's parameters with values of its own.
    query: fc.oneof(
      { weight: 1, arbitrary: fc.constant<Pair[]>([]) },
      { weight: 1, arbitrary: fc.constant([...own]) },
      { weight: 2, arbitrary: queryOf(fc.subarray(own.map((p) => p.key))) },
    ),
    /** A parameter unticked in the saved request: Postman's mock leaves it out of the match. */
    disabled: fc.option(fc.record({ key: fc.constantFrom(...QUERY_KEYS), value: fc.constantFrom(...QUERY_VALUES) }), {
      freq: 4,
      nil: undefined,
    }),
    /** The saved request's URL as one string, as older exports and hand-edited collections hold it. */
    urlText: fc.boolean(),
    extraHeader: fc.option(fc.constantFrom(["X-Rate-Limit-Remaining", "0"], ["X-Empty", ""], ["ETag", '"33a64df5"']), {
      freq: 3,
      nil: undefined,
    }),
  });

type Example = ReturnType<typeof example> extends fc.Arbitrary<infer T> ? T : never;

const queryOf = (keys: fc.Arbitrary<string[]>) =>
  keys.chain((names) => fc.tuple(...names.map((key) => queryValue.map((value) => ({ key, value })))));

/** The item's own query: now and then its first key given again (`?tag=a&tag=b`), a list argument. */
const ownQuery = fc
  .tuple(queryOf(fc.subarray(QUERY_KEYS)), fc.nat(3), queryValue)
  .map(([query, repeat, again]) =>
    repeat === 0 && query.length > 0 ? [...query, { ...query[0]!, value: again }] : query,
  );

const request = ownQuery.chain((query) =>
  fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"),
    path: fc.array(segment, { minLength: 1, maxLength: 3 }),
    pathValues: fc.record({ id: fc.constantFrom(...PATH_VALUES), slug: fc.constantFrom(...PATH_VALUES) }),
    query: fc.constant(query),
    /** Kept when an earlier request has its route: told apart by the names of their examples only. */
    sharesRoute: fc.nat(3).map((n) => n === 0),
    examples: fc.oneof(
      { weight: 8, arbitrary: fc.array(example(query), { minLength: 1, maxLength: 4 }) },
      { weight: 1, arbitrary: fc.constant<Example[]>([]) },
    ),
  }),
);

type Drawn = typeof request extends fc.Arbitrary<infer T> ? T : never;

const ITEM_NAMES = ["Get one", "List", "Create", "Update", "Remove", "Search"];
const item = fc.record({ name: fc.constantFrom(...ITEM_NAMES), request });

/** The route a request takes: a path variable or a `{{variable}}` without a value stands for any segment. */
export function routeKey(method: string, path: readonly string[]): string {
  const segments = path.map((s) =>
    s.startsWith(":") ? "*" : s === `{{${TENANT.key}}}` ? TENANT.value : s === `{{${REGION.key}}}` ? REGION.value : s,
  );
  return `${method} /${segments.join("/")}`;
}

function url(base: boolean, path: readonly string[], enabled: readonly Pair[], disabled?: Pair) {
  const query = [...enabled, ...(disabled ? [{ ...disabled, disabled: true }] : [])];
  const q = enabled.length ? `?${enabled.map((p) => `${encodeQuery(p.key)}=${encodeQuery(p.value)}`).join("&")}` : "";
  const raw = `${base ? "{{baseUrl}}" : BASE}/${path.join("/")}${q}`;
  return base
    ? { raw, host: ["{{baseUrl}}"], path: [...path], ...(query.length ? { query } : {}) }
    : {
        raw,
        protocol: "https",
        host: ["api", "example", "com"],
        path: ["v1", ...path],
        ...(query.length ? { query } : {}),
      };
}

/** A query's key or value as a URL's text holds it: `&`, `=`, `#` and spaces encoded; `+` and `%` as typed. */
function encodeQuery(text: string): string {
  return text.replace(/[&=#\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function savedExample(drawn: Drawn, e: Example, name: string, id: string, base: boolean) {
  const header: { key: string; value: string }[] = [];
  if (e.body.saved === "type") header.push({ key: "Content-Type", value: e.body.type });
  if (e.body.saved === "lower") header.push({ key: "content-type", value: "text/plain" });
  if (e.body.saved === "plain") header.push({ key: "Content-Type", value: "text/plain; charset=utf-8" });
  if (e.body.saved === "html") header.push({ key: "Content-Type", value: "text/html" });
  if (e.requestId !== undefined) header.push({ key: "X-Request-Id", value: e.requestId });
  if (e.extraHeader !== undefined) header.push({ key: e.extraHeader[0], value: e.extraHeader[1] });
  const used = drawn.path.filter((s) => s.startsWith(":")).map((s) => s.slice(1) as "id" | "slug");
  const path = e.pathWritten
    ? drawn.path.map((s) => (s.startsWith(":") ? encodeURIComponent(e.pathValues[s.slice(1) as "id" | "slug"]) : s))
    : drawn.path;
  const savedUrl = url(base, path, e.query, e.disabled);
  return {
    name,
    ...(e.withId ? { id } : {}),
    originalRequest: {
      method: drawn.method,
      header: [],
      url:
        // A URL as text has no `variable` list: its path holds the values. Its query is written
        // encoded, as Postman's URL bar does for what would not read back the same.
        e.urlText && e.pathWritten
          ? savedUrl.raw
          : e.pathWritten || used.length === 0
            ? savedUrl
            : { ...savedUrl, variable: [...new Set(used)].map((key) => ({ key, value: e.pathValues[key] })) },
    },
    status: STATUS_TEXT[e.status] ?? "Status",
    code: e.status,
    ...(e.body.saved === "preview" ? { _postman_previewlanguage: "json" } : {}),
    header,
    body: e.body.text,
  };
}

const STATUS_TEXT: Record<number, string> = { 200: "OK", 201: "Created", 204: "No Content", 404: "Not Found" };

/**
 * A collection whose routes are mostly each their own; the names of its examples are unique to
 * their request (a number first), so that `x-mock-response-name` names one of its examples.
 */
export const mockCollection = fc
  .record({
    viaVariable: fc.boolean(),
    // A base saved with a trailing slash, as often as not in real collections.
    baseValue: fc.constantFrom(BASE, `${BASE}/`),
    item: fc.array(
      tree(item, (items) => fc.record({ name: fc.constantFrom("Folder", "Sub folder", "名前"), item: items }), 3),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ viaVariable, baseValue, item: items }) => {
    const routes = new Set<string>();
    let examples = 0;
    let last: Pick<Drawn, "method" | "path"> | undefined;
    const build = (entries: unknown[]): unknown[] =>
      entries.flatMap((entry): unknown[] => {
        const node = entry as { name: string; item?: unknown[]; request?: Drawn };
        if (node.item) return [{ name: node.name, item: build(node.item) }];
        // Now and then the method and path of the request before it: the two share a route.
        const drawn = node.request!.sharesRoute && last ? { ...node.request!, ...last } : node.request!;
        last = { method: drawn.method, path: drawn.path };
        const key = routeKey(drawn.method, drawn.path);
        if (routes.has(key) && !drawn.sharesRoute) return [];
        routes.add(key);
        const used = [...new Set(drawn.path.filter((s) => s.startsWith(":")).map((s) => s.slice(1) as "id" | "slug"))];
        const own = url(viaVariable, drawn.path, drawn.query);
        return [
          {
            name: node.name,
            request: {
              method: drawn.method,
              header: [],
              url: used.length ? { ...own, variable: used.map((k) => ({ key: k, value: drawn.pathValues[k] })) } : own,
            },
            response: drawn.examples.map((e, i, all) => {
              const name = `${++examples} ${e.name}`;
              const previous = i > 0 && e.namesake ? `${examples - 1} ${all[i - 1]!.name}` : name;
              return savedExample(drawn, e, previous, `${examples}-5f3c`, viaVariable);
            }),
          },
        ];
      });
    return {
      info: { name: "Mock fuzz", schema: V21 },
      item: build(items),
      variable: [
        ...(viaVariable ? [{ key: "baseUrl", value: baseValue }] : []),
        { key: TENANT.key, value: TENANT.value },
      ],
    };
  });
