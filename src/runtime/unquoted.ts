// A `{{variable}}` written unquoted in a JSON body (`"n": {{count}}`) is sent as Postman sends it:
// the variable's own text pasted at its place, byte for byte. Parsed and written again, it would
// change (`4321.0` → `4321`, a big number rounded, an object re-spaced), and an error's masker,
// which looks for a secret's text as written, would no longer find a secret's echo.
import type { CallSpec } from "./spec.js";
import type { Lookup } from "./template.js";

/** The texts the encoding under way has met, and the mark of their places (spliceUnquoted). */
let encoding: { mark: string; texts: string[] } | undefined;

/** The checked JSON text of a variable at an unquoted place (template.ts's fillDeep). */
export class UnquotedText {
  constructor(readonly text: string) {}

  toJSON(): unknown {
    // Outside an encoder that splices (a caller's own JSON.stringify), the value the text is.
    if (!encoding) return JSON.parse(this.text) as unknown;
    const { mark, texts } = encoding;
    return `${mark}${texts.push(this.text) - 1}${mark}`;
  }
}

/**
 * The UnquotedText of `text`, which fills `reference` (`{{name}}`, the collection's at an unquoted
 * place). Where the caller gave the variable, what its text holds as sent is noted with the text
 * (`Lookup.sent`), which the call's error masks for a secret variable: a JSON string goes as the
 * text between its quotes (`"hunter2"` sends hunter2, which a server quotes alone), so does each
 * string in an object or a list (not a key), and each number as written and as read (`4321.0`, `4321`).
 */
export function spliceOf(text: string, reference: unknown, lookup: Lookup): UnquotedText {
  const name = /^\{\{([^{}]+)\}\}$/.exec(String(reference))?.[1];
  if (name !== undefined && lookup.given?.(name) !== undefined) {
    const held = [text];
    // Each string but a key (a string followed by `:`), and each number, of text that is JSON.
    for (const [token, string, key] of text.matchAll(/("(?:[^"\\]|\\.)*")(\s*:)?|-?\d[\d.eE+-]*/g))
      if (!key) held.push(...(string ? [JSON.parse(string) as string] : [token, String(Number(token))]));
    (lookup.sent ??= new Map()).set(name, held);
  }
  return new UnquotedText(text);
}

/** Whether `op` sends a variable's text unquoted: its encoder is then spliceUnquoted's (bodies.ts). */
export const sendsUnquoted = (op: CallSpec): boolean => op.args.some((a) => a.unquoted?.length);

/**
 * The body `encode` writes, each UnquotedText's text spliced in at its place. Each is written as a
 * string of a mark character around its index; a mark the body holds no other of is kept (a
 * caller's string may hold any character: the count of marks proves which are ours), else the
 * body is written again with the next one.
 */
export function spliceUnquoted<T>(encode: () => T): T {
  for (let code = 0xe000; ; code++) {
    const mark = String.fromCodePoint(code);
    const texts: string[] = [];
    encoding = { mark, texts };
    let body: T;
    try {
      body = encode();
    } finally {
      encoding = undefined;
    }
    if (typeof body !== "string" || !texts.length) return body;
    if (body.split(mark).length - 1 === 2 * texts.length)
      return body.replace(new RegExp(`"${mark}(\\d+)${mark}"`, "gu"), (_whole, i: string) => texts[Number(i)]!) as T;
  }
}
