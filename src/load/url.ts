// A request URL → the base it starts from, a path template below it, and its path and query arguments.
import { entries, type Url } from "./sdk.js";
import { toArg } from "./arg.js";
import { descriptionText, isObject } from "./json.js";
import { soleVariable, type Variables } from "./variables.js";
import type { ArgModel, Source, Warning } from "../model/types.js";

export interface UrlModel {
  /** The base URL with variables resolved, e.g. `https://api.zoom.us/v2`. */
  base: string;
  /** The collection variable the URL starts with (`{{baseUrl}}`), when it does. */
  baseVariable?: string;
  path: string;
  args: ArgModel[];
}

export function urlModel(url: Url, urlJson: unknown, variables: Variables, source: Source, warnings: Warning[]): UrlModel {
  const urlSource = `${source}.url`;
  const resolve = (text: string, where: Source): string => {
    const resolved = variables.resolve(text);
    for (const name of resolved.unresolved) {
      warnings.push({ source: where, message: `variable {{${name}}} has no value in the collection; it is sent as written` });
    }
    return resolved.text;
  };

  const host = (url.host ?? []).join(".");
  const baseVariable = url.protocol || url.port ? undefined : soleVariable(host);
  const origin = url.protocol || !baseVariable ? `${url.protocol ?? "https"}://${host}${url.port ? `:${url.port}` : ""}` : host;
  const base = resolve(origin, `${urlSource}.host`);

  const jsonVariables = isObject(urlJson) && Array.isArray(urlJson["variable"]) ? urlJson["variable"] : [];
  const args: ArgModel[] = [];
  const segments = (url.path ?? []).map((segment, index) => {
    const text = typeof segment === "string" ? segment : String((segment as { value?: unknown }).value ?? "");
    const where = `${urlSource}.path[${index}]`;
    // As in the SDK, a path variable's name ends at the first "." (`:id.json` is the variable `id`).
    const variable = /^:([^.]+)(.*)$/.exec(text);
    if (!variable) return escapeBraces(resolve(text, where));
    const name = variable[1]!;
    const at = jsonVariables.findIndex((v) => isObject(v) && (v["key"] === name || v["id"] === name));
    const declared = at >= 0 ? (jsonVariables[at] as Record<string, unknown>) : undefined;
    args.push(
      toArg({
        name,
        in: "path",
        value: declared?.["value"],
        description: descriptionText(declared?.["description"]),
        source: at >= 0 ? `${urlSource}.variable[${at}]` : where,
        forceRequired: true,
      }),
    );
    return `{${name}}${escapeBraces(resolve(variable[2]!, where))}`;
  });

  entries(url.query).forEach((param, index) => {
    if (typeof param.key !== "string" || param.key === "") {
      warnings.push({ source: `${urlSource}.query[${index}]`, message: "query parameter without a key: left out" });
      return;
    }
    args.push(
      toArg({
        name: param.key,
        in: "query",
        value: param.value,
        description: descriptionText(param.description),
        source: `${urlSource}.query[${index}]`,
      }),
    );
  });

  return { base, ...(baseVariable ? { baseVariable } : {}), path: segments.length ? `/${segments.join("/")}` : "", args };
}

// Braces in literal path text are percent-encoded (as fetch would send them anyway), so that every
// `{…}` left in a path template is a placeholder.
function escapeBraces(text: string): string {
  return text.replace(/\{/g, "%7B").replace(/\}/g, "%7D");
}
