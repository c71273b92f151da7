// Descriptions in collections are markdown with HTML mixed in (the OpenAPI importer copies the
// API's own text). This turns them into clean markdown that reads well in JSDoc hovers and READMEs.

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

// Only real HTML tags are touched; text such as `<token>` or `<userId>` is content.
const INLINE_TAGS =
  "a|b|strong|i|em|u|code|span|sup|sub|small|font|img|p|div|ul|ol|li|table|thead|tbody|tr|td|th|h[1-6]|pre|hr|br|blockquote";

const OTHER_TAGS = new RegExp(`</?(?:${INLINE_TAGS})\\b[^>]*>`, "gi");

export function cleanMarkdown(raw: string): string {
  // Most descriptions hold no tag, entity or carriage return: nothing below but the tidying applies.
  if (!/[<&\r]/.test(raw)) return tidied(raw);
  let text = raw.replace(/\r\n?/g, "\n");
  text = text.replace(/<br\s*\/?>/gi, "\n");
  text = text.replace(
    /<a\s[^>]*?href\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a\s*>/gi,
    (_m, _q, href: string, label: string) => `[${label.trim()}](${href})`,
  );
  text = text.replace(/<\/?(?:b|strong)\s*>/gi, "**");
  text = text.replace(/<\/?(?:i|em)\s*>/gi, "_");
  text = text.replace(/<\/?code\s*>/gi, "`");
  text = text.replace(/<li\b[^>]*>/gi, "\n- ");
  text = text.replace(/<\/?(?:p|div|ul|ol|table|tr|h[1-6]|pre|blockquote|hr)\b[^>]*>/gi, "\n");
  text = text.replace(OTHER_TAGS, "");
  return tidied(decodeEntities(text));
}

/** Without white space at the lines' ends, more than one blank line in a row, or around the text. */
function tidied(text: string): string {
  // One line: what trim leaves is what the line's own trimming would have.
  if (!text.includes("\n")) return text.trim();
  return text
    .replace(/[ \t]+(?=\n|$)/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The same text on one line, for table cells and error messages. */
export function oneLine(markdown: string): string {
  return markdown.replace(/\s*\n\s*/g, " ").trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
