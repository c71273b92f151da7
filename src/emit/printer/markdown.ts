// Markdown for the emitted README, written as prettier's markdown printer writes it (prettier 3,
// proseWrap "preserve"): tables aligned, code spans with the fewest backticks, one space between
// words, `-` for bullets. Text from a collection is markdown of any kind; it is reduced to what
// prettier prints as it reads it: code spans, links `[text](url)`, strong `**text**`, and text
// whose other markdown characters are escaped (prettier keeps a word's escapes as written). The
// whole description stays in the JSDoc; the README is the place for a readable summary. Control
// characters and the marks that reorder text are left out (runtime/printable.ts).
import { printable } from "../../runtime/printable.js";
import { isLinkable } from "../links.js";
import { stringWidth } from "./doc.js";
import { memoized } from "../../memo.js";

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE = /[ \t\n]/;

/** One line of collection markdown as inline markdown that prettier leaves as it is. */
export function inlineMarkdown(text: string, options: { table?: boolean } = {}): string {
  return inlineTexts[options.table === true ? 1 : 0](text);
}

/**
 * By text, outside a table and in one: the README writes an argument's description for each
 * operation that has the argument, and the same descriptions recur (Zoom: 3,200 asked, 1,500 texts).
 */
const inlineTexts = [false, true].map((table) =>
  memoized((text) => {
    const source = printable(text.replace(/[ \t\n\r]+/g, " ")).trim();
    return escapeLineStart(inline(source, 0, source.length, { links: true, strong: true, table }));
  }),
) as [(text: string) => string, (text: string) => string];

