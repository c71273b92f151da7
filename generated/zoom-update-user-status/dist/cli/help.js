// `--help` at each level: the namespaces and commands of the tree, and for a command its
// operation's description, method and path, flags, and documented responses.
import { shownRequestPath } from "../runtime/paths.js";
import { printable } from "../runtime/printable.js";
import { shellQuote } from "./curl.js";
import { MASK } from "../runtime/redact.js";
import { readingOf } from "./reading.js";
/**
 * The flag that sends a request on another base elsewhere, as its help and the notice before it is
 * sent (run.ts) give it: the base as the collection writes it, quoted for a shell.
 */
export function baseUrlFor(base) {
    return `--base-url-for ${shellQuote(`${base}=<url>`)}`;
}
/** What a disabled argument is, as the help marks it and the client's JSDoc says it (emit/docs.ts). */
export const DISABLED_ARG = "disabled in the collection: sent only when passed";
/**
 * The code points a terminal shows two columns wide: the East Asian Wide and Fullwidth ones
 * (Unicode's EastAsianWidth W and F) that names are written in: Hangul, CJK ideographs and
 * punctuation, kana, fullwidth forms, and emoji. Ranges in order, first and last.
 */
const WIDE = [
    [0x1100, 0x115f],
    [0x231a, 0x231b],
    [0x2329, 0x232a],
    [0x23e9, 0x23ec],
    [0x23f0, 0x23f0],
    [0x23f3, 0x23f3],
    [0x25fd, 0x25fe],
    [0x2614, 0x2615],
    [0x2648, 0x2653],
    [0x267f, 0x267f],
    [0x2693, 0x2693],
    [0x26a1, 0x26a1],
    [0x26aa, 0x26ab],
    [0x26bd, 0x26be],
    [0x26c4, 0x26c5],
    [0x26ce, 0x26ce],
    [0x26d4, 0x26d4],
    [0x26ea, 0x26ea],
    [0x26f2, 0x26f3],
    [0x26f5, 0x26f5],
    [0x26fa, 0x26fa],
    [0x26fd, 0x26fd],
    [0x2705, 0x2705],
    [0x270a, 0x270b],
    [0x2728, 0x2728],
    [0x274c, 0x274c],
    [0x274e, 0x274e],
    [0x2753, 0x2755],
    [0x2757, 0x2757],
    [0x2795, 0x2797],
    [0x27b0, 0x27b0],
    [0x27bf, 0x27bf],
    [0x2b1b, 0x2b1c],
    [0x2b50, 0x2b50],
    [0x2b55, 0x2b55],
    [0x2e80, 0x303e],
    [0x3041, 0x33ff],
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
    [0xa000, 0xa4cf],
    [0xa960, 0xa97f],
    [0xac00, 0xd7a3],
    [0xf900, 0xfaff],
    [0xfe10, 0xfe19],
    [0xfe30, 0xfe6f],
    [0xff00, 0xff60],
    [0xffe0, 0xffe6],
    [0x16fe0, 0x18cff],
    [0x1b000, 0x1b2ff],
    [0x1f004, 0x1f004],
    [0x1f0cf, 0x1f0cf],
    [0x1f18e, 0x1f18e],
    [0x1f191, 0x1f19a],
    [0x1f200, 0x1f251],
    [0x1f300, 0x1f64f],
    [0x1f680, 0x1f6ff],
    [0x1f7e0, 0x1f7eb],
    [0x1f90c, 0x1f9ff],
    [0x1fa70, 0x1faff],
    [0x20000, 0x2fffd],
    [0x30000, 0x3fffd],
];
/** A combining mark or a zero-width character: it sits on the character before. */
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\u200b-\u200f\u2060\ufeff]$/u;
/**
 * How many columns a terminal gives `text`: two for each wide or fullwidth character, none for a
 * combining mark or a zero-width one (which sit on the character before), one for the rest. By
 * code point, not UTF-16 unit, so an emoji past U+FFFF is one character.
 */
