import { type Lookup } from "./template.js";
import type { OperationSpec } from "./spec.js";
/** The bodies the client sends: all of them replayable, none of them a stream. */
export type RequestBody = FormData | URLSearchParams | Blob | string;
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
    baseUrls: Readonly<Record<string, string>>;
    lookup: Lookup;
}
export declare function buildRequest(op: OperationSpec, args: unknown, context: RequestContext): BuiltRequest;
