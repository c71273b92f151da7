// The auth a request really uses: its own, else its folders', else the collection's (an absent or
// null `auth` inherits; there is no "inherit" type in the format, though the SDK reports one).
import { isObject } from "./json.js";
import type { AuthModel, Source, Warning } from "../model/types.js";

/** `auth` objects from the collection down to the request, each with its JSON path. */
export type AuthChain = ReadonlyArray<{ auth: unknown; source: Source }>;

export function effectiveAuth(chain: AuthChain, warnings: Warning[], requestSource: Source): AuthModel {
  for (let i = chain.length - 1; i >= 0; i--) {
    const { auth, source } = chain[i]!;
    if (!isObject(auth) || auth["type"] === "inherit" || auth["type"] === undefined) continue;
    switch (auth["type"]) {
      case "oauth2":
        return { type: "bearer", from: "oauth2" };
      case "bearer":
        return { type: "bearer", from: "bearer" };
      case "noauth":
        return { type: "none" };
      default:
        warnings.push({
          source: `${source}.type`,
          message: `auth type "${String(auth["type"])}" (used by ${requestSource}) is not supported yet: the operation is generated without auth`,
        });
        return { type: "none" };
    }
  }
  return { type: "none" };
}
