// Which values a call sent are credentials, for its error to mask (redact.ts). One rule, read off
// the request as it went rather than from each auth, so that the `sign` hook's and every scheme's
// are read alike. A value is a credential when it is
// - a header's whose name says it holds one, whoever set it: the app (`headers`, a hook), an
//   argument, the auth (credential-names.ts's `SECRET_NAME`: `Authorization`, `Cookie`,
//   `X-Api-Key`, `X-Auth-Token`);
// - or what the auth set or changed: a header (an API key under whatever name the collection gave
//   it), a query pair, a pair of a urlencoded form (OAuth 1's). But not a header its signature names
//   as what it signs (AWS's `SignedHeaders=`: `X-Amz-Date`, `X-Amz-Content-Sha256`): content the
//   server checks the signature against, which grants nothing, unless its name says otherwise;
// - or the value of a secret variable the call used.
// Of such a header, also the parts a server may quote alone: what follows its scheme (`Bearer`'s
// token, `Basic`'s base64), Basic's `user:password` and password, and each `name=value` parameter
// made as a key, a signature or a nonce is: 16 characters or more, not a path (`/…`), an address or
// a time (`@`, `:`): `Signature=`, `Credential=`, Digest's `response=` and `cnonce=`, Hawk's `mac=`,
// `oauth_signature=`. The rest of what an auth writes, its settings, times and names (`qop`, `nc`,
// `algorithm`, `uri`, a `realm` like `api@example.com`, Hawk's `ts`), reads in an error as the
// server quotes it. Only a failed call calls this: a call that succeeds does none of this work.
import { SECRET_NAME } from "./credential-names.js";

/** The request before its auth ran, and as it was sent: their difference is the auth's. */
interface Sent {
  readonly headers: Headers;
  readonly body?: unknown;
}
interface Before extends Sent {
  readonly href: string;
}
interface After extends Sent {
  readonly url: URL;
}

/** The credentials a call sent (`sentSecrets`, or `schemeSecrets` for an auth whose scheme needs it), with `given`'s. */
export type SentSecrets = (before: Before, after: After, given?: readonly string[]) => string[];

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
 * credentials or set by the auth (but those in `signed`), whole and after their scheme; the query
 * pairs the auth added; `given`, the secret variables' values.
 */
export function sentSecrets(
  before: Before,
  after: After,
  given: readonly string[] = [],
  signed?: readonly string[],
): string[] {
  const found = [...given];
  after.headers.forEach((value, name) => {
    // The name's letters and digits run together, as the command line reads a name.
    if (
      !SECRET_NAME.test(name.replace(/[^a-z\d]/g, "")) &&
      (before.headers.get(name) === value || signed?.includes(name))
    )
      return;
    add(found, value);
    const credentials = /^\S+\s+(.+)$/s.exec(value)?.[1];
    if (credentials) add(found, credentials);
  });
  addedPairs(found, after.url.search.slice(1), new URL(before.href).search.slice(1));
  return found;
}

/** The value of each `a=b&…` pair in `now` (a query, a form), as sent, that `was` did not hold. */
function addedPairs(found: string[], now: string, was: string): void {
  const unsigned = new Set(was.split("&"));
  for (const pair of now.split("&"))
    if (pair && !unsigned.has(pair)) add(found, pair.slice(pair.indexOf("=") + 1));
}

/**
 * `sentSecrets` with the rest of the rule, which only auths whose header holds parameters or a pair
 * need: the headers their signature names as signed, Basic's pair, the parameters, a form's pairs.
 * Those authorizers set it on the request they sign (`BuiltRequest.sentSecrets`): Basic, the `sign`
 * hook, and each that signs through signing.ts (Digest, Hawk, AWS, OAuth 1, EdgeGrid, JWT, OAuth 2),
 * so that a bundle without them (a bearer token, an API key) leaves it out.
 */
export const schemeSecrets: SentSecrets = (before, after, given) => {
  const found = sentSecrets(
    before,
    after,
    given,
    /SignedHeaders=([^\s,]*)/.exec(after.headers.get("authorization")!)?.[1]!.split(";"),
  );
  after.headers.forEach((value) => {
    if (!found.includes(value)) return;
    for (const [, part] of value.matchAll(/=\s*"?([^\s",;/@:][^\s",;@:]{15,})(?=[\s",;]|$)/g))
      add(found, part!);
    // Basic's pair as UTF-8: escape turns each byte atob gives into `%XX`, which decodeURIComponent reads.
    const [, basic] = /^basic\s+(\S+)/i.exec(value) ?? [];
    if (basic)
      try {
        const pair = decodeURIComponent(escape(atob(basic)));
        const colon = pair.indexOf(":");
        found.push(pair, pair.slice(colon + 1) || pair.slice(0, colon));
      } catch {
        // Not base64 of UTF-8: masked as sent.
      }
  });
  if (after.body instanceof URLSearchParams)
    addedPairs(found, String(after.body), String(before.body));
  return found;
};
