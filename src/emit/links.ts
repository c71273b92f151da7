// Which links from a collection's markdown stay links, in the README and in JSDoc (which editors
// and doc tools render as markdown): those to the web and to mail, and relative ones. A
// `javascript:`, `vbscript:` or `data:` link would run or show what the collection says when
// clicked. The one rule: the README's printer (printer/markdown.ts), the templates' `mdBlock` and
// `docText` ask here.

import { LEADING_SCHEME } from "../model/url-scheme.js";

const LINKED_SCHEMES: ReadonlySet<string> = new Set(["http", "https", "mailto"]);

/**
 * A CommonMark autolink (`<https://…>`), its URL group 1: a scheme of 2 to 32 characters, as
 * CommonMark has it, not any scheme (`LEADING_SCHEME`): `<a:b>` is no link, and stays as written.
 */
const AUTOLINK = /<([a-z][a-z0-9+.-]{1,31}:[^\s<>]*)>/gi;

const NAMED: Record<string, string> = { colon: ":", tab: "\t", newline: "\n" };

/**
 * True when a link may go to `destination` (as the markdown has it): no scheme, or a web or mail
 * one. Read as a browser would after markdown: backslash escapes and character references
 * decoded, then the tabs, line breaks and other controls a URL parser drops left out.
 */
export function isLinkable(destination: string): boolean {
  const url = destination
    .replace(/\\([!-/:-@[-`{-~])/g, "$1")
    .replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));?/gi, (whole, hex?: string, dec?: string, name?: string) => {
      const code = hex !== undefined ? parseInt(hex, 16) : dec !== undefined ? parseInt(dec, 10) : undefined;
      if (code !== undefined) return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
      return NAMED[name!.toLowerCase()] ?? whole;
    })
    .replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  const scheme = LEADING_SCHEME.exec(url);
  return scheme === null || LINKED_SCHEMES.has(scheme[1]!.toLowerCase());
}

/**
 * Markdown whose links to anything but isLinkable destinations read as text: such an inline link
 * or image loses its `(` (`[text]\(javascript:…)`), a reference definition its `[`, an autolink
 * its `<`. The text shows as written.
 */
export function inertLinks(markdown: string): string {
  if (!markdown.includes(":")) return markdown;
  return markdown
    .replace(/\]\(([ \t]*\n?[ \t]*)(<[^>\n]*>?|[^\s)]*)/g, (whole, space: string, destination: string) =>
      isLinkable(destination.replace(/^<|>$/g, "")) ? whole : `]\\(${space}${destination}`,
    )
    .replace(
      /^( {0,3})\[((?:[^\]\\\n]|\\.)+)\]:([ \t]*\n?[ \t]*)(<[^>\n]*>?|\S*)/gm,
      (whole, indent: string, label: string, space: string, destination: string) =>
        isLinkable(destination.replace(/^<|>$/g, "")) ? whole : `${indent}\\[${label}]:${space}${destination}`,
    )
    .replace(AUTOLINK, (whole, url: string) => (isLinkable(url) ? whole : `\\<${url}>`));
}
