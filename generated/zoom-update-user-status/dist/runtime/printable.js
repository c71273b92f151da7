// Text from a collection or an API, made safe to show: in a terminal (the diff, `--verbose`, the
// mock server's log, a package's command line) and in the files people read (README, CHANGELOG,
// JSDoc). The generator and the copied command-line machinery both use this one rule.
/**
 * The marks that reorder text (a character class's body): bidi marks, embeddings, overrides and
 * isolates. Emitted code escapes them in its strings (emit/literals.ts).
 */
export const REORDERING = "\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069";
/**
 * C0 controls but tab and line feed (an escape sequence would drive the terminal: retitle it,
 * clear it, colour what follows), DEL, C1 controls, and the marks that reorder text (bidi
 * embeddings, overrides, isolates and marks: what is shown would not be what is there).
 */
const UNPRINTABLE = new RegExp(`[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f${REORDERING}]`, "g");
/**
 * The text without the characters above, or with each replaced by `replacement` (a function: by
 * what it makes of each, as the command line's `--json` escapes them, `\u009b`, keeping the text).
 */
export function printable(text, replacement = "") {
    // replace takes either; TypeScript's overloads take a union of the two in neither.
    return text.replace(UNPRINTABLE, replacement);
}
