import { type BuiltRequest } from "./request.js";
import { type Lookup } from "./template.js";
import type { AuthSpec, CallSpec } from "./spec.js";
import { type AuthOptions, type CredentialOption } from "./auth.js";
export type HashName = "SHA-1" | "SHA-256" | "SHA-384" | "SHA-512";
export declare function utf8(text: string): Uint8Array;
/** Data for WebCrypto: its parameter type differs across TypeScript's libraries (BufferSource, over ArrayBuffer only since 5.7). */
type CryptoData = Parameters<typeof crypto.subtle.digest>[1];
/** Bytes or UTF-8 text as WebCrypto takes them. */
export declare function source(data: Uint8Array | string): CryptoData;
export declare function digest(hash: HashName, data: Uint8Array | string): Promise<Uint8Array>;
export declare function hmac(hash: HashName, key: Uint8Array | string, data: Uint8Array | string): Promise<Uint8Array>;
export declare function hex(bytes: Uint8Array): string;
export declare function base64(bytes: Uint8Array): string;
/** RFC 3986 percent-encoding: everything but `A-Z a-z 0-9 - . _ ~`. */
export declare function percentEncode(text: string): string;
/** Letters and digits from the platform's random source (nonces). */
export declare function randomString(length: number): string;
/** The fields of an auth spec that hold text (credentials and settings). */
export type TextField<S> = Exclude<{
    [K in keyof S]-?: S[K] extends string | undefined ? K : never;
}[keyof S], "type">;
/**
 * A field of the operation's auth with its `{{variables}}` filled in; `given` (a client option's
 * part), where passed, wins. Every credential and setting a signer reads comes through here, so half
 * a character is refused here, naming the field (`the oauth1 consumerSecret`). A field that a
 * client option gives (its caller passes `given`, even undefined) names that option in the error of
 * a variable without a value: `name`, else the option named as the auth's type (AuthOptions' `hawk`,
 * `oauth1`), `aws` for awsv4.
 */
export declare function authValue<S extends AuthSpec>(op: CallSpec, auth: S, field: TextField<S>, lookup: Lookup, ...option: [given?: string, name?: keyof AuthOptions]): string | undefined;
/**
 * A signer's credential, by its parts as `option` names them (Hawk's `id` and `key`): with none of
 * them, or only some, the call is refused before anything is sent (auth.ts's noCredential, naming
 * the parts missing where some are there), rather than sent unsigned; not when the caller sends the
 * auth's header itself (`sent`): then the request goes as it is. (`option` given as `null` is
 * asked before, auth.ts's `declined`: the collection's parts are not read.) A part there but empty
 * (a variable set to "") is the caller's choice, as a bearer token of "" is: the signer sends the
 * request unsigned. The error's `parts` are those missing, whose flags the command line names.
 */
export declare function needCredential(op: CallSpec, option: CredentialOption, parts: Record<string, string | undefined>, sent: boolean): void;
/**
 * Sets a header the signer computed; one fetch cannot send is refused naming it, never quoting it.
 * It also says how an error reads what the request sent: sent-secrets.ts's `schemeSecrets`.
 */
export declare function setAuthHeader(op: CallSpec, request: BuiltRequest, name: string, value: string, what: string): void;
export declare function refuse(op: CallSpec, message: string): never;
/**
 * The body's bytes as they will be sent, and the media type they go with. Each body is pinned so
 * that what is signed is what is sent: a form's multipart encoding (whose boundary fetch would
 * choose) becomes bytes with their Content-Type, and the type fetch would give text or a urlencoded
 * body is set. Signers replace a body, never change one: a retry signs the original again.
 */
export declare function bodyBytes(request: BuiltRequest): Promise<{
    bytes: Uint8Array;
    contentType: string | undefined;
}>;
/** Seconds since the epoch, as text. */
export declare function unixTime(): string;
/**
 * A PEM private key for WebCrypto: PKCS #8 (`BEGIN PRIVATE KEY`) as it is, PKCS #1
 * (`BEGIN RSA PRIVATE KEY`) wrapped into PKCS #8, which is all WebCrypto imports. The message of a
 * refusal names the key's owner (`what`), never its text.
 */
export declare function importPrivateKey(op: CallSpec, pem: string, algorithm: Parameters<typeof crypto.subtle.importKey>[2], what: string): Promise<Awaited<ReturnType<typeof crypto.subtle.importKey>>>;
export {};
