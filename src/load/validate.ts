// Checks a collection against the format (collection-schema.ts) before anything reads it, and
// reports every problem at once, each with its JSON path.
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import { COLLECTION_SCHEMA } from "./collection-schema.js";
import { CodegenError } from "../errors.js";

let validator: ValidateFunction | undefined;

/** How many problems a message lists; the rest are counted. */
const LISTED = 20;

export function validateCollection(file: string, json: unknown): void {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(COLLECTION_SCHEMA);
  if (validator(json)) return;
  const problems = describe((validator.errors ?? []).filter(meaningful));
  const first = problems[0]?.split(": ")[0] ?? "$";
  const listed = problems.slice(0, LISTED).map((p) => `\n  - ${p}`).join("");
  const more = problems.length > LISTED ? `\n  … and ${problems.length - LISTED} more` : "";
  throw new CodegenError(file, first, `does not match the Postman collection format (${problems.length} problem${problems.length === 1 ? "" : "s"}):${listed}${more}`);
}

/**
 * One line per problem. Where a value may take several shapes (anyOf), the branch it was meant
 * for is the one with errors deeper inside it: type complaints of the other branches are dropped,
 * and the remaining ones at one place merge ("must be string or object").
 */
function describe(errors: ErrorObject[]): string[] {
  const deeper = (path: string) => errors.some((e) => e.instancePath.startsWith(`${path}/`));
  const types = new Map<string, string[]>();
  const lines: string[] = [];
  for (const error of errors) {
    if (error.keyword === "type") {
      if (deeper(error.instancePath)) continue;
      const allowed = String((error.params as { type: unknown }).type).split(",");
      const known = types.get(error.instancePath);
      if (known) known.push(...allowed);
      else types.set(error.instancePath, allowed);
      continue;
    }
    lines.push(`${jsonPath(error.instancePath)}: ${message(error)}`);
  }
  for (const [path, allowed] of types) {
    const unique = [...new Set(allowed)];
    lines.push(`${jsonPath(path)}: must be ${unique.length > 1 ? `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}` : unique[0]}`);
  }
  return [...new Set(lines)].sort(byPath);
}

function byPath(a: string, b: string): number {
  const key = (line: string) => line.split(": ")[0]!.replace(/\[(\d+)\]/g, (_m, n: string) => `[${n.padStart(8, "0")}]`);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** `anyOf`/`if` wrappers only repeat what their branches say. */
function meaningful(error: ErrorObject): boolean {
  return error.keyword !== "anyOf" && error.keyword !== "if";
}

function message(error: ErrorObject): string {
  if (error.keyword === "enum") return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (error.keyword === "required") return `must have ${JSON.stringify((error.params as { missingProperty: string }).missingProperty)}`;
  return error.message ?? error.keyword;
}

/** `/item/3/request/body/formdata/0` → `item[3].request.body.formdata[0]`. */
export function jsonPath(pointer: string): string {
  if (pointer === "") return "$";
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : /^[A-Za-z_$][\w$]*$/.test(part) ? `${path ? `${path}.` : ""}${part}` : `${path}[${JSON.stringify(part)}]`), "");
}
