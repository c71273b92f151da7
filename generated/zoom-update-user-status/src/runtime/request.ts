// Turns an operation spec and a caller's arguments into a fetch request. Pure: no I/O, so it is
// tested on its own; every refusal happens here, before anything is sent.
import { namesSentSecret } from "./credential-names.js";
import { ValidationError } from "./errors.js";
import type { BodyEncoder, RequestBody } from "./bodies.js";
import { baseTemplate, joinUrl, pathParts, type PathPart } from "./paths.js";
import type { SentSecrets } from "./sent-secrets.js";
import { fillTemplate, type Lookup } from "./template.js";
import type { ArgSpec, CallSpec } from "./spec.js";

export interface BuiltRequest {
  url: URL;
  method: string;
  headers: Headers;
  body: RequestBody | undefined;
  /**
   * How an error reads the credentials this request sent, where it needs more than sent-secrets.ts's
   * `sentSecrets`: its `namedSecrets` (the request feature of an operation with a field named as a
   * credential), or its `schemeSecrets` (set by the authorizer that signs it).
   */
  sentSecrets?: SentSecrets | undefined;
}

export interface RequestContext {
  /** The client's base URL (may hold `{{variables}}`). */
  baseUrl: string;
  /** Replacements for the other bases an operation names, keyed as the collection writes them. */
  baseUrls?: Readonly<Record<string, string>> | undefined;
  lookup: Lookup;
  /** The client's headers; the operation's header arguments and content type override them. */
  headers?: Readonly<Record<string, string>> | undefined;
  /**
   * This call's options (core.ts's RequestOptions), passed down whole: its headers override all
   * others, but for a form's content type; its `body` and `query` are fields and pairs beyond the
   * arguments, sent by the `extras` feature and refused without it (feature's TypeError).
   */
  call?: Extras | undefined;
}

/** The call's options a request reads: its headers, and its fields and query pairs beyond its arguments. */
export interface Extras {
  readonly headers?: Readonly<Record<string, string>> | undefined;
  readonly body?: unknown;
  readonly query?: unknown;
}

/**
 * What only some operations' requests need, kept out of the path every request takes so that a
 * bundle of the other operations leaves it out: the generated code of an operation passes those
 * its spec needs (featuresNeeded), from ./request-features.js, as it passes its body encoder. A
 * request that needs one it was not given is refused with a TypeError (feature).
 */
export interface RequestFeatures {
  /** Sends a header argument (`sendHeaderArg`; `sendNamedHeaderArg` where a name refers to variables). */
  headerArgs?: HeaderArgSender | undefined;
  /** The collection's value of an argument the caller left out, filled and checked (`fillDefault`). */
  defaults?: DefaultFiller | undefined;
  /** A `{{variable}}` in the path, or a path argument's default, filled (`fillPathVariable`). */
  pathVariables?: PathVariableFiller | undefined;
  /** A file argument's value checked and read as a Blob, each of a list's (`readFileArg`). */
  file?: FileReader | undefined;
  /** A `jsonText` argument's value: an object as its JSON text, else checked as text (`readJsonText`). */
  jsonText?: JsonTextReader | undefined;
  /** The query: the keys without a value, then the query arguments' values (`writeQuery`). */
  query?: QueryWriter | undefined;
  /** The call's `options.body` and `options.query`, sent (`sendExtras`). */
  extras?: ExtrasSender | undefined;
  /**
   * How an error reads the credentials a request with a query parameter or a form field named as
   * one sent (sent-secrets.ts's `namedSecrets`): the pairs by their names too.
   */
  sentSecrets?: SentSecrets | undefined;
}

/**
 * Adds `spec`'s value to the headers; `values` are the arguments that have one, in the operation's
 * order; `context`'s lookup fills a name that refers to variables (header-names.ts).
 */
export type HeaderArgSender = (
  op: CallSpec,
  headers: Headers,
  values: ReadonlyMap<ArgSpec, unknown>,
  spec: ArgSpec,
  context: RequestContext,
) => void;

