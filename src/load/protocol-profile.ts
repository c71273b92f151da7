// Postman's per-request settings (`protocolProfileBehavior` on the collection, a folder or an item;
// the narrowest wins, key by key, as postman-collection's getProtocolProfileBehaviorResolved
// merges them, and postman-runtime's requester reads them). The client sends with fetch, whose
// behaviour is fixed: a setting that asks for another is reported, with what the client does.
import { isObject } from "./json.js";
import type { RequestEntry } from "./walk.js";
import type { Source, Warning } from "../model/types.js";

const FOLLOWS =
  "the client follows redirects, as fetch does by default: a call returns where a redirect leads, not the 3xx response";
const TLS = "the client's fetch negotiates TLS with its platform's defaults";

/** For each setting: whether a value asks for what the client does not do, and what it does instead. */
const SETTINGS: Record<string, { differs: (value: unknown) => boolean; client: string }> = {
  followRedirects: { differs: (v) => v === false, client: FOLLOWS },
  maxRedirects: { differs: (v) => v !== 20, client: "fetch follows up to 20 redirects" },
  followOriginalHttpMethod: {
    differs: (v) => v === true,
    client: "fetch redirects with GET after a 303, and a POST with GET after a 301 or 302",
  },
  followAuthorizationHeader: {
    differs: (v) => v === true,
    client: "fetch drops the Authorization header on a redirect to another origin",
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
    differs: (v) => isObject(v) && Object.values(v).some((one) => one === true),
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
    const resolved = new Map<string, { source: Source; value: unknown }>();
    for (const { value, source } of entry.behaviors) {
      if (!isObject(value)) continue;
      for (const [key, one] of Object.entries(value)) resolved.set(key, { source, value: one });
    }
    for (const [key, { source, value }] of resolved) {
      const setting = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
      if (setting && !setting.differs(value)) continue;
      const place = `${source}.${key}`;
      const seen = found.get(place);
      if (seen) seen.requests++;
      else found.set(place, { source, key, value, requests: 1 });
    }
  }
  for (const [place, { key, value, requests }] of found) {
    const setting = Object.hasOwn(SETTINGS, key) ? SETTINGS[key] : undefined;
    const applies = `it applies to ${requests} request${requests === 1 ? "" : "s"}`;
    warnings.push({
      source: place,
      message: setting
        ? `Postman's setting ${key}: ${JSON.stringify(value)} is not what the client does (${applies}): ${setting.client}`
        : `Postman's setting ${key} is not one the generator knows (${applies}): the client ignores it`,
    });
  }
}
