// Collection, folder and item variables. They are not resolved here: the emitted client fills
// `{{name}}` in when it sends, from the caller's variables first and these values second. (The
// SDK's VariableScope#replaceIn would also fill {{$guid}} with random values, breaking determinism.)
import { descriptionText, isObject } from "./json.js";

export interface DefinedVariable {
  value: string;
  description?: string;
}

/** Reads `variable` lists (`[{key|id, value, disabled}]`); later lists shadow earlier ones. */
export function definedVariables(...lists: unknown[]): Map<string, DefinedVariable> {
  const defined = new Map<string, DefinedVariable>();
  for (const list of lists) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!isObject(entry) || entry["disabled"] === true) continue;
      const key = typeof entry["key"] === "string" ? entry["key"] : entry["id"];
      const value = entry["value"];
      if (typeof key !== "string" || key === "") continue;
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        const description = descriptionText(entry["description"]);
        defined.set(key, { value: String(value), ...(description ? { description } : {}) });
      }
    }
  }
  return defined;
}

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
