import { type BodyEncoder, type RequestBody } from "./bodies.js";
import { type Lookup } from "./template.js";
import type { OperationSpec } from "./spec.js";
export interface BuiltRequest {
    url: URL;
    method: string;
    headers: Headers;
    body: RequestBody | undefined;
}
export interface RequestContext {
    /** The client's base URL (may hold `{{variables}}`). */
    baseUrl: string;
    /** Replacements for the other bases an operation names, keyed as the collection writes them. */
    baseUrls?: Readonly<Record<string, string>> | undefined;
    lookup: Lookup;
    /** The client's headers; the operation's header arguments and content type override them. */
    headers?: Readonly<Record<string, string>> | undefined;
    /** This call's headers: they override all others, but for a form's content type. */
    callHeaders?: Readonly<Record<string, string>> | undefined;
}
export type { RequestBody };
/** `encode` builds the body of operations that have one (generated code passes the one it needs). */
export declare function buildRequest(op: OperationSpec, args: unknown, context: RequestContext, encode?: BodyEncoder): BuiltRequest;
/**
 * Fetch's Headers refuses a bad name or value with a TypeError that quotes the value, which may be
 * a credential: such errors become a ValidationError that names the header (`what`, worked out
 * only on failure when it is a function) and quotes nothing.
 */
export declare function setHeader(op: OperationSpec, headers: Headers, name: string, value: string, what: string | (() => string)): void;
/** Sets each of `given` (`owner`: whose headers they are, for the message), as setHeader does. */
export declare function setHeaders(op: OperationSpec, headers: Headers, given: Readonly<Record<string, string>>, owner: string): void;
/** Why text cannot go in a URL: encodeURIComponent throws a URIError on it that names nothing. */
export declare const HALF_CHARACTER = "cannot be sent: it holds half a character (a lone surrogate)";
/**
 * `text`, unless it holds half a character, refused naming `what` (never quoting it: it may be a
 * secret). For text that is encoded other than by encodeURIComponent: UTF-8 silently turns half a
 * character into U+FFFD, so a signature would be computed over text nobody gave.
 */
export declare function wellFormed<T extends string | undefined>(op: OperationSpec, text: T, what: string): T;
