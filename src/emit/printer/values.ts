// JSON values laid out as prettier lays them out, without building documents: the operations'
// metadata in the client's modules (TypeScript object literals) and the tests' cases (JSON files)
// are most of what an emitted package holds, and for plain values prettier's rules come down to a
// few (an object or array is flat when it fits in the line with what follows it up to the next
// line break, and breaks otherwise; an array of two or more objects always breaks; a string after
// a long key moves to the next line; numbers fill lines). typescript.ts (valueExpr, whose documents
// are expressions.ts's) and json.ts print the same values through documents;
// test/emit/printer.test.ts checks that both give the same text.
import { indentUnit, stringWidth, type PrintOptions } from "./doc.js";
import { keyText, printNumber, printString } from "./literals.js";
import { jsonString, stringLiteral } from "../literals.js";

export type Dialect = "ts" | "json";

interface Context {
  dialect: Dialect;
  options: PrintOptions;
  unit: string;
  /** What is laid out so far. */
  out: string;
  /**
   * Long strings' literals, once each: a string too long for its line is escaped again by every
   * object around it that tries to lay itself out flat (an operation's descriptions, at depth 4).
   */
  literals: Map<string, string>;
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
  const context: Context = {
    dialect,
    options,
    unit: indentUnit(options),
    out: "",
    literals: new Map(),
  };
  layout(context, value, column, depth, trailing.length, expand);
  return context.out;
}

/**
 * Whether the value is printed broken (over several lines) where `room` columns are left for it and
 * what follows it on its line: it holds a group that must break, or it does not fit.
 */
export function valueBreaks(value: object, dialect: Dialect, options: PrintOptions, room: number, expand = 0): boolean {
  const context: Context = { dialect, options, unit: "", out: "", literals: new Map() };
  // An object `expand` forces open breaks even when it is empty.
  return (expand > 0 && !Array.isArray(value)) || flatText(context, value, room, expand) === undefined;
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
  if (typeof value === "string") {
    if (value.length < LONG) return stringText(context, value);
    let text = context.literals.get(value);
    if (text === undefined) context.literals.set(value, (text = stringText(context, value)));
    return text;
  }
  if (typeof value === "number") {
    // An integer's digits are its literal (the rules of printNumber change none).
    if (Number.isSafeInteger(value)) return String(value);
    const raw = JSON.stringify(value);
    return raw.startsWith("-") ? `-${printNumber(raw.slice(1))}` : printNumber(raw);
  }
  throw new TypeError(`no JSON form for ${typeof value}`);
}

/** A string this long is escaped once per layout (shorter ones cost less to escape than to look up). */
const LONG = 40;

function stringText(context: Context, value: string): string {
  return context.dialect === "json" ? jsonString(value) : printString(stringLiteral(value));
}

function key(context: Context, name: string): string {
  return context.dialect === "json" ? jsonString(name) : keyText(name, "object");
}

/**
 * The value on one line, or undefined once it is known to be wider than `limit` or to hold a group
 * that must break (an object `expand` forces open, an array of objects: arrayBreaks): measured as
 * it is written, so that what does not fit costs no more than the line. The groups that must break
 * are found on the same walk: looked for on a second one, they cost a seventh of the layout.
 */
function flatText(context: Context, value: unknown, limit: number, expand: number): string | undefined {
  let out = "";
  let width = 0;
  const add = (text: string, textWidth: number): boolean => {
    out += text;
    width += textWidth;
    return width <= limit;
  };
  const walk = (v: unknown, expand: number): boolean => {
    if (v === null || typeof v !== "object") {
      const text = scalar(context, v);
      // Only a string's literal can hold a character wider or narrower than one column.
      return add(text, typeof v === "string" ? stringWidth(text) : text.length);
    }
    if (Array.isArray(v)) {
      if (!v.length) return add("[]", 2);
      if (arrayBreaks(v) || !add("[", 1)) return false;
      for (let i = 0; i < v.length; i++) if ((i > 0 && !add(", ", 2)) || !walk(v[i], expand - 1)) return false;
      return add("]", 1);
    }
    // Its keys, not its entries: a walk stops at the line's end, mostly a few keys in.
    const names = Object.keys(v);
    if (!names.length) return add("{}", 2);
    if (expand > 0 || !add("{ ", 2)) return false;
    for (let i = 0; i < names.length; i++) {
      const k = key(context, names[i]!);
      if (
        (i > 0 && !add(", ", 2)) ||
        !add(`${k}: `, stringWidth(k) + 2) ||
        !walk((v as Record<string, unknown>)[names[i]!], expand - 1)
      )
        return false;
    }
    return add(" }", 2);
  };
  return walk(value, expand) ? out : undefined;
}

