// How emitted files get prettier's formatting. The generator writes TypeScript, JSON and markdown
// the way prettier prints them (printer/*), so with the options it can print natively (the
// project's defaults, or a user's config that changes only the width and the indentation) no file
// is formatted at all, and prettier is not even loaded. The files copied into every package
// (runtime, test kit) were formatted when the generator was built (prebuiltFormatted, compile.ts).
// With any other config (`semi: false`, single quotes, …) every file goes through prettier, in
// chunks (big files), and cached (format-cache.ts).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type prettierTypes from "prettier";
import { prebuiltFormatted } from "./compile.js";
import { FormatCache } from "../cache/format-cache.js";
import type { PrintOptions } from "./printer/doc.js";
import { formattingInputs } from "../cache/fingerprint.js";

type Prettier = typeof prettierTypes;
type Options = prettierTypes.Options;

let prettierModule: Promise<Prettier> | undefined;

/** prettier, loaded on first use: a run that formats nothing never loads it. */
export function loadPrettier(): Promise<Prettier> {
  prettierModule ??= import("prettier").then((module) => module.default);
  return prettierModule;
}

const PARSERS: Record<string, string> = {
  ".ts": "babel-ts",
  ".js": "babel",
  ".json": "json",
  ".md": "markdown",
};

/** The formatting of emitted files when the user's project has no prettier config. */
export const DEFAULT_OPTIONS: Options = { printWidth: 100 };

/** Prettier options per kind of file (by parser), from the user's config or the defaults. */
export type FormatOptions = Partial<Record<string, Options>>;

/**
 * The user's prettier config for files in `dir`, resolved as prettier would for a TypeScript, a
 * markdown and a JSON file there (so `overrides` apply); else the project's defaults. Without a
 * config file from `dir` up, prettier is not asked (nor loaded).
 */
export async function resolveFormatOptions(dir: string): Promise<FormatOptions> {
  const options: FormatOptions = {};
  const configured = formattingInputs(dir).length > 0;
  const prettier = configured ? await loadPrettier() : undefined;
  for (const [parser, file] of [
    ["babel-ts", "index.ts"],
    ["markdown", "README.md"],
    ["json", "package.json"],
    ["babel", "index.js"],
  ] as const) {
    // No cache: in --watch, a changed config must be read again.
    const found = prettier
      ? await prettier.resolveConfig(`${dir}/${file}`, { editorconfig: true, useCache: false })
      : null;
    options[parser] = found ? { ...found, filepath: undefined } : DEFAULT_OPTIONS;
  }
  return options;
}

/** prettier's defaults for the options the printers follow no other value of. */
const PRETTIER_DEFAULTS: Record<string, unknown> = {
  semi: true,
  singleQuote: false,
  jsxSingleQuote: false,
  quoteProps: "as-needed",
  trailingComma: "all",
  bracketSpacing: true,
  objectWrap: "preserve",
  bracketSameLine: false,
  arrowParens: "always",
  proseWrap: "preserve",
  htmlWhitespaceSensitivity: "css",
  embeddedLanguageFormatting: "auto",
  singleAttributePerLine: false,
  vueIndentScriptAndStyle: false,
  experimentalTernaries: false,
  experimentalOperatorPosition: "end",
  insertPragma: false,
  requirePragma: false,
  checkIgnorePragma: false,
  parser: undefined,
  filepath: undefined,
};

/**
 * The print options, when the generator's printers print what prettier would with `options`.
 * Indenting with tabs is left to prettier for TypeScript (and the TypeScript in the README): it
 * turns the two columns that align a union's members into a tab where they are followed by an
 * indent, which this printer's fit checks do not follow in every case.
 */
function nativeFor(options: Options | undefined, tabs: boolean): PrintOptions | undefined {
  const given = (options ?? DEFAULT_OPTIONS) as Record<string, unknown>;
  for (const [key, value] of Object.entries(given)) {
    if (value === undefined || key === "printWidth" || key === "tabWidth" || key === "useTabs") continue;
    if (key === "endOfLine" && (value === "lf" || value === "auto")) continue;
    if (key === "plugins" && Array.isArray(value) && value.length === 0) continue;
    if (!(key in PRETTIER_DEFAULTS) || PRETTIER_DEFAULTS[key] !== value) return undefined;
  }
  if (given["useTabs"] === true && !tabs) return undefined;
  const printWidth = typeof given["printWidth"] === "number" ? given["printWidth"] : 80;
  const tabWidth = typeof given["tabWidth"] === "number" ? given["tabWidth"] : 2;
  return { printWidth, tabWidth, useTabs: given["useTabs"] === true };
}

export interface NativeOptions {
  ts: PrintOptions;
  json: PrintOptions;
  markdown: PrintOptions;
}

/** The printers' options for each kind of file, or undefined when prettier has to format them. */
export function nativeOptions(options: FormatOptions = {}): NativeOptions | undefined {
  const ts = nativeFor(options["babel-ts"], false);
  const json = nativeFor(options["json"], true);
  const markdown = nativeFor(options["markdown"], false);
  return ts && json && markdown ? { ts, json, markdown } : undefined;
}

let prettierVersion: string | undefined;

/** prettier's version, read from its package.json (the module itself need not load). */
function installedPrettier(): string {
  prettierVersion ??= (
    JSON.parse(readFileSync(createRequire(import.meta.url).resolve("prettier/package.json"), "utf8")) as {
      version: string;
    }
  ).version;
  return prettierVersion;
}

