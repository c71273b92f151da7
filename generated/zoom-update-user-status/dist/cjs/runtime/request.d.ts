import type { BodyEncoder, RequestBody } from "./bodies.js";
import { type PathPart } from "./paths.js";
import type { SentSecrets } from "./sent-secrets.js";
import { type Lookup } from "./template.js";
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
export type HeaderArgSender = (op: CallSpec, headers: Headers, values: ReadonlyMap<ArgSpec, unknown>, spec: ArgSpec, context: RequestContext) => void;
/** A query argument's value comes back as String objects, encoded as Postman sends it (sent as they are). */
export type DefaultFiller = (op: CallSpec, spec: ArgSpec, lookup: Lookup) => unknown;
/** The text of `parts[i]`: a `{{variable}}`, or a path argument without a value (its default refers to variables). */
export type PathVariableFiller = (op: CallSpec, lookup: Lookup, parts: readonly PathPart[], i: number) => string;
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
export type ExtrasSender = (op: CallSpec, fields: Array<readonly [ArgSpec, unknown]>, extras: Extras, query: string) => string;
/**
 * The call options an operation takes beyond the arguments (the `extras` feature's): `body` where
 * its body is a JSON object, one object of the body arguments' (not a form: the one-operation
 * bundle, a form's, would carry their code), `query` where it has a query in the collection. The
 * emitter types its options by this (core.ts's BodyExtras and QueryExtras), the command line
 * gives its extra flags by it, and the feature refuses the other.
 */
export declare function extrasTaken(op: CallSpec): Array<"body" | "query">;
/**
 * The features an operation's requests may need (some only for some arguments): what its generated
 * code passes. The emitter reads this; the request asks for each where it needs it (feature).
 * `bodyKeys` are the keys, at any depth, of the JSON values its body arguments send as the
 * generator knows them (their shapes: `{ "nested": { "api_key": … } }`'s `api_key`), which the
 * spec does not hold.
 */
export declare function featuresNeeded(op: CallSpec, bodyKeys?: readonly string[]): Array<keyof RequestFeatures>;
/** How messages name where an argument goes. */
export declare const WHERE: Record<ArgSpec["in"], string>;
export type { RequestBody };
/**
 * `encode` builds the body of operations that have one, and `features` are those the operation
 * needs (generated code passes them).
 */
export declare function buildRequest(op: CallSpec, args: unknown, context: RequestContext, encode?: BodyEncoder, features?: RequestFeatures): BuiltRequest;
/**
 * Fetch's Headers refuses a bad name or value with a TypeError that quotes the value, which may be
 * a credential: such errors become a ValidationError that names the header (`what`, worked out
 * only on failure when it is a function) and quotes nothing.
 */
export declare function setHeader(op: CallSpec, headers: Headers, name: string, value: string, what: string | (() => string)): void;
/** Sets each of `given` (`owner`: whose headers they are, for the message), as setHeader does. */
export declare function setHeaders(op: CallSpec, headers: Headers, given: Readonly<Record<string, string>>, owner: string): void;
export declare const UNSENDABLE = "cannot be sent: a header cannot carry a line break, NUL or a character beyond Latin-1";
/**
 * Query parameters and form fields take a list, sent as the key repeated (a JSON body sends it as
 * an array: the config may turn a form into JSON).
 */
export declare function takesList(op: CallSpec, spec: ArgSpec): boolean;
export declare function check(op: CallSpec, spec: ArgSpec, value: unknown): void;
/** Why text with half a character cannot be sent: URLs and UTF-8 silently turn it into U+FFFD. */
export declare const HALF_CHARACTER = "cannot be sent: it holds half a character (a lone surrogate)";
/**
 * `text`, unless it holds half a character, refused naming `what` (never quoting it: it may be a
 * secret). For text other than arguments' values (checkOne refuses those): UTF-8 silently turns
 * half a character into U+FFFD, so a signature would be computed over text nobody gave.
 */
export declare function wellFormed<T extends string | undefined>(op: CallSpec, text: T, what: string): T;
export declare function fail(op: CallSpec, spec: ArgSpec, problem: string): never;
export declare function describe(value: unknown): string;
