/** A request as fetch was given it. */
export interface CapturedRequest {
    readonly url: string;
    readonly method: string;
    readonly headers: Headers;
    readonly body: unknown;
}
export declare const MASK = "***";
export interface CurlContext {
    /** Secret values to mask wherever they appear (the credentials given). */
    readonly secrets: readonly string[];
    /** Header and query names an operation's auth puts its key in (an API key named `X-Org`). */
    readonly secretNames: readonly string[];
    /** The path each uploaded file came from (`@path` in the command), `-` for stdin. */
    readonly files: ReadonlyMap<Blob, string>;
}
/** A POSIX shell word: single-quoted unless it is plainly safe. */
export declare function shellQuote(text: string): string;
/** Every secret value replaced by the mask, as written and percent-encoded. */
export declare function redact(text: string, secrets: readonly string[]): string;
export declare function toCurl(request: CapturedRequest, context: CurlContext): string;
