// The response check reports where a body differs from its inferred type by path and kind only:
// no value of the body, and no key of a map (a map's keys are data: emails, ids, file names).
import { expect, it } from "vitest";
import { verifyResponse, type ChecksTable, type TypeMismatch } from "../../src/runtime/check.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";

const table: ChecksTable = {
  operations: { updateUserStatus: { "200": { object: [["presence", { object: [], index: "string" }]] } } },
  shapes: {},
};

it("names a map's entries [*], never by their keys, and quotes no value", () => {
  const found: TypeMismatch[] = [];
  const body = { presence: { "carol@example.net": 42, "dave@example.net": "online" } };
  verifyResponse(table, SEED_SPEC, 200, body, { responseCheck: "warn", onTypeMismatch: (m) => found.push(m) });
  expect(found).toEqual([
    { operation: "updateUserStatus", status: 200, path: "$.presence[*]", expected: "string", received: "number" },
  ]);
  expect(JSON.stringify(found)).not.toMatch(/carol|dave|42|online/);
});
