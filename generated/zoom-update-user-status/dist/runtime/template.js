// `{{name}}` references, as Postman resolves them: in base URLs, paths, and values the collection
// provides. Values the caller passes are never read as templates (`Lookup.given` tells them).
import { ValidationError } from "./errors.js";
const REFERENCE = /\{\{([^{}]+)\}\}/g;
/**
 * `option`: the client option that gives what the template makes, where one does (a credential's:
 * `token`, `oauth1`), which the error of a variable without a value names beside `variables`.
 */
export function fillTemplate(template, lookup, operation, option, seen = []) {
    return template.replace(REFERENCE, (_whole, name) => {
        if (seen.includes(name)) {
            throw new ValidationError(operation, undefined, `variable {{${name}}} refers to itself (${[...seen, name].join(" → ")})`);
        }
        const value = lookup(name);
        if (value === undefined) {
            const { hint = "", ...missing } = lookup.missing?.(name) ?? { variable: name };
            const dynamic = missing.secret === undefined ? lookup.dynamic?.(name) : undefined;
            if (dynamic !== undefined)
                return dynamic;
            // Written from `missing`, as the command line writes its lines (its first is this message's
            // start, up to what a library user is told).
            throw Object.assign(new ValidationError(operation, undefined, `variable {{${name}}} has no value${missing.secret ?? ""}: pass it as ${option ? `createClient({ ${option} }) or ` : ""}createClient({ variables: { ${JSON.stringify(name)}: … } })${hint}`), { missing });
        }
        // Text without `{{` has nothing to fill; text with one is filled unless the caller gave it.
        return value.includes("{{") && lookup.given?.(name) === undefined
            ? fillTemplate(value, lookup, operation, option, [...seen, name])
            : value;
    });
}
/**
 * Fills the templates in every string of a JSON value the collection provides. The value is parsed
 * anew, so keys such as `__proto__` stay own properties; strings are filled in document order.
 */
export function fillDeep(value, lookup, operation) {
    return JSON.parse(JSON.stringify(value), (_key, v) => typeof v === "string" ? fillTemplate(v, lookup, operation) : v);
}