export function displayWidth(text) {
    let width = 0;
    for (const char of text) {
        const code = char.codePointAt(0);
        if (ZERO_WIDTH.test(char))
            continue;
        width += WIDE.some(([first, last]) => code >= first && code <= last) ? 2 : 1;
    }
    return width;
}
/**
 * Lines of `name  description`, the names padded to one column (at most 32 wide), by the columns
 * a terminal shows them in: a Chinese or Japanese name, two columns a character, padded by its
 * length left its descriptions out of line with the others.
 */
export function columns(rows, indent = "  ") {
    const shownWidths = rows.map(([name]) => displayWidth(name));
    const width = Math.min(32, Math.max(0, ...shownWidths));
    return rows
        .map(([name, text], i) => {
        if (!text)
            return `${indent}${name}`;
        const lines = text.split("\n");
        const pad = " ".repeat(indent.length + width + 2);
        const shown = shownWidths[i];
        const first = shown > width
            ? `${indent}${name}\n${pad}${lines[0]}`
            : `${indent}${name}${" ".repeat(width - shown)}  ${lines[0]}`;
        return [first, ...lines.slice(1).map((line) => (line ? `${pad}${line}` : ""))].join("\n");
    })
        .join("\n");
}
/** Help of a namespace (the root included): what is under it. */
export function namespaceHelp(name, title, node, operationsUnder, globals) {
    const path = [name, ...node.words].join(" ");
    const out = [];
    out.push(node.words.length
        ? `${path}: requests of the Postman folder ${node.folder.map((f) => JSON.stringify(f)).join(" / ")}`
        : `${name}: ${title}, from the command line`);
    out.push("", `Usage: ${path} ${node.namespaces.size ? "<namespace> … " : ""}<command> [flags]`);
    if (node.namespaces.size) {
        out.push("", "Namespaces:");
        out.push(columns([...node.namespaces].map(([word, child]) => [
            word,
            `${operationsUnder(child)} command${operationsUnder(child) === 1 ? "" : "s"}`,
        ])));
    }
    if (node.commands.size) {
        out.push("", "Commands:");
        out.push(columns([...node.commands].map(([word, op]) => [word, `${op.item} (${op.method} ${shownRequestPath(op.path)})`])));
    }
    out.push("", globals, "", `Run '${path} <${node.namespaces.size ? "namespace|" : ""}command> --help' for more.`);
    return printable(`${out.join("\n")}\n`);
}
/** What a flag's value is, as its help writes it: what `readingOf` reads it as. */
export function valueLabel(op, spec, kind) {
    const reading = readingOf(op, spec, kind);
    if (reading === "file")
        return "@path";
    if (reading === "raw")
        return "text|@file|-";
    if (reading === "json")
        return spec.in === "body" && op.body === "graphql" ? "json|@file|-" : "json";
    if (spec.enum)
        return spec.enum.join("|");
    return reading === "text" ? "string" : reading;
}
const WHERE = {
    path: "path variable",
    query: "query parameter",
    header: "header",
    body: "body field",
};
/**
 * What a flag gives, as its help and the missing-flags error alike name it: `path variable "userId"`,
 * `body field "note"`; a raw, binary or GraphQL body's one argument is the body itself, which the
 * collection calls nothing (its key `body` is ours), so `the request's raw body`.
 */
export function argPlace(op, spec) {
    if (spec.in === "body" && (op.body === "raw" || op.body === "binary" || op.body === "graphql"))
        return `the request's ${op.body === "graphql" ? "GraphQL" : op.body} body`;
    return `${WHERE[spec.in]} ${JSON.stringify(spec.name)}`;
}
/**
 * One argument's lines of help. The default of one whose name says it holds a credential (`secret`:
 * curl.ts's namesSecret) is masked, as a dry run masks its value: help is pasted anywhere too.
 */
