// Turns an operation spec and a caller's arguments into a fetch request. Pure: no I/O, so it is
// tested on its own; every refusal happens here, before anything is sent.
import { ValidationError } from "./errors.js";
import type { ArgSpec, OperationSpec } from "./spec.js";

export interface BuiltRequest {
  url: string;
  method: string;
  headers: Headers;
  body: FormData | URLSearchParams | undefined;
}

type Scalar = string | number | boolean;

const WHERE: Record<ArgSpec["in"], string> = {
  path: "path variable",
  query: "query parameter",
  header: "header",
  body: "body field",
};

export function buildRequest(op: OperationSpec, args: unknown, baseUrl: string): BuiltRequest {
  const values = readArgs(op, args);
  let path = op.path;
  const query: string[] = [];
  const headers = new Headers();
  const fields: Array<[string, string]> = [];

  for (const spec of op.args) {
    const value = values.get(spec);
    if (value === undefined) continue;
    const text = String(value);
    switch (spec.in) {
      case "path":
        path = path.split(`{${spec.name}}`).join(encodePathSegment(op, spec, text));
        break;
      case "query":
        query.push(`${encodeURIComponent(spec.name)}=${encodeURIComponent(text)}`);
        break;
      case "header":
        if (/[\r\n]/.test(text)) fail(op, spec, "must not contain a line break");
        headers.set(spec.name, text);
        break;
      case "body":
        fields.push([spec.name, text]);
        break;
    }
  }

  const url = joinUrl(baseUrl, path) + (query.length ? `?${query.join("&")}` : "");
  return { url, method: op.method, headers, body: encodeBody(op, fields) };
}

function readArgs(op: OperationSpec, args: unknown): Map<ArgSpec, Scalar> {
  if (args === undefined || args === null) args = {};
  if (typeof args !== "object" || Array.isArray(args)) {
    throw new ValidationError(op.name, undefined, "arguments must be an object");
  }
  const given = args as Record<string, unknown>;
  const known = new Set(op.args.map((a) => a.arg));
  for (const key of Object.keys(given)) {
    if (!known.has(key)) {
      const allowed = op.args.map((a) => JSON.stringify(a.arg)).join(", ") || "none";
      throw new ValidationError(
        op.name,
        key,
        `unknown argument ${JSON.stringify(key)} (expected: ${allowed})`,
      );
    }
  }
  const values = new Map<ArgSpec, Scalar>();
  for (const spec of op.args) {
    // Own properties only: a key such as "constructor" must not be read from Object.prototype.
    const value = Object.prototype.hasOwnProperty.call(given, spec.arg)
      ? given[spec.arg]
      : undefined;
    if (value === undefined || value === null) {
      if (spec.required) fail(op, spec, "is required");
      continue;
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      fail(op, spec, `must be a string, number or boolean, got ${describe(value)}`);
    }
    if (spec.enum && !spec.enum.includes(String(value))) {
      const allowed = spec.enum.map((v) => JSON.stringify(v)).join(", ");
      fail(op, spec, `must be one of ${allowed}, got ${JSON.stringify(String(value))}`);
    }
    values.set(spec, value);
  }
  return values;
}

/**
 * One path segment, percent-encoded so that `/`, `?` and `#` stay data. `.` and `..` are refused:
 * the URL parser collapses them (and their encoded forms) even inside an encoded segment.
 */
function encodePathSegment(op: OperationSpec, spec: ArgSpec, text: string): string {
  if (text === "") fail(op, spec, "must not be empty");
  if (text === "." || text === "..")
    fail(op, spec, `must not be ${JSON.stringify(text)}: it would change the path`);
  return encodeURIComponent(text);
}

function encodeBody(
  op: OperationSpec,
  fields: Array<[string, string]>,
): FormData | URLSearchParams | undefined {
  if (op.body === "multipart") {
    // The platform FormData picks the boundary and fetch writes the matching Content-Type.
    const form = new FormData();
    for (const [name, value] of fields) form.append(name, value);
    return form;
  }
  if (op.body === "urlencoded") return new URLSearchParams(fields);
  return undefined;
}

function joinUrl(baseUrl: string, path: string): string {
  return baseUrl.replace(/\/+$/, "") + (path.startsWith("/") || path === "" ? path : `/${path}`);
}

function fail(op: OperationSpec, spec: ArgSpec, problem: string): never {
  throw new ValidationError(
    op.name,
    spec.arg,
    `argument ${JSON.stringify(spec.arg)} (${WHERE[spec.in]} ${JSON.stringify(spec.name)}) ${problem}`,
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : typeof value;
}
