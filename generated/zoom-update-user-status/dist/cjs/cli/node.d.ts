import type { CommandLine } from "./types.js";
/** Runs the command line with the process's arguments and sets the exit code; stdout is flushed before exit. */
export declare function main(cli: CommandLine): Promise<void>;
