"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.UsageError = void 0;
exports.readFlags = readFlags;
exports.isShortFlag = isShortFlag;
exports.shortFlagRefused = shortFlagRefused;
exports.strayAfterSecret = strayAfterSecret;
exports.single = single;
exports.isOn = isOn;
// The words after a command: flags and their values, read by what each flag takes. Hand-written
// rather than node:util's parseArgs, so that a boolean flag also takes `=false`, a flag may be
// named as the collection writes its key (`--userId`), and every refusal names the flag.
const names_js_1 = require("./names.js");
/** A mistake in how the command was called: exit code 2, with the message and a pointer to --help. */
class UsageError extends Error {
    name = "UsageError";
}
exports.UsageError = UsageError;
/**
 * Reads `words` as flags of `defs` (by every name each answers to). A switch is `"true"` or
 * `"false"`; `--name false` and `--name true` are read as a switch's value too.
 */
function readFlags(words, defs, into = new Map()) {
    // A stray word right after a credential's switch, or after its flag given `=` and nothing
    // (`--token= abc`, a space too many), may be the value meant for it: not quoted back.
    let afterSecret;
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        const strayMayBeSecret = afterSecret;
        afterSecret = undefined;
        if (word === "-h") {
            add(into, "help", "true");
            continue;
        }
        if (isShortFlag(word))
            throw new UsageError(shortFlagRefused(word));
        if (!word.startsWith("--") || word === "--")
            throw new UsageError(strayMayBeSecret === undefined
                ? `unexpected ${JSON.stringify(word)}: give values with flags (--name value)`
                : strayAfterSecret(strayMayBeSecret));
        const eq = word.indexOf("=");
        const written = word.slice(2, eq < 0 ? undefined : eq);
        let inline = eq < 0 ? undefined : word.slice(eq + 1);
        let found = defs.get(written);
        // `--no-include` turns a switch off.
        if (!found && written.startsWith("no-") && inline === undefined) {
            const negated = defs.get(written.slice(3));
            if (negated && !negated.def.takesValue) {
                found = negated;
                inline = "false";
            }
        }
        if (!found)
            throw new UsageError(`unknown flag --${written}${(0, names_js_1.didYouMean)(written, defs.keys(), "--")}`);
        const { name, def } = found;
        if (def.takesValue) {
            if (inline === undefined) {
                if (i + 1 >= words.length)
                    throw new UsageError(`--${written} needs a value`);
                const next = words[i + 1];
                // A flag where the value goes (`--user-id --dry-run`, the value forgotten): read as the
                // value, that flag would be lost, and a request meant as a dry run sent. A word that names
                // no flag may be what a credential's flag was given: not quoted back.
                if (next.startsWith("--") && next !== "--") {
                    const flag = next.slice(2).split("=")[0];
                    const named = defs.has(flag) || defs.get(flag.replace(/^no-/, ""))?.def.takesValue === false;
                    throw new UsageError(`--${written} needs a value${named ? `; --${flag} came where it goes` : ""} (one that begins with -- goes after =: --${written}=…)`);
                }
                inline = words[++i];
            }
            else if (inline === "" && def.secret)
                afterSecret = word;
            add(into, name, inline);
        }
        else {
            if (inline === undefined && (words[i + 1] === "true" || words[i + 1] === "false"))
                inline = words[++i];
            if (inline !== undefined && inline !== "true" && inline !== "false")
                throw new UsageError(`--${written} is a switch: give it alone, or =true or =false${def.secret ? "" : `, not ${JSON.stringify(inline)}`}`);
            add(into, name, inline ?? "true");
            if (def.secret)
                afterSecret = word;
        }
    }
    return into;
}
/** A short flag (`-t`), or one with its value attached (`-tSECRET`); `-h` is help, `-5` a number. */
function isShortFlag(word) {
    return /^-[^-\d]/.test(word) && word !== "-h";
}
/**
 * The refusal of a short flag: by its letter alone, as what follows it may be a value attached to
 * it (`-tSECRET`, a token meant for `--token`).
 */
function shortFlagRefused(word) {
    const flag = word.slice(0, 1 + [...word.slice(1)][0].length);
    return `unknown flag ${flag} (flags are long, --name value, and -h for help; what followed ${flag} is not shown: it may be a value)`;
}
/**
 * The refusal of a word after `flag` (as typed: `--token=`, `--show-secret`), a credential's
 * flag given no value or a switch: the word is not quoted, as it may be the secret meant for it.
 */
function strayAfterSecret(flag) {
    return flag.endsWith("=")
        ? `unexpected word after ${flag}, which gave it no value: give the value right after = (${flag}…), or after a space without =`
        : `unexpected word after ${flag}, a switch: give it alone, or =true or =false`;
}
function add(given, name, value) {
    const values = given.get(name);
    if (values)
        values.push(value);
    else
        given.set(name, [value]);
}
/** The one value of a flag that takes one, or undefined; refused when given more than once. */
function single(given, name) {
    const values = given.get(name);
    if (values && values.length > 1)
        throw new UsageError(`--${name} is given ${values.length} times; it takes one value`);
    return values?.[0];
}
/** A switch's state: the last one given wins (`--include --no-include` is off). */
function isOn(given, name) {
    return given.get(name)?.at(-1) === "true";
}
