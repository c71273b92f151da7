/** A request as fetch was given it. */
export interface CapturedRequest {
    readonly url: string;
    readonly method: string;
    readonly headers: Headers;
    readonly body: unknown;
}
export interface CurlContext {
    /** Secret values to mask wherever they appear (the credentials given). */
    readonly secrets: readonly string[];
    /** The generator's credential words (`CommandLine.credentialWords`, `credentialLastWords`): names holding one are masked. */
    readonly credentialWords: readonly string[];
    readonly credentialLastWords: readonly string[];
    /**
     * Names whose values are secrets here whatever they are called: the header or query parameter an
     * operation's auth puts its key in (an API key named `X-Org`), the headers, parameters and fields
     * the collection fills from a secret variable.
     */
    readonly secretNames: readonly string[];
    /** The path each uploaded file came from (`@path` in the command), `-` for stdin. */
    readonly files: ReadonlyMap<Blob, string>;
}
/** A POSIX shell word: single-quoted unless it is plainly safe. */
export declare function shellQuote(text: string): string;
/** Every secret value replaced by the mask, in each of its forms. */
export declare function redact(text: string, secrets: readonly string[]): string;
export declare function toCurl(request: CapturedRequest, context: CurlContext): string;
/**
 * JSON text (an object or an array) with the value of every key that names a secret masked, at any
 * depth, and everything below it, and every string that `holds` a secret; the rest exactly as
 * written (a number is not re-printed, so none loses its digits). Undefined when it is not JSON.
 */
export declare function maskJson(text: string, secretKey: (name: string) => boolean, holds?: (value: string) => boolean): string | undefined;
