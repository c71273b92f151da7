// "Did you mean …?" after a name that is not known: one judge of a typo for the client's refusal of
// an unknown environment (./environments.js), the package's command line (its flags, commands and
// `--environment`) and the generator's own command line and config errors (src/usage.ts,
// src/schema-errors.ts), which import it through src/command-line/names.ts. Here, in the runtime,
// since a client is made without its command line; only what imports it (the environments, the
// command line) carries it into a bundle.
/** `updateUserStatus` → `update-user-status`, `page_size` → `page-size`, `h323Devices` → `h323-devices`. */
export function kebab(name) {
    return name
        .replace(/([\p{Ll}\p{N}])(\p{Lu})/gu, "$1-$2")
        .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, "$1-$2")
        .replace(/[^\p{L}\p{N}]+/gu, "-")
        .replace(/^-+|-+$/g, "")
        .toLowerCase();
}
/**
 * The known name nearest a mistyped one: the one it spells in other case (`staging` for
 * `Staging`, `PRODUCTION` for `Production`, however far apart their letters), else the nearest
 * when it is near enough to be a typo of it (`isNear`), else the one name that a name cut short
 * begins (`env` for `environment`, as other tools spell it; three characters at least, and no
 * guess when it begins two names). Undefined when none is.
 *
 * Case is no typo's part anywhere here: the letters are compared in lower case, so that a slip
 * with case on top of one (`basURL` for `baseUrl`: one letter left out, two in other case) is as
 * near as the slip alone; where two names are as near, the one nearer in case wins.
 */
export function nearest(typed, names) {
    const known = [...names];
    const lower = typed.toLowerCase();
    const inOtherCase = known.find((name) => name.toLowerCase() === lower);
    if (inOtherCase !== undefined)
        return inOtherCase;
    let best;
    let bestDistance = Infinity;
    let bestInCase = Infinity;
    const begun = [];
    for (const name of known) {
        const distance = editDistance(lower, name.toLowerCase());
        const inCase = distance <= bestDistance ? editDistance(typed, name) : Infinity;
        if (distance < bestDistance || (distance === bestDistance && inCase < bestInCase))
            [best, bestDistance, bestInCase] = [name, distance, inCase];
        // A name's spellings (`role-id`, the collection's `role_id`) are one name.
        if (typed.length >= 3 && name.toLowerCase().startsWith(lower) && !begun.some((b) => kebab(b) === kebab(name)))
            begun.push(name);
    }
    if (isNear(bestDistance, typed))
        return best;
    return begun.length === 1 ? begun[0] : undefined;
}
/** ` (did you mean --page-size?)` after an unknown name near a known one, else nothing. */
export function didYouMean(typed, names, prefix = "") {
    const near = nearest(typed, names);
    return near === undefined ? "" : ` (did you mean ${prefix}${near}?)`;
}
/**
 * The single-character insertions, deletions, substitutions and swaps of two neighbours from a to
 * b (optimal string alignment). A swap is one edit, as it is one slip of the fingers: counted as
 * two, `--prot` was too far from `--port` for a word that short.
 */
export function editDistance(a, b) {
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
export function isNear(distance, typed) {
    return distance <= Math.max(1, Math.floor(typed.length / 3));
}
