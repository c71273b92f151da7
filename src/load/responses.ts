// Saved example responses → what each documented status means, its error codes and its examples.
import sdk from "./sdk.js";
import { isObject } from "./json.js";
import { parseResponseName } from "../model/response-name.js";
import type { ErrorCodeModel, ResponseModel, Source, Warning } from "../model/types.js";

export function responseModels(list: unknown, source: Source, warnings: Warning[]): ResponseModel[] {
  const byStatus = new Map<number, ResponseModel>();
  (Array.isArray(list) ? list : []).forEach((json: unknown, index) => {
    const where = `${source}.response[${index}]`;
    if (!isObject(json)) {
      warnings.push({ source: where, message: "example response is not an object: left out" });
      return;
    }
    const response = new sdk.Response(json as never);
    const name = typeof json["name"] === "string" ? json["name"] : "";
    const parsed = parseResponseName(name);
    const status = typeof response.code === "number" && response.code > 0 ? response.code : parsed.status;
    if (status === undefined) {
      warnings.push({ source: where, message: `example response "${name}" has no status code: left out` });
      return;
    }
    let model = byStatus.get(status);
    if (!model) {
      const description = parsed.description ?? (response.status || undefined);
      model = { status, ...(description ? { description } : {}), errorCodes: [], examples: [] };
      byStatus.set(status, model);
    }
    model.errorCodes = mergeCodes(model.errorCodes, parsed.errorCodes);
    const contentType = response.headers.get("content-type");
    model.examples.push({
      name,
      ...(typeof contentType === "string" && contentType ? { contentType } : {}),
      body: typeof response.body === "string" ? response.body : "",
      source: where,
    });
  });
  return [...byStatus.values()];
}

function mergeCodes(known: ErrorCodeModel[], more: ErrorCodeModel[]): ErrorCodeModel[] {
  const merged = [...known];
  for (const code of more) if (!merged.some((c) => String(c.code) === String(code.code))) merged.push(code);
  return merged;
}
