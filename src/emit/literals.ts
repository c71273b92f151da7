// The only ways a value from a collection may enter emitted TypeScript: as a string literal, as a
// property key, or inside a JSDoc comment. Each escapes for its own context.
import { ID_CONTINUE, ID_START } from "../model/identifier-chars.js";
import { printable, REORDERING } from "../runtime/printable.js";
import { inertLinks } from "./links.js";
import { memoized } from "../memo.js";

/** Printable ASCII but `"` and `\`: JSON escapes none of it, and neither does `escapedJson`. */
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * A double-quoted string literal. JSON's escaping is a subset of JavaScript's; what JSON leaves
 * raw but should not be is escaped too (RAW_IN_JSON).
 */
export function stringLiteral(value: string): string {
  // Most collection texts are printable ASCII without `"` or `\`: their literal is the text quoted.
  if (PLAIN.test(value)) return `"${value}"`;
  return escapedJson(JSON.stringify(value));
}

/**
 * JSON text made safe for ts-morph's printer. Its writer (code-block-writer) takes a quote after a
 * backslash for an escaped one, so a string ending in a backslash (`"a\\"`) seemed to go on, and a
 * `/*` later in the line opened a comment it then closed with a stray `*\/`. The last escaped
 * backslash before a closing quote is written `\u005c` instead.
 */
function escapedJson(json: string): string {
  // Most texts have none of them: no need to run the replacements (a string literal per value emitted).
  if (!json.includes("\\") && !RAW_IN_JSON.test(json)) return json;
  return escapeRaw(
    json.replace(/(\\+)"/g, (whole, run: string) => (run.length % 2 === 0 ? `${run.slice(0, -2)}\\u005c"` : whole)),
  );
}

/**
 * What JSON.stringify leaves raw but emitted files escape: DEL and the C1 controls (a terminal
 * showing the file may read U+009B as an escape sequence), the line and paragraph separators (for
 * tools that still treat them as line ends), and the marks that reorder text (raw, an editor shows
 * code or data other than what is there).
 */
const RAW_IN_JSON = new RegExp(`[\\u007f-\\u009f\\u2028\\u2029${REORDERING}]`);
const RAW_IN_JSON_ALL = new RegExp(RAW_IN_JSON.source, "g");

function escapeRaw(json: string): string {
  return json.replace(RAW_IN_JSON_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A string in a JSON file (a package's test cases, package.json): JSON.stringify's, with RAW_IN_JSON escaped. */
export function jsonString(value: string): string {
  const json = JSON.stringify(value);
  return RAW_IN_JSON.test(json) ? escapeRaw(json) : json;
}

/**
 * Any JSON value as a TypeScript expression (used for plain-data initialisers). A `__proto__` key
 * would set the prototype in an object literal, so such values are parsed from a string instead.
 */
export function jsonLiteral(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) throw new TypeError("value has no JSON form");
  if (text.includes('"__proto__":')) return `JSON.parse(${stringLiteral(JSON.stringify(value))})`;
  return escapedJson(text);
}

/** `.name` or `["name"]`, to reach a property from an expression. */
export function propertyAccess(name: string): string {
  return isIdentifierName(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

const IDENTIFIER = new RegExp(`^[$_${ID_START}][$${ID_CONTINUE}]*$`, "u");

/** True when the name can stand unquoted as a property name or an identifier. */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A property name for an interface or a type literal (where `__proto__` is only a name). */
export function propertyKey(name: string): string {
  return isIdentifierName(name) && name !== "__proto__" ? name : stringLiteral(name);
}

/**
 * A key of an object literal. `__proto__`, quoted or not, would set the prototype there, so it is
 * written as a computed key, which defines an own property.
 */
export function objectKey(name: string): string {
  return name === "__proto__" ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/**
 * Text for a JSDoc comment: it cannot end the comment (`*\/`), start a tag (`@` at a word start),
 * carry control characters or the marks that reorder text (shown in an editor, the comment would
 * not read as the code it sits in does), or link to a script (editors render it as markdown).
 */
export function docText(text: string): string {
  return docTexts(text);
}

/**
 * By text: the same descriptions are written many times (an argument's in its interface, its
 * method's JSDoc and its namespace's; a folder's on each namespace), a Zoom generation asking
 * 9,000 times for 2,000 texts, each four passes of regular expressions.
 */
const docTexts = memoized((text) =>
  inertLinks(printable(text.replace(/\r\n?|[\u2028\u2029]/g, "\n")))
    .replace(/\*\//g, "*\\/")
    .replace(/(^|\s)@/g, "$1\\@"),
);
