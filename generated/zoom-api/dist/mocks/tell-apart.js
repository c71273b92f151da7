import { equalJson } from "./select.js";
/**
 * `facts` gives each operation's facts (none: it sends nothing that tells it apart); `answers`,
 * whether it has an answer to give.
 */
export function tellApart(candidates, facts, request, answers) {
    let best;
    for (const operation of candidates) {
        const own = facts(operation);
        const met = own.filter((fact) => meets(fact, request)).length;
        const score = [met, met > 0 ? met - own.length : 0, answers(operation) ? 1 : 0];
        if (!best || isHigher(score, best.score))
            best = { operation, score };
    }
    return best.operation;
}
/** Whether `a` comes before `b`, read from its first number on (higher is better). */
function isHigher(a, b) {
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return a[i] > b[i];
    return false;
}
function meets(fact, request) {
    const [first = "", ...rest] = fact.name;
    if (fact.in === "header") {
        const sent = request.headers.get(first);
        return sent !== null && (fact.value === undefined || sent === fact.value);
    }
    if (fact.in === "query") {
        const sent = request.query.getAll(first);
        if (!sent.length)
            return false;
        if (fact.value === undefined)
            return true;
        return Array.isArray(fact.value) ? equalJson(fact.value, sent) : sent.includes(String(fact.value));
    }
    const body = request.body;
    if (body instanceof FormData) {
        if (rest.length)
            return false;
        if (!body.has(first))
            return false;
        const sent = body.getAll(first).filter((v) => typeof v === "string");
        if (fact.value === undefined)
            return true;
        return Array.isArray(fact.value) ? equalJson(fact.value, sent) : sent.includes(String(fact.value));
    }
    // JSON, parsed by the mock when its content type says so, else as text that parses.
    let value = body;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        }
        catch {
            return false;
        }
    }
    for (const key of fact.name) {
        if (typeof value !== "object" || value === null || Array.isArray(value))
            return false;
        if (!Object.prototype.hasOwnProperty.call(value, key))
            return false;
        value = value[key];
    }
    return fact.value === undefined || equalJson(fact.value, value);
}
