// `--dry-run`: the request the client would send, as a curl command, credentials masked.
import { AUTH_SCHEME, namesSecret } from "../runtime/credential-names.js";
import { MASK, masker } from "../runtime/redact.js";
import { readsAsForm } from "../runtime/sent-secrets.js";

/** A request as fetch was given it. */
export interface CapturedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: unknown;
}

/** A JSON Web Token (`{"` base64url-encoded twice, then the signature): a credential whatever it is sent as. */
const JWT = /\beyJ[\w-]+\.eyJ[\w-]*\.[\w-]*/;

export interface CurlContext {
  /** Secret values to mask wherever they appear (the credentials given). */
  readonly secrets: readonly string[];
  /** The generator's credential words (`CommandLine.credentialWords`, `credentialLastWords`): names made of one are masked (namesSecret). */
  readonly credentialWords: readonly string[];
  readonly credentialLastWords: readonly string[];
  /**
   * Names whose values are secrets here whatever they are called: the header or query parameter an
   * operation's auth puts its key in (an API key named `X-Org`), the headers, parameters and fields
   * the collection fills from a secret variable.
   */
  readonly secretNames: readonly string[];
  /** The path each uploaded file came from (`@path` in the command), `-` for stdin. */
  readonly files: ReadonlyMap<Blob, string>;
}

