// Handlebars for the emitted package's tests, README, package.json and tsconfig. HTML escaping is
// off for every template: each value goes through a helper that escapes for its exact context.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Handlebars from "handlebars";
import { jsonLiteral, stringLiteral } from "./literals.js";
import { oneLine } from "../model/markdown.js";
import { PACKAGE_ROOT } from "../paths.js";

const TEMPLATE_DIR = join(PACKAGE_ROOT, "templates");

const handlebars = Handlebars.create();

handlebars.registerHelper({
  /** A JSON value as a TypeScript expression (strings, arrays, objects). */
  json: (value: unknown) => jsonLiteral(value),
  /** A string literal for TypeScript code. */
  str: (value: unknown) => stringLiteral(String(value)),
  /** Text shown literally in markdown prose: markdown and HTML syntax escaped. */
  mdText: (value: unknown) => escapeMarkdown(String(value)),
  /** A table cell: one line, pipes escaped. */
  mdCell: (value: unknown) => escapeHtml(oneLine(String(value ?? ""))).replace(/\|/g, "\\|"),
  /** Collection markdown kept as markdown, with raw HTML and script links neutralised. */
  mdBlock: (value: unknown) =>
    escapeHtml(String(value ?? "")).replace(/\]\(\s*(?:javascript|data|vbscript):[^)]*\)/gi, "](#)"),
  /** Text inside a one-line code comment (`// …`) or an HTML comment: no line breaks, no `-->`. */
  comment: (value: unknown) =>
    String(value)
      .replace(/[\r\n\u2028\u2029]+/g, " ")
      .replace(/--/g, "‐‐"),
  /** An inline code span that no backtick in the value can close. */
  code: (value: unknown) => codeSpan(String(value)),
  /** A fenced code block delimiter longer than any backtick run in the content. */
  fence: (value: unknown) => "`".repeat(Math.max(3, longestRun(String(value)) + 1)),
  join: (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(String(separator)) : ""),
  eq: (a: unknown, b: unknown) => a === b,
});

const cache = new Map<string, Handlebars.TemplateDelegate>();

export async function render(template: string, view: object): Promise<string> {
  let compiled = cache.get(template);
  if (!compiled) {
    const source = await readFile(join(TEMPLATE_DIR, template), "utf8");
    compiled = handlebars.compile(source, { noEscape: true, strict: true });
    cache.set(template, compiled);
  }
  return compiled(view);
}

function escapeHtml(text: string): string {
  // Outside code spans only: inside them, `<` is already shown literally.
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part
            .replace(/&(?![#\w]+;)/g, "&amp;")
            .replace(/</g, "&lt;")
            .replace(/>/g, "&gt;"),
    )
    .join("");
}

function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()#+!|~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** A markdown code span that no backtick in the text can close. */
export function codeSpan(text: string): string {
  const ticks = "`".repeat(longestRun(text) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text === "" ? " " : "";
  return `${ticks}${pad}${oneLine(text)}${pad}${ticks}`;
}

function longestRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
