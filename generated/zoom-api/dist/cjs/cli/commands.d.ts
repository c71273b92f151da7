import type { CommandLine, OperationHelp } from "./types.js";
/** What the command line shows of each operation beyond its spec: descriptions and value types. */
export declare const operationHelp: readonly OperationHelp[];
/** The `zoom-api` command: every operation of the client from the command line. */
export declare const commandLine: CommandLine;