/**
 * Appends the value's text to `context.out`: one string written in order, not each level's lines
 * joined into its parent's (which copied a deep value's text once per level).
 */
function layout(
  context: Context,
  value: unknown,
  column: number,
  depth: number,
  trailing: number,
  expand: number,
): void {
  if (value === null || typeof value !== "object") {
    context.out += scalar(context, value);
    return;
  }
  const isArray = Array.isArray(value);
  const entries = isArray ? undefined : Object.entries(value);
  if (isArray ? value.length === 0 : entries!.length === 0) {
    context.out += isArray ? "[]" : "{}";
    return;
  }
  // Flat when it fits and nothing in it must break (both only looked at as far as the line goes).
  const text = flatText(context, value, context.options.printWidth - column - trailing, expand);
  if (text !== undefined) {
    context.out += text;
    return;
  }
  const inner = `\n${context.unit.repeat(depth + 1)}`;
  const close = `\n${context.unit.repeat(depth)}`;
  // A tab counts as the tab width.
  const innerColumn = (depth + 1) * context.options.tabWidth;
  const comma = context.dialect === "ts" ? "," : "";
  if (isArray) {
    if (value.every((v) => typeof v === "number")) {
      context.out += `[${inner}${fillNumbers(context, value, innerColumn, inner, comma)}${close}]`;
      return;
    }
    context.out += "[";
    for (let i = 0; i < value.length; i++) {
      const after = i === value.length - 1 ? comma : ",";
      context.out += inner;
      layout(context, value[i], innerColumn, depth + 1, after.length, expand - 1);
      context.out += after;
    }
    context.out += `${close}]`;
    return;
  }
  context.out += "{";
  for (let i = 0; i < entries!.length; i++) {
    const [name, v] = entries![i]!;
    const after = i === entries!.length - 1 ? comma : ",";
    context.out += inner;
    property(context, key(context, name), v, innerColumn, depth + 1, after, expand - 1);
    context.out += after;
  }
  context.out += `${close}}`;
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
): void {
  const { printWidth, tabWidth } = context.options;
  const headWidth = stringWidth(name) + 2;
  const nextLine = () => `${name}:\n${context.unit.repeat(depth + 1)}`;
  if (context.dialect === "json") {
    context.out += `${name}: `;
    layout(context, value, column + headWidth, depth, after.length, expand);
    return;
  }
  // A key narrower than an indentation and a half never has its value moved off its line.
  const shortKey = headWidth - 2 < tabWidth + 3;
  if (value !== null && typeof value === "object") {
    // `key: {` stays on the line unless even that does not fit (then the value moves, indented).
    const empty = Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
    const opening = empty ? 2 + after.length : 1;
    if (shortKey || column + headWidth + opening <= printWidth) {
      context.out += `${name}: `;
      layout(context, value, column + headWidth, depth, after.length, expand);
    } else {
      context.out += nextLine();
      layout(context, value, (depth + 1) * tabWidth, depth + 1, after.length, expand);
    }
    return;
  }
  const text = scalar(context, value);
  const fitsBeside = () => column + headWidth + stringWidth(text) + after.length <= printWidth;
  // Strings move to the next line after a long key when they do not fit; booleans and numbers never
  // move; `null` and negative numbers move when they do not fit.
  const beside =
    shortKey || typeof value === "boolean" || (typeof value === "number" && !text.startsWith("-")) || fitsBeside();
  context.out += beside ? `${name}: ${text}` : `${nextLine()}${text}`;
}

/** An array of numbers fills each line with as many as fit (prettier's `fill`). */
function fillNumbers(context: Context, values: number[], column: number, lineBreak: string, lastComma: string): string {
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
      out += lineBreak;
      position = column;
    }
  }
  return out;
}