/** A query argument's value comes back as String objects, encoded as Postman sends it (sent as they are). */
export type DefaultFiller = (op: CallSpec, spec: ArgSpec, lookup: Lookup) => unknown;

/** The text of `parts[i]`: a `{{variable}}`, or a path argument without a value (its default refers to variables). */
export type PathVariableFiller = (
  op: CallSpec,
  lookup: Lookup,
  parts: readonly PathPart[],
  i: number,
) => string;

/** The value the encoder sends for a file argument's (Blobs), or a refusal naming the argument. */
export type FileReader = (op: CallSpec, spec: ArgSpec, value: unknown) => unknown;

/** The text a `jsonText` argument sends, or a refusal naming the argument. */
export type JsonTextReader = (op: CallSpec, spec: ArgSpec, value: unknown) => unknown;

/** The URL's query, `?` included (`""` for none), of the arguments that have a value, in the operation's order. */
export type QueryWriter = (op: CallSpec, values: ReadonlyMap<ArgSpec, unknown>) => string;

/**
 * Adds the call's extra fields to `fields` (a JSON object body's) and returns `query` (`?`
 * included, or `""`) with its extra pairs after the operation's own; or refuses them, naming the
 * option.
 */
export type ExtrasSender = (
  op: CallSpec,
  fields: Array<readonly [ArgSpec, unknown]>,
  extras: Extras,
  query: string,
) => string;

/**
 * The call options an operation takes beyond the arguments (the `extras` feature's): `body` where
 * its body is a JSON object, one object of the body arguments' (not a form: the one-operation
 * bundle, a form's, would carry their code), `query` where it has a query in the collection. The
 * emitter types its options by this (core.ts's BodyExtras and QueryExtras), the command line
 * gives its extra flags by it, and the feature refuses the other.
 */
export function extrasTaken(op: CallSpec): Array<"body" | "query"> {
  return [
    ...(op.body === "json" ? (["body"] as const) : []),
    ...(hasQuery(op) ? (["query"] as const) : []),
  ];
}

/** Whether the collection gives the operation a query: keys without a value, or query arguments. */
function hasQuery(op: CallSpec): boolean {
  return op.bareQuery !== undefined || op.args.some((a) => a.in === "query");
}

/**
 * The features an operation's requests may need (some only for some arguments): what its generated
 * code passes. The emitter reads this; the request asks for each where it needs it (feature).
 * `bodyKeys` are the keys, at any depth, of the JSON values its body arguments send as the
 * generator knows them (their shapes: `{ "nested": { "api_key": … } }`'s `api_key`), which the
 * spec does not hold.
 */
export function featuresNeeded(
  op: CallSpec,
  bodyKeys: readonly string[] = [],
): Array<keyof RequestFeatures> {
  const { args } = op;
  const extras = extrasTaken(op).length > 0;
  const needs = {
    headerArgs: args.some((a) => a.in === "header"),
    defaults: args.some((a) => a.in !== "path" && a.default !== undefined),
    // A path argument without a value (it has a default, or is optional in a hand-written spec) is
    // filled as a variable is.
    pathVariables:
      args.some((a) => a.in === "path" && (a.default !== undefined || !a.required)) ||
      pathParts(op).some((part) => typeof part === "object" && "variable" in part),
    file: args.some((a) => a.type === "file"),
    jsonText: args.some((a) => a.type === "jsonText"),
    query: hasQuery(op),
    extras,
    // A query parameter, a form field or a JSON body's field whose name says it holds a credential
    // (`api_key`, `client_secret`, Plaid's `access_token`), at any depth of a JSON value the body
    // sends (`bodyKeys`), which its error masks: judged here, once, for the bundles of the others.
    // A raw or GraphQL body's one argument is the body, whose name is none of its fields'.
    sentSecrets:
      args.some(
        (a) =>
          (a.in === "query" ||
            (a.in === "body" &&
              (op.body === "urlencoded" || op.body === "multipart" || op.body === "json"))) &&
          namesSentSecret(a.name),
      ) ||
      bodyKeys.some(namesSentSecret) ||
      // A call's extra field or pair may be named as one too (`api_key`), which only the call knows.
      extras,
  };
  return (Object.keys(needs) as Array<keyof RequestFeatures>).filter((key) => needs[key]);
}

