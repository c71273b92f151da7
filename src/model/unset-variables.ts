// The collection's variables that have no value of its own, and where one can come from. The
// package's command line records this (its `--help` and its "has no value" error say it), and the
// README's Variables table and each operation's section say it from the same definition.
import { references, withReferences } from "./references.js";
import type { ApiModel, OperationModel } from "./types.js";

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

/**
 * The variables without a value (of `unset`: unsetVariables) that a call of `op` needs: those its
 * own values refer to (its base where it has its own, its path, arguments' defaults, auth, and its
 * folders' and its own variables), and those that the values of these refer to in turn, as the
 * client fills them (runtime/template.ts): `{{path}}` whose value is `items/{{itemId}}` needs
 * `{{itemId}}`. Not those of the package's base URL, which the client's `baseUrl` option (the
 * command line's `--base-url`) replaces. In the order they are first referred to. The command's
 * `--help` lists them (the package records them in its help data) and so does the README.
 */
export function operationUnsetVariables(
  model: Pick<ApiModel, "variables">,
  op: Pick<OperationModel, "base" | "path" | "args" | "variables" | "auth">,
  unset: Readonly<Record<string, unknown>>,
): string[] {
  const own = op.variables ?? {};
  const collection = new Map(model.variables.map((v) => [v.name, v.default]));
  const seen = new Set<string>();
  const needed: string[] = [];
  const visit = (value: unknown) => {
    // Postman's `{{$dynamic}}` ones left out: the client fills them itself.
    for (const name of references(value)) {
      if (seen.has(name)) continue;
      seen.add(name);
      if (Object.hasOwn(own, name)) visit(own[name]);
      else if (Object.hasOwn(unset, name)) needed.push(name);
      else visit(collection.get(name));
    }
  };
  visit(operationValues(op));
  return needed;
}

/** An operation's own values, whose `{{variables}}` a call of it fills: its base, path, arguments' defaults (its headers' and body's among them), its folders' and its own variables, and its auth. */
function operationValues(
  op: Pick<OperationModel, "base" | "path" | "variables" | "auth"> & { args: ReadonlyArray<{ default?: unknown }> },
): unknown[] {
  return [op.base, op.path, op.args.map((a) => a.default), op.variables ?? {}, op.auth];
}

/**
 * Every variable a request refers to (the package's base URL too), and in turn every one that a
 * value it may take refers to: the collection's (`variables`' defaults), any request's own, and
 * `values` (an environment's, the globals'; a secret's too, whose value the user may pass as it is:
 * `{{token}}` = `{{prod_token}}` makes `prod_token` one). All a client may ask for at run time:
 * a variable not among them (a script's `client_secret`, which the generator does not run) is
 * never asked for, and a secret's warning says so (load/scopes.ts's leftOut).
 */
export function requestedVariables(
  model: {
    baseUrl?: string;
    operations: ReadonlyArray<Parameters<typeof operationValues>[0]>;
    variables?: ReadonlyArray<{ name: string; default?: string | undefined }>;
  },
  values: Iterable<readonly [string, string]> = [],
): Set<string> {
  const scoped: Array<readonly [string, string]> = [];
  for (const variable of model.variables ?? [])
    if (variable.default !== undefined) scoped.push([variable.name, variable.default]);
  for (const op of model.operations) scoped.push(...Object.entries(op.variables ?? {}));
  return withReferences(references([model.baseUrl ?? "", ...model.operations.map(operationValues)]), [
    ...scoped,
    ...values,
  ]);
}
