// `{{name}}` references, as Postman resolves them: in base URLs, paths, and values the collection
// provides. Values the caller passes are never read as templates (`Lookup.given` tells them).
import { ValidationError, type MissingVariable } from "./errors.js";

export interface Lookup {
  (name: string): string | undefined;
  /** The caller's value of a variable, if any: used as given, never read as a template. */
  given?: (name: string) => string | undefined;
  /**
   * Why a variable has no value, for its error (./environments.js): what its `missing` holds, and
   * `hint`, the end of its message, written from that.
   */
  missing?: (name: string) => MissingVariable & { hint?: string };
  /**
   * Postman's dynamic variables (`{{$guid}}`, ./dynamic.js): a new value for a variable that has
   * none, given only to the clients of collections that refer to them.
   */
  dynamic?: ((name: string) => string | undefined) | undefined;
}

const REFERENCE = /\{\{([^{}]+)\}\}/g;

/**
 * `option`: the client option that gives what the template makes, where one does (a credential's:
 * `token`, `oauth1`), which the error of a variable without a value names beside `variables`.
 */
export function fillTemplate(
  template: string,
  lookup: Lookup,
  operation: string,
  option?: string,
  seen: readonly string[] = [],
): string {
  return template.replace(REFERENCE, (_whole, name: string) => {
    if (seen.includes(name)) {
      throw new ValidationError(
        operation,
        undefined,
        `variable {{${name}}} refers to itself (${[...seen, name].join(" → ")})`,
      );
    }
    const value = lookup(name);
    if (value === undefined) {
      const { hint = "", ...missing } = lookup.missing?.(name) ?? { variable: name };
      const dynamic = missing.secret === undefined ? lookup.dynamic?.(name) : undefined;
      if (dynamic !== undefined) return dynamic;
      // Written from `missing`, as the command line writes its lines (its first is this message's
      // start, up to what a library user is told).
      throw Object.assign(
        new ValidationError(
          operation,
          undefined,
          `variable {{${name}}} has no value${missing.secret ?? ""}: pass it as ${option ? `createClient({ ${option} }) or ` : ""}createClient({ variables: { ${JSON.stringify(name)}: … } })${hint}`,
        ),
        { missing },
      );
    }
    // Text without `{{` has nothing to fill; text with one is filled unless the caller gave it.
    return value.includes("{{") && lookup.given?.(name) === undefined
      ? fillTemplate(value, lookup, operation, option, [...seen, name])
      : value;
  });
}

/**
 * Fills the templates in every string of a JSON value the collection provides. The value is parsed
 * anew, so keys such as `__proto__` stay own properties; strings are filled in document order.
 */
export function fillDeep(value: unknown, lookup: Lookup, operation: string): unknown {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === "string" ? fillTemplate(v, lookup, operation) : v,
  ) as unknown;
}
