// An operation spec for the runtime tests, written by hand: a test gives what it is about (method,
// path, arguments, auth); the names and the empty lists are the same placeholders in every test.
import type { OperationSpec } from "../../src/runtime/spec.js";

export function testOperation({
  method,
  path,
  ...fields
}: Pick<OperationSpec, "method" | "path"> & Partial<OperationSpec>): OperationSpec {
  // The keys in the order a spec written out in full has them.
  return { name: "op", namespace: [], item: "Op", folder: [], method, path, args: [], responses: [], ...fields };
}
