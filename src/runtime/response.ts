// Reads a fetch Response into the value a call resolves with, or the ApiError it rejects with.
import { apiError, type ApiError } from "./errors.js";
import { masker, redactValue } from "./redact.js";
import type { CallSpec } from "./spec.js";

/**
 * JSON by the response's content type (an `Unparsed` for a 2xx whose JSON does not parse); a Blob
 * for a 2xx of a binary type (isBinaryType); text otherwise; `undefined` when there is no body. Without a
 * body stream to cancel (most such answers, a 204) that is known at once: no promise, so the call
 * awaits nothing for it.
 */
export function readBody(response: Response, method: string): Promise<unknown> | undefined {
  if (hasNoBody(response.status, method)) return response.body?.cancel().then(() => undefined);
  return readText(response);
}

async function readText(response: Response): Promise<unknown> {
  const type = response.headers.get("content-type");
  // Bytes decoded as text are lost (each invalid sequence becomes U+FFFD), and the response's body
  // is read: a download is its bytes. Any other answer's body stays text (an error's, which its
  // message and masking read; a 3xx's, a page saying where to go).
  if (response.ok && isBinaryType(type)) {
    const blob = await response.blob();
    return blob.size ? blob : undefined;
  }
  const text = textDecoder(type).decode(await response.arrayBuffer());
  if (text === "") return undefined;
  if (isJson(type)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // A 2xx resolves with the documented value, which the text is not: its call rejects
      // (toApiError) where the cause is, rather than resolving with a string typed as an object.
      // Any other answer's text is its error's body, as it came.
      if (response.ok) return new Unparsed(text);
    }
  }
  return text;
}

/**
 * How an answer's text is decoded: in the charset its content type names when TextDecoder knows
 * it, else UTF-8 (all that response.text() reads). exec reads null as "null", which names none.
 * One rule for the client and for the command line, which decodes a text answer as it streams.
 */
export function textDecoder(contentType: string | null): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(/charset="?([^";]*)/i.exec(contentType!)?.[1]);
  } catch {
    return new TextDecoder();
  }
}

/**
 * The text of a 2xx that its content type says is JSON and that does not parse (see readText). A
 * class of its own, though a String object would cost every bundle a few bytes fewer: the query
 * feature marks its values with those, and `instanceof String` in a bundle is how
 * test/browser/tree-shaking.test.ts finds that feature's code.
 */
export class Unparsed {
  // Declared, as errors.ts's fields are: set in the constructor, not defined twice in the output.
  declare readonly text: string;

  constructor(text: string) {
    this.text = text;
  }
}

/** Answers that carry no body whatever their headers say (HEAD, 204 No Content, 205 Reset Content, 304 Not Modified). */
export function hasNoBody(status: number, method: string): boolean {
  return method === "HEAD" || status === 204 || status === 205 || status === 304;
}

/**
 * The error of an answer outside 2xx, or of a 2xx whose JSON does not parse (`raw` an `Unparsed`:
 * a ResponseParseError). `secrets`: what the call sent as credentials, masked
 * in the body (and so in the message taken from it), as servers echo what they got.
 */
export function toApiError(op: CallSpec, response: Response, raw: unknown, secrets: readonly string[] = []): ApiError {
  const unparsed = raw instanceof Unparsed;
  // Copied even when there is no secret to mask (which masks nothing): a test of the list would
  // cost every bundle more than the copy costs a failed call.
  const body = redactValue(unparsed ? raw.text : raw, masker(secrets));
  const documented = op.responses.find((r) => r.status === response.status);
  const { code, message } = apiWords(body);
  const codeDoc = documented?.errorCodes?.find((c) => code !== undefined && String(c.code) === String(code));
  return apiError(
    {
      operation: op.name,
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body,
      code,
      description: documented?.description ?? (response.statusText || undefined),
      codeDescription: codeDoc?.description,
      // The text's first 80 characters (enough to tell a proxy's HTML page or an answer cut short),
      // as a JSON string: a line break in it would split a log's line.
      apiMessage: unparsed
        ? `body is not JSON (${response.headers.get("content-type")}): ${JSON.stringify((body as string).slice(0, 80))}${(body as string)[80] ? "…" : ""}`
        : (message ?? (typeof body === "string" && body.length <= 200 ? body : undefined)),
    },
    op,
    unparsed,
  );
}

/**
 * The API's code and own words in an error's body, at the top (`code`, `message`; Plaid's
 * `error_code`, `error_message`; OAuth's `error_description`; RFC 9457's `detail` then `title`),
 * else in `{ error: { … } }` (Microsoft Graph's, the Postman API's) or `{ errors: [{ … }] }`
 * (Twitter's). One rule for the error's message and the command line's `message:` line.
 */
export function apiWords(body: unknown): { code: number | string | undefined; message: string | undefined } {
  const fields = isRecord(body) ? body : {};
  const places = [fields, fields["error"], (fields["errors"] as unknown[] | undefined)?.[0]].filter(isRecord);
  const first = (keys: string[], take: (value: unknown) => boolean): unknown => {
    for (const place of places) for (const key of keys) if (take(place[key])) return place[key];
  };
  return {
    code: first(["code", "error_code", "errorCode"], (v) => typeof v === "number" || typeof v === "string") as
      number | string | undefined,
    message: first(
      ["message", "error_message", "error_description", "detail", "title"],
      (v) => typeof v === "string" && v !== "",
    ) as string | undefined,
  };
}

/**
 * Content types of bytes rather than text (`application/octet-stream`, images, audio, video, PDF,
 * ZIP): a 2xx of one resolves with a Blob (so its examples are typed `Blob`), and the mocks read a
 * request body of one as a Blob. One rule for all of them.
 */
export function isBinaryType(contentType: string | null | undefined): boolean {
  return /^(image|audio|video)\/|^application\/(octet-stream|pdf|zip)/i.test(contentType ?? "");
}

/** `application/json`, `text/json`, `application/problem+json`, … with or without parameters. */
export function isJson(contentType: string | null | undefined): boolean {
  return /^[^;]*[/+]json\s*(?:;|$)/i.test(contentType ?? "");
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
