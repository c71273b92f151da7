import type { ArgSpec, CallSpec } from "./spec.js";
/**
 * A request's path as people read it, in help, docs, warnings and errors: `/` for a request to the
 * base URL itself (`{{url}}`, whose path is empty), rather than nothing after the method.
 */
export declare function shownRequestPath(path: string): string;
/** A piece of an operation's path: literal text, a `{{variable}}` to fill, or a path argument. */
export type PathPart = string | {
    variable: string;
} | ArgSpec;
/**
 * The path in order. Odd parts of the split are the matches: a `{{variable}}`, or `{name}`, which
 * is a path argument when the operation has one by that name, else literal text.
 */
export declare function pathParts(op: CallSpec): PathPart[];
/** The base URL template of an operation: the client's, or the operation's own base (replaced by `baseUrls`). */
export declare function baseTemplate(op: CallSpec, baseUrl: string, baseUrls: Readonly<Record<string, string>> | undefined): string;
/**
 * Base and path with one slash between them (the regular expression only when the base ends with
 * one: it runs per call). A base that names no scheme (`localhost:3000/api`) is http, as Postman
 * sends it; one that starts with a slash or is empty has no host to send to, and stays invalid.
 * `http` false: as the caller wrote it, for a message to quote (`about:blank`, which names no `//`,
 * is not the caller's `http://about:blank`).
 */
export declare function joinUrl(base: string, path: string, http?: boolean): string;
