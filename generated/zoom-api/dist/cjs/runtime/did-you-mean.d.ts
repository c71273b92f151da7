/** `updateUserStatus` → `update-user-status`, `page_size` → `page-size`, `h323Devices` → `h323-devices`. */
export declare function kebab(name: string): string;
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
export declare function nearest(typed: string, names: Iterable<string>): string | undefined;
/** ` (did you mean --page-size?)` after an unknown name near a known one, else nothing. */
export declare function didYouMean(typed: string, names: Iterable<string>, prefix?: string): string;
/**
 * The single-character insertions, deletions, substitutions and swaps of two neighbours from a to
 * b (optimal string alignment). A swap is one edit, as it is one slip of the fingers: counted as
 * two, `--prot` was too far from `--port` for a word that short.
 */
export declare function editDistance(a: string, b: string): number;
/** Near enough to be a typo of it: a third of the typed word's characters wrong, at least one. */
export declare function isNear(distance: number, typed: string): boolean;
