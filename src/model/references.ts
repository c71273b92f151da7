// `{{name}}` references in collection values, as Postman writes them.

/** Names of the variables a template or a JSON value refers to (Postman's `$dynamic` ones excepted). */
export function references(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    for (const match of value.matchAll(/\{\{([^{}]+)\}\}/g)) if (!match[1]!.startsWith("$")) into.add(match[1]!);
  } else if (Array.isArray(value)) {
    for (const item of value) references(item, into);
  } else if (typeof value === "object" && value !== null) {
    for (const item of Object.values(value)) references(item, into);
  }
  return into;
}
