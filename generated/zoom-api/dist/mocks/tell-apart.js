import { equalJson } from "./select.js";
/** `facts` gives each operation's facts (none: it sends nothing that tells it apart). */
export function tellApart(candidates, facts, request) {
    let best;
    for (const operation of candidates) {
        const own = facts(operation);
        const met = own.filter((fact) => meets(fact, request)).length;
        const missed = own.length - met;
        if (!best || met > best.met || (met === best.met && missed < best.missed))
            best = { operation, met, missed };
    }
    return best.operation;
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
