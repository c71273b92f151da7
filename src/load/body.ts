// A request body → how it is encoded and its fields as `in: "body"` arguments.
import { entries, type RequestBody } from "./sdk.js";
import { toArg } from "./arg.js";
import { descriptionText } from "./json.js";
import type { ArgModel, BodyEncoding, Source, Warning } from "../model/types.js";

export interface BodyModel {
  encoding?: BodyEncoding;
  args: ArgModel[];
}

const ENCODINGS: Record<string, BodyEncoding> = { formdata: "multipart", urlencoded: "urlencoded" };

export function bodyModel(body: RequestBody | undefined, source: Source, warnings: Warning[]): BodyModel {
  if (!body || !body.mode || body.disabled) return { args: [] };
  const encoding = ENCODINGS[body.mode];
  if (!encoding) {
    warnings.push({ source: `${source}.body`, message: `body mode "${body.mode}" is not supported yet: the operation is generated without a body` });
    return { args: [] };
  }
  const list = body.mode === "formdata" ? body.formdata : body.urlencoded;
  const args: ArgModel[] = [];
  entries(list).forEach((field, index) => {
    const where = `${source}.body.${body.mode}[${index}]`;
    const json = field.toJSON() as { type?: unknown };
    if (typeof field.key !== "string" || field.key === "") {
      warnings.push({ source: where, message: "form field without a key: left out" });
      return;
    }
    if (json.type === "file") {
      warnings.push({ source: where, message: `file field "${field.key}" is not supported yet: left out` });
      return;
    }
    args.push(toArg({ name: field.key, in: "body", value: field.value, description: descriptionText(field.description), source: where }));
  });
  return { encoding, args };
}
