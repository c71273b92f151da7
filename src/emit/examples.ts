// Argument values for the generated tests and README: the collection's own values where it has
// them, else a value of the documented type. Arguments with a default are left out, so that the
// tests also check what the client sends by itself.
import { argItemType } from "./type-expressions.js";
import { namesCredentialField } from "../runtime/credential-names.js";
import { jsonLiteral, objectKey, stringLiteral } from "./literals.js";
import type { Shape } from "../model/shape.js";
import type { ArgModel, OperationModel } from "../model/types.js";

/** A test value for a file argument: its bytes are checked on the server. */
export function fileContent(arg: ArgModel): string {
  return `test file for ${arg.name}`;
}

export function exampleValue(arg: ArgModel): unknown {
  if (arg.type === "file") return fileContent(arg);
  if (arg.type === "json") {
    if (arg.typeHint === "graphql" && arg.example === undefined) return { query: "{ __typename }" };
    return arg.shape ? completed(arg.example, arg.shape, arg.name) : (arg.example ?? {});
  }
  const example = typeof arg.example === "string" ? arg.example : undefined;
  if (arg.enum) return example !== undefined && arg.enum.includes(example) ? example : arg.enum[0]!;
  const type = argItemType(arg);
  if (type === "number") {
    const n = Number(example);
    return example !== undefined && example.trim() !== "" && Number.isFinite(n) ? n : 1;
  }
  if (type === "boolean") return example !== "false";
  const text = example ?? `example-${arg.name}`;
  // A path segment must be neither empty nor a dot segment, or the client refuses it.
  if (arg.in === "path" && (text === "" || text === "." || text === "..")) return `example-${arg.name}`;
  if (arg.in === "header" && /[\r\n]/.test(text)) return `example-${arg.name}`;
  return text;
}

/** The arguments the generated tests and the README pass: every one without a default. */
export function exampleArgs(op: OperationModel): Array<[ArgModel, unknown]> {
  return op.args.filter((arg) => arg.default === undefined).map((arg) => [arg, exampleValue(arg)]);
}

/** The arguments as a TypeScript object literal (file values become Blobs); optionally the required ones only. */
export function exampleArgsLiteral(op: OperationModel, requiredOnly = false): string {
  const members = exampleArgs(op)
    .filter(([arg]) => !requiredOnly || arg.required)
    .map(([arg, value]) => {
      const expression = arg.type === "file" ? `new Blob([${stringLiteral(String(value))}])` : jsonLiteral(value);
      return `${objectKey(arg.arg)}: ${expression}`;
    });
  return `{ ${members.join(", ")} }`;
}

/**
 * A JSON example with a value of its type wherever the type requires one the example lacks, and
 * in place of each credential: the loader leaves a credential's value out of it
 * (load/credentials.ts), a call that passes the example must still type-check, and the README and
 * the tests show where the credential goes (a key sent is optional: src/model/infer.ts, rule 3).
 * A field is judged by the rule the loader strips JSON fields by (`namesCredentialField`: `key`
 * and `auth` name no credential there), so a field whose value the loader kept is not filled in.
 */
function completed(value: unknown, shape: Shape, name: string): unknown {
  if (value === undefined) return valueOf(shape, name);
  if (shape.kind === "array" && shape.items && Array.isArray(value))
    return value.map((item) => completed(item, shape.items!, name));
  if (shape.kind !== "object" || typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const given = value as Record<string, unknown>;
  const shapes = new Map(shape.properties.map((p) => [p.name, p.shape]));
  // fromEntries keeps a `__proto__` key as the value's own field.
  return Object.fromEntries([
    ...Object.entries(given).map(([key, field]) => {
      const fieldShape = shapes.get(key);
      return [key, fieldShape ? completed(field, fieldShape, key) : field] as const;
    }),
    ...shape.properties.flatMap((p) =>
      (p.optional && !namesCredentialField(p.name)) || Object.hasOwn(given, p.name)
        ? []
        : [[p.name, valueOf(p.shape, p.name)] as const],
    ),
  ]);
}

function valueOf(shape: Shape, name: string): unknown {
  switch (shape.kind) {
    case "string":
      return `example-${name}`;
    case "number":
      return 1;
    case "boolean":
      return true;
    case "array":
      return [];
    case "object":
      return completed({}, shape, name);
    case "union":
      return valueOf(shape.of[0]!, name);
    default:
      return null;
  }
}
