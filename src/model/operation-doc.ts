// Zoom-style request descriptions end with `**Scopes:** `a`, `b`<br>**[Rate Limit Label](…):** `Light``.
// Both are lifted into metadata and removed from the prose.
import { cleanMarkdown } from "./markdown.js";

export interface OperationDoc {
  description?: string;
  scopes?: string[];
  rateLimit?: string;
}

// `**Scopes:**`, `**Scope:**`, `**Scopes**:` and `**Scope**:` all occur, followed by code spans joined
// by commas, "or" or "and".
const SCOPES = /\*\*Scopes?(?::\*\*|\*\*:)[ \t]*((?:`[^`\n]+`[ \t]*(?:(?:,|\bor\b|\band\b)[ \t]*)?)+)/i;
const RATE_LIMIT = /\*\*\[?Rate Limit Label\]?(?:\([^)\s]*\))?(?::\*\*|\*\*:)[ \t]*`([^`\n]+)`/i;

export function parseOperationDescription(raw: string | undefined): OperationDoc {
  let text = raw ?? "";
  let scopes: string[] | undefined;
  let rateLimit: string | undefined;
  const scopeMatch = SCOPES.exec(text);
  if (scopeMatch) {
    scopes = [...scopeMatch[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!.trim());
    text = text.slice(0, scopeMatch.index) + text.slice(scopeMatch.index + scopeMatch[0].length);
  }
  const rateMatch = RATE_LIMIT.exec(text);
  if (rateMatch) {
    rateLimit = rateMatch[1]!.trim();
    text = text.slice(0, rateMatch.index) + text.slice(rateMatch.index + rateMatch[0].length);
  }
  const description = cleanMarkdown(text);
  return {
    ...(description ? { description } : {}),
    ...(scopes?.length ? { scopes } : {}),
    ...(rateLimit ? { rateLimit } : {}),
  };
}
