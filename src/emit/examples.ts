// Argument values for the generated tests and README: the collection's own values where it has
// them, else a value of the documented type.
import type { ArgModel, OperationModel } from "../model/types.js";
import { argType } from "./type-expressions.js";

export type ExampleValue = string | number | boolean;

export function exampleValue(arg: ArgModel): ExampleValue {
  if (arg.enum) return arg.example !== undefined && arg.enum.includes(arg.example) ? arg.example : arg.enum[0]!;
  const type = argType(arg);
  if (type === "number") {
    const n = Number(arg.example);
    return arg.example !== undefined && arg.example.trim() !== "" && Number.isFinite(n) ? n : 1;
  }
  if (type === "boolean") return arg.example === "false" ? false : true;
  const text = arg.example ?? `example-${arg.name}`;
  // A path segment must be neither empty nor a dot segment, or the client refuses it.
  if (arg.in === "path" && (text === "" || text === "." || text === "..")) return `example-${arg.name}`;
  if (arg.in === "header" && /[\r\n]/.test(text)) return `example-${arg.name}`;
  return text;
}

/** Every argument with a value: what the generated tests send. */
export function exampleArgs(op: OperationModel): Record<string, ExampleValue> {
  const args: Record<string, ExampleValue> = {};
  for (const arg of op.args) {
    // defineProperty: a key such as "__proto__" must become an own property, not the prototype.
    Object.defineProperty(args, arg.arg, { value: exampleValue(arg), enumerable: true, writable: true, configurable: true });
  }
  return args;
}
