// A `{{variable}}` written unquoted in a JSON body (`"n": {{count}}`) is sent as Postman sends it:
// the variable's own text pasted at its place, byte for byte. Parsed and written again, it would
// change (`4321.0` → `4321`, a big number rounded, an object re-spaced), and an error's masker,
// which looks for a secret's text as written, would no longer find a secret's echo.
import type { CallSpec } from "./spec.js";

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
