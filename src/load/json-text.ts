// A JSON file's text to its value, or an error at the line and column where it breaks, for
// every file the generator reads (collections, environments, the config). A module of its own:
// the no-op fast path reads the config with it, and loads nothing else of the loader.
import { CodegenError } from "../errors.js";

/** A file's JSON (a byte-order mark allowed), or a CodegenError at the line and column where it breaks. */
export function parseJsonText(file: string, text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (error) {
    const unreadable = notJsonText(text);
    if (unreadable !== undefined) throw new CodegenError(file, undefined, unreadable);
    const message = (error as Error).message;
    throw new CodegenError(file, jsonSyntaxPlace(text, message), `not valid JSON: ${jsonSyntaxReason(message)}`);
  }
}

/**
 * Why a file that did not parse holds no JSON text at all, where a line and column would only
 * puzzle: it is empty (a download or a copy cut short), or it is not UTF-8 (the NUL bytes of
 * UTF-16, which Windows tools save as "Unicode", and which JSON never holds unescaped).
 */
function notJsonText(text: string): string | undefined {
  if (text.trim() === "") return "the file is empty: it holds no JSON";
  if (text.includes("\u0000"))
    return 'not UTF-8 text: the file holds NUL bytes, as UTF-16 does (what Windows tools save as "Unicode"): save it as UTF-8';
  return undefined;
}

/**
 * What JSON.parse found wrong, without the text V8 quotes around the place (`Unexpected token 's',
 * ..."value": sk_live_SU"... is not valid JSON`): that text may be a secret, and the line and
 * column say where.
 */
export function jsonSyntaxReason(message: string): string {
  return message
    .replace(/^(Unexpected token)\b.*$/s, "$1")
    .replace(/ (?:in JSON )?at position \d+.*$/s, "")
    .replace(/, ".*" is not valid JSON$/s, "");
}

/** `line L, column C` of the place where JSON.parse gave up on `text`, from its message. */
export function jsonSyntaxPlace(text: string, message: string): string {
  return lineColumn(text, syntaxErrorOffset(text, message));
}

/**
 * Where JSON.parse gave up. V8 names the position for some errors only ("Unexpected token" has
 * none), so otherwise the longest prefix that is still only incomplete is searched for.
 */
function syntaxErrorOffset(text: string, message: string): number {
  const stated = /at position (\d+)/.exec(message);
  if (stated) return Number(stated[1]);
  const incomplete = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const why = (error as Error).message;
      return why.includes("Unexpected end of JSON input") || why.includes(`at position ${length}`);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (incomplete(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

function lineColumn(text: string, position: number): string {
  const before = text.slice(0, position).split("\n");
  return `line ${before.length}, column ${before[before.length - 1]!.length + 1}`;
}
