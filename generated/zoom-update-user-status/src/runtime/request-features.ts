// The request features only some operations need (header arguments, the collection's values of
// arguments left out, `{{variables}}` in the path, files, form fields of JSON text, a query, the
// reading of fields named as credentials for an error): the generated code of an operation
// passes those its spec needs to the core, so a bundle of operations without them leaves their code out.
import { NO_FILE, inCollectionOrder, isBinary, toBlob } from "./bodies.js";
import { ValidationError } from "./errors.js";
import { appendHeaderArg } from "./header-names.js";
import {
  check,
  describe,
  fail,
  extrasTaken,
  HALF_CHARACTER,
  takesList,
  type DefaultFiller,
  type ExtrasSender,
  type FileReader,
  type JsonTextReader,
  type HeaderArgSender,
  type PathVariableFiller,
  type QueryWriter,
} from "./request.js";
import type { ArgSpec, CallSpec } from "./spec.js";
export { namedSecrets } from "./sent-secrets.js";
import { isJson } from "./response.js";
import { fillDeep, fillTemplate } from "./template.js";
import { noteGiven } from "./unquoted.js";

/**
 * Sends a header argument under the name the collection writes. An operation with a header whose
 * name refers to variables is given `sendNamedHeaderArg` (./header-names.js) instead.
 */
export const sendHeaderArg: HeaderArgSender = (op, headers, values, spec) =>
  appendHeaderArg(op, headers, values, spec, (one) => one.name);
export { sendNamedHeaderArg } from "./header-names.js";

/**
 * An argument's default, as `fill` fills it: a variable it refers to that has no value is said
 * with the argument too, as the variable fills what the argument is sent as when left out, so
 * passing the argument is a way too. Every argument's default, a path argument's included
 * (fillPathVariable), is filled through it.
 */
function fillingDefault<T>(spec: ArgSpec, fill: () => T): T {
  try {
    return fill();
  } catch (error) {
    if (error instanceof ValidationError && error.missing)
      Object.assign(error, {
        message: `${error.message}. Or pass the argument ${JSON.stringify(spec.arg)}, whose default refers to it`,
        missing: { ...error.missing, argument: spec.arg },
      });
    throw error;
  }
}

export const fillDefault: DefaultFiller = (op, spec, lookup) => {
  const value = fillingDefault(spec, () =>
    fillDeep(spec.default, lookup, op.name, spec.unquoted, true),
  );
  // A body typed as JSON sent as text (the loader could not read it as JSON): a server reads each
  // variable's text pasted in as JSON, and may quote what it holds alone, as of a spliced one.
  if (
    op.body === "raw" &&
    spec.in === "body" &&
    typeof spec.default === "string" &&
    isJson(op.contentType)
  )
    noteGiven(spec.default, lookup);
  // A form file field without a chosen file goes as an empty part, as Postman sends it.
  if (spec.type === "file") return value === NO_FILE ? value : readFileArg(op, spec, value);
  // The collection's own values are sent as they are: only the caller's are held to the enum.
  check(op, { ...spec, enum: undefined }, value);
  if (spec.in !== "query") return value;
  // A String object, which no caller's value is (checkOne), tells request.ts not to encode it again.
  const sent = (one: unknown) => new String(queryAsWritten(String(one)));
  return Array.isArray(value) ? value.map(sent) : sent(value);
};

/**
 * A file argument's value as the encoders send it, a Blob (each of a list's, where the field takes
 * one): a Blob or File as it is (a File keeps its name and type), bytes or text copied into one.
 * One without a type of its own gets the spec's, the type newman sends the collection's file with
 * (its name's extension's, decided when generating: no table of types here). One without a name
 * of its own (not a File) is a File of the spec's `fileName` (a list's i-th, of its `fileNames`' i-th),
 * the name newman sends the collection's file with: a Blob stands for the collection's file, as it takes that file's type, and FormData's
 * `blob` tells a server nothing (a caller names a part otherwise by passing a File).
 */
export const readFileArg: FileReader = (op, spec, value) =>
  Array.isArray(value) && takesList(op, spec)
    ? value.map((one, i) => blobOf(op, spec, one, i))
    : blobOf(op, spec, value, 0);

/** The i-th file of the argument's (`fileNames`, `contentTypes`: the collection's i-th file's, else the last's). */
function blobOf(op: CallSpec, spec: ArgSpec, value: unknown, i: number): Blob {
  if (!isBinary(value))
    fail(op, spec, `must be a Blob, File, ArrayBuffer or Uint8Array, got ${describe(value)}`);
  const blob = toBlob(value);
  const types = spec.contentTypes;
  const type = blob.type || (types ? types[Math.min(i, types.length - 1)] : spec.contentType) || "";
  const names = spec.fileNames;
  const name =
    blob instanceof File ? blob.name : names ? names[Math.min(i, names.length - 1)] : spec.fileName;
  if (type === blob.type && (blob instanceof File || name === undefined)) return blob;
  return name === undefined ? new Blob([blob], { type }) : new File([blob], name, { type });
}

