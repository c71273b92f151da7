import type { CommandLine } from "./types.js";
export interface EnvironmentNames {
    /** The base URL's (`--base-url`). */
    readonly baseUrl: string;
    /** By credential flag, as it is written without its dashes (`token`). */
    readonly credentials: ReadonlyMap<string, string>;
    /** By `{{variable}}`, for those the command line reads from the environment. */
    readonly variables: ReadonlyMap<string, string>;
}
type Source = Pick<CommandLine, "envPrefix" | "operations" | "secretVariables">;
/** The environment variables of a package's command line (see above). */
export declare function environmentNames(cli: Source): EnvironmentNames;
export {};
