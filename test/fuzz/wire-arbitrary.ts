// Random Postman collections that newman can send and that are rich on the wire: every method,
// path variables and {{variables}} in the host, path, query, headers and bodies, query text that
// needs encoding, repeated and disabled entries, every body mode a request sends as text, the
// auth schemes whose credentials the conformance harness fills, inherited through folders.
// Unlike collection-arbitrary.ts, nothing here is hostile: newman is the oracle, not the subject.
import fc from "fast-check";
import { V21, tree } from "./collection-arbitrary.js";

/** Pieces of text that encoders disagree about, joined a few at a time. */
const PIECES = [
  "a",
  "b c",
  "x+y",
  "+",
  "%",
  "100%",
  "%20",
  "%2F",
  "&",
  "=",
  "a=b",
  "?",
  "/",
  "#",
  ";",
  ",",
  ":",
  "@",
  "'",
  '"',
  "~",
  "*",
  "!",
  "$",
  "(",
  ")",
  "[",
  "]",
  "|",
  "\\",
  "^",
  "`",
  "<>",
  "é",
  "名前",
  "😀",
  " ",
];
const PLAIN = ["a", "b", "id", "42", "x_y", "v-1", "A", "z.z"];

const plain = fc.array(fc.constantFrom(...PLAIN), { minLength: 1, maxLength: 2 }).map((p) => p.join(""));
/** Text that needs encoding somewhere, sometimes empty. */
export const wireText = fc.array(fc.constantFrom(...PIECES, ...PLAIN), { maxLength: 3 }).map((p) => p.join(""));

/** Variables the collection may define (with a value) or leave to the environment (`test-<name>`). */
export const VARIABLES = ["id", "name", "q", "tag", "num", "flag", "version"] as const;
type VariableName = (typeof VARIABLES)[number];
export const reference = fc.constantFrom(...VARIABLES).map((name) => `{{${name}}}`);

/** Text with a variable now and then, around or inside it. */
const withVariables = fc
  .array(fc.oneof({ weight: 3, arbitrary: wireText }, { weight: 1, arbitrary: reference }), {
    minLength: 1,
    maxLength: 3,
  })
  .map((p) => p.join(""));

/** A value of a defined variable: text, a number or a boolean (for unquoted JSON references). */
const variableValue = (name: VariableName) =>
  name === "num"
    ? fc.oneof(fc.integer({ min: -1000, max: 1000 }).map(String), fc.constant("1.5"), wireText)
    : name === "flag"
      ? fc.constantFrom("true", "false", "null")
      : wireText;

const collectionVariables = fc
  .subarray([...VARIABLES])
  .chain((names) => fc.tuple(...names.map((name) => variableValue(name).map((value) => ({ key: name, value })))));

const queryParam = fc.record(
  {
    key: fc.oneof(
      { weight: 3, arbitrary: plain },
      { weight: 1, arbitrary: wireText },
      { weight: 1, arbitrary: reference },
    ),
    value: fc.oneof({ weight: 4, arbitrary: withVariables }, { weight: 1, arbitrary: fc.constant(null) }),
    disabled: fc.boolean(),
  },
  { requiredKeys: ["key"] },
);
/** A key given twice: the first drawn again with another value. */
const withRepeats = <T extends { key: string }>(entries: fc.Arbitrary<T[]>, value: fc.Arbitrary<unknown>) =>
  fc
    .tuple(entries, fc.boolean(), value)
    .map(([list, repeat, again]) => (repeat && list.length > 0 ? [...list, { ...list[0]!, value: again }] : list));

const HEADER_NAMES = ["X-Trace", "x-trace", "X-TRACE", "Accept", "X-Api-Version", "X-Request-Id", "If-None-Match"];
/** Header values as Postman keeps them: printable Latin-1, trimmed by both. */
const headerValue = fc
  .array(fc.oneof(fc.constantFrom(...PIECES.filter((p) => /^[\x21-\x7e]+$/.test(p)), ...PLAIN), reference), {
    minLength: 1,
    maxLength: 3,
  })
  .map((p) => p.join(""));
const header = fc.record(
  { key: fc.constantFrom(...HEADER_NAMES), value: headerValue, disabled: fc.boolean() },
  { requiredKeys: ["key", "value"] },
);

const jsonBody = fc
  .dictionary(
    fc.constantFrom("name", "id", "q", "count", "on", "nested", "list"),
    fc.oneof(
      wireText.map((s) => JSON.stringify(s)),
      reference.map((r) => `"${r}"`),
      // Unquoted: the variable's value is pasted into the JSON text.
      fc.constantFrom("{{num}}", "{{flag}}"),
      fc.integer().map(String),
      fc.constantFrom("true", "null", "[1, 2]", '{"deep": "é"}'),
    ),
    { maxKeys: 4 },
  )
  .map(
    (fields) =>
      `{\n${Object.entries(fields)
        .map(([k, v]) => `  "${k}": ${v}`)
        .join(",\n")}\n}`,
  );

const formField = fc.record(
  {
    key: fc.oneof({ weight: 3, arbitrary: plain }, { weight: 1, arbitrary: wireText }),
    value: withVariables,
    disabled: fc.boolean(),
  },
  { requiredKeys: ["key", "value"] },
);

