import type { OperationSpec } from "../runtime/spec.js";
import { type SelectRequest } from "./select.js";
import type { MockRequestFact } from "./types.js";
/**
 * `facts` gives each operation's facts (none: it sends nothing that tells it apart); `answers`,
 * whether it has an answer to give.
 */
export declare function tellApart(candidates: readonly OperationSpec[], facts: (operation: OperationSpec) => readonly MockRequestFact[], request: SelectRequest, answers: (operation: OperationSpec) => boolean): OperationSpec;
/**
 * One operation of a group that shares a route: what its request sends (`facts`), and what every
 * one of its saved examples' requests sends (`saved`), each as mock-data.ts reads them.
 */
export interface GroupMember {
    readonly facts: readonly MockRequestFact[];
    readonly saved?: readonly MockRequestFact[] | undefined;
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
export declare function apartFacts(group: readonly GroupMember[]): {
    facts: MockRequestFact[][];
    alike: number[][];
};
/** Each fact as one comparable text. */
export declare function keysOf(facts: readonly MockRequestFact[]): string[];
/** `a`, then what of `b` it has not, in order. */
export declare function union(a: readonly MockRequestFact[], b: readonly MockRequestFact[]): MockRequestFact[];
