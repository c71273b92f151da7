"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MATCH_BODY = exports.RESPONSE_CODE = exports.RESPONSE_NAME = exports.RESPONSE_ID = void 0;
exports.selectExample = selectExample;
exports.bodyMatches = bodyMatches;
exports.equalJson = equalJson;
exports.RESPONSE_ID = "x-mock-response-id";
exports.RESPONSE_NAME = "x-mock-response-name";
exports.RESPONSE_CODE = "x-mock-response-code";
exports.MATCH_BODY = "x-mock-match-request-body";
/** `status`, when given, stands for `x-mock-response-code` (an override's status). */
function selectExample(examples, request, status) {
    const id = request.headers.get(exports.RESPONSE_ID);
    if (id !== null && status === undefined) {
        const found = examples.find((e) => e.id === id);
        return found
            ? { example: found }
            : { problem: `no saved example has the id ${JSON.stringify(id)} (${exports.RESPONSE_ID})` };
    }
    const name = request.headers.get(exports.RESPONSE_NAME);
    if (name !== null && status === undefined) {
        // Names are compared with runs of white space as one space: a header cannot carry a line break.
        const wanted = normalizeName(name);
        const found = examples.find((e) => normalizeName(e.name) === wanted);
        return found
            ? { example: found }
            : { problem: `no saved example is named ${JSON.stringify(name)} (${exports.RESPONSE_NAME})` };
    }
    let candidates = examples;
    const code = status ?? codeHeader(request.headers);
    if (code !== undefined) {
        candidates = candidates.filter((e) => e.status === code);
        if (!candidates.length)
            return { problem: `no saved example has the status ${code}${status === undefined ? ` (${exports.RESPONSE_CODE})` : ""}` };
    }
    if (request.headers.get(exports.MATCH_BODY)?.trim().toLowerCase() === "true") {
        candidates = candidates.filter((e) => bodyMatches(e.request?.body, request.body));
        if (!candidates.length)
            return { problem: `no saved example was saved with this request body (${exports.MATCH_BODY})` };
    }
    let best;
    for (const example of candidates) {
        const score = queryScore(example.request?.query ?? [], request.query);
        const success = example.status >= 200 && example.status < 300;
        if (!best || score > best.score || (score === best.score && success && !best.success))
            best = { example, score, success };
    }
    return best ? { example: best.example } : { problem: "the operation has no saved example" };
}
function normalizeName(name) {
    return name.replace(/\s+/g, " ").trim();
}
function codeHeader(headers) {
    const text = headers.get(exports.RESPONSE_CODE);
    if (text === null)
        return undefined;
    const code = Number(text.trim());
    // A code that is no status selects nothing, as Postman answers it.
    return Number.isInteger(code) ? code : -1;
}
/**
 * How like the saved query the request's is: one point per saved pair the request has, and a
 * bonus when the two are the same pairs (a saved `?page=2` beats a saved empty query for `?page=2`,
 * and loses to it for no query). Each pair sent counts for one saved pair only: a saved
 * `?tag=1&tag=1` is not the `?tag=1&tag=2` sent, whose own saved example must win.
 */
function queryScore(saved, query) {
    const unmatched = [...query];
    let matched = 0;
    for (const [key, value] of saved) {
        const at = unmatched.findIndex(([k, v]) => k === key && v === value);
        if (at === -1)
            continue;
        unmatched.splice(at, 1);
        matched++;
    }
    const same = matched === saved.length && unmatched.length === 0;
    return matched + (same ? 1_000 : 0);
}
/** The request body as sent (see mock.ts) against the one saved: JSON by meaning, forms as pairs, text trimmed. */
function bodyMatches(saved, sent) {
    if (saved === undefined)
        return sent === undefined;
    if (saved.mode === "form") {
        if (!(sent instanceof FormData))
            return false;
        const fields = [...sent].flatMap(([key, value]) => (typeof value === "string" ? [`${key}=${value}`] : [])).sort();
        return JSON.stringify(fields) === JSON.stringify(saved.fields.map(([key, value]) => `${key}=${value}`).sort());
    }
    if (sent === undefined)
        return saved.text.trim() === "";
    const savedJson = parseJson(saved.text);
    if (typeof sent !== "string")
        return savedJson.ok && equalJson(savedJson.value, sent);
    // A JSON string the mock parsed (`"x"` sent as JSON is `x` here) is the JSON saved as `"x"`.
    if (savedJson.ok && equalJson(savedJson.value, sent))
        return true;
    const sentJson = parseJson(sent);
    if (savedJson.ok && sentJson.ok)
        return equalJson(savedJson.value, sentJson.value);
    return saved.text.trim() === sent.trim();
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
function equalJson(a, b) {
    if (a === b)
        return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a))
        return a.length === b.length && a.every((v, i) => equalJson(v, b[i]));
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (ka.length === kb.length &&
        ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) &&
            equalJson(a[k], b[k])));
}