export function argLine(op, flag, repeatable, secret = false) {
    const { spec } = flag;
    const names = [
        `--${flag.flag} <${valueLabel(op, spec, flag.help?.kind)}>`,
        ...flag.aliases.map((a) => `--${a}`),
    ].join(", ");
    const marks = [];
    if (spec.required && spec.default === undefined)
        marks.push("required");
    if (flag.help?.disabled)
        marks.push(DISABLED_ARG);
    if (repeatable)
        marks.push("repeatable");
    if (spec.default !== undefined)
        marks.push(`default: ${secret ? MASK : typeof spec.default === "string" ? spec.default : JSON.stringify(spec.default)}`);
    const where = argPlace(op, spec);
    const head = `${marks.length ? `[${marks.join("; ")}] ` : ""}${where[0].toUpperCase()}${where.slice(1)}.`;
    const description = flag.help?.description;
    return [names, description ? `${head}\n${description}` : head];
}
/** Help of a command. */
export function commandHelp(input) {
    const { op } = input;
    const out = [`${input.path}: ${op.item}`];
    if (input.description)
        out.push("", input.description);
    out.push("", `${op.method} ${op.base ?? ""}${shownRequestPath(op.path)}`);
    // Where --base-url does not reach: a user pointing the command at a test server sees it here.
    if (op.base !== undefined)
        out.push(`Base: ${op.base}, not the client's: --base-url does not replace it; ${baseUrlFor(op.base)} does.`);
    if (op.auth)
        out.push(`Auth: ${op.auth.type}${input.credentials.length ? ` (${input.credentials.map((c) => `--${c.flag}`).join(", ")})` : ""}`);
    if (op.scopes?.length)
        out.push(`Scopes: ${op.scopes.join(", ")}`);
    if (op.rateLimit)
        out.push(`Rate limit: ${op.rateLimit}`);
    out.push("", `Usage: ${input.path} [flags]`);
    if (input.args.length || input.bodyFlag || input.extraFlags.length) {
        out.push("", "Flags:");
        const rows = [...input.args];
        if (input.bodyFlag) {
            const what = op.body === "json" ? "The whole JSON body" : "The form's fields as one JSON object (files by their flags)";
            rows.push([
                "--body <json|@file|->",
                `${what}: JSON text, @file.json, or - for standard input. Flags of its fields win over its keys.`,
            ]);
        }
        if (input.extraFlags.includes("extra-body"))
            rows.push([
                "--extra-body <json|@file|->",
                "Fields the collection does not show, added to the JSON body (one with a field's key replaces its value).",
            ]);
        if (input.extraFlags.includes("extra-query"))
            rows.push([
                "--extra-query <key=value>",
                "A query pair the collection does not show, sent after the request's own (repeatable).",
            ]);
        out.push(columns(rows));
    }
    if (input.credentials.length) {
        out.push("", "Credentials (flag, or the environment variable; prefer the variable, a flag is seen by other users of the machine):");
        out.push(columns(input.credentials.map((c) => [
            `--${c.flag} <value>`,
            `${c.description}; $${input.environmentNames.credentials.get(c.flag)}`,
        ])));
    }
    if (input.environmentVariables.length) {
        out.push("", "Variables (the environment variable, or --variable name=value; prefer the variable, a flag is seen by other users of the machine):");
        out.push(columns(input.environmentVariables.map((v) => [`{{${v}}}`, `$${input.environmentNames.variables.get(v)}`])));
    }
    if (input.unsetVariables.length) {
        out.push("", "Variables without a value (the collection gives none):");
        out.push(columns(input.unsetVariables.map((v) => [`{{${v.name}}}`, v.giving.join("\n")])));
    }
    if (op.responses.length) {
        out.push("", "Responses:");
        const rows = [];
        for (const response of op.responses) {
            rows.push([String(response.status), response.description ?? ""]);
            for (const code of response.errorCodes ?? [])
                rows.push([`  error code ${String(code.code)}`, code.description]);
        }
        out.push(columns(rows));
    }
    out.push("", input.globals, "", "Exit codes: 0 on a 2xx answer, 1 on an API or connection error, 2 on a usage or validation error (nothing sent).");
    return printable(`${out.join("\n")}\n`);
}
