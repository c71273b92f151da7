// The description conventions of Postman's OpenAPI importer (openapi-to-postman, schemaUtils.js):
//   (required ? '(Required) ' : '') + (description || '') + (enum ? ' (This can only be one of ' + enum + ')' : '')
// The older convert() writes the enum suffix on formdata fields, the newer convertV2 on parameters:
// both are read wherever they appear.
// A description that is the one word "required" (or "optional") says the same as the prefix, as
// hand-written collections say it (Twitter Ads' query parameters): Postman has no required flag,
// and the command line's help printed that text under the flag, where it read as a mark that
// neither the types nor the checks kept (`end_time?`, and a call without it was sent).
import { cleanMarkdown } from "./markdown.js";

export interface ParamConventions {
  required: boolean;
  /** Values of the enum suffix, split as `Array#toString` joined them. */
  enum?: string[];
  /** The description without the conventions, as clean markdown (absent when nothing is left). */
  description?: string;
}

const REQUIRED = "(Required)";
const ENUM_MARK = "(This can only be one of ";

export function parseParamDescription(raw: string | undefined): ParamConventions {
  let text = raw ?? "";
  let required = false;
  let values: string[] | undefined;
  if (text.startsWith(REQUIRED)) {
    required = true;
    text = text.slice(REQUIRED.length);
    // The template adds exactly one space; it is absent when nothing follows.
    if (text.startsWith(" ")) text = text.slice(1);
  }
  const trimmed = text.trimEnd();
  const at = trimmed.lastIndexOf(ENUM_MARK);
  // At the very start too: an empty description leaves "(Required)  (This can only be one of …)".
  if (at >= 0 && trimmed.endsWith(")") && (at === 0 || trimmed[at - 1] === " ")) {
    values = trimmed.slice(at + ENUM_MARK.length, -1).split(",");
    text = trimmed.slice(0, Math.max(0, at - 1));
  }
  const word = /^\s*(required|optional)\.?\s*$/i.exec(text)?.[1]?.toLowerCase();
  if (word === "required") required = true;
  const description = word ? "" : cleanMarkdown(text);
  return {
    required,
    ...(values ? { enum: values } : {}),
    ...(description ? { description } : {}),
  };
}

/**
 * The importer writes a type placeholder such as `<integer>` or `<dateTime>` where the API gave no
 * default or example: a type hint, not a value.
 */
export function parsePlaceholder(value: string | undefined): { typeHint?: string; example?: string } {
  // An empty value is a value: Postman sends `key=` for it.
  if (value === undefined) return {};
  const match = /^<([A-Za-z][\w-]*)>$/.exec(value);
  return match ? { typeHint: match[1]! } : { example: value };
}
