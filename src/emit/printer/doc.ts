// Prettier's own layout algorithm (its public `prettier/doc` module: the document builders and
// the printer that breaks groups that do not fit), without its parsers. The printers beside this
// module build, for the few constructs an emitted package has, the same documents prettier's
// printers build, so that what they print is what prettier would print: formatting it again
// changes nothing (test/generated-packages.test.ts and test/emit/printer.test.ts check it), and no
// prettier parser has to load or run. Loading `prettier/doc` takes a few milliseconds.
import { builders, printer } from "prettier/doc";

export type Doc = builders.Doc;

export const {
  align,
  breakParent,
  conditionalGroup,
  fill,
  group,
  hardline,
  ifBreak,
  indent,
  indentIfBreak,
  join,
  label,
  line,
  lineSuffixBoundary,
  softline,
} = builders;

/** The options the printers follow: prettier's names and meanings. */
export interface PrintOptions {
  printWidth: number;
  tabWidth: number;
  useTabs: boolean;
}

/** One level of indentation, as prettier writes it with these options. */
export function indentUnit(options: PrintOptions): string {
  return options.useTabs ? "\t" : " ".repeat(options.tabWidth);
}

/** Prettier's defaults, with this project's print width. */
export const PRINT_DEFAULTS: PrintOptions = { printWidth: 100, tabWidth: 2, useTabs: false };

export function printDoc(doc: Doc, options: PrintOptions): string {
  return printer.printDocToString(doc, options).formatted;
}

const widths = new Map<string, number>();

/**
 * Text prettier gives one column a character without measuring: ASCII, the Latin-1 supplement and
 * Latin extended letters (up to the combining marks), and general punctuation's dashes, quotes,
 * bullets and ellipsis (none of them wide, zero-width or an emoji), each one UTF-16 unit. The
 * descriptions' other characters are measured.
 */
const NARROW = /^[\x20-\x7e\u00a0-\u02ff\u2010-\u2027]*$/;

/**
 * The width prettier gives a text (East Asian wide characters and most emoji count two, combining
 * marks none). Prettier's own measure is not exported; its printer uses it, so the width is the
 * shortest line the text fits on, found by bisection. ASCII text is its length.
 */
export function stringWidth(text: string): number {
  if (NARROW.test(text)) return text.length;
  let width = widths.get(text);
  if (width === undefined) {
    const fits = (printWidth: number) =>
      !printDoc(group([text, line, "x"]), { printWidth, tabWidth: 2, useTabs: false }).includes("\n");
    let low = 0;
    let high = 4 * text.length + 4;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (fits(middle + 2)) high = middle;
      else low = middle + 1;
    }
    width = low;
    widths.set(text, width);
  }
  return width;
}

// -- Document utilities ------------------------------------------------------------------------

type DocObject = Exclude<Doc, string | Doc[]>;

/** prettier's willBreak: the document holds a group that must break, or a hard line. */
export function willBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(willBreak);
  const d = doc as DocObject & {
    contents?: Doc;
    parts?: Doc[];
    breakContents?: Doc;
    flatContents?: Doc;
    hard?: boolean;
    break?: boolean;
  };
  switch (d.type) {
    case "group":
      return d.break === true || willBreak(d.contents!);
    case "line":
      return d.hard === true;
    case "break-parent":
      return true;
    case "fill":
      return d.parts!.some(willBreak);
    case "if-break":
      return willBreak(d.breakContents ?? "") || willBreak(d.flatContents ?? "");
    default:
      return d.contents !== undefined ? willBreak(d.contents) : false;
  }
}

/** prettier's canBreak: the document holds a line of any kind. */
export function canBreak(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(canBreak);
  const d = doc as DocObject & {
    contents?: Doc;
    parts?: Doc[];
    breakContents?: Doc;
    flatContents?: Doc;
    expandedStates?: Doc[];
  };
  switch (d.type) {
    case "line":
      return true;
    case "fill":
      return d.parts!.some(canBreak);
    case "if-break":
      return canBreak(d.breakContents ?? "") || canBreak(d.flatContents ?? "");
    default:
      return d.contents !== undefined ? canBreak(d.contents) : false;
  }
}
