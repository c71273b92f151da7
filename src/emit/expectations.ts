// What the server should receive when a generated test calls an operation with its example
// arguments: computed from the model with the collection's rules, as a check on the runtime.
import { exampleArgs, fileContent } from "./examples.js";
import { NO_FILE } from "../runtime/bodies.js";
import { ValidationError } from "../runtime/errors.js";
import { joinUrl } from "../runtime/paths.js";
import { HALF_CHARACTER, WHERE } from "../runtime/request.js";
import { inQueryOrder, queryAsWritten } from "../runtime/request-features.js";
import { fillDeep, fillTemplate, type Lookup } from "../runtime/template.js";
import { AUTH_QUERY } from "../runtime/aws-sigv4.js";
import { signsInForm } from "../runtime/oauth1.js";
import { spliceUnquoted } from "../runtime/unquoted.js";
import type { ApiModel, OperationModel } from "../model/types.js";
import { signsAuthorizationHeader } from "../model/authorization-header.js";
import type { AwsV4Spec } from "../runtime/spec.js";
import { runtimeName } from "../model/naming.js";
import { escapeRegExp } from "../mocks/routes.js";
import type { ExpectedRequest } from "../testkit/expected-request.js";
import type { TestCredential } from "./test-credentials.js";
import { REFERENCES } from "../model/references.js";

export type { ExpectedRequest };

export const TEST_TOKEN = "test-token";
export const TEST_API_KEY = "test-api-key";
export const TEST_BASIC = { username: "test-user", password: "test-password" };
/** The header the generated tests' `sign` hook sets, so that signing is seen on the server. */
export const TEST_SIGNATURE_HEADER = "x-test-signed-with";