/** Plain text shown as it is: the characters that could make markdown of it escaped. */
export function plainMarkdown(text: string): string {
  const source = printable(text.replace(/[ \t\n\r]+/g, " ")).trim();
  return escapeLineStart(
    source
      .replace(/[\\`*_{}[\]|~]/g, "\\$&")
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;"),
  );
}

interface Allowed {
  links: boolean;
  strong: boolean;
  table: boolean;
}

/** What inline() writes differently from the text: escapes, code spans, links, strong emphasis. */
const MARKDOWN = /[\\`[\]*_|~{}<>]|http|www\./;

function inline(source: string, start: number, end: number, allowed: Allowed): string {
  // Most text has none of it, and is copied as it is.
  const text = source.slice(start, end);
  if (!MARKDOWN.test(text)) return text;
  let out = "";
  let i = start;
  while (i < end) {
    const char = source[i]!;
    if (char === "\\") {
      const next = source[i + 1];
      if (i + 1 < end && next !== undefined && ASCII_PUNCTUATION.test(next)) {
        // An escape in the source: kept as written (a pipe escaped in a table cell stays one).
        out += `\\${next}`;
        i += 2;
      } else {
        out += "\\\\";
        i += 1;
      }
      continue;
    }
    if (char === "`") {
      const run = runLength(source, i, "`");
      const close = findRun(source, i + run, end, "`", run);
      if (close === -1) {
        out += "\\`".repeat(run);
        i += run;
      } else {
        out += codeSpan(codeValue(source.slice(i + run, close)), allowed.table);
        i = close + run;
      }
      continue;
    }
    // A bare URL is a link to GFM (an autolink literal), which prettier keeps as written: one with
    // nothing markdown could read otherwise in it is copied, any other is written `<url>`.
    // (micromark takes `http` after anything but a letter, `www.` after space or one of `(*_[]~`.)
    if (
      (char === "h"
        ? i === start || !/[A-Za-z]/.test(source[i - 1]!)
        : char === "w" && (i === start || /[\s(*_[\]~]/.test(source[i - 1]!))) &&
      allowed.links
    ) {
      const url = bareUrl(source, i, end);
      if (url) {
        out += /^[A-Za-z0-9\-.~:/?#@!$&'()+,;=%]*$/.test(url) || !/^https?:/.test(url) ? url : `<${url}>`;
        i += url.length;
        continue;
      }
    }
    if (char === "[" && allowed.links) {
      const link = parseLink(source, i, end);
      if (link) {
        out += `[${inline(source, link.textStart, link.textEnd, { ...allowed, links: false })}](${link.url})`;
        i = link.end;
        continue;
      }
    }
    if (char === "*" && allowed.strong && source.startsWith("**", i)) {
      const close = strongClose(source, i, end);
      if (close !== -1) {
        out += `**${inline(source, i + 2, close, { ...allowed, strong: false })}**`;
        i = close + 2;
        continue;
      }
    }
    if (char === "_") {
      const before = source[i - 1];
      const after = source[i + 1];
      const inWord =
        i > start &&
        i + 1 < end &&
        before !== undefined &&
        after !== undefined &&
        LETTER_OR_DIGIT.test(before) &&
        LETTER_OR_DIGIT.test(after);
      out += inWord ? "_" : "\\_";
      i += 1;
      continue;
    }
    out += ESCAPES[char] ?? char;
    i += 1;
  }
  return out;
}

// Braces too: prettier reads `{{` and `{%` as Liquid, and one left open swallows what follows.
const ESCAPES: Record<string, string> = {
  "*": "\\*",
  "[": "\\[",
  "]": "\\]",
  "|": "\\|",
  "~": "\\~",
  "{": "\\{",
  "}": "\\}",
  "<": "&lt;",
  ">": "&gt;",
};

/**
 * The URL at `at` (`http://`, `https://` or `www.`) up to white space, without the punctuation a
 * sentence ends it with; undefined when there is none, or when it holds what GFM would not take
 * (a `www.` URL with markdown characters is read as text).
 */
function bareUrl(source: string, at: number, end: number): string | undefined {
  const match = /^(?:https?:\/\/|www\.)[^\s<>]*/.exec(source.slice(at, end));
  if (!match) return undefined;
  let url = match[0];
  for (;;) {
    const trimmed = url.replace(/[?!.,:*_~'"]+$/, "");
    const opened = (trimmed.match(/\(/g) ?? []).length;
    const closed = (trimmed.match(/\)/g) ?? []).length;
    url = trimmed.endsWith(")") && closed > opened ? trimmed.slice(0, -1) : trimmed;
    if (url === trimmed) break;
  }
  if (url.length <= 8 || /[\\[\]{}|"]/.test(url)) return undefined;
  if (url.startsWith("www.") && !/^[A-Za-z0-9\-.~:/?#@!$&'()+,;=%]*$/.test(url)) return undefined;
  return url;
}

/** A line that would start a block (a heading, a list item, a thematic break) reads as text. */
function escapeLineStart(text: string): string {
  // A leading dash or plus (an item's text after its own marker could make a thematic break).
  if (/^#{1,6}(?: |$)/.test(text) || /^[-+=]/.test(text)) return `\\${text}`;
  return text.replace(/^(\d{1,9})([.)])(?= |$)/, "$1\\$2");
}

function runLength(source: string, at: number, char: string): number {
  let n = 0;
  while (source[at + n] === char) n++;
  return n;
}

/** The start of the next run of exactly `length` `char`s in [from, end), or -1. */
function findRun(source: string, from: number, end: number, char: string, length: number): number {
  let i = from;
  while (i < end) {
    if (source[i] === char) {
      const run = runLength(source, i, char);
      if (run === length && i + run <= end) return i;
      i += run;
    } else i++;
  }
  return -1;
}

/** A code span's content as CommonMark reads it: one space stripped from each end when both have one. */
function codeValue(raw: string): string {
  return raw.length >= 2 && raw.startsWith(" ") && raw.endsWith(" ") && /[^ ]/.test(raw) ? raw.slice(1, -1) : raw;
}

/**
 * A code span as prettier prints one: the fewest backticks that no run in the text has, padded
 * with a space where the text starts or ends with a backtick (or with a space at both ends). In a
 * table cell, a pipe in the code is escaped.
 */
export function codeSpan(text: string, table = false): string {
  const value = printable(text);
  // In a table cell a pipe is written `\|`, and one after a backslash would end the cell: such
  // code is shown as text.
  if (table && /\\\|/.test(value)) return plainMarkdown(value);
  const code = table ? value.replace(/\|/g, "\\|") : value;
  const runs = new Set((code.match(/`+/g) ?? []).map((run) => run.length));
  let ticks = 1;
  while (runs.has(ticks)) ticks++;
  const fence = "`".repeat(ticks);
  const pad =
    code.startsWith("`") || code.endsWith("`") || (/^[\n ]/.test(code) && /[\n ]$/.test(code) && /[^\n ]/.test(code))
      ? " "
      : "";
  return `${fence}${pad}${code}${pad}${fence}`;
}

/**
 * `[text](url)` with a plain URL (no spaces, parentheses, angle brackets, backslashes or character
 * references) that may be linked (links.ts), its text free of brackets but for those in code spans.
 */
function parseLink(
  source: string,
  at: number,
  end: number,
): { textStart: number; textEnd: number; url: string; end: number } | undefined {
  let close = -1;
  for (let i = at + 1; i < end; i++) {
    const char = source[i];
    if (char === "`") {
      const run = runLength(source, i, "`");
      const closing = findRun(source, i + run, end, "`", run);
      if (closing === -1) return undefined;
      i = closing + run - 1;
    } else if (char === "[" || char === "\\" || char === "{" || char === "}") {
      return undefined;
    } else if (char === "]") {
      close = i;
      break;
    }
  }
  if (close === -1 || close === at + 1) return undefined;
  if (source[close + 1] !== "(") return undefined;
  const urlEnd = source.indexOf(")", close + 2);
  if (urlEnd === -1 || urlEnd >= end) return undefined;
  const url = source.slice(close + 2, urlEnd);
  if (url === "" || /[\s()<>\\`{}|]|&#?\w+;/.test(url) || !isLinkable(url)) return undefined;
  return { textStart: at + 1, textEnd: close, url, end: urlEnd + 1 };
}

/** Where `**` at `at` closes, when it opens strong emphasis CommonMark reads as such; -1 otherwise. */
function strongClose(source: string, at: number, end: number): number {
  const close = source.indexOf("**", at + 2);
  if (close === -1 || close + 2 > end || close === at + 2) return -1;
  const content = source.slice(at + 2, close);
  // A URL inside would be an autolink that may take the closing run in.
  if (/[*\\`[\]]|:\/\/|www\.|@/.test(content)) return -1;
  const before = source[at - 1];
  const first = source[at + 2]!;
  const last = source[close - 1]!;
  const after = source[close + 2];
  const isPunctuation = (c: string | undefined) =>
    c !== undefined && (ASCII_PUNCTUATION.test(c) || /\p{P}|\p{S}/u.test(c));
  const isSpace = (c: string | undefined) => c === undefined || SPACE.test(c) || /\s/.test(c);
  const leftFlanking = !isSpace(first) && (!isPunctuation(first) || isSpace(before) || isPunctuation(before));
  const rightFlanking = !isSpace(last) && (!isPunctuation(last) || isSpace(after) || isPunctuation(after));
  if (!leftFlanking || !rightFlanking) return -1;
  // Text right after the closing run must not make it open another pair.
  if (after === "*") return -1;
  return close;
}

/**
 * A collection's description as blocks: paragraphs on one line, bullet lists, tables, code blocks
 * (without a language, which prettier would format), headings as bold lines (the README's own
 * headings keep their levels). HTML and quotes read as text.
 */
export function blockMarkdown(text: string): string {
  const lines = printable(text.replace(/\r\n?/g, "\n")).split("\n");
  const blocks: string[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push(inlineMarkdown(paragraph.join(" ")));
    if (list.length) blocks.push(list.map((item) => `- ${inlineMarkdown(item)}`).join("\n"));
    paragraph = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      for (
        i++;
        i < lines.length &&
        !new RegExp(`^ {0,3}${fence[1]![0] === "`" ? "`" : "~"}{${fence[1]!.length},}\\s*$`).test(lines[i]!);
        i++
      )
        code.push(lines[i]!);
      const value = code.map((l) => l.replace(/[ \t]+$/, "")).join("\n");
      const ticks = "`".repeat(Math.max(3, Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length)) + 1));
      blocks.push(`${ticks}\n${value}\n${ticks}`);
      continue;
    }
    if (line.trim() === "") {
      // A blank line ends a paragraph; bullet lists on both sides of it are one list.
      if (paragraph.length) flush();
      continue;
    }
    const table = tableAt(lines, i);
    if (table) {
      flush();
      blocks.push(table.text);
      i = table.end - 1;
      continue;
    }
    // A heading stays apart, in bold: the README's own headings keep their levels.
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
    const title = heading ? inlineMarkdown(heading[1]!.trim()) : "";
    if (title !== "") {
      flush();
      blocks.push(`**${title}**`);
      continue;
    }
    const item = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item && item[1]!.trim() !== "") {
      if (paragraph.length) {
        blocks.push(inlineMarkdown(paragraph.join(" ")));
        paragraph = [];
      }
      list.push(item[1]!);
    } else if (list.length && !/^\s*$/.test(line) && lines[i - 1]?.trim() !== "") {
      list[list.length - 1] += ` ${line.trim()}`;
    } else {
      if (list.length) flush();
      paragraph.push(line.trim().replace(/^#{1,6}(?:\s+|$)/, ""));
    }
  }
  flush();
  return blocks.filter((b) => b !== "").join("\n\n");
}

/**
 * A GFM table that starts at `lines[start]` (a row, then a delimiter row with as many cells), as
 * prettier aligns it, and the index of the line after it; else undefined. Alignment is not kept.
 */
function tableAt(lines: readonly string[], start: number): { text: string; end: number } | undefined {
  const cells = (row: string) =>
    row
      .trim()
      .replace(/^\|/, "")
      .replace(/(?<!\\)\|$/, "")
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim().replace(/\\\|/g, "|"));
  const header = lines[start]!;
  const delimiter = lines[start + 1];
  if (
    !header.includes("|") ||
    delimiter === undefined ||
    !/^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/.test(delimiter)
  )
    return undefined;
  const head = cells(header);
  if (cells(delimiter).length !== head.length) return undefined;
  const rows: string[][] = [];
  let end = start + 2;
  for (; end < lines.length && lines[end]!.includes("|") && lines[end]!.trim() !== ""; end++) {
    const row = cells(lines[end]!);
    rows.push(head.map((_, column) => row[column] ?? ""));
  }
  const cell = (text: string) => inlineMarkdown(text, { table: true });
  return {
    text: markdownTable(
      head.map(cell),
      rows.map((row) => row.map(cell)),
    ),
    end,
  };
}

/** A table as prettier aligns it: every column as wide as its widest cell (three at least). */
export function markdownTable(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, column) => Math.max(3, ...all.map((row) => stringWidth(row[column] ?? ""))));
  const row = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell + " ".repeat(widths[column]! - stringWidth(cell))).join(" | ")} |`;
  return [row(header), `| ${widths.map((width) => "-".repeat(width)).join(" | ")} |`, ...rows.map(row)].join("\n");
}