/** The key of a text formatted at build time: prettier's version, the options, the text. */
export function prebuiltKey(text: string, options: Options, version = installedPrettier()): string {
  return createHash("sha256")
    .update(`${version}\0${JSON.stringify(options)}\0${text}`)
    .digest("hex");
}

/** A copied file (runtime, test kit) as prettier formats it with `options`, when the build did it. */
export function prebuiltFormat(path: string, text: string, options: FormatOptions): string | undefined {
  const parser = parserFor(path);
  if (!parser) return text;
  return prebuiltFormatted().get(prebuiltKey(text, { ...(options[parser] ?? DEFAULT_OPTIONS), parser }));
}

/** What the build keeps formatted: `files` (path → text) with the default options. */
export async function prebuildFormatted(files: Iterable<[string, string]>): Promise<Record<string, string>> {
  const prettier = await loadPrettier();
  const entries: Record<string, string> = {};
  for (const [path, text] of files) {
    const parser = parserFor(path);
    if (!parser) continue;
    const options = { ...DEFAULT_OPTIONS, parser };
    // Prettier is not always idempotent (a member chain, a return type): format until it is.
    let formatted = await prettier.format(text, options);
    for (let again = 0; again < 3; again++) {
      const next = await prettier.format(formatted, options);
      if (next === formatted) break;
      formatted = next;
    }
    entries[prebuiltKey(text, options, prettier.version)] = formatted;
  }
  return entries;
}

function parserFor(path: string): string | undefined {
  return PARSERS[/\.[^.]+$/.exec(path)?.[0] ?? ""];
}

/** A file as prettier formats it with the project's defaults (tests compare emitted files with this). */
export async function formatFile(path: string, text: string): Promise<string> {
  const parser = parserFor(path);
  return parser ? (await loadPrettier()).format(text, { ...DEFAULT_OPTIONS, parser }) : text;
}

/**
 * A chunk ends at a statement or heading that the hash of its first lines picks (one in sixteen),
 * once the chunk holds 3,000 characters, or at the first one past 30,000: small enough to keep
 * prettier fast and lean (on the Zoom client, ~0.1 s faster than 10,000/100,000 as measured,
 * and less to format again after an edit). Where one ends depends on the text there, not on its
 * offset in the file, so that a request added or removed changes the chunks near it and no others
 * (which the format cache relies on).
 */
const MIN_CHUNK = 3_000;
const MAX_CHUNK = 30_000;

/** True for about one text in sixteen (FNV-1a, then murmur3's finaliser to mix the bits). */
function cutsHere(text: string): boolean {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) & 15) === 0;
}

/**
 * Splits a file into chunks that prettier formats alike alone or together: before a top-level
 * statement (a line at column 0 that starts a doc comment, an export, an import or a generated
 * test, after a blank line after a statement ended) or before a markdown heading outside code
 * fences (after a blank line). Formatted chunks end with one newline and are joined with a blank
 * line, as prettier keeps the one in the source.
 */
export function chunks(parser: string, text: string): string[] {
  const lines = text.split("\n");
  const starts: number[] = [0];
  let fenced = false;
  let size = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    size += lines[i - 1]!.length + 1;
    if (parser === "markdown" && /^(`{3,}|~{3,})/.test(line)) fenced = !fenced;
    if (size < MIN_CHUNK) continue;
    const boundary =
      parser === "markdown"
        ? !fenced && /^#{1,6} /.test(line) && lines[i - 1] === ""
        : /^(\/\*\*|export |import |describeOperation\()/.test(line) &&
          lines[i - 1] === "" &&
          /[;}]\s*$/.test(lines[i - 2] ?? "");
    // The line after a doc comment's opening names what it documents.
    if (boundary && (size >= MAX_CHUNK || cutsHere(`${line}\n${lines[i + 1] ?? ""}`))) {
      starts.push(i);
      size = 0;
    }
  }
  return starts.map((start, n) => lines.slice(start, starts[n + 1] ?? lines.length).join("\n"));
}

/**
 * Formats files with prettier, chunk by chunk (see `chunks`), each chunk from the cache when it was
 * formatted before with the same options and prettier. On this thread only: prettier runs when a
 * user's config asks for what the printers do not print (native printing covers the defaults), and
 * on the two cores measured a worker thread made it slower, as prettier's garbage collection uses
 * the other core.
 */
export async function formatFiles(
  files: ReadonlyMap<string, string>,
  options: FormatOptions = {},
  cache?: FormatCache,
): Promise<Map<string, string>> {
  const formatted = new Map<string, string>();
  if (!files.size) return formatted;
  const prettier = await loadPrettier();
  for (const [path, text] of files) {
    const parser = parserFor(path);
    if (!parser) {
      formatted.set(path, text);
      continue;
    }
    const parserOptions = { ...(options[parser] ?? DEFAULT_OPTIONS), parser };
    const parts: string[] = [];
    for (const part of parser === "json" ? [text] : chunks(parser, text)) {
      const key = cache ? FormatCache.key(part, parserOptions, prettier.version) : undefined;
      let done = key !== undefined ? cache!.get(key) : undefined;
      if (done === undefined) {
        done = await prettier.format(part, parserOptions);
        if (key !== undefined) cache!.set(key, done);
      }
      parts.push(done);
    }
    formatted.set(path, parts.join("\n"));
  }
  return formatted;
}