/**
 * A form field whose text is JSON (`jsonText`: a collection converted from a JSON API): an object
 * is sent as its JSON text, as Postman sends the collection's example; other values are text.
 */
export const readJsonText: JsonTextReader = (op, spec, value) => {
  if (typeof value === "object" && value !== null && !Array.isArray(value))
    return JSON.stringify(value);
  check(op, spec, value);
  return value;
};

/**
 * The keys without a value (`?uploads`) and each query argument's value, the key repeated for each
 * of a list's, in order (`?status=a&status=b`), as Postman sends a key given twice, in the
 * collection's order (`inQueryOrder`). A caller's value is a string, number or boolean (checkOne),
 * written as String does and encoded as `queryData` says. A String object is the collection's
 * value, already as Postman sends it (fillDefault).
 */
export const writeQuery: QueryWriter = (op, values) => {
  const key = (name: string) =>
    op.queryKeys?.find((sent) => sent[0] === name)?.[1] ?? queryData(name, true);
  const pairs = inQueryOrder(op, key, (spec) => {
    const value = values.get(spec);
    return !values.has(spec)
      ? []
      : (Array.isArray(value) ? value : [value]).map(
          (one) => `${key(spec.name)}=${one instanceof String ? one : queryData(String(one))}`,
        );
  });
  return pairs.length ? `?${pairs.join("&")}` : "";
};

/**
 * The call's `options.body` and `options.query` (core.ts's RequestOptions), each refused by an
 * operation it cannot go with, as the core refuses both for one without this feature.
 *
 * The extra fields join a JSON object body's, after the arguments', each under its key as sent. A
 * key that a body argument sends too takes the extra's value, in the argument's place: the
 * explicit extra wins, as the Stainless SDKs' `extra_body` does, so that a value the argument's
 * type or enum (inferred from the collection's example) refuses can still be sent. A value
 * `undefined` sends nothing; one without JSON (a function, a BigInt, a cycle) is refused, naming its key.
 *
 * The extra pairs go after the operation's own: each key with its value, repeated for each of a
 * list's, keys and values encoded as a caller's query argument is (`queryData`). A key the
 * operation sends too is sent again, as a query may repeat a key: nothing is replaced. A value
 * `undefined` or `null` sends nothing, as an argument's does.
 */
export const sendExtras: ExtrasSender = (op, fields, { body, query }, sent) => {
  const taken = extrasTaken(op);
  if (body) {
    if (!taken.includes("body")) refuse(op, "body", EXTRAS_REFUSED);
    if (!isRecord(body))
      refuse(op, "body", `must be an object of the fields to add, got ${describe(body)}`);
    for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
      if (value === undefined) continue;
      let json: string | undefined;
      try {
        json = JSON.stringify(value);
      } catch {}
      if (json === undefined)
        refuse(op, "body", `${JSON.stringify(name)} cannot be sent as JSON (${describe(value)})`);
      // Typed as a JSON value, which the encoder sends as it is.
      const field = [
        { arg: name, name, in: "body", required: false, type: "json" },
        value,
      ] as const;
      const at = fields.findIndex(([spec]) => spec.name === name);
      if (at < 0) fields.push(field);
      else fields[at] = field;
    }
  }
  if (!query) return sent;
  if (!taken.includes("query")) refuse(op, "query", EXTRAS_REFUSED);
  if (!isRecord(query))
    refuse(op, "query", `must be an object of the pairs to add, got ${describe(query)}`);
  const pairs: string[] = [];
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (/\p{Cs}/u.test(name)) refuse(op, "query", `key ${HALF_CHARACTER}`);
    for (const one of Array.isArray(value) ? value : [value]) {
      if (typeof one !== "string" && typeof one !== "number" && typeof one !== "boolean")
        refuse(
          op,
          "query",
          `${JSON.stringify(name)} must be a string, number or boolean, or a list of them, got ${describe(one)}`,
        );
      // The value itself is never quoted: it may be a credential.
      if (/\p{Cs}/u.test(String(one)))
        refuse(op, "query", `${JSON.stringify(name)} ${HALF_CHARACTER}`);
      pairs.push(`${queryData(name, true)}=${queryData(String(one))}`);
    }
  }
  return pairs.length ? `${sent}${sent ? "&" : "?"}${pairs.join("&")}` : sent;
};

/** Why an operation with the feature refuses the option it cannot take (its type does not take it either). */
const EXTRAS_REFUSED = "cannot be sent: extra fields need a JSON object body, extra pairs a query";

function refuse(op: CallSpec, option: "body" | "query", problem: string): never {
  throw new ValidationError(op.name, undefined, `options.${option} ${problem}`);
}

