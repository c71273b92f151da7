import { type HeaderArgSender } from "./request.js";
import type { ArgSpec, CallSpec } from "./spec.js";
/** An HTTP field name (RFC 9110 token): what a header's name must be, filled or written. */
export declare const HEADER_NAME: RegExp;
/** Whether an argument is a header whose name refers to variables: its operation needs `sendNamedHeaderArg`. */
export declare function namedByVariables(spec: ArgSpec): boolean;
/**
 * Adds a header argument's value under its name (`nameOf`): the first argument of a name that has a
 * value replaces the client's header, the next add to it, as Postman sends the entries of one name.
 */
export declare function appendHeaderArg(op: CallSpec, headers: Headers, values: ReadonlyMap<ArgSpec, unknown>, spec: ArgSpec, nameOf: (spec: ArgSpec) => string): void;
/**
 * Sends a header argument whose name may refer to variables, filled as a value is (the call's
 * variables, the client's, the environment's, the collection's), as newman sends it; a name that
 * is none once filled is refused, as newman refuses to send it. Entries that come to one name are
 * sent as one header, as Postman sends them.
 */
export declare const sendNamedHeaderArg: HeaderArgSender;
