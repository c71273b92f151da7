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
}
/** Every credential flag, in the order help lists them. */
export declare const CREDENTIAL_FLAGS: readonly CredentialFlag[];
/** Whether an auth takes a credential flag: by its type, and by its settings. */
export declare function takesFlag(flag: CredentialFlag, auth: AuthSpec | undefined): boolean;
/** The credential flags that the operations' auth takes. */
export declare function credentialFlags(operations: readonly OperationSpec[]): CredentialFlag[];
/**
 * The `{{variables}}` an operation's auth refers to (its credentials where the collection keeps
 * them in variables); `secret`: only those in settings that hold secrets.
 */
export declare function authVariables(op: OperationSpec, secret?: boolean): string[];
/** The client's auth options for an operation, from the credentials given. */
export declare function authOptions(op: OperationSpec, given: ReadonlyMap<string, string>): AuthOptions;
/** Which credentials an auth type needs together, for the message when only some are given. */
export declare const CREDENTIAL_SETS: Partial<Record<AuthType, readonly string[]>>;
export {};
