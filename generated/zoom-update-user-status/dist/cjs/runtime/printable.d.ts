/**
 * The marks that reorder text (a character class's body): bidi marks, embeddings, overrides and
 * isolates. Emitted code escapes them in its strings (emit/literals.ts).
 */
export declare const REORDERING = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
/**
 * The text without the characters above, or with each replaced by `replacement` (a function: by
 * what it makes of each, as the command line's `--json` escapes them, `\u009b`, keeping the text).
 */
export declare function printable(text: string, replacement?: string | ((char: string) => string)): string;
