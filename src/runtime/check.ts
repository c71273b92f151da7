// The report mode (`createClient({ responseCheck })`): each 2xx JSON body checked against the type
// inferred from the collection's examples, so that traffic shows where the examples were wrong.
// Off by default. The shapes are compact data in the package's `checks` module, exported as
// `responseChecks` with this checker: only code that checks imports it, so other bundles leave
// both out (the package has no side effects).
// A mismatch names a path and two kinds, never a value of the body.
import { ApiClientError } from "./errors.js";
import type { CallSpec } from "./spec.js";

/**
 * A shape as the check reads it: a kind, an array of items (`null`: items never seen), a union, an
 * object's properties (`[key, shape]`, or `[key, shape, 1]` when optional) with the shape of the
 * values under other keys for a map, or the name of a shared shape.
 */
export type Check =
  | "string"
  | "number"
  | "boolean"
  | "null"
  | "unknown"
  | { readonly array: Check | null }
  | { readonly union: readonly Check[] }
  | { readonly object: ReadonlyArray<readonly [string, Check] | readonly [string, Check, 1]>; readonly index?: Check }
  | { readonly ref: string };

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
export function checksKey(op: { readonly name: string }): string {
  return op.name;
}

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
export class ResponseTypeError extends ApiClientError {
  declare readonly operation: string;
  declare readonly status: number;
  /** Every difference found (at most 20), each a path and kinds. */
  declare readonly mismatches: readonly TypeMismatch[];

  constructor(mismatches: readonly TypeMismatch[]) {
    const first = mismatches[0]!;
    const more = mismatches.length > 1 ? ` (and ${mismatches.length - 1} more)` : "";
    super(
      `${first.operation}: the ${first.status} body differs from the type inferred from the collection's examples: ${first.path} is ${first.received}, expected ${first.expected}${more}`,
    );
    this.operation = first.operation;
    this.status = first.status;
    this.mismatches = mismatches;
  }
}
// Marked as errors.ts marks its classes, so that `instanceof` holds across copies of the package.
{
  const mark = Symbol.for("postman-codegen:ResponseTypeError");
  (ResponseTypeError.prototype as unknown as Record<symbol, boolean>)[mark] = true;
  Object.defineProperty(ResponseTypeError.prototype, "name", {
    value: "ResponseTypeError",
    writable: true,
    configurable: true,
  });
  Object.defineProperty(ResponseTypeError, Symbol.hasInstance, {
    value(this: { prototype: object }, value: unknown): boolean {
      return this === ResponseTypeError ? mark in Object(value) : this.prototype.isPrototypeOf(value as object);
    },
  });
}

const MAX_MISMATCHES = 20;

/**
 * Checks a 2xx body of an operation, when the package has its shape: each mismatch goes to
 * `onTypeMismatch` (else `console.warn`, paths and kinds only); with `"throw"`, the call rejects
 * with a ResponseTypeError.
 */
export function verifyResponse(
  table: ChecksTable,
  op: CallSpec,
  status: number,
  body: unknown,
  options: CheckOptions,
): void {
  if (!options.responseCheck) return;
  const check = table.operations[checksKey(op)]?.[String(status)];
  if (check === undefined) return;
  const found: TypeMismatch[] = [];
  visit(table, check, body, "$", (path, expected, received) =>
    found.push({ operation: op.name, status, path, expected, received }),
  );
  if (!found.length) return;
  for (const mismatch of found) {
    if (options.onTypeMismatch) options.onTypeMismatch(mismatch);
    else if (options.responseCheck === "warn")
      console.warn(
        `${mismatch.operation}: ${mismatch.path} is ${mismatch.received}, expected ${mismatch.expected} (the type inferred from the examples)`,
      );
  }
  if (options.responseCheck === "throw") throw new ResponseTypeError(found);
}

type Report = (path: string, expected: string, received: string) => void;

/** Whether the value fits; each difference reported (up to MAX_MISMATCHES) at its path. */
function visit(
  table: ChecksTable,
  check: Check,
  value: unknown,
  path: string,
  report: Report,
  budget = { left: MAX_MISMATCHES },
): boolean {
  const fail = (expected: string, received: string) => {
    if (budget.left > 0) {
      budget.left--;
      report(path, expected, received);
    }
    return false;
  };
  if (typeof check === "string") {
    if (check === "unknown" || kindOf(value) === check) return true;
    return fail(check, kindOf(value));
  }
  if ("ref" in check) {
    const shape = table.shapes[check.ref];
    return shape === undefined || visit(table, shape, value, path, report, budget);
  }
  if ("union" in check) {
    // A member that fits, silently; else one difference here, the members' kinds expected.
    if (check.union.some((member) => visit(table, member, value, path, () => undefined, { left: 0 }))) return true;
    return fail([...new Set(check.union.map((member) => describe(table, member)))].join(" | "), kindOf(value));
  }
  if ("array" in check) {
    if (!Array.isArray(value)) return fail("array", kindOf(value));
    let ok = true;
    if (check.array !== null)
      value.forEach((item, i) => (ok = visit(table, check.array!, item, `${path}[${i}]`, report, budget) && ok));
    return ok;
  }
  if (kindOf(value) !== "object") return fail("object", kindOf(value));
  const object = value as Record<string, unknown>;
  let ok = true;
  const named = new Set<string>();
  for (const [key, shape, optional] of check.object) {
    named.add(key);
    const at = `${path}${member(key)}`;
    if (!Object.prototype.hasOwnProperty.call(object, key)) {
      if (!optional) {
        ok = false;
        if (budget.left > 0) {
          budget.left--;
          report(at, describe(table, shape), "missing");
        }
      }
      continue;
    }
    ok = visit(table, shape, object[key], at, report, budget) && ok;
  }
  if (check.index !== undefined) {
    // A map's keys are data (emails, ids, file names): its entries are all `[*]`, so that no key
    // of the body reaches a report.
    for (const key of Object.keys(object))
      if (!named.has(key)) ok = visit(table, check.index, object[key], `${path}[*]`, report, budget) && ok;
  }
  return ok;
}

function describe(table: ChecksTable, check: Check): string {
  if (typeof check === "string") return check;
  if ("ref" in check)
    return table.shapes[check.ref] === undefined ? "unknown" : describe(table, table.shapes[check.ref]!);
  if ("union" in check) return [...new Set(check.union.map((member) => describe(table, member)))].join(" | ");
  return "array" in check ? "array" : "object";
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (value === undefined) return "missing";
  return typeof value;
}

function member(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
