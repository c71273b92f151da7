// Handlebars for the emitted package's tests, README, package.json and tsconfig. HTML escaping is
// off for every template: each value goes through a helper that escapes for its exact context.
//
// The build precompiles every template (PRECOMPILED_FILE), so that a generation loads only
// Handlebars' runtime, not its parser and compiler, and compiles nothing. A template whose text (or
// whose Handlebars, or options) is not the one the build saw, edited in an installed package say,
// is compiled from its text here: the precompiled ones are keyed by a hash of all three.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type HandlebarsNamespace from "handlebars";
import { inertLinks } from "./links.js";
import { jsonLiteral, stringLiteral } from "./literals.js";
import { oneLine } from "../model/markdown.js";
import { builtFile, TEMPLATE_DIR } from "../paths.js";
import { printable } from "../runtime/printable.js";

type Handlebars = typeof HandlebarsNamespace;
type Template = HandlebarsNamespace.TemplateDelegate;

/** Each compile gets a copy: Handlebars' precompile adds its defaults to the object it is given. */
const OPTIONS = { noEscape: true, strict: true } as const;

const HELPERS: HandlebarsNamespace.HelperDeclareSpec = {
  /** A JSON value as a TypeScript expression (strings, arrays, objects). */
  json: (value: unknown) => jsonLiteral(value),
  /** A string literal for TypeScript code. */
  str: (value: unknown) => stringLiteral(String(value)),
  /** Text shown literally in markdown prose: markdown and HTML syntax escaped. */
  mdText: (value: unknown) => escapeMarkdown(String(value)),
  /** A table cell: one line, pipes escaped. */
  mdCell: (value: unknown) => escapeHtml(oneLine(printable(String(value ?? "")))).replace(/\|/g, "\\|"),
  /** Collection markdown kept as markdown, with raw HTML and links to scripts and data neutralised. */
  mdBlock: (value: unknown) => inertLinks(escapeHtml(printable(String(value ?? "")))),
  /** Text inside a one-line code comment (`// …`) or an HTML comment: no line breaks, no `-->`. */
  comment: (value: unknown) => printable(String(value).replace(/[\r\n\u2028\u2029]+/g, " ")).replace(/--/g, "‐‐"),
  /** An inline code span that no backtick in the value can close. */
  code: (value: unknown) => codeSpan(String(value)),
  /** A fenced code block delimiter longer than any backtick run in the content. */
  fence: (value: unknown) => "`".repeat(Math.max(3, longestRun(String(value)) + 1)),
  join: (list: unknown, separator: unknown) => (Array.isArray(list) ? list.join(String(separator)) : ""),
  eq: (a: unknown, b: unknown) => a === b,
};

const require = createRequire(import.meta.url);
let runtime: Handlebars | undefined;
let compiler: Handlebars | undefined;

/** An environment of Handlebars' runtime alone, with the helpers: runs precompiled templates. */
function runtimeEnvironment(): Handlebars {
  return (runtime ??= withHelpers((require("handlebars/runtime") as Handlebars).create()));
}

/** An environment of the full Handlebars, with the helpers: compiles templates (loaded on first use). */
function compilerEnvironment(): Handlebars {
  return (compiler ??= withHelpers((require("handlebars") as Handlebars).create()));
}

function withHelpers(environment: Handlebars): Handlebars {
  environment.registerHelper(HELPERS);
  return environment;
}

/** The key of a template's precompiled form: its text, compiled by this Handlebars with OPTIONS. */
export function templateKey(source: string): string {
  return createHash("sha256")
    .update(runtimeEnvironment().VERSION)
    .update("\0")
    .update(JSON.stringify(OPTIONS))
    .update("\0")
    .update(source)
    .digest("hex");
}

/**
 * The precompiled templates (an ES module, so that they load without an eval), written by the
 * build (build/write-templates-dist.ts); used where their keys match.
 */
export const PRECOMPILED_FILE = builtFile("templates-dist.js");

type Precompiled = Record<string, Parameters<Handlebars["template"]>[0]>;
let precompiled: Promise<Precompiled> | undefined;

async function readPrecompiled(): Promise<Precompiled> {
  try {
    return ((await import(pathToFileURL(PRECOMPILED_FILE).href)) as { default: Precompiled }).default;
  } catch {
    // Not built (yet): every template is compiled when first rendered.
    return {};
  }
}

/** A template from its text: the build's precompiled form when it is this text's, else compiled now. */
export async function templateFrom(source: string): Promise<Template> {
  const spec = (await (precompiled ??= readPrecompiled()))[templateKey(source)];
  return spec ? runtimeEnvironment().template(spec) : compilerEnvironment().compile(source, { ...OPTIONS });
}

/** What the build writes to PRECOMPILED_FILE: every template under templates/, precompiled. */
export function precompiledModule(): string {
  const entries = readdirSync(TEMPLATE_DIR, { recursive: true, encoding: "utf8" })
    .filter((path) => path.endsWith(".hbs"))
    .sort()
    .map((path) => {
      const source = readFileSync(join(TEMPLATE_DIR, path), "utf8");
      const spec = String(compilerEnvironment().precompile(source, { ...OPTIONS }));
      return `  ${JSON.stringify(templateKey(source))}: ${spec},\n`;
    });
  return `// Written by the build (src/build/write-templates-dist.ts): each template of templates/ precompiled.\nexport default {\n${entries.join("")}};\n`;
}

const cache = new Map<string, Template>();

/** Forgets the templates rendered so far, so that the next render reads each from its file again (see forgetGeneratorFingerprint). */
export function forgetTemplates(): void {
  cache.clear();
}

export async function render(template: string, view: object): Promise<string> {
  let compiled = cache.get(template);
  if (!compiled) {
    compiled = await templateFrom(await readFile(join(TEMPLATE_DIR, template), "utf8"));
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
  return oneLine(printable(text))
    .replace(/[\\`*_{}[\]()#+!|~]/g, "\\$&")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** A markdown code span that no backtick in the text can close. */
export function codeSpan(source: string): string {
  const text = printable(source);
  const ticks = "`".repeat(longestRun(text) + 1);
  const pad = text.startsWith("`") || text.endsWith("`") || text === "" ? " " : "";
  return `${ticks}${pad}${oneLine(text)}${pad}${ticks}`;
}

function longestRun(text: string): number {
  return Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
}
