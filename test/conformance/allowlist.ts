// Differences from what newman sends that are deliberate, each with its reason. Anything else that
// differs fails the conformance test. Keep this list short: every entry is a place where the
// client does not do what Postman does.
import type { OperationModel } from "../../src/model/types.js";
import type { Difference } from "./compare.js";

export interface Allowance {
  reason: string;
  /** Which differences it covers. */
  matches: (collection: string, op: OperationModel, difference: Difference) => boolean;
}

export const ALLOWLIST: Allowance[] = [
  {
    reason:
      "An empty path variable value: Postman sends an empty segment (`/audiences//users`), which changes the path; the client refuses it with a ValidationError before sending.",
    matches: (_collection, _op, d) =>
      d.aspect === "sent" && /\(path variable "[^"]+"\) must not be empty$/.test(String(d.client)),
  },
  {
    reason:
      'An unquoted variable in a JSON body (`"access_token": {{access_token}}`) whose value is no JSON value (the test gives it `test-access_token`): Postman pastes the text and sends broken JSON; the client sends the JSON value the text is, and refuses text that is none with a ValidationError naming the reference.',
    // Any collection's: a value its scripts set at run time is text here (Akamai's, Adyen's, Wise's).
    matches: (_collection, _op, d) =>
      d.aspect === "sent" && /written unquoted in the JSON body, is no JSON value/.test(String(d.client)),
  },
  {
    reason:
      "A Host header: fetch sets Host from the URL and ignores the item's (Postman sends it, for a virtual host); the generator leaves it out with a warning.",
    matches: (_collection, _op, d) => d.aspect === "header:host",
  },
  {
    reason:
      "A Sec-Fetch-Mode header (often `navigate`, copied from a browser): Node's fetch writes the request's mode (`cors`) over the item's, newman sends the item's; the generator leaves it out with a warning.",
    matches: (_collection, _op, d) => d.aspect === "header:sec-fetch-mode",
  },
  {
    reason:
      "A body on a GET or HEAD request that the item keeps from Postman's pruning (`protocolProfileBehavior.disableBodyPruning`, as Elasticsearch's and GraphQL-over-GET collections do): newman sends it, fetch refuses a GET or HEAD with a body; the generator leaves the body out with a warning.",
    matches: (_collection, op, d) =>
      /^(GET|HEAD)$/i.test(op.method) && (d.aspect === "body" || d.aspect === "content-type"),
  },
];

/**
 * The headers newman sends and the client does not, or otherwise, whatever the item says: the
 * Postman app's and the platform's own, not the collection's. The comparison above reads only an
 * item's own headers and its auth's; test/runtime/newman-wire.test.ts checks every header that
 * arrives against this list, so that a new one shows there.
 */
export const SENDERS_OWN_HEADERS: Readonly<Record<string, string>> = {
  "cache-control":
    "newman adds `Cache-Control: no-cache` (the Postman app's 'Send no-cache header' setting, not the collection's); the client sends none, so a server or proxy may answer from a cache as it would to any fetch. An item's own Cache-Control is sent by both.",
  "postman-token":
    "newman adds a random `Postman-Token` to each request (the app's 'Send Postman Token header' setting): it names the run, not the API's request, and the client does not send it.",
  "user-agent":
    "Each sender names itself: `PostmanRuntime/7.x` for newman, the platform's fetch for the client (`node`).",
  "accept-encoding":
    "Each sender offers the encodings it decodes: newman `gzip, deflate, br`, Node's fetch (undici) its own (`gzip, deflate` on Node 20).",
  "accept-language": "Node's fetch (undici) adds `Accept-Language: *`; newman sends none.",
  "sec-fetch-mode": "Node's fetch (undici) adds `Sec-Fetch-Mode: cors`, as browsers do; newman sends none.",
};

export function allowed(collection: string, op: OperationModel, difference: Difference): Allowance | undefined {
  return ALLOWLIST.find((a) => a.matches(collection, op, difference));
}
