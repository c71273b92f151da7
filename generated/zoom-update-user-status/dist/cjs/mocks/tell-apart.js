"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.tellApart = tellApart;
exports.apartFacts = apartFacts;
exports.keysOf = keysOf;
exports.union = union;
const graphql_asks_js_1 = require("./graphql-asks.js");
const select_js_1 = require("./select.js");
/**
 * `facts` gives each operation's facts (none: it sends nothing that tells it apart); `answers`,
 * whether it has an answer to give.
 */
function tellApart(candidates, facts, request, answers) {
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
    // No body: what the mock read as none (mock.ts's readBody: an empty one too).
    if (fact.absent)
        return fact.in === "body" && !fact.name.length && request.body === undefined;
    if (fact.withBody && request.body === undefined)
        return true;
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
        return Array.isArray(fact.value) ? (0, select_js_1.equalJson)(fact.value, sent) : sent.includes(String(fact.value));
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
        return Array.isArray(fact.value) ? (0, select_js_1.equalJson)(fact.value, sent) : sent.includes(String(fact.value));
    }
    // A whole body (`raw`): sent at all, for one whose value the collection does not write out; else
    // its text as sent, or the same JSON (a JSON string's text is `"x"`, the body the mock parsed `x`).
    if (!fact.name.length)
        return fact.value === undefined ? body !== undefined : sameWhole(fact.value, body);
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
    if (fact.asks !== undefined)
        return typeof value === "string" && (0, graphql_asks_js_1.graphqlAsks)(value) === fact.asks;
    return fact.value === undefined || (0, select_js_1.equalJson)(fact.value, value);
}
/** A whole body's fact against the body as the mock read it: the same text, or the same JSON. */
function sameWhole(fact, body) {
    const readings = (value) => {
        if (typeof value !== "string")
            return [value];
        try {
            return [value, JSON.parse(value)];
        }
        catch {
            return [value];
        }
    };
    const sent = readings(body);
    return readings(fact).some((want) => sent.some((got) => (0, select_js_1.equalJson)(want, got)));
}
/**
 * What tells each operation of a group that shares a route apart (`facts`, by member), and the
 * sets of members that nothing does (`alike`: each two or more, in order). Decided once per group
 * (the mock then only counts which facts a request meets): of each member, the facts that not all
 * of the group share; a member whose request sends what another's does is told apart, if at all,
 * by what its saved examples' requests all send, which then counts as its own. The generator calls
 * it on the groups of the collection's own values, for its warnings; the mock on the groups of its
 * own options (mock.ts), so that both find what tells apart the operations a request is told
 * apart from, whatever values route it.
 */
function apartFacts(group) {
    const ownKeys = group.map(({ facts }) => keysOf(facts));
    const all = group.map(({ facts, saved }, i) => saved?.length && ownKeys.some((other, j) => j !== i && sameSet(other, ownKeys[i])) ? union(facts, saved) : facts);
    const keys = all.map(keysOf);
    const counts = new Map();
    for (const list of keys)
        for (const key of new Set(list))
            counts.set(key, (counts.get(key) ?? 0) + 1);
    const facts = all.map((list, i) => list.filter((_, j) => counts.get(keys[i][j]) < group.length));
    const alike = [];
    const told = new Set();
    group.forEach((_, i) => {
        if (told.has(i))
            return;
        const same = group.flatMap((_, j) => (j > i && sameSet(keys[i], keys[j]) ? [j] : []));
        if (!same.length)
            return;
        for (const j of same)
            told.add(j);
        alike.push([i, ...same]);
    });
    return { facts, alike };
}
/** Each fact as one comparable text. */
function keysOf(facts) {
    return facts.map((fact) => JSON.stringify(fact));
}
function sameSet(a, b) {
    const sa = new Set(a);
    const sb = new Set(b);
    return sa.size === sb.size && [...sa].every((key) => sb.has(key));
}
/** `a`, then what of `b` it has not, in order. */
function union(a, b) {
    const seen = new Set(keysOf(a));
    return [...a, ...b.filter((fact) => !seen.has(JSON.stringify(fact)))];
}
