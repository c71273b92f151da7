// How a JSON Schema's complaints (ajv's errors) reach the user: one line per problem, each with
// its JSON path (`item[3].request.url`, `targets[0].exlude`), sorted by place, in one message.
// Shared by the collection check (load/validate.ts) and the config (config.ts); no ajv import, so
// the no-op fast path that reads the config stays light.
import type { ErrorObject } from "ajv";
import { CodegenError } from "./errors.js";
import { didYouMean } from "./command-line/names.js";

/** How many problems a message lists; the rest are counted. */
const LISTED = 20;

export interface DescribeOptions {
  /** The schema the errors come from: an unknown key's message then lists the known ones. */
  schema?: unknown;
  /** What the schema's object keys are called in messages ("option"). */
  keyNoun?: string;
  /** Where the checked value sits in its file (`postman-codegen` for a key of package.json). */
  pathPrefix?: string;
  /** A message of the caller's own for an error (e.g. friendlier words for a pattern), or undefined. */
  message?: (error: ErrorObject, path: string) => string | undefined;
}

/** A CodegenError for `file` that lists every problem, placed at the first one. */
export function schemaError(
  file: string,
  errors: readonly ErrorObject[],
  what: string,
  options: DescribeOptions = {},
): CodegenError {
  const problems = describeSchemaErrors(errors, options);
  const [path, problem] = split(problems[0] ?? "$: invalid");
  if (problems.length === 1) return new CodegenError(file, path, problem);
  const listed = problems
    .slice(0, LISTED)
    .map((p) => `\n  - ${p}`)
    .join("");
  const more = problems.length > LISTED ? `\n  … and ${problems.length - LISTED} more` : "";
  return new CodegenError(file, path, `${what} (${problems.length} problems):${listed}${more}`);
}

function split(line: string): [string, string] {
  const at = line.indexOf(": ");
  return [line.slice(0, at), line.slice(at + 2)];
}

/**
 * One line per problem. Where a value may take several shapes (anyOf), the branch it was meant
 * for is the one with errors deeper inside it: type (and constant) complaints of the other branches
 * are dropped, and the remaining ones at one place merge ("must be string or object", "must be
 * array, null or \"\"").
 */
export function describeSchemaErrors(all: readonly ErrorObject[], options: DescribeOptions = {}): string[] {
  const errors = all.filter(meaningful);
  const deeper = (path: string) => errors.some((e) => e.instancePath.startsWith(`${path}/`));
  const types = new Map<string, string[]>();
  const lines: string[] = [];
  for (const error of errors) {
    // A constant is one more shape a value may take ("none" as ""), said with the types.
    if (error.keyword === "type" || error.keyword === "const") {
      if (deeper(error.instancePath)) continue;
      const allowed =
        error.keyword === "const"
          ? [JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)]
          : String((error.params as { type: unknown }).type).split(",");
      const known = types.get(error.instancePath);
      if (known) known.push(...allowed);
      else types.set(error.instancePath, allowed);
      continue;
    }
    const key =
      error.keyword === "additionalProperties"
        ? (error.params as { additionalProperty: string }).additionalProperty
        : error.keyword === "required"
          ? (error.params as { missingProperty: string }).missingProperty
          : undefined;
    const path = placed(
      options,
      key === undefined ? error.instancePath : `${error.instancePath}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`,
    );
    lines.push(`${path}: ${options.message?.(error, path) ?? message(error, options)}`);
  }
  for (const [path, allowed] of types) {
    const unique = [...new Set(allowed)];
    lines.push(
      `${placed(options, path)}: must be ${unique.length > 1 ? `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}` : unique[0]}`,
    );
  }
  return [...new Set(lines)].sort(byPath);
}

function placed(options: DescribeOptions, pointer: string): string {
  const path = jsonPath(pointer);
  if (!options.pathPrefix) return path;
  return path === "$" ? options.pathPrefix : `${options.pathPrefix}${path.startsWith("[") ? "" : "."}${path}`;
}

function byPath(a: string, b: string): number {
  const key = (line: string) =>
    line.split(": ")[0]!.replace(/\[(\d+)\]/g, (_m, n: string) => `[${n.padStart(8, "0")}]`);
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** `anyOf`/`if` wrappers only repeat what their branches say. */
function meaningful(error: ErrorObject): boolean {
  return error.keyword !== "anyOf" && error.keyword !== "if";
}

function message(error: ErrorObject, options: DescribeOptions): string {
  const noun = options.keyNoun ?? "property";
  if (error.keyword === "enum")
    return `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (error.keyword === "required") {
    const description = at(
      options.schema,
      `${parent(error.schemaPath)}/properties/${(error.params as { missingProperty: string }).missingProperty}/description`,
    );
    return `missing${typeof description === "string" ? `: ${description}` : ""}`;
  }
  if (error.keyword === "additionalProperties") {
    const known = at(options.schema, `${parent(error.schemaPath)}/properties`);
    if (!known || typeof known !== "object") return `unknown ${noun}`;
    // A typo (`enviroments`) is offered its key, by the command lines' own judge of one.
    const typed = (error.params as { additionalProperty: string }).additionalProperty;
    const names = Object.keys(known);
    return `unknown ${noun}${didYouMean(typed, names)}; the ${noun}s are ${names.join(", ")}`;
  }
  return error.message ?? error.keyword;
}

/** `#/a/b/c` → `#/a/b`. */
function parent(schemaPath: string): string {
  return schemaPath.slice(0, schemaPath.lastIndexOf("/"));
}

/** The part of `schema` at a `#/…` pointer, or undefined. */
function at(schema: unknown, pointer: string): unknown {
  if (schema === undefined || !pointer.startsWith("#")) return undefined;
  let node: unknown = schema;
  for (const part of pointer.slice(2).split("/").filter(Boolean)) {
    const key = part.replace(/~1/g, "/").replace(/~0/g, "~");
    node =
      node && typeof node === "object" && Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** `/item/3/request/body/formdata/0` → `item[3].request.body.formdata[0]`. */
export function jsonPath(pointer: string): string {
  if (pointer === "") return "$";
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce(
      (path, part) =>
        /^\d+$/.test(part)
          ? `${path}[${part}]`
          : /^[A-Za-z_$][\w$]*$/.test(part)
            ? `${path ? `${path}.` : ""}${part}`
            : `${path}[${JSON.stringify(part)}]`,
      "",
    );
}