/** Values the generated tests give the variables that have none in the collection (dynamic ones too, for fixed expectations). */
export function testVariables(model: ApiModel): Record<string, string> {
  const names = new Set<string>();
  const scan = (value: unknown): void => {
    if (typeof value === "string") for (const match of value.matchAll(REFERENCES)) names.add(match[1]!);
    else if (Array.isArray(value)) value.forEach(scan);
    else if (typeof value === "object" && value !== null) Object.values(value).forEach(scan);
  };
  // The variables' values too: one may refer to a dynamic variable (`{{$randomUUID}}`), which the
  // client fills where a request refers to that variable, and the expectation must fill alike.
  scan([
    model.baseUrl,
    model.variables.map((v) => v.default),
    model.operations.map((op) => [op.base, op.path, op.args.map((a) => a.default), op.auth, op.variables]),
  ]);
  const defined = new Set(model.variables.filter((v) => v.default !== undefined).map((v) => v.name));
  const values: Record<string, string> = {};
  for (const name of [...names].sort()) {
    if (!defined.has(name))
      Object.defineProperty(values, name, {
        value: `test-${name.replace(/[^A-Za-z0-9_-]+/g, "-")}`,
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return values;
}

/** Variables as the client looks them up: the caller's, then the request's scopes, then the collection's. */
export function lookupFor(model: ApiModel, variables: Record<string, string>, scoped?: Record<string, string>): Lookup {
  const defaults = new Map(
    model.variables.flatMap((v) => (v.default !== undefined ? [[v.name, v.default] as const] : [])),
  );
  const own = (object: Record<string, string> | undefined, name: string) =>
    object && Object.prototype.hasOwnProperty.call(object, name) ? object[name] : undefined;
  return (name) => own(variables, name) ?? own(scoped, name) ?? defaults.get(name);
}

/**
 * The path part of a base URL once its variables are filled in (`/v2` for Zoom), or "" when it has
 * none or is no URL: always "" or text that starts with `/`, so that it goes after any origin.
 */
export function basePath(template: string, lookup: Lookup): string {
  try {
    // Joined as the client joins it: a base that names no scheme is http.
    const path = new URL(joinUrl(fillTemplate(template, lookup, "base"), "")).pathname.replace(/\/+$/, "");
    return path.startsWith("/") ? path : "";
  } catch {
    return "";
  }
}

export function expectedRequest(
  model: ApiModel,
  op: OperationModel,
  variables: Record<string, string>,
  credential?: TestCredential,
): ExpectedRequest {
  const lookup = lookupFor(model, variables, op.variables);
  const passed = new Map(exampleArgs(op));
  // A raw body is compared as text: its unquoted variables' text kept as written, as the client
  // splices it in (expectedBody); the other bodies are compared as the JSON values they read as.
  const asWritten = op.body?.encoding === "raw";
  const sent = op.args.flatMap((arg) => {
    if (passed.has(arg)) return [[arg, sendable(op, arg, passed.get(arg))] as const];
    // A path variable's default is filled into the path as it is, unchecked (as the client does).
    if (arg.default !== undefined)
      return [
        [
          arg,
          arg.in === "path"
            ? fillDeep(arg.default, lookup, runtimeName(op), arg.unquoted)
            : sendable(op, arg, fillDeep(arg.default, lookup, runtimeName(op), arg.unquoted, asWritten)),
        ] as const,
      ];
    return [];
  });
  const path = op.path.replace(/\{\{([^{}]+)\}\}|\{([^{}]+)\}/g, (whole, variable?: string, name?: string) => {
    if (variable !== undefined) return fillTemplate(whole, lookup, runtimeName(op));
    const [arg, value] = sent.find(([a]) => a.in === "path" && a.name === name) ?? [];
    // A passed value is one segment; the collection's own is sent as Postman sends it, a `/` kept.
    return arg && passed.has(arg)
      ? encodeURIComponent(String(value))
      : String(value).replace(/[?#]/g, encodeURIComponent);
  });
  const prefix = basePath(op.base ?? model.baseUrl, lookup);
  const url = new URL(`http://127.0.0.1${join(prefix, path)}`);

  // A key sent alone (`?uploads`) arrives as the key with an empty value, where the client sends it;
  // a list, as the key repeated (a key sent alone may go among its values: inQueryOrder).
  let query = inQueryOrder(
    op,
    (key): [string, string] => [key, ""],
    (arg) =>
      sent
        .filter(([one]) => one === arg)
        .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
        .map((v): [string, string] => [arg.name, passed.has(arg) ? String(v) : asServerReads(String(v))]),
  );
  // A `?` the collection writes in a path segment (`/pet/findByStatus?status={{s}}`) starts the
  // query, for newman and the client alike: the client appends its own query to that URL's text.
  const literal = url.search.slice(1);
  if (literal)
    query = [...new URLSearchParams(query.length ? `${literal}?${new URLSearchParams(query).toString()}` : literal)];
  const headerValues = new Map<string, string[]>();
  const addHeader = (name: string, v: string) =>
    headerValues.set(name.toLowerCase(), [...(headerValues.get(name.toLowerCase()) ?? []), v]);
  // A name that refers to variables is filled as the client fills it (runtime/header-names.ts).
  for (const [arg, v] of sent)
    if (arg.in === "header")
      addHeader(fillTemplate(arg.name, lookup, runtimeName(op)), String(v).replace(/^[\t ]+|[\t ]+$/g, ""));
  const absentHeaders: string[] = [];
  const auth = op.auth;
  if (auth.type === "bearer") headerValues.set("authorization", [`Bearer ${TEST_TOKEN}`]);
  if (auth.type === "apikey") {
    // The key's name is filled as every auth field is.
    const name = fillTemplate(auth.name, lookup, runtimeName(op));
    if (auth.in === "header") headerValues.set(name.toLowerCase(), [TEST_API_KEY]);
    // In the query it replaces the item's own parameters of that name.
    else query = [...query.filter(([key]) => key !== name), [name, TEST_API_KEY]];
  }
  // A JWT in the query replaces the item's own parameters of its name (runtime/jwt.ts).
  let jwtParam: string | undefined;
  if (auth.type === "jwt" && auth.addTokenTo === "queryParam") {
    jwtParam =
      (auth.queryParamKey !== undefined && fillTemplate(auth.queryParamKey, lookup, runtimeName(op))) || "token";
    query = query.filter(([key]) => key !== jwtParam);
  }
  // OAuth 2 drops the item's own access_token pairs wherever its token goes (runtime/oauth2.ts).
  if (auth.type === "oauth2") {
    query = query.filter(([key]) => key !== "access_token");
    if (auth.addTokenTo === "queryParams") query = [...query, ["access_token", TEST_TOKEN]];
  }
  let presigned: ExpectedRequest["presigned"];
  if (auth.type === "awsv4") {
    query = query.filter(([key]) => !AUTH_QUERY.includes(key));
    if (auth.addAuthDataToQuery)
      presigned = presignedQuery(
        auth,
        lookup,
        runtimeName(op),
        credential?.option === "aws" ? credential.parts : undefined,
      );
  }
  if (auth.type === "basic")
    headerValues.set("authorization", [
      `Basic ${Buffer.from(`${TEST_BASIC.username}:${TEST_BASIC.password}`).toString("base64")}`,
    ]);
  if (auth.type === "custom") headerValues.set(TEST_SIGNATURE_HEADER, [auth.scheme]);
  // A signing auth sets its Authorization header over the item's own (postman-runtime removes that
  // first, and so does the client): a value passed for the item's header never arrives. Its
  // signature is each call's own, so no value is expected.
  if (signsAuthorizationHeader(auth)) headerValues.delete("authorization");
  if (auth.type === "none" && !headerValues.has("authorization")) absentHeaders.push("authorization");
  let body = expectedBody(op, sent);
  // Without its header, OAuth 1 adds its parameters to the urlencoded body of a POST or PUT, else
  // to the query (runtime/oauth1.ts, as postman-runtime does): an empty form is sent with them.
  let oauth1: ExpectedRequest["oauth1"];
  if (auth.type === "oauth1" && !auth.addParamsToHeader) {
    oauth1 = op.body?.encoding === "urlencoded" && signsInForm(op.method) ? "body" : "query";
    if (oauth1 === "body" && body.kind === "none") body = { kind: "urlencoded", fields: [] };
  }

  return {
    method: op.method,
    path: url.pathname,
    query,
    headers: [...headerValues].map(([name, values]) => [name, values.join(", ")]),
    absentHeaders,
    ...(oauth1 ? { oauth1 } : {}),
    ...(jwtParam !== undefined ? { jwtParam } : {}),
    ...(presigned ? { presigned } : {}),
    body,
  };
}

/**
 * The parameters of an AWS presigned URL, as postman-runtime's aws4 adds them (runtime/aws-sigv4.ts),
 * with the credentials the collection's variables give, or the `aws` option the tests pass where it
 * lacks a key (test-credentials.ts: given keys take none of the collection's): the security token
 * where there is one, the expiry for S3 alone, the date, the algorithm, the credential's scope, the
 * signed headers and the signature. The date, and the signature over it, are each call's own: they
 * are patterns.
 */
function presignedQuery(
  auth: AwsV4Spec,
  lookup: Lookup,
  operation: string,
  given: Record<string, string> | undefined,
): ExpectedRequest["presigned"] {
  const value = (template: string | undefined) =>
    template === undefined ? "" : fillTemplate(template, lookup, operation);
  const service = value(auth.service) || "execute-api";
  const region = value(auth.region) || "us-east-1";
  const accessKey = given ? (given["accessKeyId"] ?? "") : value(auth.accessKey);
  const sessionToken = given ? (given["sessionToken"] ?? "") : value(auth.sessionToken);
  // A header's name in the signed list is lower case: token characters (RFC 9110) but upper case letters.
  const name = "[!#$%&'*+.^_`|~0-9a-z-]+";
  return [
    ...(sessionToken ? [["X-Amz-Security-Token", sessionToken] as [string, string]] : []),
    ...(service === "s3" ? [["X-Amz-Expires", "86400"] as [string, string]] : []),
    ["X-Amz-Date", { pattern: "^\\d{8}T\\d{6}Z$" }],
    ["X-Amz-Algorithm", "AWS4-HMAC-SHA256"],
    [
      "X-Amz-Credential",
      {
        pattern: `^${escapeRegExp(accessKey)}/\\d{8}/${escapeRegExp(region)}/${escapeRegExp(service)}/aws4_request$`,
      },
    ],
    ["X-Amz-SignedHeaders", { pattern: `^(?:${name};)*host(?:;${name})*$` }],
    ["X-Amz-Signature", { pattern: "^[0-9a-f]{64}$" }],
  ];
}

function expectedBody(
  op: OperationModel,
  sent: ReadonlyArray<readonly [OperationModel["args"][number], unknown]>,
): ExpectedRequest["body"] {
  const fields = sent.filter(([arg]) => arg.in === "body");
  const contentType = op.body?.contentType ?? null;
  switch (op.body?.encoding) {
    case undefined:
      return { kind: "none" };
    case "multipart":
      if (!fields.length) return { kind: "none" };
      return {
        kind: "multipart",
        // A file field without a chosen file, not passed, goes as an empty text part (its default NO_FILE).
        fields: fields.filter(([arg, v]) => !isFile(arg, v)).map(([arg, v]) => [arg.name, String(v)]),
        files: fields.filter(([arg, v]) => isFile(arg, v)).map(([arg]) => [arg.name, fileContent(arg)]),
      };
    case "urlencoded":
      if (!fields.length) return { kind: "none" };
      return { kind: "urlencoded", fields: fields.map(([arg, v]) => [arg.name, String(v)]) };
    case "json":
      return { kind: "json", value: Object.fromEntries(fields.map(([arg, v]) => [arg.name, v])) };
    case "graphql": {
      const body = (fields[0]?.[1] ?? {}) as { query?: unknown; variables?: unknown };
      return {
        kind: "json",
        value: body.variables === undefined ? { query: body.query } : { query: body.query, variables: body.variables },
      };
    }
    case "raw": {
      const v = fields[0]?.[1];
      // Written as encodeRawUnquoted writes it: an unquoted variable's text as written (`4321.0`).
      const text = v === undefined ? "" : typeof v === "string" ? v : spliceUnquoted(() => JSON.stringify(v));
      return { kind: "text", text, contentType: text === "" && op.body.languageType ? null : contentType };
    }
    case "binary": {
      const arg = fields[0]?.[0];
      // The test passes a Blob without a type: it goes as the collection's file is typed.
      return { kind: "text", text: arg ? fileContent(arg) : "", contentType: contentType ?? arg?.contentType ?? null };
    }
  }
}

const isFile = (arg: OperationModel["args"][number], value: unknown) => arg.type === "file" && value !== NO_FILE;

/**
 * `value`, or the client's refusal of half a character (a lone surrogate) in it: the client checks
 * every argument's text before it builds anything (checkOne in runtime/request.ts).
 */
/** The collection's query value as the server reads it: sent as Postman sends it, then form-decoded. */
function asServerReads(text: string): string {
  return new URLSearchParams(`v=${queryAsWritten(text)}`).get("v")!;
}

function sendable(op: OperationModel, arg: OperationModel["args"][number], value: unknown): unknown {
  if (arg.type === "json" || arg.type === "file") return value;
  for (const one of Array.isArray(value) ? value : [value])
    if (typeof one === "string" && /\p{Cs}/u.test(one))
      throw new ValidationError(
        runtimeName(op),
        arg.arg,
        `argument ${JSON.stringify(arg.arg)} (${WHERE[arg.in]} ${JSON.stringify(arg.name)}) ${HALF_CHARACTER}`,
      );
  return value;
}

function join(base: string, path: string): string {
  if (path === "") return base === "" ? "/" : base;
  return base.replace(/\/+$/, "") + (path.startsWith("/") ? path : `/${path}`);
}
