// The encoders of operations with unquoted places paste each variable's text at its place, and
// only there: a caller's string that holds the marks a place is written with stays as it is.
import { describe, expect, it } from "vitest";
import { encodeGraphqlUnquoted, encodeJsonUnquoted, encodeRawUnquoted } from "../../src/runtime/bodies.js";
import type { ArgSpec, CallSpec } from "../../src/runtime/spec.js";
import { fillDeep, type Lookup } from "../../src/runtime/template.js";

const arg = (name: string): ArgSpec => ({ arg: name, name, in: "body", required: false, type: "json" });
const op: CallSpec = { name: "op", method: "POST", path: "/", args: [arg("a"), arg("b")] } as unknown as CallSpec;
const fail = (): never => {
  throw new Error("refused");
};
const lookup: Lookup = (name) => ({ n: "4321.0", big: "12345678901234567891", obj: '{"k": [1 ,2]}' })[name];

describe("an unquoted variable's text spliced into a JSON body", () => {
  it("goes as written, and a caller's string holding the marks stays a string", () => {
    const filled = fillDeep(
      { n: "{{n}}", list: ["{{big}}", "{{obj}}"] },
      lookup,
      "op",
      [["n"], ["list", 0], ["list", 1]],
      true,
    );
    // Every mark the splicing tries first, each string as a placeholder is written.
    const caller = ["\ue0000\ue000", "\ue0010\ue001"];
    const body = encodeJsonUnquoted(
      [
        [arg("a"), filled],
        [arg("b"), caller],
      ],
      fail,
      op,
    );
    expect(body).toBe(`{"a":{"n":4321.0,"list":[12345678901234567891,{"k": [1 ,2]}]},"b":${JSON.stringify(caller)}}`);
  });

  it("as the whole raw body, and in a GraphQL body's variables, which stays typed as JSON", () => {
    expect(encodeRawUnquoted([[arg("body"), fillDeep("{{obj}}", lookup, "op", [[]], true)]], fail, op)).toBe(
      '{"k": [1 ,2]}',
    );
    const request = fillDeep({ query: "q", variables: { n: "{{n}}" } }, lookup, "op", [["variables", "n"]], true);
    expect(encodeGraphqlUnquoted([[arg("body"), request]], fail, op)).toBe('{"query":"q","variables":{"n":4321.0}}');
    expect(encodeGraphqlUnquoted.type).toBeTypeOf("function");
  });

  it("read by a caller's own JSON.stringify as the value its text is", () => {
    const filled = fillDeep({ n: "{{n}}" }, lookup, "op", [["n"]], true);
    expect(JSON.stringify(filled)).toBe('{"n":4321}');
  });
});
