// The auth a request really uses: its own, else its folders', else the collection's (an absent or
// null `auth`, or type "inherit", inherits). Credentials are kept only where they refer to variables.
import { isObject } from "./json.js";
import type { AuthModel, Source, Warning } from "../model/types.js";

/** `auth` objects from the collection down to the request, each with its JSON path. */
export type AuthChain = ReadonlyArray<{ auth: unknown; source: Source }>;

/** Auth types the client applies itself; any other is signed by the client's `sign` hook. */
export function effectiveAuth(chain: AuthChain, warnings: Warning[]): AuthModel {
  for (let i = chain.length - 1; i >= 0; i--) {
    const { auth, source } = chain[i]!;
    if (!isObject(auth) || typeof auth["type"] !== "string" || auth["type"] === "inherit") continue;
    const type = auth["type"];
    const param = (key: string) => credential(auth, type, key, source, warnings);
    switch (type) {
      case "noauth":
        return { type: "none" };
      case "oauth2":
      case "bearer": {
        const token = param(type === "oauth2" ? "accessToken" : "token");
        return { type: "bearer", from: type, ...(token ? { token } : {}) };
      }
      case "apikey": {
        const name = plain(auth, type, "key") ?? "x-api-key";
        const value = param("value");
        return { type: "apikey", in: plain(auth, type, "in") === "query" ? "query" : "header", name, ...(value ? { value } : {}) };
      }
      case "basic": {
        const username = param("username");
        const password = param("password");
        return { type: "basic", ...(username ? { username } : {}), ...(password ? { password } : {}) };
      }
      default:
        return { type: "custom", scheme: type };
    }
  }
  return { type: "none" };
}

/** A parameter of an auth object: `[{key, value}]` in v2.1, `{key: value}` in v2.0. */
function plain(auth: Record<string, unknown>, type: string, key: string): string | undefined {
  const params = auth[type];
  let value: unknown;
  if (Array.isArray(params)) value = (params.find((p) => isObject(p) && p["key"] === key) as Record<string, unknown> | undefined)?.["value"];
  else if (isObject(params)) value = params[key];
  return typeof value === "string" && value !== "" ? value : undefined;
}

const reported = new WeakSet<object>();

function credential(auth: Record<string, unknown>, type: string, key: string, source: Source, warnings: Warning[]): string | undefined {
  const value = plain(auth, type, key);
  if (value === undefined) return undefined;
  if (/\{\{[^{}]+\}\}/.test(value)) return value;
  if (!reported.has(auth)) {
    reported.add(auth);
    warnings.push({
      source,
      message: `the ${type} auth holds a literal ${key}; secrets are not copied into the client: pass it as a client option`,
    });
  }
  return undefined;
}
