// The value the README and the generated tests pass for a JSON body fills in an optional field
// only where the loader left a credential's value out: by the rule it strips JSON fields by, so a
// field it kept (`key`, `auth`: no credential as a JSON field's name) is not made up.
import { describe, expect, it } from "vitest";
import { exampleValue } from "../../src/emit/examples.js";
import type { ArgModel } from "../../src/model/types.js";
import type { Shape } from "../../src/model/shape.js";

const text: Shape = { kind: "string" };
const body = (names: string[]): ArgModel => ({
  arg: "body",
  name: "body",
  in: "body",
  source: "item[0].request.body",
  required: true,
  type: "json",
  example: { name: "n" },
  shape: {
    kind: "object",
    properties: [
      { name: "name", shape: text, optional: false },
      ...names.map((name) => ({ name, shape: text, optional: true })),
    ],
  },
});

describe("a JSON body's example", () => {
  it("fills in an optional field whose name says the loader left its value out", () => {
    expect(exampleValue(body(["api_key", "password"]))).toEqual({
      name: "n",
      api_key: "example-api_key",
      password: "example-password",
    });
  });

  it("leaves out an optional field the loader keeps in a JSON value (key, auth)", () => {
    expect(exampleValue(body(["key", "auth", "nickname"]))).toEqual({ name: "n" });
  });
});
