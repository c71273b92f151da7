// Random Postman collections built from the shapes of the v2.1 format: names, keys, descriptions
// (with the importer's conventions), enums, every body mode and auth type, example responses.
import fc from "fast-check";

export const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

/** Text as collections hold it: anything, with the strings that break out of code mixed in. */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "*/ globalThis.__fuzzed = 1; /*",
      '"; globalThis.__fuzzed = 1; "',
      "`${globalThis.__fuzzed = 1}`",
      "__proto__",
      "constructor",
      "new",
      "delete",
      "123abc",
      "",
      "a\u200db",
      "\u202eevil",
      "{{var}}",
      "<integer>",
      "line\nbreak",
      "名前",
    ),
  },
);

const key = fc.oneof(text, fc.stringMatching(/^[a-z][a-zA-Z0-9_]{0,8}$/));
const headerName = fc.oneof(
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,10}$/) },
  { weight: 1, arbitrary: text },
);
const value = fc.oneof(text, fc.constant(null), fc.integer().map(String));

const description = fc.oneof(
  text,
  fc
    .record({
      required: fc.boolean(),
      prose: text,
      values: fc.array(fc.stringMatching(/^[a-z0-9_]{1,6}$/), { minLength: 1, maxLength: 4 }),
    })
    .map(
      ({ required, prose, values }) =>
        `${required ? "(Required) " : ""}${prose} (This can only be one of ${values.join(",")})`,
    ),
);

const param = fc.record({ key, value, disabled: fc.boolean(), description }, { requiredKeys: ["key"] });
const header = fc.record({ key: headerName, value, disabled: fc.boolean(), description }, { requiredKeys: ["key"] });

const jsonValue = fc.jsonValue({ maxDepth: 3 });

const formField = fc.record(
  { key, value, type: fc.constantFrom("text", "file"), disabled: fc.boolean(), description },
  { requiredKeys: ["key"] },
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.record({ mode: fc.constant("formdata"), formdata: fc.array(formField, { maxLength: 4 }) }),
  fc.record({ mode: fc.constant("urlencoded"), urlencoded: fc.array(param, { maxLength: 4 }) }),
  fc.record({
    mode: fc.constant("raw"),
    raw: jsonValue.map((v) => JSON.stringify(v)),
    options: fc.constant({ raw: { language: "json" } }),
  }),
  fc.record({ mode: fc.constant("raw"), raw: text }),
  fc.record({
    mode: fc.constant("graphql"),
    graphql: fc.record({ query: text, variables: jsonValue.map((v) => JSON.stringify(v)) }),
  }),
  fc.record({ mode: fc.constant("file"), file: fc.constant({ src: "/tmp/x.bin" }) }),
);

const auth = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant({ type: "noauth" }),
  fc.constant({ type: "oauth2" }),
  fc.constant({ type: "bearer", bearer: [{ key: "token", value: "{{token}}" }] }),
  fc.tuple(headerName, fc.constantFrom("header", "query")).map(([name, at]) => ({
    type: "apikey",
    apikey: [
      { key: "key", value: name },
      { key: "value", value: "{{key}}" },
      { key: "in", value: at },
    ],
  })),
  fc.constant({ type: "basic", basic: [{ key: "username", value: "{{user}}" }] }),
  fc.constant({ type: "oauth1", oauth1: [] }),
);

const response = fc.record(
  {
    name: text,
    code: fc.integer({ min: 100, max: 599 }),
    status: text,
    header: fc.constantFrom(
      [{ key: "Content-Type", value: "application/json" }],
      [{ key: "Content-Type", value: "text/plain" }],
      [],
    ),
    body: fc.oneof(
      jsonValue.map((v) => JSON.stringify(v)),
      text,
    ),
  },
  { requiredKeys: ["code"] },
);

const pathSegment = fc.oneof(
  fc.stringMatching(/^[a-z0-9_.-]{1,8}$/),
  fc.stringMatching(/^:[a-zA-Z_][a-zA-Z0-9_]{0,6}$/),
  fc.constant("{{version}}"),
  text,
);

const host = fc.constantFrom(["api", "example", "com"], ["{{baseUrl}}"], ["{{host}}", "example", "com"]);

const request = fc
  .record(
    {
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "PROPFIND", "LINK", "PURGE"),
      url: fc.record({
        host,
        path: fc.array(pathSegment, { maxLength: 4 }),
        query: fc.array(param, { maxLength: 3 }),
        variable: fc.array(fc.record({ key, value, description }), { maxLength: 2 }),
      }),
      header: fc.array(header, { maxLength: 3 }),
      body,
      auth,
      description,
    },
    { requiredKeys: ["method", "url"] },
  )
  // A host that is one variable carries the protocol itself ({{baseUrl}} = https://…).
  .map((r) => (r.url.host[0] === "{{baseUrl}}" ? r : { ...r, url: { ...r.url, protocol: "https" } }));

const requestItem = fc.record(
  { name: text, request, response: fc.array(response, { maxLength: 3 }) },
  { requiredKeys: ["name", "request"] },
);

/**
 * Items nested in folders up to `depth` levels: a request item three times in four, else a folder
 * that `folder` makes around an array of entries one level less deep.
 */
export function tree(
  item: fc.Arbitrary<unknown>,
  folder: (items: fc.Arbitrary<unknown[]>) => fc.Arbitrary<unknown>,
  depth: number,
): fc.Arbitrary<unknown> {
  const entry: fc.Memo<unknown> = fc.memo((d) =>
    d <= 1
      ? item
      : fc.oneof(
          { weight: 3, arbitrary: item },
          { weight: 1, arbitrary: folder(fc.array(entry(d - 1), { maxLength: 3 })) },
        ),
  );
  return entry(depth);
}

const entry = tree(
  requestItem,
  (items) => fc.record({ name: text, item: items, auth, description }, { requiredKeys: ["name", "item"] }),
  3,
);

export const collection = fc.record({
  info: fc.record({ name: text, schema: fc.constant(V21), description }),
  item: fc.array(entry, { minLength: 1, maxLength: 5 }),
  variable: fc.array(fc.record({ key, value: text }), { maxLength: 3 }),
  auth,
});
