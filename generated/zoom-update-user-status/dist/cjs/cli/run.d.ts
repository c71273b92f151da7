import type { OperationSpec } from "../runtime/spec.js";
import { type CredentialFlag } from "./credentials.js";
import { type ArgFlag } from "./names.js";
import type { CommandLine, Host, OperationHelp } from "./types.js";
/**
 * The command of an operation as the command line reads it: its words after the command's name,
 * and its flags (the global and credential flags come first, so an argument never takes theirs).
 */
export declare function commandOf(operations: readonly OperationSpec[], op: OperationSpec, help: OperationHelp | undefined, environments?: readonly string[]): {
    words: string[];
    flags: ArgFlag[];
    bodyFlag: boolean;
};
/** Runs the command line; resolves with the exit code. Never throws. */
export declare function runCommandLine(cli: CommandLine, host: Host): Promise<number>;
export type { CommandLine, Host, OperationHelp, CredentialFlag };
