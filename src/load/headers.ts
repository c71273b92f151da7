// Request headers → header arguments, sent with the collection's values unless the caller passes
// others. The body's own Content-Type is not an argument: the body encoding owns it (for multipart,
// the client writes it with the boundary that the importer's hand-set header lacks).
import { entries, type HeaderList } from "./sdk.js";
import { toArg } from "./arg.js";
import { descriptionText } from "./description.js";
import { hasTemplate } from "./json.js";
import type { LoadedArg, Source, Warning } from "../model/types.js";
import { HEADER_NAME } from "../runtime/header-names.js";
import { withoutReferences } from "../model/references.js";

/** An HTTP field name (RFC 9110 token), as the client checks a name it fills. */
export const TOKEN: RegExp = HEADER_NAME;

/**
 * Headers that fetch owns: it writes its own value whatever the request holds (Host from the URL,
 * Content-Length from the body), or Node's fetch refuses to send a request that has one.
 */
const OWNED_BY_FETCH: Record<string, string> = {
  host: "fetch sets it from the URL and ignores this value (Postman sends it); to reach a virtual host, use its name in the base URL",
  "content-length": "fetch sets it from the body it sends",
  "keep-alive": "Node's fetch refuses to send a request with it",
  "transfer-encoding": "Node's fetch refuses to send a request with it",
  expect: "Node's fetch refuses to send a request with it",
  upgrade: "Node's fetch refuses to send a request with it",
  // Undici writes the request's mode over any value given (a header copied from a browser's
  // navigation says `navigate`), so the collection's value never reaches the server.
  "sec-fetch-mode": "Node's fetch sets it to the request's mode (`cors`) and ignores this value",
};

/**
 * Why fetch cannot send a header by this name, or undefined when it can: one rule for the request's
 * headers and for an API key sent in one (auth.ts).
 */
export function unsendableHeaderName(name: string): string | undefined {
  const lower = name.toLowerCase();
  // Node's fetch (undici) drops a header by this name on the way out.
  if (lower === "__proto__") return "Node's fetch drops a header by this name";
  if (!TOKEN.test(name)) return "its name is not valid in HTTP, so fetch cannot send it";
  return Object.hasOwn(OWNED_BY_FETCH, lower) ? OWNED_BY_FETCH[lower] : undefined;
}

export interface LoadedHeaders {
  args: LoadedArg[];
  /** The enabled Content-Type header's value, when there is one. */
  contentType?: string;
}

/** `written` gets what each header's literal credential writes out (toArg). */
export function loadHeaders(
  headers: HeaderList,
  source: Source,
  warnings: Warning[],
  written?: Set<string>,
): LoadedHeaders {
  const args: LoadedArg[] = [];
  let contentType: string | undefined;
  // The enabled Content-Type headers' values as written, for the one that is sent.
  const contentTypes = new Map<LoadedArg, string>();
  entries(headers).forEach((header, index) => {
    const where = `${source}.header[${index}]`;
    if (typeof header.key !== "string" || header.key === "") {
      warnings.push({ source: where, message: "header without a name: left out" });
      return;
    }
    // A name that refers to variables is filled when the request is sent, as Postman fills it
    // (runtime/header-names.ts): only the text around them can be judged here, and no values of
    // theirs make a name of text that no name holds (`X {{b}}`).
    const unsendable = hasTemplate(header.key)
      ? TOKEN.test(withoutReferences(header.key, "x"))
        ? undefined
        : "its name is not valid in HTTP, whatever its variables hold, so fetch cannot send it"
      : unsendableHeaderName(header.key);
    if (unsendable !== undefined) {
      warnings.push({ source: where, message: `header ${JSON.stringify(header.key)} is left out: ${unsendable}` });
      return;
    }
    if (typeof header.value === "string" && /[\u0000-\u0008\u000a-\u001f\u007f]/.test(header.value)) {
      warnings.push({
        source: where,
        message: `the value of header ${JSON.stringify(header.key)} has control characters, which HTTP does not allow: left out`,
      });
      return;
    }
    // fetch's Headers takes Latin-1 only (and would refuse every call that sends this value).
    if (typeof header.value === "string" && /[^\u0000-\u00ff]/.test(header.value)) {
      warnings.push({
        source: where,
        message: `the value of header ${JSON.stringify(header.key)} has characters beyond Latin-1, which fetch cannot send in a header: left out`,
      });
      return;
    }
    const arg = toArg({
      name: header.key,
      in: "header",
      value: header.value,
      description: descriptionText(header.description),
      source: where,
      disabled: header.disabled === true,
      valueIsDefault: true,
      warnings,
      written,
    });
    if (header.key.toLowerCase() === "content-type" && !header.disabled && typeof header.value === "string")
      contentTypes.set(arg, header.value);
    args.push(arg);
  });
  const sent = oneSpelling(args, warnings);
  for (const arg of sent) if (contentTypes.has(arg)) contentType = contentTypes.get(arg);
  return { args: sent, ...(contentType !== undefined ? { contentType } : {}) };
}

/**
 * One name in several spellings (`X-Tag: one`, `x-tag: two`): Postman keeps the headers in an
 * object keyed by spelling, and the spelling that comes last in it (the one whose first entry is
 * last) replaces the others, so newman sends `x-tag: two` alone. Entries of the other spellings are
 * left out here, with a warning; disabled entries are sent only when passed, and take no part.
 */
function oneSpelling(args: LoadedArg[], warnings: Warning[]): LoadedArg[] {
  const spellings = new Map<string, string[]>();
  for (const arg of args) {
    if (arg.disabled) continue;
    const seen = spellings.get(arg.name.toLowerCase()) ?? [];
    if (!seen.includes(arg.name)) spellings.set(arg.name.toLowerCase(), [...seen, arg.name]);
  }
  return args.filter((arg) => {
    const winner = spellings.get(arg.name.toLowerCase())?.at(-1);
    if (arg.disabled || winner === undefined || winner === arg.name) return true;
    const later = args.find((a) => a.name === winner && !a.disabled)!;
    warnings.push({
      source: arg.source,
      message: `header ${JSON.stringify(arg.name)} is also given as ${JSON.stringify(winner)} (at ${later.source}): Postman sends only the values of that spelling, so this one is left out`,
    });
    return false;
  });
}
