import type { OperationSpec } from "../runtime/spec.js";
import { type SelectRequest } from "./select.js";
import type { MockRequestFact } from "./types.js";
/** `facts` gives each operation's facts (none: it sends nothing that tells it apart). */
export declare function tellApart(candidates: readonly OperationSpec[], facts: (operation: OperationSpec) => readonly MockRequestFact[], request: SelectRequest): OperationSpec;