/** How messages name where an argument goes. */
export const WHERE: Record<ArgSpec["in"], string> = {
  path: "path variable",
  query: "query parameter",
  header: "header",
  body: "body field",
};

/** What every call of an operation needs from its spec, worked out once. */
interface Prepared {
  keys: Set<string>;
  path: PathPart[];
}

const prepared = new WeakMap<CallSpec, Prepared>();

function prepare(op: CallSpec): Prepared {
  let found = prepared.get(op);
  if (!found) {
    found = { keys: new Set(op.args.map((a) => a.arg)), path: pathParts(op) };
    prepared.set(op, found);
  }
  return found;
}

export type { RequestBody };

/**
 * `encode` builds the body of operations that have one, and `features` are those the operation
 * needs (generated code passes them).
 */
export function buildRequest(
  op: CallSpec,
  args: unknown,
  context: RequestContext,
  encode?: BodyEncoder,
  features?: RequestFeatures,
): BuiltRequest {
  const { keys, path: parts } = prepare(op);
  const values = readArgs(op, args, context.lookup, keys, features);
  const template = baseTemplate(op, context.baseUrl, context.baseUrls);
  const base = template.includes("{{") ? fillTemplate(template, context.lookup, op.name) : template;
  let path = "";
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    path +=
      typeof part === "string"
        ? part
        : "variable" in part || !values.has(part)
          ? // A path argument without a value has the collection's, which refers to variables.
            feature(op, features, "pathVariables")(op, context.lookup, parts, i)
          : encodePathSegment(op, part, String(values.get(part)));
  }
  // Keys without a value are always sent; query arguments only when they have one.
  let queried = op.bareQuery !== undefined;
  const fields: Array<readonly [ArgSpec, unknown]> = [];
  const headers = clientHeaders(op, context.headers);
  // The arguments that have a value, in the operation's order.
  for (const [spec, value] of values) {
    if (spec.in === "query") queried = true;
    else if (spec.in === "header")
      feature(op, features, "headerArgs")(op, headers, values, spec, context);
    else if (spec.in === "body") fields.push([spec, value]);
  }
  let query = queried ? feature(op, features, "query")(op, values) : "";
  const { call } = context;
  // A falsy one is none, as `undefined` is. An operation that takes neither (its options' type
  // says so) refuses either with the missing feature's TypeError: only a JavaScript caller meets it.
  if (call?.body || call?.query) query = feature(op, features, "extras")(op, fields, call, query);
  // An environment's empty value that leaves the base without a host is named, not the URL it left.
  context.lookup.missing?.emptyBase?.(op, template, base, context.lookup);
  const url = toUrl(op, base, path, query);
  if (op.body && !encode) throw new TypeError(`${op.name}: no encoder for its ${op.body} body`);
  const body = op.body
    ? encode!(fields, (spec, problem) => fail(op, spec, problem), op)
    : undefined;
  // The collection's content type goes with a body. An encoder that types its body (a form's,
  // GraphQL's: bodies.ts) is given it without one too (an empty form sends no body, but the item's
  // own Content-Type still goes, as Postman sends it), and types the body it built over what the
  // client's and the call's headers set.
  const typed = encode?.type;
  const type = body !== undefined || typed ? op.contentType : undefined;
  if (type) headers.set("content-type", type);
  if (call?.headers) setHeaders(op, headers, call.headers, "this call's");
  if (typed && body) typed(headers);
  return { url, method: op.method, headers, body, sentSecrets: features?.sentSecrets };
}

/** The feature the request needs here, which the generated code passes (featuresNeeded). */
function feature<K extends keyof RequestFeatures>(
  op: CallSpec,
  features: RequestFeatures | undefined,
  key: K,
): NonNullable<RequestFeatures[K]> {
  const found = features?.[key];
  if (!found) throw new TypeError(`${op.name}: no ${key} feature for its request`);
  return found;
}

