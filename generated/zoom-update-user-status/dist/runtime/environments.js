// The Postman environments a client can be made for, and the globals' secrets: what they add to
// the lookup of `{{variables}}`. Only packages that have them import this module (their client
// passes `environmentScopes(…)` to the core), so a bundle of any other package leaves it out (the
// mocks and the command line, entries of their own, import it in every package).
import { nearest } from "./did-you-mean.js";
import { ValidationError } from "./errors.js";
import { REFERENCE } from "./template.js";
/**
 * Whether an environment has a value for a variable: one that is not empty. An empty value is sent
 * as it is, as Postman sends it, but it is none to point a caller to: the "has no value" error names
 * only the environments that have one (in its `missing`, which the command line's `--environment`
 * hint is written from too).
 */
function hasValue(values, variable) {
    if (!Object.hasOwn(values, variable))
        return false;
    const value = values[variable];
    return value !== undefined && value !== null && value !== "";
}
/** The end of the error's message, written from its `missing`: the environments to choose, or that none has one. */
function hintOf({ environments: holders = [], empty = [] }) {
    return holders.length
        ? `, or choose an environment that has it: createClient({ environment: ${holders.map((e) => JSON.stringify(e)).join(" | ")} })`
        : `; no environment has a value for it${emptyIn(empty, (e) => JSON.stringify(e))}`;
}
/**
 * ` ("a", "b" have it empty)` of the environments that hold a variable empty, each name as `quote`
 * writes it, or nothing: the error's message and the command line's line (which quotes for a
 * shell) say it alike.
 */
export function emptyIn(empty, quote) {
    return empty.length ? ` (${empty.map(quote).join(", ")} ${empty.length > 1 ? "have" : "has"} it empty)` : "";
}
/**
 * Whether an environment holds a variable's value back from the package: a secret, or a value it
 * could not encode. The caller must give it; no value below the environment is taken (the client's
 * lookup, and the mocks' as it).
 */
export function withheld(environment, variable) {
    return environment.secrets.includes(variable) || !!environment.unencodable?.includes(variable);
}
/**
 * The scope of the environment the options name (checked when the client is made: plain
 * JavaScript may name any), or of none; `secrets` are the globals' (asked for in `variables`).
 */
export function environmentScopes(environments, secrets = []) {
    return (name) => {
        const chosen = name === undefined
            ? undefined
            : namedEnvironment(environments, String(name), { theirs: "the collection's", none: "the client was generated without environments" }, (message) => new ValidationError("createClient", "environment", message));
        return {
            values: chosen?.values,
            // A secret of the chosen environment has no value there, nor has a value left out as it cannot
            // be encoded, and none is taken from the collection below it either (Postman would send the
            // environment's): the caller must pass it.
            hides: (variable) => !!chosen && withheld(chosen, variable),
            // Called for a variable without a value, for the error to say why and what to do.
            missing: Object.assign((variable) => {
                if (chosen?.secrets.includes(variable))
                    return { variable, secret: `, as it is a secret of environment ${JSON.stringify(name)}` };
                if (chosen?.unencodable?.includes(variable))
                    return {
                        variable,
                        secret: `, as its value in environment ${JSON.stringify(name)} holds half a character (a lone surrogate), which cannot be encoded, and was left out`,
                    };
                if (secrets.includes(variable))
                    return { variable, secret: ", as it is a secret of the globals" };
                const names = Object.keys(environments);
                if (chosen || !names.length)
                    return { variable };
                const holders = names.filter((env) => hasValue(environments[env].values, variable));
                // Choosing one that has it empty would send "": say so rather than point to it.
                const found = holders.length
                    ? { variable, environments: holders }
                    : {
                        variable,
                        environments: holders,
                        empty: names.filter((env) => Object.hasOwn(environments[env].values, variable)),
                    };
                return { ...found, hint: hintOf(found) };
            }, {
                // `{{server}}/api/users` with `server` empty in the chosen environment (as an export has a
                // value only Postman's current value held) sends to `/api/users`: say which and where.
                emptyBase: (op, template, base, lookup) => {
                    if (base && base[0] !== "/")
                        return;
                    const empty = [...template.matchAll(REFERENCE)]
                        .map(([, variable]) => variable)
                        .filter((variable) => chosen?.values[variable] === "" && lookup(variable) === "" && lookup.given?.(variable) === undefined);
                    if (empty.length)
                        throw new ValidationError(op.name, undefined, `the base URL ${JSON.stringify(template)} has no host, as ${empty.map((v) => `{{${v}}}`).join(" and ")} ${empty.length > 1 ? "are" : "is"} empty in environment ${JSON.stringify(name)}: give ${empty.length > 1 ? "them values" : "it a value"} as createClient({ variables: { ${empty.map((v) => `${JSON.stringify(v)}: …`).join(", ")} } })${op.base === undefined ? " or createClient({ baseUrl })" : ""}`);
                },
            }),
        };
    };
}
/**
 * The environment a name chooses: one rule for the client's `environment` option, the mocks' (as
 * createClient takes it) and the mock server's `-e <name>`, so that a name one takes the others
 * take, and one refusal. Names are matched as written, case included: they are the `environment`
 * option's type (a union of the names), so TypeScript refuses `"staging"` for `"Staging"` however
 * the client would take it, and Postman may hold both. A name there is none of is refused with the
 * one meant and the names there are (`theirs`: whose they are, "the collection's"), or `none`
 * where there are none; `refuse` makes the caller's error of that message.
 */
export function namedEnvironment(environments, name, owner, refuse) {
    if (Object.hasOwn(environments, name))
        return environments[name];
    const known = Object.keys(environments);
    const meant = nearest(name, known);
    throw refuse(`unknown environment ${JSON.stringify(name)}${meant === undefined ? "" : ` (did you mean ${JSON.stringify(meant)}?)`}: ${known.length ? `${owner.theirs} are ${known.map((n) => JSON.stringify(n)).join(", ")}` : owner.none}`);
}
