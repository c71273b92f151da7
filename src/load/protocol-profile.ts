// Postman's per-request settings (`protocolProfileBehavior` on the collection, a folder or an item;
// the narrowest wins, key by key, as postman-collection's getProtocolProfileBehaviorResolved
// merges them, and postman-runtime's requester reads them). The client sends with fetch: a setting
// fetch can follow is followed (`followRedirects: false` is `redirect: "manual"`); one that asks
// for what fetch cannot do is reported, with what the client does instead.
import { isObject } from "./json.js";
import { bodyModeOf } from "./body.js";
import type { RequestEntry } from "./walk.js";
import type { Source, Warning } from "../model/types.js";
import { counted } from "../counted.js";

const TLS = "the client's fetch negotiates TLS with its platform's defaults";

/** For each setting: whether a value asks for what the client does not do, and what it does instead. */
const SETTINGS: Record<
  string,
  { differs: (value: unknown, entry: RequestEntry) => boolean; client: string; onRedirect?: true }
> = {
  // Followed: the operation's fetch gets `redirect: "manual"` (redirectOf).
  followRedirects: { differs: () => false, client: "" },
  // These three say how a redirect is followed: moot for a request that follows none.
  maxRedirects: { differs: (v) => v !== 20, client: "fetch follows up to 20 redirects", onRedirect: true },
  followOriginalHttpMethod: {
    differs: (v) => v === true,
    client: "fetch redirects with GET after a 303, and a POST with GET after a 301 or 302",
    onRedirect: true,
  },
  followAuthorizationHeader: {
    differs: (v) => v === true,
    client: "fetch drops the Authorization header on a redirect to another origin",
    onRedirect: true,
  },
  strictSSL: {
    differs: (v) => v === false,
    client: "the client verifies TLS certificates (to trust another one, pass createClient a fetch that does)",
  },
  insecureHTTPParser: { differs: (v) => v === true, client: "the client's fetch parses responses strictly" },
  disableUrlEncoding: {
    differs: (v) => v === true,
    client: "the client percent-encodes the values it puts in the URL",
  },
  disabledSystemHeaders: {
    differs: (v, entry) => systemHeadersDiffer(entry, v),
    client:
      "fetch sends its own headers (Accept, User-Agent, Accept-Encoding, Connection, …) whatever the collection says",
  },
  tlsPreferServerCiphers: { differs: (v) => v === true, client: TLS },
  tlsDisabledProtocols: { differs: (v) => Array.isArray(v) && v.length > 0, client: TLS },
  tlsCipherSelection: { differs: (v) => Array.isArray(v) && v.length > 0, client: TLS },
  protocolVersion: { differs: (v) => v === "http2", client: "Node's fetch speaks HTTP/1.1" },
  // What the client does anyway: it keeps no cookies and sends no Referer.
  disableCookies: { differs: () => false, client: "" },
  removeRefererHeaderOnRedirect: { differs: () => false, client: "" },
  // A body on GET or HEAD, which this lets Postman send, is reported with the request: fetch cannot send one.
  disableBodyPruning: { differs: () => false, client: "" },
};

/**
 * One warning for each setting, at the place that sets it, that some request follows (a narrower
 * place may set the key again) and the client cannot: with the number of requests it applies to.
 */
export function behaviorWarnings(entries: readonly RequestEntry[], warnings: Warning[]): void {
  const found = new Map<string, { source: Source; key: string; value: unknown; requests: number }>();
  for (const entry of entries) {
    const resolved = resolvedBehavior(entry);
    const follows = redirectOf(entry) === undefined;
    for (const [key, { source, value }] of resolved) {
      const setting = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
      if (setting && (!setting.differs(value, entry) || (setting.onRedirect && !follows))) continue;
      const place = `${source}.${key}`;
      const seen = found.get(place);
      if (seen) seen.requests++;
      else found.set(place, { source, key, value, requests: 1 });
    }
  }
  for (const [place, { key, value, requests }] of found) {
    const setting = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
    const applies = `it applies to ${counted(requests, "request")}`;
    warnings.push({
      source: place,
      message: setting
        ? `Postman's setting ${key}: ${JSON.stringify(value)} is not what the client does (${applies}): ${setting.client}`
        : `Postman's setting ${key} is not one the generator knows (${applies}): the client ignores it`,
    });
  }
}

/**
 * `manual` when the request follows no redirect (`followRedirects: false`, where the narrowest
 * place that sets it says so), as its fetch is told; Postman follows them by default.
 */
export function redirectOf(entry: RequestEntry): "manual" | undefined {
  return resolvedBehavior(entry).get("followRedirects")?.value === false ? "manual" : undefined;
}

/** The request's settings, key by key from the narrowest place that sets each, with that place. */
function resolvedBehavior(entry: RequestEntry): Map<string, { source: Source; value: unknown }> {
  const resolved = new Map<string, { source: Source; value: unknown }>();
  for (const { value, source } of entry.behaviors) {
    if (!isObject(value)) continue;
    for (const [key, one] of Object.entries(value)) resolved.set(key, { source, value: one });
  }
  return resolved;
}

/**
 * Whether turning off Postman's own headers changes what is sent. Its Content-Type is moot where
 * the item gives its own and the body is not a form (the client sends the item's; fetch writes a
 * form's, with its boundary): Plaid turns it off on requests that set `application/json`.
 */
function systemHeadersDiffer(entry: RequestEntry, value: unknown): boolean {
  if (!isObject(value)) return false;
  const request = entry.json["request"];
  const mode = bodyModeOf(isObject(request) ? request["body"] : undefined);
  const ownType =
    isObject(request) &&
    Array.isArray(request["header"]) &&
    request["header"].some(
      (h) => isObject(h) && h["disabled"] !== true && String(h["key"]).toLowerCase() === "content-type",
    );
  const moot = ownType && mode !== "formdata" && mode !== "urlencoded";
  return Object.entries(value).some(([name, off]) => off === true && !(moot && name.toLowerCase() === "content-type"));
}
