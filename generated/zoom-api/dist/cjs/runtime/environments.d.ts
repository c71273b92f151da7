import type { Environments } from "./core.js";
import type { EnvironmentSpec } from "./spec.js";
/**
 * The scope of the environment the options name (checked when the client is made: plain
 * JavaScript may name any), or of none; `secrets` are the globals' (asked for in `variables`).
 */
export declare function environmentScopes(environments: Readonly<Record<string, EnvironmentSpec>>, secrets?: readonly string[]): Environments;
