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
/**
 * The UnquotedText of `text`, which fills `reference` (`{{name}}`, the collection's at an unquoted
 * place). What it holds of each variable the caller gave is noted (`Lookup.sent`), for the call's
 * error to mask with the caller's text where the variable is a secret: as the text is JSON, a
 * JSON string goes as the text between its quotes (`"hunter2"` sends hunter2, which a server
 * quotes alone), so does each string in an object or a list (not a key), and each number as
 * written and as read (`4321.0`, `4321`). So too of a variable given that a collection's value at
 * the place refers to (`{{wrapped}}` = `{"c": {{creds}}}`), where the caller's text is JSON, or a
 * list's elements or an object's members there (`{"ids": [{{ids}}]}`, `{"a": 1, {{fields}}}`).
 */
export function spliceOf(text, reference, lookup) {
    noteGiven(String(reference), lookup);
    return new UnquotedText(text);
}
/**
 * Notes each variable the caller gave that `template` refers to, or a value it refers to does, as
 * fillTemplate fills them: its text, and what `held` finds sent in it. So too of a JSON body the
 * loader could not read as JSON, sent as text (`{"user": "{{user}}", {{fields}}}`: a variable in
 * a key's place), whose variables a server reads as spliceOf's (request-features.ts's fillDefault).
 */
export function noteGiven(template, lookup) {
    for (const [, name] of template.matchAll(/\{\{([^{}]+)\}\}/g)) {
        const given = lookup.given?.(name);
        // A cycle was refused as the text was filled, before this.
        if (given === undefined)
            noteGiven(lookup(name) ?? "", lookup);
        else
            (lookup.sent ??= new Map()).set(name, () => [given, ...held(given)]);
    }
}
/**
 * Each string but a key (a string followed by `:`), and each number as written and as read, of a
 * variable's text as a collection's value splices it: JSON alone, a list's elements (`"abc", "def"`
 * in `[{{ids}}]`) or an object's members (`"k": "s3cret"` in `{ {{fields}} }`), each sent as such;
 * none of other text. The place is not at hand here, so the text is read as both (a JSON value alone
 * is a list's one element).
 */
function held(text) {
    if (!parses(`[${text}]`) && !parses(`{${text}}`))
        return [];
    return [...text.matchAll(/("(?:[^"\\]|\\.)*")(\s*:)?|-?\d[\d.eE+-]*/g)].flatMap(([token, string, key]) => key ? [] : string ? [JSON.parse(string)] : [token, String(Number(token))]);
}
function parses(json) {
    try {
        JSON.parse(json);
        return true;
    }
    catch {
        return false;
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
