// Collection file → intermediate model: read and check the file, walk it, and turn each request
// (parsed by the postman-collection SDK) into a plain-data operation.
import sdk, { descriptionOf } from "./sdk.js";
import { effectiveAuth } from "./auth.js";
import { bodyModel } from "./body.js";
import { headerArgs } from "./headers.js";
import { uniqueArgKeys } from "./arg.js";
import { descriptionText, stringOr } from "./json.js";
import { readCollectionFile, type CollectionFile } from "./read.js";
import { responseModels } from "./responses.js";
import { urlModel } from "./url.js";
import { Variables } from "./variables.js";
import { requestEntries, type RequestEntry } from "./walk.js";
import { CodegenError } from "../errors.js";
import { camelCase, uniqueNames } from "../model/naming.js";
import { parseOperationDescription } from "../model/operation-doc.js";
import { cleanMarkdown } from "../model/markdown.js";
import type { ApiModel, OperationModel, Warning } from "../model/types.js";

export async function loadCollection(file: string): Promise<ApiModel> {
  return toModel(await readCollectionFile(file));
}

export function toModel(collection: CollectionFile): ApiModel {
  const { json } = collection;
  const warnings: Warning[] = [];
  const variables = Variables.from(json["variable"]);
  const entries = requestEntries(json, warnings);
  const operations = entries.map((entry) => toOperation(entry, variables, warnings, collection.file));
  const names = uniqueNames(operations.map((op) => op.name));
  operations.forEach((op, i) => (op.name = names[i]!));

  const first = operations[0];
  const info = json["info"] as Record<string, unknown>;
  const description = cleanMarkdown(descriptionText(info["description"]) ?? "");
  const bases = new Set(operations.map((op) => op.base));
  if (bases.size > 1) {
    warnings.push({
      source: "item",
      message: `requests use ${bases.size} different base URLs (${[...bases].join(", ")}); only ${first!.base} is supported yet`,
    });
  }
  return {
    name: stringOr(info["name"], "API"),
    ...(description ? { description } : {}),
    baseUrl: first?.base ?? "",
    ...(first?.baseVariable ? { baseUrlVariable: first.baseVariable } : {}),
    operations: operations.map(({ base: _base, baseVariable: _variable, ...op }) => op),
    warnings,
  };
}

type LoadedOperation = OperationModel & { base: string; baseVariable?: string };

function toOperation(entry: RequestEntry, variables: Variables, warnings: Warning[], file: string): LoadedOperation {
  const { json, source } = entry;
  const itemName = stringOr(json["name"], "");
  let item;
  try {
    item = new sdk.Item(json as never);
  } catch (error) {
    throw new CodegenError(file, source, `the SDK cannot read this request: ${(error as Error).message}`);
  }
  const request = item.request;
  const requestSource = `${source}.request`;
  const requestJson = json["request"];
  const urlJson = typeof requestJson === "object" && requestJson !== null ? (requestJson as Record<string, unknown>)["url"] : requestJson;
  const url = urlModel(request.url, urlJson, variables, requestSource, warnings);
  const body = bodyModel(request.body, requestSource, warnings);
  const headers = headerArgs(request.headers, body.encoding !== undefined, requestSource, warnings);
  const doc = parseOperationDescription(descriptionText(descriptionOf(request)) ?? descriptionText(json["description"]));
  const id = typeof json["id"] === "string" ? json["id"] : typeof json["_postman_id"] === "string" ? json["_postman_id"] : undefined;
  return {
    name: camelCase(itemName),
    item: itemName,
    folder: entry.folder,
    ...(id ? { id } : {}),
    method: request.method,
    path: url.path,
    args: uniqueArgKeys([...url.args, ...headers, ...body.args]),
    ...(body.encoding ? { body: body.encoding } : {}),
    auth: effectiveAuth(entry.authChain, warnings, source),
    ...doc,
    responses: responseModels(json["response"], source, warnings),
    source,
    base: url.base,
    ...(url.baseVariable ? { baseVariable: url.baseVariable } : {}),
  };
}
