// `{{name}}` references in collection values, as Postman writes them.

/**
 * What counts as a `{{name}}` reference, the name its one group: one character or more and no brace,
 * whatever else it holds (`{{user id}}`, `{{jwt.payload.pin}}`). `{{}}` is none, and is sent as
 * written. The runtime reads references by the same rule (`REFERENCE` in runtime/template.ts, and
 * runtime/paths.ts, runtime/unquoted.ts), and so does the command line (`variablesIn` in
 * command-line/credentials.ts): both are copied into every package, which holds no generator
 * module, so they keep their own copies of the pattern.
 */
export const REFERENCE_SOURCE = String.raw`\{\{([^{}]+)\}\}`;

/**
 * Every reference in a text, for `replace`, `matchAll` and `match`, which read a global pattern
 * from its start whatever its `lastIndex`. Not for `test` or `exec`, which would start where the
 * last call ended: `hasReference`.
 */
export const REFERENCES = new RegExp(REFERENCE_SOURCE, "g");

/**
 * A JSON string (group 1) or a reference (its name group 2), whichever starts first: JSON text with
 * `{{variables}}` written unquoted (`"n": {{count}}`) is read by replacing those outside strings.
 */
export const STRING_OR_REFERENCE = new RegExp(String.raw`("(?:[^"\\]|\\.)*")|` + REFERENCE_SOURCE, "g");

const ONE_REFERENCE = new RegExp(REFERENCE_SOURCE);
const WHOLE_REFERENCE = new RegExp(`^${REFERENCE_SOURCE}$`);
const AT_REFERENCES = new RegExp(`(${REFERENCE_SOURCE.replace("(", "(?:")})`);

/** Whether a text holds a reference. */
export function hasReference(text: string): boolean {
  return ONE_REFERENCE.test(text);
}

/** The name of the reference a text is, whole (`{{token}}`), else undefined. */
export function wholeReference(text: string): string | undefined {
  return WHOLE_REFERENCE.exec(text)?.[1];
}

/** A text with each reference replaced by `by` (by default, taken out). */
export function withoutReferences(text: string, by = ""): string {
  return text.replace(REFERENCES, () => by);
}

/** A text cut at its references, kept: the text between them at even indexes, each reference whole at odd ones. */
export function splitAtReferences(text: string): string[] {
  return text.split(AT_REFERENCES);
}

/** Names of the variables a template or a JSON value refers to (Postman's `$dynamic` ones excepted). */
export function references(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    for (const match of value.matchAll(REFERENCES)) if (!match[1]!.startsWith("$")) into.add(match[1]!);
  } else if (Array.isArray(value)) {
    for (const item of value) references(item, into);
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) references(item, into);
  }
  return into;
}

/**
 * Names and, in turn, every name a value of theirs refers to, among `values` (a name may have
 * several, one per scope): a credential `{{prod_token}}` makes `prod_token` one too (load/scopes.ts),
 * and a variable a request refers to makes those its values refer to referred to as well
 * (requestedVariables, model/unset-variables.ts).
 */
export function withReferences(names: Iterable<string>, values: Iterable<readonly [string, string]>): Set<string> {
  const found = new Set(names);
  const valuesOf = new Map<string, string[]>();
  for (const [name, value] of values) {
    const list = valuesOf.get(name);
    if (list) list.push(value);
    else valuesOf.set(name, [value]);
  }
  const pending = [...found];
  while (pending.length) {
    for (const value of valuesOf.get(pending.pop()!) ?? []) {
      for (const name of references(value)) {
        if (found.has(name)) continue;
        found.add(name);
        pending.push(name);
      }
    }
  }
  return found;
}
