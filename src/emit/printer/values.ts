// JSON values laid out as prettier lays them out, without building documents: the operations'
// metadata in the client's modules (TypeScript object literals) and the tests' cases (JSON files)
// are most of what an emitted package holds, and for plain values prettier's rules come down to a
// few (an object or array is flat when it fits in the line with what follows it up to the next
// line break, and breaks otherwise; an array of two or more objects always breaks; a string after
// a long key moves to the next line; numbers fill lines). typescript.ts (valueExpr, whose documents
// are expressions.ts's) and json.ts print the same values through documents;
// test/emit/printer.test.ts checks that both give the same text.
import { stringWidth, type PrintOptions } from "./doc.js";
import { keyText, printNumber, printString } from "./literals.js";
import { stringLiteral } from "../literals.js";

export type Dialect = "ts" | "json";

interface Context {
  dialect: Dialect;
  options: PrintOptions;
  unit: string;
}

/**
 * `value` as it is printed at `column` (the width of its line so far), at indentation `depth`, with
 * `trailing` (what follows it on its line: `,` or `;`) after it. `expand` forces the outermost
 * objects open, as a line break after their `{` does for prettier.
 */
export function layoutValue(
  value: unknown,
  dialect: Dialect,
  options: PrintOptions,
  column: number,
  depth: number,
  trailing: string,
  expand = 0,
): string {
  const context: Context = { dialect, options, unit: options.useTabs ? "\t" : " ".repeat(options.tabWidth) };
  return layout(context, value, column, depth, trailing.length, expand);
}

/** Whether the value holds a group that must break (objects forced open, arrays of objects). */
function forced(value: unknown, expand: number): boolean {
  if (Array.isArray(value)) return arrayBreaks(value) || value.some((v) => forced(v, expand - 1));
  if (value !== null && typeof value === "object") {
    const values = Object.values(value);
    return (expand > 0 && values.length > 0) || values.some((v) => forced(v, expand - 1));
  }
  return false;
}

function arrayBreaks(values: unknown[]): boolean {
  if (values.length < 2) return false;
  const kind = (v: unknown) => (Array.isArray(v) ? "array" : v !== null && typeof v === "object" ? "object" : "other");
  return values.every((v, i) => {
    const k = kind(v);
    if (k === "other") return false;
    if (i < values.length - 1 && kind(values[i + 1]) !== k) return false;
    return (Array.isArray(v) ? v.length : Object.keys(v as object).length) > 1;
  });
}

function scalar(context: Context, value: unknown): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "string")
    return context.dialect === "json" ? JSON.stringify(value) : printString(stringLiteral(value));
  if (typeof value === "number") {
    const raw = JSON.stringify(value);
    return raw.startsWith("-") ? `-${printNumber(raw.slice(1))}` : printNumber(raw);
  }
  throw new TypeError(`no JSON form for ${typeof value}`);
}

function key(context: Context, name: string): string {
  return context.dialect === "json" ? JSON.stringify(name) : keyText(name, "object");
}

/** The value's width on one line, or any number past `limit` once it is known to exceed it. */
function flatWidth(context: Context, value: unknown, limit: number): number {
  if (value === null || typeof value !== "object") return stringWidth(scalar(context, value));
  if (Array.isArray(value)) {
    if (!value.length) return 2;
    let width = 2 + 2 * (value.length - 1);
    for (const v of value) {
      if (width > limit) return width;
      width += flatWidth(context, v, limit - width);
    }
    return width;
  }
  const entries = Object.entries(value);
  if (!entries.length) return 2;
  let width = 4 + 2 * (entries.length - 1);
  for (const [k, v] of entries) {
    if (width > limit) return width;
    width += stringWidth(key(context, k)) + 2;
    width += flatWidth(context, v, limit - width);
  }
  return width;
}

/** The value on one line. */
function flat(context: Context, value: unknown): string {
  if (value === null || typeof value !== "object") return scalar(context, value);
  if (Array.isArray(value)) return value.length ? `[${value.map((v) => flat(context, v)).join(", ")}]` : "[]";
  const entries = Object.entries(value);
  return entries.length ? `{ ${entries.map(([k, v]) => `${key(context, k)}: ${flat(context, v)}`).join(", ")} }` : "{}";
}

