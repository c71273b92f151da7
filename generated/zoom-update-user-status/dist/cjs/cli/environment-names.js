"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.environmentNames = environmentNames;
const credentials_js_1 = require("./credentials.js");
const names_js_1 = require("./names.js");
/** The environment variables of a package's command line (see above). */
function environmentNames(cli) {
    let names = TABLES.get(cli);
    if (!names)
        TABLES.set(cli, (names = tableOf(cli)));
    return names;
}
/** By command line: help, a refusal and the run each ask, and the README once per package. */
const TABLES = new WeakMap();
function tableOf(cli) {
    const own = (name) => (0, names_js_1.envName)(cli.envPrefix, name);
    const flags = (0, credentials_js_1.credentialFlags)(cli.operations).map((c) => c.flag);
    const variables = [...new Set(cli.operations.flatMap((op) => (0, credentials_js_1.environmentVariables)(op, cli.secretVariables)))].sort();
    // Every input's own name: a name given in place of one is none of them.
    const wanted = new Set([own("base-url"), ...flags.map(own), ...variables.map(own)]);
    const used = new Set();
    /** Its own name, else `fallback`, numbered past the names used and wanted. */
    const assign = (mine, fallback) => {
        let name = mine;
        for (let n = 1; used.has(name) || (name !== mine && wanted.has(name)); n++)
            name = n === 1 ? fallback : `${fallback}_${n}`;
        used.add(name);
        return name;
    };
    const baseUrl = assign(own("base-url"), own("base-url"));
    const credentials = new Map(flags.map((flag) => [flag, assign(own(flag), `${(0, names_js_1.envName)(cli.envPrefix)}_${(0, names_js_1.envName)(flag)}`)]));
    const names = new Map();
    for (const name of variables) {
        const flag = flags.find((f) => onlyVariable(cli.operations, f) === name);
        names.set(name, flag !== undefined ? credentials.get(flag) : assign(own(name), `${own(name)}_VAR`));
    }
    return { baseUrl, credentials, variables: names };
}
/**
 * The one `{{variable}}` the auth settings that `flag` gives refer to, in every operation that
 * takes it, where it is the whole value of one of them; undefined where they refer to none, to
 * more than one, or to it within other text.
 */
function onlyVariable(operations, flag) {
    const credential = credentials_js_1.CREDENTIAL_FLAGS.find((c) => c.flag === flag);
    const values = operations.flatMap((op) => (0, credentials_js_1.takesFlag)(credential, op.auth)
        ? credential.fields.flatMap((field) => {
            const value = op.auth[field];
            return typeof value === "string" ? [value] : [];
        })
        : []);
    const named = [...(0, credentials_js_1.variablesIn)(values)];
    return named.length === 1 && values.includes(`{{${named[0]}}}`) ? named[0] : undefined;
}
