// `{{name}}` references, as Postman resolves them: in base URLs, paths, and values the collection
// provides. Values the caller passes are never read as templates (`Lookup.given` tells them).
import { ValidationError, type MissingVariable } from "./errors.js";
import type { CallSpec, JsonPlace } from "./spec.js";
import { spliceOf } from "./unquoted.js";

export interface Lookup {
  (name: string): string | undefined;
  /** The caller's value of a variable, if any: used as given, never read as a template. */
  given?: (name: string) => string | undefined;
  /**
   * What a call's error masks of a secret variable the caller gave, where that is more than its
   * text (`given`): its text and what that holds as sent, where a JSON body splices it unquoted
   * (fillDeep, ./unquoted.js's `spliceOf`). Noted as the request is built, read only by an error:
   * each a function, so that a call that does not fail reads no JSON for it.
   */
  sent?: Map<string, () => readonly string[]>;
  /**
   * Why a variable has no value, for its error (./environments.js): what its `missing` holds, and
   * `hint`, the end of its message, written from that.
   */
  missing?: ((name: string) => MissingVariable & { hint?: string }) & {
    /**
     * Refuses a base URL (`base`) left without a host by the chosen environment's empty values,
     * naming them (./environments.js): the URL it left names neither. A member of `missing`, which
     * the core already hands on, so that a package without environments pays nothing for it.
     */
    emptyBase?: (op: CallSpec, template: string, base: string, lookup: Lookup) => void;
  };
  /**
   * Postman's dynamic variables (`{{$guid}}`, ./dynamic.js): a new value for a variable that has
   * none, given only to the clients of collections that refer to them.
   */
  dynamic?: ((name: string) => string | undefined) | undefined;
}

export const REFERENCE: RegExp = /\{\{([^{}]+)\}\}/g;

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
 * At each `unquoted` place (ArgSpec's), the filled text is read as JSON, as Postman pastes the
 * text into the body: a value that is no JSON (which Postman would send as broken JSON) is refused.
 * At a list's element (`[{{ids}}]`) the text may be a list's elements (`"a", "b"`, or none where
 * the list has no other element), which Postman's paste makes the list's: read as those elements
 * in place of the one. `asWritten`: the text is kept there as written (an UnquotedText, which the
 * request's encoder splices into the body: ./unquoted.js's `spliceOf`), not the value read from it.
 */
export function fillDeep(
  value: unknown,
  lookup: Lookup,
  operation: string,
  unquoted: readonly JsonPlace[] = [],
  asWritten = false,
): unknown {
  const filled = JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === "string" ? fillTemplate(v, lookup, operation) : v,
  ) as unknown;
  // The values that stand at `place`: one, or the elements of `list` the text is.
  const json = (text: unknown, place: JsonPlace, list?: unknown[]): unknown[] => {
    try {
      // `[` and `]` around the text make it the list's elements only if its own brackets match:
      // pasted at the element's place, it can then end the list nowhere.
      const read = list
        ? (JSON.parse(`[${String(text)}]`) as unknown[])
        : [JSON.parse(String(text)) as unknown];
      // None with other elements beside it leaves a comma with nothing before or after it.
      if (read.length || list!.length === 1)
        return asWritten ? [spliceOf(String(text), at(value, place), lookup)] : read;
    } catch {
      // Refused below.
    }
    // Named by the reference the collection writes, never by its value, which may be a secret.
    throw new ValidationError(
      operation,
      undefined,
      `the value of ${String(at(value, place))}, written unquoted in the JSON body, is no JSON value${list ? " nor a list's elements" : ""}: Postman would send broken JSON (quote the reference in the collection to send it as text)`,
    );
  };
  let whole = filled;
  // The elements each list takes at its places, put in once all are read: the places' indices are
  // the collection's.
  const spread = new Map<unknown[], Map<number, unknown[]>>();
  for (const place of unquoted) {
    const parent = at(filled, place.slice(0, -1));
    const key = place[place.length - 1]!;
    if (!place.length) [whole] = json(filled, place);
    else if (Array.isArray(parent) && typeof key === "number") {
      const read = json(parent[key], place, parent);
      if (read.length === 1) parent[key] = read[0];
      else spread.set(parent, (spread.get(parent) ?? new Map<number, unknown[]>()).set(key, read));
    }
    // Defined, not assigned: a key such as `__proto__` stays an own property.
    else if (typeof parent === "object" && parent !== null)
      Object.defineProperty(parent, key, {
        value: json(at(filled, place), place)[0],
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  for (const [list, elements] of spread)
    list.splice(0, list.length, ...list.flatMap((v, i) => elements.get(i) ?? [v]));
  return whole;
}

/** The value at `place` in a JSON value; undefined where there is none. */
function at(value: unknown, place: JsonPlace): unknown {
  return place.reduce<unknown>(
    (v, key) =>
      typeof v === "object" && v !== null && Object.hasOwn(v, key)
        ? (v as Record<string, unknown>)[key]
        : undefined,
    value,
  );
}
