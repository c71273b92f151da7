// Which values a call sent are credentials, for its error to mask (redact.ts). One rule, read off
// the request as it went rather than from each auth, so that the `sign` hook's, the app's and every
// scheme's are read alike. A value is a credential when it is
// - a header's whose name says it holds one, whoever set it: the app (`headers`, a hook), an
//   argument, the auth (credential-names.ts's `SECRET_NAME`: `Authorization`, `Cookie`,
//   `X-Api-Key`, `X-Auth-Token`). Not an `Idempotency-Key` (`Cko-Idempotency-Key` too), a key the
//   caller makes for the request that grants nothing, which the server logs and quotes: what
//   matches a failed call to its logs. Only that run is taken out of a header's name: taking out
//   each of `PLACE_NAME`'s, as a field's name is judged (`X-Page-Token`), would cost every bundle
//   ~85 B;
// - a query parameter's, a form field's (urlencoded or multipart) or a JSON field's, at any depth
//   of a JSON body, of a form field's JSON text or of a multipart part typed as JSON (one of 1 MiB
//   at most, `LARGEST_PART_READ`), whose name says it holds one (`namesSentSecret`: `api_key`,
//   `client_secret`, Zoom's `password`, Plaid's `access_token`; not `next_page_token`), every
//   string under it too (`{"access_token": {"value": …}}`), the app's argument or the auth's. Only
//   an operation that has such a field reads them
//   (`namedSecrets`, a request feature its generated code passes, request.ts's featuresNeeded),
//   so that other bundles leave that reading out: every other pair in a request is the app's
//   argument, whose name the generator judged, or the auth's, read below;
// - or what the auth set or changed: a header (an API key under whatever name the collection gave
//   it), a query pair, a form pair (OAuth 1's). But not a header its signature names as what it
//   signs (AWS's `SignedHeaders=`: `X-Amz-Date`, `X-Amz-Content-Sha256`): content the server checks
//   the signature against, which grants nothing, unless its name says otherwise;
// - or the value of a secret variable the call used.
// Of such a header, also the parts a server may quote alone: what follows its scheme (`Bearer`'s
// token, `Basic`'s base64), Basic's `user:password` and password (whoever set the header), each
// cookie's value (`session=abc123`: `abc123`), and each `name=value` parameter made as a key, a
// signature or a nonce is: 16 characters or more, not a path (`/…`), an address or a time (`@`,
// `:`): `Signature=`, `Credential=`, Digest's `response=` and `cnonce=`, Hawk's `mac=`,
// `oauth_signature=`. The rest of what an auth writes, its settings, times, names and the body's
// hash (`qop`, `nc`, `algorithm`, `uri`, a `realm` like `api@example.com`, Hawk's `ts` and `hash`),
// reads in an error as the server quotes it. Only a failed call calls this: a call that succeeds
// does none of this work.
import { namesSentSecret, SECRET_NAME } from "./credential-names.js";
import { isJson } from "./response.js";
import { IDEMPOTENCY_KEY } from "./retry.js";

/** The request before its auth ran, or as it was sent: their difference is the auth's. */
interface Sent {
  readonly url: URL;
  readonly headers: Headers;
  readonly body?: unknown;
}

/**
 * The credentials a call sent (`sentSecrets`, `namedSecrets` or `schemeSecrets`, as the request says),
 * with `given`'s. A promise where they are read out of a multipart part (a Blob, which reads only so).
 */
export type SentSecrets = (before: Sent, after: Sent, given?: readonly string[]) => string[] | Promise<string[]>;

/** A value, as written and percent-decoded (an OAuth 1 signature, a key in the query), as a server may quote either. */
function add(found: string[], text: string): void {
  found.push(text);
  try {
    found.push(decodeURIComponent(text.replace(/\+/g, " ")));
  } catch {
    // Not percent-encoded text: as written.
  }
}

/**
 * The credentials a call sent, by the rule above, as every bundle needs them: headers named as
 * credentials or set by the auth, whole and after their scheme, Basic's pair and password, each
 * cookie's value; the query pairs the auth added; `given`, the secret variables' values.
 */
