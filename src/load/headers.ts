// Request headers → header arguments. The body's own Content-Type is not an argument: the client
// writes it from the body (for multipart, with the boundary the hand-set header lacks).
import { entries, type HeaderList } from "./sdk.js";
import { toArg } from "./arg.js";
import { descriptionText } from "./json.js";
import type { ArgModel, Source, Warning } from "../model/types.js";

export function headerArgs(headers: HeaderList, hasBody: boolean, source: Source, warnings: Warning[]): ArgModel[] {
  const args: ArgModel[] = [];
  entries(headers).forEach((header, index) => {
    const where = `${source}.header[${index}]`;
    if (typeof header.key !== "string" || header.key === "") {
      warnings.push({ source: where, message: "header without a name: left out" });
      return;
    }
    if (hasBody && header.key.toLowerCase() === "content-type") return;
    args.push(toArg({ name: header.key, in: "header", value: header.value, description: descriptionText(header.description), source: where }));
  });
  return args;
}
