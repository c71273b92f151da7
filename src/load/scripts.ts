// Pre-request and test scripts that Postman would run around a request. A typed client cannot run
// them (and must never run code from a collection); they are listed so users know what they did.
import { isObject } from "./json.js";
import type { ScriptModel, Source, Warning } from "../model/types.js";

const SETS =
  /(?:pm\.(?:environment|collectionVariables|globals|variables)\.set|postman\.set(?:Environment|Global)Variable)\(\s*(["'`])([^"'`]+)\1/g;

/** A header a script adds to the request: `pm.request.headers.add({ key: "Authorization", … })`, `upsert`, `addHeader`. */
const HEADERS =
  /pm\.request\.(?:headers\.(?:add|upsert)|addHeader|upsertHeader)\(\s*\{\s*(["']?)key\1\s*:\s*(["'`])([^"'`]+)\2/g;

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
    const headers = [...new Set([...text.matchAll(HEADERS)].map((m) => m[3]!))];
    return [
      {
        listen: event["listen"],
        scope,
        source: `${source}event[${index}]`,
        lines: text.split("\n").length,
        sets: [...new Set([...text.matchAll(SETS)].map((m) => m[2]!))],
        ...(headers.length ? { headers } : {}),
      },
    ];
  });
}

/** How many places a script warning names before it counts the rest. */
const NAMED_PLACES = 3;

/**
 * A warning per kind of script (pre-request, test) the collection holds, naming where they are and
 * what to do instead: none is ever run, and a pre-request script may be what signs a request (a
 * `noauth` request that a script signs with OAuth 1 goes out unsigned) or sets what it sends.
 * One per kind, not per script: a collection may hold a test script in each of its requests.
 */
export function scriptWarnings(scripts: readonly ScriptModel[], warnings: Warning[]): void {
  const unique = [...new Map(scripts.map((s) => [s.source, s])).values()];
  for (const listen of ["prerequest", "test"] as const) {
    const found = unique.filter((s) => s.listen === listen);
    if (!found.length) continue;
    const one = found.length === 1;
    const places = found.slice(0, NAMED_PLACES).map((s) => placeOf(s.source));
    const more = found.length - places.length;
    const where = `${places.join(", ")}${more ? `, and ${more} more` : ""}`;
    const what = `${found.length} ${listen === "prerequest" ? "pre-request" : "test"} script${one ? "" : "s"} (${where}) ${one ? "is" : "are"} not run by the client`;
    if (listen === "test") {
      warnings.push({ source: found[0]!.source, message: `${what}: check the responses in your own code` });
      continue;
    }
    const sets = [...new Set(found.flatMap((s) => s.sets))];
    const headers = [...new Set(found.flatMap((s) => s.headers ?? []))];
    warnings.push({
      source: found[0]!.source,
      message: `${what}: what ${one ? "it does" : "they do"} before a request (sign it, set variables or headers) is not done, so give it otherwise: the auth in the collection's auth settings (the client signs what they say), ${sets.length ? `the variables ${one ? "it sets" : "they set"} (${sets.map((name) => `{{${name}}}`).join(", ")}) in variables` : "values in variables"}, ${headers.length ? `the headers ${one ? "it adds" : "they add"} (${headers.join(", ")})` : "headers"} in an onRequest hook`,
    });
  }
}

/** A script's place by its event's JSON path: `the collection`, else the item's path (`item[2].item[0]`). */
function placeOf(source: Source): string {
  const item = source.replace(/\.?event\[\d+\]$/, "");
  return item === "" ? "the collection" : item;
}
