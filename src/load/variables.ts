// Collection, folder and item variables. They are not resolved here: the emitted client fills
// `{{name}}` in when it sends, from the caller's variables first and these values second. (The
// SDK's VariableScope#replaceIn would also fill {{$guid}} with random values, breaking determinism.)
import { descriptionText } from "./description.js";
import { isObject } from "./json.js";
import type { VariableList } from "./walk.js";
import type { Source } from "../model/types.js";

export interface DefinedVariable {
  value: string;
  description?: string;
  /** The entry's `type` ("secret" says the value is one). */
  type?: string;
  /** Where the entry is: `variable[2]`, `item[0].variable[1]`. */
  source: Source;
}

/** Reads `variable` lists (`[{key|id, value, type, disabled}]`); later lists shadow earlier ones. */
export function definedVariables(...lists: VariableList[]): Map<string, DefinedVariable> {
  const defined = new Map<string, DefinedVariable>();
  for (const { list, source } of lists) {
    if (!Array.isArray(list)) continue;
    list.forEach((entry: unknown, index) => {
      if (!isObject(entry) || entry["disabled"] === true) return;
      const key = typeof entry["key"] === "string" ? entry["key"] : entry["id"];
      const value = entry["value"];
      if (typeof key !== "string" || key === "") return;
      if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
        const description = descriptionText(entry["description"]);
        const type = typeof entry["type"] === "string" ? entry["type"] : undefined;
        defined.set(key, {
          value: String(value),
          ...(description ? { description } : {}),
          ...(type ? { type } : {}),
          source: `${source}[${index}]`,
        });
      }
    });
  }
  return defined;
}

export { references } from "../model/references.js";
