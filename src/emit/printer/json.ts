// JSON files as prettier prints them with its "json" parser (the estree printer's objects and
// arrays: an object or array breaks when it does not fit, an array of two or more objects or
// arrays always does, keys and strings keep their double quotes, no trailing commas).
import { fill, group, hardline, indent, line, printDoc, softline, type Doc, type PrintOptions } from "./doc.js";
import { jsonString } from "../literals.js";
import { printNumber } from "./literals.js";
import { layoutValue } from "./values.js";

/**
 * A JSON file. `expand` is how many levels of objects, from the outermost, are written with a line
 * break after their `{` (prettier keeps such objects broken: objectWrap "preserve"). Laid out by
 * values.ts, which gives what the documents below give, quicker.
 */
export function printJson(value: unknown, options: PrintOptions, expand = 0): string {
  // Joined, not concatenated: one string, not a rope of the layout's pieces (see printModule).
  return [layoutValue(value, "json", options, 0, 0, "", expand), "\n"].join("");
}

/** The same through prettier's documents (the reference values.ts is tested against). */
export function printJsonDoc(value: unknown, options: PrintOptions, expand = 0): string {
  return printDoc([jsonDoc(value, expand), hardline], options);
}

export function jsonDoc(value: unknown, expand = 0): Doc {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "string") return jsonString(value);
  if (typeof value === "number") {
    const raw = JSON.stringify(value);
    return raw.startsWith("-") ? ["-", printNumber(raw.slice(1))] : printNumber(raw);
  }
  if (Array.isArray(value)) return arrayDoc(value, expand);
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    if (!entries.length) return group(["{", "}"]);
    const parts = entries.map(([key, v], i) => [
      i > 0 ? [",", line] : "",
      group([group(jsonString(key)), ":", " ", jsonDoc(v, expand - 1)]),
    ]);
    return group(["{", indent([line, ...parts]), line, "}"], { shouldBreak: expand > 0 });
  }
  throw new TypeError(`no JSON form for ${typeof value}`);
}

function arrayDoc(values: unknown[], expand: number): Doc {
  if (!values.length) return group(["[", "]"]);
  const kind = (v: unknown) => (Array.isArray(v) ? "array" : v !== null && typeof v === "object" ? "object" : "other");
  const size = (v: unknown) => (Array.isArray(v) ? v.length : Object.keys(v as object).length);
  const shouldBreak =
    values.length > 1 &&
    values.every(
      (v, i) => kind(v) !== "other" && (i === values.length - 1 || kind(values[i + 1]) === kind(v)) && size(v) > 1,
    );
  if (values.every((v) => typeof v === "number")) {
    const parts: Doc[] = [];
    values.forEach((v, i) => {
      const last = i === values.length - 1;
      parts.push([jsonDoc(v), last ? "" : ","]);
      if (!last) parts.push(line);
    });
    return group(["[", indent([softline, fill(parts)]), softline, "]"], { shouldBreak });
  }
  const parts: Doc[] = [];
  values.forEach((v, i) => {
    parts.push(group(jsonDoc(v, expand - 1)));
    if (i < values.length - 1) parts.push([",", line, ""]);
  });
  return group(["[", indent([softline, parts]), softline, "]"], { shouldBreak });
}
