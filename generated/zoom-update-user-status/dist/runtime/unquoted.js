/** The texts the encoding under way has met, and the mark of their places (spliceUnquoted). */
let encoding;
/** The checked JSON text of a variable at an unquoted place (template.ts's fillDeep). */
export class UnquotedText {
    text;
    constructor(text) {
        this.text = text;
    }
    toJSON() {
        // Outside an encoder that splices (a caller's own JSON.stringify), the value the text is.
        if (!encoding)
            return JSON.parse(this.text);
        const { mark, texts } = encoding;
        return `${mark}${texts.push(this.text) - 1}${mark}`;
    }
}
/** Whether `op` sends a variable's text unquoted: its encoder is then spliceUnquoted's (bodies.ts). */
export const sendsUnquoted = (op) => op.args.some((a) => a.unquoted?.length);
/**
 * The body `encode` writes, each UnquotedText's text spliced in at its place. Each is written as a
 * string of a mark character around its index; a mark the body holds no other of is kept (a
 * caller's string may hold any character: the count of marks proves which are ours), else the
 * body is written again with the next one.
 */
export function spliceUnquoted(encode) {
    for (let code = 0xe000;; code++) {
        const mark = String.fromCodePoint(code);
        const texts = [];
        encoding = { mark, texts };
        let body;
        try {
            body = encode();
        }
        finally {
            encoding = undefined;
        }
        if (typeof body !== "string" || !texts.length)
            return body;
        if (body.split(mark).length - 1 === 2 * texts.length)
            return body.replace(new RegExp(`"${mark}(\\d+)${mark}"`, "gu"), (_whole, i) => texts[Number(i)]);
    }
}
