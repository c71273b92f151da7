"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kebab = kebab;
exports.nearest = nearest;
exports.didYouMean = didYouMean;
exports.editDistance = editDistance;
exports.isNear = isNear;
exports.envName = envName;
exports.argFlags = argFlags;
exports.memberName = memberName;
exports.commandTree = commandTree;
/** `updateUserStatus` → `update-user-status`, `page_size` → `page-size`, `h323Devices` → `h323-devices`. */
function kebab(name) {
    return name
        .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1-$2")
        .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1-$2")
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-+|-+$/g, "")
        .toLowerCase();
}
/**
 * The known name nearest a mistyped one, when it is near enough to be a typo of it (`isNear`),
 * else the one name that a name cut short begins (`env` for `environment`, as other tools spell
 * it; three characters at least, and no guess when it begins two names). Undefined when none is.
 */
function nearest(typed, names) {
    let best;
    let bestDistance = Infinity;
    const begun = [];
    for (const name of names) {
        const distance = editDistance(typed, name);
        if (distance < bestDistance)
            [best, bestDistance] = [name, distance];
        // A name's spellings (`role-id`, the collection's `role_id`) are one name.
        if (typed.length >= 3 && name.startsWith(typed) && !begun.some((b) => kebab(b) === kebab(name)))
            begun.push(name);
    }
    if (isNear(bestDistance, typed))
        return best;
    return begun.length === 1 ? begun[0] : undefined;
}
/** ` (did you mean --page-size?)` after an unknown name near a known one, else nothing. */
function didYouMean(typed, names, prefix = "") {
    const near = nearest(typed, names);
    return near === undefined ? "" : ` (did you mean ${prefix}${near}?)`;
}
/**
 * The single-character insertions, deletions, substitutions and swaps of two neighbours from a to
 * b (optimal string alignment). A swap is one edit, as it is one slip of the fingers: counted as
 * two, `--prot` was too far from `--port` for a word that short. Here, in a module every package
 * ships, for the generator's own "did you mean" too (src/usage.ts, an include pattern that matches
 * nothing): one judge of a typo for both command lines.
 */
function editDistance(a, b) {
    let twoBack = [];
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                current[j] = Math.min(current[j], twoBack[j - 2] + 1);
        }
        [twoBack, previous] = [previous, current];
    }
    return previous[b.length];
}
/** Near enough to be a typo of it: a third of the typed word's characters wrong, at least one. */
function isNear(distance, typed) {
    return distance <= Math.max(1, Math.floor(typed.length / 3));
}
/** `ZOOM_API` from `zoom-api`, `@acme/zoom` → `ACME_ZOOM`: the prefix of the environment variables. */
function envName(...parts) {
    const words = [];
    for (const part of parts) {
        const next = kebab(part).toUpperCase().split("-").filter(Boolean);
        // No stutter where one part ends with the word the next begins with: ZOOM_API + API_KEY is ZOOM_API_KEY.
        if (words.length && next.length && words[words.length - 1] === next[0])
            next.shift();
        words.push(...next);
    }
    return words.join("_");
}
/** Text that can follow `--` as one flag name. */
function usable(name) {
    return name !== "" && !name.startsWith("-") && !/[=\s]/.test(name);
}
/**
 * The flags of an operation's arguments. Each is its key in kebab case; one that a global flag or
 * an earlier argument has is prefixed with its place (`--query-timeout`, `--body-id`), then numbered.
 * The collection's own key and the argument's key are accepted too where no flag has them.
 */
function argFlags(op, help, reserved) {
    const taken = new Set(reserved);
    const helpOf = new Map((help?.args ?? []).map((a) => [a.arg, a]));
    const primaries = op.args.map((spec) => {
        const base = kebab(spec.arg) || kebab(spec.name) || "arg";
        const candidates = [base, `${spec.in}-${base}`];
        let flag = candidates.find((c) => !taken.has(c));
        for (let n = 2; flag === undefined; n++)
            if (!taken.has(`${spec.in}-${base}-${n}`))
                flag = `${spec.in}-${base}-${n}`;
        taken.add(flag);
        return flag;
    });
    return op.args.map((spec, i) => {
        const aliases = [];
        for (const name of [spec.name, spec.arg]) {
            if (usable(name) && !taken.has(name)) {
                taken.add(name);
                aliases.push(name);
            }
        }
        return { flag: primaries[i], aliases, spec, help: helpOf.get(spec.arg) };
    });
}
/** The client method's name of an operation (`name` is unique in the package, the method only in its namespace). */
function memberName(op) {
    return op.member ?? op.name;
}
/** The tree of namespaces and commands, in the client's order; a word taken twice keeps the client's name the second time. */
function commandTree(operations) {
    const root = { words: [], folder: [], namespaces: new Map(), commands: new Map(), byName: new Map() };
    for (const op of operations) {
        let node = root;
        op.namespace.forEach((name, depth) => {
            let next = node.byName.get(name);
            if (!next) {
                const word = kebab(name) || name;
                const free = node.commands.has(word) || node.namespaces.has(word) ? name : word;
                next = {
                    words: [...node.words, free],
                    folder: op.folder.slice(0, depth + 1),
                    namespaces: new Map(),
                    commands: new Map(),
                    byName: new Map(),
                };
                node.namespaces.set(free, next);
                node.byName.set(name, next);
            }
            node = next;
        });
        const member = memberName(op);
        const word = kebab(member) || member;
        node.commands.set(node.commands.has(word) || node.namespaces.has(word) ? member : word, op);
    }
    return root;
}
