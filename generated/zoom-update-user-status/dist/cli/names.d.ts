import type { ArgSpec, OperationSpec } from "../runtime/spec.js";
import type { ArgHelp, OperationHelp } from "./types.js";
/** `updateUserStatus` → `update-user-status`, `page_size` → `page-size`, `h323Devices` → `h323-devices`. */
export declare function kebab(name: string): string;
/**
 * The known name nearest a mistyped one, when it is near enough to be a typo of it (`isNear`),
 * else the one name that a name cut short begins (`env` for `environment`, as other tools spell
 * it; three characters at least, and no guess when it begins two names). Undefined when none is.
 */
export declare function nearest(typed: string, names: Iterable<string>): string | undefined;
/** ` (did you mean --page-size?)` after an unknown name near a known one, else nothing. */
export declare function didYouMean(typed: string, names: Iterable<string>, prefix?: string): string;
/**
 * The single-character insertions, deletions, substitutions and swaps of two neighbours from a to
 * b (optimal string alignment). A swap is one edit, as it is one slip of the fingers: counted as
 * two, `--prot` was too far from `--port` for a word that short. Here, in a module every package
 * ships, for the generator's own "did you mean" too (src/usage.ts, an include pattern that matches
 * nothing): one judge of a typo for both command lines.
 */
export declare function editDistance(a: string, b: string): number;
/** Near enough to be a typo of it: a third of the typed word's characters wrong, at least one. */
export declare function isNear(distance: number, typed: string): boolean;
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