export const sentSecrets = (before: Sent, after: Sent, given: readonly string[] = []): string[] => {
  const found = [...given];
  after.headers.forEach((value, name) => {
    // The name's letters and digits run together, as the command line reads a name, less an
    // idempotency key's (retry.ts's IDEMPOTENCY_KEY: `Idempotency-Key`, `Cko-Idempotency-Key`),
    // whose `key` names a request, not a right.
    if (
      !SECRET_NAME.test(name.replace(IDEMPOTENCY_KEY, "").replace(/[^a-z\d]/g, "")) &&
      before.headers.get(name) === value
    )
      return;
    add(found, value);
    const [, basic, credentials] = /^(?:(basic)|\S+)\s+(.+)$/i.exec(value) ?? [];
    if (credentials) add(found, credentials);
    // Basic's pair as UTF-8 (escape turns each byte atob gives into `%XX`, which decodeURIComponent
    // reads), and its password, or its user name where it has none (a key sent that way): whoever
    // set the header, the auth, the app's `headers` or a hook.
    if (basic)
      try {
        const pair = decodeURIComponent(escape(atob(credentials!)));
        found.push(pair, pair.slice(pair.indexOf(":") + 1) || pair.slice(0, -1));
      } catch {
        // Not base64 of UTF-8: masked as sent.
      }
    // Each cookie's value, which a server quotes alone ("invalid session abc123"), as any secret
    // value is: from three characters on (redact.ts's SHORTEST_SECRET).
    if (name === "cookie") pairs(found, value, "", "; ");
  });
  // The `?` leads both queries: it changes no pair's being new.
  pairs(found, after.url.search, before.url.search);
  return found;
};

/** The value of each `a=b` pair in `now` (a query, a form, a cookie), as sent, that `was` did not hold (the auth's). */
function pairs(found: string[], now: string, was: string, separator = "&"): void {
  const unsigned = new Set(was.split(separator));
  // An empty pair that is new (a query where there was none) adds "", which masks nothing.
  for (const pair of now.split(separator)) if (!unsigned.has(pair)) add(found, pair.slice(pair.indexOf("=") + 1));
}

/**
 * The value of each `a=b` pair in `text` (a query, a form) whose name, as written, says it holds a
 * credential; and in a value that is JSON text (a form field of an object's JSON: `jsonText`), its
 * fields named as one (`namedFields`), every string of it under such a name.
 */
function namedPairs(found: string[], text: string): void {
  for (const pair of text.split("&")) {
    const eq = pair.indexOf("=");
    if (eq < 1) continue;
    const named = namesSentSecret(pair.slice(0, eq));
    if (named) add(found, pair.slice(eq + 1));
    // Its JSON as written and decoded: `add`'s two readings, of which one parses; under a name that
    // says it holds a credential, each string of it is one (`client_secret={"value":"…"}`).
    const texts: string[] = [];
    add(texts, pair.slice(eq + 1));
    for (const text of texts) namedFields(found, text, named);
  }
}

/**
 * In a JSON text, each string whose key, at any depth, says it holds a credential
 * (`namesSentSecret`: Plaid's `access_token`, `{ "nested": { "api_key": … } }`; not
 * `next_page_token` nor `client_id`), and each string at any depth under such a key, whatever the
 * keys between say (`{ "access_token": { "value": … } }`, `{ "client_secret": [{ "v": … }] }`): a
 * credential split into parts is a credential still, and a server may quote any part. All of it
 * when `named` (the text is a value under such a name). A credential is text: a number or a
 * boolean under such a name (`token_ttl: 3600`) is a setting, left as it reads. Text that is no
 * JSON object or array holds none.
 */
