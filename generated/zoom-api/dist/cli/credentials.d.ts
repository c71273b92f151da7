import type { AuthOptions } from "../runtime/auth.js";
import type { AuthSpec, OperationSpec } from "../runtime/spec.js";
type AuthType = AuthSpec["type"];
export interface CredentialFlag {
    readonly flag: string;
    readonly description: string;
    /** The auth types that take it. */
    readonly types: readonly AuthType[];
    /** Whether an auth of those types takes it, by its settings (a signature method, an algorithm, a grant); absent: always. */
    readonly when?: (auth: AuthSpec) => boolean;
    /** Not a secret (a user name, a client id): still never printed by the command line itself. */
    readonly public?: boolean;
    /** The fields of those auth types' specs it takes the place of (`token`, `clientSecret`). */
    readonly fields: readonly string[];
    /**
     * The part of the client option it gives, as the option names it (`hawk: { key }`: `key`), the
     * same under each option that takes it; absent for an option that is the credential (`token`).
     * A refusal naming the parts missing (ValidationError's `parts`) names their flags by it.
     */
    readonly part?: string;
}
/** Every credential flag, in the order help lists them. */
export declare const CREDENTIAL_FLAGS: readonly CredentialFlag[];
/** Whether an auth takes a credential flag: by its type, and by its settings. */
export declare function takesFlag(flag: CredentialFlag, auth: AuthSpec | undefined): boolean;
/**
 * The credential flags that give what `{{variable}}` stands for in the operations' auth (a token, a
 * key the collection wrote out): the flag of each field whose value refers to it.
 */
export declare function flagsGiving(operations: readonly OperationSpec[], variable: string): string[];
/** The credential flags that the operations' auth takes. */
export declare function credentialFlags(operations: readonly OperationSpec[]): CredentialFlag[];
/**
 * The `{{variables}}` an operation's auth refers to (its credentials where the collection keeps
 * them in variables); `secret`: only those in settings that hold secrets.
 */
export declare function authVariables(op: OperationSpec, secret?: boolean): string[];
/**
 * The `{{variables}}` an operation takes from environment variables as well as from `--variable`:
 * its auth's, and every secret one (a flag is seen by other users of the machine; the environment
 * is not). `secretVariables` is the package's list (CommandLine.secretVariables).
 */
export declare function environmentVariables(op: OperationSpec, secretVariables?: readonly string[]): string[];
/** The `{{variables}}` that the strings of a value refer to, at any depth, in order. */
export declare function variablesIn(value: unknown, names?: Set<string>): Set<string>;
/** The `{{variables}}` an operation's own values refer to: its base, path, arguments' defaults, variables and auth. */
export declare function referencedVariables(op: {
    readonly base?: string | undefined;
    readonly path: string;
    readonly args: ReadonlyArray<{
        readonly default?: unknown;
    }>;
    readonly variables?: unknown;
    readonly auth?: unknown;
}): string[];
/** The client's auth options for an operation, from the credentials given. */
export declare function authOptions(op: Pick<OperationSpec, "auth">, given: ReadonlyMap<string, string>): AuthOptions;
/** Which credentials an auth type needs together, for the message when only some are given. */
export declare const CREDENTIAL_SETS: Partial<Record<AuthType, readonly string[]>>;
export {};
