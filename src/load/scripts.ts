// Pre-request and test scripts that Postman would run around a request. A typed client cannot run
// them (and must never run code from a collection); they are listed so users know what they did.
import { isObject } from "./json.js";
import type { ScriptModel, Source } from "../model/types.js";

const SETS =
  /(?:pm\.(?:environment|collectionVariables|globals|variables)\.set|postman\.set(?:Environment|Global)Variable)\(\s*(["'`])([^"'`]+)\1/g;

export function scriptsOf(events: unknown, scope: ScriptModel["scope"], source: Source): ScriptModel[] {
  if (!Array.isArray(events)) return [];
  return events.flatMap((event, index): ScriptModel[] => {
    if (!isObject(event) || (event["listen"] !== "prerequest" && event["listen"] !== "test")) return [];
    if (event["disabled"] === true) return [];
    const script = event["script"];
    const exec = isObject(script) ? script["exec"] : undefined;
    const text = Array.isArray(exec)
      ? exec.filter((line) => typeof line === "string").join("\n")
      : typeof exec === "string"
        ? exec
        : "";
    if (text.trim() === "") return [];
    return [
      {
        listen: event["listen"],
        scope,
        source: `${source}event[${index}]`,
        lines: text.split("\n").length,
        sets: [...new Set([...text.matchAll(SETS)].map((m) => m[2]!))],
      },
    ];
  });
}
