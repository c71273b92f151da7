import type { ArgSpec, OperationSpec } from "../runtime/spec.js";
import type { ArgHelp, OperationHelp } from "./types.js";
export { didYouMean, editDistance, isNear, kebab, nearest } from "../runtime/did-you-mean.js";
/** `ZOOM_API` from `zoom-api`, `@acme/zoom` → `ACME_ZOOM`: the prefix of the environment variables. */
export declare function envName(...parts: string[]): string;
/** One flag of an operation: the argument it sets, its name, and the other names it answers to. */
export interface ArgFlag {
    readonly flag: string;
    /** The collection's key and the argument's key, where they differ from `flag` and are free. */
    readonly aliases: readonly string[];
    readonly spec: ArgSpec;
    readonly help: ArgHelp | undefined;
}
/**
 * The flags of an operation's arguments. Each is its key in kebab case; one that a global flag or
 * an earlier argument has is prefixed with its place (`--query-timeout`, `--body-id`), then numbered.
 * The collection's own key and the argument's key are accepted too where no flag has them.
 */
export declare function argFlags(op: OperationSpec, help: OperationHelp | undefined, reserved: ReadonlySet<string>): ArgFlag[];
/** A node of the command tree: a namespace with its namespaces and commands. */
export interface CommandNode {
    /** The words that reach it (`["users", "user-id"]`). */
    readonly words: readonly string[];
    /** The Postman folders it stands for, when it is one. */
    readonly folder: readonly string[];
    readonly namespaces: Map<string, CommandNode>;
    readonly commands: Map<string, OperationSpec>;
    /** The namespaces by the client's name (`userId`). */
    readonly byName: Map<string, CommandNode>;
}
/** The client method's name of an operation (`name` is unique in the package, the method only in its namespace). */
export declare function memberName(op: OperationSpec): string;
/** The tree of namespaces and commands, in the client's order; a word taken twice keeps the client's name the second time. */
export declare function commandTree(operations: readonly OperationSpec[]): CommandNode;
