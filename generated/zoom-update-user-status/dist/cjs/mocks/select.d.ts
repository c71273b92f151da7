import type { MockExample, MockRequestBody } from "./types.js";
/** What selection reads of a request. */
export interface SelectRequest {
    readonly headers: Headers;
    readonly query: URLSearchParams;
    /** The request body as the mock parsed it (see `readBody` in mock.ts). */
    readonly body: unknown;
}
export type Selection = {
    readonly example: MockExample;
} | {
    readonly problem: string;
};
export declare const RESPONSE_ID = "x-mock-response-id";
export declare const RESPONSE_NAME = "x-mock-response-name";
export declare const RESPONSE_CODE = "x-mock-response-code";
export declare const MATCH_BODY = "x-mock-match-request-body";
/** `status`, when given, stands for `x-mock-response-code` (an override's status). */
export declare function selectExample(examples: readonly MockExample[], request: SelectRequest, status?: number): Selection;
/** The request body as sent (see mock.ts) against the one saved: JSON by meaning, forms as pairs, text trimmed. */
export declare function bodyMatches(saved: MockRequestBody | undefined, sent: unknown): boolean;
export declare function equalJson(a: unknown, b: unknown): boolean;
