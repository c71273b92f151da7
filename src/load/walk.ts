// Walks the item tree of a collection's JSON: folders give names and inherited auth; requests are
// handed out with their JSON path. The JSON is walked (not the SDK's ItemGroup) so that every path
// matches the file, even where the SDK would merge items with repeated ids.
import { isObject, stringOr, type JsonObject } from "./json.js";
import type { AuthChain } from "./auth.js";
import type { Source, Warning } from "../model/types.js";

export interface RequestEntry {
  json: JsonObject;
  folder: string[];
  source: Source;
  authChain: AuthChain;
}

export function requestEntries(collection: JsonObject, warnings: Warning[]): RequestEntry[] {
  const entries: RequestEntry[] = [];
  const visit = (items: unknown[], folder: string[], prefix: string, authChain: AuthChain): void => {
    items.forEach((item, index) => {
      const source = `${prefix}item[${index}]`;
      if (!isObject(item)) {
        warnings.push({ source, message: "item is not an object: left out" });
        return;
      }
      const chain = "auth" in item ? [...authChain, { auth: item["auth"], source: `${source}.auth` }] : authChain;
      if (Array.isArray(item["item"])) {
        visit(item["item"], [...folder, stringOr(item["name"], "")], `${source}.`, chain);
      } else if (item["request"] !== undefined && item["request"] !== null) {
        const request = item["request"];
        const requestAuth = isObject(request) && "auth" in request ? [{ auth: request["auth"], source: `${source}.request.auth` }] : [];
        entries.push({ json: item, folder, source, authChain: [...authChain, ...requestAuth] });
      } else {
        warnings.push({ source, message: `item ${JSON.stringify(stringOr(item["name"], ""))} has neither a request nor items: left out` });
      }
    });
  };
  visit(collection["item"] as unknown[], [], "", [{ auth: collection["auth"], source: "auth" }]);
  return entries;
}