function layout(
  context: Context,
  value: unknown,
  column: number,
  depth: number,
  trailing: number,
  expand: number,
): string {
  if (value === null || typeof value !== "object") return scalar(context, value);
  const { printWidth } = context.options;
  const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  if (empty) return Array.isArray(value) ? "[]" : "{}";
  // Flat when it fits and nothing in it must break (both only looked at as far as the line goes).
  const room = printWidth - column - trailing;
  if (flatWidth(context, value, room) <= room && !forced(value, expand)) return flat(context, value);
  const inner = context.unit.repeat(depth + 1);
  // A tab counts as the tab width.
  const innerColumn = (depth + 1) * context.options.tabWidth;
  const comma = context.dialect === "ts" ? "," : "";
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === "number"))
      return `[\n${inner}${fillNumbers(context, value, innerColumn, inner, comma)}\n${context.unit.repeat(depth)}]`;
    const lines = value.map((v, i) => {
      const last = i === value.length - 1;
      const after = last ? comma : ",";
      return `${inner}${layout(context, v, innerColumn, depth + 1, after.length, expand - 1)}${after}`;
    });
    return `[\n${lines.join("\n")}\n${context.unit.repeat(depth)}]`;
  }
  const lines = Object.entries(value).map(([name, v], i, entries) => {
    const last = i === entries.length - 1;
    const after = last ? comma : ",";
    return `${inner}${property(context, key(context, name), v, innerColumn, depth + 1, after, expand - 1)}${after}`;
  });
  return `{\n${lines.join("\n")}\n${context.unit.repeat(depth)}}`;
}

/** `key: value` with prettier's assignment layouts (JSON: the value always beside its key). */
function property(
  context: Context,
  name: string,
  value: unknown,
  column: number,
  depth: number,
  after: string,
  expand: number,
): string {
  const { printWidth, tabWidth } = context.options;
  const head = `${name}: `;
  const headWidth = stringWidth(head);
  const nextLine = (text: string) => `${name}:\n${context.unit.repeat(depth + 1)}${text}`;
  if (context.dialect === "json") return head + layout(context, value, column + headWidth, depth, after.length, expand);
  if (value !== null && typeof value === "object") {
    // `key: {` stays on the line unless even that does not fit (then the value moves, indented).
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
    const opening = empty ? 2 + after.length : 1;
    if (column + headWidth + opening <= printWidth)
      return head + layout(context, value, column + headWidth, depth, after.length, expand);
    return nextLine(layout(context, value, (depth + 1) * tabWidth, depth + 1, after.length, expand));
  }
  const text = scalar(context, value);
  const shortKey = stringWidth(name) < tabWidth + 3;
  const fitsBeside = column + headWidth + stringWidth(text) + after.length <= printWidth;
  if (typeof value === "string") return shortKey || fitsBeside ? head + text : nextLine(text);
  // Booleans and numbers never move; `null` and negative numbers move when they do not fit.
  if (typeof value === "boolean" || (typeof value === "number" && !text.startsWith("-")) || shortKey)
    return head + text;
  return fitsBeside ? head + text : nextLine(text);
}

/** An array of numbers fills each line with as many as fit (prettier's `fill`). */
function fillNumbers(context: Context, values: number[], column: number, indent: string, lastComma: string): string {
  const { printWidth } = context.options;
  const items = values.map((v, i) => `${scalar(context, v)}${i === values.length - 1 ? lastComma : ","}`);
  let out = "";
  let position = column;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    out += item;
    position += item.length;
    if (i === items.length - 1) break;
    const next = items[i + 1]!;
    if (position + 1 + next.length <= printWidth) {
      out += " ";
      position += 1;
    } else {
      out += `\n${indent}`;
      position = column;
    }
  }
  return out;
}

/**
 * `head` (`export const name: Type = `, on one line) followed by an object or array value and `;`,
 * or undefined when prettier would break the line after `=` or inside the head, which the caller
 * then prints with documents.
 */
export function layoutDeclaration(
  head: string,
  value: object,
  options: PrintOptions,
  expand: number,
): string | undefined {
  const column = stringWidth(head);
  const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
  if (column + (empty ? 3 : 1) > options.printWidth) return undefined;
  return `${head}${layoutValue(value, "ts", options, column, 0, ";", expand)};`;
}
