// Walks the item tree of a collection's JSON: folders give names, inherited auth, variables and
// scripts; requests are handed out with their JSON path. The JSON is walked (not the SDK's
// ItemGroup) so that every path matches the file, even where the SDK would merge items with repeated ids.
import { isObject, stringOr, type JsonObject } from "./json.js";
import { scriptsOf } from "./scripts.js";
import type { AuthChain } from "./auth.js";
import { DEFAULT_LIMITS, raise, type Limits } from "./limits.js";
import { CodegenError } from "../errors.js";
import type { ScriptModel, Source, Warning } from "../model/types.js";

export interface RequestEntry {
  json: JsonObject;
  folder: string[];
  source: Source;
  authChain: AuthChain;
  /** `variable` lists of the enclosing folders and the item, outermost first, each with its JSON path. */
  variableLists: VariableList[];
  /** Scripts of the collection and the enclosing folders, outermost first (the request's own are added later). */
  scripts: ScriptModel[];
  /** `protocolProfileBehavior` of the collection, the enclosing folders and the item, outermost first. */
  behaviors: Behavior[];
}

/** A `protocolProfileBehavior` object as the JSON has it, and where it is. */
export interface Behavior {
  value: unknown;
  source: Source;
}

/** A `variable` list as the JSON has it (checked by its reader), and where it is. */
export interface VariableList {
  list: unknown;
  source: Source;
}

export function requestEntries(
  collection: JsonObject,
  warnings: Warning[],
  file: string,
  limits: Limits = DEFAULT_LIMITS,
): RequestEntry[] {
  const entries: RequestEntry[] = [];
  interface Scope {
    folder: string[];
    authChain: AuthChain;
    variableLists: VariableList[];
    scripts: ScriptModel[];
    behaviors: Behavior[];
  }
  const visit = (items: unknown[], prefix: string, scope: Scope): void => {
    items.forEach((item, index) => {
      const source = `${prefix}item[${index}]`;
      if (!isObject(item)) {
        warnings.push({ source, message: "item is not an object: left out" });
        return;
      }
      const behaviors = [
        ...scope.behaviors,
        { value: item["protocolProfileBehavior"], source: `${source}.protocolProfileBehavior` },
      ];
      const authChain =
        "auth" in item ? [...scope.authChain, { auth: item["auth"], source: `${source}.auth` }] : scope.authChain;
      if (Array.isArray(item["item"])) {
        if (scope.folder.length + 1 > limits.maxDepth) {
          throw new CodegenError(
            file,
            source,
            `folders are nested more than ${limits.maxDepth} deep here: ${raise("maxDepth")}`,
          );
        }
        visit(item["item"], `${source}.`, {
          folder: [...scope.folder, stringOr(item["name"], "")],
          authChain,
          variableLists: [...scope.variableLists, { list: item["variable"], source: `${source}.variable` }],
          scripts: [...scope.scripts, ...scriptsOf(item["event"], "folder", `${source}.`)],
          behaviors,
        });
      } else if (item["request"] !== undefined && item["request"] !== null) {
        const request = item["request"];
        const requestAuth =
          isObject(request) && "auth" in request ? [{ auth: request["auth"], source: `${source}.request.auth` }] : [];
        entries.push({
          json: item,
          folder: scope.folder,
          source,
          authChain: [...authChain, ...requestAuth],
          variableLists: [...scope.variableLists, { list: item["variable"], source: `${source}.variable` }],
          scripts: [...scope.scripts, ...scriptsOf(item["event"], "request", `${source}.`)],
          behaviors,
        });
      } else {
        warnings.push({
          source,
          message: `item ${JSON.stringify(stringOr(item["name"], ""))} has neither a request nor items: left out`,
        });
      }
    });
  };
  visit(collection["item"] as unknown[], "", {
    folder: [],
    authChain: [{ auth: collection["auth"], source: "auth" }],
    variableLists: [],
    scripts: scriptsOf(collection["event"], "collection", ""),
    behaviors: [{ value: collection["protocolProfileBehavior"], source: "protocolProfileBehavior" }],
  });
  return entries;
}