/**
 * Fetch's Headers refuses a bad name or value with a TypeError that quotes the value, which may be
 * a credential: such errors become a ValidationError that names the header (`what`, worked out
 * only on failure when it is a function) and quotes nothing.
 */
export function setHeader(
  op: CallSpec,
  headers: Headers,
  name: string,
  value: string,
  what: string | (() => string),
): void {
  try {
    headers.set(name, value);
  } catch {
    throw unsendable(op, typeof what === "string" ? what : what());
  }
}

/** Sets each of `given` (`owner`: whose headers they are, for the message), as setHeader does. */
export function setHeaders(
  op: CallSpec,
  headers: Headers,
  given: Readonly<Record<string, string>>,
  owner: string,
): void {
  for (const [name, value] of Object.entries(given))
    setHeader(op, headers, name, value, () => `${owner} header ${JSON.stringify(name)}`);
}

function clientHeaders(op: CallSpec, given: Readonly<Record<string, string>> | undefined): Headers {
  try {
    return new Headers(given);
  } catch {
    // Only on failure: find the header at fault.
    setHeaders(op, new Headers(), given ?? {}, "the client's");
    throw unsendable(op, "the client's headers");
  }
}

export const UNSENDABLE =
  "cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1";

function unsendable(op: CallSpec, what: string): ValidationError {
  return new ValidationError(op.name, undefined, `${what} ${UNSENDABLE}`);
}

function readArgs(
  op: CallSpec,
  args: unknown,
  lookup: Lookup,
  known: Set<string>,
  features: RequestFeatures | undefined,
): Map<ArgSpec, unknown> {
  args ??= {};
  if (typeof args !== "object" || Array.isArray(args)) {
    throw new ValidationError(op.name, undefined, "arguments must be an object");
  }
  const given = args as Record<string, unknown>;
  for (const key in given) {
    if (Object.hasOwn(given, key) && !known.has(key)) {
      const allowed = op.args.map((a) => JSON.stringify(a.arg)).join(", ") || "none";
      throw new ValidationError(
        op.name,
        key,
        `unknown argument ${JSON.stringify(key)} (expected: ${allowed})`,
      );
    }
  }
  const values = new Map<ArgSpec, unknown>();
  for (const spec of op.args) {
    // Own properties only: a key such as "constructor" must not be read from Object.prototype.
    let value = Object.hasOwn(given, spec.arg) ? given[spec.arg] : undefined;
    if (
      Array.isArray(value) &&
      !value.length &&
      takesList(op, spec) &&
      (spec.in === "query" || op.body !== "json")
    ) {
      // A key repeated for each value is sent for none (not the collection's value: the caller
      // chose none); a JSON body sends [].
      if (spec.required) fail(op, spec, "is required: give at least one value");
      continue;
    }
    // Absent is undefined; null too, except for JSON values, where null is a value to send.
    if (value === undefined || (value === null && spec.type !== "json")) {
      if (spec.default === undefined) {
        if (spec.required) fail(op, spec, "is required");
        continue;
      }
      // A path variable's is filled where the path is built.
      if (spec.in !== "path") values.set(spec, feature(op, features, "defaults")(op, spec, lookup));
      continue;
    }
    // A file's and JSON text's value is read by the feature of its type's name (the one-operation
    // bundle pays for one test); any other is checked as it is (a JSON value is any).
    if (spec.type && spec.type !== "json")
      value = feature(op, features, spec.type)(op, spec, value);
    else check(op, spec, value);
    values.set(spec, value);
  }
  return values;
}

/**
 * Query parameters and form fields take a list, sent as the key repeated (a JSON body sends it as
 * an array: the config may turn a form into JSON).
 */
export function takesList(op: CallSpec, spec: ArgSpec): boolean {
  return (
    spec.type !== "json" &&
    (spec.in === "query" ||
      (spec.in === "body" &&
        (op.body === "multipart" || op.body === "urlencoded" || op.body === "json")))
  );
}

