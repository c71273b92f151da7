// Collection, folder and item variables. They are not resolved here: the emitted client fills
// `{{name}}` in when it sends, from the caller's variables first and these values second. (The
// SDK's VariableScope#replaceIn would also fill {{$guid}} with random values, breaking determinism.)
import { descriptionText } from "./description.js";
import { isObject } from "./json.js";
import type { VariableList } from "./walk.js";
import type { Source } from "../model/types.js";

/**
 * A variable's value as the text a client sends: the collection's variables (and its folders' and
 * requests'), an environment's and the globals' are read by this one rule (variableValue).
 */
export interface VariableValue {
  value: string;
  /** Written `null`: sent as the text null, but as a secret it holds nothing (heldSecret). */
  null?: true;
  /** Written as an object or an array, which Postman sends as JavaScript's text of it (notText). */
  written?: "object" | "array";
}

/**
 * A string as it is, a number or a boolean as its text (`11`, `true`), `null` as the text null
 * (`?size=null`), no value at all (`{"key": "size"}`) as empty, and an object or an array as
 * JavaScript's text of it (`[object Object]`, `1,2`), as newman and Postman send them (an export
 * holds a null where a script set one: `pm.collectionVariables.set("size", null)`).
 */
export function variableValue(raw: unknown): VariableValue | undefined {
  if (raw === undefined) return { value: "" };
  if (raw === null) return { value: "null", null: true };
  if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean") return { value: String(raw) };
  if (Array.isArray(raw)) return { value: javaScriptText(raw), written: "array" };
  if (isObject(raw)) return { value: javaScriptText(raw), written: "object" };
  return undefined;
}

/**
 * What Postman sends for a JSON value (its SDK's Variable#toString): an array's items joined by
 * commas (a null item empty), an object `[object Object]`, or empty where the object holds a
 * `toString` of its own (data, not a function, so the SDK sends nothing). String is not called on
 * an object: a `toString` held as data would make it throw, as it makes newman's run stop when such
 * an object is an array's item (the client sends that item empty).
 */
function javaScriptText(value: unknown): string {
  if (Array.isArray(value)) return value.map((item) => (item === null ? "" : javaScriptText(item))).join(",");
  if (isObject(value)) return Object.hasOwn(value, "toString") ? "" : "[object Object]";
  return String(value);
}

/**
 * The warning for a value written as an object or an array (almost surely an authoring slip: a
 * value is text), saying what is sent; an array's text is not quoted for a secret (an object's
 * text quotes nothing of it).
 */
export function notText(key: string, variable: VariableValue, secret: boolean): string | undefined {
  if (!variable.written) return undefined;
  const text =
    secret && variable.written === "array"
      ? "its items' text joined by commas"
      : `the text ${JSON.stringify(variable.value)}${variable.written === "array" ? " (its items' text joined by commas)" : ""}`;
  // A secret is left out of the client (its own warning says so): only Postman sends it.
  const sent = secret ? `which Postman sends as ${text}` : `sent as ${text}, as Postman sends it`;
  const what = variable.written === "object" ? "an object" : "an array";
  return `the value of variable ${JSON.stringify(key)} is ${what}, ${sent}: write it as text (a string) if that is not what was meant`;
}

/**
 * What leaving a secret's value out of the client leaves out: nothing for an empty value or a null,
 * which the client asks for at run time all the same (an export carries no current value, which
 * may be the real one), else its text, which is warned of and masked wherever it is quoted.
 */
export function heldSecret(variable: VariableValue): string | undefined {
  return variable.null || variable.value === "" ? undefined : variable.value;
}

export interface DefinedVariable extends VariableValue {
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
      const value = variableValue(entry["value"]);
      if (typeof key !== "string" || key === "") return;
      if (value) {
        const description = descriptionText(entry["description"]);
        const type = typeof entry["type"] === "string" ? entry["type"] : undefined;
        defined.set(key, {
          ...value,
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
