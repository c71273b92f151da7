// `--dry-run`: the request the client would send, as a curl command, credentials masked.

/** A request as fetch was given it. */
export interface CapturedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/** Headers whose values are credentials whatever the scheme: masked whole. */
const SECRET_HEADER =
  /^(authorization|proxy-authorization|cookie)$|token|secret|key|password|signature|credential|auth/i;
/** Query and urlencoded body parameters the same (`auth` takes in every `oauth_…`, nonce and signature included). */
const SECRET_PARAM = /token|secret|key|password|signature|credential|auth/i;

export const MASK = "***";

export interface CurlContext {
  /** Secret values to mask wherever they appear (the credentials given). */
  readonly secrets: readonly string[];
  /** Header and query names an operation's auth puts its key in (an API key named `X-Org`). */
  readonly secretNames: readonly string[];
  /** The path each uploaded file came from (`@path` in the command), `-` for stdin. */
  readonly files: ReadonlyMap<Blob, string>;
}

/** A POSIX shell word: single-quoted unless it is plainly safe. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Every secret value replaced by the mask, as written and percent-encoded. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  // Longest first, so that a secret inside another is not left half-masked.
  for (const secret of [...secrets].filter((s) => s.length >= 3).sort((a, b) => b.length - a.length)) {
    for (const form of new Set([secret, encodeURIComponent(secret)])) out = out.split(form).join(MASK);
  }
  return out;
}

export function toCurl(request: CapturedRequest, context: CurlContext): string {
  const names = new Set(context.secretNames.map((n) => n.toLowerCase()));
  const secret = (name: string) => SECRET_PARAM.test(name) || names.has(name.toLowerCase());
  // By name, since a value may be sent encoded more than once (an OAuth 1 PLAINTEXT signature, the
  // secrets themselves, in a form) where masking the secrets' values would miss it.
  const masked = (form: string) =>
    form
      .split("&")
      .map((pair) => {
        const eq = pair.indexOf("=");
        return eq >= 0 && secret(safeDecode(pair.slice(0, eq))) ? `${pair.slice(0, eq)}=${MASK}` : pair;
      })
      .join("&");
  const url = new URL(request.url);
  const query = url.search ? `?${masked(url.search.slice(1))}` : "";
  const parts: string[] = [
    `curl -X ${shellQuote(request.method)} ${shellQuote(`${url.origin}${url.pathname}${query}`)}`,
  ];
  request.headers.forEach((value, name) => {
    const masked = SECRET_HEADER.test(name) || names.has(name) ? MASK : value;
    parts.push(`-H ${shellQuote(`${name}: ${masked}`)}`);
  });
  const body = request.body;
  if (body instanceof FormData) {
    body.forEach((value, name) => {
      if (typeof value === "string")
        parts.push(`--form-string ${shellQuote(`${name}=${secret(name) ? MASK : value}`)}`);
      else {
        const path = context.files.get(value) ?? fileOf(context.files, value);
        const type = value.type ? `;type=${value.type}` : "";
        parts.push(`-F ${shellQuote(`${name}=@${path ?? value.name}${type}`)}`);
      }
    });
  } else if (body instanceof URLSearchParams) {
    parts.push(`--data-raw ${shellQuote(masked(body.toString()))}`);
  } else if (typeof body === "string") {
    const form = /^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? "");
    parts.push(`--data-raw ${shellQuote(form ? masked(body) : (maskJson(body, secret) ?? body))}`);
  } else if (body instanceof Blob) {
    parts.push(`--data-binary ${shellQuote(`@${context.files.get(body) ?? fileOf(context.files, body) ?? "-"}`)}`);
  }
  return `${redact(parts.join(" \\\n  "), context.secrets)}\n`;
}

/**
 * JSON text (an object or an array) with the value of every key that names a secret masked, at any
 * depth, and everything below it; the rest exactly as written (a number is not re-printed, so none
 * loses its digits). Undefined when the text is not JSON.
 */
export function maskJson(text: string, secretKey: (name: string) => boolean): string | undefined {
  if (!/^\s*[[{]/.test(text)) return undefined;
  try {
    JSON.parse(text);
  } catch {
    return undefined;
  }
  interface Frame {
    readonly object: boolean;
    /** Under a secret key: all of it masked. */
    readonly secret: boolean;
    atKey: boolean;
    key?: string;
  }
  const stack: Frame[] = [];
  // The value about to come is a secret: in a secret frame, or after a secret key.
  const inSecret = () => {
    const top = stack[stack.length - 1];
    return top !== undefined && (top.secret || (top.object && top.key !== undefined && secretKey(top.key)));
  };
  let out = "";
  // Valid JSON (parsed above) is nothing but these tokens.
  for (const [token] of text.matchAll(/\s+|"(?:[^"\\]|\\.)*"|[{}[\],:]|[^\s{}[\],:"]+/g)) {
    const top = stack[stack.length - 1];
    if (token === "{" || token === "[") stack.push({ object: token === "{", secret: inSecret(), atKey: token === "{" });
    else if (token === "}" || token === "]") stack.pop();
    else if (token === ",") {
      if (top?.object) top.atKey = true;
    } else if (token === ":") top!.atKey = false;
    else if (token.startsWith('"') && top?.object && top.atKey) top.key = JSON.parse(token) as string;
    else if (!/^\s/.test(token) && inSecret() && (token.startsWith('"') || /^-?\d/.test(token))) {
      out += `"${MASK}"`;
      continue;
    }
    out += token;
  }
  return out;
}

/** FormData hands back a copy of a File: found by name, size and type. */
function fileOf(files: ReadonlyMap<Blob, string>, value: Blob): string | undefined {
  for (const [blob, path] of files) {
    if (
      blob.size === value.size &&
      blob.type === value.type &&
      (!(value instanceof File) || (blob instanceof File && blob.name === value.name))
    )
      return path;
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}
