// `{{variables}}` in a query parameter's key or a body field's name (`?{{sortKey}}=asc`, `?{{flag}}`).
// Postman fills them when it sends; the client fills values, never names (a name is an argument, or
// a key sent alone, decided when the package is generated). So a key is filled here, once, with the
// values the collection gives the request, and a key they cannot fill is left out: either way with
// a warning.
import { credentialLeftOut, WHERE } from "./arg.js";
import { argPlace, literalCredential } from "./credentials.js";
import { hasTemplate } from "./json.js";
import { queryText, type BareKey, type WrittenKey } from "./url.js";
import { queryData, queryAsWritten } from "../runtime/request-features.js";
import type { ArgLocation, LoadedArg, Source, Warning } from "../model/types.js";
import { REFERENCES } from "../model/references.js";

/** How deep a value may refer to other variables (`{{a}}` = `{{b}}_x`) before the key is given up. */
const MAX_DEPTH = 8;

type Values = (name: string) => string | undefined;

export function fillKeys(args: readonly LoadedArg[], value: Values, warnings: Warning[]): LoadedArg[] {
  return args.flatMap((arg) => {
    if (arg.in !== "query" && arg.in !== "body") return [arg];
    const name = fillKey(arg.name, arg.in, arg.source, value, warnings);
    if (name === undefined) return [];
    if (name === arg.name) return [arg];
    // The key may now say that its value is a credential, which the loader checked under the old
    // one: by the rule its place takes (a JSON body's field is judged as one, `key` naming an entry).
    const { example, ...rest } = arg;
    const examples = Array.isArray(example) ? example : [example];
    if (examples.some((one) => literalCredential(name, one, argPlace(arg)))) {
      warnings.push(credentialLeftOut(arg.in, name, arg.source));
      return [{ ...rest, name }];
    }
    return [{ ...arg, name }];
  });
}

/** Query keys without a value, filled as the keys of query parameters are. */
export function fillBareKeys(keys: readonly BareKey[], value: Values, warnings: Warning[]): BareKey[] {
  return keys.flatMap((key) => {
    const name = fillKey(key.name, "query", key.source, value, warnings);
    return name === undefined ? [] : [{ ...key, name }];
  });
}

/**
 * The query keys newman sends otherwise than the client would write their text (request-features.ts's
 * `writeQuery`), each once, with what newman sends: the key as written (`filter%5Bstatus%5D`, `a+b`,
 * a bare `%`), its `{{variables}}` filled with their values as written, encoded where newman encodes
 * (`queryAsWritten`, and a key's `=`). A key that is left out (fillKey) has none.
 */
export function sentKeys(keys: readonly WrittenKey[], value: Values): Array<[string, string]> {
  const sent = new Map<string, string>();
  for (const key of keys) {
    // Filled as fillKeys and fillBareKeys fill it (they warn), and as newman fills it: as written.
    const name = fillKey(key.name, "query", key.source, value, []);
    const written = fillKey(key.written, "body", key.source, value, []);
    if (name === undefined || written === undefined || sent.has(name)) continue;
    sent.set(name, queryAsWritten(written).replace(/=/g, "%3D"));
  }
  return [...sent].filter(([name, key]) => key !== queryData(name, true));
}

/** `name` filled (as it is when it has no variable), or undefined when it is left out. */
function fillKey(
  key: string,
  place: ArgLocation,
  source: Source,
  value: Values,
  warnings: Warning[],
): string | undefined {
  if (!hasTemplate(key)) return key;
  // The key's own text was decoded as query text (url.ts); a value filled into it is Postman's text
  // too (`a%20b` goes out as `a%20b`), so it is decoded alike before the client encodes the key.
  const filled: Values =
    place === "query"
      ? (variable) => {
          const found = value(variable);
          return found === undefined ? undefined : queryText(found, source, warnings);
        }
      : value;
  const what = `${WHERE[place]} key ${JSON.stringify(key)}`;
  let name = key;
  let missing: string | undefined;
  for (let depth = 0; depth < MAX_DEPTH && hasTemplate(name) && missing === undefined; depth++) {
    name = name.replace(REFERENCES, (whole, variable: string) => {
      const found = filled(variable);
      if (found === undefined) missing ??= variable;
      return found ?? whole;
    });
  }
  if (missing !== undefined || hasTemplate(name) || name === "") {
    const why =
      missing !== undefined
        ? `{{${missing}}} has no value in the collection`
        : name === ""
          ? "its variables' values make it empty"
          : "its variables refer to each other too deep";
    warnings.push({
      source,
      message: `the ${what} refers to variables, which the client cannot fill in a key, and ${why}: left out (an onRequest hook can add it)`,
    });
    return undefined;
  }
  warnings.push({
    source,
    message: `the ${what} refers to variables, which the client cannot fill in a key: it sends ${JSON.stringify(name)}, their value in the collection (another value given later, in an environment or a call, does not change it)`,
  });
  return name;
}
