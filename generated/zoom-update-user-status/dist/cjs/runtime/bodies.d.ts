import type { ArgSpec, CallSpec } from "./spec.js";
/** The bodies the client sends: all of them replayable, none of them a stream. */
export type RequestBody = FormData | URLSearchParams | Blob | string;
/** An `in: "body"` argument and its value. */
export type Field = readonly [ArgSpec, unknown];
/**
 * Builds the body from the body arguments (in `op`'s order); `fail` refuses a value, naming the argument. `type`, an
 * encoder's that types its body itself (a form's, GraphQL's), sets the Content-Type of a body it
 * built, over the item's, the client's and the call's: here, so that only the bundles of the
 * operations with such a body hold it.
 */
export type BodyEncoder = ((fields: readonly Field[], fail: (spec: ArgSpec, problem: string) => never, op: CallSpec) => RequestBody | undefined) & {
    readonly type?: (headers: Headers) => void;
    /**
     * Rewrites what fetch is given for a body this encoder built (`init.body`, with `init.headers`,
     * the request's own Headers), just before it goes: the request itself, which hooks, signers and
     * errors read, stays as built. A multipart encoder's (sendMultipart, sendMultipartText).
     */
    readonly send?: (init: RequestInit) => void;
};
export type BinaryValue = Blob | ArrayBuffer | ArrayBufferView | string;
export declare function isBinary(value: unknown): value is BinaryValue;
/** The bytes or text of a file argument as a Blob (request-features.ts's readFileArg, before any encoder). */
export declare function toBlob(value: BinaryValue): Blob;
/**
 * A form file field's value where the collection chose no file and the caller passed none: sent
 * as an empty text part, as Postman sends the field (the loader makes it the field's default).
 */
export declare const NO_FILE = "";
/**
 * multipart/form-data, built as a FormData (what hooks, signers and errors read), written out just
 * before it goes (sendMultipart): as one string, or with a file as one Blob. Without fields there
 * is no body, as Postman sends none. A text field with a type of its own is a Blob of that type
 * named "", sent with no file name, as Postman sends it.
 * The parts go in the arguments' order, a list's values together (encodeMultipartInOrder places
 * them otherwise). The encoder of the operations with a file or typed part (hasBlobParts); the
 * others' is encodeMultipartText, so that their bundles hold no Blob part.
 */
export declare const encodeMultipart: BodyEncoder;
/** multipart/form-data of text parts only, as encodeMultipart sends them: the operations' without a file or typed part. */
export declare const encodeMultipartText: BodyEncoder;
/** The boundary of the multipart text that sendMultipartText writes, unless a part holds it. */
export declare const MULTIPART_BOUNDARY = "postman-codegen-form";
/**
 * Any form, as sendMultipartText sends one of text parts; one with a file goes as one Blob of its
 * parts (multipartBlob), which Node's fetch sends ~25% faster than the FormData (a 2 kB file on
 * loopback). What a signer signs too (signing.ts's bodyBytes).
 */
export declare function sendMultipart(init: RequestInit): void;
/**
 * A form of text parts as the multipart/form-data text it is sent as, and its boundary; undefined
 * for a form with a file. Written as Node's fetch writes a FormData, by the HTML standard's rules
 * (line breaks as CRLF; in a name, CR, LF and `"` percent-encoded), so that a server reads the same
 * fields, alike from every platform. The boundary is fixed, unless a part holds it (then numbered
 * until none does), so that a request is the same bytes each time.
 */
export declare function multipartText(form: FormData): [text: string, boundary: string] | undefined;
/**
 * Any form as one Blob of its parts, the files' own Blobs in it uncopied, and its boundary, written
 * as multipartText writes text parts and as Node's fetch writes a file part: with its file's name (none
 * for a typed text part, a Blob named "", as Postman sends it, where Deno's and Bun's FormData write
 * `filename=""`) and its type, else `application/octet-stream`. Its boundary is random, as a
 * platform's is: a file's bytes, which could hold a fixed one, are not read here.
 */
