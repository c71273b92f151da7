import { ApiClientError } from "./errors.js";
import type { CallSpec } from "./spec.js";
/**
 * A shape as the check reads it: a kind, an array of items (`null`: items never seen), a union, an
 * object's properties (`[key, shape]`, or `[key, shape, 1]` when optional) with the shape of the
 * values under other keys for a map, or the name of a shared shape.
 */
export type Check = "string" | "number" | "boolean" | "null" | "unknown" | {
    readonly array: Check | null;
} | {
    readonly union: readonly Check[];
} | {
    readonly object: ReadonlyArray<readonly [string, Check] | readonly [string, Check, 1]>;
    readonly index?: Check;
} | {
    readonly ref: string;
};
/** The package's shapes: by operation (`getUser`) and status, and the shared ones by name. */
export interface ChecksTable {
    /** By `checksKey` of the operation, then by status. */
    readonly operations: Readonly<Record<string, Readonly<Record<string, Check>>>>;
    readonly shapes: Readonly<Record<string, Check>>;
}
/**
 * An operation's key in `ChecksTable.operations`: the emitter writes the table by it, `verify` reads
 * it. Its name, unique in its package: what a call's spec holds (its namespace only documents it,
 * and stays out of a one-operation bundle).
 */
export declare function checksKey(op: {
    readonly name: string;
}): string;
/** Where a 2xx body differs from its inferred type: a path (`$.owner.login`) and kinds, no value. */
export interface TypeMismatch {
    /** The operation's name, as its errors give it. */
    operation: string;
    status: number;
    /** `$` for the body, `$.owner.login`, `$.labels[0]`, `$["First Name"]`. */
    path: string;
    /** The inferred type's kind there: `string`, `number | null`, `object`, … */
    expected: string;
    /** What the body has there: `string`, `number`, `boolean`, `null`, `array`, `object`, `missing`. */
    received: string;
}
/**
 * The package's `responseChecks`: its inferred types, and the check that reads them, which does
 * nothing unless `options.responseCheck` asks for it (the core calls it for every success).
 */
export interface ResponseChecks {
    readonly table: ChecksTable;
    verify(table: ChecksTable, op: CallSpec, status: number, body: unknown, options: CheckOptions): void;
}
export interface CheckOptions {
    responseCheck?: "warn" | "throw" | undefined;
    onTypeMismatch?: ((mismatch: TypeMismatch) => void) | undefined;
}
/** A 2xx body that differs from the type inferred from the examples, with `responseCheck: "throw"`. */
export declare class ResponseTypeError extends ApiClientError {
    readonly operation: string;
    readonly status: number;
    /** Every difference found (at most 20), each a path and kinds. */
    readonly mismatches: readonly TypeMismatch[];
    constructor(mismatches: readonly TypeMismatch[]);
}
/**
 * Checks a 2xx body of an operation, when the package has its shape: each mismatch goes to
 * `onTypeMismatch` (else `console.warn`, paths and kinds only); with `"throw"`, the call rejects
 * with a ResponseTypeError.
 */
export declare function verifyResponse(table: ChecksTable, op: CallSpec, status: number, body: unknown, options: CheckOptions): void;
