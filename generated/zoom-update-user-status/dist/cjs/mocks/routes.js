"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createRouter = createRouter;
exports.withoutQuery = withoutQuery;
// Which operation a request is for: its method, and its URL against each operation's URL as the
// client builds it, with the client's own functions (src/runtime/paths.ts): the base URL (the
// client's `baseUrl`, or the operation's own base and `baseUrls`), the path with `{{variables}}`
// filled by the same lookup order, and one percent-encoded segment per path variable. The URL
// parser then normalises both sides alike.
const paths_js_1 = require("../runtime/paths.js");
const template_js_1 = require("../runtime/template.js");
/** Marks a slot in a URL while it is parsed: lower-case letters and digits survive in a host and a path. */
const SLOT = (i) => `zq${i}mockslotq`;
const SLOTS = /zq(\d+)mockslotq/g;
function createRouter(api, options = {}) {
    const routes = api.operations.map((op) => route(api, options, op));
    const match = (method, url) => {
        const target = withoutQuery(url);
        let best;
        let tied = [];
        for (const candidate of routes) {
            if (candidate.method !== method.toUpperCase())
                continue;
            const match = candidate.pattern.exec(target);
            if (!match)
                continue;
            if (!best || candidate.weight > best.route.weight) {
                best = { route: candidate, match };
                tied = [candidate.operation];
            }
            else if (candidate.weight === best.route.weight)
                tied.push(candidate.operation);
        }
        if (!best)
            return undefined;
        const params = {};
        best.route.names.forEach((name, i) => {
            Object.defineProperty(params, name, {
                value: decode(best.match[i + 1]),
                enumerable: true,
                writable: true,
                configurable: true,
            });
        });
        return { operation: best.route.operation, operations: tied, params };
    };
    return { match, patterns: new Map(routes.map((r) => [r.operation, r.pattern])) };
}
function route(api, options, op) {
    const lookup = variableLookup([options.variables, op.variables, api.variables]);
    const slots = [];
    const slot = (value) => SLOT(slots.push(value) - 1);
    // A variable without a value (or a dynamic one such as {{$guid}}) matches any text. The values
    // the options give are used as given, as the client uses the caller's.
    const orAny = (name) => lookup(name) ?? slot({ kind: "any" });
    orAny.given = variableLookup([options.variables]);
    const fill = (template) => {
        try {
            return (0, template_js_1.fillTemplate)(template, orAny, op.name);
        }
        catch {
            return slot({ kind: "any" });
        }
    };
    const base = fill((0, paths_js_1.baseTemplate)(op, options.baseUrl ?? api.baseUrl, options.baseUrls));
    const path = (0, paths_js_1.pathParts)(op)
        .map((part) => typeof part === "string"
        ? part
        : "variable" in part
            ? fill(part.variable)
            : slot({ kind: "arg", name: part.name }))
        .join("");
    let text;
    let prefix = "^";
    try {
        text = withoutQuery(new URL((0, paths_js_1.joinUrl)(base, path)));
    }
    catch {
        // The base is not a URL without the values it lacks (`{{baseUrl}}`): match the path under any base.
        text = new URL((0, paths_js_1.joinUrl)("http://mock.invalid", path)).pathname;
        prefix = "^[^?#]*?";
    }
    const names = [];
    let weight = 0;
    let source = prefix;
    let last = 0;
    for (const match of text.matchAll(SLOTS)) {
        const literal = text.slice(last, match.index);
        weight += literal.length;
        source += escape(literal);
        const found = slots[Number(match[1])];
        if (found.kind === "arg") {
            names.push(found.name);
            source += "([^/?#]+)";
        }
        else
            source += "[^/?#]*";
        last = match.index + match[0].length;
    }
    const rest = text.slice(last).replace(/\/$/, "");
    weight += rest.length;
    source += `${escape(rest)}/?$`;
    return { operation: op, method: op.method.toUpperCase(), pattern: new RegExp(source), names, weight };
}
/** The client's lookup order for the mock: its options, then the operation's variables, then the collection's. */
function variableLookup(scopes) {
    return (name) => {
        for (const scope of scopes) {
            if (scope && Object.prototype.hasOwnProperty.call(scope, name)) {
                const value = scope[name];
                if (value !== undefined && value !== null)
                    return String(value);
            }
        }
        return undefined;
    };
}
/** The URL as MSW matches a pattern against it: without query and fragment. */
function withoutQuery(url) {
    const copy = new URL(url.href);
    copy.search = "";
    copy.hash = "";
    return copy.href;
}
function escape(text) {
    return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
function decode(segment) {
    try {
        return decodeURIComponent(segment);
    }
    catch {
        return segment;
    }
}
