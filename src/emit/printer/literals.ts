// Strings, numbers and property keys as prettier prints them (its print-string, make-string,
// print-number and key rules), for text that the emitter writes as JSON-escaped literals.
import { isIdentifierName, stringLiteral } from "../literals.js";

/**
 * A string literal as prettier prints it from `raw` (a double-quoted JSON-style literal): double
 * quotes unless the text holds more double than single quotes; quotes escaped or unescaped to fit.
 */
export function printString(raw: string): string {
  // Without a double quote inside, a double-quoted literal stays as it is (most do).
  if (raw[0] === '"' && raw.indexOf('"', 1) === raw.length - 1) return raw;
  const content = raw.slice(1, -1);
  let doubles = 0;
  let singles = 0;
  for (let i = 0; i < content.length; i++) {
    const code = content.charCodeAt(i);
    if (code === 34) doubles++;
    else if (code === 39) singles++;
  }
  const quote = doubles > singles ? "'" : '"';
  if (raw[0] === quote) return raw;
  const other = quote === '"' ? "'" : '"';
  const body = content.replace(
    /\\(["'\\])|(["'])/g,
    (match, escaped: string | undefined, unescaped: string | undefined) => {
      if (escaped) return escaped === other ? other : match;
      return unescaped === quote ? `\\${unescaped}` : unescaped!;
    },
  );
  return `${quote}${body}${quote}`;
}

/** A number literal as prettier prints it. */
export function printNumber(raw: string): string {
  if (raw.length === 1) return raw;
  return raw
    .toLowerCase()
    .replace(/^([+-]?[\d.]+e)(?:\+|(-))?0*(?=\d)/, "$1$2")
    .replace(/^([+-]?[\d.]+)e[+-]?0+$/, "$1")
    .replace(/^([+-])?\./, "$10.")
    .replace(/(\.\d+?)0+(?=e|$)/, "$1")
    .replace(/\.(?=e|$)/, "");
}

const ASCII_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * A property key as prettier keeps it (quoteProps "as-needed"): a name JavaScript takes as an
 * identifier unquoted (prettier unquotes a quoted ES5 identifier name and never quotes one),
 * anything else as a string literal. `__proto__` is only a name in types; in an object literal it
 * would set the prototype, so it is written as a computed key there.
 */
export function keyText(name: string, context: "type" | "object"): string {
  if (context === "object" && name === "__proto__") return `[${printString(stringLiteral(name))}]`;
  // Most keys are ASCII names, which the Unicode test would take longer to accept.
  return ASCII_NAME.test(name) || isIdentifierName(name) ? name : printString(stringLiteral(name));
}