/** A POSIX shell word: single-quoted unless it is plainly safe. */
export function shellQuote(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Every secret value replaced by the mask, in each of its forms. */
export function redact(text: string, secrets: readonly string[]): string {
  return masker(secrets)(text);
}

export function toCurl(request: CapturedRequest, context: CurlContext): string {
  const names = new Set(context.secretNames.map((n) => n.toLowerCase()));
  const secret = (name: string) => namesSecret(name, context) || names.has(name.toLowerCase());
  const mask = masker(context.secrets);
  // Whether a value holds a secret, in any of its forms, or a JWT (one the auth made, under a name of
  // the collection's), as sent or however many times decoded (a URL escapes what the runtime's
  // encoding left, `'` in a query): the value is then masked whole.
  const holds = (value: string) => {
    for (let text = value, i = 0; i < 4; i++) {
      if (mask(text) !== text || JWT.test(text)) return true;
      const decoded = safeDecode(text);
      if (decoded === text) break;
      text = decoded;
    }
    return false;
  };
  // By name too, since a value may be sent encoded more than once (an OAuth 1 PLAINTEXT signature,
  // the secrets themselves, in a form) or be made of the secrets (a signature).
  const masked = (form: string) =>
    form
      .split("&")
      .map((pair) => {
        const eq = pair.indexOf("=");
        if (eq < 0) return holds(pair) ? MASK : pair;
        const name = pair.slice(0, eq);
        if (secret(safeDecode(name)) || holds(pair.slice(eq + 1))) return `${name}=${MASK}`;
        // A field of JSON text: its keys as a JSON body's.
        const value = safeDecode(pair.slice(eq + 1));
        const json = maskJson(value, secret, holds);
        return json === undefined || json === value
          ? pair
          : `${name}=${new URLSearchParams([["", json]]).toString().slice(1)}`;
      })
      .join("&");
  const url = new URL(request.url);
  const path = url.pathname
    .split("/")
    .map((segment) => (holds(segment) ? MASK : segment))
    .join("/");
  const query = url.search ? `?${masked(url.search.slice(1))}` : "";
  // Each word is masked before it is quoted for the shell, which would break a secret's text apart.
  const word = (text: string) => shellQuote(mask(text).replace(new RegExp(JWT.source, "g"), MASK));
  const parts: string[] = [
    `curl -X ${word(request.method)} ${word(`${url.origin}${path}${query}`)}`,
  ];
  request.headers.forEach((value, name) => {
    // By its value's auth scheme too, as the loader judges a header (`X-Custom: Token abc`).
    const masked = secret(name) || holds(value) || AUTH_SCHEME.test(value) ? MASK : value;
    parts.push(`-H ${word(`${name}: ${masked}`)}`);
  });
  const body = request.body;
  // fetch sends a Blob body with its own type where no header gives one (the collection's file's,
  // readFileArg); curl's --data-binary would send it as a form, so the type is written out.
  if (body instanceof Blob && body.type && !request.headers.has("content-type"))
    parts.push(`-H ${word(`content-type: ${body.type}`)}`);
  if (body instanceof FormData) {
    body.forEach((value, name) => {
      if (typeof value === "string")
        parts.push(
          `--form-string ${word(`${name}=${secret(name) || holds(value) ? MASK : (maskJson(value, secret, holds) ?? value)}`)}`,
        );
      else {
        const path = context.files.get(value) ?? fileOf(context.files, value);
        const type = value.type ? `;type=${value.type}` : "";
        parts.push(`-F ${word(`${name}=@${path ?? value.name}${type}`)}`);
      }
    });
  } else if (body instanceof URLSearchParams) {
    parts.push(`--data-raw ${word(masked(body.toString()))}`);
  } else if (typeof body === "string") {
    parts.push(
      `--data-raw ${word(readsAsForm(request.headers) ? masked(body) : (maskJson(body, secret, holds) ?? body))}`,
    );
  } else if (body instanceof Blob) {
    parts.push(
      `--data-binary ${word(`@${context.files.get(body) ?? fileOf(context.files, body) ?? "-"}`)}`,
    );
  }
  return `${parts.join(" \\\n  ")}\n`;
}

/**
 * JSON text (an object or an array) with the value of every key that names a secret masked, at any
 * depth, and everything below it, and every string that `holds` a secret; the rest exactly as
 * written (a number is not re-printed, so none loses its digits). Undefined when it is not JSON.
 */
export function maskJson(
  text: string,
  secretKey: (name: string) => boolean,
  holds: (value: string) => boolean = () => false,
): string | undefined {
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
    return (
      top !== undefined &&
      (top.secret || (top.object && top.key !== undefined && secretKey(top.key)))
    );
  };
  let out = "";
  // Valid JSON (parsed above) is nothing but these tokens.
  for (const [token] of text.matchAll(/\s+|"(?:[^"\\]|\\.)*"|[{}[\],:]|[^\s{}[\],:"]+/g)) {
    const top = stack[stack.length - 1];
    if (token === "{" || token === "[")
      stack.push({ object: token === "{", secret: inSecret(), atKey: token === "{" });
    else if (token === "}" || token === "]") stack.pop();
    else if (token === ",") {
      if (top?.object) top.atKey = true;
    } else if (token === ":") top!.atKey = false;
    else if (token.startsWith('"') && top?.object && top.atKey)
      top.key = JSON.parse(token) as string;
    else if (token.startsWith('"')) {
      const value = JSON.parse(token) as string;
      if (inSecret() || holds(value)) {
        out += `"${MASK}"`;
        continue;
      }
      // JSON text sent as a string: its keys as the body's.
      const json = maskJson(value, secretKey, holds);
      if (json !== undefined && json !== value) {
        out += JSON.stringify(json);
        continue;
      }
    } else if (/^-?\d/.test(token) && inSecret()) {
      out += `"${MASK}"`;
      continue;
    }
    out += token;
  }
  return out;
}

/**
 * FormData hands back a copy of a File: found by name, size and type. The command line reads a
 * file untyped, and the client gives a copy of it the type the collection's file has (readFileArg:
 * `text/plain` for its `x.txt`), so an untyped file read stands for a copy of any type: else the
 * curl named the file by its name alone, or as standard input (`@-`), not by the path given.
 */
function fileOf(files: ReadonlyMap<Blob, string>, value: Blob): string | undefined {
  for (const [blob, path] of files) {
    if (
      blob.size === value.size &&
      (blob.type === value.type || blob.type === "") &&
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
