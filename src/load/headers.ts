// Request headers → header arguments, sent with the collection's values unless the caller passes
// others. The body's own Content-Type is not an argument: the body encoding owns it (for multipart,
// the client writes it with the boundary that the importer's hand-set header lacks).
import { entries, type HeaderList } from "./sdk.js";
import { toArg } from "./arg.js";
import { descriptionText } from "./json.js";
import type { LoadedArg, Source, Warning } from "../model/types.js";

/** An HTTP field name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export interface LoadedHeaders {
  args: LoadedArg[];
  /** The enabled Content-Type header's value, when there is one. */
  contentType?: string;
}

export function loadHeaders(headers: HeaderList, source: Source, warnings: Warning[]): LoadedHeaders {
  const args: LoadedArg[] = [];
  let contentType: string | undefined;
  entries(headers).forEach((header, index) => {
    const where = `${source}.header[${index}]`;
    if (typeof header.key !== "string" || header.key === "") {
      warnings.push({ source: where, message: "header without a name: left out" });
      return;
    }
    // Node's fetch (undici) drops a header by this name on the way out; it cannot be sent.
    if (header.key.toLowerCase() === "__proto__") {
      warnings.push({
        source: where,
        message: "a header named __proto__ cannot be sent by fetch in Node.js: left out",
      });
      return;
    }
    if (!TOKEN.test(header.key)) {
      warnings.push({
        source: where,
        message: `header name ${JSON.stringify(header.key)} is not valid in HTTP: fetch cannot send it, so it is left out`,
      });
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
    if (header.key.toLowerCase() === "content-type" && !header.disabled && typeof header.value === "string") {
      contentType = header.value;
    }
    args.push(
      toArg({
        name: header.key,
        in: "header",
        value: header.value,
        description: descriptionText(header.description),
        source: where,
        disabled: header.disabled === true,
        valueIsDefault: true,
        warnings,
      }),
    );
  });
  return { args, ...(contentType !== undefined ? { contentType } : {}) };
}
