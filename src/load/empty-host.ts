// `{{server}}/api/users` with `server` empty (an export holds only the initial value, and Postman's
// current one is never exported; `{"key": "server"}` is read as empty, as newman sends it): each
// call would go to `/api/users`, which the client refuses with the URL it was left, naming neither
// the variable nor where its value was left empty. Said at generate time, where both are known, so
// that the client pays nothing for it: for the collection's own variables (collection.ts) and for
// each environment's (scopes.ts), by this one rule.
import { splitAtReferences, wholeReference } from "../model/references.js";

/** The variables the base URLs take their host from: `server` of `{{server}}/api`. */
export function hostVariables(bases: ReadonlyArray<string | undefined>): Set<string> {
  return new Set(
    bases.flatMap((base) => {
      const [before, first] = base === undefined ? [] : splitAtReferences(base);
      const name = before === "" && first !== undefined ? wholeReference(first) : undefined;
      return name === undefined || name.startsWith("$") ? [] : [name];
    }),
  );
}

/** The warning for `key`, a host variable left empty (`environment`: the one that leaves it so). */
export function emptyHost(key: string, environment?: string): string {
  const given = `createClient({ variables: { ${JSON.stringify(key)}: … } })`;
  return environment === undefined
    ? `${JSON.stringify(key)} is empty, and the base URL takes its host from it: without an environment that gives it, the client refuses each call unless given it (${given})`
    : `${JSON.stringify(key)} is empty, and the base URL takes its host from it: with environment ${JSON.stringify(environment)}, the client refuses each call unless given it (${given})`;
}
