/** A mistake in how the command was called: exit code 2, with the message and a pointer to --help. */
export declare class UsageError extends Error {
    readonly name: string;
}
export interface FlagDef {
    /** Takes a value (`--name value` or `--name=value`); else a switch, `--name`, `--name=true|false`. */
    readonly takesValue: boolean;
    /** Names a credential: a refusal does not quote back what it was given. */
    readonly secret?: boolean;
}
/** What was given, by the name each flag was defined under (aliases are resolved to it). */
export type Given = Map<string, string[]>;
/**
 * Reads `words` as flags of `defs` (by every name each answers to). A switch is `"true"` or
 * `"false"`; `--name false` and `--name true` are read as a switch's value too.
 */
export declare function readFlags(words: readonly string[], defs: ReadonlyMap<string, {
    name: string;
    def: FlagDef;
}>, into?: Given): Given;
/** A short flag (`-t`), or one with its value attached (`-tSECRET`); `-h` is help, `-5` a number. */
export declare function isShortFlag(word: string): boolean;
/**
 * The refusal of a short flag: by its letter alone, as what follows it may be a value attached to
 * it (`-tSECRET`, a token meant for `--token`).
 */
export declare function shortFlagRefused(word: string): string;
/**
 * The refusal of a word after `flag` (as typed: `--token=`, `--show-secret`), a credential's
 * flag given no value or a switch: the word is not quoted, as it may be the secret meant for it.
 */
export declare function strayAfterSecret(flag: string): string;
/** The one value of a flag that takes one, or undefined; refused when given more than once. */
export declare function single(given: Given, name: string): string | undefined;
/** A switch's state: the last one given wins (`--include --no-include` is off). */
export declare function isOn(given: Given, name: string): boolean;
