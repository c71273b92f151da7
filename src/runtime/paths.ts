// Where an operation's request goes, as the client works it out: which base URL template, the
// path split into literal text, `{{variables}}` and path arguments, and base and path joined. The
// client builds its URLs with these (request.ts), and the mock server matches requests with the
// same (mocks/routes.ts), so both read a path alike.
import type { ArgSpec, CallSpec } from "./spec.js";

/**
 * A request's path as people read it, in help, docs, warnings and errors: `/` for a request to the
 * base URL itself (`{{url}}`, whose path is empty), rather than nothing after the method.
 */
export function shownRequestPath(path: string): string {
  return path || "/";
}

/** A piece of an operation's path: literal text, a `{{variable}}` to fill, or a path argument. */
export type PathPart = string | { variable: string } | ArgSpec;

/**
 * The path in order. Odd parts of the split are the matches: a `{{variable}}`, or `{name}`, which
 * is a path argument when the operation has one by that name, else literal text.
 */
export function pathParts(op: CallSpec): PathPart[] {
  return op.path
    .split(/(\{\{[^{}]+\}\}|\{[^{}]+\})/)
    .map((part, i) =>
      i % 2 === 0
        ? part
        : part.startsWith("{{")
          ? { variable: part }
          : (op.args.find((a) => a.in === "path" && `{${a.name}}` === part) ?? part),
    );
}

/** The base URL template of an operation: the client's, or the operation's own base (replaced by `baseUrls`). */
export function baseTemplate(
  op: CallSpec,
  baseUrl: string,
  baseUrls: Readonly<Record<string, string>> | undefined,
): string {
  return op.base === undefined ? baseUrl : (baseUrls?.[op.base] ?? op.base);
}

/**
 * Base and path with one slash between them (the regular expression only when the base ends with
 * one: it runs per call). A base that names no scheme (`localhost:3000/api`) is http, as Postman
 * sends it; one that starts with a slash or is empty has no host to send to, and stays invalid.
 * `http` false: as the caller wrote it, for a message to quote (`about:blank`, which names no `//`,
 * is not the caller's `http://about:blank`).
 */
export function joinUrl(
  base: string,
  path: string,
  http: boolean = !!base && base[0] !== "/" && !base.includes("://"),
): string {
  if (http) base = `http://${base}`;
  if (path === "") return base;
  return (base.endsWith("/") ? base.replace(/\/+$/, "") : base) + (path.startsWith("/") ? path : `/${path}`);
}