function namedFields(found: string[], text: string, named = false): void {
  let value: unknown;
  try {
    if (!/^\s*[[{]/.test(text)) return;
    value = JSON.parse(text);
  } catch {
    return;
  }
  // Each value with whether its key names a credential; a stack, not recursion: a body nested deeper
  // than the call stack goes still masks.
  const stack: Array<[unknown, boolean]> = [[value, named]];
  for (let next; (next = stack.pop());) {
    const [one, named] = next;
    if (typeof one === "string") {
      if (named) found.push(one);
    } else if (Array.isArray(one)) for (const item of one) stack.push([item, named]);
    else if (one && typeof one === "object")
      for (const [key, item] of Object.entries(one)) stack.push([item, named || namesSentSecret(key)]);
  }
}

/**
 * A form's fields, urlencoded or multipart, as `a=b&…` pairs (a file reads `[object File]`); other
 * bodies none. A text body is read as a form when `readsAsForm`.
 */
function form({ body, headers }: Sent): string {
  if (typeof body === "string") return readsAsForm(headers) ? body : "";
  return body instanceof URLSearchParams || body instanceof FormData ? String(new URLSearchParams(body as never)) : "";
}

/**
 * Whether a server reads a text body as a form, so that its fields named as credentials are
 * secrets to mask wherever it may be quoted (an error, the command line's curl): when its type
 * names one in any letters, as servers read media types without regard to case (RFC 9110), a raw
 * body typed `Application/X-WWW-Form-Urlencoded` too. Not bodies.ts's namesUrlencoded, which is
 * another question (which types newman replaces, in lower case only).
 */
export function readsAsForm(headers: Headers): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(headers.get("content-type") ?? "");
}

/**
 * The largest multipart part typed as JSON that a failed call reads for the credentials in its
 * fields (1 MiB). A part a request's parameters travel in (`metadata`: a name, a region, a
 * `client_secret`) is a few kilobytes; a larger one is a document the app uploads (a file typed
 * `application/json`), and reading and parsing it whole on every failure (a 200 MB upload refused
 * is 200 MB read into memory and parsed again) costs the app more than its strings under a
 * credential's name are worth. Beyond it a part is what every other file part is: not read, the
 * app's data, masked by the rest of the rule (the auth's values, the secret variables').
 */
export const LARGEST_PART_READ = 1_048_576;

/**
 * `sentSecrets` with the query pairs, form fields and JSON fields (at any depth) named as
 * credentials (and a form's pairs the auth added): what an operation with such a field passes as
 * its `namedSecrets` request feature (request.ts's featuresNeeded), and what `schemeSecrets` reads too.
 */
export const namedSecrets: SentSecrets = async (before, after, given) => {
  const found = sentSecrets(before, after, given);
  const built = form(before);
  // A multipart form a signer turned into bytes (signing.ts's bodyBytes) is read as it was built.
  const sent = form(after) || built;
  namedPairs(found, after.url.search.slice(1));
  namedPairs(found, sent);
  pairs(found, sent, built);
  // A body of JSON text (a JSON body, a raw one, GraphQL's variables), whatever its type says, as a
  // server may read it so: as it went, or as it was built where a signer turned it into bytes.
  const text = typeof after.body === "string" ? after.body : before.body;
  if (typeof text === "string") namedFields(found, text);
  // A multipart part typed as JSON (a field's own Content-Type, bodies.ts's encodeMultipart: a Blob),
  // whose fields a server reads as a JSON body's; `form` reads such a part as `[object File]`. As it
  // went, or as it was built where a signer turned the form into bytes. Up to LARGEST_PART_READ.
  // (forEach, not for…of: a package's own tsconfig, ES2022 and DOM, has no iterable FormData.)
  const parts = after.body instanceof FormData ? after.body : before.body;
  const texts: Array<Promise<string>> = [];
  if (parts instanceof FormData)
    parts.forEach((part) => {
      if (typeof part !== "string" && isJson(part.type) && part.size <= LARGEST_PART_READ) texts.push(part.text());
    });
  for (const text of await Promise.all(texts)) namedFields(found, text);
  return found;
};

/**
 * `namedSecrets` with the rest of the rule, which only auths whose header holds parameters need: the
 * headers their signature names as signed, the parameters. Those authorizers set it on the request
 * they sign (`BuiltRequest.sentSecrets`): the `sign` hook, and each that signs through signing.ts
 * (Digest, Hawk, AWS, OAuth 1, EdgeGrid, JWT, OAuth 2), so that a bundle without them (a bearer
 * token, an API key, Basic) leaves it out.
 */
export const schemeSecrets: SentSecrets = async (before, after, given) => {
  // A header the signature names as signed reads as one the auth did not set.
  const headers = new Headers(before.headers);
  for (const name of /SignedHeaders=([^\s,]*)/.exec(after.headers.get("authorization")!)?.[1]!.split(";") ?? [])
    if (after.headers.has(name)) headers.set(name, after.headers.get(name)!);
  const found = await namedSecrets({ url: before.url, headers, body: before.body }, after, given);
  after.headers.forEach((value) => {
    if (!found.includes(value)) return;
    // A body's hash (Hawk's `hash`, OAuth 1's `oauth_body_hash`) is content the server checks the
    // signature against, as AWS's `X-Amz-Content-Sha256` is: it grants nothing.
    for (const [, name, part] of value.matchAll(/(\w*)=\s*"?([^\s",;/@:][^\s",;@:]{15,})(?=[\s",;]|$)/g))
      if (!name!.endsWith("hash")) add(found, part!);
  });
  return found;
};
