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
      'An unquoted variable in a JSON body (`"access_token": {{access_token}}`): Postman pastes the value into the text, which is not JSON unless the value is; the client reads the body as JSON and sends the value as a JSON string (the generator warns about it).',
    matches: (collection, op, d) =>
      collection === "plaid-api.postman_collection.json" &&
      op.source === "item[1].item[1].item[6]" &&
      d.aspect === "body",
  },
  {
    reason:
      "A Host header: fetch sets Host from the URL and ignores the item's (Postman sends it, for a virtual host); the generator leaves it out with a warning.",
    matches: (_collection, _op, d) => d.aspect === "header:host",
  },
];

export function allowed(collection: string, op: OperationModel, difference: Difference): Allowance | undefined {
  return ALLOWLIST.find((a) => a.matches(collection, op, difference));
}
