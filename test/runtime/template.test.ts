import { describe, expect, it } from "vitest";
import { ValidationError } from "../../src/runtime/errors.js";
import { dynamicVariable } from "../../src/runtime/dynamic.js";
import { fillDeep, fillTemplate, type Lookup } from "../../src/runtime/template.js";

const vars: Record<string, string> = { host: "api.test", base: "https://{{host}}/v1", a: "{{b}}", b: "{{a}}" };
const lookup = (name: string) => vars[name];

describe("fillTemplate", () => {
  it("fills references, also inside values", () => {
    expect(fillTemplate("{{base}}/users", lookup, "op")).toBe("https://api.test/v1/users");
  });

  it("refuses a reference cycle and a missing variable, naming it", () => {
    expect(() => fillTemplate("{{a}}", lookup, "op")).toThrow(
      new ValidationError("op", undefined, "variable {{a}} refers to itself (a → b → a)"),
    );
    expect(() => fillTemplate("x{{missing}}", lookup, "op")).toThrow(
      /variable \{\{missing\}\} has no value: pass it as createClient\(\{ variables: \{ "missing": … \} \}\)/,
    );
  });

  it("makes Postman's dynamic variables unless they are given", () => {
    const withDynamic: Lookup = Object.assign((name: string) => vars[name], { dynamic: dynamicVariable });
    expect(fillTemplate("{{$guid}}", withDynamic, "op")).toMatch(/^[0-9a-f-]{36}$/);
    expect(fillTemplate("{{$timestamp}}", withDynamic, "op")).toMatch(/^\d{10}$/);
    const fixed: Lookup = Object.assign((n: string) => (n === "$guid" ? "fixed" : undefined), {
      dynamic: dynamicVariable,
    });
    expect(fillTemplate("{{$guid}}", fixed, "op")).toBe("fixed");
  });

  it("makes none where the lookup has no dynamic variables (a collection that refers to none)", () => {
    expect(() => fillTemplate("{{$guid}}", lookup, "op")).toThrow(/variable \{\{\$guid\}\} has no value/);
  });

  it("uses the caller's values as given: no {{reference}} in them is read, whatever the others do", () => {
    const given: Record<string, string> = { token: "s3cr{{et-PART}}x", id: "{{$guid}}", host: "caller.test" };
    const withGiven: Lookup = Object.assign((name: string) => given[name] ?? vars[name], {
      given: (name: string) => given[name],
    });
    expect(fillTemplate("{{token}}/{{id}}", withGiven, "op")).toBe("s3cr{{et-PART}}x/{{$guid}}");
    // The collection's values are still filled, with the caller's values in them.
    expect(fillTemplate("{{base}}/users", withGiven, "op")).toBe("https://caller.test/v1/users");
  });

  it("treats names of Object.prototype's members as any other variable without a value", () => {
    for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"]) {
      expect(() => fillTemplate(`x/{{${name}}}`, () => undefined, "op"), name).toThrow(
        Object.assign(
          new ValidationError(
            "op",
            undefined,
            `variable {{${name}}} has no value: pass it as createClient({ variables: { ${JSON.stringify(name)}: … } })`,
          ),
          { missing: { variable: name } },
        ),
      );
      expect(fillTemplate(`x/{{${name}}}`, (n) => (n === name ? "given" : undefined), "op")).toBe("x/given");
    }
  });

  it("fills every string of a JSON value and keeps odd keys as own properties", () => {
    const value = fillDeep(
      JSON.parse('{"__proto__": {"x": "{{host}}"}, "list": ["{{host}}", 1, null]}'),
      lookup,
      "op",
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":{"x":"api.test"},"list":["api.test",1,null]}');
  });

  it("reads the filled text at each unquoted place as JSON, as Postman pastes it; a key such as __proto__ stays own", () => {
    const numbers: Lookup = (name) => ({ n: "3", flag: "true", list: "[1,2]", host: "api.test" })[name];
    const value = fillDeep(
      JSON.parse('{"__proto__": "{{list}}", "a": {"n": "{{n}}", "q": "{{n}}"}, "l": ["{{flag}}", "{{host}}"]}'),
      numbers,
      "op",
      [["__proto__"], ["a", "n"], ["l", 0]],
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(JSON.stringify(value)).toBe('{"__proto__":[1,2],"a":{"n":3,"q":"3"},"l":[true,"api.test"]}');
    expect(fillDeep("{{n}}", numbers, "op", [[]])).toBe(3);
  });

  it("reads the text at a list's element as the list's elements in place of the one, as Postman pastes it", () => {
    const lists: Lookup = (name) => ({ ids: '"a", "b"', none: " ", one: "[1]", n: "3" })[name];
    const value = fillDeep(
      JSON.parse('{"l": [0, "{{ids}}", ["{{none}}"], "{{ids}}", "{{one}}", 9], "n": "{{n}}", "e": ["{{none}}"]}'),
      lists,
      "op",
      [["l", 1], ["l", 2, 0], ["l", 3], ["l", 4], ["n"], ["e", 0]],
    );
    expect(JSON.stringify(value)).toBe('{"l":[0,"a","b",[],"a","b",[1],9],"n":3,"e":[]}');
    // None beside other elements is a comma with nothing on one side; a value alone (`"{{n}}"` at
    // "n") is no list's elements, nor text whose brackets end the list.
    const refused = (template: string, lookup: Lookup, places: Array<Array<string | number>>) => () =>
      fillDeep(JSON.parse(template), lookup, "op", places);
    expect(refused('[0, "{{none}}"]', lists, [[1]])).toThrow(/\{\{none\}\}, .* is no JSON value nor a list's elements/);
    expect(refused('{"n": "{{ids}}"}', lists, [["n"]])).toThrow(/\{\{ids\}\}, .* is no JSON value: /);
    expect(refused('["{{x}}"]', () => '1], "x": [2', [[0]])).toThrow(/is no JSON value nor a list's elements/);
  });

  it("refuses a value that is no JSON at an unquoted place, naming the reference and not the value", () => {
    const secret: Lookup = (name) => (name === "token" ? "s3cr3t" : undefined);
    const fill = () => fillDeep({ token: "{{token}}" }, secret, "op", [["token"]]);
    expect(fill).toThrow(/^op: the value of \{\{token\}\}, written unquoted in the JSON body, is no JSON value/);
    expect(fill).not.toThrow(/s3cr3t/);
  });
});