export function check(op: CallSpec, spec: ArgSpec, value: unknown): void {
  if (Array.isArray(value) && takesList(op, spec)) {
    for (const one of value) checkOne(op, spec, one);
    return;
  }
  checkOne(op, spec, value);
}

/** A value of any argument but a file (readFileArg checks those). */
function checkOne(op: CallSpec, spec: ArgSpec, value: unknown): void {
  if (spec.type === "json") return;
  if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
    fail(op, spec, `must be a string, number or boolean, got ${describe(value)}`);
  }
  // Half a character (text cut by length) is refused here, once for every place a value goes: a
  // URL or a UTF-8 body would carry U+FFFD in its place, and encodeURIComponent throws naming nothing.
  if (/\p{Cs}/u.test(value as string)) fail(op, spec, HALF_CHARACTER);
  if (spec.enum && !spec.enum.includes(String(value))) {
    fail(
      op,
      spec,
      `must be one of ${spec.enum.map((v) => JSON.stringify(v)).join(", ")}, got ${JSON.stringify(String(value))}`,
    );
  }
}

/**
 * One path segment, percent-encoded so that `/`, `?` and `#` stay data. `.` and `..` are refused:
 * the URL parser collapses them (and their encoded forms) even inside an encoded segment.
 */
function encodePathSegment(op: CallSpec, spec: ArgSpec, text: string): string {
  if (text === "") fail(op, spec, "must not be empty");
  if (text === "." || text === "..")
    fail(op, spec, `must not be ${JSON.stringify(text)}: it would change the path`);
  return encodeURIComponent(text);
}

/** Why text with half a character cannot be sent: URLs and UTF-8 silently turn it into U+FFFD. */
export const HALF_CHARACTER = "cannot be sent: it holds half a character (a lone surrogate)";

/**
 * `text`, unless it holds half a character, refused naming `what` (never quoting it: it may be a
 * secret). For text other than arguments' values (checkOne refuses those): UTF-8 silently turns
 * half a character into U+FFFD, so a signature would be computed over text nobody gave.
 */
export function wellFormed<T extends string | undefined>(op: CallSpec, text: T, what: string): T {
  // With the u flag a surrogate pair is one code point: only a lone surrogate is in category Cs.
  if (text !== undefined && /\p{Cs}/u.test(text))
    throw new ValidationError(op.name, undefined, `${what} ${HALF_CHARACTER}`);
  return text;
}

/**
 * The URL of base and path, and the query (`?` included, or `""`). An invalid one is quoted
 * without its query and user info, which may hold the caller's keys and passwords.
 */
function toUrl(op: CallSpec, base: string, path: string, query: string): URL {
  const text = joinUrl(base, path);
  try {
    const url = new URL(text + query);
    // URL turns half a character in the base or a path variable into U+FFFD: such text is refused.
    // Tested as wellFormed does rather than by encodeURI's throwing, which copies the URL each call.
    // fetch refuses a URL with a user name or password, with a TypeError that quotes it whole; one
    // of another scheme (`ftp:`, `file:`) with "fetch failed" or "not implemented", which names
    // neither the URL nor the base it came from. One pattern for both, on the URL as parsed: user
    // info would end with `@` before the host's end.
    if (!/\p{Cs}/u.test(text) && /^https?:\/\/[^@/]*\//.test(url.href)) return url;
  } catch {}
  // Quoted as the caller wrote it: the http that joinUrl gives a base naming no `//` is not theirs.
  throw new ValidationError(
    op.name,
    undefined,
    `${JSON.stringify(joinUrl(base, path, false).replace(/\/\/[^/]*@/, "//"))} is not an http(s) URL without user info: check the base URL and variables`,
  );
}

export function fail(op: CallSpec, spec: ArgSpec, problem: string): never {
  throw new ValidationError(
    op.name,
    spec.arg,
    `argument ${JSON.stringify(spec.arg)} (${WHERE[spec.in]} ${JSON.stringify(spec.name)}) ${problem}`,
  );
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}