export declare function multipartBlob(form: FormData): [body: Blob, boundary: string];
/** True for an operation whose body has a file or typed part: the emitter and the command line choose encodeMultipart then. */
export declare function hasBlobParts(op: CallSpec): boolean;
/**
 * multipart/form-data whose parts go in the collection's order, where it gives a field again after
 * another field (`bodyOrder`: `a`, `b`, `a`), as newman sends them (an urlencoded body it sends with
 * a field's values together, as encodeUrlencoded does). The encoder of the operations with a
 * `bodyOrder` only (emit/client.ts), so that other bundles do without it.
 */
export declare const encodeMultipartInOrder: BodyEncoder;
/**
 * application/x-www-form-urlencoded, written and typed as Postman writes and types it
 * (postman-request's form()). The body is its text, not URLSearchParams, whose `+` for a space and
 * bare `*` are not what newman sends and whose bytes a hook or a signer (AWS's body hash, Hawk's
 * payload hash, OAuth 1's form parameters) would then read otherwise than they go. A type that names
 * the encoding goes as set (`; charset=ISO-8859-1`), any other is replaced by the bare type, where
 * fetch's own for URLSearchParams would add `;charset=UTF-8`.
 */
export declare const encodeUrlencoded: BodyEncoder;
/**
 * `name=value` pairs as newman writes a form (Node's querystring.stringify, then `!'()*` escaped
 * too): RFC 3986's percent-encoding (percentEncode), only letters, digits and `-_.~` as they are,
 * the rest `%XX` of its UTF-8, a space `%20`. Half a character (a lone surrogate), on which newman
 * throws, goes as U+FFFD, as URLSearchParams sent it. OAuth 1 writes the form it adds its
 * parameters to with this too.
 */
export declare function formText(pairs: Iterable<readonly [string, string]>): string;
/**
 * Entries in the collection's order where it gives a key again after another key (spec.ts's
 * `queryOrder` and `bodyOrder`): `lists` holds each argument's entries, one per value; each place
 * `n` of `order` takes the next entry of `lists[n]` (its last place all those left), a place `~i`
 * is `extra(i)` (a query key without a value); entries no place takes go last.
 */
export declare function inCollectionOrder<T>(order: readonly number[], lists: T[][], extra?: (i: number) => T): T[];
/** One JSON object of the body arguments (keys such as `__proto__` stay own properties). */
export declare const encodeJson: BodyEncoder;
/** The `body` argument: text as it is, any other value as JSON; an empty one typed by its language, none. */
export declare const encodeRaw: BodyEncoder;
/**
 * The `body` argument, a Blob (readFileArg, which gives one without a type of its own the type its
 * name's extension gives the collection's file, as newman). One still without a type goes as
 * application/octet-stream, as newman sends a file whose name gives it none (postman-request's);
 * a header set for it still wins.
 */
export declare const encodeBinary: BodyEncoder;
export declare const encodeGraphql: BodyEncoder;
export declare const encodeJsonUnquoted: BodyEncoder;
export declare const encodeRawUnquoted: BodyEncoder;
export declare const encodeGraphqlUnquoted: BodyEncoder;
/** The encoders above by name: what `encoderName` answers. */
export type EncoderName = "encodeMultipart" | "encodeMultipartText" | "encodeMultipartInOrder" | "encodeUrlencoded" | "encodeJson" | "encodeJsonUnquoted" | "encodeRaw" | "encodeRawUnquoted" | "encodeBinary" | "encodeGraphql" | "encodeGraphqlUnquoted";
/**
 * The encoder an operation's body needs, by name: the one choice of it. The generator writes the
 * encoder it names into the client as an import (emit/client.ts), so that a bundle holds only the
 * encoders its operations use and never this function; a package's command line, which runs any
 * operation, looks it up among them all (cli/dispatch.ts).
 */
export declare function encoderName(op: CallSpec): EncoderName | undefined;
