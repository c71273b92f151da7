// A raw JSON body with `{{variables}}`: where the collection writes one unquoted (`"n": {{count}}`),
// which Postman fills with its text as it is, so that it stands for a JSON value of any type.
import { describe, expect, it } from "vitest";
import { readJsonBody } from "../../src/load/json.js";

describe("readJsonBody", () => {
  it("lists the place of each unquoted reference, in objects and lists, and of none that is quoted", () => {
    expect(readJsonBody('{"a": {{n}}, "b": "{{n}}", "c": {"d": [{{x}}, "{{x}}", null]}, "__proto__": {{p}}}')).toEqual({
      value: JSON.parse('{"a": "{{n}}", "b": "{{n}}", "c": {"d": ["{{x}}", "{{x}}", null]}, "__proto__": "{{p}}"}'),
      unquoted: [["a"], ["c", "d", 0], ["__proto__"]],
    });
    expect(readJsonBody("[{{a}}, 2]")?.unquoted).toEqual([[0]]);
    expect(readJsonBody('{"a": "{{n}}"}')).toEqual({ value: { a: "{{n}}" }, unquoted: [] });
  });

  it("reads a reference in a key's place as text, listing none; refuses what is no JSON either way", () => {
    expect(readJsonBody("{ {{key}}: 1 }")).toEqual({ value: { "{{key}}": 1 }, unquoted: [] });
    expect(readJsonBody('{"a": {{n}}{{m}}}')).toBeUndefined();
    expect(readJsonBody('{"a": 1{{n}}}')).toBeUndefined();
  });
});
