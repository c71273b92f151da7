import type { ArgSpec, OperationSpec } from "../runtime/spec.js";
import type { CredentialFlag } from "./credentials.js";
import type { EnvironmentNames } from "./environment-names.js";
import type { ArgFlag, CommandNode } from "./names.js";
import type { ValueKind } from "./types.js";
/** Lines of `name  description`, the names padded to one column (at most 32 wide). */
export declare function columns(rows: ReadonlyArray<readonly [string, string]>, indent?: string): string;
/** Help of a namespace (the root included): what is under it. */
export declare function namespaceHelp(name: string, title: string, node: CommandNode, operationsUnder: (node: CommandNode) => number, globals: string): string;
/** What a flag's value is, as its help writes it: what `readingOf` reads it as. */
export declare function valueLabel(op: OperationSpec, spec: ArgSpec, kind: ValueKind | undefined): string;
/**
 * What a flag gives, as its help and the missing-flags error alike name it: `path variable "userId"`,
 * `body field "note"`; a raw, binary or GraphQL body's one argument is the body itself, which the
 * collection calls nothing (its key `body` is ours), so `the request's raw body`.
 */
export declare function argPlace(op: OperationSpec, spec: ArgSpec): string;
/**
 * One argument's lines of help. The default of one whose name says it holds a credential (`secret`:
 * curl.ts's namesSecret) is masked, as a dry run masks its value: help is pasted anywhere too.
 */
export declare function argLine(op: OperationSpec, flag: ArgFlag, repeatable: boolean, secret?: boolean): [string, string];
export interface CommandHelpInput {
    readonly path: string;
    readonly op: OperationSpec;
    readonly description: string | undefined;
    readonly args: ReadonlyArray<readonly [string, string]>;
    readonly bodyFlag: boolean;
    readonly credentials: readonly CredentialFlag[];
    readonly environmentNames: EnvironmentNames;
    /** The `{{variables}}` it reads from environment variables too: the auth's and the secret ones. */
    readonly environmentVariables: readonly string[];
    readonly globals: string;
}
/** Help of a command. */
export declare function commandHelp(input: CommandHelpInput): string;