const isRecord = (value: unknown) =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A query's entries in the order newman sends them, the collection's: each key without a value
 * (`bare`) after as many query arguments as its `bareQueryAt` says (absent, before them all), and
 * after as many of the last one's values as its `bareQueryAmong` says (absent or 0, all), and each
 * query argument's (`pairsOf`, one for each value, none for one not sent) in the arguments' order;
 * where the collection gives a key again after another key, in the places `queryOrder` gives each.
 * The generated tests expect their query in this order too (emit/expectations.ts).
 */
export function inQueryOrder<A extends { readonly in: string }, T>(
  op: {
    readonly bareQuery?: readonly string[];
    readonly bareQueryAt?: readonly number[];
    readonly bareQueryAmong?: readonly number[];
    readonly queryOrder?: readonly number[];
    readonly args: readonly A[];
  },
  bare: (key: string) => T,
  pairsOf: (arg: A) => T[],
): T[] {
  const keys = op.bareQuery ?? [];
  const out: T[] = [];
  if (op.queryOrder)
    return inCollectionOrder(
      op.queryOrder,
      op.args.filter((arg) => arg.in === "query").map(pairsOf),
      (i) => bare(keys[i]!),
    );
  let next = 0;
  // The keys that go after `before` query arguments and, of the last one's values, `values`.
  const bareUpTo = (before: number, values = Infinity) => {
    for (; next < keys.length; next++) {
      const at = op.bareQueryAt?.[next] ?? 0;
      if (at > before || (at === before && (op.bareQueryAmong?.[next] || Infinity) > values))
        return;
      out.push(bare(keys[next]!));
    }
  };
  let before = 0;
  for (const arg of op.args)
    if (arg.in === "query") {
      bareUpTo(before++);
      const pairs = pairsOf(arg);
      for (let i = 0; i < pairs.length;) {
        out.push(pairs[i++]!);
        bareUpTo(before, i);
      }
    }
  bareUpTo(Infinity);
  return out;
}

/**
 * A query key (the collection's, decoded by url.ts's queryText, where `queryKeys` has none) or a
 * caller's value, which are text: encoded where newman encodes what a collection writes in a query
 * (`queryAsWritten`: `$filter`, a time's `:`, a path's `/` and `@` go as they are), and also `%`
 * and `+`, which a server would read as an escape and a space, and a key's `=`, which newman
 * encodes in a key too.
 */
export function queryData(text: string, key?: boolean): string {
  // With the u flag a character beyond the BMP is one match (checkOne refused half a one).
  return text.replace(key ? /[^!$(-*,-;?-~]/gu : /[^!$(-*,-;=?-~]/gu, encodeURIComponent);
}

/**
 * A query value of the collection's (its own text and its variables' values) as Postman sends it:
 * `%XX` and `+` as written (a variable's `a%20b` is not `a%2520b`), encoded only where newman
 * encodes (controls, space, `"#&'<>`, beyond ASCII), so that it stays one value. A `%` that starts
 * no `%XX` (`100%`) is sent bare too, as newman sends it: `%25` is the same to a lenient decoder,
 * not to one that refuses a bare `%` or keeps the raw text, nor to a signature over the query.
 * The caller's values and the keys are text, encoded as `queryData` says.
 */
export function queryAsWritten(text: string): string {
  // With the u flag a character beyond the BMP is one match (checkOne refused half a one).
  return text.replace(/[^!$%(-;=?-~]/gu, encodeURIComponent);
}

/**
 * A `{{variable}}`'s value in the path, as Postman sends it (a `/` in it stays one: a variable may
 * hold several segments), except what would change the URL's shape: `?` and `#` are encoded (and
 * spaces and controls at its end, which the URL parser trims at the URL's end), and
 * a value that is a whole segment may not be `.` or `..`. So is a path argument's default, which
 * refers to variables; a value the caller passes is one segment (request.ts's encodePathSegment).
 */
export const fillPathVariable: PathVariableFiller = (op, lookup, parts, i) => {
  const part = parts[i] as { variable: string } | ArgSpec;
  const name = "variable" in part ? part.variable : String(part.default);
  const fill = () => fillTemplate(name, lookup, op.name);
  // A path argument left out: its default.
  const text = "variable" in part ? fill() : fillingDefault(part, fill);
  const before = parts[i - 1];
  const after = parts[i + 1];
  const whole =
    typeof before === "string" &&
    before.endsWith("/") &&
    (after === undefined ||
      (typeof after === "string" && (after.startsWith("/") || (after === "" && !parts[i + 2]))));
  if (whole && (text === "." || text === ".."))
    throw new ValidationError(
      op.name,
      undefined,
      `variable ${name} is ${JSON.stringify(text)}: it would change the path`,
    );
  // Spaces and controls at its end too, which the URL parser would trim where it ends the path.
  return text.replace(/[?#]|[\0- ]+$/g, encodeURIComponent);
};
