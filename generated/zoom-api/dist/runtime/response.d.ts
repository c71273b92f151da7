import { type ApiError } from "./errors.js";
import type { CallSpec } from "./spec.js";
/**
 * JSON by the response's content type (an `Unparsed` for a 2xx whose JSON does not parse); a Blob
 * for a 2xx of a binary type (isBinaryType); text otherwise; `undefined` when there is no body. Without a
 * body stream to cancel (most such answers, a 204) that is known at once: no promise, so the call
 * awaits nothing for it.
 */
export declare function readBody(response: Response, method: string): Promise<unknown> | undefined;
/**
 * How an answer's text is decoded: in the charset its content type names when TextDecoder knows
 * it, else UTF-8 (all that response.text() reads). exec reads null as "null", which names none.
 * One rule for the client and for the command line, which decodes a text answer as it streams.
 */
export declare function textDecoder(contentType: string | null): InstanceType<typeof TextDecoder>;
/**
 * The text of a 2xx that its content type says is JSON and that does not parse (see readText). A
 * class of its own, though a String object would cost every bundle a few bytes fewer: the query
 * feature marks its values with those, and `instanceof String` in a bundle is how
 * test/browser/tree-shaking.test.ts finds that feature's code.
 */
export declare class Unparsed {
    readonly text: string;
    constructor(text: string);
}
/** Answers that carry no body whatever their headers say (HEAD, 204 No Content, 205 Reset Content, 304 Not Modified). */
export declare function hasNoBody(status: number, method: string): boolean;
/**
 * The error of an answer outside 2xx, or of a 2xx whose JSON does not parse (`raw` an `Unparsed`:
 * a ResponseParseError). `secrets`: what the call sent as credentials, masked
 * in the body (and so in the message taken from it), as servers echo what they got.
 */
export declare function toApiError(op: CallSpec, response: Response, raw: unknown, secrets?: readonly string[]): ApiError;
/**
 * The API's code and own words in an error's body, at the top (`code`, `message`; Plaid's
 * `error_code`, `error_message`; OAuth's `error_description`; RFC 9457's `detail` then `title`),
 * else in `{ error: { … } }` (Microsoft Graph's, the Postman API's) or `{ errors: [{ … }] }`
 * (Twitter's). One rule for the error's message and the command line's `message:` line.
 */
export declare function apiWords(body: unknown): {
    code: number | string | undefined;
    message: string | undefined;
};
/**
 * Content types of bytes rather than text (`application/octet-stream`, images, audio, video, PDF,
 * ZIP): a 2xx of one resolves with a Blob (so its examples are typed `Blob`), and the mocks read a
 * request body of one as a Blob. One rule for all of them.
 */
export declare function isBinaryType(contentType: string | null | undefined): boolean;
/** `application/json`, `text/json`, `application/problem+json`, … with or without parameters. */
export declare function isJson(contentType: string | null | undefined): boolean;
