import type { Environments } from "./core.js";
import type { EnvironmentSpec } from "./spec.js";
/**
 * ` ("a", "b" have it empty)` of the environments that hold a variable empty, each name as `quote`
 * writes it, or nothing: the error's message and the command line's line (which quotes for a
 * shell) say it alike.
 */
export declare function emptyIn(empty: readonly string[], quote: (name: string) => string): string;
/**
 * Whether an environment holds a variable's value back from the package: a secret, or a value it
 * could not encode. The caller must give it; no value below the environment is taken (the client's
 * lookup, and the mocks' as it).
 */
export declare function withheld(environment: EnvironmentSpec, variable: string): boolean;
/**
 * The scope of the environment the options name (checked when the client is made: plain
 * JavaScript may name any), or of none; `secrets` are the globals' (asked for in `variables`).
 */
export declare function environmentScopes(environments: Readonly<Record<string, EnvironmentSpec>>, secrets?: readonly string[]): Environments;
/**
 * The environment a name chooses: one rule for the client's `environment` option, the mocks' (as
 * createClient takes it) and the mock server's `-e <name>`, so that a name one takes the others
 * take, and one refusal. Names are matched as written, case included: they are the `environment`
 * option's type (a union of the names), so TypeScript refuses `"staging"` for `"Staging"` however
 * the client would take it, and Postman may hold both. A name there is none of is refused with the
 * one meant and the names there are (`theirs`: whose they are, "the collection's"), or `none`
 * where there are none; `refuse` makes the caller's error of that message.
 */
export declare function namedEnvironment<T>(environments: Readonly<Record<string, T>>, name: string, owner: {
    readonly theirs: string;
    readonly none: string;
}, refuse: (message: string) => Error): T;