const body = fc.oneof(
  { weight: 3, arbitrary: fc.constant(undefined) },
  {
    weight: 3,
    arbitrary: jsonBody.map((raw) => ({ mode: "raw", raw, options: { raw: { language: "json" } } })),
  },
  // Text, empty as written, or only variables that may be empty once filled: newman sends an empty
  // body without the type its language gives, and with the item's own.
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.oneof(
          { weight: 2, arbitrary: withVariables },
          { weight: 1, arbitrary: fc.constant("") },
          { weight: 2, arbitrary: fc.array(reference, { minLength: 1, maxLength: 2 }).map((p) => p.join("")) },
        ),
        fc.option(fc.constantFrom("text", "json", "xml"), { freq: 2 }),
      )
      .map(([raw, language]) => ({ mode: "raw", raw, ...(language ? { options: { raw: { language } } } : {}) })),
  },
  {
    weight: 2,
    arbitrary: withRepeats(fc.array(formField, { maxLength: 4 }), withVariables).map((urlencoded) => ({
      mode: "urlencoded",
      urlencoded,
    })),
  },
  {
    weight: 2,
    arbitrary: withRepeats(fc.array(formField, { maxLength: 3 }), withVariables).map((fields) => ({
      mode: "formdata",
      formdata: fields.map((f) => ({ ...f, type: "text" })),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        query: fc.constantFrom("{ me { id } }", "query Q($id: ID) { node(id: $id) { id } }"),
        id: fc.oneof(reference, plain),
      })
      .map(({ query, id }) => ({
        mode: "graphql",
        graphql: { query, variables: `{"id": "${id}"}` },
      })),
  },
);

const auth = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.constant({ type: "noauth" }) },
  {
    weight: 2,
    arbitrary: fc.constant({ type: "bearer", bearer: [{ key: "token", value: "{{token}}", type: "string" }] }),
  },
  {
    weight: 1,
    arbitrary: fc.constant({
      type: "basic",
      basic: [
        { key: "username", value: "{{user}}", type: "string" },
        { key: "password", value: "{{password}}", type: "string" },
      ],
    }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom("X-API-Key", "api_key", "key"), fc.constantFrom("header", "query"))
      .map(([name, at]) => ({
        type: "apikey",
        apikey: [
          { key: "key", value: name, type: "string" },
          { key: "value", value: "{{apiKey}}", type: "string" },
          { key: "in", value: at, type: "string" },
        ],
      })),
  },
  // OAuth 2 with a token at hand (no grant to run): in a header, with or without a prefix, or in the query.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom("header", "queryParams"), fc.constantFrom(undefined, "Bearer", "Token", ""))
      .map(([to, prefix]) => ({
        type: "oauth2",
        oauth2: [
          { key: "accessToken", value: "{{token}}", type: "string" },
          { key: "addTokenTo", value: to, type: "string" },
          ...(prefix === undefined ? [] : [{ key: "headerPrefix", value: prefix, type: "string" }]),
        ],
      })),
  },
);

const pathSegment = fc.oneof(
  { weight: 3, arbitrary: plain },
  { weight: 2, arbitrary: fc.constantFrom(":id", ":name", ":slug") },
  { weight: 1, arbitrary: reference },
  // Not `:…`: a path variable of a name the harness would pass back as the segment's text.
  { weight: 1, arbitrary: wireText.filter((s) => s !== "" && !s.startsWith(":") && !/[/?#]/.test(s)) },
);

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

const request = fc
  .record({
    method: fc.constantFrom(...METHODS),
    host: fc.constantFrom(["api", "example", "com"], ["{{baseUrl}}"], ["{{host}}", "example", "com"]),
    path: fc.array(pathSegment, { minLength: 1, maxLength: 4 }),
    query: withRepeats(fc.array(queryParam, { maxLength: 4 }), withVariables),
    pathValues: fc.record({ id: withVariables, name: withVariables, slug: fc.constantFrom("", "s", "a b") }),
    header: withRepeats(fc.array(header, { maxLength: 3 }), headerValue),
    contentType: fc.option(fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded"), {
      freq: 4,
    }),
    body,
    auth,
  })
  .map(({ method, host, path, query, pathValues, header, contentType, body, auth }) => {
    const used = [...new Set(path.filter((s) => s.startsWith(":")).map((s) => s.slice(1)))];
    const headers = contentType ? [...header, { key: "Content-Type", value: contentType }] : header;
    return {
      method,
      url: {
        ...(host[0] === "{{baseUrl}}" ? {} : { protocol: "https" }),
        host,
        path,
        ...(query.length > 0 ? { query } : {}),
        ...(used.length > 0
          ? { variable: used.map((key) => ({ key, value: pathValues[key as keyof typeof pathValues] })) }
          : {}),
      },
      header: headers,
      ...(body !== undefined ? { body } : {}),
      ...(auth !== undefined ? { auth } : {}),
    };
  });

/** Postman's settings that the client follows (or that change nothing it sends), some of them. */
const protocolProfileBehavior = fc.option(
  fc.record(
    { followRedirects: fc.constant(false), disableBodyPruning: fc.constant(true), disableCookies: fc.constant(true) },
    { requiredKeys: [] },
  ),
  { freq: 4 },
);

const NAMES = ["Get item", "Get item", "List", "Create a thing", "名前", "Search (v2)", "delete", "new"];
const requestItem = fc
  .record({ name: fc.constantFrom(...NAMES), request, protocolProfileBehavior })
  .map(({ protocolProfileBehavior, ...item }) =>
    protocolProfileBehavior ? { ...item, protocolProfileBehavior } : item,
  );

export const wireCollection = fc
  .record({
    info: fc.record({ name: fc.constant("Wire fuzz"), schema: fc.constant(V21) }),
    item: fc.array(
      tree(
        requestItem,
        (items) =>
          fc
            .record({ name: fc.constantFrom("Folder", "Sub folder", "名前"), item: items, auth })
            .map(({ auth, ...rest }) => (auth === undefined ? rest : { ...rest, auth })),
        3,
      ),
      { minLength: 1, maxLength: 4 },
    ),
    variable: collectionVariables,
    auth,
  })
  .map(({ auth, ...rest }) => (auth === undefined ? rest : { ...rest, auth }));
