// The collection's variables that have no value of its own, and where one can come from. The
// package's command line records this (its `--help` and its "has no value" error say it), and the
// README's Variables table and each operation's section say it from the same definition.
import type { ApiModel } from "./types.js";

/**
 * The environments that have a value for a variable (not empty), else `{ empty }`: those that have
 * it empty (none: `[]`). An environment that holds it as a secret has no value here: secrets are
 * never in the model's values.
 */
export type VariableHolders = readonly string[] | { readonly empty: readonly string[] };

/**
 * The variables the requests refer to that have no value of the collection's (nor of the globals'),
 * each with the environments that have one: as the runtime's "has no value" error names them
 * (runtime/environments.ts), those with a value not empty, else those that have it empty.
 */
export function unsetVariables(model: Pick<ApiModel, "variables" | "environments">): Record<string, VariableHolders> {
  return Object.fromEntries(
    model.variables
      .filter((v) => v.default === undefined)
      .map((v) => {
        const having = (model.environments ?? []).filter((e) => Object.hasOwn(e.values, v.name));
        const holders = having.filter((e) => e.values[v.name] !== "").map((e) => e.name);
        return [v.name, holders.length ? holders : { empty: having.map((e) => e.name) }];
      }),
  );
}
