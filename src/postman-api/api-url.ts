// What the Postman API's base URL (`--postman-api`, a config's `apiUrl`) may hold, and how a message
// shows one. The key goes in the X-Api-Key header, from $POSTMAN_API_KEY (or `apiKeyEnv`), never in
// the URL: a user name, a password or a query there is a credential that every message naming a
// resource's URL would print (fetch itself refuses a URL with a user name, quoting it whole), and a
// query or fragment would swallow the `/collections/{uid}` path appended to the URL anyway.
// No imports but credential-names.ts and model/url-scheme.ts, which import nothing: the config,
// and so the no-op fast path, checks the URL through it.
import { userInfoPattern } from "../runtime/credential-names.js";
import { SCHEME_AND_SLASHES_SOURCE } from "../model/url-scheme.js";

/**
 * Why `url` cannot be the API's base URL, never quoting it; undefined when it can. `apiKeyEnv`: the
 * variable the key is read from, which the message names.
 */
export function apiUrlProblem(url: string, apiKeyEnv = "POSTMAN_API_KEY"): string | undefined {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed) return "not a valid URL";
  const holds = [
    parsed.username || parsed.password || USER_INFO.test(url) ? "a user name or password" : undefined,
    url.includes("?") ? "a query" : undefined,
    url.includes("#") ? "a fragment" : undefined,
  ].filter((part): part is string => part !== undefined);
  if (!holds.length) return undefined;
  return `the API URL holds ${holds.join(" and ")}: it takes none (the API key goes in $${apiKeyEnv}, never in the URL)`;
}

/**
 * `scheme://user:pass@` (or `user:pass@` without a scheme): the user name and password end at the
 * last `@` (credential-names.ts, the one pattern of a URL's user info; it imports nothing).
 */
const USER_INFO = userInfoPattern("", true);

/** One word with a scheme and `//` (`ftp://x`, `http://a b` is not one). */
const ONE_WORD_URL = new RegExp(String.raw`^${SCHEME_AND_SLASHES_SOURCE}\S*$`, "i");

/**
 * The URL as a message may show it: a user name and password, a query and a fragment each as `***`
 * (`https://***@api.example.com?***`), whatever else the URL is. A URL that holds none shows as it is.
 */
export function shownApiUrl(url: string): string {
  return url
    .replace(USER_INFO, "$1***@")
    .replace(/\?[^#]*/, "?***")
    .replace(/#.*$/s, "#***");
}

/**
 * The refusal of a value that is not an http(s) URL: quoted as `shownApiUrl` shows it where it is
 * one word with a scheme (`"ftp://***@x"`); else not at all, as it may be the key itself, given
 * where the URL goes (`--postman-api PMAK-…`).
 */
export function notHttpUrl(value: string): string {
  return ONE_WORD_URL.test(value)
    ? `${JSON.stringify(shownApiUrl(value))} is not an http(s) URL`
    : "not an http(s) URL (what was given is not shown: it may be a key)";
}
